package workbook

import (
	"fmt"
	"time"
)

// Day is a calendar day: the day a run was run, as the runner's own
// calendar on the wall says it. It has no time zone and no time of day, so
// a run logged "yesterday" stays on that day wherever the runner travels.
// It counts days from 1 January 1970.
type Day int32

// DayOf returns the calendar day t falls on, in t's own location.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return MakeDay(y, m, d)
}

// MakeDay returns the day of a date. Out-of-range months and days
// normalise as time.Date does: 31 November is 1 December.
func MakeDay(year int, month time.Month, day int) Day {
	return Day(time.Date(year, month, day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Time returns midnight at the start of the day, in UTC.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Date returns the year, month and day of the month.
func (d Day) Date() (int, time.Month, int) { return d.Time().Date() }

// Weekday returns the day of the week.
func (d Day) Weekday() time.Weekday { return time.Weekday((int(d)%7 + 7 + 4) % 7) } // 1 Jan 1970 was a Thursday

// AddDays returns the day n days later (earlier when n is negative).
func (d Day) AddDays(n int) Day { return d + Day(n) }

// WeekStart returns the Monday of d's week. Weeks start on Monday, as
// training plans do.
func (d Day) WeekStart() Day {
	back := (int(d.Weekday()) + 6) % 7 // Monday 0 … Sunday 6
	return d - Day(back)
}

// String returns the day as 2026-11-30.
func (d Day) String() string { return d.Time().Format(time.DateOnly) }

// ParseDay reads a day written as 2026-11-30.
func ParseDay(s string) (Day, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a date written as 2026-11-30", s)
	}
	return DayOf(t), nil
}
