package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

var journalDay = time.Date(2026, 12, 2, 19, 0, 0, 0, time.UTC)

// run makes an entry on day d of December 2026 with a fixed ID, n telling
// entries on the same day apart.
func run(d, n int) workbook.Entry {
	at := journalDay.Add(time.Duration(d*24+n) * time.Hour)
	return workbook.Entry{
		ID: fmt.Sprintf("%012x%08x", at.UnixMilli(), n), Day: workbook.MakeDay(2026, time.December, d),
		Metres: 5000 + d, Duration: 28 * time.Minute, Enjoyment: 4, Before: 2, After: 4,
		Tags: []string{"easy"}, Note: fmt.Sprintf("run %d/%d", d, n), Created: at, Updated: at,
	}
}

func ids(entries []workbook.Entry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Note)
	}
	return out
}

func TestEntryRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	e := run(1, 0)
	e.Fit = map[workbook.Ref]workbook.Score{workbook.Value("calm"): 5, workbook.OwnValueRef("01a3ffc816400000c3d4"): 2}
	e.Experiment = workbook.OwnValueRef("01a3ffc816400000c3d4")
	e.Start = time.Date(2026, 12, 1, 6, 15, 0, 0, time.UTC)
	e.Duration = 28*time.Minute + 30*time.Second + 250*time.Millisecond
	e.Source = workbook.Source{Kind: workbook.Logged}
	if err := s.PutEntry(e); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entry(e.ID)
	if err != nil || !reflect.DeepEqual(got, e) {
		t.Errorf("Entry = %+v, %v\nwant %+v", got, err, e)
	}
	if _, err := s.Entry("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Entry(nope) = %v, want ErrNotFound", err)
	}
	if err := s.PutEntry(workbook.Entry{Day: e.Day}); err == nil {
		t.Error("an entry without an ID was kept")
	}
}

// TestMovingAnEntryLeavesNothingBehind corrects an entry's day: it is
// found at its new day, once, by the same ID.
func TestMovingAnEntryLeavesNothingBehind(t *testing.T) {
	s, _ := openTemp(t)
	e := run(5, 0)
	if err := s.PutEntry(e); err != nil {
		t.Fatal(err)
	}
	e.Day = workbook.MakeDay(2026, time.November, 20)
	e.Note = "moved"
	if err := s.PutEntry(e); err != nil {
		t.Fatal(err)
	}
	all, _, err := s.JournalPage("", 10, true)
	if err != nil || len(all) != 1 || all[0].Note != "moved" || all[0].Day != e.Day {
		t.Errorf("after moving: %+v, %v", all, err)
	}
	if got, err := s.Entry(e.ID); err != nil || got.Day != e.Day {
		t.Errorf("Entry = %+v, %v", got, err)
	}
	if err := s.DeleteEntry(e.ID); err != nil {
		t.Fatal(err)
	}
	if all, _, _ := s.JournalPage("", 10, true); len(all) != 0 {
		t.Errorf("after deleting: %+v", all)
	}
	if err := s.DeleteEntry(e.ID); err != nil {
		t.Errorf("deleting twice: %v", err)
	}
}

func fill(t testing.TB, s *Store, entries ...workbook.Entry) {
	t.Helper()
	for _, e := range entries {
		if err := s.PutEntry(e); err != nil {
			t.Fatal(err)
		}
	}
}

