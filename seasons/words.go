package seasons

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

var numberWords = [...]string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// Number says n in words up to twelve, in figures past it.
func Number(n int) string {
	if n >= 0 && n < len(numberWords) {
		return numberWords[n]
	}
	return strconv.Itoa(n)
}

// count says "one week", "three weeks", "a day" (for n 1 with article).
func count(n int, one, many string) string {
	if n == 1 {
		return "a " + one
	}
	return Number(n) + " " + many
}

// Days counts calendar days from then to now, each in now's location, so
// a visit late yesterday was a day ago however few hours it was.
func Days(then, now time.Time) int {
	return int(workbook.DayOf(now) - workbook.DayOf(then.In(now.Location())))
}

// HowLong says how long it has been since then, in the words a friend
// would use: "a few hours", "a day", "three days", "two weeks", "four
// months", "over a year".
func HowLong(then, now time.Time) string {
	days := Days(then, now)
	switch {
	case days <= 0:
		if now.Sub(then) < time.Hour {
			return "a little while"
		}
		return "a few hours"
	case days < 7:
		return count(days, "day", "days")
	case days < 8*7:
		return count(days/7, "week", "weeks")
	case days < 365:
		return count(max(days/30, 2), "month", "months")
	case days < 2*365:
		return "over a year"
	}
	return Number(days/365) + " years"
}

// LongGap is how long away makes a new season worth offering (seed 001:
// redo the exercise whenever you come back to running after a break).
const LongGap = 28

// ShortDate says a day as "12 Oct", with the year when it is not now's.
func ShortDate(d workbook.Day, now time.Time) string {
	y, _, _ := d.Date()
	if y != now.Year() {
		return d.Time().Format("2 Jan 2006")
	}
	return d.Time().Format("2 Jan")
}

// DayName says a day as "Mon 15 Dec".
func DayName(d workbook.Day) string { return d.Time().Format("Mon 2 Jan") }

// quote puts a goal's words in quotation marks, on one line, shortened to
// at most n runes with "…".
func quote(text string, n int) string {
	t := strings.Join(strings.Fields(text), " ")
	if r := []rune(t); len(r) > n {
		t = strings.TrimSpace(string(r[:n-1])) + "…"
	}
	return "“" + t + "”"
}

// plural says "1 goal" or "3 goals".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// capital gives a sentence its capital letter.
func capital(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// list joins names the way a sentence does: "a", "a and b", "a, b and c".
func list(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
