package tui

import (
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// TestEverySize is the reliability suite's part 6 (issue 12): every
// window size from 1×1 to 240×80, on the screens a runner meets. Nothing
// panics; at or above the smallest size the workbook draws in (MinWidth
// by MinHeight) no line is wider than the window and no frame taller.
// The fast tier sweeps every 7th size on the reflection screen, where the
// runner spends the most time, and every 83rd on every other (with
// TestResizeSweep and TestNoLineIsWiderThanItsPane beside it); the long
// tier (CAIRN_RELIABILITY=long, scripts/reliability) every size on every
// screen.
func TestEverySize(t *testing.T) {
	long := os.Getenv("CAIRN_RELIABILITY") == "long"
	tried := 0
	screens(t, 80, 24, func(t *testing.T, name string, h *harness) {
		// Strides prime to 80, so the sizes sampled fall on every height.
		every := 83
		if name == "reflect" {
			every = 7
		}
		if long {
			every = 1
		}
		n := 0
		for w := 1; w <= 240; w++ {
			for hgt := 1; hgt <= 80; hgt++ {
				if n++; n%every != 0 {
					continue
				}
				tried++
				view := sizedView(t, h, name, w, hgt)
				if w < MinWidth || hgt < MinHeight {
					continue
				}
				lines := strings.Split(view, "\n")
				if len(lines) > hgt {
					t.Fatalf("%s at %dx%d: %d lines", name, w, hgt, len(lines))
				}
				for _, l := range lines {
					if lw := lipgloss.Width(l); lw > w {
						t.Fatalf("%s at %dx%d: a line %d wide: %q", name, w, hgt, lw, l)
					}
				}
			}
		}
		h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	})
	t.Logf("%d sizes tried, no panic, every line within its window", tried)
}

// sizedView resizes h's window and returns what it shows, failing the
// test with the size if that panics.
func sizedView(t *testing.T, h *harness, name string, w, hgt int) (view string) {
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("%s at %dx%d: panic: %v", name, w, hgt, p)
		}
	}()
	h.send(tea.WindowSizeMsg{Width: w, Height: hgt})
	return h.view()
}