func TestJournalPage(t *testing.T) {
	s, _ := openTemp(t)
	// Written out of order: the keys put them in order.
	fill(t, s, run(3, 0), run(1, 0), run(2, 1), run(2, 0), run(5, 0), run(4, 0))
	cases := []struct {
		name        string
		from        string
		limit       int
		newestFirst bool
		want        []string
		more        bool
	}{
		{"the newest", "", 3, true, []string{"run 5/0", "run 4/0", "run 3/0"}, true},
		{"the oldest", "", 3, false, []string{"run 1/0", "run 2/0", "run 2/1"}, true},
		{"back from 2 December", JournalFrom(workbook.MakeDay(2026, 12, 2), true), 10, true, []string{"run 2/1", "run 2/0", "run 1/0"}, false},
		{"on from 2 December", JournalFrom(workbook.MakeDay(2026, 12, 2), false), 2, false, []string{"run 2/0", "run 2/1"}, true},
		{"back from a day without runs", JournalFrom(workbook.MakeDay(2026, 12, 31), true), 2, true, []string{"run 5/0", "run 4/0"}, true},
		{"back from before them all", JournalFrom(workbook.MakeDay(2026, 11, 1), true), 2, true, nil, false},
		{"on from after them all", JournalFrom(workbook.MakeDay(2026, 12, 6), false), 2, false, nil, false},
	}
	for _, tc := range cases {
		page, next, err := s.JournalPage(tc.from, tc.limit, tc.newestFirst)
		if err != nil || !slices.Equal(ids(page), tc.want) || (next != "") != tc.more {
			t.Errorf("%s: %v, next %q, %v; want %v", tc.name, ids(page), next, err, tc.want)
		}
	}
	// Walking page by page, newest first, visits every entry once.
	var walked []string
	for from := ""; ; {
		page, next, err := s.JournalPage(from, 2, true)
		if err != nil {
			t.Fatal(err)
		}
		walked = append(walked, ids(page)...)
		if next == "" {
			break
		}
		from = next
	}
	if want := []string{"run 5/0", "run 4/0", "run 3/0", "run 2/1", "run 2/0", "run 1/0"}; !slices.Equal(walked, want) {
		t.Errorf("walked %v", walked)
	}
	if _, _, err := s.JournalPage("", 0, true); err == nil {
		t.Error("a page of no entries")
	}
}

