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

// A document streamed a season at a time is the very document built
// whole: the same bytes, with and without seasons and runs.
func TestStreamedSeasonsAreTheDocumentBuiltWhole(t *testing.T) {
	seasons := []workbook.Snapshot{printSeason(), printSeason()}
	seasons[1].Season.ID, seasons[1].Season.Name = "s2", "Spring <second> & after"
	settings := workbook.JournalSettings{Unit: workbook.Miles, Tags: []string{"solo"}, Plan: 3}
	for _, tc := range []struct {
		name    string
		seasons []workbook.Snapshot
		entries []workbook.Entry
	}{
		{"empty", nil, nil},
		{"seasons", seasons, nil},
		{"runs", nil, journalEntries()},
		{"both", seasons, journalEntries()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			names := NamesOf(tc.seasons)
			doc := BuildNamed(tc.seasons, names, at)
			doc.Current = "s2"
			var whole, streamed bytes.Buffer
			if err := WriteJSONWithJournal(&whole, doc, names, settings, each(tc.entries)); err != nil {
				t.Fatal(err)
			}
			yielded := 0
			snaps := func(yield func(workbook.Snapshot) bool) error {
				for _, s := range tc.seasons {
					yielded++
					if !yield(s) {
						break
					}
				}
				return nil
			}
			head := Document{Format: Format, Version: Version, Exported: at, Current: "s2"}
			if err := WriteJSONStream(&streamed, head, snaps, names, settings, each(tc.entries)); err != nil {
				t.Fatal(err)
			}
			if yielded != len(tc.seasons) {
				t.Errorf("%d seasons yielded, want %d", yielded, len(tc.seasons))
			}
			if whole.String() != streamed.String() {
				t.Errorf("streamed:\n%s\nwhole:\n%s", streamed.String(), whole.String())
			}
			// Up to the journal, the bytes json.MarshalIndent writes for
			// the document whole.
			ref, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			ref = bytes.TrimSuffix(ref, []byte("\n}"))
			if !bytes.HasPrefix(streamed.Bytes(), append(ref, []byte(",\n  \"journal\"")...)) {
				t.Errorf("streamed:\n%s\nthe document marshalled whole:\n%s", streamed.String(), ref)
			}
			if !json.Valid(streamed.Bytes()) {
				t.Errorf("not JSON:\n%s", streamed.String())
			}
		})
	}
}

func TestAStreamedSeasonThatFailsToReadFailsTheExport(t *testing.T) {
	broken := func(yield func(workbook.Snapshot) bool) error {
		yield(printSeason())
		return errors.New("damaged")
	}
	var b bytes.Buffer
	if err := WriteJSONStream(&b, Document{Format: Format, Version: Version}, broken, NewNames(), workbook.JournalSettings{}, each(nil)); err == nil {
		t.Error("a season that could not be read made a document")
	}
}
