package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
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
			t := &testing.T{}
			h := newHarness(t, 120, 40)
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
