package workbook

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Sitting on goals (seed 001: put the list away, then look again) and the
// weekly loop (seed 002: small goals are made week by week, and a week
// that did not go to plan is tried again).

// DefaultRestDays is how long a goal rests unless the runner says.
const DefaultRestDays = 3

// MaxRestDays is the longest rest a goal can be given at once.
const MaxRestDays = 60

// Rest is a goal's rest: when it began, the day it ends, and the state to
// return to when the runner keeps it as it was.
type Rest struct {
	Since time.Time
	Until Day
	From  GoalStatus
}

// Due reports whether g is resting and its rest is over on today: time
// for another look. A rest with no end is over at once.
func (g Goal) Due(today Day) bool {
	return g.Status == Resting && (g.Rest.Until == 0 || today >= g.Rest.Until)
}

// Outcome is how a small goal's week went.
type Outcome uint8

// The outcomes. The zero Outcome is a week not looked back on yet.
const (
	NotChecked Outcome = iota
	Done
	Partly
	Missed
	Dropped // let go
)

var (
	outcomeNames = [...]string{"", "done", "partly", "missed", "let-go"}
	outcomeWords = [...]string{"", "done", "partly done", "missed", "let go"}
)

// Outcomes returns the outcomes the runner picks from, in the order offered.
func Outcomes() []Outcome { return []Outcome{Done, Partly, Missed, Dropped} }

// String returns the stored name: "done", "partly", "missed", "let-go".
func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return "unknown"
}

// Words says the outcome the way the runner reads it.
func (o Outcome) Words() string {
	if int(o) < len(outcomeWords) {
		return outcomeWords[o]
	}
	return ""
}

// ParseOutcome reads a stored name; "" is NotChecked.
func ParseOutcome(s string) (Outcome, error) {
	for i, n := range outcomeNames {
		if n == s {
			return Outcome(i), nil
		}
	}
	return NotChecked, fmt.Errorf("week outcome %q is not one cairn knows", s)
}

// WeekCheck is the runner's look back at a small goal's week.
type WeekCheck struct {
	Week    Day // the Monday of the week looked back on
	Outcome Outcome
	At      time.Time
}

// Reached is what the runner said on reaching a goal (seed 001's
// emotional reward): how it felt, in a line.
type Reached struct {
	At   time.Time
	Felt string
}

// GoalRef names a goal in a season.
type GoalRef struct {
	Season string
	Goal   string
}

// IsZero reports whether r names nothing.
func (r GoalRef) IsZero() bool { return r == GoalRef{} }

// Weekly reports whether g is a small goal tied to a week.
func (g Goal) Weekly() bool { return g.Tier == Small && g.Week != 0 }

// Unchecked reports whether g is a small goal whose week ended before
// thisWeek, still being worked toward, which the runner has not looked
// back on yet. A step already reached or let go needs no look back.
func (g Goal) Unchecked(thisWeek Day) bool {
	return g.Weekly() && g.Week < thisWeek && g.Check.Outcome == NotChecked && g.Status.Active()
}

// Open reports whether g is still being worked toward in thisWeek: its
// state is active and, for a small goal of an earlier week, that week
// has not been looked back on yet. A week looked back on is closed; a
// missed step comes back as a new goal ("try again"), never by reopening
// the old one.
func (g Goal) Open(thisWeek Day) bool {
	if !g.Status.Active() {
		return false
	}
	return !(g.Weekly() && g.Week < thisWeek && g.Check.Outcome != NotChecked)
}

// OnBoard reports whether the goal board shows g in thisWeek: everything
// but the small goals of earlier weeks already looked back on, reached or
// let go, which live on in the goal's history and the season's summary.
func (g Goal) OnBoard(thisWeek Day) bool {
	return !(g.Weekly() && g.Week < thisWeek && (g.Check.Outcome != NotChecked || !g.Status.Active()))
}

// Move returns g moved to state to at now, with the event for its
// history, or a *MoveError. Leaving a rest ends it; reaching a goal is
// Reach, which asks how it felt.
//
// Here and in the other moves, now is in the runner's own location: the
// days a rest ends and a week begins are their calendar's, and the times
// kept are in UTC.
func (g Goal) Move(to GoalStatus, why string, now time.Time) (Goal, GoalEvent, error) {
	if to == Resting {
		return g.RestFor(DefaultRestDays, why, now)
	}
	from := g.Status
	if _, err := from.Move(to); err != nil {
		return g, GoalEvent{}, err
	}
	g.Status, g.Updated = to, now.UTC()
	if from == Resting {
		g.Rest = Rest{}
	}
	if from == Achieved {
		g.Reached = Reached{}
	}
	return g, g.event(EventMoved, from, why, now), nil
}

