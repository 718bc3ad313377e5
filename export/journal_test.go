package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

func journalEntries() []workbook.Entry {
	start := time.Date(2026, 11, 30, 6, 12, 3, 0, time.FixedZone("CET", 3600))
	return []workbook.Entry{
		{ID: "e1", Day: workbook.MakeDay(2026, 11, 30), Start: start, Metres: 5012, Duration: 28*time.Minute + 30*time.Second,
			Enjoyment: 4, Before: 2, After: 4, Tags: []string{"with others"}, Experiment: workbook.Value("belonging"),
			Fit:  map[workbook.Ref]workbook.Score{workbook.Value("calm"): 3, workbook.Value("belonging"): 5},
			Note: "hill loop <with> \"Sam\" & co", Source: workbook.Source{Kind: workbook.Imported, File: "a.fit", Fingerprint: "start:x"},
			Created: at, Updated: at},
		{ID: "e2", Day: workbook.MakeDay(2026, 12, 1), Note: "second\nline", Source: workbook.Source{Kind: workbook.Logged}, Created: at, Updated: at},
	}
}

func each(entries []workbook.Entry) Entries {
	return func(yield func(workbook.Entry) bool) error {
		for _, e := range entries {
			if !yield(e) {
				return nil
			}
		}
		return nil
	}
}

func TestJournalIsStreamedIntoTheDocument(t *testing.T) {
	doc := Build([]workbook.Snapshot{{Season: workbook.Season{ID: "s1", Name: "Season", Started: at},
		Reviews: []workbook.ExperimentReview{{Value: workbook.Value("calm"), Experiment: "no watch", Tries: 3, Decision: workbook.Keep, StillFits: workbook.FitsYes, At: at}},
	}}, at)
	settings := workbook.JournalSettings{Unit: workbook.Miles, Tags: []string{"solo", "with others"}, Plan: 3}
	var b bytes.Buffer
	if err := WriteJSONWithJournal(&b, doc, Names{}, settings, each(journalEntries())); err != nil {
		t.Fatal(err)
	}
	var back Document
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if back.Journal == nil || back.Journal.Unit != "mi" || back.Journal.Plan != 3 || !reflect.DeepEqual(back.Journal.Tags, settings.Tags) {
		t.Fatalf("journal = %+v", back.Journal)
	}
	start := time.Date(2026, 11, 30, 5, 12, 3, 0, time.UTC)
	want := []Entry{
		{ID: "e1", Date: "2026-11-30", Start: &start, Metres: 5012, Seconds: 1710, Enjoyment: 4, Before: 2, After: 4,
			Fit: []Fit{{"belonging", 5, "Belonging"}, {"calm", 3, "Calm"}}, Tags: []string{"with others"}, Experiment: "belonging", ExperimentName: "Belonging",
			Note: "hill loop <with> \"Sam\" & co", Source: "import", File: "a.fit", Fingerprint: "start:x", Created: at, Updated: at},
		{ID: "e2", Date: "2026-12-01", Note: "second\nline", Source: "log", Created: at, Updated: at},
	}
	if !reflect.DeepEqual(back.Journal.Entries, want) {
		t.Errorf("entries:\n%+v\nwant\n%+v", back.Journal.Entries, want)
	}
	if got := back.Seasons[0].Experiments; len(got) != 1 || got[0].Value != "calm" || got[0].Decision != "keep" || got[0].StillFits != "yes" {
		t.Errorf("experiments = %+v", got)
	}
	if strings.Contains(b.String(), `\u003c`) {
		t.Error("the note's < was escaped for HTML")
	}
	if !bytes.HasSuffix(b.Bytes(), []byte("]}\n}\n")) {
		t.Errorf("document ends %q", b.String()[b.Len()-20:])
	}
}

func TestAnEmptyJournalIsAnEmptyList(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSONWithJournal(&b, Build(nil, at), Names{}, workbook.JournalSettings{}, each(nil)); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Journal struct {
			Entries []any    `json:"entries"`
			Tags    []string `json:"tags"`
		} `json:"journal"`
	}
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Journal.Entries == nil || back.Journal.Tags == nil {
		t.Errorf("an empty journal is written as null lists:\n%s", b.String())
	}
}

func TestAFailedReadStopsTheExport(t *testing.T) {
	broken := func(yield func(workbook.Entry) bool) error {
		yield(journalEntries()[0])
		return errors.New("damaged record")
	}
	var b bytes.Buffer
	if err := WriteJSONWithJournal(&b, Build(nil, at), Names{}, workbook.JournalSettings{}, broken); err == nil {
		t.Error("an export with a damaged entry succeeded")
	}
}
