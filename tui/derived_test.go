package tui

import (
	"slices"
	"testing"
	"time"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/tui/goals"
	"github.com/cairn-run/cairn/tui/summary"
	"github.com/cairn-run/cairn/workbook"
)

func TestResumeAt(t *testing.T) {
	first := common.NavigateMsg{To: common.Reflect, Question: 0, Resume: true}
	for _, tc := range []struct {
		name  string
		place workbook.Place
		want  common.NavigateMsg
	}{
		{"a first run", workbook.Place{}, first},
		{"left on a question", workbook.Place{Screen: "reflect", Question: 5}, common.NavigateMsg{To: common.Reflect, Question: 5, Resume: true}},
		{"left on the goal board", workbook.Place{Screen: "goals", Question: 7}, common.NavigateMsg{To: common.Goals, Question: 7, Resume: true}},
		{"left on the welcome", workbook.Place{Screen: "welcome"}, first},
		{"a screen this build does not have", workbook.Place{Screen: "history", Question: 2}, first},
		{"the journal, which is no place in the exercise", workbook.Place{Screen: "journal", Question: 2}, first},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := resumeAt(tc.place); got != tc.want {
				t.Errorf("resumeAt(%+v) = %+v, want %+v", tc.place, got, tc.want)
			}
		})
	}
}