func TestJournalScan(t *testing.T) {
	s, _ := openTemp(t)
	fill(t, s, run(1, 0), run(2, 0), run(2, 1), run(3, 0), run(4, 0))
	dec := func(d int) workbook.Day { return workbook.MakeDay(2026, 12, d) }
	scan := func(first, last workbook.Day, newestFirst bool, stopAfter int) []string {
		var out []string
		err := s.JournalScan(first, last, newestFirst, func(e workbook.Entry) bool {
			out = append(out, e.Note)
			return len(out) < stopAfter
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	cases := []struct {
		name        string
		first, last workbook.Day
		newestFirst bool
		stopAfter   int
		want        []string
	}{
		{"a window", dec(2), dec(3), false, 99, []string{"run 2/0", "run 2/1", "run 3/0"}},
		{"backwards", dec(2), dec(3), true, 99, []string{"run 3/0", "run 2/1", "run 2/0"}},
		{"everything", FirstDay, LastDay, false, 99, []string{"run 1/0", "run 2/0", "run 2/1", "run 3/0", "run 4/0"}},
		{"one day", dec(2), dec(2), true, 99, []string{"run 2/1", "run 2/0"}},
		{"stopped", FirstDay, LastDay, true, 2, []string{"run 4/0", "run 3/0"}},
		{"a quiet week", dec(10), dec(16), false, 99, nil},
		{"back to front", dec(3), dec(2), false, 99, nil},
	}
	for _, tc := range cases {
		if got := scan(tc.first, tc.last, tc.newestFirst, tc.stopAfter); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestJournalScanReadsInPages scans more entries than a page holds.
func TestJournalScanReadsInPages(t *testing.T) {
	s, _ := openTemp(t)
	var batch []workbook.Entry
	for i := range 3*scanPage + 7 {
		e := run(1, i)
		e.Day = workbook.MakeDay(2020, 1, 1).AddDays(i)
		e.Source = workbook.Source{Kind: workbook.Imported, Fingerprint: fmt.Sprint(i)}
		batch = append(batch, e)
	}
	if _, err := s.ImportEntries(batch); err != nil {
		t.Fatal(err)
	}
	for _, newestFirst := range []bool{false, true} {
		n, last := 0, workbook.Day(0)
		err := s.JournalScan(FirstDay, LastDay, newestFirst, func(e workbook.Entry) bool {
			if n > 0 && (e.Day > last) == newestFirst {
				t.Errorf("out of order at %d: %s after %s", n, e.Day, last)
			}
			n, last = n+1, e.Day
			return true
		})
		if err != nil || n != len(batch) {
			t.Errorf("newest first %v: %d entries, %v", newestFirst, n, err)
		}
	}
}

func TestImportRecognisesDuplicates(t *testing.T) {
	s, _ := openTemp(t)
	imported := func(d int, fp string) workbook.Entry {
		e := run(d, 0)
		e.Source = workbook.Source{Kind: workbook.Imported, File: fp + ".gpx", Fingerprint: fp}
		return e
	}
	first := []workbook.Entry{imported(1, "a"), imported(2, "b"), imported(3, "b")} // b twice in one batch
	added, err := s.ImportEntries(first)
	if err != nil || len(added) != 2 || added[0].Note != "run 1/0" || added[1].Note != "run 2/0" {
		t.Fatalf("first import added %v, %v", ids(added), err)
	}
	again, err := s.ImportEntries([]workbook.Entry{imported(1, "a"), imported(2, "b"), imported(4, "c")})
	if err != nil || len(again) != 1 || again[0].Source.Fingerprint != "c" {
		t.Errorf("second import added %v, %v; want only c", ids(again), err)
	}
	if err := s.DeleteEntry(added[0].ID); err != nil {
		t.Fatal(err)
	}
	if back, _ := s.ImportEntries([]workbook.Entry{imported(1, "a")}); len(back) != 0 {
		t.Error("a deleted run came back with the next import")
	}
	if ok, err := s.Imported("a"); err != nil || !ok {
		t.Errorf("Imported(a) = %v, %v", ok, err)
	}
	if ok, _ := s.Imported("zzz"); ok {
		t.Error("Imported(zzz)")
	}
	all, _, _ := s.JournalPage("", 10, true)
	if len(all) != 2 {
		t.Errorf("journal holds %v", ids(all))
	}
	if _, err := s.ImportEntries([]workbook.Entry{run(9, 0)}); err == nil {
		t.Error("an import without a fingerprint")
	}
}

func TestJournalSettings(t *testing.T) {
	s, _ := openTemp(t)
	got, err := s.JournalSettings()
	if err != nil || !reflect.DeepEqual(got, workbook.DefaultJournalSettings()) {
		t.Errorf("a new journal's settings = %+v, %v", got, err)
	}
	want := workbook.JournalSettings{Unit: workbook.Miles, Tags: []string{"solo", "hills"}, Plan: 4}
	if err := s.SaveJournalSettings(want); err != nil {
		t.Fatal(err)
	}
	if got, err := s.JournalSettings(); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("settings = %+v, %v", got, err)
	}
	if err := s.SaveJournalSettings(workbook.JournalSettings{Plan: -1}); err == nil {
		t.Error("a plan of -1 runs a week was kept")
	}
	if err := s.SaveJournalSettings(workbook.JournalSettings{}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.JournalSettings(); got.Tags == nil || len(got.Tags) != 0 {
		t.Errorf("no tags read back as %#v", got.Tags)
	}
}

func TestExperimentReviewsAreKept(t *testing.T) {
	s, _ := openTemp(t)
	season := startSeason(t, s, "")
	calm := workbook.Value("calm")
	first := workbook.ExperimentReview{Value: calm, Experiment: "no watch", Tries: 3, Felt: "free", Decision: workbook.Change, StillFits: workbook.FitsUnsure, At: journalDay}
	second := workbook.ExperimentReview{Value: calm, Experiment: "no watch on Sundays", Tries: 4, Decision: workbook.Drop, StillFits: workbook.FitsNo, At: journalDay.Add(time.Hour)}
	for _, r := range []workbook.ExperimentReview{first, second} {
		if err := s.SaveExperimentReview(season.ID, r); err != nil {
			t.Fatal(err)
		}
	}
	wb, err := s.Workbook(season.ID)
	if err != nil || !reflect.DeepEqual(wb.Reviews, []workbook.ExperimentReview{first, second}) {
		t.Errorf("reviews = %+v, %v", wb.Reviews, err)
	}
	if !wb.LastActive.Equal(second.At) {
		t.Errorf("LastActive = %v, want the newest review", wb.LastActive)
	}
}

// TestDamagedEntriesAreReported flips a byte of an entry, and moves one to
// a key that is not its own: both read as damage, naming the key only.
func TestDamagedEntriesAreReported(t *testing.T) {
	plainOnly(t, "it changes plain journal entries")
	s, path := openTemp(t)
	e := run(1, 0)
	e.Note = "a private note zqzq"
	fill(t, s, e, run(2, 0))
	s.Close()
	raw, _ := os.ReadFile(path)
	os.WriteFile(path, bytes.ReplaceAll(raw, []byte("zqzq"), []byte("zqzx")), 0o600)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var d *DamagedError
	if _, _, err := s.JournalPage("", 10, true); !errors.As(err, &d) || !strings.Contains(d.Where, "journal/2026-12-01") {
		t.Errorf("JournalPage = %v, want damage at 1 December", err)
	} else if strings.Contains(err.Error(), "zq") || strings.Contains(err.Error(), "private") {
		t.Errorf("the error holds the runner's words: %v", err)
	}
	if _, err := s.Entry(e.ID); !errors.Is(err, ErrDamaged) {
		t.Errorf("Entry = %v", err)
	}
	// An entry under another entry's key.
	err = s.db.Update(func(tx *bolt.Tx) error {
		j := tx.Bucket(bucketJournal)
		raw, _ := encode(kindEntry, entryToRecord(run(2, 0)))
		return j.Put(entryKey(workbook.MakeDay(2026, 12, 9), "01a3ffc816400000ffff"), raw)
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.JournalScan(workbook.MakeDay(2026, 12, 5), LastDay, false, func(workbook.Entry) bool { return true })
	if !errors.As(err, &d) || !strings.Contains(err.Error(), "belongs elsewhere") {
		t.Errorf("JournalScan = %v, want an entry that belongs elsewhere", err)
	}
}

// TestOlderFilesHaveAnEmptyJournal reads a schema 1 file read-only: it has
// no journal buckets, and reads as an empty journal.
func TestOlderFilesHaveAnEmptyJournal(t *testing.T) {
	path := copyFixture(t, "schema1.db")
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if page, next, err := s.JournalPage("", 10, true); err != nil || len(page) != 0 || next != "" {
		t.Errorf("JournalPage = %v, %q, %v", page, next, err)
	}
	if err := s.JournalScan(FirstDay, LastDay, true, func(workbook.Entry) bool { t.Error("an entry"); return true }); err != nil {
		t.Error(err)
	}
	if _, err := s.Entry("x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Entry = %v", err)
	}
	if got, err := s.JournalSettings(); err != nil || !reflect.DeepEqual(got, workbook.DefaultJournalSettings()) {
		t.Errorf("settings = %+v, %v", got, err)
	}
}

// TestSchema3StepIndexesWhatItFinds runs the step to schema 3 on a journal
// that holds an entry nothing indexed: the entry is found by ID after.
func TestSchema3StepIndexesWhatItFinds(t *testing.T) {
	s, _ := openTemp(t)
	e := run(1, 0)
	e.Source = workbook.Source{Kind: workbook.Imported, Fingerprint: "gpx:1"}
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketJournalIndex); err != nil {
			return err
		}
		if err := put(tx.Bucket(bucketJournal), "journal", entryKey(e.Day, e.ID), kindEntry, entryToRecord(e)); err != nil {
			return err
		}
		return toSchema3(tx)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.Entry(e.ID); err != nil || got.ID != e.ID {
		t.Errorf("Entry = %+v, %v", got, err)
	}
	if ok, _ := s.Imported("gpx:1"); !ok {
		t.Error("the fingerprint was not indexed")
	}
}
