package workbook

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// The after-run journal (seed 003): a few lines after every run, how much
// it was enjoyed, how well it fit what matters, how the runner felt before
// and after, beside the miles and minutes.

// Score is a rating from 1 to 5: how much a run was enjoyed, how the runner
// felt, how well a run fit a value. The zero Score means not given.
type Score uint8

// The bounds of a Score that was given.
const (
	MinScore Score = 1
	MaxScore Score = 5
)

// Given reports whether the runner gave this score.
func (s Score) Given() bool { return s != 0 }

// Valid reports whether s is not given or between MinScore and MaxScore.
func (s Score) Valid() bool { return s <= MaxScore }

// Entry is one run in the journal. Everything but the day is optional: an
// imported run waits for its feelings, a quick entry may be only a score.
type Entry struct {
	// ID is stable for the life of the entry (NewID of when it was made);
	// it never changes when the day is corrected.
	ID  string
	Day Day
	// Start is when the run began, when a watch said so; zero otherwise.
	Start time.Time
	// Metres is the distance, stored in metres whatever unit the runner
	// reads; 0 when not given.
	Metres int
	// Duration is the time running; 0 when not given.
	Duration time.Duration
	// Enjoyment is how much the run was enjoyed.
	Enjoyment Score
	// Before and After are how the runner felt before and after the run.
	Before, After Score
	// Fit is how well the run fit each of the runner's values.
	Fit map[Ref]Score
	// Tags are the kinds of run: solo, with others, long, ... (see Tag).
	Tags []string
	// Experiment is the value whose experiment the run tried; the zero Ref
	// when none.
	Experiment Ref
	Note       string
	Source     Source
	Created    time.Time
	Updated    time.Time
}

// Lift is how much better the runner felt after the run than before:
// After − Before, from −4 to 4. ok is false unless both were given.
func (e Entry) Lift() (lift int, ok bool) {
	if !e.Before.Given() || !e.After.Given() {
		return 0, false
	}
	return int(e.After) - int(e.Before), true
}

// HasTag reports whether the entry is of the kind tag, however either was
// typed.
func (e Entry) HasTag(tag string) bool {
	tag = Tag(tag)
	return slices.ContainsFunc(e.Tags, func(t string) bool { return Tag(t) == tag })
}

// Felt reports whether the runner has said anything about how the run
// went: a score, a value's fit, a note. An imported run has not, yet.
func (e Entry) Felt() bool {
	return e.Enjoyment.Given() || e.Before.Given() || e.After.Given() || len(e.Fit) > 0 ||
		strings.TrimSpace(e.Note) != ""
}

// Clone returns a copy that shares nothing with e.
func (e Entry) Clone() Entry {
	e.Fit = maps.Clone(e.Fit)
	e.Tags = slices.Clone(e.Tags)
	return e
}

// SourceKind says how an entry came into the journal.
type SourceKind uint8

// The ways in. The zero SourceKind is an entry typed in the workbook.
const (
	Typed    SourceKind = iota // the entry form in the workbook
	Logged                     // cairn log, from the shell
	Imported                   // cairn import-runs, from a watch's file
)

var sourceNames = [...]string{"typed", "log", "import"}

// String returns the stored name: "typed", "log" or "import".
func (k SourceKind) String() string {
	if int(k) < len(sourceNames) {
		return sourceNames[k]
	}
	return "unknown"
}

// ParseSourceKind reads a stored name; "" is Typed.
func ParseSourceKind(s string) (SourceKind, error) {
	if s == "" {
		return Typed, nil
	}
	for i, n := range sourceNames {
		if n == s {
			return SourceKind(i), nil
		}
	}
	return Typed, fmt.Errorf("entry source %q is not one cairn knows", s)
}

// Source is where an entry came from. An imported entry names its file
// and carries a fingerprint of the activity, so importing the same run
// again (the same file, or another export of it) adds nothing.
type Source struct {
	Kind        SourceKind
	File        string
	Fingerprint string
}

