package export

import (
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// Coming back in the export, added within version 1 (docs/export.md):
// why each season began and what it carried over, and for each goal its
// rest, its week and how that week went, the runner's line on reaching
// it, where it was carried from, and its whole history. Every field is
// optional and absent when empty, so a version 1 reader that does not
// know them reads the document as before.

// Origin is how a season began.
type Origin struct {
	// Why names the reason: "break", "cycle", "goal-reached", "plateau",
	// "new-season" or "own" (the runner's words are in reason).
	Why string `json:"why,omitempty"`
	// From is the ID of the season things were carried over from.
	From    string   `json:"from,omitempty"`
	Carried *Carried `json:"carried,omitempty"`
}

// Carried is what a season carried over from the one before.
type Carried struct {
	Values bool `json:"values,omitempty"`
	Themes bool `json:"themes,omitempty"`
	Goals  bool `json:"goals,omitempty"`
}

// Life is what a goal went through.
type Life struct {
	// Week is the Monday of the week a small goal is for, 2026-11-30.
	Week    string   `json:"week,omitempty"`
	Rest    *Rest    `json:"rest,omitempty"`
	Check   *Check   `json:"check,omitempty"`
	Reached *Reached `json:"reached,omitempty"`
	From    *GoalRef `json:"from,omitempty"`
	// Again is the ID of last week's small goal this one tries again.
	Again   string  `json:"again,omitempty"`
	History []Event `json:"history,omitempty"`
}

// Rest is a resting goal's rest.
type Rest struct {
	Since time.Time `json:"since"`
	Until string    `json:"until"`
	From  string    `json:"from"`
}

// Check is the look back at a small goal's week.
type Check struct {
	Week    string    `json:"week"`
	Outcome string    `json:"outcome"`
	At      time.Time `json:"at"`
}

// Reached is the runner's line on reaching a goal.
type Reached struct {
	At   time.Time `json:"at"`
	Felt string    `json:"felt,omitempty"`
}

// GoalRef names a goal in another season.
type GoalRef struct {
	Season string `json:"season"`
	Goal   string `json:"goal"`
}

// Event is one entry in a goal's history.
type Event struct {
	ID      string    `json:"id"`
	At      time.Time `json:"at"`
	Kind    string    `json:"kind"`
	Text    string    `json:"text,omitempty"`
	Was     string    `json:"was,omitempty"`
	From    string    `json:"from,omitempty"`
	To      string    `json:"to,omitempty"`
	Tier    string    `json:"tier,omitempty"`
	TierWas string    `json:"tier_was,omitempty"`
	Feel    string    `json:"feel,omitempty"`
	Until   string    `json:"until,omitempty"`
	Week    string    `json:"week,omitempty"`
	Outcome string    `json:"outcome,omitempty"`
	Season  string    `json:"season,omitempty"`
	Why     string    `json:"why,omitempty"`
	Felt    string    `json:"felt,omitempty"`
}

// comingBack fills in what s's season and goals say about coming back,
// from wb. s.Goals are in wb.Goals' order.
func comingBack(s *Season, wb workbook.Snapshot) {
	s.Origin = Origin{Why: wb.Season.Why.String(), From: wb.Season.From}
	if c := wb.Season.Carried; c.Any() {
		s.Carried = &Carried{Values: c.Values, Themes: c.Themes, Goals: c.Goals}
	}
	for i, g := range wb.Goals {
		s.Goals[i].Life = life(g, wb.History[g.ID])
	}
}

func life(g workbook.Goal, history []workbook.GoalEvent) Life {
	l := Life{Week: day(g.Week), Again: g.Again}
	if g.Rest != (workbook.Rest{}) {
		l.Rest = &Rest{Since: g.Rest.Since, Until: day(g.Rest.Until), From: g.Rest.From.String()}
	}
	if g.Check != (workbook.WeekCheck{}) {
		l.Check = &Check{Week: day(g.Check.Week), Outcome: g.Check.Outcome.String(), At: g.Check.At}
	}
	if g.Reached != (workbook.Reached{}) {
		l.Reached = &Reached{At: g.Reached.At, Felt: g.Reached.Felt}
	}
	if !g.From.IsZero() {
		l.From = &GoalRef{Season: g.From.Season, Goal: g.From.Goal}
	}
	for _, e := range history {
		l.History = append(l.History, Event{
			ID: e.ID, At: e.At, Kind: e.Kind.String(), Text: e.Text, Was: e.Was,
			From: e.From.String(), To: e.To.String(), Tier: string(e.Tier), TierWas: string(e.TierWas),
			Feel: e.Feel.String(), Until: day(e.Until), Week: day(e.Week), Outcome: e.Outcome.String(),
			Season: e.Season, Why: e.Why, Felt: e.Felt,
		})
	}
	return l
}

// day writes a day as 2026-11-30, and no day as "".
func day(d workbook.Day) string {
	if d == 0 {
		return ""
	}
	return d.String()
}
