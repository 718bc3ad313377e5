package journal

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// The arithmetic of the mirror. Every function takes the entries of a
// window (read a page at a time by the caller) and is pure.

// Mean is a running average.
type Mean struct {
	Sum float64
	N   int
}

// Add counts one more value.
func (m *Mean) Add(v float64) { m.Sum += v; m.N++ }

// Value returns the average, and false when nothing was counted.
func (m Mean) Value() (float64, bool) {
	if m.N == 0 {
		return 0, false
	}
	return m.Sum / float64(m.N), true
}

// Week is one Monday-to-Sunday week of running.
type Week struct {
	Start    workbook.Day // the Monday
	Runs     int
	Metres   int
	Duration time.Duration
}

// Met reports whether the week reached a plan of plan runs. A week with no
// plan reaches nothing and misses nothing.
func (w Week) Met(plan int) bool { return plan > 0 && w.Runs >= plan }

// Weeks sums the entries into weeks, one for every week from first's to
// last's, the empty ones included, oldest first. Entries outside first and
// last are left out.
func Weeks(entries []workbook.Entry, first, last workbook.Day) []Week {
	if last < first {
		return nil
	}
	start := first.WeekStart()
	out := make([]Week, int(last.WeekStart()-start)/7+1)
	for i := range out {
		out[i].Start = start + workbook.Day(7*i)
	}
	for _, e := range entries {
		if e.Day < first || e.Day > last {
			continue
		}
		w := &out[int(e.Day.WeekStart()-start)/7]
		w.Runs++
		w.Metres += e.Metres
		w.Duration += e.Duration
	}
	return out
}

// PlanCount is how many weeks reached the runner's own plan. It counts
// weeks, never a streak: a quiet week breaks nothing, and the next one
// starts fresh.
type PlanCount struct {
	Plan  int // runs a week; 0 when the runner has not set one
	Weeks int // weeks counted
	Met   int // weeks that reached the plan
	Ran   int // weeks with a run in them
}

// CountPlan counts the weeks that reached a plan of plan runs, and those
// with any run at all.
func CountPlan(weeks []Week, plan int) PlanCount {
	c := PlanCount{Plan: plan, Weeks: len(weeks)}
	for _, w := range weeks {
		if w.Met(plan) {
			c.Met++
		}
		if w.Runs > 0 {
			c.Ran++
		}
	}
	return c
}

// Words says the count calmly: "3 of 4 weeks reached your plan of 3
// runs". Without a plan it judges nothing and counts what was run: "You
// ran in 3 of 4 weeks."
func (c PlanCount) Words() string {
	if c.Plan <= 0 {
		return fmt.Sprintf("You ran in %d of %s.", c.Ran, plural(c.Weeks, "week", "weeks"))
	}
	return fmt.Sprintf("%d of %s reached your plan of %s.", c.Met, plural(c.Weeks, "week", "weeks"), plural(c.Plan, "run", "runs"))
}

