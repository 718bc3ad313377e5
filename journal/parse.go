package journal

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/cairn-run/cairn/workbook"
)

// Parsing what runners type: "28:30", "1h05", "5k", "half", "yesterday".
// Every parser reads what it can and, for anything else, says what it
// would have understood; none guesses between two readings.

// Distances of the races runners name instead of a number, in metres.
const (
	Marathon     = 42195
	HalfMarathon = 21098 // 21,097.5 m, to the metre
)

// namedDistances are the distances a runner may give by name.
var namedDistances = map[string]int{
	"marathon": Marathon, "full marathon": Marathon, "full": Marathon,
	"half": HalfMarathon, "half marathon": HalfMarathon, "half-marathon": HalfMarathon, "hm": HalfMarathon,
	"halfmarathon": HalfMarathon, "parkrun": 5000,
}

// ParseDuration reads how long a run took: "28:30" (minutes and seconds),
// "1:05:00", "1h05", "1h 5m", "45m", "45 min", "1.5h", "28m30s", "28'30\""
// or a bare number of minutes ("45").
func ParseDuration(s string) (time.Duration, error) {
	in := strings.ToLower(strings.Join(strings.Fields(s), ""))
	if in == "" {
		return 0, fmt.Errorf("no time given: try 28:30, 1h05 or 45m")
	}
	var d time.Duration
	var ok bool
	switch {
	case strings.Contains(in, ":"):
		d, ok = clockDuration(in)
	case isNumber(in):
		d, ok = minutes(in)
	default:
		d, ok = unitDuration(in)
	}
	switch {
	case !ok:
		return 0, fmt.Errorf("%q is not a time cairn can read: try 28:30, 1:05:00, 1h05 or 45m", strings.TrimSpace(s))
	case d <= 0:
		return 0, fmt.Errorf("%q is no time at all: a run takes a little longer", strings.TrimSpace(s))
	}
	return d, nil
}

// clockDuration reads m:ss or h:mm:ss. Seconds, and minutes after hours,
// take two digits, so "28:3" is refused rather than read as 28:03 or 28:30.
func clockDuration(s string) (time.Duration, bool) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	for i, p := range parts {
		if p == "" || !isDigits(p) || (i > 0 && len(p) != 2) || len(p) > 6 {
			return 0, false
		}
	}
	n := make([]int, len(parts))
	for i, p := range parts {
		n[i], _ = strconv.Atoi(p)
	}
	if n[len(n)-1] >= 60 || (len(n) == 3 && n[1] >= 60) {
		return 0, false
	}
	if len(n) == 2 {
		return time.Duration(n[0])*time.Minute + time.Duration(n[1])*time.Second, true
	}
	return time.Duration(n[0])*time.Hour + time.Duration(n[1])*time.Minute + time.Duration(n[2])*time.Second, true
}

// minutes reads a bare number as minutes: "45", "45.5".
func minutes(s string) (time.Duration, bool) {
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
	if err != nil || f > 100000 {
		return 0, false
	}
	return (time.Duration(math.Round(f * 60))) * time.Second, true
}

var durationUnits = []struct {
	names []string
	size  time.Duration
}{
	{[]string{"hours", "hour", "hrs", "hr", "h"}, time.Hour},
	{[]string{"minutes", "minute", "mins", "min", "m", "'"}, time.Minute},
	{[]string{"seconds", "second", "secs", "sec", "s", "\"", "''"}, time.Second},
}

// unitDuration reads numbers with units, largest first: "1h05m", "1h05"
// (minutes after hours), "28m30" (seconds after minutes), "1.5h", "28'30\"".
func unitDuration(s string) (time.Duration, bool) {
	var total time.Duration
	next := 0         // the smallest unit index still allowed
	fraction := false // a part with a fraction ends the time: 1.5h, never 1.5h30
	for s != "" {
		num, rest := leadingNumber(s)
		if num == "" || fraction {
			return 0, false
		}
		fraction = strings.ContainsAny(num, ".,")
		f, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", "."), 64)
		if err != nil || f > 100000 {
			return 0, false
		}
		unit := -1
		for i := next; i < len(durationUnits) && unit < 0; i++ {
			for _, name := range durationUnits[i].names {
				if strings.HasPrefix(rest, name) {
					unit, rest = i, rest[len(name):]
					break
				}
			}
		}
		if unit < 0 {
			// A bare number after a unit is the next unit down: 1h05,
			// 28m30. A bare number first, or after seconds, is not.
			if rest != "" || next == 0 || next >= len(durationUnits) || strings.Contains(num, ".") {
				return 0, false
			}
			unit = next
		}
		total += time.Duration(math.Round(f * float64(durationUnits[unit].size)))
		next = unit + 1
		s = rest
	}
	return total, next > 0
}