// Tag normalises a kind of run as the runner typed it: lower case, single
// spaces, no space at either end. "With  Others" and "with others" are one
// kind.
func Tag(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// DefaultTags are the kinds of run every journal starts with. The runner
// adds their own.
func DefaultTags() []string {
	return []string{"solo", "with others", "new route", "race", "easy", "long", "workout"}
}

// Unit is the unit a runner reads distances in. Distances are stored in
// metres whatever it is.
type Unit uint8

// The units. The zero Unit is kilometres.
const (
	Kilometres Unit = iota
	Miles
)

// MetresPerMile is one statute mile.
const MetresPerMile = 1609.344

// String returns the short name: "km" or "mi".
func (u Unit) String() string {
	if u == Miles {
		return "mi"
	}
	return "km"
}

// Metres returns how many metres one of the unit is.
func (u Unit) Metres() float64 {
	if u == Miles {
		return MetresPerMile
	}
	return 1000
}

// ParseUnit reads "km", "mi" and their longer names.
func ParseUnit(s string) (Unit, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "km", "k", "kms", "kilometre", "kilometres", "kilometer", "kilometers":
		return Kilometres, nil
	case "mi", "mile", "miles":
		return Miles, nil
	}
	return Kilometres, fmt.Errorf("unit %q is neither km nor mi", s)
}

// JournalSettings are the runner's choices for the journal: the unit they
// read distances in, the kinds of run they tag runs with, and their own
// plan for a week, which is what a week is counted against.
type JournalSettings struct {
	Unit Unit
	// Tags are the kinds of run offered when logging, in the runner's
	// order: the defaults and the runner's own.
	Tags []string
	// Plan is how many runs a week the runner means to run; 0 when they
	// have not said.
	Plan int
}

// DefaultJournalSettings are the settings of a journal nobody has set up:
// no weekly plan, for a week is never counted against a plan the runner
// did not make.
func DefaultJournalSettings() JournalSettings {
	return JournalSettings{Unit: Kilometres, Tags: DefaultTags()}
}

// AddTags returns the settings with any of tags not yet known added at the
// end, normalised, and the tags that were new.
func (s JournalSettings) AddTags(tags ...string) (JournalSettings, []string) {
	var added []string
	out := slices.Clone(s.Tags)
	for _, t := range tags {
		t = Tag(t)
		if t != "" && !slices.Contains(out, t) {
			out = append(out, t)
			added = append(added, t)
		}
	}
	s.Tags = out
	return s, added
}

// Decision is what the runner decides about a value's experiment after
// trying it on a few runs.
type Decision uint8

// The decisions. The zero Decision means not decided yet.
const (
	NotDecided Decision = iota
	Keep
	Change
	Drop
)

var decisionNames = [...]string{"", "keep", "change", "drop"}

// String returns the stored name: "keep", "change", "drop" or "".
func (d Decision) String() string {
	if int(d) < len(decisionNames) {
		return decisionNames[d]
	}
	return ""
}

// ParseDecision reads a stored name; "" is NotDecided.
func ParseDecision(s string) (Decision, error) {
	for i, n := range decisionNames {
		if n == s {
			return Decision(i), nil
		}
	}
	return NotDecided, fmt.Errorf("decision %q is not one cairn knows", s)
}

// StillFits is the runner's answer to "does this value still fit?". Values
// evolve (seed 003): one that running does not serve may be worth another
// look.
type StillFits uint8

// The answers. The zero StillFits means not answered.
const (
	FitUnanswered StillFits = iota
	FitsYes
	FitsUnsure
	FitsNo
)

var stillFitsNames = [...]string{"", "yes", "unsure", "no"}

// String returns the stored name: "yes", "unsure", "no" or "".
func (f StillFits) String() string {
	if int(f) < len(stillFitsNames) {
		return stillFitsNames[f]
	}
	return ""
}

// ParseStillFits reads a stored name; "" is FitUnanswered.
func ParseStillFits(s string) (StillFits, error) {
	for i, n := range stillFitsNames {
		if n == s {
			return StillFits(i), nil
		}
	}
	return FitUnanswered, fmt.Errorf("answer %q is not one cairn knows", s)
}

// ExperimentReview is the runner's look back at a value's experiment after
// trying it on a few runs: how it felt, whether to keep, change or drop it,
// and whether the value still fits.
type ExperimentReview struct {
	Value Ref
	// Experiment is the experiment as it was worded when reviewed.
	Experiment string
	// Tries is how many runs had tried it when it was reviewed.
	Tries     int
	Felt      string
	Decision  Decision
	StillFits StillFits
	At        time.Time
}
