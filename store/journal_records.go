package store

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// The journal's records, version 1 of each kind: an entry, the journal's
// settings, and a season's experiment reviews. Like every record they are
// their own JSON shapes, mapped to and from the workbook's types by hand.

// entryRecord is one run. Scores are 1–5 and absent when not given; the
// distance is in metres and the time in seconds.
type entryRecord struct {
	ID         string        `json:"id"`
	Day        string        `json:"day"`
	Start      time.Time     `json:"start,omitzero"`
	Metres     int           `json:"metres,omitempty"`
	Seconds    float64       `json:"seconds,omitempty"`
	Enjoyment  int           `json:"enjoyment,omitempty"`
	Before     int           `json:"before,omitempty"`
	After      int           `json:"after,omitempty"`
	Fit        []fitRecord   `json:"fit,omitempty"`
	Tags       []string      `json:"tags,omitempty"`
	Experiment *refRecord    `json:"experiment,omitempty"`
	Note       string        `json:"note,omitempty"`
	Source     *sourceRecord `json:"source,omitempty"`
	Created    time.Time     `json:"created"`
	Updated    time.Time     `json:"updated"`
}

// fitRecord is how well a run fit one value.
type fitRecord struct {
	refRecord
	Score int `json:"score"`
}

type sourceRecord struct {
	Kind        string `json:"kind"`
	File        string `json:"file,omitempty"`
	Fingerprint string `json:"fingerprint,omitempty"`
}

func entryToRecord(e workbook.Entry) entryRecord {
	r := entryRecord{
		ID: e.ID, Day: e.Day.String(), Start: e.Start, Metres: e.Metres, Seconds: e.Duration.Seconds(),
		Enjoyment: int(e.Enjoyment), Before: int(e.Before), After: int(e.After),
		Tags: e.Tags, Note: e.Note, Created: e.Created, Updated: e.Updated,
	}
	for ref, s := range e.Fit {
		r.Fit = append(r.Fit, fitRecord{refRecord: refToRecord(ref), Score: int(s)})
	}
	// Map order is random; the stored bytes are not.
	slices.SortFunc(r.Fit, func(a, b fitRecord) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), boolCompare(a.Own, b.Own))
	})
	if !e.Experiment.IsZero() {
		ref := refToRecord(e.Experiment)
		r.Experiment = &ref
	}
	if e.Source != (workbook.Source{}) {
		r.Source = &sourceRecord{Kind: e.Source.Kind.String(), File: e.Source.File, Fingerprint: e.Source.Fingerprint}
	}
	return r
}

func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func (r entryRecord) entry() (workbook.Entry, error) {
	day, err := workbook.ParseDay(r.Day)
	if err != nil {
		return workbook.Entry{}, err
	}
	e := workbook.Entry{
		ID: r.ID, Day: day, Start: r.Start, Metres: r.Metres,
		// Rounded, not truncated: seconds stored as a float must come back
		// as the same duration, or a run would drift a nanosecond each time
		// it is exported and imported.
		Duration:  time.Duration(math.Round(r.Seconds * float64(time.Second))),
		Enjoyment: score(r.Enjoyment), Before: score(r.Before), After: score(r.After),
		Tags: r.Tags, Note: r.Note, Created: r.Created, Updated: r.Updated,
	}
	for _, s := range []int{r.Enjoyment, r.Before, r.After} {
		if s < 0 || s > 255 {
			return e, fmt.Errorf("a score of %d", s)
		}
	}
	if len(r.Fit) > 0 {
		e.Fit = make(map[workbook.Ref]workbook.Score, len(r.Fit))
		for _, f := range r.Fit {
			if f.Score < 0 || f.Score > 255 {
				return e, fmt.Errorf("a fit of %d", f.Score)
			}
			e.Fit[f.value()] = score(f.Score)
		}
	}
	if r.Experiment != nil {
		e.Experiment = r.Experiment.value()
	}
	if r.Source != nil {
		kind, err := workbook.ParseSourceKind(r.Source.Kind)
		if err != nil {
			return e, err
		}
		e.Source = workbook.Source{Kind: kind, File: r.Source.File, Fingerprint: r.Source.Fingerprint}
	}
	return e, nil
}

func score(n int) workbook.Score { return workbook.Score(n) }

// journalSettingsRecord is the runner's unit, kinds of run and weekly plan.
type journalSettingsRecord struct {
	Unit string   `json:"unit"`
	Tags []string `json:"tags"`
	Plan int      `json:"plan"`
}

func journalSettingsToRecord(s workbook.JournalSettings) journalSettingsRecord {
	tags := s.Tags
	if tags == nil {
		tags = []string{}
	}
	return journalSettingsRecord{Unit: s.Unit.String(), Tags: tags, Plan: s.Plan}
}

func (r journalSettingsRecord) settings() (workbook.JournalSettings, error) {
	unit, err := workbook.ParseUnit(r.Unit)
	if err != nil {
		return workbook.JournalSettings{}, err
	}
	return workbook.JournalSettings{Unit: unit, Tags: r.Tags, Plan: r.Plan}, nil
}

// reviewRecord is one look back at a value's experiment.
type reviewRecord struct {
	Value      refRecord `json:"value"`
	Experiment string    `json:"experiment,omitempty"`
	Tries      int       `json:"tries"`
	Felt       string    `json:"felt,omitempty"`
	Decision   string    `json:"decision,omitempty"`
	StillFits  string    `json:"still_fits,omitempty"`
	At         time.Time `json:"at"`
}

func reviewsToRecord(rs []workbook.ExperimentReview) []reviewRecord {
	out := make([]reviewRecord, 0, len(rs))
	for _, r := range rs {
		out = append(out, reviewRecord{
			Value: refToRecord(r.Value), Experiment: r.Experiment, Tries: r.Tries, Felt: r.Felt,
			Decision: r.Decision.String(), StillFits: r.StillFits.String(), At: r.At,
		})
	}
	return out
}

func reviewsFromRecord(rs []reviewRecord) ([]workbook.ExperimentReview, error) {
	var out []workbook.ExperimentReview
	for _, r := range rs {
		d, err := workbook.ParseDecision(r.Decision)
		if err != nil {
			return nil, err
		}
		f, err := workbook.ParseStillFits(r.StillFits)
		if err != nil {
			return nil, err
		}
		out = append(out, workbook.ExperimentReview{
			Value: r.Value.value(), Experiment: r.Experiment, Tries: r.Tries, Felt: r.Felt,
			Decision: d, StillFits: f, At: r.At,
		})
	}
	return out, nil
}
