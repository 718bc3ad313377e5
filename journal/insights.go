package journal

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/cairn-run/cairn/workbook"
)

// Insights: the journal as a mirror for a window of weeks. It says what
// the runs were and what changed, in plain sentences; it never scores the
// runner.

// Window is the stretch of days the mirror looks at.
type Window struct {
	// Name says the window in a sentence: "the last 4 weeks".
	Name        string
	First, Last workbook.Day
}

// Days is how many days the window spans.
func (w Window) Days() int { return int(w.Last-w.First) + 1 }

// Before is the window just before w, moved back by whole weeks so it
// covers the same days of the week ("the 4 weeks before"), to compare
// with.
func (w Window) Before() Window {
	weeks := (w.Days() + 6) / 7
	shift := workbook.Day(7 * weeks)
	name := "the " + plural(weeks, "week", "weeks") + " before"
	switch weeks {
	case 1:
		name = "the week before"
	case 52, 53:
		name = "the year before"
	}
	return Window{Name: name, First: w.First - shift, Last: w.Last - shift}
}

// FourWeeks is this week and the three before it, to today.
func FourWeeks(today workbook.Day) Window {
	return Window{Name: "the last 4 weeks", First: today.WeekStart() - 21, Last: today}
}

// Year is this week and the 51 before it, to today.
func Year(today workbook.Day) Window {
	return Window{Name: "the last year", First: today.WeekStart() - 7*51, Last: today}
}

// Season runs from the Monday of the week a season started, to today.
func Season(started, today workbook.Day) Window {
	first := min(started, today).WeekStart()
	return Window{Name: "this season", First: first, Last: today}
}

// Mirror is what a window of the journal shows.
type Mirror struct {
	Window   Window
	Totals   Totals
	Previous Totals // the window before, for what changed
	Weeks    []Week
	Plan     PlanCount
	ByTag    []Group
	ByValue  []Group
	// Sentences say it all plainly, most telling first.
	Sentences []string
}

// Change is how far an average must move to be called a change; smaller
// moves are "about the same".
const Change = 0.3

// Reflect holds the mirror up to a window: entries are the window's runs,
// previous those of the window before it. began is the day of the first
// run in the whole journal (zero when it has none): the weeks before it
// are shown, but never counted, for nobody was keeping a journal then.
// values are the runner's chosen values, in order, and name says a
// value's name.
func Reflect(w Window, began workbook.Day, entries, previous []workbook.Entry, settings workbook.JournalSettings, values []workbook.Ref, name func(workbook.Ref) string) Mirror {
	m := Mirror{
		Window:   w,
		Totals:   Sum(entries),
		Previous: Sum(previous),
		Weeks:    Weeks(entries, w.First, w.Last),
		ByTag:    ByTag(entries),
		ByValue:  ByValue(entries, values),
	}
	counted := m.Weeks
	if began != 0 {
		from := began.WeekStart()
		counted = slices.DeleteFunc(slices.Clone(counted), func(wk Week) bool { return wk.Start < from })
	}
	m.Plan = CountPlan(counted, settings.Plan)
	m.Sentences = m.sentences(settings.Unit, name)
	return m
}

func (m Mirror) sentences(unit workbook.Unit, name func(workbook.Ref) string) []string {
	t, prev := m.Totals, m.Previous
	if t.Runs == 0 {
		return []string{fmt.Sprintf("No runs logged in %s yet. The journal is here whenever you are.", m.Window.Name)}
	}
	var out []string
	say := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }

	amount := plural(t.Runs, "run", "runs")
	switch {
	case t.Metres > 0 && t.Duration > 0:
		say("%s in %s: %s in %s.", capital(amount), m.Window.Name, FormatDistance(t.Metres, unit), FormatDuration(t.Duration))
	case t.Metres > 0:
		say("%s in %s: %s.", capital(amount), m.Window.Name, FormatDistance(t.Metres, unit))
	default:
		say("%s in %s.", capital(amount), m.Window.Name)
	}
	if m.Plan.Weeks > 1 || m.Plan.Plan > 0 {
		out = append(out, m.Plan.Words())
	}
	if prev.Runs > 0 {
		out = append(out, changed(t, prev, unit, m.Window.Before().Name))
	}
	if e, ok := t.Enjoyment.Value(); ok {
		s := fmt.Sprintf("Enjoyment averaged %s of 5", one(e))
		if p, ok := prev.Enjoyment.Value(); ok {
			s += ", " + compared(e, p, m.Window.Before().Name)
		}
		out = append(out, s+".")
	}
	if l, ok := t.Lift.Value(); ok {
		switch {
		case l >= Change && t.Lift.N == 1:
			say("You felt better after the one run where you said how you felt before and after, by %s.", one(l))
		case l >= Change:
			say("You felt better after %d of the %s where you said how you felt before and after, by %s on average.", t.Better, plural(t.Lift.N, "run", "runs"), one(l))
		case l <= -Change:
			say("After runs you felt a little lower than before, by %s on average: worth noticing which runs those were.", one(-l))
		default:
			say("After runs you felt about as you did before, on average.")
		}
	}
	out = append(out, kindSentences(m.ByTag)...)
	out = append(out, valueSentences(m.ByValue, name)...)
	return out
}

