package workbook

import (
	"slices"
	"testing"
	"time"
)

func TestDay(t *testing.T) {
	cases := []struct {
		day     Day
		text    string
		weekday time.Weekday
		monday  string
	}{
		{0, "1970-01-01", time.Thursday, "1969-12-29"},
		{-1, "1969-12-31", time.Wednesday, "1969-12-29"},
		{MakeDay(2026, time.November, 30), "2026-11-30", time.Monday, "2026-11-30"},
		{MakeDay(2026, time.December, 6), "2026-12-06", time.Sunday, "2026-11-30"},
		{MakeDay(2024, time.February, 29), "2024-02-29", time.Thursday, "2024-02-26"},
		{MakeDay(2027, time.January, 2), "2027-01-02", time.Saturday, "2026-12-28"},
		{MakeDay(1900, time.March, 1), "1900-03-01", time.Thursday, "1900-02-26"},
	}
	for _, tc := range cases {
		if got := tc.day.String(); got != tc.text {
			t.Errorf("Day(%d).String() = %q, want %q", tc.day, got, tc.text)
		}
		if got := tc.day.Weekday(); got != tc.weekday {
			t.Errorf("%s.Weekday() = %v, want %v", tc.text, got, tc.weekday)
		}
		if got := tc.day.WeekStart().String(); got != tc.monday {
			t.Errorf("%s.WeekStart() = %s, want %s", tc.text, got, tc.monday)
		}
		if got := tc.day.Time().Weekday(); got != tc.weekday {
			t.Errorf("%s: Weekday disagrees with time: %v", tc.text, got)
		}
		back, err := ParseDay(tc.text)
		if err != nil || back != tc.day {
			t.Errorf("ParseDay(%q) = %d, %v; want %d", tc.text, back, err, tc.day)
		}
	}
	for _, s := range []string{"", "30 nov", "2026-13-01", "2026-02-30", "26-11-30", "2026/11/30"} {
		if d, err := ParseDay(s); err == nil {
			t.Errorf("ParseDay(%q) = %s, want an error", s, d)
		}
	}
}

// TestDayOfKeepsTheWallCalendar: late on 30 November in Auckland is still
// 30 November, though it is the 30th's morning in London.
func TestDayOfKeepsTheWallCalendar(t *testing.T) {
	auckland := time.FixedZone("NZDT", 13*3600)
	late := time.Date(2026, 11, 30, 23, 30, 0, 0, auckland)
	if got := DayOf(late).String(); got != "2026-11-30" {
		t.Errorf("DayOf(%v) = %s", late, got)
	}
	if got := DayOf(late.UTC()).String(); got != "2026-11-30" {
		t.Errorf("DayOf in UTC = %s", got)
	}
	if got := MakeDay(2026, time.November, 31).String(); got != "2026-12-01" {
		t.Errorf("31 November normalises to %s", got)
	}
	if got := MakeDay(2026, time.November, 30).AddDays(-30).String(); got != "2026-10-31" {
		t.Errorf("AddDays(-30) = %s", got)
	}
}

func TestScore(t *testing.T) {
	for s := Score(0); s < 10; s++ {
		if got, want := s.Valid(), s <= 5; got != want {
			t.Errorf("Score(%d).Valid() = %v", s, got)
		}
		if got, want := s.Given(), s != 0; got != want {
			t.Errorf("Score(%d).Given() = %v", s, got)
		}
	}
}

func TestLift(t *testing.T) {
	cases := []struct {
		before, after Score
		lift          int
		ok            bool
	}{
		{2, 4, 2, true},
		{5, 1, -4, true},
		{3, 3, 0, true},
		{0, 4, 0, false},
		{3, 0, 0, false},
		{0, 0, 0, false},
	}
	for _, tc := range cases {
		lift, ok := Entry{Before: tc.before, After: tc.after}.Lift()
		if lift != tc.lift || ok != tc.ok {
			t.Errorf("Lift(%d → %d) = %d, %v; want %d, %v", tc.before, tc.after, lift, ok, tc.lift, tc.ok)
		}
	}
}

