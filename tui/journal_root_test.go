package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// The journal through the root: the log key from anywhere, even mid-answer,
// and back to exactly where the runner was.

func (h *harness) runs() []workbook.Entry {
	h.t.Helper()
	page, _, err := h.st.JournalPage("", 100, true)
	if err != nil {
		h.t.Fatal(err)
	}
	return page
}

func TestTheLogKeyWorksWhileTyping(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.send(keyEnter)
	h.typeText("I run for the quiet")
	h.send(keyCtrlL)
	if h.root().active != common.Journal {
		t.Fatalf("ctrl+l while typing an answer went to %v", h.root().active)
	}
	h.mustShow("Log a run", "Distance")
	h.typeText("8k")
	h.send(keyTab)
	h.typeText("45m")
	h.send(letter('q')) // typing: q is a letter here, never quit
	if h.quit {
		t.Fatal("q quit from the entry form")
	}
	h.send(keyBackspace)
	h.send(keyEsc)
	if h.root().active != common.Reflect {
		t.Fatalf("done went to %v, want back to the answer", h.root().active)
	}
	h.mustShow("Question 1 of 8", "I run for the quiet")
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != "I run for the quiet" {
		t.Errorf("the answer on disk: %q", got)
	}
	runs := h.runs()
	if len(runs) != 1 || runs[0].Metres != 8000 {
		t.Fatalf("runs = %+v", runs)
	}
	if h.workbook().Place.Screen != "reflect" {
		t.Errorf("place = %+v: the journal is no place in the exercise", h.workbook().Place)
	}
}

func TestTheJournalKeyAndBack(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.send(common.GoTo(common.Goals), keyCtrlO)
	if h.root().active != common.Journal {
		t.Fatalf("ctrl+o went to %v", h.root().active)
	}
	h.mustShow("Your running journal", "No runs yet", "Journal")
	h.send(letter('a'))
	h.typeText("5k")
	h.send(keyEsc)
	if h.root().active != common.Journal {
		t.Errorf("a run added from the list left the journal for %v", h.root().active)
	}
	h.send(keyCtrlL) // already in the journal: a new run
	h.mustShow("Log a run")
	h.send(keyEsc, keyEsc)
	if h.root().active != common.Goals {
		t.Errorf("esc from the journal went to %v, want back to the board", h.root().active)
	}
	if n := len(h.runs()); n != 1 {
		t.Errorf("%d runs", n)
	}
}

// TestQuittingFromTheFormKeepsTheRun: ctrl+c with the form open saves
// what was typed, as every screen does.
func TestQuittingFromTheFormKeepsTheRun(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.dropTicks = true // nothing saves by itself: only quitting can
	h.send(keyCtrlL)
	h.typeText("10k")
	h.send(keyCtrlC)
	if !h.quit {
		t.Fatal("ctrl+c did not quit")
	}
	if runs := h.runs(); len(runs) != 1 || runs[0].Metres != 10000 {
		t.Errorf("runs after quitting = %+v", runs)
	}
}

// TestTheBoardShowsProgressFromRunsLogged logs runs with the log key from
// the board, and the board's goal shows how far they go.
func TestTheBoardShowsProgressFromRunsLogged(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.send(common.GoTo(common.Goals), letter('a'))
	h.typeText("Run 20 km a week")
	h.send(keyEsc)
	for _, d := range []string{"8k", "4k"} {
		h.send(keyCtrlL)
		h.typeText(d)
		h.send(keyEsc)
	}
	if h.root().active != common.Goals {
		t.Fatalf("on %v", h.root().active)
	}
	v := strings.Join(strings.Fields(strings.ReplaceAll(h.view(), "│", " ")), " ")
	if !strings.Contains(v, "12 of 20 km this week") || !strings.Contains(h.view(), "━") {
		t.Errorf("the board shows no progress:\n%s", h.view())
	}
}

func TestTheFooterShowsTheLogKeyEverywhere(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.mustShow("ctrl+l log a run")
	h.send(keyEnter)
	h.mustShow("ctrl+l log a run")
	h.send(letter('?'))
	h.send(common.GoTo(common.Summary), tea.KeyPressMsg{Code: '?', Text: "?"})
	h.mustShow("ctrl+o journal")
}

func TestTheLogKeyWaitsForARoomyWindow(t *testing.T) {
	h := newHarness(t, 40, 10)
	h.send(keyCtrlL)
	if h.root().active == common.Journal {
		t.Error("the log key opened a form the runner cannot see")
	}
}

