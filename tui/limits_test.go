package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// The limits on what a runner can type are checked on every text field,
// through the root, the way the runner meets them: what does not fit is
// refused whole, and the one status line says why.

var (
	keyCtrlM     = tea.KeyPressMsg{Code: 'm', Mod: tea.ModCtrl}
	keySpace     = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	keyBackspace = tea.KeyPressMsg{Code: tea.KeyBackspace}
)

// lines returns n lines of "x".
func lines(n int) string { return strings.Repeat("x\n", n-1) + "x" }

// refused checks that the status line shows a refusal saying want.
func (h *harness) refused(want string) {
	h.t.Helper()
	r := h.root()
	if r.statusKind != statusRefusal || !strings.Contains(r.status, want) {
		h.t.Errorf("status line = %q (kind %d), want a refusal saying %q", r.status, r.statusKind, want)
	}
	h.mustShow(want)
}

// notRefused checks that no refusal is left in the status line.
func (h *harness) notRefused() {
	h.t.Helper()
	if r := h.root(); r.statusKind == statusRefusal {
		h.t.Errorf("a refusal outlived the next key taken in: %q", r.status)
	}
}

// textField is a text area somewhere in the workbook: how to put the cursor
// in it, and how to read what it holds on disk.
type textField struct {
	name string
	open func(h *harness)
	read func(wb workbook.Snapshot) string
}

var textFields = []textField{
	{
		name: "reflection answer",
		open: func(h *harness) { h.send(keyEnter) },
		read: func(wb workbook.Snapshot) string { return wb.Answers["numbers-or-feelings"].Text },
	},
	{
		name: "value serve",
		open: func(h *harness) { h.send(common.GoTo(common.Values), keySpace, keyEnter) },
		read: func(wb workbook.Snapshot) string { return wb.Values[0].Serve },
	},
	{
		name: "value experiment",
		open: func(h *harness) { h.send(common.GoTo(common.Values), keySpace, keyEnter, keyTab) },
		read: func(wb workbook.Snapshot) string { return wb.Values[0].Experiment },
	},
	{
		name: "theme notes",
		open: func(h *harness) { h.send(common.GoTo(common.Themes), keyTab) },
		read: func(wb workbook.Snapshot) string { return wb.Themes.Notes },
	},
	{
		name: "goal",
		open: func(h *harness) { h.send(common.GoTo(common.Goals), letter('a')) },
		read: func(wb workbook.Snapshot) string {
			if len(wb.Goals) != 1 {
				return fmt.Sprintf("(%d goals)", len(wb.Goals))
			}
			return wb.Goals[0].Text
		},
	},
}

// TestEveryTextAreaHoldsItsLineLimitAgainstEveryNewlineKey: the Bubbles
// text area makes a new line on enter and on ctrl+m. Checking the limit
// against enter alone let a 10,001st line in without a word.
func TestEveryTextAreaHoldsItsLineLimitAgainstEveryNewlineKey(t *testing.T) {
	full := lines(common.MaxAnswerLines)
	for _, f := range textFields {
		t.Run(f.name, func(t *testing.T) {
			h := newHarness(t, 100, 30)
			f.open(h)
			h.send(tea.PasteMsg{Content: full})
			if got := f.read(h.workbook()); got != full {
				t.Fatalf("a paste of exactly %d lines was not kept (%d lines)", common.MaxAnswerLines, strings.Count(got, "\n")+1)
			}
			for _, k := range []tea.KeyPressMsg{keyEnter, keyCtrlM} {
				h.send(k)
				if got := f.read(h.workbook()); got != full {
					t.Errorf("%s past the line limit made %d lines", k, strings.Count(got, "\n")+1)
				}
				h.refused(fmt.Sprintf("one answer holds at most %d lines", common.MaxAnswerLines))
				h.send(keyBackspace) // taken in: the refusal goes with it
				h.notRefused()
				h.send(letter('x'))
			}
		})
	}
}

// TestEveryTextAreaRefusesAPasteOverTheByteLimitWhole: nothing is cut to
// fit, and the runner is told.
func TestEveryTextAreaRefusesAPasteOverTheByteLimitWhole(t *testing.T) {
	for _, f := range textFields {
		t.Run(f.name, func(t *testing.T) {
			h := newHarness(t, 100, 30)
			f.open(h)
			h.typeText("kept")
			h.send(tea.PasteMsg{Content: strings.Repeat("y", common.MaxAnswerBytes)})
			if got := f.read(h.workbook()); got != "kept" {
				t.Errorf("a paste past the limit was let in (%d bytes)", len(got))
			}
			h.refused(fmt.Sprintf("past %d KB", common.MaxAnswerBytes>>10))
			h.typeText("!")
			h.notRefused()
			if got := f.read(h.workbook()); got != "kept!" {
				t.Errorf("after the refusal: %q", got)
			}
		})
	}
}

// lineField is a one-line field: how to open it, and what it holds once
// the runner is done with it.
type lineField struct {
	name  string
	limit int
	open  func(h *harness)
	// done finishes with the field and returns what it holds; nil when
	// nothing keeps it.
	done func(h *harness) string
}

