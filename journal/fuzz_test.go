package journal

import (
	"testing"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// The fuzz targets feed the parsers whatever a runner (or a cat on the
// keyboard) might type. They check the parsers never panic, never return
// nonsense alongside no error, and read back what they write:
//
//	go test ./journal -run '^$' -fuzz FuzzParseDuration -fuzztime 30s

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"28:30", "1:05:00", "1h05", "45m", "1.5h", "28'30\"", "45", "2h30m15s", "", "0:00", "1:60:00", "99999999:00", "1,5h", "h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			if d != 0 {
				t.Errorf("ParseDuration(%q) = %v with error %v", s, d, err)
			}
			return
		}
		if d <= 0 {
			t.Fatalf("ParseDuration(%q) = %v, no error", s, d)
		}
		whole := d.Round(time.Second)
		if whole <= 0 {
			return
		}
		back, err := ParseDuration(FormatDuration(whole))
		if err != nil || back != whole {
			t.Errorf("ParseDuration(%q) = %v, written %q, read back %v, %v", s, d, FormatDuration(whole), back, err)
		}
	})
}

func FuzzParseDistance(f *testing.F) {
	for _, s := range []string{"5k", "10 km", "3.1mi", "half", "marathon", "5000 m", "5m", "5", "1,500 m", "5,5 km", "", "0", "2 marathons", "1e9"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, miles bool) {
		unit := workbook.Kilometres
		if miles {
			unit = workbook.Miles
		}
		m, err := ParseDistance(s, unit)
		if err != nil {
			if m != 0 {
				t.Errorf("ParseDistance(%q) = %d with error %v", s, m, err)
			}
			return
		}
		if m <= 0 || m > 1e9 {
			t.Fatalf("ParseDistance(%q) = %d, no error", s, m)
		}
		// What is written is read back to within its two decimals.
		text := FormatDistance(m, unit)
		back, err := ParseDistance(text, unit)
		if err != nil {
			if m >= 5 { // below 5 m, two decimals of a km round to nothing
				t.Errorf("%q → %d m, written %q, does not read back: %v", s, m, text, err)
			}
			return
		}
		if diff := back - m; diff > 10 || diff < -10 {
			t.Errorf("%q → %d m, written %q, read back %d m", s, m, text, back)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"today", "yesterday", "last monday", "2 weeks ago", "2026-11-30", "30 nov", "nov 30 2025", "1st of december", "29 feb", "", "30 feb", "9999-12-31", "100000 months ago"} {
		f.Add(s, int64(1796239800))
	}
	f.Fuzz(func(t *testing.T, s string, at int64) {
		now := time.Unix(at%(1<<34), 0).UTC() // up to the year 2514, either side of 1970
		d, err := ParseDate(s, now)
		if err != nil {
			if d != 0 {
				t.Errorf("ParseDate(%q) = %s with error %v", s, d, err)
			}
			return
		}
		y, _, _ := d.Date()
		if y < -300 || y > 9999 {
			t.Fatalf("ParseDate(%q) on %s = %s", s, now, d)
		}
		if y < 1 {
			return // before year 1 there is no 2026-11-30 form to read back
		}
		back, err := ParseDate(d.String(), now)
		if err != nil || back != d {
			t.Errorf("ParseDate(%q) = %s, which reads back as %s, %v", s, d, back, err)
		}
	})
}
