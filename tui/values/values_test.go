package values

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// shelf is a fake store that keeps the last list of values saved.
type shelf struct {
	mu   sync.Mutex
	last []workbook.ValueChoice
	n    int
}

func (s *shelf) SaveValues(_ string, v []workbook.ValueChoice) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.last, s.n = v, s.n+1
	return nil
}

func (s *shelf) saved() ([]workbook.ValueChoice, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last, s.n
}

func setup(t *testing.T, saved ...workbook.ValueChoice) (Model, *shelf) {
	t.Helper()
	return setupTicks(t, true, saved...)
}

// setupTicks builds the screen at 78x19 on a fake store. With ticks, the
// autosave tick fires at once; without, typing waits for a Flush.
func setupTicks(t *testing.T, ticks bool, saved ...workbook.ValueChoice) (Model, *shelf) {
	t.Helper()
	now := func() time.Time { return time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC) }
	env := common.Env{
		Season: "s", Ledger: common.NewLedger(), Styles: common.NewStyles(true), Now: now,
		Tick: func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			if !ticks {
				return nil
			}
			return func() tea.Msg { return fn(now()) }
		},
	}
	st := &shelf{}
	m := New(env, st, saved)
	m.SetSize(78, 19)
	return m, st
}

// send updates m with msgs and runs the commands that follow, returning
// the moves the screen asked for.
func send(m Model, msgs ...tea.Msg) (Model, []common.NavigateMsg) {
	var out []common.NavigateMsg
	for _, msg := range msgs {
		queue := []tea.Msg{msg}
		for len(queue) > 0 {
			var cmd tea.Cmd
			m, cmd = m.Update(queue[0])
			queue = queue[1:]
			if to, ok := m.TakeNavigation(); ok {
				out = append(out, to)
			}
			cmds := []tea.Cmd{cmd}
			for len(cmds) > 0 {
				c := cmds[0]
				cmds = cmds[1:]
				if c == nil {
					continue
				}
				switch r := c().(type) {
				case tea.BatchMsg:
					cmds = append(cmds, r...)
				case common.Routed:
					queue = append(queue, r)
				}
			}
		}
	}
	return m, out
}

func press(m Model, msgs ...tea.Msg) Model {
	m, _ = send(m, msgs...)
	return m
}