// leadingNumber splits s into the number at its start (digits, with one
// decimal point or comma) and what follows.
func leadingNumber(s string) (num, rest string) {
	i, dot := 0, false
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
		case (c == '.' || c == ',') && !dot && i > 0:
			dot = true
		default:
			return s[:i], s[i:]
		}
		i++
	}
	return s, ""
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isNumber(s string) bool {
	num, rest := leadingNumber(s)
	return num != "" && rest == "" && !strings.HasSuffix(num, ".") && !strings.HasSuffix(num, ",")
}

// ParseDistance reads how far a run went, in metres: "5k", "10 km", "3.1mi",
// "5000 m", "half", "marathon", or a bare number in the runner's unit
// ("5" is 5 km or 5 miles). "5m" could be metres or miles, so a small
// number of "m" is refused with the two ways to say it.
func ParseDistance(s string, unit workbook.Unit) (int, error) {
	in := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if in == "" {
		return 0, fmt.Errorf("no distance given: try 5k, 10 km or 3.1 mi")
	}
	if m, ok := namedDistances[in]; ok {
		return m, nil
	}
	num, rest := leadingNumber(strings.ReplaceAll(in, " ", ""))
	if num == "" || strings.HasSuffix(num, ".") || strings.HasSuffix(num, ",") {
		return 0, fmt.Errorf("%q is not a distance cairn can read: try 5k, 10 km, 3.1 mi or half", strings.TrimSpace(s))
	}
	f, err := strconv.ParseFloat(decimal(num), 64)
	if err != nil || math.IsInf(f, 0) || f > 1e7 {
		return 0, fmt.Errorf("%q is not a distance cairn can read: try 5k, 10 km, 3.1 mi or half", strings.TrimSpace(s))
	}
	rest = strings.TrimSuffix(rest, ".")
	var size float64
	switch rest {
	case "":
		size = unit.Metres()
	case "k", "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "kilo", "kilos", "klicks":
		size = 1000
	case "mi", "mile", "miles", "mls":
		size = workbook.MetresPerMile
	case "metre", "metres", "meter", "meters":
		size = 1
	case "m":
		if f < 100 {
			return 0, fmt.Errorf("%q could be metres or miles: write %s mi or %s m", strings.TrimSpace(s), num, num)
		}
		size = 1
	case "marathon", "marathons":
		size = Marathon
	default:
		return 0, fmt.Errorf("%q is not a distance cairn can read: try 5k, 10 km, 3.1 mi or half", strings.TrimSpace(s))
	}
	m := math.Round(f * size)
	if m <= 0 {
		return 0, fmt.Errorf("%q is no distance at all", strings.TrimSpace(s))
	}
	if m > 1e9 {
		return 0, fmt.Errorf("%q is further than cairn can count", strings.TrimSpace(s))
	}
	return int(m), nil
}

// decimal turns a decimal comma into a point, but reads "1,000" (a comma
// before three digits) as a thousands separator.
func decimal(num string) string {
	i := strings.IndexByte(num, ',')
	if i < 0 {
		return num
	}
	if len(num)-i-1 == 3 {
		return num[:i] + num[i+1:]
	}
	return num[:i] + "." + num[i+1:]
}

// FormatDuration writes a duration the way a runner's watch does: "28:30"
// under an hour, "1:05:00" from an hour on. Fractions of a second are
// rounded.
func FormatDuration(d time.Duration) string {
	secs := int64(math.Round(d.Seconds()))
	h, m, s := secs/3600, secs/60%60, secs%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%d:%02d", m, s)
}

