package journal

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkScrolling100k measures a key down the list of a 100,000-run
// journal and the frame after it, pages read as they come due included:
//
//	go test -run '^$' -bench Scrolling ./tui/journal
func BenchmarkScrolling100k(b *testing.B) {
	st := openStore(b)
	fill(b, st, 100_000)
	s := newScreen(b, st, 120, 40)
	b.ResetTimer()
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	for b.Loop() {
		s.send(down)
		_ = s.m.View()
		if len(s.m.list.rows) > maxRows {
			b.Fatal("the window grew past its pages")
		}
	}
}