func text(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

var (
	tab      = tea.KeyPressMsg{Code: tea.KeyTab}
	shiftTab = tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	enter    = tea.KeyPressMsg{Code: tea.KeyEnter}
	esc      = tea.KeyPressMsg{Code: tea.KeyEscape}
	down     = tea.KeyPressMsg{Code: tea.KeyDown}
	up       = tea.KeyPressMsg{Code: tea.KeyUp}
	space    = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
)

func letter(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

// to moves the cursor to the catalog value id.
func to(t *testing.T, m Model, id string) Model {
	t.Helper()
	i := m.rowIndex(id)
	if i < 0 {
		t.Fatalf("no row %q", id)
	}
	for m.cursor > i {
		m = press(m, up)
	}
	for m.cursor < i {
		m = press(m, down)
	}
	return m
}

func view(m Model) string { return ansi.Strip(m.View()) }

func ids(v []workbook.ValueChoice) string {
	var out []string
	for _, c := range v {
		out = append(out, c.ID)
	}
	return strings.Join(out, ",")
}

func TestPickAndUnpickSaveAtOnce(t *testing.T) {
	m, st := setup(t)
	m = press(to(t, m, "calm"), space)
	m = press(to(t, m, "belonging"), enter) // enter picks a value not yet picked
	if last, _ := st.saved(); ids(last) != "calm,belonging" {
		t.Fatalf("saved %q, want calm,belonging", ids(last))
	}
	if m.Typing() {
		t.Error("enter on a value not yet picked should pick it, not open its writing")
	}
	m = press(to(t, m, "calm"), space) // nothing written: no question
	if last, _ := st.saved(); ids(last) != "belonging" || ids(m.Chosen()) != "belonging" {
		t.Errorf("after unpicking: saved %q, chosen %q", ids(last), ids(m.Chosen()))
	}
}

func TestUnpickingWritingAsksAndKeepsTheWordsForTheSession(t *testing.T) {
	calm := workbook.ValueChoice{ID: "calm", Serve: "Quiet evenings on the canal path.", Experiment: "No music."}
	m, st := setup(t, calm)
	m = press(to(t, m, "calm"), space)
	if !strings.Contains(view(m), "Unpick “Calm”?") || !m.KeyMap().Yes.Enabled() || m.KeyMap().Up.Enabled() {
		t.Fatalf("unpicking written words did not ask:\n%s", view(m))
	}
	m = press(m, letter('n'))
	if len(m.Chosen()) != 1 {
		t.Fatal("n unpicked the value")
	}
	m = press(m, space, esc)
	if len(m.Chosen()) != 1 {
		t.Fatal("esc unpicked the value")
	}
	m = press(m, space, letter('y'))
	if last, n := st.saved(); len(m.Chosen()) != 0 || len(last) != 0 || n == 0 {
		t.Fatalf("y did not unpick and save: chosen %v, saved %v", m.Chosen(), last)
	}
	m = press(m, space)
	if got := m.Chosen(); len(got) != 1 || got[0] != calm {
		t.Errorf("picking again brought back %+v, want %+v", got, calm)
	}
	if last, _ := st.saved(); len(last) != 1 || last[0] != calm {
		t.Errorf("saved %+v after picking again", last)
	}
}

func TestWritingInBothFieldsSaves(t *testing.T) {
	m, st := setup(t)
	m = press(to(t, m, "calm"), space, enter)
	if !m.Typing() || !m.KeyMap().Newline.Enabled() || m.KeyMap().Next.Enabled() {
		t.Fatal("enter on a picked value should open its serve field")
	}
	m = press(m, text("Quiet loops")...)
	m = press(m, enter)
	m = press(m, text("after work")...)
	m = press(m, tab)
	m = press(m, tea.PasteMsg{Content: "Run alone,\r\nno music"})
	want := workbook.ValueChoice{ID: "calm", Serve: "Quiet loops\nafter work", Experiment: "Run alone,\nno music"}
	if last, _ := st.saved(); len(last) != 1 || last[0] != want {
		t.Errorf("saved %+v, want %+v", last, want)
	}
	m, out := send(m, tab)
	if m.Typing() || len(out) != 0 {
		t.Errorf("tab past the experiment should come back to the list, not leave (moves %v)", out)
	}
	_, out = send(m, tab)
	if len(out) != 1 || out[0].To != common.NextStep(common.Values) {
		t.Errorf("tab on the list sent %v", out)
	}
}

func TestShiftTabWalksBackAndEscReturnsToTheList(t *testing.T) {
	m, _ := setup(t, workbook.ValueChoice{ID: "calm"})
	m = press(to(t, m, "calm"), enter, tab)
	if m.focus != partExperiment {
		t.Fatalf("focus %v after enter, tab", m.focus)
	}
	m = press(m, shiftTab)
	if m.focus != partServe {
		t.Errorf("shift+tab from the experiment went to %v", m.focus)
	}
	m, out := send(m, shiftTab)
	if m.focus != partList || len(out) != 0 {
		t.Errorf("shift+tab from the serve field: focus %v, moves %v", m.focus, out)
	}
	_, out = send(m, shiftTab)
	if len(out) != 1 || out[0].To != common.PrevStep(common.Values) {
		t.Errorf("shift+tab on the list sent %v", out)
	}
	m = press(m, enter, tab, esc)
	if m.focus != partList || m.Typing() {
		t.Error("esc did not come back to the list")
	}
}

func TestEachPickedValueShowsItsOwnWriting(t *testing.T) {
	m, _ := setup(t,
		workbook.ValueChoice{ID: "calm", Serve: "the canal path"},
		workbook.ValueChoice{ID: "health", Serve: "sleep better"})
	m = to(t, m, "health")
	if v := view(m); !strings.Contains(v, "sleep better") || strings.Contains(v, "canal") {
		t.Errorf("health's detail:\n%s", v)
	}
	m = press(to(t, m, "calm"), enter)
	m = press(m, text(", slowly")...)
	if got := m.Chosen()[0].Serve; got != "the canal path, slowly" {
		t.Errorf("calm's serve = %q", got)
	}
	if got := m.Chosen()[1].Serve; got != "sleep better" {
		t.Errorf("typing into calm changed health: %q", got)
	}
}

func TestSuggestionsSitUnderTheFields(t *testing.T) {
	m, _ := setup(t, workbook.ValueChoice{ID: "calm"})
	m.SetSize(118, 35)
	m = to(t, m, "calm")
	calm, _ := catalog.LookupValue("calm")
	// Beside the list the suggestions wrap: read the detail's words.
	v := strings.Join(strings.Fields(ansi.Strip(m.detailView(m.lay.detailW, m.lay.detailH))), " ")
	for _, want := range []string{"For example: A solo run", "· " + calm.Experiments[0], "How could running serve this?", "A small experiment to try"} {
		if !strings.Contains(v, want) {
			t.Errorf("detail lacks %q:\n%s", want, v)
		}
	}
}

func TestOwnValueIsAddedPickedAndRemoved(t *testing.T) {
	m, st := setup(t)
	m = press(m, letter('a'))
	if !m.Typing() || !m.KeyMap().AddDone.Enabled() {
		t.Fatal("a did not open the name field")
	}
	m = press(m, text("Quiet time")...) // q is text here, not quit
	m = press(m, enter)
	last, _ := st.saved()
	if len(last) != 1 || last[0].Name != "Quiet time" || len(last[0].ID) != 20 {
		t.Fatalf("saved %+v, want one own value with a NewID", last)
	}
	if r, _ := m.current(); !r.own || r.name != "Quiet time" || m.Typing() {
		t.Errorf("cursor on %+v, typing %v", r, m.Typing())
	}

	// Nothing written: x removes at once.
	m = press(m, letter('x'))
	if last, _ := st.saved(); len(last) != 0 || len(m.rows) != len(catalog.Values()) {
		t.Fatalf("x left %+v saved and %d rows", last, len(m.rows))
	}

	// Written: x asks first.
	m = press(m, letter('a'))
	m = press(m, text("Hill mornings")...)
	m = press(m, enter, enter)
	m = press(m, text("They wake me up")...)
	m = press(m, esc, letter('x'))
	if !strings.Contains(view(m), "Remove “Hill mornings”") || len(m.Chosen()) != 1 {
		t.Fatalf("x on written words did not ask:\n%s", view(m))
	}
	m = press(m, letter('y'))
	if last, _ := st.saved(); len(last) != 0 || len(m.Chosen()) != 0 {
		t.Errorf("y did not remove: saved %+v", last)
	}
}

func TestAddingCanBeCancelledAndMatchesExistingNames(t *testing.T) {
	m, st := setup(t)
	m = press(m, letter('a'))
	m = press(m, text("Anything")...)
	m = press(m, esc)
	if _, n := st.saved(); n != 0 || m.Typing() || len(m.rows) != len(catalog.Values()) {
		t.Fatalf("esc added a value (%d saves, %d rows)", n, len(m.rows))
	}
	m = press(m, letter('a'))
	m = press(m, text("  cALm ")...)
	m = press(m, enter)
	if got := m.Chosen(); len(got) != 1 || got[0].ID != "calm" || got[0].Name != "" {
		t.Errorf("a name the catalog has should pick it: %+v", got)
	}
	if len(m.rows) != len(catalog.Values()) {
		t.Error("a twin of a catalog value was added")
	}
}

func TestCatalogValuesCannotBeRemoved(t *testing.T) {
	m, _ := setup(t, workbook.ValueChoice{ID: "calm"})
	m = to(t, m, "calm")
	if m.KeyMap().Remove.Enabled() {
		t.Error("x is offered on a catalog value")
	}
	if m = press(m, letter('x')); len(m.Chosen()) != 1 || len(m.rows) != len(catalog.Values()) {
		t.Error("x changed a catalog value")
	}
}

func TestLimitsRefuseWithACalmMessage(t *testing.T) {
	full := strings.Repeat("x", common.MaxAnswerBytes)
	m, _ := setup(t, workbook.ValueChoice{ID: "calm", Serve: full})
	m = press(to(t, m, "calm"), enter, letter('a'))
	if got := m.Chosen()[0].Serve; got != full {
		t.Fatalf("a letter went past the limit (%d bytes)", len(got))
	}
	if why := m.TakeRefusal(); !strings.Contains(why, "This answer is full") {
		t.Errorf("no message for the refused letter (%q)", why)
	}
	m = press(m, tab, tea.PasteMsg{Content: strings.Repeat("y", common.MaxAnswerBytes+1)})
	if got := m.Chosen()[0].Experiment; got != "" {
		t.Errorf("a paste past the limit was let in (%d bytes)", len(got))
	}
	if why := m.TakeRefusal(); !strings.Contains(why, "Not added") {
		t.Errorf("no message for the refused paste (%q)", why)
	}
	m = press(m, text("ok")...)
	if why := m.TakeRefusal(); why != "" || m.Chosen()[0].Experiment != "ok" {
		t.Errorf("an edit that fitted was refused (%q)", why)
	}
}

func TestOwnNameLimitRefusesWithAMessage(t *testing.T) {
	m, _ := setup(t)
	m = press(m, letter('a'))
	m = press(m, text(strings.Repeat("n", common.MaxNameRunes))...)
	m = press(m, letter('z'), tea.PasteMsg{Content: "more"})
	if got := m.name.Value(); got != strings.Repeat("n", common.MaxNameRunes) {
		t.Errorf("name = %q", got)
	}
	if why := m.TakeRefusal(); !strings.Contains(why, "nothing was added") {
		t.Errorf("no message for the refused letter (%q)", why)
	}
}

func TestManyValuesGetAGentleNote(t *testing.T) {
	m, st := setup(t)
	for range ManyValues {
		m = press(m, space, down)
	}
	if strings.Contains(view(m), "go further") {
		t.Errorf("the note shows at %d values", ManyValues)
	}
	m = press(m, space)
	if last, _ := st.saved(); len(last) != ManyValues+1 {
		t.Errorf("the pick past %d was not saved: %d", ManyValues, len(last))
	}
	if !strings.Contains(view(m), "A few values go further than many.") {
		t.Errorf("no note at %d values:\n%s", ManyValues+1, view(m))
	}
}

func TestChosenIsInTheOrderPicked(t *testing.T) {
	m, _ := setup(t, workbook.ValueChoice{ID: "nature"}, workbook.ValueChoice{ID: "adventure"})
	if got := ids(m.Chosen()); got != "nature,adventure" {
		t.Errorf("saved order lost: %q", got)
	}
	m = press(to(t, m, "health"), space)
	m = press(to(t, m, "calm"), space)
	if got := ids(m.Chosen()); got != "nature,adventure,health,calm" {
		t.Errorf("Chosen() = %q", got)
	}
	c := m.Chosen()
	c[0].Serve = "changed"
	if m.Chosen()[0].Serve != "" {
		t.Error("Chosen returned the live slice")
	}
}

func TestASavedValueTheCatalogDoesNotKnowIsKept(t *testing.T) {
	own := workbook.ValueChoice{ID: "0192f0a1b2c3d4e5f6a7", Own: true, Name: "Hill mornings", Serve: "Up before the town"}
	gone := workbook.ValueChoice{ID: "retired-value"}
	m, st := setup(t, own, gone)
	m = press(to(t, m, "calm"), space)
	last, _ := st.saved()
	if ids(last) != own.ID+",retired-value,calm" || last[0] != own {
		t.Errorf("saved %+v", last)
	}
	m = to(t, m, own.ID)
	if !strings.Contains(view(m), "Hill mornings") {
		t.Errorf("own value not shown:\n%s", view(m))
	}
}

func TestSaveCapturesACopy(t *testing.T) {
	m, st := setupTicks(t, false)
	m = to(t, m, "calm")
	m, save := m.Update(space)
	m = press(m, enter)
	m = press(m, text("later words")...)
	if _, n := st.saved(); n != 0 {
		t.Fatal("typing saved without a tick")
	}
	save()
	if last, _ := st.saved(); len(last) != 1 || last[0].Serve != "" {
		t.Errorf("the pick's save wrote %+v, not the list as it was", last)
	}
}

func TestFlushSavesUnsavedTyping(t *testing.T) {
	m, st := setupTicks(t, false, workbook.ValueChoice{ID: "calm"})
	m = press(to(t, m, "calm"), enter)
	m = press(m, text("slow")...)
	if m.Clean() {
		t.Fatal("clean with typing unsaved")
	}
	flush := m.Flush()
	if flush == nil {
		t.Fatal("Flush returned nil with typing unsaved")
	}
	m = press(m, flush())
	if last, _ := st.saved(); len(last) != 1 || last[0].Serve != "slow" || !m.Clean() || !m.Wrote() {
		t.Errorf("after Flush: saved %+v, clean %v", last, m.Clean())
	}
	if m.Flush() != nil {
		t.Error("a second Flush with nothing new")
	}
}

func TestFocusComesBackToTheList(t *testing.T) {
	m, _ := setup(t, workbook.ValueChoice{ID: "calm", Serve: "words"})
	m = press(to(t, m, "calm"), enter)
	m.Focus()
	if m.Typing() || !m.KeyMap().Next.Enabled() {
		t.Error("Focus left a field focused")
	}
	m = press(m, space)
	m.Focus()
	if m.confirm != confirmNone || len(m.Chosen()) != 1 {
		t.Error("Focus should drop the question and change nothing")
	}
}

func TestHelpFollowsTheMode(t *testing.T) {
	m, _ := setup(t, workbook.ValueChoice{ID: "calm"})
	k := m.KeyMap() // on Adventure, not picked
	if !k.Pick.Enabled() || k.Unpick.Enabled() || k.Write.Enabled() || k.Remove.Enabled() || k.Field.Enabled() {
		t.Error("on a value not picked: wrong keys live")
	}
	m = to(t, m, "calm")
	k = m.KeyMap()
	if k.Pick.Enabled() || !k.Unpick.Enabled() || !k.Write.Enabled() || !k.Next.Enabled() {
		t.Error("on a picked value: wrong keys live")
	}
	m = press(m, enter)
	k = m.KeyMap()
	if k.Next.Enabled() || k.Up.Enabled() || !k.Field.Enabled() || !k.Done.Enabled() || !k.Newline.Enabled() {
		t.Error("in a field: wrong keys live")
	}
	m = press(m, esc, letter('a'))
	k = m.KeyMap()
	if k.Add.Enabled() || k.Next.Enabled() || !k.AddDone.Enabled() || !k.AddCancel.Enabled() {
		t.Error("naming a value: wrong keys live")
	}
}

// states returns the screen in each of its modes, for the sweep. Each is
// built on its own: copies of a model share their text areas' viewports.
func states(t *testing.T) map[string]Model {
	t.Helper()
	long := workbook.ValueChoice{ID: "0192f0a1b2c3d4e5f6a7", Own: true, Name: strings.Repeat("Very long own value ", 3),
		Serve: strings.Repeat("words that wrap ", 40)}
	fresh := func() Model {
		m, _ := setup(t, workbook.ValueChoice{ID: "calm", Serve: "Quiet loops"}, long)
		return m
	}
	return map[string]Model{
		"list":    to(t, fresh(), "calm"),
		"about":   to(t, fresh(), "nature"),
		"field":   press(to(t, fresh(), "calm"), enter, tab),
		"own":     to(t, fresh(), long.ID),
		"adding":  press(fresh(), letter('a')),
		"confirm": press(to(t, fresh(), "calm"), space),
	}
}

// sweep returns the sizes the resize sweep tries: every width from 1 to 160
// at a spread of heights, and every height from 1 to 50 at a spread of
// widths, including the edges of the wide layout.
func sweep() [][2]int {
	var out [][2]int
	for w := 1; w <= 160; w++ {
		for _, h := range []int{1, 2, 3, 5, 9, 19, 50} {
			out = append(out, [2]int{w, h})
		}
	}
	for h := 1; h <= 50; h++ {
		for _, w := range []int{1, 3, 12, 54, 78, WideAt - 1, WideAt, 118} {
			out = append(out, [2]int{w, h})
		}
	}
	return out
}

// TestResizeSweep lays the screen out at many sizes from 1x1 to 160x50 in
// each of its modes: nothing panics and nothing is drawn wider or taller
// than the space given.
func TestResizeSweep(t *testing.T) {
	for name, m := range states(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for _, size := range sweep() {
				w, h := size[0], size[1]
				m.SetSize(w, h)
				lines := strings.Split(m.View(), "\n")
				if len(lines) > h {
					t.Fatalf("at %dx%d: %d lines", w, h, len(lines))
				}
				for _, l := range lines {
					if ansi.StringWidth(l) > w {
						t.Fatalf("at %dx%d: a line %d wide: %q", w, h, ansi.StringWidth(l), ansi.Strip(l))
					}
				}
			}
		})
	}
}

