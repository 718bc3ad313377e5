package journal

import "github.com/cairn-run/cairn/workbook"

// WeekOf is the week d falls in, Monday to Sunday: the week the journal
// sums runs by, a weekly plan counts against and a per-week target resets
// on. Small goals are for one of these weeks, and the weekly loop rolls
// over on its Monday, so every screen and command agrees on what "this
// week" is.
func WeekOf(d workbook.Day) Window {
	start := d.WeekStart()
	return Window{Name: "the week of " + ShortDate(start), First: start, Last: start + 6}
}

// ThisWeek is the Monday of the week today falls in.
func ThisWeek(today workbook.Day) workbook.Day { return WeekOf(today).First }