func TestAnswered(t *testing.T) {
	qs := catalog.Questions()
	all := map[string]workbook.Answer{}
	for _, q := range qs {
		all[q.ID] = workbook.Answer{Question: q.ID, Text: "words"}
	}
	for _, tc := range []struct {
		name    string
		answers map[string]workbook.Answer
		want    int
	}{
		{"nothing yet", nil, 0},
		{"one answer", map[string]workbook.Answer{qs[0].ID: {Text: "numbers"}}, 1},
		{"blank answers do not count", map[string]workbook.Answer{qs[0].ID: {Text: " \n\t"}, qs[1].ID: {Text: ""}}, 0},
		{"a question no longer asked does not count", map[string]workbook.Answer{"retired-question": {Text: "old words"}, qs[2].ID: {Text: "x"}}, 1},
		{"every question", all, len(qs)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := answered(tc.answers); got != tc.want {
				t.Errorf("answered = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestVisitOf(t *testing.T) {
	qs := catalog.Questions()
	last := time.Date(2026, 11, 18, 20, 0, 0, 0, time.UTC)
	v := visitOf(workbook.Snapshot{
		LastActive: last,
		Place:      workbook.Place{Screen: "themes"},
		Answers:    map[string]workbook.Answer{qs[0].ID: {Text: "a"}, qs[3].ID: {Text: "b"}},
		Goals: []workbook.Goal{{ID: "1"}, {ID: "2"}, {ID: "3", Status: workbook.Resting,
			Rest: workbook.Rest{Until: workbook.DayOf(last) + 1}}},
	}, last.AddDate(0, 0, 30), 3)
	want := common.NavigateMsg{To: common.Themes, Resume: true}
	if !v.LastActive.Equal(last) || v.Resume != want || v.Answered != 2 || v.Questions != len(qs) || v.Goals != 3 || v.Seasons != 3 {
		t.Errorf("visit = %+v", v)
	}
	if r := v.Return; r.Days != 30 || r.Offer != workbook.BackAfterBreak || len(r.Due) != 1 || len(r.Active) != 2 {
		t.Errorf("what waits = %+v", r)
	}
	for _, beside := range []string{"journal", "new-season", "history", "compare"} {
		if to := resumeAt(workbook.Place{Screen: beside}); to.To != common.Reflect {
			t.Errorf("a place on %s resumes on %v", beside, to.To)
		}
	}
}

var (
	coping  = common.Ref{Ref: workbook.Theme(string(catalog.Coping)), Name: "Headspace"}
	club    = common.Ref{Ref: workbook.Theme(string(catalog.Affiliation)), Name: "Company"}
	races   = common.Ref{Ref: workbook.Theme(string(catalog.Competition)), Name: "Competition"}
	dogs    = common.Ref{Ref: workbook.OwnThemeRef("0192f0a1b2c3d4e5f6a7"), Name: "Dog walks"}
	calm    = workbook.ValueChoice{ID: "calm", Serve: "Quiet loops", Experiment: "No music"}
	ownHill = workbook.ValueChoice{ID: "0192f0a1b2c3d4e5f6a8", Own: true, Name: "Hill mornings", Serve: "Up early"}
	gone    = workbook.ValueChoice{ID: "retired-value"}
)

func TestCatalogThemes(t *testing.T) {
	for _, tc := range []struct {
		name string
		refs []common.Ref
		want []catalog.ThemeID
	}{
		{"none", nil, nil},
		{"in the runner's order", []common.Ref{club, coping}, []catalog.ThemeID{catalog.Affiliation, catalog.Coping}},
		{"the runner's own carry no guidance", []common.Ref{dogs, coping}, []catalog.ThemeID{catalog.Coping}},
		{"values are not themes", []common.Ref{{Ref: workbook.Value("calm"), Name: "Calm"}, races}, []catalog.ThemeID{catalog.Competition}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := catalogThemes(tc.refs); !slices.Equal(got, tc.want) {
				t.Errorf("catalogThemes = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestValueRefsAndSummaryValues(t *testing.T) {
	for _, tc := range []struct {
		name    string
		chosen  []workbook.ValueChoice
		refs    []common.Ref
		summary []summary.Value
	}{
		{"none", nil, nil, []summary.Value{}},
		{
			"catalog, own and retired values, in the order chosen",
			[]workbook.ValueChoice{ownHill, calm, gone},
			[]common.Ref{
				{Ref: workbook.OwnValueRef(ownHill.ID), Name: "Hill mornings"},
				{Ref: workbook.Value("calm"), Name: "Calm"},
				{Ref: workbook.Value("retired-value"), Name: "retired-value"},
			},
			[]summary.Value{
				{Name: "Hill mornings", Serve: "Up early"},
				{Name: "Calm", Serve: "Quiet loops", Experiment: "No music"},
				{Name: "retired-value"},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := valueRefs(tc.chosen); !slices.Equal(got, tc.refs) {
				t.Errorf("valueRefs = %+v, want %+v", got, tc.refs)
			}
			if got := summaryValues(tc.chosen); !slices.Equal(got, tc.summary) {
				t.Errorf("summaryValues = %+v, want %+v", got, tc.summary)
			}
		})
	}
}

func TestGoalContext(t *testing.T) {
	for _, tc := range []struct {
		name           string
		board          workbook.ThemeBoard
		toward, averse []common.Ref
		values         []workbook.ValueChoice
		want           goals.Context
		// hintsFor are the catalog themes the hints must follow from.
		hintsFor, avoidFor []catalog.ThemeID
	}{
		{
			name: "nothing decided yet",
			want: goals.Context{},
		},
		{
			name:     "the motivation is trimmed and the top theme kept",
			board:    workbook.ThemeBoard{Motivation: "  time that is mine \n", Top: coping.Ref},
			toward:   []common.Ref{coping, club},
			want:     goals.Context{Motivation: "time that is mine", Top: coping.Ref, Themes: []common.Ref{coping, club}},
			hintsFor: []catalog.ThemeID{catalog.Coping, catalog.Affiliation},
		},
		{
			name:     "the runner's own themes show but give no hints; aversions give their own",
			toward:   []common.Ref{dogs, coping},
			averse:   []common.Ref{races},
			values:   []workbook.ValueChoice{calm, ownHill},
			want:     goals.Context{Themes: []common.Ref{dogs, coping}, Averse: []common.Ref{races}},
			hintsFor: []catalog.ThemeID{catalog.Coping},
			avoidFor: []catalog.ThemeID{catalog.Competition},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := goalContext(tc.board, tc.toward, tc.averse, tc.values)
			if got.Motivation != tc.want.Motivation || got.Top != tc.want.Top ||
				!slices.Equal(got.Themes, tc.want.Themes) || !slices.Equal(got.Averse, tc.want.Averse) {
				t.Errorf("context = %+v, want %+v", got, tc.want)
			}
			if want := valueRefs(tc.values); !slices.Equal(got.Values, want) {
				t.Errorf("values = %+v, want %+v", got.Values, want)
			}
			if want := catalog.GoalHints(tc.hintsFor, tc.avoidFor); !slices.Equal(got.Hints, want) {
				t.Errorf("hints = %q, want those for %v / %v: %q", got.Hints, tc.hintsFor, tc.avoidFor, want)
			}
			if len(tc.hintsFor)+len(tc.avoidFor) > 0 && len(got.Hints) == 0 {
				t.Error("no hints for confirmed catalog themes")
			}
		})
	}
}
