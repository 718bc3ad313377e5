package store

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"
)

// Season is one planning cycle: a full pass through the exercise.
type Season struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Started time.Time `json:"started"`
	// Reason is why the runner came back for this season, in their words or
	// one of the catalog's reasons. Empty for a first season.
	Reason string `json:"reason,omitempty"`
}

// Place is where the runner was, so the next session resumes exactly there.
type Place struct {
	// Screen names a screen of the workbook, such as "reflect" or "goals".
	Screen string `json:"screen"`
	// Question is the index of the reflection question, when on "reflect".
	Question int       `json:"question"`
	Updated  time.Time `json:"updated"`
}

// Answer is the runner's answer to one reflection question.
type Answer struct {
	Question string    `json:"question"`
	Text     string    `json:"text"`
	Updated  time.Time `json:"updated"`
}

// Goal is one goal on the board.
type Goal struct {
	ID   string `json:"id"`
	Tier string `json:"tier"`
	Text string `json:"text"`
	// Feel is "doable" or "scary" (a little scary), or empty if not marked yet.
	Feel string `json:"feel,omitempty"`
	// Themes and Values link the goal to what is behind it: theme IDs (or
	// own-theme IDs) and value IDs.
	Themes []string `json:"themes,omitempty"`
	Values []string `json:"values,omitempty"`
	// Parent is the ID of the bigger goal this one is a step toward.
	Parent string `json:"parent,omitempty"`
	// Status is "draft", "resting", "committed", "achieved" or "let-go".
	Status string `json:"status,omitempty"`
	// Said holds the runner's own answers to the checks the words cannot
	// show, keyed by criterion ("attainable", "tier-rule", ...).
	Said map[string]bool `json:"said,omitempty"`
	// Purpose holds the runner's answers to the purpose check, keyed by item.
	Purpose map[string]bool `json:"purpose,omitempty"`
	// Idea is the catalog idea the goal started from, if any.
	Idea    string    `json:"idea,omitempty"`
	Order   int       `json:"order"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// ThemeMark is the runner's decision on one motivation theme.
type ThemeMark struct {
	// Theme is a catalog theme ID or an OwnTheme ID.
	Theme string `json:"theme"`
	// Polarity is "+" (drawn to it) or "-" (would rather not).
	Polarity string `json:"polarity"`
	// Status is "confirmed" or "dismissed".
	Status string `json:"status"`
}

// OwnTheme is a theme the runner named themselves.
type OwnTheme struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Polarity string `json:"polarity"`
}

// ThemeBoard is everything the runner decided about themes in a season.
type ThemeBoard struct {
	Marks []ThemeMark `json:"marks,omitempty"`
	Own   []OwnTheme  `json:"own,omitempty"`
	// Top is the theme (catalog or own ID) that matters most.
	Top string `json:"top,omitempty"`
	// Notes is free writing about the themes the runner sees.
	Notes string `json:"notes,omitempty"`
	// Motivation is the one motivation that matters most, in the runner's
	// own words.
	Motivation string    `json:"motivation,omitempty"`
	Updated    time.Time `json:"updated"`
}

// ValueChoice is one core value the runner picked, with how running could
// serve it and a small experiment to test that.
type ValueChoice struct {
	// ID is a catalog value ID, or an own-value ID made with NewID.
	ID string `json:"id"`
	// Name is set for the runner's own values; catalog values take theirs
	// from the catalog.
	Name       string `json:"name,omitempty"`
	Serve      string `json:"serve,omitempty"`
	Experiment string `json:"experiment,omitempty"`
}

// Workbook is one season with everything written in it.
type Workbook struct {
	Season  Season
	Place   Place
	Answers map[string]Answer
	Goals   []Goal // by Order, then ID
	Themes  ThemeBoard
	Values  []ValueChoice
	// LastActive is the newest Updated time of anything in the season, or
	// the zero time if nothing was ever written.
	LastActive time.Time
}

// NewID returns an ID that sorts by t and is unique in practice: the time in
// milliseconds as hex, then 32 random bits.
func NewID(t time.Time) string {
	var r [4]byte
	_, _ = rand.Read(r[:]) // crypto/rand.Read never fails on supported platforms
	return fmt.Sprintf("%012x%s", t.UnixMilli(), hex.EncodeToString(r[:]))
}
