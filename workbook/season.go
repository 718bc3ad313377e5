package workbook

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"sync/atomic"
	"time"
)

// Season is one planning cycle: a full pass through the exercise.
type Season struct {
	ID      string
	Name    string
	Started time.Time
	// Reason is why the runner came back for this season, in their words or
	// the words of Why (Why.Words). Empty for a first season.
	Reason string
	// Why is which of the reasons seed 001 names began the season, or
	// OwnWords when the runner said it their own way (seasons.go).
	Why Why
	// From is the ID of the season this one carried things over from, and
	// Carried what it carried; From is empty when nothing was carried.
	From    string
	Carried Carry
}

// Place is where the runner was, so the next session resumes exactly there.
type Place struct {
	// Screen names a screen of the workbook, such as "reflect" or "goals".
	Screen string
	// Question is the index of the reflection question, when on "reflect".
	Question int
	// Goal is the ID of the goal selected on the board, if any; Editing
	// says its editor was open.
	Goal    string
	Editing bool
	// Theme is the theme selected on the themes screen; zero if none.
	Theme Ref
	// Ideas is how the goal ideas were filtered, when they were open on
	// the board; nil when they were not.
	Ideas   *IdeaSearch
	Updated time.Time
}

// IdeaSearch is how the runner had filtered the goal-idea catalog: each
// filter empty for "every".
type IdeaSearch struct {
	Kind  string // an idea kind, such as "milestone"
	Theme string // a catalog theme's ID
	Tier  Tier   // the column the ideas suit
	Query string // the words searched for
}

// Answer is the runner's answer to one reflection question.
type Answer struct {
	Question string
	Text     string
	Updated  time.Time
}

// Goal is one goal on the board.
type Goal struct {
	ID   string
	Tier Tier
	Text string
	Feel Feel
	// Themes and Values link the goal to what is behind it.
	Themes []Ref
	Values []Ref
	// Parent is the ID of the bigger goal this one is a step toward.
	Parent string
	Status GoalStatus
	// Said holds the runner's own answers to the checks the words cannot
	// show, keyed by criterion ("attainable", "tier-rule", ...).
	Said map[string]bool
	// Purpose holds the runner's answers to the purpose check, keyed by item.
	Purpose map[string]bool
	// Idea is the catalog idea the goal started from, if any.
	Idea  string
	Order int
	// Rest is the goal's rest while it is Resting (rest.go).
	Rest Rest
	// Week is the Monday of the week a small goal is for; 0 for medium and
	// big goals.
	Week Day
	// Check is how a small goal's week went, once the runner said so.
	Check WeekCheck
	// Reached is the runner's line about reaching the goal, once achieved.
	Reached Reached
	// From is the goal this one was carried over from, in an earlier
	// season; the zero GoalRef when it began in this one.
	From GoalRef
	// Again is the ID of last week's small goal this one tries again.
	Again   string
	Created time.Time
	Updated time.Time
}

// Links returns the goal's themes, then its values.
func (g Goal) Links() []Ref {
	out := make([]Ref, 0, len(g.Themes)+len(g.Values))
	return append(append(out, g.Themes...), g.Values...)
}

// ThemeMark is the runner's decision on one motivation theme. An
// Undecided mark keeps only the direction the runner gave a theme before
// deciding on it.
type ThemeMark struct {
	// Theme is a catalog theme or one of the runner's own.
	Theme    Ref
	Polarity Polarity
	Status   MarkStatus
}

// OwnTheme is a theme the runner named themselves.
type OwnTheme struct {
	ID       string
	Name     string
	Polarity Polarity
}

// Ref refers to the own theme.
func (o OwnTheme) Ref() Ref { return OwnThemeRef(o.ID) }

// ThemeBoard is everything the runner decided about themes in a season.
type ThemeBoard struct {
	Marks []ThemeMark
	Own   []OwnTheme
	// Top is the theme that matters most; the zero Ref when none is named.
	Top Ref
	// Notes is free writing about the themes the runner sees.
	Notes string
	// Motivation is the one motivation that matters most, in the runner's
	// own words.
	Motivation string
	Updated    time.Time
}

// ValueChoice is one core value the runner picked, with how running could
// serve it and a small experiment to test that.
type ValueChoice struct {
	// ID is a catalog value ID, or an own value's ID made with NewID.
	ID string
	// Own is set for a value the runner named; Name is then its name.
	// Catalog values take their name from the catalog.
	Own        bool
	Name       string
	Serve      string
	Experiment string
}

// Ref refers to the chosen value.
func (v ValueChoice) Ref() Ref {
	if v.Own {
		return OwnValueRef(v.ID)
	}
	return Value(v.ID)
}

// Snapshot is one season with everything written in it.
type Snapshot struct {
	Season  Season
	Place   Place
	Answers map[string]Answer
	Goals   []Goal // by Order, then ID
	Themes  ThemeBoard
	Values  []ValueChoice
	// Reviews are the runner's looks back at their values' experiments,
	// oldest first.
	Reviews []ExperimentReview
	// LastActive is the newest Updated time of anything in the season, or
	// the zero time if nothing was ever written.
	LastActive time.Time
	// History is every goal's history, oldest first, by goal ID. Only a
	// read of the whole workbook for an export fills it: screens read a
	// goal's history a page at a time, never all of it at start.
	History map[string][]GoalEvent
}

// NewID returns an ID that sorts by t and is unique in practice: the time in
// milliseconds as hex, then 32 random bits.
func NewID(t time.Time) string {
	var r [4]byte
	_, _ = rand.Read(r[:]) // crypto/rand.Read never fails on supported platforms
	return fmt.Sprintf("%012x%s", t.UnixMilli(), hex.EncodeToString(r[:]))
}

// eventSeq numbers the events this process makes, from a random start.
var eventSeq = func() *atomic.Uint32 {
	var r [4]byte
	_, _ = rand.Read(r[:])
	var n atomic.Uint32
	n.Store(binary.BigEndian.Uint32(r[:]) >> 1) // room to count up before wrapping
	return &n
}()

// NewEventID returns an ID for a goal's event at t: NewID's shape, with a
// count in place of the random part, so two events of the same
// millisecond (a whole board put to rest, a rest kept and then edited)
// still sort in the order they happened.
func NewEventID(t time.Time) string {
	return fmt.Sprintf("%012x%08x", t.UnixMilli(), eventSeq.Add(1))
}

// IsNewID reports whether id has the shape NewID gives: twenty lowercase
// hex digits. Catalog IDs ("adventure", "coping") never do, which is how a
// link written before references said whose they were can still be told
// to be the runner's own.
func IsNewID(id string) bool {
	if len(id) != 20 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
