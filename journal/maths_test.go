package journal

import (
	"strings"
	"testing"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// day makes a day in December 2026 (1 December is a Tuesday).
func day(d int) workbook.Day { return workbook.MakeDay(2026, time.December, d) }

var today = day(2)

func TestCheck(t *testing.T) {
	calm := workbook.Value("calm")
	cases := []struct {
		name  string
		e     workbook.Entry
		field string
		says  string
	}{
		{"fine", workbook.Entry{Day: today, Metres: 5000, Duration: 28 * time.Minute, Enjoyment: 4, Before: 2, After: 4}, "", ""},
		{"only a date", workbook.Entry{Day: today}, "", ""},
		{"a marathon in 3 minutes", workbook.Entry{Day: today, Metres: Marathon, Duration: 3 * time.Minute}, "time", "42.2 km in 3:00 would be 0:04 /km, faster than anyone has run"},
		{"a fast but real mile", workbook.Entry{Day: today, Metres: 1609, Duration: 4 * time.Minute}, "", ""},
		{"a 5k in 9 minutes", workbook.Entry{Day: today, Metres: 5000, Duration: 9 * time.Minute}, "time", "faster than anyone"},
		{"enjoyment 9", workbook.Entry{Day: today, Enjoyment: 9}, "enjoyment", "Enjoyment goes from 1 to 5, not 9."},
		{"before 6", workbook.Entry{Day: today, Before: 6}, "before", "not 6"},
		{"after 7", workbook.Entry{Day: today, After: 7}, "after", "not 7"},
		{"a fit of 8", workbook.Entry{Day: today, Fit: map[workbook.Ref]workbook.Score{calm: 8}}, "fit", "not 8"},
		{"a theme as a fit", workbook.Entry{Day: today, Fit: map[workbook.Ref]workbook.Score{workbook.Theme("joy"): 3}}, "fit", "fits values"},
		{"tomorrow", workbook.Entry{Day: today + 1}, "date", "Thursday 3 December 2026 is still to come"},
		{"1899", workbook.Entry{Day: workbook.MakeDay(1899, time.May, 1)}, "date", "before 1900"},
		{"too far", workbook.Entry{Day: today, Metres: 1_200_000}, "distance", "1200 km is more than one run"},
		{"below zero", workbook.Entry{Day: today, Metres: -1}, "distance", "below zero"},
		{"eleven days", workbook.Entry{Day: today, Duration: 11 * 24 * time.Hour}, "time", "more than one run"},
		{"an empty tag", workbook.Entry{Day: today, Tags: []string{"  "}}, "tags", "needs a name"},
		{"a long tag", workbook.Entry{Day: today, Tags: []string{strings.Repeat("x", 41)}}, "tags", "up to 40"},
		{"a theme's experiment", workbook.Entry{Day: today, Experiment: workbook.Theme("joy")}, "experiment", "belongs to a value"},
		{"a huge note", workbook.Entry{Day: today, Note: strings.Repeat("x", MaxNoteBytes+1)}, "note", "64 KB"},
	}
	for _, tc := range cases {
		problems := Check(tc.e, today, workbook.Kilometres)
		err := Validate(tc.e, today, workbook.Kilometres)
		if tc.field == "" {
			if len(problems) > 0 || err != nil {
				t.Errorf("%s: %v", tc.name, problems)
			}
			continue
		}
		if len(problems) == 0 || err == nil {
			t.Errorf("%s: no problem found", tc.name)
			continue
		}
		if problems[0].Field != tc.field || !strings.Contains(problems[0].Text, tc.says) || err.Error() != problems[0].Text {
			t.Errorf("%s: %s: %q, want %s: %q", tc.name, problems[0].Field, problems[0].Text, tc.field, tc.says)
		}
	}
}

// TestCheckNeverClamps: Check reports, and leaves the entry as it was.
func TestCheckNeverClamps(t *testing.T) {
	e := workbook.Entry{Day: today, Enjoyment: 9, Before: 0, After: 12}
	if n := len(Check(e, today, workbook.Kilometres)); n != 2 {
		t.Errorf("%d problems, want 2", n)
	}
	if e.Enjoyment != 9 || e.After != 12 {
		t.Errorf("the entry changed: %+v", e)
	}
}

func TestBlank(t *testing.T) {
	if !Blank(workbook.Entry{Day: today, Note: " \n"}) {
		t.Error("a form with only the date and white space is not blank")
	}
	for _, e := range []workbook.Entry{
		{Metres: 1}, {Duration: time.Second}, {Enjoyment: 1}, {Tags: []string{"easy"}},
		{Experiment: workbook.Value("calm")}, {Note: "hills"}, {Fit: map[workbook.Ref]workbook.Score{workbook.Value("calm"): 2}},
	} {
		if Blank(e) {
			t.Errorf("%+v is blank", e)
		}
	}
}

func TestWeeks(t *testing.T) {
	entries := []workbook.Entry{
		{Day: day(1), Metres: 5000, Duration: 25 * time.Minute},  // Tue, week of 30 Nov
		{Day: day(6), Metres: 10000, Duration: 55 * time.Minute}, // Sun, same week
		{Day: day(7), Metres: 8000, Duration: 40 * time.Minute},  // Mon, next week
		{Day: day(22), Metres: 3000},                             // two weeks later
		{Day: day(31), Metres: 99999},                            // after the window
		{Day: day(1) - 30, Metres: 99999},                        // before it
	}
	weeks := Weeks(entries, day(1), day(27))
	want := []Week{
		{Start: day(1) - 1, Runs: 2, Metres: 15000, Duration: 80 * time.Minute},
		{Start: day(7), Runs: 1, Metres: 8000, Duration: 40 * time.Minute},
		{Start: day(14)},
		{Start: day(21), Runs: 1, Metres: 3000},
	}
	if len(weeks) != len(want) {
		t.Fatalf("Weeks = %+v", weeks)
	}
	for i := range want {
		if weeks[i] != want[i] {
			t.Errorf("week %d = %+v, want %+v", i, weeks[i], want[i])
		}
	}
	if got := Weeks(entries, day(10), day(9)); got != nil {
		t.Errorf("an empty window has weeks: %v", got)
	}
	if got := Weeks(nil, day(8), day(8)); len(got) != 1 || got[0].Start != day(7) || got[0].Runs != 0 {
		t.Errorf("one day's window = %+v", got)
	}
}

func TestCountPlanCountsWeeksNotStreaks(t *testing.T) {
	weeks := []Week{{Runs: 3}, {Runs: 0}, {Runs: 4}, {Runs: 2}, {Runs: 3}}
	cases := []struct {
		plan  int
		met   int
		words string
	}{
		{3, 3, "3 of 5 weeks reached your plan of 3 runs."},
		{1, 4, "4 of 5 weeks reached your plan of 1 run."},
		{5, 0, "0 of 5 weeks reached your plan of 5 runs."},
		{0, 0, "You ran in 4 of 5 weeks."}, // no plan: counted, never judged
	}
	for _, tc := range cases {
		c := CountPlan(weeks, tc.plan)
		if c.Met != tc.met || c.Weeks != 5 || c.Words() != tc.words {
			t.Errorf("plan %d: %+v %q", tc.plan, c, c.Words())
		}
	}
	if got := CountPlan(weeks[:1], 3).Words(); got != "1 of 1 week reached your plan of 3 runs." {
		t.Errorf("one week: %q", got)
	}
}

func TestPlannedRuns(t *testing.T) {
	for _, tc := range []struct {
		runs, plan int
		want       string
	}{
		{3, 4, "3 of 4 planned runs"},
		{0, 3, "0 of 3 planned runs"},
		{3, 3, "3 of 3 planned runs"},
		{5, 3, "5 runs, 3 planned"},
		{1, 0, "1 run"},
		{2, 0, "2 runs"},
	} {
		if got := PlannedRuns(Week{Runs: tc.runs}, tc.plan); got != tc.want {
			t.Errorf("PlannedRuns(%d, %d) = %q, want %q", tc.runs, tc.plan, got, tc.want)
		}
	}
}

func mean(t *testing.T, what string, m Mean, want float64, n int) {
	t.Helper()
	v, ok := m.Value()
	if n == 0 {
		if ok {
			t.Errorf("%s = %v, want nothing counted", what, v)
		}
		return
	}
	if !ok || !near(v, want) || m.N != n {
		t.Errorf("%s = %v over %d, want %v over %d", what, v, m.N, want, n)
	}
}

func TestSum(t *testing.T) {
	s := Sum([]workbook.Entry{
		{Metres: 5000, Duration: time.Hour, Enjoyment: 4, Before: 2, After: 4},
		{Metres: 3000, Enjoyment: 2, Before: 3, After: 2},
		{Before: 3}, // no lift without after
		{After: 5},  // nor without before
		{Enjoyment: 3, Before: 4, After: 4},
	})
	if s.Runs != 5 || s.Metres != 8000 || s.Duration != time.Hour || s.Better != 1 {
		t.Errorf("Sum = %+v", s)
	}
	mean(t, "enjoyment", s.Enjoyment, 3, 3)
	mean(t, "lift", s.Lift, (2.0-1+0)/3, 3)
	if _, ok := Sum(nil).Enjoyment.Value(); ok {
		t.Error("the enjoyment of no runs")
	}
}

// The seed's example: runs with others, 4.3 against 3.1.
func TestByTag(t *testing.T) {
	entries := []workbook.Entry{
		{Tags: []string{"with others", "long"}, Enjoyment: 5, Before: 2, After: 5},
		{Tags: []string{"With Others"}, Enjoyment: 4, Before: 3, After: 4},
		{Tags: []string{"with others"}, Enjoyment: 4},
		{Tags: []string{"solo"}, Enjoyment: 3, Before: 3, After: 3},
		{Tags: []string{"solo", "long"}, Enjoyment: 3, Before: 2, After: 3},
		{Enjoyment: 3, Before: 4, After: 3},
		{Tags: []string{"solo"}},
	}
	groups := ByTag(entries)
	var names []string
	for _, g := range groups {
		names = append(names, g.Tag)
	}
	if strings.Join(names, ",") != "solo,with others,long" {
		t.Fatalf("groups in order %v, want most runs first, then by name", names)
	}
	others := groups[1]
	if others.Runs != 3 {
		t.Errorf("with others: %d runs", others.Runs)
	}
	mean(t, "with others enjoyment", others.Enjoyment, 13.0/3, 3)
	mean(t, "with others lift", others.Lift, 2, 2)
	mean(t, "the rest's enjoyment", others.RestEnjoyment, 3, 3)
	mean(t, "the rest's lift", others.RestLift, 0, 3)
	solo := groups[0]
	mean(t, "solo enjoyment", solo.Enjoyment, 3, 2)
	mean(t, "not solo", solo.RestEnjoyment, 4, 4)
	if len(ByTag(nil)) != 0 {
		t.Error("groups of no runs")
	}
}

func TestByValue(t *testing.T) {
	calm, friends, own := workbook.Value("calm"), workbook.Value("belonging"), workbook.OwnValueRef("01a3ffc816400000c3d4")
	fit := func(pairs ...any) map[workbook.Ref]workbook.Score {
		m := map[workbook.Ref]workbook.Score{}
		for i := 0; i < len(pairs); i += 2 {
			m[pairs[i].(workbook.Ref)] = workbook.Score(pairs[i+1].(int))
		}
		return m
	}
	entries := []workbook.Entry{
		{Tags: []string{"with others"}, Fit: fit(friends, 5, calm, 2), Enjoyment: 5, Before: 2, After: 5},
		{Tags: []string{"with others"}, Fit: fit(friends, 4), Enjoyment: 4, Before: 3, After: 4},
		{Tags: []string{"solo"}, Fit: fit(friends, 1, calm, 5), Enjoyment: 3, Before: 2, After: 4},
		{Tags: []string{"solo"}, Fit: fit(calm, 4, own, 3), Enjoyment: 4},
		{Tags: []string{"solo"}, Fit: fit(calm, 0)}, // not given: not counted
		{Enjoyment: 2},
	}
	groups := ByValue(entries, []workbook.Ref{calm, friends, workbook.Value("unrated")})
	if len(groups) != 4 || groups[0].Value != calm || groups[1].Value != friends || groups[2].Value != workbook.Value("unrated") || groups[3].Value != own {
		t.Fatalf("groups = %+v", groups)
	}
	c := groups[0]
	if c.Runs != 3 || c.BestTag != "solo" || !near(c.BestFit, 4.5) {
		t.Errorf("calm: %+v", c)
	}
	mean(t, "calm fit", c.Fit, 11.0/3, 3)
	mean(t, "calm served: enjoyment", c.Enjoyment, 3.5, 2)
	mean(t, "calm served: lift", c.Lift, 2, 1)
	mean(t, "calm not served: enjoyment", c.RestEnjoyment, 5, 1)
	f := groups[1]
	if f.Runs != 3 || f.BestTag != "with others" || !near(f.BestFit, 4.5) {
		t.Errorf("belonging: %+v", f)
	}
	mean(t, "belonging served: enjoyment", f.Enjoyment, 4.5, 2)
	mean(t, "belonging not served: enjoyment", f.RestEnjoyment, 3, 1)
	if g := groups[2]; g.Runs != 0 || g.BestTag != "" {
		t.Errorf("a value never rated: %+v", g)
	}
	if g := groups[3]; g.Runs != 1 || g.BestTag != "" {
		t.Errorf("a value rated once has no best kind: %+v", g)
	}
}

func TestDescribe(t *testing.T) {
	cases := []struct {
		e    workbook.Entry
		unit workbook.Unit
		want string
	}{
		{workbook.Entry{Metres: 5000, Duration: 28*time.Minute + 30*time.Second, Enjoyment: 4, Before: 2, After: 4}, workbook.Kilometres, "5 km in 28:30 (5:42 /km) · enjoyment 4 · felt 2 → 4"},
		{workbook.Entry{Metres: 8047, Duration: time.Hour}, workbook.Miles, "5 mi in 1:00:00 (12:00 /mi)"},
		{workbook.Entry{Metres: 5000, Before: 3}, workbook.Kilometres, "5 km · felt 3 before"},
		{workbook.Entry{Duration: 45 * time.Minute, After: 5}, workbook.Kilometres, "45:00 · felt 5 after"},
		{workbook.Entry{Metres: 7123, Duration: 40 * time.Minute, Source: workbook.Source{Kind: workbook.Imported}}, workbook.Kilometres, "7.12 km in 40:00 (5:37 /km) · waiting for how it felt"},
		{workbook.Entry{Note: "just a note"}, workbook.Kilometres, "a run"},
	}
	for _, tc := range cases {
		if got := Describe(tc.e, tc.unit); got != tc.want {
			t.Errorf("Describe = %q, want %q", got, tc.want)
		}
	}
}

// TestWeekOfAgreesWithTheWeeksSummed: the week a small goal is for is the
// week Weeks sums runs by and a per-week target counts.
func TestWeekOfAgreesWithTheWeeksSummed(t *testing.T) {
	for d := workbook.MakeDay(2026, 11, 28); d < workbook.MakeDay(2026, 12, 10); d++ {
		w := WeekOf(d)
		if w.First.Weekday() != time.Monday || w.Last != w.First+6 || d < w.First || d > w.Last {
			t.Errorf("WeekOf(%s) = %s to %s", d, w.First, w.Last)
		}
		if weeks := Weeks(nil, d, d); len(weeks) != 1 || weeks[0].Start != w.First {
			t.Errorf("Weeks disagrees on the week of %s: %+v", d, weeks)
		}
		if first, _ := (Target{Period: PerWeek}).Window(d); first != w.First || ThisWeek(d) != w.First {
			t.Errorf("a weekly target's week of %s starts %s, not %s", d, first, w.First)
		}
	}
}
