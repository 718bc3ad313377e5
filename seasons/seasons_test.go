package seasons

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// now is a Thursday evening; its week began on Monday 30 November 2026.
var now = time.Date(2026, 12, 3, 21, 0, 0, 0, time.UTC)

func TestHowLong(t *testing.T) {
	cases := []struct {
		ago  time.Duration
		want string
	}{
		{10 * time.Minute, "a little while"},
		{3 * time.Hour, "a few hours"},
		{22 * time.Hour, "a day"}, // late last night is yesterday
		{3 * 24 * time.Hour, "three days"},
		{7 * 24 * time.Hour, "a week"},
		{20 * 24 * time.Hour, "two weeks"},
		{21 * 24 * time.Hour, "three weeks"},
		{28 * 24 * time.Hour, "four weeks"},
		{55 * 24 * time.Hour, "seven weeks"},
		{60 * 24 * time.Hour, "two months"},
		{200 * 24 * time.Hour, "six months"},
		{400 * 24 * time.Hour, "over a year"},
		{3 * 365 * 24 * time.Hour, "three years"},
		{40 * 365 * 24 * time.Hour, "40 years"},
	}
	for _, tc := range cases {
		if got := HowLong(now.Add(-tc.ago), now); got != tc.want {
			t.Errorf("HowLong(%v ago) = %q, want %q", tc.ago, got, tc.want)
		}
	}
	if got := ShortDate(workbook.MakeDay(2026, 10, 12), now); got != "12 Oct" {
		t.Errorf("ShortDate this year = %q", got)
	}
	if got := ShortDate(workbook.MakeDay(2025, 10, 12), now); got != "12 Oct 2025" {
		t.Errorf("ShortDate last year = %q", got)
	}
}

func goalsForReturn() []workbook.Goal {
	today := workbook.DayOf(now)
	monday := workbook.MakeDay(2026, 11, 30)
	return []workbook.Goal{
		{ID: "due", Tier: workbook.Medium, Text: "20 km a week", Status: workbook.Resting, Rest: workbook.Rest{Until: today}},
		{ID: "resting", Tier: workbook.Big, Text: "Spring half", Status: workbook.Resting, Rest: workbook.Rest{Until: today + 4}},
		{ID: "draft", Tier: workbook.Medium, Text: "Strength twice a week", Status: workbook.Draft},
		{ID: "committed", Tier: workbook.Big, Text: "Trail 30k", Status: workbook.Committed},
		{ID: "last-week", Tier: workbook.Small, Text: "Tuesday hills", Status: workbook.Draft, Week: monday - 7},
		{ID: "long-ago", Tier: workbook.Small, Text: "Parkrun", Status: workbook.Committed, Week: monday - 21},
		{ID: "checked", Tier: workbook.Small, Text: "Thursday tempo", Status: workbook.Achieved, Week: monday - 7, Check: workbook.WeekCheck{Outcome: workbook.Done}},
		{ID: "this-week", Tier: workbook.Small, Text: "Friday easy", Status: workbook.Draft, Week: monday},
		{ID: "club", Tier: workbook.Medium, Text: "Join the club", Status: workbook.Achieved, Reached: workbook.Reached{At: now.Add(-time.Hour)}},
		{ID: "gone", Tier: workbook.Big, Text: "Ultra", Status: workbook.LetGo},
	}
}

func ids(goals []workbook.Goal) []string {
	var out []string
	for _, g := range goals {
		out = append(out, g.ID)
	}
	return out
}