// TestThePlaceFollowsTheBoardWhileTheJournalIsOpen: the goal editor was
// open when the log key was pressed and closed after the form; quitting
// from the journal keeps the board as it is now, editor closed, not as it
// was when the journal first opened.
func TestThePlaceFollowsTheBoardWhileTheJournalIsOpen(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.send(common.GoTo(common.Goals), letter('a'))
	h.typeText("Run Tuesday at 7am")
	h.send(keyEsc, keyEnter) // on the board, then its editor
	h.mustShow("Edit goal")
	h.send(keyCtrlL)
	h.mustShow("Log a run")
	h.send(keyEsc) // the form, back to the editor
	h.mustShow("Edit goal")
	h.send(keyEsc, keyCtrlO, letter('q'))
	if !h.quit {
		t.Fatal("q did not quit from the journal")
	}
	p := h.workbook().Place
	if p.Screen != "goals" || p.Editing || p.Goal == "" {
		t.Errorf("place = %+v, want the board with the goal selected and its editor closed", p)
	}
}

// TestTheLogKeyOffersTheRunnersOwnKinds: the first thing in a session is
// ctrl+l; the form offers the kinds of run the runner added before, not
// only the defaults, and reads distances in their unit.
func TestTheLogKeyOffersTheRunnersOwnKinds(t *testing.T) {
	h := newHarness(t, 100, 40)
	settings := workbook.DefaultJournalSettings()
	settings.Unit = workbook.Miles
	settings, _ = settings.AddTags("hill reps")
	if err := h.st.SaveJournalSettings(settings); err != nil {
		t.Fatal(err)
	}
	again := startHarness(t, h.st, h.path, 100, 40)
	again.send(keyCtrlL)
	again.mustShow("Log a run", "hill reps")
	again.typeText("3")
	again.send(keyEsc)
	if runs := again.runs(); len(runs) != 1 || runs[0].Metres < 4800 || runs[0].Metres > 4830 {
		t.Errorf("3 in miles: %+v", runs)
	}
}

// TestEveryKeyCanBeFoundWhileTyping: in an answer, ? is a letter; ctrl+/
// (sent as ctrl+_ by most terminals) shows every key, the journal's and
// saving's among them, and leaves the answer as it was. A wide footer
// names ctrl+o and ctrl+s; the first question's footer offers no way back
// that does nothing.
func TestEveryKeyCanBeFoundWhileTyping(t *testing.T) {
	h := newHarness(t, 200, 40)
	h.send(keyEnter)
	h.typeText("Feelings?")
	foot := h.view()[strings.LastIndex(h.view(), "\n"):]
	for _, want := range []string{"ctrl+o journal", "ctrl+s save now", "ctrl+/ more keys"} {
		if !strings.Contains(foot, want) {
			t.Errorf("the footer at 200 columns lacks %q: %q", want, foot)
		}
	}
	if strings.Contains(foot, "shift+tab") {
		t.Errorf("on the first question the footer offers shift+tab: %q", foot)
	}
	for _, k := range []tea.KeyPressMsg{{Code: '_', Mod: tea.ModCtrl}, {Code: '/', Mod: tea.ModCtrl}, {Code: tea.KeyF1}} {
		h.send(k)
		if !h.root().help.ShowAll {
			t.Fatalf("%s did not show every key while typing", k)
		}
		h.mustShow("ctrl+o", "journal", "ctrl+s", "save now", "ctrl+c", "quit")
		h.send(k)
		if h.root().help.ShowAll {
			t.Errorf("%s did not hide them again", k)
		}
	}
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != "Feelings?" {
		t.Errorf("the answer is %q", got)
	}
	h.send(keyTab)
	if foot := h.view()[strings.LastIndex(h.view(), "\n"):]; !strings.Contains(foot, "shift+tab back") {
		t.Errorf("on the second question the footer does not offer shift+tab: %q", foot)
	}
}

// TestTheFullHelpShowsEveryKeyAt80x24: the help bubble cut the board's
// keys after its third column ("tab summary …"), never reaching the ones
// every screen shares; rows of columns show them all, the screen's main
// keys first.
func TestTheFullHelpShowsEveryKeyAt80x24(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(common.GoTo(common.Goals), letter('a'))
	h.typeText("Run Tuesday at 7am")
	h.send(keyEsc, letter('?'))
	v := h.view()
	help := v[strings.Index(v, "a     add"):]
	for _, want := range []string{"a", "add", "s", "commit, rest, reached", "d", "its history", "q", "quit", "ctrl+o", "journal", "ctrl+l"} {
		if !strings.Contains(help, want) {
			t.Errorf("the board's help at 80×24 lacks %q:\n%s", want, help)
		}
	}
	if strings.Index(help, "add") > strings.Index(help, "quit") {
		t.Errorf("the board's own keys do not come first:\n%s", help)
	}
	th := newHarness(t, 80, 24)
	th.send(keyEnter)
	th.typeText("Running clears my head after work. I hate races. My club on Sundays.")
	th.send(common.GoTo(common.Themes), letter('?'))
	th.mustShow("y", "that's me", "n", "not me", "q", "quit", "ctrl+o", "journal")
}