// TestGoldenViews snapshots the screen at the space the root gives a screen
// in 80x24 and 120x40 terminals. Regenerate with -update.
func TestGoldenViews(t *testing.T) {
	for _, size := range [][2]int{{78, 19}, {118, 35}} {
		for _, scene := range []string{"choosing", "writing"} {
			t.Run(fmt.Sprintf("%s-%dx%d", scene, size[0], size[1]), func(t *testing.T) {
				m, _ := setup(t,
					workbook.ValueChoice{ID: "belonging", Serve: "Tuesday club runs.", Experiment: "Stay for the coffee."},
					workbook.ValueChoice{ID: "calm", Serve: "Quiet evenings on the canal path.\nNo watch."})
				m.SetSize(size[0], size[1])
				switch scene {
				case "choosing":
					m = to(t, m, "freedom")
				case "writing":
					m = press(to(t, m, "calm"), enter)
					m = press(m, text(" Just breathing.")...)
				}
				golden.RequireEqual(t, view(m))
			})
		}
	}
}

// TestAFinishedAnswerShowsItsStart: a field not being typed in shows its
// words from the first line, however many lines they wrap to; it showed
// only its last ("sister is family too.").
func TestAFinishedAnswerShowsItsStart(t *testing.T) {
	serve := "Sunday runs with my brother and his kids, the long way round the reservoir, and a coffee after: my sister is family too."
	m, _ := setup(t, workbook.ValueChoice{ID: "family", Serve: serve})
	m = to(t, m, "family")
	if v := view(m); !strings.Contains(v, "Sunday runs with") {
		t.Errorf("the list's preview of the answer:\n%s", v)
	}
	m = press(m, enter) // into the field, the cursor at its end
	m = press(m, text(" Always.")...)
	m = press(m, tea.KeyPressMsg{Code: tea.KeyEscape})
	if v := view(m); !strings.Contains(v, "Sunday runs with") {
		t.Errorf("after esc, the answer:\n%s", v)
	}
}

