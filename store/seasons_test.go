package store

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

// tickingClock returns a clock that moves a day forward each time it is
// read, so every season gets its own start time and ID order.
func tickingClock(start time.Time) func() time.Time {
	at := start
	return func() time.Time { at = at.Add(24 * time.Hour); return at }
}

func openWithClock(t testing.TB, now func() time.Time) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cairn.db")
	s, err := Open(path, WithClock(now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestCurrentSeasonNeverCreates(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.CurrentSeason(); !errors.Is(err, ErrNotFound) {
		t.Fatalf("CurrentSeason of a new workbook: %v, want ErrNotFound", err)
	}
	if seasons, err := s.Seasons(); err != nil || len(seasons) != 0 {
		t.Errorf("asking for the current season made one: %v, %v", seasons, err)
	}
	s.Close()
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.CurrentSeason(); !errors.Is(err, ErrNotFound) {
		t.Errorf("CurrentSeason read-only: %v, want ErrNotFound", err)
	}
}

func TestSetCurrent(t *testing.T) {
	s, _ := openWithClock(t, tickingClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)))
	first := startSeason(t, s, "")
	second := startSeason(t, s, "a goal reached")
	if cur, _ := s.CurrentSeason(); cur.ID != second.ID {
		t.Fatalf("after StartSeason the current season is %s, want %s", cur.ID, second.ID)
	}
	if err := s.SetCurrent(first.ID); err != nil {
		t.Fatal(err)
	}
	cur, err := s.CurrentSeason()
	if err != nil || !reflect.DeepEqual(cur, first) {
		t.Errorf("CurrentSeason = %+v, %v; want %+v", cur, err, first)
	}
	if err := s.SetCurrent("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetCurrent to a missing season: %v, want ErrNotFound", err)
	}
	if cur, _ := s.CurrentSeason(); cur.ID != first.ID {
		t.Errorf("a refused SetCurrent changed the current season to %s", cur.ID)
	}
}

// TestCurrentSeasonThatIsGoneIsDamage checks that a workbook whose current
// season is missing reports damage instead of quietly starting over.
func TestCurrentSeasonThatIsGoneIsDamage(t *testing.T) {
	s, _ := openTemp(t)
	startSeason(t, s, "")
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyCurrent, []byte("01a1fa6fe6c0ffffffff")) })
	_, err := s.CurrentSeason()
	var d *DamagedError
	if !errors.As(err, &d) || d.Where != "meta/current" || !errors.Is(err, ErrDamaged) || errors.Is(err, ErrNotFound) {
		t.Errorf("CurrentSeason = %v, want damage at meta/current", err)
	}
}

func TestSeasonsAreHeadersOldestFirst(t *testing.T) {
	s, _ := openWithClock(t, tickingClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)))
	var want []workbook.Season
	for _, reason := range []string{"", "after a break", "a new training cycle"} {
		want = append(want, startSeason(t, s, reason))
	}
	got, err := s.Seasons()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Seasons() = %+v\nwant %+v", got, want)
	}
}

// TestSeasonsDoNotReadWhatIsWrittenInThem damages an answer and a goal:
// the headers still read, because Seasons never decodes them.
func TestSeasonsDoNotReadWhatIsWrittenInThem(t *testing.T) {
	s, _ := openTemp(t)
	season := startSeason(t, s, "")
	s.SaveAnswer(season.ID, workbook.Answer{Question: "proud-moment", Text: "my first 10k"})
	s.PutGoal(season.ID, workbook.Goal{ID: "g", Tier: workbook.Small, Text: "run"})
	s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSeasons).Bucket([]byte(season.ID))
		b.Bucket(bucketAnswers).Put([]byte("proud-moment"), []byte("not a record"))
		return b.Bucket(bucketGoals).Put([]byte("g"), []byte("not a record"))
	})
	got, err := s.Seasons()
	if err != nil || len(got) != 1 || got[0].ID != season.ID {
		t.Errorf("Seasons() = %+v, %v", got, err)
	}
	if _, err := s.Workbook(season.ID); !errors.Is(err, ErrDamaged) {
		t.Errorf("Workbook = %v, want the damage the headers skipped", err)
	}
}

