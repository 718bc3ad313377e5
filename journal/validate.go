package journal

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cairn-run/cairn/workbook"
)

// Limits of one entry. They are far beyond any run; past them the runner
// has mistyped, and is told so rather than having the value trimmed.
const (
	// MaxMetres is the longest single run an entry holds: 1,000 km.
	MaxMetres = 1_000_000
	// MaxDuration is the longest: ten days.
	MaxDuration = 10 * 24 * time.Hour
	// FastestPerKm is a pace no runner has run over any distance an entry
	// would hold (the world's fastest 1,500 m is about 2:17 a km).
	FastestPerKm = 2 * time.Minute
	// MaxNoteBytes is the most a note holds, as much as an answer does.
	MaxNoteBytes = 64 << 10
	// MaxTagRunes is the longest name of a kind of run.
	MaxTagRunes = 40
	// EarliestYear is the earliest year an entry may be dated.
	EarliestYear = 1900
)

// Problem is one thing wrong with an entry: the field it is in and a calm
// sentence saying what to do. It is an error.
type Problem struct {
	// Field names the field: "date", "distance", "time", "enjoyment",
	// "before", "after", "fit", "tags", "note".
	Field string
	Text  string
}

func (p *Problem) Error() string { return p.Text }

// Check lists everything wrong with e, in the order the fields are asked
// for, for a runner whose today is today. Nothing is ever clamped into
// range: an impossible value is the runner's to correct.
func Check(e workbook.Entry, today workbook.Day, unit workbook.Unit) []*Problem {
	var out []*Problem
	add := func(field, format string, args ...any) {
		out = append(out, &Problem{Field: field, Text: fmt.Sprintf(format, args...)})
	}
	if y, _, _ := e.Day.Date(); y < EarliestYear {
		add("date", "%s is before %d; check the year.", LongDate(e.Day), EarliestYear)
	}
	if e.Day > today {
		add("date", "%s is still to come; log a run once it is run.", LongDate(e.Day))
	}
	switch {
	case e.Metres < 0:
		add("distance", "A distance cannot be below zero.")
	case e.Metres > MaxMetres:
		add("distance", "%s is more than one run; check the distance.", FormatDistance(e.Metres, unit))
	}
	switch {
	case e.Duration < 0:
		add("time", "A time cannot be below zero.")
	case e.Duration > MaxDuration:
		add("time", "%s is more than one run; check the time.", FormatDuration(e.Duration))
	case e.Metres > 0 && e.Duration > 0 && e.Metres <= MaxMetres:
		perKm := time.Duration(float64(e.Duration) * 1000 / float64(e.Metres))
		if perKm < FastestPerKm {
			pace, _ := FormatPace(e.Duration, e.Metres, unit)
			add("time", "%s in %s would be %s, faster than anyone has run; check the time or the distance.",
				FormatDistance(e.Metres, unit), FormatDuration(e.Duration), pace)
		}
	}
	score := func(field, name string, s workbook.Score) {
		if !s.Valid() {
			add(field, "%s goes from 1 to 5, not %d.", name, s)
		}
	}
	score("enjoyment", "Enjoyment", e.Enjoyment)
	score("before", "How you felt before", e.Before)
	score("after", "How you felt after", e.After)
	for ref, s := range e.Fit {
		if ref.IsZero() || !ref.IsValue() {
			add("fit", "A run fits values; this one names something else.")
		} else if !s.Valid() {
			add("fit", "How well a run fits a value goes from 1 to 5, not %d.", s)
		}
	}
	for _, t := range e.Tags {
		switch {
		case workbook.Tag(t) == "":
			add("tags", "A kind of run needs a name.")
		case utf8.RuneCountInString(t) > MaxTagRunes:
			add("tags", "A kind of run is a word or two, up to %d characters.", MaxTagRunes)
		}
	}
	if !e.Experiment.IsZero() && !e.Experiment.IsValue() {
		add("experiment", "An experiment belongs to a value.")
	}
	if len(e.Note) > MaxNoteBytes {
		add("note", "A note holds up to %d KB.", MaxNoteBytes>>10)
	}
	return out
}

// Validate returns the first problem with e, or nil.
func Validate(e workbook.Entry, today workbook.Day, unit workbook.Unit) error {
	if p := Check(e, today, unit); len(p) > 0 {
		return p[0]
	}
	return nil
}

// Blank reports whether an entry form holds nothing worth keeping: no
// distance, time, score, fit, kind of run, experiment or note. The date
// alone, which the form fills in, is not an entry.
func Blank(e workbook.Entry) bool {
	return e.Metres == 0 && e.Duration == 0 && !e.Felt() && len(e.Tags) == 0 && e.Experiment.IsZero() &&
		strings.TrimSpace(e.Note) == ""
}

// LongDate writes a day as a runner reads it: "Monday 30 November 2026".
func LongDate(d workbook.Day) string { return d.Time().Format("Monday 2 January 2006") }

// ShortDate writes a day briefly: "Mon 30 Nov".
func ShortDate(d workbook.Day) string { return d.Time().Format("Mon 2 Jan") }

// Describe says a run in a few words, the way the journal lists it:
// "5 km in 28:30 (5:42 /km) · enjoyment 4 · felt 2 → 4". An imported run
// not yet written about says it is waiting for how it felt.
func Describe(e workbook.Entry, unit workbook.Unit) string {
	var parts []string
	switch {
	case e.Metres > 0 && e.Duration > 0:
		pace, _ := FormatPace(e.Duration, e.Metres, unit)
		parts = append(parts, fmt.Sprintf("%s in %s (%s)", FormatDistance(e.Metres, unit), FormatDuration(e.Duration), pace))
	case e.Metres > 0:
		parts = append(parts, FormatDistance(e.Metres, unit))
	case e.Duration > 0:
		parts = append(parts, FormatDuration(e.Duration))
	}
	if e.Enjoyment.Given() {
		parts = append(parts, fmt.Sprintf("enjoyment %d", e.Enjoyment))
	}
	switch {
	case e.Before.Given() && e.After.Given():
		parts = append(parts, fmt.Sprintf("felt %d → %d", e.Before, e.After))
	case e.Before.Given():
		parts = append(parts, fmt.Sprintf("felt %d before", e.Before))
	case e.After.Given():
		parts = append(parts, fmt.Sprintf("felt %d after", e.After))
	}
	if !e.Felt() && e.Source.Kind == workbook.Imported {
		parts = append(parts, "waiting for how it felt")
	}
	if len(parts) == 0 {
		return "a run"
	}
	return strings.Join(parts, " · ")
}