// TestAWideWindowCutsNoMoreOfTheDescriptions: beside the detail, the list
// shows as much of each description as the list alone does at 80 columns
// (at 120 it cut them at 28 letters), and every one whole when there is
// room.
func TestAWideWindowCutsNoMoreOfTheDescriptions(t *testing.T) {
	shown := func(w int) map[string]string {
		m, _ := setup(t, workbook.ValueChoice{ID: "adventure"})
		m.SetSize(w, 40)
		out := map[string]string{}
		for _, l := range strings.Split(ansi.Strip(m.listView(m.lay.listW, len(m.rows))), "\n") {
			f := strings.Fields(strings.Trim(l, "›✓↑↓ "))
			if len(f) > 1 {
				out[f[0]] = strings.TrimSuffix(strings.Join(f[1:], " "), "…")
			}
		}
		return out
	}
	narrow := shown(80)
	for _, w := range []int{120, 150} {
		wide := shown(w)
		for _, v := range catalog.Values() {
			if got, want := len(wide[v.Name]), len(narrow[v.Name]); got < want {
				t.Errorf("at %d %s shows %q, at 80 %q", w, v.Name, wide[v.Name], narrow[v.Name])
			}
			if w >= 150 && wide[v.Name] != v.Description {
				t.Errorf("at %d %s shows %q, not %q", w, v.Name, wide[v.Name], v.Description)
			}
		}
	}
}