func TestSeasonsPage(t *testing.T) {
	s, _ := openWithClock(t, tickingClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)))
	var ids []string
	for range 7 {
		ids = append(ids, startSeason(t, s, "").ID)
	}
	read := func(limit int, reverse bool) []string {
		var got []string
		from := ""
		for range 10 {
			page, next, err := s.SeasonsPage(from, limit, reverse)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) > limit {
				t.Fatalf("page of %d holds %d", limit, len(page))
			}
			for _, season := range page {
				got = append(got, season.ID)
			}
			if next == "" {
				return got
			}
			from = next
		}
		t.Fatal("the pages never end")
		return nil
	}
	if got := read(3, false); !slices.Equal(got, ids) {
		t.Errorf("oldest first: %v, want %v", got, ids)
	}
	newest := slices.Clone(ids)
	slices.Reverse(newest)
	if got := read(2, true); !slices.Equal(got, newest) {
		t.Errorf("newest first: %v, want %v", got, newest)
	}
	page, next, err := s.SeasonsPage(ids[4], 2, true)
	if err != nil || len(page) != 2 || page[0].ID != ids[4] || page[1].ID != ids[3] || next != ids[2] {
		t.Errorf("from %s going down: %+v, next %q, %v", ids[4], page, next, err)
	}
	for _, limit := range []int{0, -1} {
		if _, _, err := s.SeasonsPage("", limit, false); err == nil {
			t.Errorf("a page of %d seasons was read", limit)
		}
	}
}

// TestDamageWhilePaging checks that a damaged season header or a record
// where a season belongs stops the page with an error naming the place,
// never the text.
func TestDamageWhilePaging(t *testing.T) {
	plainOnly(t, "it changes plain records between pages")
	cases := []struct {
		name  string
		harm  func(tx *bolt.Tx, id string) error
		where string
	}{
		{"flipped byte in a header", func(tx *bolt.Tx, id string) error {
			b := tx.Bucket(bucketSeasons).Bucket([]byte(id))
			raw := bytes.Replace(b.Get(keySeason), []byte(`"name":"`), []byte(`"name":"x`), 1)
			return b.Put(keySeason, raw)
		}, "seasons/<id>/season"},
		{"missing header", func(tx *bolt.Tx, id string) error {
			return tx.Bucket(bucketSeasons).Bucket([]byte(id)).Delete(keySeason)
		}, "seasons/<id>/season"},
		{"a record where a season belongs", func(tx *bolt.Tx, _ string) error {
			return tx.Bucket(bucketSeasons).Put([]byte("zz-stray"), []byte("secret words"))
		}, "seasons/zz-stray"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			season := startSeason(t, s, "my secret reason")
			if err := s.db.Update(func(tx *bolt.Tx) error { return tc.harm(tx, season.ID) }); err != nil {
				t.Fatal(err)
			}
			where := strings.ReplaceAll(tc.where, "<id>", season.ID)
			for name, read := range map[string]func() error{
				"Seasons":     func() error { _, err := s.Seasons(); return err },
				"SeasonsPage": func() error { _, _, err := s.SeasonsPage("", 5, true); return err },
				"All":         func() error { _, err := s.All(); return err },
			} {
				err := read()
				var d *DamagedError
				if !errors.As(err, &d) || d.Where != where || !errors.Is(err, ErrDamaged) {
					t.Errorf("%s: %v, want damage at %s", name, err, where)
					continue
				}
				if strings.Contains(err.Error(), "secret") {
					t.Errorf("%s: error %q holds the runner's words", name, err)
				}
			}
		})
	}
}

