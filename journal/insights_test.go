package journal

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

func TestWindows(t *testing.T) {
	wed := day(2)
	four := FourWeeks(wed)
	if four.First != day(1)-22 || four.Last != wed || four.Days() != 24 || four.Name != "the last 4 weeks" {
		t.Errorf("FourWeeks = %+v (%d days)", four, four.Days())
	}
	if four.First.Weekday() != time.Monday {
		t.Errorf("four weeks start on a %v", four.First.Weekday())
	}
	year := Year(wed)
	if year.First.Weekday() != time.Monday || len(Weeks(nil, year.First, year.Last)) != 52 {
		t.Errorf("Year = %+v", year)
	}
	season := Season(workbook.MakeDay(2026, time.September, 10), wed)
	if season.First != workbook.MakeDay(2026, time.September, 7) || season.Name != "this season" {
		t.Errorf("Season = %+v", season)
	}
	if s := Season(wed+10, wed); s.First > s.Last {
		t.Errorf("a season starting after today: %+v", s)
	}
	full := Window{Name: "four weeks", First: day(1) - 1, Last: day(27)}
	before := full.Before()
	if before.Last != full.First-1 || before.Days() != 28 || before.Name != "the 4 weeks before" {
		t.Errorf("Before = %+v", before)
	}
	for n, want := range map[int]string{7: "the week before", 365: "the year before", 364: "the year before", 10: "the 2 weeks before", 24: "the 4 weeks before"} {
		w := Window{First: 1000, Last: 1000 + workbook.Day(n-1)}
		b := w.Before()
		if b.Name != want || b.Days() != n || (w.First-b.First)%7 != 0 || b.Last >= w.First {
			t.Errorf("%d days: %+v, want %q, as long, whole weeks before", n, b, want)
		}
	}
}

func names(r workbook.Ref) string {
	return map[string]string{"belonging": "Belonging", "adventure": "Adventure"}[r.ID]
}

func TestReflect(t *testing.T) {
	belonging, adventure := workbook.Value("belonging"), workbook.Value("adventure")
	fit := func(b, a int) map[workbook.Ref]workbook.Score {
		return map[workbook.Ref]workbook.Score{belonging: workbook.Score(b), adventure: workbook.Score(a)}
	}
	w := Window{Name: "the last 4 weeks", First: day(1) - 1, Last: day(27)}
	entries := []workbook.Entry{
		{Day: day(1), Metres: 8000, Duration: 48 * time.Minute, Tags: []string{"with others"}, Enjoyment: 5, Before: 2, After: 5, Fit: fit(5, 2)},
		{Day: day(3), Metres: 5000, Duration: 30 * time.Minute, Tags: []string{"solo"}, Enjoyment: 3, Before: 3, After: 3, Fit: fit(1, 2)},
		{Day: day(5), Metres: 12000, Duration: 75 * time.Minute, Tags: []string{"with others", "long"}, Enjoyment: 4, Before: 3, After: 4, Fit: fit(4, 1)},
		{Day: day(8), Metres: 5000, Duration: 29 * time.Minute, Tags: []string{"solo"}, Enjoyment: 3, Before: 2, After: 4},
		{Day: day(10), Metres: 6000, Duration: 36 * time.Minute, Tags: []string{"with others"}, Enjoyment: 4},
		{Day: day(16), Metres: 5000, Duration: 31 * time.Minute, Tags: []string{"solo"}, Enjoyment: 3},
	}
	previous := []workbook.Entry{
		{Day: day(1) - 10, Metres: 5000, Enjoyment: 3},
		{Day: day(1) - 20, Metres: 5000, Enjoyment: 3},
	}
	settings := workbook.JournalSettings{Unit: workbook.Kilometres, Plan: 2}
	m := Reflect(w, 0, entries, previous, settings, []workbook.Ref{belonging, adventure}, names)
	if m.Totals.Runs != 6 || m.Totals.Metres != 41000 || len(m.Weeks) != 4 {
		t.Errorf("totals %+v, %d weeks", m.Totals, len(m.Weeks))
	}
	if m.Plan != (PlanCount{Plan: 2, Weeks: 4, Met: 2, Ran: 3}) {
		t.Errorf("plan = %+v", m.Plan)
	}
	want := []string{
		"6 runs in the last 4 weeks: 41 km in 4:09:00.",
		"2 of 4 weeks reached your plan of 2 runs.",
		"4 more runs and 31 km more than the 4 weeks before.",
		"Enjoyment averaged 3.7 of 5, up from 3 the 4 weeks before.",
		"You felt better after 3 of the 4 runs where you said how you felt before and after, by 1.5 on average.",
		"Runs with others: enjoyment 4.3, against 3 on your other runs.",
		"Belonging fit runs with others best (4.5 of 5).",
		"Adventure fit your runs 1.7 of 5 on average. Values can change; it may be worth another look at what running gives it.",
	}
	if !slices.Equal(m.Sentences, want) {
		t.Errorf("sentences:\n%s\nwant\n%s", strings.Join(m.Sentences, "\n"), strings.Join(want, "\n"))
	}
}

func TestReflectNamesTheKindAValueFitBest(t *testing.T) {
	calm := workbook.Value("belonging")
	entries := []workbook.Entry{
		{Tags: []string{"with others"}, Fit: map[workbook.Ref]workbook.Score{calm: 5}},
		{Tags: []string{"with others"}, Fit: map[workbook.Ref]workbook.Score{calm: 4}},
		{Tags: []string{"solo"}, Fit: map[workbook.Ref]workbook.Score{calm: 3}},
	}
	m := Reflect(FourWeeks(today), 0, entries, nil, workbook.JournalSettings{}, []workbook.Ref{calm}, names)
	if !slices.Contains(m.Sentences, "Belonging fit runs with others best (4.5 of 5).") {
		t.Errorf("sentences: %q", m.Sentences)
	}
}

