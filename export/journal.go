package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// The journal in the export: an optional "journal" object after the
// seasons, added within version 1 (docs/export.md). Its entries are
// written one at a time as the store reads them, so an export of a long
// journal never holds it all in memory.

// Journal is the after-run journal: the runner's settings and every entry,
// oldest first.
type Journal struct {
	Unit    string   `json:"unit"`
	Tags    []string `json:"tags"`
	Plan    int      `json:"plan"`
	Entries []Entry  `json:"entries"`
}

// Entry is one run in the journal.
type Entry struct {
	ID         string     `json:"id"`
	Date       string     `json:"date"`
	Start      *time.Time `json:"start,omitempty"`
	Metres     int        `json:"metres,omitempty"`
	Seconds    float64    `json:"seconds,omitempty"`
	Enjoyment  int        `json:"enjoyment,omitempty"`
	Before     int        `json:"before,omitempty"`
	After      int        `json:"after,omitempty"`
	Fit        []Fit      `json:"fit,omitempty"`
	Tags       []string   `json:"tags,omitempty"`
	Experiment string     `json:"experiment,omitempty"`
	// ExperimentName names the value whose experiment the run tried
	// (added within version 1).
	ExperimentName string    `json:"experiment_name,omitempty"`
	Note           string    `json:"note,omitempty"`
	Source         string    `json:"source"`
	File           string    `json:"file,omitempty"`
	Fingerprint    string    `json:"fingerprint,omitempty"`
	Created        time.Time `json:"created"`
	Updated        time.Time `json:"updated"`
}

// Fit is how well a run fit one of the runner's values, 1 to 5.
type Fit struct {
	Value string `json:"value"`
	Score int    `json:"score"`
	// Name is the value's name (added within version 1).
	Name string `json:"name,omitempty"`
}

// Experiment is one look back at a value's experiment.
type Experiment struct {
	Value string `json:"value"`
	// Name is the value's name (added within version 1).
	Name       string    `json:"name,omitempty"`
	Experiment string    `json:"experiment,omitempty"`
	Tries      int       `json:"tries"`
	Felt       string    `json:"felt,omitempty"`
	Decision   string    `json:"decision,omitempty"`
	StillFits  string    `json:"still_fits,omitempty"`
	At         time.Time `json:"at"`
}

// EntryOf maps a journal entry to the document's shape, naming its
// values with names.
func EntryOf(e workbook.Entry, names Names) Entry {
	out := Entry{
		ID: e.ID, Date: e.Day.String(), Metres: e.Metres, Seconds: e.Duration.Seconds(),
		Enjoyment: int(e.Enjoyment), Before: int(e.Before), After: int(e.After),
		Tags: e.Tags, Experiment: e.Experiment.ID, Note: e.Note,
		Source: e.Source.Kind.String(), File: e.Source.File, Fingerprint: e.Source.Fingerprint,
		Created: e.Created, Updated: e.Updated,
	}
	if !e.Start.IsZero() {
		start := e.Start.UTC()
		out.Start = &start
	}
	if !e.Experiment.IsZero() {
		out.ExperimentName = names.Of(e.Experiment)
	}
	for ref, s := range e.Fit {
		out.Fit = append(out.Fit, Fit{Value: ref.ID, Score: int(s), Name: names.Of(ref)})
	}
	sortFit(out.Fit)
	return out
}

func sortFit(fs []Fit) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].Value < fs[j-1].Value; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

func experiments(rs []workbook.ExperimentReview, names Names) []Experiment {
	var out []Experiment
	for _, r := range rs {
		out = append(out, Experiment{
			Value: r.Value.ID, Name: names.Of(r.Value), Experiment: r.Experiment, Tries: r.Tries, Felt: r.Felt,
			Decision: r.Decision.String(), StillFits: r.StillFits.String(), At: r.At,
		})
	}
	return out
}

// Entries yields journal entries one at a time, oldest first, stopping
// when yield returns false; the store's JournalScan has this shape.
type Entries func(yield func(workbook.Entry) bool) error

// WriteJSONWithJournal writes doc as WriteJSON does, with the journal
// after the seasons: the runner's settings, then each entry as entries
// yields it, written and forgotten one at a time.
func WriteJSONWithJournal(w io.Writer, doc Document, names Names, settings workbook.JournalSettings, entries Entries) error {
	seasons := func(yield func(Season) bool) error {
		for _, s := range doc.Seasons {
			if !yield(s) {
				break
			}
		}
		return nil
	}
	return writeStream(w, doc, seasons, names, settings, entries)
}

// Snapshots yields seasons' workbooks one at a time, oldest first,
// stopping when yield returns false.
type Snapshots func(yield func(workbook.Snapshot) bool) error

// WriteJSONStream writes the document WriteJSONWithJournal writes, made
// as it goes: head's fields, each season as seasons yields it, then the
// journal as entries yields it. Only one season and one entry are held
// at a time, so the memory an export takes does not grow with the
// workbook. head's Seasons and Journal are ignored.
func WriteJSONStream(w io.Writer, head Document, seasons Snapshots, names Names, settings workbook.JournalSettings, entries Entries) error {
	each := func(yield func(Season) bool) error {
		return seasons(func(wb workbook.Snapshot) bool { return yield(season(wb, names)) })
	}
	return writeStream(w, head, each, names, settings, entries)
}

// writeStream writes a document whose seasons and entries come one at a
// time, byte for byte as json.MarshalIndent would write it whole (with
// its entries one to a line).
func writeStream(w io.Writer, doc Document, seasons func(yield func(Season) bool) error, names Names, settings workbook.JournalSettings, entries Entries) error {
	doc.Seasons, doc.Journal = []Season{}, nil // written below, one by one
	head, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	head, ok := bytes.CutSuffix(head, []byte("[]\n}"))
	if !ok {
		return fmt.Errorf("the export's head does not end with its seasons: %q", head[max(len(head)-40, 0):])
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head)
	bw.WriteByte('[')
	n := 0
	var werr error
	err = seasons(func(s Season) bool {
		var b []byte
		if b, werr = json.MarshalIndent(s, "    ", "  "); werr != nil {
			return false
		}
		if n > 0 {
			bw.WriteByte(',')
		}
		n++
		bw.WriteString("\n    ")
		_, werr = bw.Write(b)
		return werr == nil
	})
	if err == nil {
		err = werr
	}
	if err != nil {
		return err
	}
	if n > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteByte(']')
	tags := settings.Tags
	if tags == nil {
		tags = []string{}
	}
	meta, err := json.Marshal(struct {
		Unit string   `json:"unit"`
		Tags []string `json:"tags"`
		Plan int      `json:"plan"`
	}{settings.Unit.String(), tags, settings.Plan})
	if err != nil {
		return err
	}
	// The settings' fields, then the entries, inside one "journal" object.
	fmt.Fprintf(bw, ",\n  \"journal\": %s, \"entries\": [", bytes.TrimSuffix(meta, []byte("}")))
	// Each entry is encoded into one reused buffer, one entry to a line
	// (indenting every field of tens of thousands of entries doubled the
	// time an export takes), and written without the new line Encode ends
	// it with.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	n = 0
	err = entries(func(e workbook.Entry) bool {
		buf.Reset()
		if werr = enc.Encode(EntryOf(e, names)); werr != nil {
			return false
		}
		if n > 0 {
			bw.WriteByte(',')
		}
		n++
		bw.WriteString("\n    ")
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return true
	})
	if err == nil {
		err = werr
	}
	if err != nil {
		return err
	}
	if n > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]}\n}\n")
	return bw.Flush()
}