var lineFields = []lineField{
	{
		name:  "value of one's own",
		limit: common.MaxNameRunes,
		open:  func(h *harness) { h.send(common.GoTo(common.Values), letter('a')) },
		done: func(h *harness) string {
			h.send(keyEnter)
			for _, v := range h.workbook().Values {
				if v.Own {
					return v.Name
				}
			}
			return ""
		},
	},
	{
		name:  "theme of one's own",
		limit: common.MaxNameRunes,
		open:  func(h *harness) { h.send(common.GoTo(common.Themes), letter('a')) },
		done: func(h *harness) string {
			h.send(keyEnter)
			if own := h.workbook().Themes.Own; len(own) == 1 {
				return own[0].Name
			}
			return ""
		},
	},
	{
		name:  "motivation",
		limit: common.MaxLineRunes,
		open:  func(h *harness) { h.send(common.GoTo(common.Themes), keyTab, keyTab) },
		done:  func(h *harness) string { return h.workbook().Themes.Motivation },
	},
	{
		name:  "idea search",
		limit: common.MaxLineRunes,
		open:  func(h *harness) { h.send(common.GoTo(common.Goals), letter('i'), letter('/')) },
		// The search is not kept anywhere; the field scrolls, so only the
		// refusal and the view can be checked.
	},
	{
		name:  "an idea's blank",
		limit: common.MaxLineRunes,
		open: func(h *harness) {
			h.send(common.GoTo(common.Goals), letter('i'), letter('/'))
			h.typeText("best time on")
			h.send(keyEnter, keyEnter)
			h.mustShow("Fill in the idea", "favourite route")
		},
		done: func(h *harness) string {
			h.send(keyEnter)
			if g := h.workbook().Goals; len(g) == 1 {
				return strings.TrimPrefix(g[0].Text, "Beat your own best time on ")
			}
			return ""
		},
	},
	{
		name:  "why a goal was let go",
		limit: common.MaxLineRunes,
		open: func(h *harness) {
			h.send(common.GoTo(common.Goals), letter('a'))
			h.typeText("Ultra")
			h.send(keyEsc, letter('s'), keyDown, keyDown, keyDown, keyEnter)
			h.mustShow("Why let it go?")
		},
		done: func(h *harness) string {
			h.send(keyEnter)
			wb := h.workbook()
			evs, _, _ := h.st.GoalHistory(wb.Season.ID, wb.Goals[0].ID, "", 1, true)
			if len(evs) == 1 {
				return evs[0].Why
			}
			return ""
		},
	},
	{
		name:  "how reaching a goal felt",
		limit: common.MaxLineRunes,
		open: func(h *harness) {
			h.send(common.GoTo(common.Goals), letter('a'))
			h.typeText("Parkrun")
			h.send(keyEsc, letter('s'), keyDown, keyDown, keyEnter)
			h.mustShow("You reached it.")
		},
		done: func(h *harness) string {
			h.send(keyEnter)
			return h.workbook().Goals[0].Reached.Felt
		},
	},
	{
		name:  "a new season's name",
		limit: common.MaxNameRunes,
		open:  func(h *harness) { h.send(common.GoTo(common.NewSeason), keyTab) },
		done: func(h *harness) string {
			h.send(keyTab, keyTab, keyEnter)
			return h.workbook().Season.Name
		},
	},
	{
		name:  "why a new season, in one's own words",
		limit: common.MaxLineRunes,
		open: func(h *harness) {
			h.send(common.GoTo(common.NewSeason), keyDown, keyDown, keyDown, keyDown, keyDown)
		},
		done: func(h *harness) string {
			h.send(keyTab, keyTab, keyTab, keyEnter)
			return h.workbook().Season.Reason
		},
	},
}

// TestEveryLineFieldRefusesWhatWouldTakeItPastItsLimit: a one-line field
// takes a paste folded onto one line, but never past its limit, and never
// cut.
func TestEveryLineFieldRefusesWhatWouldTakeItPastItsLimit(t *testing.T) {
	for _, f := range lineFields {
		t.Run(f.name, func(t *testing.T) {
			h := newHarness(t, 100, 30)
			f.open(h)
			h.typeText("Hill")
			h.send(tea.PasteMsg{Content: strings.Repeat("long words\r\n", f.limit)})
			h.refused(fmt.Sprintf("holds up to %d characters", f.limit))
			if strings.Contains(h.view(), "long words") {
				t.Error("the paste was let in")
			}
			h.send(tea.PasteMsg{Content: strings.Repeat("s", f.limit-len("Hill"))}) // exactly fits
			h.notRefused()
			h.send(letter('z'))
			h.refused(fmt.Sprintf("holds up to %d characters", f.limit))
			if f.done == nil {
				return
			}
			if got, want := f.done(h), "Hill"+strings.Repeat("s", f.limit-len("Hill")); got != want {
				t.Errorf("holds %q (%d characters), want %d characters", common.Truncate(got, 40), len(got), len(want))
			}
		})
	}
}