// FormatDistance writes metres in unit u with up to two decimals and no
// trailing zeros: "5 km", "21.1 km", "3.1 mi".
func FormatDistance(metres int, u workbook.Unit) string {
	return Number(float64(metres)/u.Metres()) + " " + u.String()
}

// Number writes f with up to two decimals and no trailing zeros.
func Number(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// FormatPace writes the time per unit of distance: "5:42 /km". ok is false
// when either the distance or the time is missing.
func FormatPace(d time.Duration, metres int, u workbook.Unit) (string, bool) {
	if d <= 0 || metres <= 0 {
		return "", false
	}
	per := time.Duration(float64(d) * u.Metres() / float64(metres))
	return FormatDuration(per) + " /" + u.String(), true
}

// Natural dates

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "sun": time.Sunday, "monday": time.Monday, "mon": time.Monday,
	"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday, "thursday": time.Thursday, "thu": time.Thursday,
	"thur": time.Thursday, "thurs": time.Thursday, "friday": time.Friday, "fri": time.Friday,
	"saturday": time.Saturday, "sat": time.Saturday,
}

var months = map[string]time.Month{
	"january": time.January, "jan": time.January, "february": time.February, "feb": time.February,
	"march": time.March, "mar": time.March, "april": time.April, "apr": time.April, "may": time.May,
	"june": time.June, "jun": time.June, "july": time.July, "jul": time.July, "august": time.August,
	"aug": time.August, "september": time.September, "sep": time.September, "sept": time.September,
	"october": time.October, "oct": time.October, "november": time.November, "nov": time.November,
	"december": time.December, "dec": time.December,
}

var smallNumbers = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// ParseDate reads a day the way people say it, relative to now (in now's
// location): "today", "yesterday", "tomorrow", "3 days ago", "2 weeks ago",
// "last week", "monday" (the latest Monday, today included), "last monday"
// (the one before today), "2026-11-30", "30 nov", "nov 30", "30 november
// 2026", "1st of december". A date without a year is the latest one that is
// not after today.
func ParseDate(s string, now time.Time) (workbook.Day, error) {
	today := workbook.DayOf(now)
	in := strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer(",", " ").Replace(s)), " "))
	in = strings.TrimPrefix(in, "on ")
	if in == "" {
		return 0, fmt.Errorf("no date given: try today, yesterday, last monday or 2026-11-30")
	}
	if d, ok := relativeDay(in, today); ok {
		return d, nil
	}
	if d, ok, err := calendarDay(in, today); ok || err != nil {
		return d, err
	}
	return 0, fmt.Errorf("%q is not a date cairn can read: try today, yesterday, last monday, 2 weeks ago, 2026-11-30 or 30 nov", strings.TrimSpace(s))
}

// relativeDay reads days said relative to today.
func relativeDay(in string, today workbook.Day) (workbook.Day, bool) {
	switch in {
	case "today", "now", "tonight", "this morning", "this evening", "this afternoon":
		return today, true
	case "yesterday", "last night":
		return today - 1, true
	case "day before yesterday", "the day before yesterday":
		return today - 2, true
	case "tomorrow":
		return today + 1, true
	case "last week", "a week ago":
		return today - 7, true
	case "last month":
		return monthsBack(today, 1), true
	case "last year":
		return monthsBack(today, 12), true
	}
	if wd, ok := weekdays[strings.TrimPrefix(in, "this ")]; ok {
		if strings.HasPrefix(in, "this ") {
			return today.WeekStart() + workbook.Day((int(wd)+6)%7), true
		}
		return today - workbook.Day((int(today.Weekday())-int(wd)+7)%7), true
	}
	if rest, ok := strings.CutPrefix(in, "last "); ok {
		if wd, ok := weekdays[rest]; ok {
			back := (int(today.Weekday()) - int(wd) + 7) % 7
			if back == 0 {
				back = 7
			}
			return today - workbook.Day(back), true
		}
	}
	f := strings.Fields(in)
	if len(f) != 3 || f[2] != "ago" {
		return 0, false
	}
	n, ok := smallNumbers[f[0]]
	if !ok {
		v, err := strconv.Atoi(f[0])
		if err != nil || v < 0 || v > 100000 {
			return 0, false
		}
		n = v
	}
	switch strings.TrimSuffix(f[1], "s") {
	case "day":
		return today - workbook.Day(n), true
	case "week":
		return today - workbook.Day(7*n), true
	case "month":
		if n > 12*200 {
			return 0, false
		}
		return monthsBack(today, n), true
	case "year":
		if n > 200 {
			return 0, false
		}
		return monthsBack(today, 12*n), true
	}
	return 0, false
}