// changed says how the window compares with the one before in runs and
// distance.
func changed(t, prev Totals, unit workbook.Unit, before string) string {
	runs := t.Runs - prev.Runs
	dist := t.Metres - prev.Metres
	var parts []string
	switch {
	case runs > 0:
		parts = append(parts, plural(runs, "more run", "more runs"))
	case runs < 0:
		parts = append(parts, plural(-runs, "run fewer", "runs fewer"))
	}
	switch {
	case dist >= 100:
		parts = append(parts, FormatDistance(dist, unit)+" more")
	case dist <= -100:
		parts = append(parts, FormatDistance(-dist, unit)+" less")
	}
	if len(parts) == 0 {
		return fmt.Sprintf("About as much running as %s.", before)
	}
	if len(parts) == 2 {
		return fmt.Sprintf("%s and %s than %s.", capital(parts[0]), parts[1], before)
	}
	return fmt.Sprintf("%s than %s.", capital(parts[0]), before)
}

// compared says how an average moved: "up from 3.2 the 4 weeks before".
func compared(now, before float64, when string) string {
	switch {
	case now-before >= Change:
		return fmt.Sprintf("up from %s %s", one(before), when)
	case before-now >= Change:
		return fmt.Sprintf("down from %s %s", one(before), when)
	}
	return fmt.Sprintf("about the same as %s", when)
}

// kindSentences name the kinds of run whose enjoyment stood out from the
// rest, the clearest first, at most two: "Runs with others: enjoyment
// 4.3, against 3.1 on your other runs."
func kindSentences(groups []Group) []string {
	type contrast struct {
		tag        string
		with, rest float64
	}
	var found []contrast
	for _, g := range groups {
		with, ok1 := g.Enjoyment.Value()
		rest, ok2 := g.RestEnjoyment.Value()
		if !ok1 || !ok2 || g.Enjoyment.N < 2 || g.RestEnjoyment.N < 2 || math.Abs(with-rest) < Change {
			continue
		}
		found = append(found, contrast{g.Tag, with, rest})
	}
	slices.SortStableFunc(found, func(a, b contrast) int {
		return cmp.Or(cmp.Compare(math.Abs(b.with-b.rest), math.Abs(a.with-a.rest)), cmp.Compare(b.with, a.with))
	})
	var out []string
	var said []contrast
	for _, c := range found {
		// Two kinds that split the runs between them (solo, with others)
		// are one contrast seen from both sides: say it once.
		if slices.ContainsFunc(said, func(s contrast) bool { return near(s.with, c.rest) && near(s.rest, c.with) }) {
			continue
		}
		said = append(said, c)
		out = append(out, fmt.Sprintf("%s: enjoyment %s, against %s on your other runs.", capital(runsOf(c.tag)), one(c.with), one(c.rest)))
		if len(said) == 2 {
			break
		}
	}
	return out
}

// runsOf says a kind of run as runs: "with others" → "runs with others",
// "long" → "long runs".
func runsOf(tag string) string {
	switch tag {
	case "solo", "easy", "long", "new route", "race", "workout", "hill", "trail", "track":
		if tag == "new route" {
			return "runs on a new route"
		}
		return tag + " runs"
	}
	for _, prefix := range []string{"with ", "on ", "in ", "at ", "before ", "after ", "without "} {
		if len(tag) > len(prefix) && tag[:len(prefix)] == prefix {
			return "runs " + tag
		}
	}
	return "runs tagged " + tag
}

// valueSentences say which kind of run each value fit best, and which
// values running seems not to serve (seed 003: values evolve; one that
// running does not serve is worth another look).
func valueSentences(groups []Group, name func(workbook.Ref) string) []string {
	var out []string
	for _, g := range groups {
		fit, ok := g.Fit.Value()
		if !ok || g.Runs < 2 {
			continue
		}
		switch {
		case fit < 2.5 && g.Runs >= 3:
			out = append(out, fmt.Sprintf("%s fit your runs %s of 5 on average. Values can change; it may be worth another look at what running gives it.", name(g.Value), one(fit)))
		case g.BestTag != "":
			out = append(out, fmt.Sprintf("%s fit %s best (%s of 5).", name(g.Value), runsOf(g.BestTag), one(g.BestFit)))
		default:
			out = append(out, fmt.Sprintf("%s fit your runs %s of 5 on average.", name(g.Value), one(fit)))
		}
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// one writes an average with one decimal: "4.3", "-0.5", "3".
func one(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	if s == "-0" {
		return "0"
	}
	return s
}

func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
