package compare

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

func snapshot(id, name string, answers map[string]string, themes ...string) workbook.Snapshot {
	wb := workbook.Snapshot{Season: workbook.Season{ID: id, Name: name}, Answers: map[string]workbook.Answer{}}
	for q, a := range answers {
		wb.Answers[q] = workbook.Answer{Question: q, Text: a}
	}
	for _, th := range themes {
		wb.Themes.Marks = append(wb.Themes.Marks, workbook.ThemeMark{Theme: workbook.Theme(th), Polarity: workbook.Toward, Status: workbook.Confirmed})
	}
	return wb
}

type fake struct{ all []workbook.Snapshot }

func (f fake) Seasons() ([]workbook.Season, error) {
	var out []workbook.Season
	for _, wb := range f.all {
		out = append(out, wb.Season)
	}
	return out, nil
}

func (f fake) Workbook(id string) (workbook.Snapshot, error) {
	for _, wb := range f.all {
		if wb.Season.ID == id {
			return wb, nil
		}
	}
	return workbook.Snapshot{}, nil
}

// TestEveryQuestionAcrossSeasons reads three seasons and lays them out:
// what changed from each to the next, newest first, and every question
// with each season's answer.
func TestEveryQuestionAcrossSeasons(t *testing.T) {
	all := []workbook.Snapshot{
		snapshot("a", "Spring 2026", map[string]string{"competition": "I love a start line."}, "competition"),
		snapshot("b", "Autumn 2026", map[string]string{"competition": "Less so now."}, "competition", "coping"),
		snapshot("c", "Winter 2027", map[string]string{"competition": "I hate races."}, "coping"),
	}
	m := New(common.Env{Styles: common.NewStyles(true)}, fake{all})
	m.SetSize(200, 200)
	msg := m.Open(common.GoTo(common.Welcome))()
	m, _ = m.Update(msg)
	v := ansi.Strip(m.View())
	for _, want := range []string{
		"Autumn 2026 → Winter 2027", "· Competition faded; Headspace stayed.",
		"Spring 2026 → Autumn 2026", "· Headspace is new this season; Competition stayed.",
		"Winter 2027  I hate races.", "Autumn 2026  Less so now.", "Spring 2026  I love a start line.",
		"Are there places", "(not answered)",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("lacks %q:\n%s", want, v)
		}
	}
	if strings.Index(v, "Autumn 2026 → Winter 2027") > strings.Index(v, "Spring 2026 → Autumn 2026") {
		t.Error("the newest change is not first")
	}
	if strings.Index(v, "I hate races.") > strings.Index(v, "I love a start line.") {
		t.Error("the newest answer is not first")
	}
	for _, w := range []int{20, 56, 80} {
		for _, l := range strings.Split(ansi.Strip(Render(all, true, nil, common.NewStyles(true), w)), "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("at %d wide a line is %d: %q", w, ansi.StringWidth(l), l)
			}
		}
	}
	if one := ansi.Strip(Render(all[:1], true, nil, common.NewStyles(true), 80)); !strings.Contains(one, "Only one season so far") {
		t.Errorf("one season:\n%s", one)
	}
}