func TestLastActiveIsKeptInMeta(t *testing.T) {
	clock := time.Date(2026, 5, 1, 6, 0, 0, 0, time.UTC)
	s, path := openWithClock(t, func() time.Time { return clock })
	if at, err := s.LastActive(); err != nil || !at.IsZero() {
		t.Fatalf("LastActive of a new workbook = %v, %v", at, err)
	}
	step := func() time.Time { clock = clock.Add(time.Hour); return clock }

	started := step()
	season := startSeason(t, s, "")
	saves := []struct {
		what string
		save func() error
	}{
		{"answer", func() error { return s.SaveAnswer(season.ID, workbook.Answer{Question: "q", Text: "t"}) }},
		{"place", func() error { return s.SavePlace(season.ID, workbook.Place{Screen: "goals"}) }},
		{"themes", func() error { return s.SaveThemes(season.ID, workbook.ThemeBoard{Notes: "n"}) }},
		{"values", func() error { return s.SaveValues(season.ID, []workbook.ValueChoice{{ID: "calm"}}) }},
		{"goal", func() error { return s.PutGoal(season.ID, workbook.Goal{ID: "g", Tier: workbook.Big}) }},
		{"goal deleted", func() error { return s.DeleteGoal(season.ID, "g") }},
		{"season started", func() error { _, err := s.StartSeason("again"); return err }},
	}
	if at, _ := s.LastActive(); !at.Equal(started) {
		t.Errorf("after StartSeason, LastActive = %v, want %v", at, started)
	}
	for _, sv := range saves {
		want := step()
		if err := sv.save(); err != nil {
			t.Fatal(err)
		}
		if at, err := s.LastActive(); err != nil || !at.Equal(want) {
			t.Errorf("after saving the %s, LastActive = %v, %v; want %v", sv.what, at, err, want)
		}
	}
	// A save that fails records nothing.
	before, _ := s.LastActive()
	step()
	if err := s.SaveAnswer("nope", workbook.Answer{Question: "q"}); err == nil {
		t.Fatal("saved to a missing season")
	}
	if at, _ := s.LastActive(); !at.Equal(before) {
		t.Errorf("a failed save moved LastActive to %v", at)
	}
	// Choosing a season is not writing in one.
	if err := s.SetCurrent(season.ID); err != nil {
		t.Fatal(err)
	}
	if at, _ := s.LastActive(); !at.Equal(before) {
		t.Errorf("SetCurrent moved LastActive to %v", at)
	}
	s.Close()
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if at, err := ro.LastActive(); err != nil || !at.Equal(before) {
		t.Errorf("read-only LastActive = %v, %v; want %v", at, err, before)
	}
}

// TestSnapshotLastActive checks the season's own LastActive, which the
// welcome screen shows as "last here": the newest thing written in the
// season, and zero for a season nothing was written in yet (a first run).
func TestSnapshotLastActive(t *testing.T) {
	s, _ := openTemp(t)
	season := startSeason(t, s, "")
	wb, err := s.Workbook(season.ID)
	if err != nil || !wb.LastActive.IsZero() {
		t.Fatalf("a new season's LastActive = %v, %v; want zero", wb.LastActive, err)
	}
	at := time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC)
	s.SaveAnswer(season.ID, workbook.Answer{Question: "q", Text: "t", Updated: at})
	s.PutGoal(season.ID, workbook.Goal{ID: "g", Tier: workbook.Big, Updated: at.Add(time.Hour)})
	s.SavePlace(season.ID, workbook.Place{Screen: "goals", Updated: at.Add(-time.Hour)})
	wb, _ = s.Workbook(season.ID)
	if !wb.LastActive.Equal(at.Add(time.Hour)) {
		t.Errorf("LastActive = %v, want the goal's %v", wb.LastActive, at.Add(time.Hour))
	}
}

// TestDamagedLastActive checks a damaged meta/last-active is reported,
// not read as "never".
func TestDamagedLastActive(t *testing.T) {
	s, _ := openTemp(t)
	startSeason(t, s, "")
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyLastActive, []byte("{}")) })
	_, err := s.LastActive()
	var d *DamagedError
	if !errors.As(err, &d) || d.Where != "meta/last-active" {
		t.Errorf("LastActive = %v, want damage at meta/last-active", err)
	}
}

func TestNewFileHasEveryBucket(t *testing.T) {
	s, path := openTemp(t)
	s.Close()
	got := topLevelBuckets(t, path)
	if want := everyBucket; !slices.Equal(got, want) {
		t.Errorf("buckets = %v, want %v", got, want)
	}
}

// everyBucket lists the top-level buckets of a file of this schema.
var everyBucket = []string{"journal", "journal-index", "meta", "seasons"}

// topLevelBuckets lists a closed file's top-level buckets.
func topLevelBuckets(t *testing.T, path string) []string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []string
	db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			out = append(out, string(name))
			return nil
		})
	})
	return out
}
