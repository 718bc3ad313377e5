package journal

import (
	"strings"
	"testing"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

func TestParseDuration(t *testing.T) {
	cases := []struct {
		in   string
		want time.Duration
	}{
		{"28:30", 28*time.Minute + 30*time.Second},
		{" 28:30 ", 28*time.Minute + 30*time.Second},
		{"0:45", 45 * time.Second},
		{"75:00", 75 * time.Minute},
		{"1:05:00", time.Hour + 5*time.Minute},
		{"3:59:59", 3*time.Hour + 59*time.Minute + 59*time.Second},
		{"1h05", time.Hour + 5*time.Minute},
		{"1h", time.Hour},
		{"1h 5m", time.Hour + 5*time.Minute},
		{"1H05M", time.Hour + 5*time.Minute},
		{"2h30m15s", 2*time.Hour + 30*time.Minute + 15*time.Second},
		{"45m", 45 * time.Minute},
		{"45 min", 45 * time.Minute},
		{"45 minutes", 45 * time.Minute},
		{"1 hour 10 minutes", time.Hour + 10*time.Minute},
		{"1.5h", 90 * time.Minute},
		{"1,5h", 90 * time.Minute},
		{"22.5min", 22*time.Minute + 30*time.Second},
		{"28m30", 28*time.Minute + 30*time.Second},
		{"28m30s", 28*time.Minute + 30*time.Second},
		{"28'30\"", 28*time.Minute + 30*time.Second},
		{"28'30", 28*time.Minute + 30*time.Second},
		{"90s", 90 * time.Second},
		{"45", 45 * time.Minute},
		{"45.5", 45*time.Minute + 30*time.Second},
	}
	for _, tc := range cases {
		got, err := ParseDuration(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestParseDurationRefuses(t *testing.T) {
	cases := []struct {
		in, says string
	}{
		{"", "no time given"},
		{"   ", "no time given"},
		{"28:3", "not a time"},     // 28:03 or 28:30? neither is guessed
		{"28:60", "not a time"},    // no 60th second
		{"1:60:00", "not a time"},  // no 60th minute
		{"1:2:3:4", "not a time"},  // too many parts
		{":30", "not a time"},      //
		{"28:", "not a time"},      //
		{"-5", "not a time"},       //
		{"5m1h", "not a time"},     // units go largest first
		{"1h05h", "not a time"},    //
		{"h05", "1h05 or 45m"},     // says what it would read
		{"forty", "not a time"},    //
		{"1.5h30", "not a time"},   // a fraction is not followed by more
		{"30s20", "not a time"},    // nothing comes after seconds
		{"0:00", "no time at all"}, //
		{"0", "no time at all"},    //
		{"12 parsecs", "not a time"},
	}
	for _, tc := range cases {
		got, err := ParseDuration(tc.in)
		if err == nil {
			t.Errorf("ParseDuration(%q) = %v, want an error", tc.in, got)
			continue
		}
		if !strings.Contains(err.Error(), tc.says) {
			t.Errorf("ParseDuration(%q): %q does not say %q", tc.in, err, tc.says)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		28*time.Minute + 30*time.Second:                 "28:30",
		45 * time.Second:                                "0:45",
		time.Hour + 5*time.Minute:                       "1:05:00",
		26*time.Hour + 3*time.Second:                    "26:00:03",
		28*time.Minute + 29*time.Second + 600*1000*1000: "28:30",
		0: "0:00",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestParseDistance(t *testing.T) {
	km, mi := workbook.Kilometres, workbook.Miles
	cases := []struct {
		in   string
		unit workbook.Unit
		want int
	}{
		{"5k", km, 5000},
		{"5K", mi, 5000}, // k is kilometres whatever the runner reads
		{"10 km", km, 10000},
		{"10km", mi, 10000},
		{"12.5 kilometres", km, 12500},
		{"5,5 km", km, 5500},
		{"3.1mi", km, 4989},
		{"3.1 miles", km, 4989},
		{"1 mile", km, 1609},
		{"26.2 mi", km, 42165},
		{"5000 m", km, 5000},
		{"400m", km, 400},
		{"1,500 m", km, 1500},
		{"800 metres", mi, 800},
		{"half", km, HalfMarathon},
		{"Half Marathon", mi, HalfMarathon},
		{"half-marathon", km, HalfMarathon},
		{"marathon", km, Marathon},
		{"2 marathons", km, 2 * Marathon},
		{"parkrun", mi, 5000},
		{"5", km, 5000},
		{"5", mi, 8047},
		{"6.2", mi, 9978},
		{"0.5", km, 500},
	}
	for _, tc := range cases {
		got, err := ParseDistance(tc.in, tc.unit)
		if err != nil || got != tc.want {
			t.Errorf("ParseDistance(%q, %s) = %d, %v; want %d", tc.in, tc.unit, got, err, tc.want)
		}
	}
}

func TestParseDistanceRefuses(t *testing.T) {
	cases := []struct {
		in, says string
	}{
		{"", "no distance given"},
		{"5m", "metres or miles: write 5 mi or 5 m"},
		{"10 m", "metres or miles"},
		{"five k", "not a distance"},
		{"5 furlongs", "not a distance"},
		{"-5k", "not a distance"},
		{"0k", "no distance at all"},
		{"0", "no distance at all"},
		{"5.k", "not a distance"},
		{"k", "not a distance"},
		{"1e9 km", "not a distance"},
		{"99999999999 km", "not a distance"},
	}
	for _, tc := range cases {
		got, err := ParseDistance(tc.in, workbook.Kilometres)
		if err == nil {
			t.Errorf("ParseDistance(%q) = %d, want an error", tc.in, got)
			continue
		}
		if !strings.Contains(err.Error(), tc.says) {
			t.Errorf("ParseDistance(%q): %q does not say %q", tc.in, err, tc.says)
		}
	}
}

func TestFormatDistanceAndPace(t *testing.T) {
	cases := []struct {
		metres int
		unit   workbook.Unit
		want   string
	}{
		{5000, workbook.Kilometres, "5 km"},
		{5012, workbook.Kilometres, "5.01 km"},
		{HalfMarathon, workbook.Kilometres, "21.1 km"},
		{4989, workbook.Miles, "3.1 mi"},
		{Marathon, workbook.Miles, "26.22 mi"},
		{0, workbook.Kilometres, "0 km"},
	}
	for _, tc := range cases {
		if got := FormatDistance(tc.metres, tc.unit); got != tc.want {
			t.Errorf("FormatDistance(%d, %s) = %q, want %q", tc.metres, tc.unit, got, tc.want)
		}
	}
	if got, ok := FormatPace(28*time.Minute+30*time.Second, 5000, workbook.Kilometres); !ok || got != "5:42 /km" {
		t.Errorf("FormatPace = %q, %v", got, ok)
	}
	if got, ok := FormatPace(28*time.Minute+30*time.Second, 5000, workbook.Miles); !ok || got != "9:10 /mi" {
		t.Errorf("FormatPace in miles = %q, %v", got, ok)
	}
	if _, ok := FormatPace(0, 5000, workbook.Kilometres); ok {
		t.Error("a pace without a time")
	}
	if _, ok := FormatPace(time.Minute, 0, workbook.Kilometres); ok {
		t.Error("a pace without a distance")
	}
}

// now is a Wednesday evening: 2 December 2026.
var now = time.Date(2026, 12, 2, 19, 30, 0, 0, time.UTC)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in, want string
	}{
		{"today", "2026-12-02"},
		{"Today", "2026-12-02"},
		{"now", "2026-12-02"},
		{"yesterday", "2026-12-01"},
		{"the day before yesterday", "2026-11-30"},
		{"tomorrow", "2026-12-03"},
		{"3 days ago", "2026-11-29"},
		{"1 day ago", "2026-12-01"},
		{"a week ago", "2026-11-25"},
		{"2 weeks ago", "2026-11-18"},
		{"two weeks ago", "2026-11-18"},
		{"last week", "2026-11-25"},
		{"a month ago", "2026-11-02"},
		{"last month", "2026-11-02"},
		{"3 months ago", "2026-09-02"},
		{"last year", "2025-12-02"},
		{"2 years ago", "2024-12-02"},
		{"wednesday", "2026-12-02"}, // the latest, today included
		{"monday", "2026-11-30"},
		{"on monday", "2026-11-30"},
		{"thursday", "2026-11-26"},
		{"last wednesday", "2026-11-25"}, // the one before today
		{"last monday", "2026-11-30"},
		{"last sun", "2026-11-29"},
		{"this monday", "2026-11-30"},
		{"this sunday", "2026-12-06"},
		{"2026-11-30", "2026-11-30"},
		{"2026/11/30", "2026-11-30"},
		{"2026-1-5", "2026-01-05"},
		{"30 nov", "2026-11-30"},
		{"nov 30", "2026-11-30"},
		{"30 November", "2026-11-30"},
		{"November 30, 2025", "2025-11-30"},
		{"30th nov 2024", "2024-11-30"},
		{"1st of december", "2026-12-01"},
		{"the 2nd of dec", "2026-12-02"},
		{"25 dec", "2025-12-25"}, // not yet this year: last year's
		{"3 dec", "2025-12-03"},  // tomorrow's date: a year ago
		{"29 feb", "2024-02-29"}, // the latest that exists
		{"sept 9", "2026-09-09"},
	}
	for _, tc := range cases {
		got, err := ParseDate(tc.in, now)
		if err != nil || got.String() != tc.want {
			t.Errorf("ParseDate(%q) = %s, %v; want %s", tc.in, got, err, tc.want)
		}
	}
}

// TestParseDateMonthEnds: a month back from 31 March is the end of
// February, never 3 March.
func TestParseDateMonthEnds(t *testing.T) {
	at := time.Date(2027, 3, 31, 8, 0, 0, 0, time.UTC)
	for in, want := range map[string]string{
		"a month ago":   "2027-02-28",
		"2 months ago":  "2027-01-31",
		"13 months ago": "2026-02-28",
	} {
		if got, err := ParseDate(in, at); err != nil || got.String() != want {
			t.Errorf("ParseDate(%q) on 31 March = %s, %v; want %s", in, got, err, want)
		}
	}
	leap := time.Date(2028, 2, 29, 8, 0, 0, 0, time.UTC)
	if got, err := ParseDate("last year", leap); err != nil || got.String() != "2027-02-28" {
		t.Errorf("a year before 29 February = %s, %v", got, err)
	}
}

// TestParseDateUsesNowsZone: just after midnight in Auckland it is already
// the next day there.
func TestParseDateUsesNowsZone(t *testing.T) {
	nz := time.FixedZone("NZDT", 13*3600)
	at := time.Date(2026, 12, 3, 0, 30, 0, 0, nz)
	if got, _ := ParseDate("today", at); got.String() != "2026-12-03" {
		t.Errorf("today in Auckland = %s", got)
	}
}

func TestParseDateRefuses(t *testing.T) {
	cases := []struct {
		in, says string
	}{
		{"", "no date given"},
		{"someday", "not a date"},
		{"30 feb", "has no day 30"},
		{"2026-02-30", "has no day 30"},
		{"2026-13-01", "no month 13"},
		{"31 june 2026", "has no day 31"},
		{"nov", "not a date"},
		{"30", "not a date"},
		{"30/11/2026", "not a date"}, // day or month first? never guessed
		{"11/30/2026", "not a date"},
		{"last blursday", "not a date"},
		{"-3 days ago", "not a date"},
		{"3 fortnights ago", "not a date"},
		{"30 nov 2026 2027", "not a date"},
		{"32 jan", "has no day 32"},
	}
	for _, tc := range cases {
		got, err := ParseDate(tc.in, now)
		if err == nil {
			t.Errorf("ParseDate(%q) = %s, want an error", tc.in, got)
			continue
		}
		if !strings.Contains(err.Error(), tc.says) {
			t.Errorf("ParseDate(%q): %q does not say %q", tc.in, err, tc.says)
		}
	}
}
