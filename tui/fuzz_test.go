package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// fuzzKeys are the keys FuzzRootModel presses, by byte: every key the
// workbook binds, and some it does not.
var fuzzKeys = []tea.KeyPressMsg{
	keyEnter, keyTab, keyShiftTab, keyEsc, keyRight, keyDown, keyCtrlL, keyCtrlO,
	{Code: tea.KeyLeft}, {Code: tea.KeyUp}, {Code: tea.KeyBackspace}, {Code: tea.KeyDelete},
	{Code: tea.KeyHome}, {Code: tea.KeyEnd}, {Code: tea.KeyPgUp}, {Code: tea.KeyPgDown},
	{Code: tea.KeySpace, Text: " "}, {Code: tea.KeyEnter, Mod: tea.ModAlt},
	{Code: 's', Mod: tea.ModCtrl}, {Code: 'e', Mod: tea.ModCtrl}, {Code: 'z', Mod: tea.ModCtrl},
	letter('a'), letter('i'), letter('f'), letter('y'), letter('n'), letter('*'), letter('?'),
	letter('1'), letter('4'), letter('+'), letter('q'), letter('x'), letter('é'), letter('界'),
}

// FuzzRootModel is the reliability suite's random input (issue 12, part
// 8): any sequence of keys, pastes and resizes into the workbook's root.
// Each byte picks what happens next: a key, a resize to the sizes the
// next two bytes give, or a paste of the bytes that follow. Nothing may
// panic, and at or above the smallest size no line is wider than the
// window. Quitting keys (ctrl+c) are left out: the harness would stop.
func FuzzRootModel(f *testing.F) {
	f.Add([]byte{0, 't', 'e', 'x', 't', 1, 200, 60, 2, 3, 4})
	f.Add([]byte{0, 2, 2, 2, 1, 10, 5, 1, 90, 30, 100, 101, 102})
	f.Add([]byte{0, 1, 255, 255, 3, 'P', 'a', 's', 't', 'e', '\n', 0, 4, 5, 6, 7, 8, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		h := newHarness(t, 80, 24)
		w, hgt := 80, 24
		for i := 0; i < len(data) && i < 400; i++ {
			switch b := data[i]; {
			case b == 1 && i+2 < len(data):
				w, hgt = int(data[i+1])%241, int(data[i+2])%81
				h.send(tea.WindowSizeMsg{Width: w, Height: hgt})
				i += 2
			case b == 3 && i+1 < len(data):
				n := min(int(data[i+1]), len(data)-i-2)
				h.send(tea.PasteMsg{Content: string(data[i+2 : i+2+n])})
				i += 1 + n
			default:
				h.send(fuzzKeys[int(b)%len(fuzzKeys)])
			}
			if h.quit {
				return
			}
		}
		if w < MinWidth || hgt < MinHeight {
			return
		}
		for _, l := range strings.Split(h.view(), "\n") {
			if lw := lipgloss.Width(l); lw > w {
				t.Fatalf("at %dx%d a line is %d wide: %q", w, hgt, lw, l)
			}
		}
	})
}
