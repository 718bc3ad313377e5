package store

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// Benchmarks of a journal kept for decades: 10,000 and 100,000 entries,
// built through the store's own API, then the reads and writes the journal
// screen, `cairn log` and the insights make. Run with
//
//	go test -run '^$' -bench Journal -benchtime 2000x ./store
//
// Numbers belong in docs/PERFORMANCE.md, never in assertions.

var benchNote = "Easy loop by the river, legs light after the rest day. " + strings.Repeat("Talked the whole way. ", 6)

// benchJournal builds a journal of n entries, a run every day or so going
// back from journalDay, through ImportEntries a thousand at a time (as
// `cairn import-runs` writes), and returns it open with its first and last
// days.
func benchJournal(b *testing.B, n int) (s *Store, first, last workbook.Day) {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "cairn.db"))
	if err != nil {
		b.Fatal(err)
	}
	last = workbook.DayOf(journalDay)
	tags := [][]string{{"easy"}, {"with others"}, {"long", "solo"}, {"workout"}}
	start := time.Now()
	for lo := 0; lo < n; lo += 1000 {
		batch := make([]workbook.Entry, 0, 1000)
		for i := lo; i < min(lo+1000, n); i++ {
			at := journalDay.Add(-time.Duration(i) * 20 * time.Hour)
			batch = append(batch, workbook.Entry{
				ID: workbook.NewID(at), Day: workbook.DayOf(at), Start: at, Metres: 5000 + i%7000,
				Duration: time.Duration(25+i%40) * time.Minute, Enjoyment: workbook.Score(1 + i%5),
				Before: workbook.Score(1 + i%4), After: workbook.Score(2 + i%4), Tags: tags[i%len(tags)],
				Fit:  map[workbook.Ref]workbook.Score{workbook.Value("calm"): workbook.Score(1 + i%5)},
				Note: benchNote, Source: workbook.Source{Kind: workbook.Imported, File: "run.fit", Fingerprint: fmt.Sprintf("fit:%d", i)},
				Created: at, Updated: at,
			})
			first = workbook.DayOf(at)
		}
		if _, err := s.ImportEntries(batch); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("built %d entries in %v", n, time.Since(start).Round(time.Millisecond))
	return s, first, last
}

func BenchmarkJournal(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		s, first, last := benchJournal(b, n)
		span := int(last - first)
		rng := rand.New(rand.NewPCG(1, 2))
		b.Run(fmt.Sprintf("%d/newest-page", n), func(b *testing.B) {
			for b.Loop() {
				if page, _, err := s.JournalPage("", 20, true); err != nil || len(page) != 20 {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("%d/seek-page", n), func(b *testing.B) {
			for b.Loop() {
				d := first.AddDays(20 + rng.IntN(span-20))
				if page, _, err := s.JournalPage(JournalFrom(d, true), 20, true); err != nil || len(page) != 20 {
					b.Fatal(len(page), err)
				}
			}
		})
		for _, window := range []struct {
			name string
			days int
		}{{"week", 7}, {"4-weeks", 28}} {
			b.Run(fmt.Sprintf("%d/%s", n, window.name), func(b *testing.B) {
				for b.Loop() {
					var runs, metres int
					err := s.JournalScan(last.AddDays(1-window.days), last, false, func(e workbook.Entry) bool {
						runs++
						metres += e.Metres
						return true
					})
					if err != nil || runs == 0 {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run(fmt.Sprintf("%d/append", n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				at := journalDay.Add(time.Duration(i) * time.Minute)
				e := workbook.Entry{ID: workbook.NewID(at), Day: workbook.DayOf(at), Metres: 5000, Duration: 28 * time.Minute,
					Enjoyment: 4, Note: benchNote, Source: workbook.Source{Kind: workbook.Logged}, Created: at, Updated: at}
				if err := s.PutEntry(e); err != nil {
					b.Fatal(err)
				}
			}
		})
		s.Close()
	}
}