// RestFor puts g to rest for days days from now (DefaultRestDays when days
// is below 1), remembering the state to come back to.
func (g Goal) RestFor(days int, why string, now time.Time) (Goal, GoalEvent, error) {
	if days < 1 {
		days = DefaultRestDays
	}
	days = min(days, MaxRestDays)
	from := g.Status
	if _, err := from.Move(Resting); err != nil {
		return g, GoalEvent{}, err
	}
	g.Status, g.Updated = Resting, now.UTC()
	g.Rest = Rest{Since: now.UTC(), Until: DayOf(now).AddDays(days), From: from}
	ev := g.event(EventMoved, from, why, now)
	ev.Until = g.Rest.Until
	return g, ev, nil
}

// Keep ends g's rest as the runner found it on another look: back to the
// state it rested from.
func (g Goal) Keep(now time.Time) (Goal, GoalEvent, error) {
	back := g.Rest.From
	if back != Committed {
		back = Draft
	}
	return g.Move(back, "", now)
}

// Reach marks g achieved with the runner's line about how it felt. A
// draft or a resting goal is committed to on the way: reaching it is the
// firmest commitment there is.
func (g Goal) Reach(felt string, now time.Time) (Goal, GoalEvent, error) {
	from := g.Status
	if from == Draft || from == Resting {
		g.Status = Committed
	}
	if _, err := g.Status.Move(Achieved); err != nil {
		return g, GoalEvent{}, &MoveError{From: from, To: Achieved}
	}
	felt = strings.TrimSpace(felt)
	g.Status, g.Updated, g.Rest = Achieved, now.UTC(), Rest{}
	g.Reached = Reached{At: now.UTC(), Felt: felt}
	ev := g.event(EventMoved, from, "", now)
	ev.Felt = felt
	return g, ev, nil
}

// CheckWeek records how g's week went. A step done is reached; one let go
// is let go; partly done and missed leave its state alone, and a missed
// step is tried again as a new goal (TryAgain).
func (g Goal) CheckWeek(o Outcome, now time.Time) (Goal, GoalEvent) {
	from := g.Status
	switch o {
	case Done:
		if g.Status.Active() {
			g.Status, g.Rest = Achieved, Rest{}
			g.Reached = Reached{At: now.UTC()}
		}
	case Dropped:
		if g.Status.Active() {
			g.Status, g.Rest = LetGo, Rest{}
		}
	}
	g.Check = WeekCheck{Week: g.Week, Outcome: o, At: now.UTC()}
	g.Updated = now.UTC()
	ev := g.event(EventChecked, from, "", now)
	ev.Week, ev.Outcome = g.Week, o
	return g, ev
}

// TryAgain returns a new small goal for week, in g's words, toward what g
// was toward: "show up the next week and try again" (seed 002).
func (g Goal) TryAgain(week Day, order int, now time.Time) (Goal, GoalEvent) {
	status := Draft
	if g.Status == Committed {
		status = Committed
	}
	n := Goal{
		ID: NewID(now), Tier: Small, Text: g.Text, Feel: g.Feel,
		Themes: slices.Clone(g.Themes), Values: slices.Clone(g.Values),
		Parent: g.Parent, Status: status, Idea: g.Idea, Order: order,
		Week: week, Again: g.ID, Created: now.UTC(), Updated: now.UTC(),
	}
	ev := n.event(EventAgain, status, "", now)
	ev.Week = g.Week
	return n, ev
}

// EditEvent returns the event for an edit that took before to after, and
// false when nothing the history keeps changed: the words, the column or
// how it feels.
func EditEvent(before, after Goal, why string, now time.Time) (GoalEvent, bool) {
	if before.Text == after.Text && before.Tier == after.Tier && before.Feel == after.Feel {
		return GoalEvent{}, false
	}
	ev := after.event(EventEdited, after.Status, why, now)
	ev.Was, ev.TierWas = before.Text, before.Tier
	if before.Feel != after.Feel {
		ev.Feel = after.Feel
	}
	return ev, true
}

// AddedEvent returns the event that begins a new goal's history.
func AddedEvent(g Goal, now time.Time) GoalEvent { return g.event(EventAdded, g.Status, "", now) }

func (g Goal) event(kind EventKind, from GoalStatus, why string, now time.Time) GoalEvent {
	return GoalEvent{
		ID: NewEventID(now), At: now.UTC(), Kind: kind, Text: g.Text, Tier: g.Tier,
		From: from, To: g.Status, Why: strings.TrimSpace(why),
	}
}