// PlannedRuns says a week against the plan: "2 of 3 planned runs". Past the
// plan it says so plainly: "4 runs, 3 planned".
func PlannedRuns(w Week, plan int) string {
	switch {
	case plan <= 0:
		return plural(w.Runs, "run", "runs")
	case w.Runs > plan:
		return fmt.Sprintf("%s, %d planned", plural(w.Runs, "run", "runs"), plan)
	}
	return fmt.Sprintf("%d of %d planned runs", w.Runs, plan)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Totals are the sums and averages of a window.
type Totals struct {
	Runs      int
	Metres    int
	Duration  time.Duration
	Enjoyment Mean
	Lift      Mean
	// Better counts the runs after which the runner felt better than
	// before, of the Lift.N runs where both were said.
	Better int
}

// Sum adds up entries.
func Sum(entries []workbook.Entry) Totals {
	var t Totals
	for _, e := range entries {
		t.Runs++
		t.Metres += e.Metres
		t.Duration += e.Duration
		if e.Enjoyment.Given() {
			t.Enjoyment.Add(float64(e.Enjoyment))
		}
		if l, ok := e.Lift(); ok {
			t.Lift.Add(float64(l))
			if l > 0 {
				t.Better++
			}
		}
	}
	return t
}

// Group is how one kind of run, or one value, went in a window, beside
// the rest of the runs to compare against.
type Group struct {
	// Tag is the kind of run, for ByTag.
	Tag string
	// Value is the value, for ByValue.
	Value workbook.Ref
	// Runs counts the runs of the kind, or the runs rated for the value.
	Runs int
	// Enjoyment and Lift are of the runs of the kind, or of the runs that
	// fit the value well (4 or 5).
	Enjoyment, Lift Mean
	// RestEnjoyment and RestLift are of every other run: those not of the
	// kind, or those rated as fitting the value less well.
	RestEnjoyment, RestLift Mean
	// Fit is how well the runs fit the value, on average (ByValue only).
	Fit Mean
	// BestTag is the kind of run that fit the value best, over at least
	// two runs of it (ByValue only); "" when none stands out.
	BestTag string
	BestFit float64
}

func addFelt(enj, lift *Mean, e workbook.Entry) {
	if e.Enjoyment.Given() {
		enj.Add(float64(e.Enjoyment))
	}
	if l, ok := e.Lift(); ok {
		lift.Add(float64(l))
	}
}

// ByTag groups the runs by kind: each kind's enjoyment and lift beside the
// other runs'. Kinds with the most runs come first, then by name.
func ByTag(entries []workbook.Entry) []Group {
	index := map[string]int{}
	var out []Group
	for _, e := range entries {
		for _, t := range e.Tags {
			t = workbook.Tag(t)
			if _, ok := index[t]; !ok && t != "" {
				index[t] = len(out)
				out = append(out, Group{Tag: t})
			}
		}
	}
	for i := range out {
		g := &out[i]
		for _, e := range entries {
			if e.HasTag(g.Tag) {
				g.Runs++
				addFelt(&g.Enjoyment, &g.Lift, e)
			} else {
				addFelt(&g.RestEnjoyment, &g.RestLift, e)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Group) int {
		return cmp.Or(b.Runs-a.Runs, cmp.Compare(a.Tag, b.Tag))
	})
	return out
}

// WellFit is the fit from which a run counts as serving a value.
const WellFit workbook.Score = 4

// ByValue groups the runs by the values they were rated against: how well
// they fit on average, the enjoyment and lift of the runs that fit well
// beside those that fit less, and the kind of run that fit best. values
// gives the order (the runner's chosen values); values found only in the
// entries follow, by ID.
func ByValue(entries []workbook.Entry, values []workbook.Ref) []Group {
	index := map[workbook.Ref]int{}
	var out []Group
	add := func(r workbook.Ref) {
		if _, ok := index[r]; !ok && r.IsValue() {
			index[r] = len(out)
			out = append(out, Group{Value: r})
		}
	}
	for _, r := range values {
		add(r)
	}
	var found []workbook.Ref
	for _, e := range entries {
		for r := range e.Fit {
			if _, ok := index[r]; !ok && !slices.Contains(found, r) {
				found = append(found, r)
			}
		}
	}
	slices.SortFunc(found, func(a, b workbook.Ref) int { return cmp.Compare(a.ID, b.ID) })
	for _, r := range found {
		add(r)
	}
	for i := range out {
		g := &out[i]
		tags := map[string]*Mean{}
		for _, e := range entries {
			s, ok := e.Fit[g.Value]
			if !ok || !s.Given() {
				continue
			}
			g.Runs++
			g.Fit.Add(float64(s))
			if s >= WellFit {
				addFelt(&g.Enjoyment, &g.Lift, e)
			} else {
				addFelt(&g.RestEnjoyment, &g.RestLift, e)
			}
			for _, t := range e.Tags {
				t = workbook.Tag(t)
				if tags[t] == nil {
					tags[t] = &Mean{}
				}
				tags[t].Add(float64(s))
			}
		}
		for _, t := range sortedKeys(tags) {
			if v, _ := tags[t].Value(); tags[t].N >= 2 && v > g.BestFit {
				g.BestTag, g.BestFit = t, v
			}
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