func TestEntryFelt(t *testing.T) {
	cases := []struct {
		name string
		e    Entry
		want bool
	}{
		{"imported, waiting", Entry{Metres: 5000, Duration: 25 * time.Minute}, false},
		{"a blank note", Entry{Note: "  \n "}, false},
		{"tags alone", Entry{Tags: []string{"easy"}}, false},
		{"enjoyment", Entry{Enjoyment: 4}, true},
		{"after", Entry{After: 2}, true},
		{"a value's fit", Entry{Fit: map[Ref]Score{Value("calm"): 3}}, true},
		{"a note", Entry{Note: "hills"}, true},
	}
	for _, tc := range cases {
		if got := tc.e.Felt(); got != tc.want {
			t.Errorf("%s: Felt() = %v", tc.name, got)
		}
	}
}

func TestEntryCloneSharesNothing(t *testing.T) {
	e := Entry{Fit: map[Ref]Score{Value("calm"): 3}, Tags: []string{"easy"}}
	c := e.Clone()
	c.Fit[Value("calm")] = 5
	c.Tags[0] = "long"
	if e.Fit[Value("calm")] != 3 || e.Tags[0] != "easy" {
		t.Errorf("changing the clone changed the entry: %+v", e)
	}
}

func TestTags(t *testing.T) {
	for in, want := range map[string]string{
		"With  Others": "with others",
		" solo ":       "solo",
		"NEW\troute":   "new route",
		"":             "",
	} {
		if got := Tag(in); got != want {
			t.Errorf("Tag(%q) = %q, want %q", in, got, want)
		}
	}
	if !(Entry{Tags: []string{"with others"}}).HasTag("With Others") {
		t.Error("HasTag does not normalise")
	}
	s, added := DefaultJournalSettings().AddTags("Group", "easy", "group", " ")
	if !slices.Equal(added, []string{"group"}) || s.Tags[len(s.Tags)-1] != "group" || len(s.Tags) != len(DefaultTags())+1 {
		t.Errorf("AddTags: %v, %v", s.Tags, added)
	}
	if len(DefaultJournalSettings().Tags) != len(DefaultTags()) {
		t.Error("AddTags changed the settings it was called on")
	}
}

func TestUnits(t *testing.T) {
	for in, want := range map[string]Unit{"km": Kilometres, "": Kilometres, "Miles": Miles, "mi": Miles, " kilometers ": Kilometres} {
		if got, err := ParseUnit(in); err != nil || got != want {
			t.Errorf("ParseUnit(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseUnit("furlongs"); err == nil {
		t.Error("ParseUnit accepted furlongs")
	}
	if Miles.String() != "mi" || Kilometres.String() != "km" || Miles.Metres() != 1609.344 || Kilometres.Metres() != 1000 {
		t.Error("unit names or sizes are wrong")
	}
}

func TestJournalNamesRoundTrip(t *testing.T) {
	for _, k := range []SourceKind{Typed, Logged, Imported} {
		if back, err := ParseSourceKind(k.String()); err != nil || back != k {
			t.Errorf("source %v: %v, %v", k, back, err)
		}
	}
	if k, err := ParseSourceKind(""); err != nil || k != Typed {
		t.Errorf(`ParseSourceKind("") = %v, %v`, k, err)
	}
	for _, d := range []Decision{NotDecided, Keep, Change, Drop} {
		if back, err := ParseDecision(d.String()); err != nil || back != d {
			t.Errorf("decision %v: %v, %v", d, back, err)
		}
	}
	for _, f := range []StillFits{FitUnanswered, FitsYes, FitsUnsure, FitsNo} {
		if back, err := ParseStillFits(f.String()); err != nil || back != f {
			t.Errorf("still fits %v: %v, %v", f, back, err)
		}
	}
	for _, bad := range []string{"Keep", "maybe", "imported"} {
		_, e1 := ParseDecision(bad)
		_, e2 := ParseStillFits(bad)
		_, e3 := ParseSourceKind(bad)
		if e1 == nil || e2 == nil || e3 == nil {
			t.Errorf("%q was accepted: %v %v %v", bad, e1, e2, e3)
		}
	}
}
