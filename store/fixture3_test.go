package store

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// The schema 3 fixture: the first file with a journal in it. Its entries
// have fixed IDs so the file reads the same each time it is made.

var fixture3Day = time.Date(2027, 6, 1, 6, 30, 0, 0, time.UTC)

const fixture3OwnValue = "01a3ffc816400000d5e6"

func fixture3Entries() []workbook.Entry {
	at := fixture3Day
	own := workbook.OwnValueRef(fixture3OwnValue)
	return []workbook.Entry{
		{ID: "01a3ffc816400000e001", Day: workbook.MakeDay(2027, 5, 30), Metres: 5000, Duration: 28*time.Minute + 30*time.Second,
			Enjoyment: 4, Before: 2, After: 4, Fit: map[workbook.Ref]workbook.Score{own: 5, workbook.Value("adventure"): 3},
			Tags: []string{"with others", "hills"}, Experiment: own, Note: "hill loop with Sam fzentry0kz",
			Created: at, Updated: at},
		{ID: "01a3ffc816400000e002", Day: workbook.MakeDay(2027, 5, 31), Metres: 10000, Duration: time.Hour,
			Enjoyment: 3, Note: "from the shell fzentry1kz", Source: workbook.Source{Kind: workbook.Logged},
			Created: at, Updated: at},
		{ID: "01a3ffc816400000e003", Day: workbook.MakeDay(2027, 5, 31), Start: time.Date(2027, 5, 31, 6, 12, 0, 0, time.UTC),
			Metres: 8123, Duration: 41*time.Minute + 7*time.Second + 500*time.Millisecond,
			Source:  workbook.Source{Kind: workbook.Imported, File: "Morning_Run.gpx", Fingerprint: "gpx:fzprint0kz"},
			Created: at, Updated: at},
		// Moved: first saved on 1 May, then corrected to 1 June.
		{ID: "01a3ffc816400000e004", Day: workbook.MakeDay(2027, 6, 1), Metres: 3000, Note: "moved fzentry3kz", Created: at, Updated: at.Add(time.Hour)},
	}
}

// TestMakeSchema3Fixture writes testdata/schema3.db through the store API:
//
//	go test ./store -run TestMakeSchema3Fixture -update
//
// Once a build moves past schema 3 the file must never be made again.
func TestMakeSchema3Fixture(t *testing.T) {
	if !*update || SchemaVersion != 3 {
		t.Skip("run with -update in a schema 3 build to rewrite testdata/schema3.db")
	}
	clock := fixture3Day
	tick := func() time.Time { clock = clock.Add(time.Minute); return clock }
	path := filepath.Join(t.TempDir(), "schema3.db")
	s, err := Open(path, WithClock(tick))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	season := startSeason(t, s, "")
	must(s.SaveValues(season.ID, []workbook.ValueChoice{
		{ID: fixture3OwnValue, Own: true, Name: "Company fzvalueky", Serve: "runs with Sam", Experiment: "the Thursday hill loop fzexpkz"},
		{ID: "adventure", Serve: "new routes", Experiment: "one new street a week"},
	}))
	must(s.SaveExperimentReview(season.ID, workbook.ExperimentReview{
		Value: workbook.OwnValueRef(fixture3OwnValue), Experiment: "the Thursday hill loop fzexpkz", Tries: 3,
		Felt: "lighter every time fzfeltkz", Decision: workbook.Keep, StillFits: workbook.FitsYes, At: fixture3Day,
	}))
	must(s.SaveJournalSettings(workbook.JournalSettings{Unit: workbook.Miles, Tags: append(workbook.DefaultTags(), "hills"), Plan: 4}))
	entries := fixture3Entries()
	moved := entries[3]
	moved.Day = workbook.MakeDay(2027, 5, 1)
	must(s.PutEntry(moved))
	for _, e := range entries[:2] {
		must(s.PutEntry(e))
	}
	if _, err := s.ImportEntries(entries[2:3]); err != nil {
		t.Fatal(err)
	}
	must(s.PutEntry(entries[3]))
	deleted := workbook.Entry{ID: "01a3ffc816400000e0ff", Day: workbook.MakeDay(2027, 5, 29), Metres: 2000,
		Source: workbook.Source{Kind: workbook.Imported, File: "Walk.fit", Fingerprint: "fit:fzdeletedkz"}}
	if _, err := s.ImportEntries([]workbook.Entry{deleted}); err != nil {
		t.Fatal(err)
	}
	must(s.DeleteEntry(deleted.ID))
	s.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "schema3.db"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSchema3Fixture opens the first file with a journal and checks every
// entry, the index, the settings and the experiment review are as they
// were written, and that a build of the same schema leaves it alone.
func TestSchema3Fixture(t *testing.T) {
	if SchemaVersion != 3 {
		t.Skip("a later schema reads this file through its migration test")
	}
	path := copyFixture(t, "schema3.db")
	before := fileHash(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	checkSchema3(t, s)
	s.Close()
	if fileHash(t, path) != before {
		t.Error("opening a schema 3 file changed it")
	}
	if entries := beside(t, filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("files beside the workbook: %v", entries)
	}
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	checkSchema3(t, ro)
}

func checkSchema3(t *testing.T, s *Store) {
	t.Helper()
	want := fixture3Entries()
	slices.Reverse(want) // newest first: 1 June, 31 May by ID backwards (e003, e002), 30 May
	got, next, err := s.JournalPage("", 10, true)
	if err != nil || next != "" {
		t.Fatalf("JournalPage = %v, next %q", err, next)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entries, newest first:\n%+v\nwant\n%+v", got, want)
	}
	for _, e := range want {
		if back, err := s.Entry(e.ID); err != nil || !reflect.DeepEqual(back, e) {
			t.Errorf("Entry(%s) = %+v, %v", e.ID, back, err)
		}
	}
	for fp, want := range map[string]bool{"gpx:fzprint0kz": true, "fit:fzdeletedkz": true, "fit:never": false} {
		if got, err := s.Imported(fp); err != nil || got != want {
			t.Errorf("Imported(%s) = %v, %v", fp, got, err)
		}
	}
	if _, err := s.Entry("01a3ffc816400000e0ff"); err == nil {
		t.Error("the deleted entry is still there")
	}
	settings, err := s.JournalSettings()
	if err != nil || settings.Unit != workbook.Miles || settings.Plan != 4 || settings.Tags[len(settings.Tags)-1] != "hills" {
		t.Errorf("settings = %+v, %v", settings, err)
	}
	season, err := s.CurrentSeason()
	if err != nil {
		t.Fatal(err)
	}
	wb, err := s.Workbook(season.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantReview := []workbook.ExperimentReview{{
		Value: workbook.OwnValueRef(fixture3OwnValue), Experiment: "the Thursday hill loop fzexpkz", Tries: 3,
		Felt: "lighter every time fzfeltkz", Decision: workbook.Keep, StillFits: workbook.FitsYes, At: fixture3Day,
	}}
	if !reflect.DeepEqual(wb.Reviews, wantReview) {
		t.Errorf("reviews = %+v", wb.Reviews)
	}
	if len(wb.Values) != 2 || wb.Values[0].Experiment != "the Thursday hill loop fzexpkz" {
		t.Errorf("values = %+v", wb.Values)
	}
}
