package store

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

// Benchmarks for what start-up and typing cost, and for reading a page of
// a long list. Run with
//
//	go test -run '^$' -bench . ./store
//
// Numbers belong in measurements (issue notes, docs), never in assertions.

var benchQuestions = []string{"numbers-or-feelings", "places-and-people", "competition", "beyond-running", "busy-life", "proud-moment", "big-dream", "next-step"}

// benchAnswer is about 2 KB: a long, honest answer.
var benchAnswer = strings.Repeat("I run early, before the house wakes, and it is the only hour that is mine. "+
	"Some weeks I chase a pace, most weeks I chase the quiet. My club meets on Thursdays. ", 12)

// fillSeason writes a full season as scripts/populate does: eight answers
// of 2 KB, twelve goals, themes, values and a place.
func fillSeason(b *testing.B, s *Store, now time.Time) workbook.Season {
	b.Helper()
	season, err := s.StartSeason("")
	if err != nil {
		b.Fatal(err)
	}
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	for _, q := range benchQuestions {
		must(s.SaveAnswer(season.ID, workbook.Answer{Question: q, Text: benchAnswer, Updated: now}))
	}
	tiers := workbook.Tiers()
	for i := range 12 {
		must(s.PutGoal(season.ID, workbook.Goal{
			ID: workbook.NewID(now.Add(time.Duration(i) * time.Millisecond)), Tier: tiers[i%3],
			Text: fmt.Sprintf("Goal %d: run three mornings a week before work, with a friend on Thursdays", i+1),
			Feel: workbook.Doable, Themes: []workbook.Ref{workbook.Theme("coping")}, Values: []workbook.Ref{workbook.Value("calm")},
			Order: i / 3, Created: now, Updated: now,
		}))
	}
	must(s.SaveThemes(season.ID, workbook.ThemeBoard{Marks: []workbook.ThemeMark{{Theme: workbook.Theme("coping"), Polarity: workbook.Toward, Status: workbook.Confirmed}}, Notes: "quiet", Updated: now}))
	must(s.SaveValues(season.ID, []workbook.ValueChoice{{ID: "calm", Serve: "a quiet loop", Experiment: "no watch on Sunday"}}))
	must(s.SavePlace(season.ID, workbook.Place{Screen: "goals", Updated: now}))
	return season
}

// BenchmarkOpen measures what start-up asks of the store: open the file,
// find the current season, read it whole, and close.
func BenchmarkOpen(b *testing.B) {
	for _, tc := range []struct {
		name    string
		seasons int
	}{{"empty", 0}, {"full-season", 1}, {"20-seasons", 20}} {
		b.Run(tc.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "cairn.db")
			s, err := Open(path, WithClock(tickingClock(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))))
			if err != nil {
				b.Fatal(err)
			}
			for range tc.seasons {
				fillSeason(b, s, time.Now())
			}
			s.Close()
			b.ResetTimer()
			for b.Loop() {
				s, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				if season, err := s.CurrentSeason(); err == nil {
					if _, err := s.Workbook(season.ID); err != nil {
						b.Fatal(err)
					}
				} else if tc.seasons > 0 {
					b.Fatal(err)
				}
				if _, err := s.LastActive(); err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

// BenchmarkSaveAnswer measures one autosave of a 2 KB answer in a full
// season: one write transaction, synced to disk.
func BenchmarkSaveAnswer(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "cairn.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	season := fillSeason(b, s, time.Now())
	i := 0
	for b.Loop() {
		i++
		a := workbook.Answer{Question: benchQuestions[i%len(benchQuestions)], Text: benchAnswer + fmt.Sprint(i), Updated: time.Now()}
		if err := s.SaveAnswer(season.ID, a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSeekPage measures reading a page of 20 records from a bucket of
// 10,000 and 100,000, as the journal will: seek to a random time, read 20
// records forward or back, copy them out and decode them.
func BenchmarkSeekPage(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		s, keys := longBucket(b, n)
		for _, reverse := range []bool{false, true} {
			name := fmt.Sprintf("%d/forward", n)
			if reverse {
				name = fmt.Sprintf("%d/reverse", n)
			}
			b.Run(name, func(b *testing.B) {
				rng := rand.New(rand.NewPCG(1, 2))
				for b.Loop() {
					from := keys[rng.IntN(len(keys))]
					err := s.db.View(func(tx *bolt.Tx) error {
						entries, _ := page(tx.Bucket(bucketJournal), from, 20, reverse)
						for _, e := range entries {
							var a answerRecord
							if err := decode(e.value, kindAnswer, upgradeContext{}, &a); err != nil {
								return err
							}
						}
						return nil
					})
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		s.Close()
	}
}

// longBucket fills the journal bucket of a new workbook with n records of
// about 300 bytes, keyed by time as journal entries will be, one a day
// apart, and returns the store and the keys.
func longBucket(b *testing.B, n int) (*Store, [][]byte) {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "cairn.db"))
	if err != nil {
		b.Fatal(err)
	}
	start := time.Date(2000, 1, 1, 7, 0, 0, 0, time.UTC)
	keys := make([][]byte, 0, n)
	const batch = 10_000
	for lo := 0; lo < n; lo += batch {
		err := s.db.Update(func(tx *bolt.Tx) error {
			bucket := tx.Bucket(bucketJournal)
			bucket.FillPercent = 0.9 // keys only ever grow
			for i := lo; i < min(lo+batch, n); i++ {
				at := start.Add(time.Duration(i) * 24 * time.Hour)
				key := []byte(workbook.NewID(at))
				raw, err := encode(kindAnswer, answerRecord{Question: "run", Text: fmt.Sprintf("Easy 8 km by the river, felt light. Entry %d. ", i) + strings.Repeat("calm ", 40), Updated: at})
				if err != nil {
					return err
				}
				if err := bucket.Put(key, raw); err != nil {
					return err
				}
				keys = append(keys, key)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return s, keys
}

// BenchmarkSeasons compares listing 20 full seasons by their headers with
// decoding them all, which is what the CLI used to do to find the current
// season.
func BenchmarkSeasons(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "cairn.db"), WithClock(tickingClock(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for range 20 {
		fillSeason(b, s, time.Now())
	}
	b.Run("headers", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Seasons(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("all-decoded", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.All(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