func TestReflectOnQuietWeeks(t *testing.T) {
	m := Reflect(FourWeeks(today), 0, nil, []workbook.Entry{{Metres: 5000}}, workbook.JournalSettings{Plan: 3}, nil, names)
	if len(m.Sentences) != 1 || m.Sentences[0] != "No runs logged in the last 4 weeks yet. The journal is here whenever you are." {
		t.Errorf("sentences: %q", m.Sentences)
	}
	for _, s := range m.Sentences {
		for _, judging := range []string{"fail", "miss", "streak", "only", "should"} {
			if strings.Contains(strings.ToLower(s), judging) {
				t.Errorf("%q judges (%q)", s, judging)
			}
		}
	}
}

func TestReflectSaysWhatChangedCalmly(t *testing.T) {
	w := FourWeeks(today)
	cases := []struct {
		now, before []workbook.Entry
		want        string
	}{
		{[]workbook.Entry{{Metres: 5000}}, []workbook.Entry{{Metres: 5000}, {Metres: 5000}, {Metres: 3000}}, "2 runs fewer and 8 km less than the 4 weeks before."},
		{[]workbook.Entry{{Metres: 5000}}, []workbook.Entry{{Metres: 5050}}, "About as much running as the 4 weeks before."},
		{[]workbook.Entry{{Metres: 5000}, {Metres: 5000}}, []workbook.Entry{{Metres: 10000}}, "1 more run than the 4 weeks before."},
		{[]workbook.Entry{{Enjoyment: 3}}, []workbook.Entry{{Enjoyment: 4}}, "Enjoyment averaged 3 of 5, down from 4 the 4 weeks before."},
		{[]workbook.Entry{{Enjoyment: 4}}, []workbook.Entry{{Enjoyment: 4}, {Enjoyment: 3}}, "Enjoyment averaged 4 of 5, up from 3.5 the 4 weeks before."},
		{[]workbook.Entry{{Enjoyment: 4}}, []workbook.Entry{{Enjoyment: 4}, {Enjoyment: 4}, {Enjoyment: 4}, {Enjoyment: 3}}, "Enjoyment averaged 4 of 5, about the same as the 4 weeks before."},
		{[]workbook.Entry{{Before: 4, After: 2}}, nil, "After runs you felt a little lower than before, by 2 on average: worth noticing which runs those were."},
		{[]workbook.Entry{{Before: 3, After: 3}}, nil, "After runs you felt about as you did before, on average."},
	}
	for i := range cases {
		for j := range cases[i].now {
			cases[i].now[j].Day = today
		}
	}
	for _, tc := range cases {
		m := Reflect(w, 0, tc.now, tc.before, workbook.JournalSettings{}, nil, names)
		if !slices.Contains(m.Sentences, tc.want) {
			t.Errorf("want %q among:\n%s", tc.want, strings.Join(m.Sentences, "\n"))
		}
	}
}

func TestRunsOf(t *testing.T) {
	for tag, want := range map[string]string{
		"with others": "runs with others", "solo": "solo runs", "long": "long runs",
		"new route": "runs on a new route", "group": "runs tagged group", "on the track": "runs on the track",
	} {
		if got := runsOf(tag); got != want {
			t.Errorf("runsOf(%q) = %q, want %q", tag, got, want)
		}
	}
}

// TestAWeekIsCountedOnlyOnceTheJournalBegan: one run logged today, the
// first ever, and the year's mirror counts one week, not 52; without a
// plan the runner set, it judges nothing.
func TestAWeekIsCountedOnlyOnceTheJournalBegan(t *testing.T) {
	runs := []workbook.Entry{{Day: today, Metres: 5000}}
	m := Reflect(Year(today), today, runs, nil, workbook.JournalSettings{}, nil, names)
	if m.Plan.Weeks != 1 || len(m.Weeks) != 52 {
		t.Errorf("counted %d weeks of %d shown", m.Plan.Weeks, len(m.Weeks))
	}
	for _, s := range m.Sentences {
		if strings.Contains(s, "plan") || strings.Contains(s, "of 52") {
			t.Errorf("%q: judged against a plan never set, or over weeks before the journal", s)
		}
	}
	m = Reflect(Year(today), today, runs, nil, workbook.JournalSettings{Plan: 3}, nil, names)
	if !slices.Contains(m.Sentences, "0 of 1 week reached your plan of 3 runs.") {
		t.Errorf("with a plan of 3: %q", m.Sentences)
	}
	// A journal begun three weeks into a four-week window counts its weeks.
	began := today.WeekStart() - 7
	runs = []workbook.Entry{{Day: began, Metres: 5000}, {Day: began + 2, Metres: 5000}, {Day: today, Metres: 5000}}
	m = Reflect(FourWeeks(today), began, runs, nil, workbook.JournalSettings{}, nil, names)
	if !slices.Contains(m.Sentences, "You ran in 2 of 2 weeks.") {
		t.Errorf("begun last week: %q", m.Sentences)
	}
}

func TestTheDefaultJournalHasNoPlan(t *testing.T) {
	if p := workbook.DefaultJournalSettings().Plan; p != 0 {
		t.Errorf("a journal nobody set up plans %d runs a week", p)
	}
}
