package textbox

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The differential tests drive the Bubbles textarea and a Model with the
// same messages and require the same text, the same cursor and, while the
// two viewports agree, the same screen with colours stripped.
//
// Deliberate differences, excluded explicitly and counted:
//
//   - overflow: a word broken before a wide or joining rune so that no row
//     is wider than the width (layout.broke). Bubbles lets that row overflow
//     and cuts it when drawing; rows, vertical moves and the screen differ
//     from then on, so the run stops after comparing the text of that step.
//   - viewport: Bubbles keeps its scroll offset when rows are deleted below
//     it and shows empty rows while text is hidden above; a Model slides
//     back to fill its height. Once the offsets differ, and only in that
//     way, the run stops comparing screens and stops pressing page keys
//     (which move by the offset).
//   - bubbles panic: an empty selection's stale anchor, or a cursor on a
//     space dropped from a full row, makes Bubbles index out of range; the
//     run stops there.
//   - cluster: a Model moves and deletes a grapheme cluster at a time
//     (cluster.go), Bubbles a rune at a time. A key that would step over,
//     delete or swap a cluster of more than one rune, or move up or down
//     near one, stops the run before it is sent (touchesCluster).

// press builds the key message a terminal sends for name: a key name as
// tea.KeyPressMsg.String spells it, or text.
func press(name string) tea.KeyPressMsg {
	named := map[string]rune{
		"enter": tea.KeyEnter, "backspace": tea.KeyBackspace, "delete": tea.KeyDelete,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
		"tab": tea.KeyTab,
	}
	mods := map[string]tea.KeyMod{"ctrl": tea.ModCtrl, "alt": tea.ModAlt, "shift": tea.ModShift}
	parts := strings.Split(name, "+")
	var mod tea.KeyMod
	for len(parts) > 1 {
		m, ok := mods[parts[0]]
		if !ok {
			break
		}
		mod |= m
		parts = parts[1:]
	}
	base := strings.Join(parts, "+")
	if code, ok := named[base]; ok {
		return tea.KeyPressMsg{Code: code, Mod: mod}
	}
	if base == "space" {
		return tea.KeyPressMsg{Code: ' ', Text: " ", Mod: mod}
	}
	r := []rune(base)[0]
	if mod != 0 && mod != tea.ModShift {
		return tea.KeyPressMsg{Code: r, Mod: mod}
	}
	return tea.KeyPressMsg{Code: r, Text: base, Mod: mod}
}

func TestPressSpellsKeys(t *testing.T) {
	for _, name := range []string{"enter", "alt+backspace", "ctrl+u", "ctrl+shift+c", "alt+shift+left", "ctrl+home", "alt+<", "space", "中", "pgdown"} {
		if got := press(name).String(); got != name {
			t.Errorf("press(%q).String() = %q", name, got)
		}
	}
}

// config sets up both text areas alike.
type config struct {
	name          string
	width, height int
	placeholder   string
	bubblesLike   bool // the Bubbles defaults: line numbers, MaxHeight 99, MaxWidth 500
	// Limits cairn leaves at 0, set on both before sizing.
	charLimit, maxHeight int
}

func (c config) build() (textarea.Model, Model) {
	var (
		ta textarea.Model
		tb Model
	)
	if c.bubblesLike {
		ta, tb = textarea.New(), New()
		ta.Placeholder, tb.Placeholder = c.placeholder, c.placeholder
		tb.ShowLineNumbers, tb.MaxHeight, tb.MaxWidth = true, 99, 500
	} else {
		ta, tb = cairnTextArea(c.placeholder), cairnBox(c.placeholder)
	}
	if c.charLimit > 0 {
		ta.CharLimit, tb.CharLimit = c.charLimit, c.charLimit
	}
	if c.maxHeight > 0 {
		ta.MaxHeight, tb.MaxHeight = c.maxHeight, c.maxHeight
	}
	ta.SetWidth(c.width)
	tb.SetWidth(c.width)
	ta.SetHeight(c.height)
	tb.SetHeight(c.height)
	ta.Focus()
	tb.Focus()
	return ta, tb
}

