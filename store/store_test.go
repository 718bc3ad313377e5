package store

import (
	"bytes"
	"crypto/rand"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cairn", "cairn.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestOpenCreatesPrivateFileAndFolder(t *testing.T) {
	_, path := openTemp(t)
	for p, want := range map[string]os.FileMode{path: 0o600, filepath.Dir(path): 0o700} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s: mode %v, want %v", p, got, want)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".cairn.db.new-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestOpenTightensLooseMode(t *testing.T) {
	s, path := openTemp(t)
	s.Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	info, _ := os.Stat(path)
	if got := info.Mode().Perm(); got != 0o600 {
		t.Errorf("mode after reopen = %v, want 0600", got)
	}
}

func TestSecondOpenReportsLocked(t *testing.T) {
	_, path := openTemp(t)
	_, err := Open(path)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: got %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
}

// TestForeignFilesAreLeftAlone checks that Open refuses files that are not
// cairn workbooks and changes not one byte of them.
func TestForeignFilesAreLeftAlone(t *testing.T) {
	random := make([]byte, 3*4096+17)
	rand.Read(random)

	cases := []struct {
		name string
		make func(t *testing.T, path string)
		want error
	}{
		{"empty file", func(t *testing.T, p string) { write(t, p, nil) }, ErrNotCairn},
		{"random bytes", func(t *testing.T, p string) { write(t, p, random) }, ErrNotCairn},
		{"one page of random bytes", func(t *testing.T, p string) { write(t, p, random[:4096]) }, ErrNotCairn},
		{"two pages of random bytes", func(t *testing.T, p string) { write(t, p, random[:8192]) }, ErrNotCairn},
		{"short text", func(t *testing.T, p string) { write(t, p, []byte("dear diary\n")) }, ErrNotCairn},
		{"another program's bbolt file", func(t *testing.T, p string) {
			boltFile(t, p, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte("widgets"))
				if err != nil {
					return err
				}
				return b.Put([]byte("k"), []byte("v"))
			})
		}, ErrNotCairn},
		{"empty bbolt file", func(t *testing.T, p string) {
			boltFile(t, p, func(*bolt.Tx) error { return nil })
		}, ErrNotCairn},
		{"bbolt file with another app's schema", func(t *testing.T, p string) {
			boltFile(t, p, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket(bucketMeta)
				if err != nil {
					return err
				}
				return put(b, "meta", keySchema, kindSchema, schema{App: "pebble", Version: 1})
			})
		}, ErrNotCairn},
		{"newer cairn schema", func(t *testing.T, p string) {
			boltFile(t, p, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket(bucketMeta)
				if err != nil {
					return err
				}
				if _, err := tx.CreateBucket(bucketSeasons); err != nil {
					return err
				}
				return put(b, "meta", keySchema, kindSchema, schema{App: appName, Version: SchemaVersion + 1})
			})
		}, ErrNewerSchema},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cairn.db")
			tc.make(t, path)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			infoBefore, _ := os.Stat(path)

			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded on a foreign file")
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("Open: got %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("the file's bytes changed")
			}
			infoAfter, _ := os.Stat(path)
			if infoBefore.Mode() != infoAfter.Mode() {
				t.Errorf("mode changed from %v to %v", infoBefore.Mode(), infoAfter.Mode())
			}
		})
	}
}

