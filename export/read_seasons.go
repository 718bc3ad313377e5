package export

import (
	"fmt"

	"github.com/cairn-run/cairn/workbook"
)

// Reading back what coming back adds to the export (seasons.go): why a
// season began and what it carried, and each goal's rest, week, reaching,
// origin and history. Every field is optional; each is checked as the
// store would read it.

// origin maps why a season began and what it carried over.
func (c *contents) origin(where string, o Origin, s *workbook.Season) {
	why, err := workbook.ParseWhy(o.Why)
	if err != nil {
		c.problem(where, "%v", err)
	}
	s.Why, s.From = why, o.From
	if o.Carried != nil {
		s.Carried = workbook.Carry{Values: o.Carried.Values, Themes: o.Carried.Themes, Goals: o.Carried.Goals}
	}
}

// optionalDay reads a day that may be absent ("").
func (c *contents) optionalDay(where, s string) workbook.Day {
	if s == "" {
		return 0
	}
	d, err := workbook.ParseDay(s)
	if err != nil {
		c.problem(where, "%v", err)
	}
	return d
}

// life maps what a goal went through onto g, and returns its history.
func (c *contents) life(where string, l Life, g *workbook.Goal) []workbook.GoalEvent {
	g.Week = c.optionalDay(where+".week", l.Week)
	g.Again = l.Again
	if l.Rest != nil {
		from, err := workbook.ParseGoalStatus(l.Rest.From)
		if err != nil {
			c.problem(where+".rest", "%v", err)
		}
		g.Rest = workbook.Rest{Since: l.Rest.Since, Until: c.optionalDay(where+".rest.until", l.Rest.Until), From: from}
	}
	if l.Check != nil {
		o, err := workbook.ParseOutcome(l.Check.Outcome)
		if err != nil {
			c.problem(where+".check", "%v", err)
		}
		g.Check = workbook.WeekCheck{Week: c.optionalDay(where+".check.week", l.Check.Week), Outcome: o, At: l.Check.At}
	}
	if l.Reached != nil {
		c.line(where+".reached.felt", l.Reached.Felt, workbook.MaxLineRunes)
		g.Reached = workbook.Reached{At: l.Reached.At, Felt: l.Reached.Felt}
	}
	if l.From != nil {
		g.From = workbook.GoalRef{Season: l.From.Season, Goal: l.From.Goal}
	}
	var out []workbook.GoalEvent
	seen := map[string]bool{}
	for i, e := range l.History {
		ew := fmt.Sprintf("%s.history[%d]", where, i)
		c.id(ew, e.ID)
		if seen[e.ID] {
			c.problem(ew, "holds event %q a second time", e.ID)
		}
		seen[e.ID] = true
		out = append(out, c.event(ew, e))
	}
	return out
}

// event maps one entry of a goal's history.
func (c *contents) event(where string, e Event) workbook.GoalEvent {
	ev := workbook.GoalEvent{
		ID: e.ID, At: e.At, Text: e.Text, Was: e.Was, Tier: workbook.Tier(e.Tier), TierWas: workbook.Tier(e.TierWas),
		Until: c.optionalDay(where+".until", e.Until), Week: c.optionalDay(where+".week", e.Week),
		Season: e.Season, Why: e.Why, Felt: e.Felt,
	}
	var err error
	if ev.Kind, err = workbook.ParseEventKind(e.Kind); err != nil {
		c.problem(where, "%v", err)
	}
	if ev.From, err = workbook.ParseGoalStatus(e.From); err != nil {
		c.problem(where, "%v", err)
	}
	if ev.To, err = workbook.ParseGoalStatus(e.To); err != nil {
		c.problem(where, "%v", err)
	}
	if ev.Feel, err = workbook.ParseFeel(e.Feel); err != nil {
		c.problem(where, "%v", err)
	}
	if ev.Outcome, err = workbook.ParseOutcome(e.Outcome); err != nil {
		c.problem(where, "%v", err)
	}
	for _, t := range []workbook.Tier{ev.Tier, ev.TierWas} {
		if t != "" && !t.Valid() {
			c.problem(where, "names column %q", t)
		}
	}
	c.text(where+".text", e.Text)
	c.text(where+".was", e.Was)
	return ev
}