// The tests set both text areas up as common.NewTextArea does, with the
// styles common.NewStyles gives a dark terminal. They do not call them:
// once common builds its text areas on this package, a test here that
// imported common would be an import cycle.

func cairnStyles() textarea.Styles {
	s := textarea.DefaultStyles(true)
	for _, st := range []*textarea.StyleState{&s.Focused, &s.Blurred} {
		st.CursorLine = lipgloss.NewStyle()
		st.Text = lipgloss.NewStyle().Foreground(lipgloss.Color("#e4e1da"))
		st.Placeholder = lipgloss.NewStyle().Foreground(lipgloss.Color("#8f8a80")).Italic(true)
		st.EndOfBuffer = lipgloss.NewStyle().Foreground(lipgloss.Color("#4a4741"))
	}
	s.Focused.Prompt = lipgloss.NewStyle().Foreground(lipgloss.Color("#86bfae"))
	s.Blurred.Prompt = lipgloss.NewStyle().Foreground(lipgloss.Color("#4a4741"))
	s.Blurred.Text = lipgloss.NewStyle().Foreground(lipgloss.Color("#8f8a80"))
	s.Cursor.Color = lipgloss.Color("#86bfae")
	s.Cursor.Blink = false
	return s
}

// cairnTextArea is the Bubbles textarea as cairn sets it up.
func cairnTextArea(placeholder string) textarea.Model {
	ta := textarea.New()
	ta.Prompt = "│ "
	ta.ShowLineNumbers = false
	ta.Placeholder = placeholder
	ta.EndOfBufferCharacter = ' '
	ta.MaxHeight, ta.CharLimit, ta.MaxWidth = 0, 0, 0
	ta.KeyMap.Paste.SetEnabled(false)
	ta.SetStyles(cairnStyles())
	return ta
}

// cairnBox is a Model set up alike.
func cairnBox(placeholder string) Model {
	tb := New()
	tb.Prompt = "│ "
	tb.ShowLineNumbers = false
	tb.Placeholder = placeholder
	tb.EndOfBufferCharacter = ' '
	tb.MaxHeight, tb.CharLimit, tb.MaxWidth = 0, 0, 0
	tb.KeyMap.Paste.SetEnabled(false)
	tb.SetStyles(cairnStyles())
	return tb
}

// stop says why a run ended early.
type stop int

const (
	goOn stop = iota
	stopOverflow
	stopBubblesPanic
	stopCluster
)

// multi reports a cluster of more than one rune anywhere in rs.
func multi(rs []rune) bool {
	for i := 0; i < len(rs); i = clusterEnd(rs, i) {
		if clusterEnd(rs, i) > i+1 {
			return true
		}
	}
	return false
}

// touchesCluster reports whether msg is a key that acts a cluster at a
// time and would meet a cluster of more than one rune, where a Model and
// Bubbles part by design.
func (p *pair) touchesCluster(msg tea.Msg) bool {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	st, km := p.tb.st, &p.tb.KeyMap
	rs := st.cur()
	col := clampCol(st.col, rs)
	before := col > 0 && prevBoundary(rs, col) < col-1
	after := col < len(rs) && clusterEnd(rs, col) > col+1
	switch {
	case key.Matches(k, km.CharacterBackward, km.DeleteCharacterBackward, km.SelectCharacterBackward):
		return before
	case key.Matches(k, km.CharacterForward, km.DeleteCharacterForward, km.SelectCharacterForward):
		return after
	case key.Matches(k, km.TransposeCharacterBackward):
		return before || after || col == len(rs) && col > 1 && prevBoundary(rs, prevBoundary(rs, col)) < col-2
	case key.Matches(k, km.LineNext, km.LinePrevious, km.SelectLineUp, km.SelectLineDown, km.PageUp, km.PageDown):
		for _, l := range st.lines {
			if multi(l.r) {
				return true
			}
		}
	case key.Matches(k, km.WordForward, km.WordBackward, km.SelectWordForward, km.SelectWordBackward):
		// A word found rune by rune can begin inside a cluster: an accent
		// joined to the space before it. The cursor lands on its start.
		for _, l := range st.lines {
			for i, r := range l.r {
				if isSpace(r) && clusterEnd(l.r, i) > i+1 {
					return true
				}
			}
		}
	}
	return false
}

