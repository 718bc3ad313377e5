package tui

import (
	"strings"
	"time"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/seasons"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/tui/goals"
	journalscreen "github.com/cairn-run/cairn/tui/journal"
	"github.com/cairn-run/cairn/tui/summary"
	"github.com/cairn-run/cairn/tui/welcome"
	"github.com/cairn-run/cairn/workbook"
)

// Views the root derives from what several screens hold, handed to a
// screen as it is entered. Each is a pure function of its arguments, so it
// is tested with tables (derived_test.go) rather than through the screens.

// visitOf is what the welcome screen says about the season on disk at
// now: when the runner was last here, where to resume, how far they got,
// what waits for them (seasons.Returning), and how many seasons there
// are.
func visitOf(wb workbook.Snapshot, now time.Time, seasonCount int) welcome.Visit {
	return welcome.Visit{
		LastActive: wb.LastActive,
		Resume:     resumeAt(wb.Place),
		Answered:   answered(wb.Answers),
		Questions:  len(catalog.Questions()),
		Goals:      len(wb.Goals),
		Return:     seasons.Returning(wb.Goals, wb.LastActive, now),
		Seasons:    seasonCount,
	}
}

// resumeAt is where to take the runner back to: the screen and question
// they left, or the first question when the place names no screen of the
// exercise past the welcome (the journal is beside it, never a place).
func resumeAt(p workbook.Place) common.NavigateMsg {
	if to, ok := common.ParseScreen(p.Screen); ok && to != common.Welcome && !common.Beside(to) {
		return common.NavigateMsg{To: to, Question: p.Question, Resume: true}
	}
	return common.NavigateMsg{To: common.Reflect, Question: 0, Resume: true}
}

// answered counts the questions asked today that have an answer with
// words in it. An answer to a question no longer asked is still kept, but
// counting it would make "9 of 8".
func answered(answers map[string]workbook.Answer) int {
	n := 0
	for _, q := range catalog.Questions() {
		if strings.TrimSpace(answers[q.ID].Text) != "" {
			n++
		}
	}
	return n
}

// goalContext is what the goal board shows beside the goals: the
// motivation and theme that matter most, the themes the runner is drawn to
// and would rather not build on, their values, and the hints that follow
// from those themes.
func goalContext(board workbook.ThemeBoard, toward, averse []common.Ref, values []workbook.ValueChoice) goals.Context {
	return goals.Context{
		Motivation: strings.TrimSpace(board.Motivation),
		Top:        board.Top,
		Themes:     toward,
		Averse:     averse,
		Values:     valueRefs(values),
		Hints:      catalog.GoalHints(catalogThemes(toward), catalogThemes(averse)),
	}
}

// valueRefs names the chosen values: the catalog's name, or the runner's
// own for a value they wrote.
func valueRefs(chosen []workbook.ValueChoice) []common.Ref {
	var refs []common.Ref
	for _, v := range chosen {
		refs = append(refs, common.Ref{Ref: v.Ref(), Name: catalog.ValueName(v.ID, v.Name)})
	}
	return refs
}

// summaryValues pairs each chosen value's name with what the runner wrote.
func summaryValues(chosen []workbook.ValueChoice) []summary.Value {
	refs := valueRefs(chosen)
	out := make([]summary.Value, len(chosen))
	for i, v := range chosen {
		out[i] = summary.Value{Name: refs[i].Name, Serve: v.Serve, Experiment: v.Experiment}
	}
	return out
}

// catalogThemes keeps the catalog themes among refs, in order; the
// runner's own themes, and values, carry no catalog guidance.
func catalogThemes(refs []common.Ref) []catalog.ThemeID {
	var ids []catalog.ThemeID
	for _, r := range refs {
		if r.Ref.IsTheme() && !r.Ref.Own {
			ids = append(ids, catalog.ThemeID(r.Ref.ID))
		}
	}
	return ids
}

// journalValues are the runner's values as the journal asks about them:
// each one's name and experiment.
func journalValues(chosen []workbook.ValueChoice) []journalscreen.Value {
	refs := valueRefs(chosen)
	out := make([]journalscreen.Value, len(chosen))
	for i, v := range chosen {
		out[i] = journalscreen.Value{Ref: refs[i].Ref, Name: refs[i].Name, Experiment: v.Experiment}
	}
	return out
}