// monthsBack goes back n calendar months, keeping the day of the month
// where that month has it and taking the month's last day where it does
// not (a month before 31 March is 28 or 29 February).
func monthsBack(d workbook.Day, n int) workbook.Day {
	y, m, day := d.Date()
	first := workbook.MakeDay(y, m-time.Month(n), 1)
	fy, fm, _ := first.Date()
	last := workbook.MakeDay(fy, fm+1, 0)
	_, _, lastDay := last.Date()
	return workbook.MakeDay(fy, fm, min(day, lastDay))
}

// calendarDay reads a calendar date: ISO (2026-11-30, 2026/11/30) or a
// day and month in words in either order, with or without a year. ok is
// false when in is not shaped like a date; err says why a date-shaped
// input is not a real day (30 February).
func calendarDay(in string, today workbook.Day) (workbook.Day, bool, error) {
	if iso, ok := isoParts(in); ok {
		d, err := realDay(iso[0], time.Month(iso[1]), iso[2])
		return d, true, err
	}
	var (
		day, year int
		month     time.Month
	)
	for _, w := range strings.Fields(in) {
		switch {
		case w == "of" || w == "the":
		case months[strings.TrimSuffix(w, ".")] != 0 && month == 0:
			month = months[strings.TrimSuffix(w, ".")]
		case ordinal(w) > 0 && day == 0 && len(w) <= 4:
			day = ordinal(w)
		case isDigits(w) && len(w) == 4 && year == 0:
			year, _ = strconv.Atoi(w)
		default:
			return 0, false, nil
		}
	}
	if month == 0 || day == 0 {
		return 0, false, nil
	}
	if year != 0 {
		d, err := realDay(year, month, day)
		return d, true, err
	}
	ty, _, _ := today.Date()
	d, err := realDay(ty, month, day)
	if err != nil && !(month == time.February && day == 29) {
		return 0, true, err
	}
	if err != nil || d > today {
		// Not yet this year (or 29 February in a short year): the latest
		// one before today.
		for y := ty - 1; y > ty-9; y-- {
			if d, err = realDay(y, month, day); err == nil {
				break
			}
		}
	}
	return d, true, err
}

// isoParts reads 2026-11-30 or 2026/11/30.
func isoParts(in string) ([3]int, bool) {
	var out [3]int
	parts := strings.FieldsFunc(in, func(r rune) bool { return r == '-' || r == '/' })
	if len(parts) != 3 || len(parts[0]) != 4 || strings.Count(in, "-")+strings.Count(in, "/") != 2 || strings.ContainsRune(in, ' ') {
		return out, false
	}
	for i, p := range parts {
		if !isDigits(p) || len(p) > 4 || (i > 0 && len(p) > 2) {
			return out, false
		}
		out[i], _ = strconv.Atoi(p)
	}
	return out, true
}

// ordinal reads "30", "30th", "1st", "2nd", "3rd".
func ordinal(w string) int {
	digits := strings.TrimRightFunc(w, unicode.IsLetter)
	if suffix := w[len(digits):]; suffix != "" && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th" {
		return 0
	}
	if !isDigits(digits) || len(digits) > 2 {
		return 0
	}
	n, _ := strconv.Atoi(digits)
	return n
}

// realDay returns the day of a date that exists, or says why it does not.
func realDay(y int, m time.Month, d int) (workbook.Day, error) {
	if m < time.January || m > time.December {
		return 0, fmt.Errorf("there is no month %d: months go from 1 to 12", m)
	}
	if y < 1 || y > 9999 {
		return 0, fmt.Errorf("%d is not a year cairn can keep", y)
	}
	day := workbook.MakeDay(y, m, d)
	if _, dm, dd := day.Date(); d < 1 || dm != m || dd != d {
		return 0, fmt.Errorf("%s has no day %d", m, d)
	}
	return day, nil
}