// pair is one differential run.
type pair struct {
	t        testing.TB
	cfg      config
	ta       textarea.Model
	tb       Model
	steps    []string
	diverged bool // the viewports differ, as they may by design

	sent              int // messages sent
	compared, screens int // steps compared, screens compared
	splitSkips        int // screens not compared, see splitsCluster
}

// splitsCluster reports whether Bubbles draws the cursor or a selection
// edge inside a grapheme cluster in a way that makes the pieces wider than
// the whole (a joined emoji falls apart into its parts). Bubbles then cuts
// the row short; a Model draws the cursor over the whole cluster. The
// screens differ by design there.
func (p *pair) splitsCluster() bool {
	st := p.tb.st
	if splits(st.cur(), st.col, st.col+1) {
		return true
	}
	start, end, ok := st.selection()
	return ok && (splits(st.lines[start.Row].r, start.Col) || splits(st.lines[end.Row].r, end.Col))
}

// splits reports whether measuring rs cut at the given rune indexes gives
// a different width than measuring it whole.
func splits(rs []rune, cuts ...int) bool {
	sum, from := 0, 0
	for _, c := range cuts {
		c = max(from, min(c, len(rs)))
		sum += ansi.StringWidth(string(rs[from:c]))
		from = c
	}
	sum += ansi.StringWidth(string(rs[from:]))
	return sum != ansi.StringWidth(string(rs))
}

func newPair(t testing.TB, cfg config) *pair {
	ta, tb := cfg.build()
	p := &pair{t: t, cfg: cfg, ta: ta, tb: tb}
	p.check("start", true)
	p.compared, p.screens = 0, 0
	return p
}

func (p *pair) fail(format string, args ...any) {
	p.t.Helper()
	p.t.Fatalf("%s: %s\nsteps:\n  %s", p.cfg.name, fmt.Sprintf(format, args...), strings.Join(p.steps, "\n  "))
}

// broke reports whether any line of the Model's text is laid out unlike
// Bubbles (see layout.broke).
func (p *pair) broke() bool {
	st := p.tb.st
	for i := range st.lines {
		if st.lay(i).broke() {
			return true
		}
	}
	return false
}

func describe(msg tea.Msg) string {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return fmt.Sprintf("key %q", msg.String())
	case tea.PasteMsg:
		return fmt.Sprintf("paste %q", msg.Content)
	}
	return fmt.Sprintf("%T", msg)
}

// nudge is a message neither text area acts on; Bubbles scrolls to its
// cursor on any Update.
type nudge struct{}

// setValue opens text as the reflection screen does: SetValue, then
// MoveToEnd. Bubbles does not scroll to the cursor until its next Update (a
// Model always shows it); that is checked, then a neutral message brings
// Bubbles into line.
func (p *pair) setValue(text string) stop {
	p.t.Helper()
	p.steps = append(p.steps, fmt.Sprintf("SetValue %q, MoveToEnd", text))
	p.ta.SetValue(text)
	p.tb.SetValue(text)
	p.ta.MoveToEnd()
	p.tb.MoveToEnd()
	p.check("SetValue", false)
	_ = p.ta.View()
	st := p.tb.st
	cr, a, b := st.cursorRow(), p.ta.ScrollYOffset(), p.tb.ScrollYOffset()
	if b > cr || cr >= b+st.height {
		p.fail("after SetValue: textbox hides its cursor row %d at offset %d", cr, b)
	}
	if a != b && a <= cr && cr < a+st.height {
		p.fail("after SetValue: scroll offset bubbles %d, textbox %d, both show the cursor row %d", a, b, cr)
	}
	return p.send(nudge{})
}