// TestReturning sets the clock to check what a runner finds: rests
// falling due, the week rolling over, and the long gap's offer.
func TestReturning(t *testing.T) {
	goals := goalsForReturn()
	r := Returning(goals, now.Add(-3*24*time.Hour), now)
	if r.Away != "three days" || r.Days != 3 || r.Offer != workbook.FirstSeason {
		t.Errorf("away %q (%d days), offer %v", r.Away, r.Days, r.Offer)
	}
	if got := ids(r.Due); !slices.Equal(got, []string{"due"}) {
		t.Errorf("due = %v", got)
	}
	if got := ids(r.Resting); !slices.Equal(got, []string{"resting"}) {
		t.Errorf("resting = %v", got)
	}
	if got := ids(r.Active); !slices.Equal(got, []string{"committed", "long-ago", "draft", "last-week", "this-week"}) {
		t.Errorf("active = %v", got)
	}
	if got := ids(r.Unchecked); !slices.Equal(got, []string{"long-ago", "last-week"}) {
		t.Errorf("unchecked = %v", got)
	}
	if got := ids(r.Reached); !slices.Equal(got, []string{"club"}) {
		t.Errorf("reached = %v", got)
	}

	// The day before, the rest was not over; the week before, last week's
	// step was this week's.
	early := now.Add(-24 * time.Hour)
	if r := Returning(goals, early, early); len(r.Due) != 0 || len(r.Resting) != 2 {
		t.Errorf("a day early: due %v, resting %v", ids(r.Due), ids(r.Resting))
	}
	lastWeek := now.AddDate(0, 0, -7)
	if r := Returning(goals, lastWeek, lastWeek); !slices.Equal(ids(r.Unchecked), []string{"long-ago"}) {
		t.Errorf("the week before: unchecked %v", ids(r.Unchecked))
	}
	// Sunday night is still this week; Monday morning rolls it over.
	sunday := time.Date(2026, 12, 6, 23, 59, 0, 0, time.UTC)
	if r := Returning(goals[7:8], sunday, sunday); len(r.Unchecked) != 0 {
		t.Error("the week rolled over before Monday")
	}
	monday := sunday.Add(2 * time.Minute)
	if r := Returning(goals[7:8], sunday, monday); !slices.Equal(ids(r.Unchecked), []string{"this-week"}) {
		t.Errorf("on Monday, last week's step is not asked about: %v", ids(r.Unchecked))
	}

	if r := Returning(goals, now.AddDate(0, 0, -27), now); r.Offer != workbook.FirstSeason {
		t.Errorf("27 days away offers %v", r.Offer)
	}
	if r := Returning(goals, now.AddDate(0, 0, -28), now); r.Offer != workbook.BackAfterBreak || r.Away != "four weeks" {
		t.Errorf("28 days away: %q, offer %v", r.Away, r.Offer)
	}
	reachedBig := append(slices.Clone(goals), workbook.Goal{ID: "big", Tier: workbook.Big, Status: workbook.Achieved})
	if r := Returning(reachedBig, now.Add(-time.Hour), now); r.Offer != workbook.GoalReached {
		t.Errorf("a big goal reached offers %v", r.Offer)
	}
	if r := Returning(nil, time.Time{}, now); r.Away != "" || r.Offer != workbook.FirstSeason {
		t.Errorf("a first visit: %+v", r)
	}
}

func TestReturnWords(t *testing.T) {
	r := Returning(goalsForReturn(), now.Add(-time.Hour), now)
	for _, tc := range []struct{ got, want string }{
		{DueWords(r.Due), "“20 km a week” has rested long enough: time for another look."},
		{DueWords(append(r.Due, r.Resting...)), "Two goals have rested long enough: time for another look."},
		{RestingWords(r.Resting), "“Spring half” rests until Mon 7 Dec."},
		{UncheckedWords(r.Unchecked, now), "The weeks since 9 Nov had 2 small goals: how did they go?"},
		{UncheckedWords(r.Unchecked[1:], now), "Last week had 1 small goal: how did it go?"},
		{UncheckedWords(r.Unchecked[:1], now), "The week of 9 Nov had 1 small goal: how did it go?"},
		{ActiveWords(r.Active, 60), "“Trail 30k”, “Parkrun”, “Strength twice a week” and 2 more"},
		{ActiveWords(r.Active[:2], 60), "“Trail 30k” and “Parkrun”"},
		{DueWords(nil) + RestingWords(nil) + UncheckedWords(nil, now) + ActiveWords(nil, 9), ""},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q\nwant %q", tc.got, tc.want)
		}
	}
}

