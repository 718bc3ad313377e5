package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// BenchmarkKeystroke measures what a writer feels: one key typed into an
// answer, through the root's Update and the View that follows, at 120x40.
// The Bubbles textarea rendered its whole buffer on every Update and View,
// so the cost grew with the answer; tui/textbox draws only the rows in
// view. The largest case is near the 64 KB limit.
func BenchmarkKeystroke(b *testing.B) {
	for _, size := range []struct {
		name  string
		bytes int
	}{{"200B", 200}, {"2KB", 2 << 10}, {"8KB", 8 << 10}, {"16KB", 16 << 10}, {"60KB", 60 << 10}} {
		b.Run(size.name, func(b *testing.B) {
			h := newHarness(b, 120, 40)
			h.dropTicks = true
			h.send(keyEnter)
			para := strings.Repeat("I run before the house wakes and it is the only hour that is mine. ", 1)
			text := strings.Repeat(para+"\n", size.bytes/len(para))
			h.send(tea.PasteMsg{Content: text})
			key := tea.KeyPressMsg{Code: 'a', Text: "a"}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				next, _ := h.m.Update(key)
				h.m = next
				_ = h.m.View()
			}
		})
	}
}

// BenchmarkView measures the frame of each screen, what every message
// that changes a screen costs on top of its Update: the root's View at
// 100x30 with a returning runner's workbook (two full seasons, a journal
// of 400 runs), every screen in turn.
func BenchmarkView(b *testing.B) {
	path := filepath.Join(b.TempDir(), "cairn.db")
	st, err := store.Open(path, store.WithClock(func() time.Time { return clock }))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	fillBenchWorkbook(b, st)
	h := startHarness(b, st, path, 100, 30)
	h.dropTicks = true
	for _, screen := range common.Screens {
		b.Run(screen.String(), func(b *testing.B) {
			h.send(common.NavigateMsg{To: screen, Question: -1})
			if got := h.root().active; got != screen {
				b.Skipf("the root is on %v, not %v", got, screen)
			}
			b.ReportAllocs()
			for b.Loop() {
				_ = h.m.View()
			}
		})
	}
}

// fillBenchWorkbook writes two full seasons, as a returning runner has
// them, and a journal of 400 runs up to the harness's clock.
func fillBenchWorkbook(b *testing.B, st *store.Store) {
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	paragraph := "I run early, before the house wakes, and it is the only hour that is mine. " +
		"Some weeks I chase a pace, most weeks I chase the quiet. My club meets on Thursdays. "
	for n := range 2 {
		var season workbook.Season
		var err error
		if n == 0 {
			season, err = st.StartSeason("")
		} else {
			season, err = st.NewSeason(workbook.SeasonPlan{Name: "Spring"})
		}
		must(err)
		for _, q := range catalog.Questions() {
			must(st.SaveAnswer(season.ID, workbook.Answer{Question: q.ID, Text: strings.Repeat(paragraph, 12), Updated: clock}))
		}
		tiers := workbook.Tiers()
		for i := range 12 {
			must(st.PutGoal(season.ID, workbook.Goal{
				ID: workbook.NewID(clock.Add(time.Duration(n*100+i) * time.Millisecond)), Tier: tiers[i%3],
				Text: fmt.Sprintf("Goal %d: run 20 km a week, three mornings before work", i+1),
				Feel: workbook.Doable, Status: workbook.Draft, Order: i / 3, Created: clock, Updated: clock,
			}))
		}
		must(st.SaveValues(season.ID, []workbook.ValueChoice{{ID: "calm", Serve: "a quiet loop", Experiment: "no watch on Sunday"}}))
		must(st.SavePlace(season.ID, workbook.Place{Screen: "goals", Updated: clock}))
	}
	var runs []workbook.Entry
	for i := range 400 {
		at := clock.Add(-time.Duration(i) * 20 * time.Hour)
		runs = append(runs, workbook.Entry{
			ID: workbook.NewID(at), Day: workbook.DayOf(at), Start: at, Metres: 5000 + i%7*1000, Duration: 30 * time.Minute,
			Enjoyment: workbook.Score(1 + i%5), Note: "Easy loop by the river.", Created: at, Updated: at,
			Source: workbook.Source{Kind: workbook.Imported, File: "run.fit", Fingerprint: fmt.Sprintf("bench:%d", i)},
		})
	}
	_, err := st.ImportEntries(runs)
	must(err)
}