// send applies msg to both and compares. It reports why the run must stop,
// if it must.
func (p *pair) send(msg tea.Msg) (why stop) {
	p.t.Helper()
	if p.touchesCluster(msg) {
		return stopCluster
	}
	p.steps = append(p.steps, describe(msg))
	p.sent++
	panicked := func() (panicked bool) {
		defer func() {
			if recover() != nil {
				panicked = true
			}
		}()
		p.ta, _ = p.ta.Update(msg)
		_ = p.ta.View()
		return false
	}()
	if panicked {
		return stopBubblesPanic
	}
	p.tb, _ = p.tb.Update(msg)
	if p.broke() {
		p.check(describe(msg), false)
		return stopOverflow
	}
	p.check(describe(msg), true)
	return goOn
}

// check compares the text and cursor, and with layout the rows, the scroll
// offset and the screen.
func (p *pair) check(step string, layout bool) {
	p.t.Helper()
	if a, b := p.ta.Value(), p.tb.Value(); a != b {
		p.fail("after %s: value\nbubbles %q\ntextbox %q", step, a, b)
	}
	if a, b := [2]int{p.ta.Line(), p.ta.Column()}, [2]int{p.tb.Line(), p.tb.Column()}; a != b {
		p.fail("after %s: cursor (line, column) bubbles %v, textbox %v", step, a, b)
	}
	if b, s := len(p.tb.Value()), p.tb.Len(); b != s {
		p.fail("after %s: Len %d, len(Value) %d", step, s, b)
	}
	if f, w := len(strings.Fields(p.tb.Value())), p.tb.Words(); f != w {
		p.fail("after %s: Words %d, strings.Fields %d", step, w, f)
	}
	if !layout {
		return
	}
	p.compared++
	if a, b := p.ta.LineInfo(), p.tb.LineInfo(); a != b {
		p.fail("after %s: line info\nbubbles %+v\ntextbox %+v", step, a, b)
	}
	if p.diverged {
		return
	}
	a, b := p.ta.ScrollYOffset(), p.tb.ScrollYOffset()
	if a != b {
		// The one allowed difference: Bubbles scrolled past the point
		// where its last row fills the bottom of the view.
		st := p.tb.st
		fill := max(0, st.totalRows-st.height)
		if b != fill || a <= fill {
			p.fail("after %s: scroll offset bubbles %d, textbox %d (rows %d, height %d)", step, a, b, st.totalRows, st.height)
		}
		p.diverged = true
		return
	}
	if p.splitsCluster() {
		p.splitSkips++
		return
	}
	p.screens++
	if va, vb := ansi.Strip(p.ta.View()), ansi.Strip(p.tb.View()); va != vb {
		p.fail("after %s: view\nbubbles:\n%s\ntextbox:\n%s", step, frame(va), frame(vb))
	}
}

func frame(v string) string {
	return "|" + strings.ReplaceAll(v, "\n", "|\n|") + "|"
}

// Runes and texts the random runs type: mostly letters and spaces, with
// wide runes, joined emoji, combining marks and odd spaces.
var texts = []string{
	"a", "b", "c", "d", "e", "o", "x", "y", "z", "A", "Q", ".", ",", "-", "'",
	"中", "文", "字", "한", "😀", "👨\u200d👩\u200d👧", "e\u0301", "\u0301", "\u00a0", "\u3000",
}

// joining are the texts that make clusters of more than one rune, where
// cursor keys part from Bubbles by design.
var joining = []string{"👨\u200d👩\u200d👧", "e\u0301", "\u0301"}