func TestOpenRefusesADirectory(t *testing.T) {
	_, err := Open(t.TempDir())
	if !errors.Is(err, ErrNotCairn) {
		t.Fatalf("got %v, want ErrNotCairn", err)
	}
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func boltFile(t *testing.T, path string, fn func(*bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// startSeason starts a season in s, failing the test if it cannot.
func startSeason(t testing.TB, s *Store, reason string) workbook.Season {
	t.Helper()
	season, err := s.StartSeason(reason)
	if err != nil {
		t.Fatal(err)
	}
	return season
}

func TestCurrentSeasonIsKept(t *testing.T) {
	s, path := openTemp(t)
	first := startSeason(t, s, "")
	if first.ID == "" || first.Started.IsZero() || first.Name == "" {
		t.Fatalf("first season incomplete: %+v", first)
	}
	s.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	again, err := s.CurrentSeason()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first, again) {
		t.Errorf("reopened season = %+v, want %+v", again, first)
	}
	all, _ := s.Seasons()
	if len(all) != 1 {
		t.Errorf("%d seasons, want 1", len(all))
	}
}

func TestWorkbookRoundTrip(t *testing.T) {
	s, path := openTemp(t)
	season := startSeason(t, s, "")
	at := time.Date(2026, 11, 20, 21, 4, 0, 0, time.UTC)
	answers := []workbook.Answer{
		{Question: "proud-moment", Text: "Finishing my first 10k.\nIn the rain!", Updated: at},
		{Question: "big-dream", Text: "A trail ultra <someday> & \"soon\"", Updated: at.Add(time.Minute)},
	}
	for _, a := range answers {
		if err := s.SaveAnswer(season.ID, a); err != nil {
			t.Fatal(err)
		}
	}
	goals := []workbook.Goal{
		{ID: workbook.NewID(at), Tier: workbook.Big, Text: "Run a half marathon", Feel: workbook.Scary, Themes: []workbook.Ref{workbook.Theme("achievement")}, Status: workbook.Draft, Order: 1, Created: at, Updated: at,
			Said: map[string]bool{"attainable": true}, Purpose: map[string]bool{"smile": true}},
		{ID: workbook.NewID(at.Add(time.Second)), Tier: workbook.Small, Text: "Run Tuesday and Thursday at 7", Parent: "x", Order: 0, Created: at, Updated: at},
	}
	for _, g := range goals {
		if err := s.PutGoal(season.ID, g); err != nil {
			t.Fatal(err)
		}
	}
	themes := workbook.ThemeBoard{Marks: []workbook.ThemeMark{{Theme: workbook.Theme("coping"), Polarity: workbook.Toward, Status: workbook.Confirmed}}, Own: []workbook.OwnTheme{{ID: "own-1", Name: "Dog walks", Polarity: workbook.Toward}}, Top: workbook.Theme("coping"), Notes: "quiet", Updated: at}
	values := []workbook.ValueChoice{{ID: "calm", Serve: "a quiet loop", Experiment: "no watch on Sunday"}}
	place := workbook.Place{Screen: "reflect", Question: 2, Updated: at.Add(2 * time.Minute)}
	for _, err := range []error{s.SaveThemes(season.ID, themes), s.SaveValues(season.ID, values), s.SavePlace(season.ID, place)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	wb, err := s.Workbook(season.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range answers {
		if got := wb.Answers[a.Question]; !reflect.DeepEqual(got, a) {
			t.Errorf("answer %s = %+v, want %+v", a.Question, got, a)
		}
	}
	wantGoals := []workbook.Goal{goals[1], goals[0]} // by Order
	if !reflect.DeepEqual(wb.Goals, wantGoals) {
		t.Errorf("goals = %+v\nwant %+v", wb.Goals, wantGoals)
	}
	if !reflect.DeepEqual(wb.Themes, themes) || !reflect.DeepEqual(wb.Values, values) || !reflect.DeepEqual(wb.Place, place) {
		t.Errorf("themes/values/place did not round-trip:\n%+v\n%+v\n%+v", wb.Themes, wb.Values, wb.Place)
	}
	if !wb.LastActive.Equal(place.Updated) {
		t.Errorf("LastActive = %v, want %v", wb.LastActive, place.Updated)
	}

	if err := s.DeleteGoal(season.ID, goals[0].ID); err != nil {
		t.Fatal(err)
	}
	wb, _ = s.Workbook(season.ID)
	if len(wb.Goals) != 1 || wb.Goals[0].ID != goals[1].ID {
		t.Errorf("after delete, goals = %+v", wb.Goals)
	}
}

func TestUnknownSeasonIsNotFound(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.SaveAnswer("nope", workbook.Answer{Question: "q"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("SaveAnswer to unknown season: %v", err)
	}
	if _, err := s.Workbook("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Workbook of unknown season: %v", err)
	}
}

// TestFlippedByteIsReported damages the stored text of an answer the way a
// bad disk would and checks the read fails loudly, without echoing the text.
func TestFlippedByteIsReported(t *testing.T) {
	plainOnly(t, "it flips a byte of a plain record")
	s, path := openTemp(t)
	season := startSeason(t, s, "")
	secret := "my private answer about the hard year"
	if err := s.SaveAnswer(season.ID, workbook.Answer{Question: "beyond-running", Text: secret}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(raw, []byte("hard year"))
	if i < 0 {
		t.Fatal("answer text not found in the file")
	}
	raw[i] = 'c' // "hard" becomes "card": still valid JSON, still valid UTF-8
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}

	s, err = Open(path)
	if err != nil {
		t.Fatalf("Open after damage to a data page: %v", err)
	}
	defer s.Close()
	_, err = s.Workbook(season.ID)
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("Workbook: got %v, want ErrDamaged", err)
	}
	var d *DamagedError
	if !errors.As(err, &d) || !strings.Contains(d.Where, "answers/beyond-running") {
		t.Errorf("error does not say which record: %v", err)
	}
	if strings.Contains(err.Error(), "private") || strings.Contains(err.Error(), "card year") {
		t.Errorf("error leaks the answer's text: %v", err)
	}
}

func TestNewIDSortsByTime(t *testing.T) {
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var ids []string
	for i := range 50 {
		ids = append(ids, workbook.NewID(base.Add(time.Duration(i)*time.Millisecond)))
	}
	if !sort.StringsAreSorted(ids) {
		t.Errorf("IDs do not sort by time: %v", ids)
	}
	if workbook.NewID(base) == workbook.NewID(base) {
		t.Error("two IDs at the same instant collided")
	}
}

func TestAllReadsEverySeason(t *testing.T) {
	s, _ := openTemp(t)
	first := startSeason(t, s, "")
	second := startSeason(t, s, "a new training cycle")
	s.SaveAnswer(first.ID, workbook.Answer{Question: "q", Text: "one"})
	s.SaveAnswer(second.ID, workbook.Answer{Question: "q", Text: "two"})
	all, err := s.All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 {
		t.Fatalf("%d workbooks, want 2", len(all))
	}
	current, _ := s.CurrentSeason()
	if current.ID != second.ID {
		t.Errorf("current season is %s, want the new one %s", current.ID, second.ID)
	}
}

func TestOpenReadOnly(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nothing.db")
	if _, err := OpenReadOnly(missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("OpenReadOnly of a missing file: %v", err)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Error("OpenReadOnly created a file")
	}

	s, path := openTemp(t)
	season := startSeason(t, s, "")
	s.SaveAnswer(season.ID, workbook.Answer{Question: "q", Text: "kept"})
	// A reader reads a workbook that is open for editing, as it is.
	open, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly while open for editing: %v", err)
	}
	if all, err := open.All(); err != nil || len(all) != 1 || all[0].Answers["q"].Text != "kept" {
		t.Errorf("All() while open for editing = %+v, %v", all, err)
	}
	open.Close()
	s.Close()

	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	all, err := ro.All()
	if err != nil || len(all) != 1 || all[0].Answers["q"].Text != "kept" {
		t.Errorf("All() = %+v, %v", all, err)
	}
	if err := ro.SaveAnswer(season.ID, workbook.Answer{Question: "q", Text: "x"}); err == nil {
		t.Error("a read-only store accepted a write")
	}
}

// beside lists the files in dir but the editor's lock file, which an
// editor leaves beside the workbook by design.
func beside(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".lock") {
			out = append(out, e.Name())
		}
	}
	return out
}