func TestWeekWordsNeverShame(t *testing.T) {
	d, p, m, l := workbook.Done, workbook.Partly, workbook.Missed, workbook.Dropped
	cases := []struct {
		in   []workbook.Outcome
		want string
	}{
		{[]workbook.Outcome{d, d, m}, "2 of 3 done — try again this week?"},
		{[]workbook.Outcome{d, p}, "1 of 2 done — try again this week?"},
		{[]workbook.Outcome{d, d, d}, "All 3 done."},
		{[]workbook.Outcome{d}, "1 of 1 done."},
		{[]workbook.Outcome{d, d, l}, "All 2 done, 1 let go."},
		{[]workbook.Outcome{m, m}, "0 of 2 done — try again this week?"},
		{[]workbook.Outcome{l}, "1 step let go. A lighter week is still a week."},
		{[]workbook.Outcome{workbook.NotChecked}, ""},
		{nil, ""},
	}
	for _, tc := range cases {
		got := WeekWords(tc.in)
		if got != tc.want {
			t.Errorf("WeekWords(%v) = %q, want %q", tc.in, got, tc.want)
		}
		for _, harsh := range []string{"fail", "FAIL", "only", "!"} {
			if strings.Contains(got, harsh) {
				t.Errorf("WeekWords(%v) = %q says %q", tc.in, got, harsh)
			}
		}
	}
}

func TestStepsOf(t *testing.T) {
	step := func(o workbook.Outcome, parent string) workbook.Goal {
		return workbook.Goal{Tier: workbook.Small, Parent: parent, Check: workbook.WeekCheck{Outcome: o}}
	}
	goals := []workbook.Goal{
		step(workbook.Done, "m"), step(workbook.Done, "m"), step(workbook.Partly, "m"), step(workbook.Missed, "m"),
		step(workbook.Dropped, "m"), step(workbook.NotChecked, "m"), step(workbook.Done, "other"),
		{Tier: workbook.Medium, Parent: "m", Check: workbook.WeekCheck{Outcome: workbook.Done}},
	}
	s := StepsOf(goals, "m")
	if s != (Steps{Done: 2, Partly: 1, Of: 4}) || s.Words() != "weekly steps: 2 of 4 done, 1 partly" {
		t.Errorf("StepsOf = %+v, %q", s, s.Words())
	}
	if w := StepsOf(goals, "none").Words(); w != "" {
		t.Errorf("no steps says %q", w)
	}
}

func TestDiaryReadsLikeADiary(t *testing.T) {
	at := time.Date(2026, 10, 12, 18, 0, 0, 0, time.UTC)
	ev := func(e workbook.GoalEvent) workbook.GoalEvent {
		if e.At.IsZero() {
			e.At = at
		}
		return e
	}
	cases := []struct {
		ev   workbook.GoalEvent
		want string
	}{
		{ev(workbook.GoalEvent{Kind: workbook.EventEdited, Was: "sub-25 5k", Text: "sub-26 5k", Why: "after the calf strain"}),
			"changed “sub-25 5k” to “sub-26 5k” after the calf strain, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventEdited, Was: "a", Text: "b", Why: "Calf strain"}), "changed “a” to “b” — Calf strain, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventEdited, Was: "a", Text: "a", TierWas: workbook.Medium, Tier: workbook.Big, Feel: workbook.Scary}),
			"moved from medium to big, marked a little scary, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventAdded, Text: "Run  Tuesday\nat 7"}), "added “Run Tuesday at 7”, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventMoved, From: workbook.Draft, To: workbook.Resting, Until: workbook.MakeDay(2026, 10, 15)}),
			"put to rest until Thu 15 Oct, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventMoved, From: workbook.Resting, To: workbook.Draft}), "looked at again after a rest, and kept, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventMoved, From: workbook.Resting, To: workbook.Committed}), "committed to after a rest, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventMoved, From: workbook.Draft, To: workbook.Committed}), "committed to, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventMoved, From: workbook.Committed, To: workbook.Achieved, Felt: "like flying"}), "reached — “like flying”, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventMoved, From: workbook.Achieved, To: workbook.Committed}), "not reached after all, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventMoved, From: workbook.Draft, To: workbook.LetGo, Why: "not this year"}), "let go — not this year, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventMoved, From: workbook.LetGo, To: workbook.Draft}), "taken up again, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventCarried, Season: "Autumn 2026"}), "carried over from Autumn 2026, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventChecked, Week: workbook.MakeDay(2026, 10, 5), Outcome: workbook.Partly}), "the week of 5 Oct: partly done, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventAgain, Week: workbook.MakeDay(2026, 10, 5)}), "tried again after the week of 5 Oct, 12 Oct"},
		{ev(workbook.GoalEvent{Kind: workbook.EventAdded, Text: "x", At: at.AddDate(-1, 0, 0)}), "added “x”, 12 Oct 2025"},
	}
	for _, tc := range cases {
		if got := Diary(tc.ev, now); got != tc.want {
			t.Errorf("Diary(%+v)\n = %q\nwant %q", tc.ev, got, tc.want)
		}
	}
}