func randomText(r *rand.Rand, n int, breaks, clusters bool) string {
	var b strings.Builder
	for range n {
		switch k := r.IntN(20); {
		case k < 5:
			b.WriteByte(' ')
		case breaks && k == 5:
			b.WriteString([]string{"\n", "\n", "\t", "\r\n"}[r.IntN(4)])
		case k < 15:
			b.WriteString(texts[r.IntN(15)])
		default:
			t := texts[r.IntN(len(texts))]
			for !clusters && slices.Contains(joining, t) {
				t = texts[r.IntN(len(texts))]
			}
			b.WriteString(t)
		}
	}
	return b.String()
}

// editKeys are the keys random runs press besides text.
var editKeys = []string{
	"enter", "enter", "backspace", "backspace", "backspace", "delete", "ctrl+d", "ctrl+h",
	"ctrl+u", "ctrl+k", "ctrl+w", "alt+backspace", "alt+d", "alt+delete",
	"left", "right", "up", "down", "up", "down", "ctrl+a", "ctrl+e", "home", "end",
	"alt+left", "alt+right", "ctrl+left", "ctrl+right", "alt+f", "alt+b", "ctrl+p", "ctrl+n",
	"ctrl+home", "ctrl+end", "alt+<", "alt+>",
	"alt+c", "alt+l", "alt+u", "ctrl+t", "tab",
}

var pageKeys = []string{"pgup", "pgdown"}

var selectKeys = []string{"shift+left", "shift+right", "shift+up", "shift+down", "alt+shift+left", "alt+shift+right", "ctrl+g"}

func randomMsg(r *rand.Rand, pages, selecting, clusters bool) tea.Msg {
	switch k := r.IntN(100); {
	case k < 45:
		return press(randomText(r, 1, false, clusters))
	case k < 50:
		return tea.PasteMsg{Content: randomText(r, r.IntN(40), true, clusters)}
	case k < 55 && pages:
		return press(pageKeys[r.IntN(len(pageKeys))])
	case k < 58 && selecting:
		return press(selectKeys[r.IntN(len(selectKeys))])
	default:
		return press(editKeys[r.IntN(len(editKeys))])
	}
}

func TestDifferentialRandom(t *testing.T) {
	runs, steps := 200, 120
	if testing.Short() {
		runs = 40
	}
	var (
		compared, screens, total, splitSkips int
		stops                                = map[stop]int{}
	)
	for seed := range runs {
		r := rand.New(rand.NewPCG(uint64(seed), 7))
		cfg := config{
			name:        fmt.Sprintf("seed %d", seed),
			width:       3 + r.IntN(28),
			height:      1 + r.IntN(8),
			bubblesLike: seed%5 == 4,
		}
		if r.IntN(3) == 0 {
			cfg.placeholder = "Write whatever comes up."
		}
		p := newPair(t, cfg)
		why := goOn
		// A third of the runs type joined emoji and accents too, and
		// stop at the first key that meets one (stopCluster); the others
		// go on with wide runes and odd spaces.
		clusters := seed%3 == 0
		if r.IntN(3) == 0 {
			why = p.setValue(randomText(r, r.IntN(120), true, clusters))
		}
		for step := 0; step < steps && why == goOn; step++ {
			// Half the runs select: a selection left empty keeps a
			// stale anchor that can make Bubbles panic (stopBubblesPanic).
			why = p.send(randomMsg(r, !p.diverged, seed%2 == 0, clusters))
		}
		stops[why]++
		total += p.sent
		compared += p.compared
		screens += p.screens
		splitSkips += p.splitSkips
	}
	t.Logf("%d runs, %d steps: %d compared with rows, %d screens compared, %d screens skipped for a split cluster; runs stopped by overflow %d, by a Bubbles panic %d, by a key meeting a cluster %d",
		runs, total, compared, screens, splitSkips, stops[stopOverflow], stops[stopBubblesPanic], stops[stopCluster])
	// The exclusions must stay exceptions, or the test proves little.
	if compared < total*3/4 || screens < total/2 {
		t.Errorf("too little compared: %d of %d steps, %d screens", compared, total, screens)
	}
}

