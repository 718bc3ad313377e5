package workbook

import (
	"fmt"
	"time"
)

// EventKind says what happened to a goal.
type EventKind uint8

// The kinds of event in a goal's history.
const (
	EventAdded   EventKind = iota + 1 // the goal was written
	EventEdited                       // its words, column or feel changed
	EventMoved                        // its state changed: rested, committed, reached, let go, ...
	EventCarried                      // it was carried over from an earlier season
	EventChecked                      // its week was looked back on
	EventAgain                        // it tries again a step missed last week
)

var eventNames = [...]string{"", "added", "edited", "moved", "carried", "checked", "again"}

// String returns the stored name, such as "added" or "moved".
func (k EventKind) String() string {
	if int(k) < len(eventNames) {
		return eventNames[k]
	}
	return "unknown"
}

// ParseEventKind reads a stored name.
func ParseEventKind(s string) (EventKind, error) {
	for i, n := range eventNames {
		if i > 0 && n == s {
			return EventKind(i), nil
		}
	}
	return 0, fmt.Errorf("goal event %q is not one cairn knows", s)
}

// GoalEvent is one entry in a goal's history: every move and every edit
// is kept with its date, so the history reads like a short diary.
type GoalEvent struct {
	// ID is NewID of when it happened: events sort by time.
	ID   string
	At   time.Time
	Kind EventKind
	// Text is the goal's words after the event; Was, for an edit, before.
	Text string
	Was  string
	// From and To are the goal's states before and after.
	From, To GoalStatus
	// Tier is the goal's column after the event; TierWas, for an edit,
	// before.
	Tier    Tier
	TierWas Tier
	// Feel is how the goal feels after an edit that changed it.
	Feel Feel
	// Until is the day a rest ends.
	Until Day
	// Week is the week looked back on (Checked), or the week of the step
	// tried again (Again).
	Week    Day
	Outcome Outcome
	// Season is the name of the season a goal was carried over from.
	Season string
	// Why is the runner's own line about a change; Felt, how reaching the
	// goal felt.
	Why  string
	Felt string
}