// TestChangesSeasonOverSeason compares two seasons and says what changed.
func TestChangesSeasonOverSeason(t *testing.T) {
	own := workbook.OwnThemeRef("o1")
	prev := workbook.Snapshot{
		Season: workbook.Season{ID: "a", Name: "Autumn 2026"},
		Answers: map[string]workbook.Answer{
			"proud-moment": {Text: "hill race"}, "big-dream": {Text: "a spring half"},
		},
		Themes: workbook.ThemeBoard{
			Marks: []workbook.ThemeMark{
				{Theme: workbook.Theme("competition"), Polarity: workbook.Toward, Status: workbook.Confirmed},
				{Theme: workbook.Theme("health"), Polarity: workbook.Toward, Status: workbook.Confirmed},
				{Theme: workbook.Theme("joy"), Polarity: workbook.Toward, Status: workbook.Dismissed},
			},
			Top: workbook.Theme("competition"),
		},
		Values: []workbook.ValueChoice{{ID: "adventure"}, {ID: "o2", Own: true, Name: "Company"}},
		Goals: []workbook.Goal{
			{ID: "g1", Tier: workbook.Medium, Text: "Join the club", Status: workbook.Achieved},
			{ID: "g2", Tier: workbook.Big, Text: "Ultra", Status: workbook.LetGo},
			{ID: "g3", Tier: workbook.Big, Text: "Spring half", Status: workbook.Committed},
			{ID: "g4", Tier: workbook.Small, Text: "Tuesday", Status: workbook.Achieved},
		},
	}
	cur := workbook.Snapshot{
		Season:  workbook.Season{ID: "b", Name: "Winter 2027"},
		Answers: map[string]workbook.Answer{"proud-moment": {Text: "coming back"}},
		Themes: workbook.ThemeBoard{
			Marks: []workbook.ThemeMark{
				{Theme: workbook.Theme("coping"), Polarity: workbook.Toward, Status: workbook.Confirmed},
				{Theme: workbook.Theme("health"), Polarity: workbook.Toward, Status: workbook.Confirmed},
				{Theme: own, Polarity: workbook.Toward, Status: workbook.Confirmed},
				{Theme: workbook.Theme("competition"), Polarity: workbook.Away, Status: workbook.Confirmed},
			},
			Own: []workbook.OwnTheme{{ID: "o1", Name: "Woods"}},
			Top: workbook.Theme("coping"),
		},
		Values: []workbook.ValueChoice{{ID: "adventure"}, {ID: "calm"}},
		Goals:  []workbook.Goal{{ID: "n3", From: workbook.GoalRef{Season: "a", Goal: "g3"}}},
	}
	want := []string{
		"Headspace and Woods are new this season; Competition faded; Health stayed.",
		"You'd now rather not have Competition.",
		"What matters most moved from Competition to Headspace.",
		"Calm is a new value; Company was left behind; you kept Adventure.",
		"1 goal carried over; reached last season: “Join the club”; 1 goal let go.",
		"You answered 1 question this season, 2 last season.",
	}
	got := Changes(prev, cur)
	if !slices.Equal(got, want) {
		t.Errorf("Changes =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := Changes(workbook.Snapshot{}, workbook.Snapshot{}); len(got) != 0 {
		t.Errorf("two empty seasons changed: %q", got)
	}
	same := Changes(prev, prev)
	if !slices.Contains(same, "Competition and Health stayed.") || !slices.Contains(same, "You kept Adventure and Company.") {
		t.Errorf("a season compared with itself: %q", same)
	}
}