// typed is text as a terminal sends it when typed: one key per grapheme
// cluster, enter for a line break.
func typed(s string) []tea.Msg {
	var out []tea.Msg
	for s != "" {
		c, _ := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		s = s[len(c):]
		switch c {
		case "\n":
			out = append(out, press("enter"))
		case " ":
			out = append(out, press("space"))
		default:
			out = append(out, press(c))
		}
	}
	return out
}

// keyMsgs are named keys as messages.
func keyMsgs(names ...string) []tea.Msg {
	out := make([]tea.Msg, len(names))
	for i, n := range names {
		out[i] = press(n)
	}
	return out
}

func repeat(n int, names ...string) []tea.Msg {
	var out []tea.Msg
	for range n {
		out = append(out, keyMsgs(names...)...)
	}
	return out
}

// TestDifferentialScripts runs edits a writer makes, one script at a time,
// through the same comparison as the random runs.
func TestDifferentialScripts(t *testing.T) {
	family := "👨\u200d👩\u200d👧"
	paragraph := "I ran the long loop by the river today and my legs felt heavy at first but easy by the end"
	for _, c := range []struct {
		cfg      config
		script   [][]tea.Msg
		diverges bool // the deliberate viewport difference must show
	}{
		// Keys that would step over a joined emoji or an accent part from
		// Bubbles by design (TestTheCursorMovesByCluster); around them
		// the two agree.
		{config{name: "wide runes, joined emoji and accents", width: 12, height: 4}, [][]tea.Msg{
			typed("中文 字 😀 " + family + " e\u0301x 한국"),
			keyMsgs("left", "left", "left", "backspace", "alt+backspace", "ctrl+a", "delete"),
			keyMsgs("ctrl+e", "alt+b", "alt+b", "alt+f"),
			typed("ok"),
		}, false},
		{config{name: "wide runes up and down", width: 12, height: 4}, [][]tea.Msg{
			typed("中文 字 😀 한국 ab 中文 字x"),
			keyMsgs("ctrl+e", "up", "down", "up", "right", "right", "down", "alt+b", "alt+b", "alt+f"),
			typed("ok"),
		}, false},
		{config{name: "word moves and deletes across lines", width: 30, height: 5}, [][]tea.Msg{
			typed("first line here\n  second   line\n\nfourth"),
			repeat(10, "alt+b"), repeat(10, "alt+f"),
			keyMsgs("ctrl+home", "down", "ctrl+w", "ctrl+w", "end", "alt+d", "alt+d", "alt+delete"),
			keyMsgs("ctrl+left", "ctrl+right", "alt+<", "alt+>", "ctrl+w"),
		}, false},
		{config{name: "ctrl+u and ctrl+k at the edges", width: 20, height: 3}, [][]tea.Msg{
			typed("alpha beta\ngamma delta\nepsilon"),
			keyMsgs("ctrl+k", "ctrl+u", "ctrl+u", "ctrl+k", "up", "ctrl+a", "ctrl+k", "ctrl+k", "ctrl+u"),
		}, false},
		{config{name: "paste with line breaks and tabs in a line", width: 24, height: 6}, [][]tea.Msg{
			typed("before after"),
			repeat(5, "left"),
			{tea.PasteMsg{Content: "one\ttwo\nthree\r\nfour"}},
			keyMsgs("up", "up", "end"),
			{tea.PasteMsg{Content: ""}, tea.PasteMsg{Content: "\n"}},
		}, false},
		{config{name: "up and down keep the column over wrapped rows", width: 14, height: 4}, [][]tea.Msg{
			typed(paragraph + "\nshort\n" + paragraph),
			repeat(12, "up"), repeat(3, "left"), repeat(15, "down"), repeat(4, "ctrl+p"), repeat(4, "ctrl+n"),
		}, false},
		{config{name: "wide runes over wrapped rows", width: 9, height: 3}, [][]tea.Msg{
			typed("中文字 中文字 ab 中文 字x 😀😀 a"),
			repeat(6, "up"), repeat(2, "right"), repeat(6, "down"), repeat(3, "up"),
		}, false},
		{config{name: "page keys", width: 20, height: 5}, [][]tea.Msg{
			typed(strings.Join(numbered(0, 20), "\n")),
			keyMsgs("pgup", "pgup", "pgup", "pgup", "pgdown", "pgdown", "down", "pgdown", "pgup", "pgdown", "pgdown", "pgdown"),
		}, false},
		{config{name: "selection then typing and deleting", width: 20, height: 4}, [][]tea.Msg{
			typed("select some words\nacross lines"),
			keyMsgs("ctrl+home", "shift+right", "shift+right", "shift+right"), typed("x"),
			keyMsgs("alt+shift+right", "shift+down", "backspace", "shift+left", "shift+left", "delete"),
			keyMsgs("ctrl+g", "delete"), typed("again"), keyMsgs("ctrl+g", "ctrl+k"),
		}, false},
		{config{name: "transpose and case", width: 20, height: 3}, [][]tea.Msg{
			typed("hello world again"),
			keyMsgs("ctrl+t", "ctrl+a", "alt+u", "alt+l", "ctrl+a", "alt+c", "alt+c", "ctrl+t", "right", "ctrl+t"),
		}, false},
		{config{name: "delete at a line's last rune joins the next line, as in Bubbles", width: 20, height: 3}, [][]tea.Msg{
			typed("ab\ncd"),
			keyMsgs("up", "ctrl+a", "right", "delete", "delete", "delete"),
		}, false},
		{config{name: "Bubbles defaults, line numbers", width: 30, height: 6, bubblesLike: true}, [][]tea.Msg{
			typed(strings.Join(numbered(0, 12), "\n") + " and a long last line that wraps"),
			keyMsgs("ctrl+home", "down", "pgdown", "end", "enter"),
		}, false},
		// "a中" fills the 3-cell row; the space after it would be a
		// fourth cell and is not drawn.
		{config{name: "a space after a full row is dropped", width: 5, height: 4}, [][]tea.Msg{
			typed("a中 b"), keyMsgs("left", "up", "down"),
		}, false},
		// Limits cairn does not use, kept as Bubbles has them: CharLimit
		// counts cells and line breaks and cuts what does not fit;
		// MaxHeight caps the height and stops enter at that many lines.
		{config{name: "CharLimit and MaxHeight", width: 20, height: 6, charLimit: 12, maxHeight: 3}, [][]tea.Msg{
			typed("ab 中文\ncd\nef\ngh"), {tea.PasteMsg{Content: "0123456789"}},
			keyMsgs("ctrl+home", "ctrl+k", "ctrl+k"), {tea.PasteMsg{Content: "wxyz"}}, typed("\n\n\n"),
		}, false},
		{config{name: "placeholder, emptied and filled", width: 20, height: 3, placeholder: "Write whatever comes up."}, [][]tea.Msg{
			typed("a b"), repeat(3, "backspace"), typed("c"), keyMsgs("ctrl+u", "backspace"),
		}, false},
		// Deleting lines from the bottom of a scrolled view: Bubbles keeps
		// its offset and shows blank rows; the textbox slides down.
		{config{name: "deleting back from the bottom", width: 40, height: 18}, [][]tea.Msg{
			typed(strings.Join(numbered(0, 30), "\n")),
			repeat(20, "ctrl+u", "backspace"),
		}, true},
	} {
		t.Run(c.cfg.name, func(t *testing.T) {
			p := newPair(t, c.cfg)
			for _, part := range c.script {
				for _, msg := range part {
					if why := p.send(msg); why != goOn {
						t.Fatalf("script stopped (%d): it should stay clear of the excluded cases", why)
					}
				}
			}
			if p.diverged != c.diverges {
				t.Errorf("viewports diverged: %v, want %v", p.diverged, c.diverges)
			}
		})
	}
}
