package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

// Schema 4 adds each goal's history and names why each season began. Every
// earlier file must come across with every word where it was.

// TestMigrateSchema3 opens the file a schema 3 build wrote: its journal,
// settings, values and experiment review are all there after the
// migration, a copy of it as it was is kept, and reading the old file
// read-only sees the same.
func TestMigrateSchema3(t *testing.T) {
	path := copyFixture(t, "schema3.db")
	s, err := Open(path, WithClock(func() time.Time { return migrationDay }))
	if err != nil {
		t.Fatal(err)
	}
	checkSchema3(t, s)
	season, err := s.CurrentSeason()
	if err != nil || season.Why != workbook.FirstSeason || season.Reason != "" {
		t.Errorf("CurrentSeason = %+v, %v", season, err)
	}
	s.Close()
	backup := filepath.Join(filepath.Dir(path), fmt.Sprintf("cairn.db.before-schema-%d-2026-12-03.bak", SchemaVersion))
	if got, want := records(t, backup), records(t, filepath.Join("testdata", "schema3.db")); !reflect.DeepEqual(got, want) {
		t.Error("the copy kept before the migration does not hold exactly what the file held")
	}
	if _, ok := records(t, path)["seasons/"+season.ID+"/history/"]; !ok {
		t.Error("the migrated season has no history bucket")
	}
	migrated := fileHash(t, path)
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	again.Close()
	if fileHash(t, path) != migrated {
		t.Error("opening a migrated file changed it")
	}

	ro, err := OpenReadOnly(copyFixture(t, "schema3.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	checkSchema3(t, ro)
}

// TestMigrationsBeginEveryGoalsHistory: after the migration each goal of
// an older file has a history of one event, its adding, in its own words
// and on the day it was made; read-only, an older file's goals have no
// history, and reading it is no error.
func TestMigrationsBeginEveryGoalsHistory(t *testing.T) {
	for _, name := range []string{"schema1.db", "schema2.db"} {
		t.Run(name, func(t *testing.T) {
			s, err := Open(copyFixture(t, name), WithClock(func() time.Time { return migrationDay }))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			ro, err := OpenReadOnly(copyFixture(t, name))
			if err != nil {
				t.Fatal(err)
			}
			defer ro.Close()
			seasons, err := s.Seasons()
			if err != nil {
				t.Fatal(err)
			}
			goals := 0
			for _, season := range seasons {
				wb, err := s.Workbook(season.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, g := range wb.Goals {
					goals++
					evs, next, err := s.GoalHistory(season.ID, g.ID, "", 10, false)
					if err != nil || next != "" || len(evs) != 1 {
						t.Fatalf("history of %q = %+v, %q, %v", g.Text, evs, next, err)
					}
					ev := evs[0]
					if ev.Kind != workbook.EventAdded || ev.Text != g.Text || !ev.At.Equal(g.Created) || ev.To != g.Status || ev.Tier != g.Tier {
						t.Errorf("history of %q begins %+v", g.Text, ev)
					}
					if evs, _, err := ro.GoalHistory(season.ID, g.ID, "", 10, false); err != nil || len(evs) != 0 {
						t.Errorf("read-only, the old file's history of %q = %+v, %v", g.Text, evs, err)
					}
				}
			}
			if goals == 0 {
				t.Fatal("no goals in the fixture")
			}
			if name == "schema2.db" {
				if seasons[1].Why != workbook.NewCycle || seasons[1].Reason != "a new training cycle" || seasons[0].Why != workbook.FirstSeason {
					t.Errorf("the reasons of the schema 2 seasons: %+v", seasons)
				}
			}
		})
	}
}

// TestNewSeasonLeavesTheOldOneAsItWas starts a season carrying everything
// and compares every record of the old season, byte for byte.
func TestNewSeasonLeavesTheOldOneAsItWas(t *testing.T) {
	clock := fixture4Day
	s, path := openWithClock(t, func() time.Time { return clock })
	makeSchema4(t, s, &clock)
	seasons, _ := s.Seasons()
	s.Close()
	before := records(t, path)
	s, err := Open(path, WithClock(func() time.Time { return clock.AddDate(0, 0, 7) }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	started, err := s.NewSeason(workbook.SeasonPlan{Why: workbook.GoalReached, Carry: workbook.CarryAll})
	if err != nil {
		t.Fatal(err)
	}
	if started.Name != "Autumn 2027 (3)" || started.From != seasons[2].ID {
		t.Errorf("NewSeason = %+v", started)
	}
	s.Close()
	after := records(t, path)
	for where, raw := range before {
		if strings.HasPrefix(where, "meta/") {
			continue
		}
		if after[where] != raw {
			t.Errorf("%s changed when a season began", where)
		}
	}
}

func TestNewSeasonNamesAndErrors(t *testing.T) {
	s, _ := openWithClock(t, tickingClock(time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)))
	first, err := s.NewSeason(workbook.SeasonPlan{Carry: workbook.CarryAll}) // nothing to carry yet
	if err != nil || first.Name != "Winter 2026" || first.From != "" || first.Carried.Any() {
		t.Fatalf("the first season = %+v, %v", first, err)
	}
	named, err := s.NewSeason(workbook.SeasonPlan{Name: "  Base   building ", Why: workbook.NewCycle})
	if err != nil || named.Name != "Base building" || named.Reason != "a new training cycle" || named.From != "" {
		t.Errorf("a named season = %+v, %v", named, err)
	}
	if _, ok, err := s.PreviousSeason(named.ID); !ok || err != nil {
		t.Errorf("PreviousSeason: %v, %v", ok, err)
	}

	// A season that cannot be read stops a new one carrying from it.
	s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSeasons).Bucket([]byte(named.ID))
		return b.Put(keyValues, []byte("{}"))
	})
	_, err = s.NewSeason(workbook.SeasonPlan{Carry: workbook.Carry{Values: true}})
	var d *DamagedError
	if !errors.As(err, &d) || !strings.Contains(d.Where, named.ID) {
		t.Errorf("NewSeason from a damaged season = %v", err)
	}
	if cur, _ := s.CurrentSeason(); cur.ID != named.ID {
		t.Error("a season that failed to begin became the current one")
	}
}

func TestGoalHistoryPagesAndDamage(t *testing.T) {
	plainOnly(t, "it changes a plain history event")
	s, _ := openTemp(t)
	season := startSeason(t, s, "")
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	g := workbook.Goal{ID: "g1", Tier: workbook.Medium, Text: "v0", Created: at}
	if err := s.SaveGoalChange(season.ID, g, workbook.AddedEvent(g, at)); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 6; i++ {
		after := g
		after.Text = fmt.Sprintf("v%d", i)
		ev, _ := workbook.EditEvent(g, after, "", at.Add(time.Duration(i)*time.Minute))
		if err := s.SaveGoalChange(season.ID, after, ev); err != nil {
			t.Fatal(err)
		}
		g = after
	}
	var texts []string
	for from := ""; ; {
		page, next, err := s.GoalHistory(season.ID, "g1", from, 3, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range page {
			texts = append(texts, ev.Text)
		}
		if next == "" {
			break
		}
		from = next
	}
	if got := strings.Join(texts, " "); got != "v6 v5 v4 v3 v2 v1 v0" {
		t.Errorf("newest first, in pages of 3: %s", got)
	}
	if _, _, err := s.GoalHistory(season.ID, "g1", "", 0, false); err == nil {
		t.Error("a page of no events was read")
	}
	if evs, _, err := s.GoalHistory(season.ID, "never", "", 5, false); err != nil || len(evs) != 0 {
		t.Errorf("a goal with no history: %+v, %v", evs, err)
	}

	// A flipped byte in an event is damage, named by where it is.
	var key []byte
	s.db.Update(func(tx *bolt.Tx) error {
		h := tx.Bucket(bucketSeasons).Bucket([]byte(season.ID)).Bucket(bucketHistory).Bucket([]byte("g1"))
		key, _ = h.Cursor().First()
		key = append([]byte(nil), key...)
		raw := append([]byte(nil), h.Get(key)...)
		return h.Put(key, []byte(strings.Replace(string(raw), `"v0"`, `"v9"`, 1)))
	})
	_, _, err := s.GoalHistory(season.ID, "g1", "", 10, false)
	var d *DamagedError
	if !errors.As(err, &d) || !strings.HasSuffix(d.Where, "/history/g1/"+string(key)) || strings.Contains(err.Error(), "v9") {
		t.Errorf("GoalHistory over a damaged event = %v", err)
	}
	if _, err := s.All(); !errors.Is(err, ErrDamaged) {
		t.Errorf("All over a damaged event = %v", err)
	}

	// Deleting the goal deletes its history.
	if err := s.DeleteGoal(season.ID, "g1"); err != nil {
		t.Fatal(err)
	}
	if evs, _, err := s.GoalHistory(season.ID, "g1", "", 5, false); err != nil || len(evs) != 0 {
		t.Errorf("a deleted goal's history: %+v, %v", evs, err)
	}
	if _, err := os.Stat(s.Path()); err != nil {
		t.Fatal(err)
	}
}

// TestSeasonsSortInTheOrderTheyBegan, whatever the clock says: begun in
// one millisecond, or after the clock was set back, a new season is still
// the last, and the one before it is the previous.
func TestSeasonsSortInTheOrderTheyBegan(t *testing.T) {
	at := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	clock := at
	s, _ := openWithClock(t, func() time.Time { return clock })
	var begun []workbook.Season
	for _, back := range []time.Duration{0, 0, 0, -48 * time.Hour} {
		clock = clock.Add(back)
		season, err := s.NewSeason(workbook.SeasonPlan{})
		if err != nil {
			t.Fatal(err)
		}
		begun = append(begun, season)
	}
	seasons, err := s.Seasons()
	if err != nil {
		t.Fatal(err)
	}
	for i := range begun {
		if seasons[i].ID != begun[i].ID {
			t.Fatalf("seasons out of order: %v", seasons)
		}
	}
	if !begun[3].Started.Equal(at.Add(-48 * time.Hour)) {
		t.Errorf("the season's start is not the clock's: %v", begun[3].Started)
	}
	if prev, ok, err := s.PreviousSeason(begun[3].ID); err != nil || !ok || prev.ID != begun[2].ID {
		t.Errorf("PreviousSeason = %+v, %v, %v", prev, ok, err)
	}
}
