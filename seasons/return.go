package seasons

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/workbook"
)

// Return is what the runner finds on coming back to a season: how long it
// has been, what is resting and what is due for another look, the goals
// still being worked toward, last week's small goals waiting to be looked
// back on, the goals reached, and whether a new season is worth offering.
type Return struct {
	// Away says how long since anything was written ("three weeks"); ""
	// on a first visit. Days is the same in calendar days.
	Away string
	Days int
	// Due are resting goals whose rest is over; Resting those still
	// resting.
	Due, Resting []workbook.Goal
	// Active are the goals still being worked toward, committed ones first.
	Active []workbook.Goal
	// Unchecked are the small goals of earlier weeks not looked back on
	// yet, oldest week first.
	Unchecked []workbook.Goal
	// Reached are the goals reached this season, latest first.
	Reached []workbook.Goal
	// Offer is the reason a new season is offered for: BackAfterBreak after
	// LongGap days away, GoalReached once a big goal is reached;
	// FirstSeason when none is.
	Offer workbook.Why
}

// Returning works out what a runner coming back to wb at now finds. last
// is when anything was last written; zero on a first visit.
func Returning(goals []workbook.Goal, last, now time.Time) Return {
	today := workbook.DayOf(now)
	thisWeek := journal.ThisWeek(today)
	var r Return
	if !last.IsZero() {
		r.Away, r.Days = HowLong(last, now), Days(last, now)
	}
	for _, g := range goals {
		switch {
		case g.Due(today):
			r.Due = append(r.Due, g)
		case g.Status == workbook.Resting:
			r.Resting = append(r.Resting, g)
		}
		if g.Unchecked(thisWeek) {
			r.Unchecked = append(r.Unchecked, g)
		}
		if g.Open(thisWeek) && g.Status != workbook.Resting {
			r.Active = append(r.Active, g)
		}
		if g.Status == workbook.Achieved && g.Check.Outcome != workbook.Done {
			// A weekly step done is reached too, but it is the week's
			// look back that says so, not a goal reached.
			r.Reached = append(r.Reached, g)
		}
	}
	slices.SortStableFunc(r.Active, func(a, b workbook.Goal) int {
		return boolRank(a.Status == workbook.Committed) - boolRank(b.Status == workbook.Committed)
	})
	slices.SortStableFunc(r.Unchecked, func(a, b workbook.Goal) int { return int(a.Week - b.Week) })
	slices.SortStableFunc(r.Reached, func(a, b workbook.Goal) int { return b.Reached.At.Compare(a.Reached.At) })
	switch {
	case !last.IsZero() && r.Days >= LongGap:
		r.Offer = workbook.BackAfterBreak
	case slices.ContainsFunc(r.Reached, func(g workbook.Goal) bool { return g.Tier == workbook.Big }):
		r.Offer = workbook.GoalReached
	}
	return r
}

func boolRank(b bool) int {
	if b {
		return 0
	}
	return 1
}

// DueWords says what is due for another look: "“Sub-25 5k” is due for
// another look." or "3 resting goals are due for another look."; "" when
// nothing is.
func DueWords(due []workbook.Goal) string {
	switch len(due) {
	case 0:
		return ""
	case 1:
		return quote(due[0].Text, 40) + " has rested long enough: time for another look."
	}
	return fmt.Sprintf("%s goals have rested long enough: time for another look.", capital(Number(len(due))))
}

// RestingWords says what is resting and until when: "“20 km a week”
// rests until Mon 15 Dec."; "" when nothing is.
func RestingWords(resting []workbook.Goal) string {
	switch len(resting) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("%s rests until %s.", quote(resting[0].Text, 40), DayName(resting[0].Rest.Until))
	}
	last := resting[0].Rest.Until
	for _, g := range resting {
		last = max(last, g.Rest.Until)
	}
	return fmt.Sprintf("%s goals are resting, the last until %s.", capital(Number(len(resting))), DayName(last))
}

// UncheckedWords asks about the small goals of earlier weeks: "Last week
// had 3 small goals: how did they go?"; "" when there are none.
func UncheckedWords(unchecked []workbook.Goal, now time.Time) string {
	if len(unchecked) == 0 {
		return ""
	}
	thisWeek := journal.ThisWeek(workbook.DayOf(now))
	first, last := unchecked[0].Week, unchecked[len(unchecked)-1].Week
	when := "Last week"
	switch {
	case first != last:
		when = "The weeks since " + ShortDate(first, now)
	case first < thisWeek-7:
		when = "The week of " + ShortDate(first, now)
	}
	return fmt.Sprintf("%s had %s: how did %s go?", when, plural(len(unchecked), "small goal", "small goals"), pick(len(unchecked) == 1, "it", "they"))
}

func pick(one bool, a, b string) string {
	if one {
		return a
	}
	return b
}

// ActiveWords names the goals still being worked toward, as many as fit
// in about n runes: "“Half marathon”, “20 km a week” and 2 more".
func ActiveWords(active []workbook.Goal, n int) string {
	if len(active) == 0 {
		return ""
	}
	var names []string
	used := 0
	for i, g := range active {
		q := quote(g.Text, 32)
		if i > 0 && used+len([]rune(q)) > n {
			return strings.Join(names, ", ") + fmt.Sprintf(" and %d more", len(active)-i)
		}
		names = append(names, q)
		used += len([]rune(q)) + 2
	}
	return list(names)
}
