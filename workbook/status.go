package workbook

import (
	"fmt"
	"slices"
)

// GoalStatus is where a goal stands. A goal starts as a draft, may rest for
// a few days before another look (seed 001: put the list away, sit on it,
// then look again), is committed to, and ends achieved or let go.
type GoalStatus uint8

// The goal states.
const (
	Draft GoalStatus = iota
	Resting
	Committed
	Achieved
	LetGo
)

var goalStatusNames = [...]string{"draft", "resting", "committed", "achieved", "let-go"}

// String returns the stored name, such as "draft" or "let-go".
func (s GoalStatus) String() string {
	if int(s) < len(goalStatusNames) {
		return goalStatusNames[s]
	}
	return "unknown"
}

// Words says the state the way the runner reads it.
func (s GoalStatus) Words() string {
	if s == LetGo {
		return "let go"
	}
	return s.String()
}

// ParseGoalStatus reads a stored name; "" is a Draft, as goals written
// before states existed were.
func ParseGoalStatus(s string) (GoalStatus, error) {
	if s == "" {
		return Draft, nil
	}
	for i, n := range goalStatusNames {
		if n == s {
			return GoalStatus(i), nil
		}
	}
	return Draft, fmt.Errorf("goal state %q is not one cairn knows", s)
}

// moves lists where a goal may go from each state. A rest ends in another
// look: keep it as a draft, commit to it, or let it go. A committed goal
// can rest again (big goals may change during the year), be reached or be
// let go. Achieved and let go are not dead ends: a goal marked achieved by
// mistake goes back to committed, and a goal let go can be taken up again
// as a draft.
var moves = map[GoalStatus][]GoalStatus{
	Draft:     {Resting, Committed, LetGo},
	Resting:   {Draft, Committed, LetGo},
	Committed: {Resting, Achieved, LetGo},
	Achieved:  {Committed},
	LetGo:     {Draft},
}

// Moves returns the states a goal in s may move to.
func (s GoalStatus) Moves() []GoalStatus { return slices.Clone(moves[s]) }

// CanMove reports whether a goal may go from s to to.
func (s GoalStatus) CanMove(to GoalStatus) bool { return slices.Contains(moves[s], to) }

// Active reports whether the goal is still being worked toward.
func (s GoalStatus) Active() bool { return s == Draft || s == Resting || s == Committed }

// MoveError says a goal cannot go from one state to another.
type MoveError struct{ From, To GoalStatus }

func (e *MoveError) Error() string {
	return fmt.Sprintf("a %s goal cannot become %s", e.From.Words(), e.To.Words())
}

// Move returns to if a goal in s may go there, or a *MoveError.
func (s GoalStatus) Move(to GoalStatus) (GoalStatus, error) {
	if !s.CanMove(to) {
		return s, &MoveError{From: s, To: to}
	}
	return to, nil
}
