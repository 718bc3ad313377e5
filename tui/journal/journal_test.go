package journal

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// now is a Thursday evening: 3 December 2026.
var now = time.Date(2026, 12, 3, 19, 30, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	time.Local = time.UTC
	m.Run()
}

// screen drives the journal screen as the root would: every command run
// at once and its messages fed back, timers firing at once.
type screen struct {
	t      testing.TB
	m      Model
	st     *store.Store
	status []string
	// moved is where the screen asked to go, if anywhere.
	moved   []common.NavigateMsg
	changed map[workbook.Ref]string
}

func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "cairn.db"), store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func newScreen(t testing.TB, st *store.Store, w, h int, values ...Value) *screen {
	t.Helper()
	s := &screen{t: t, st: st, changed: map[workbook.Ref]string{}}
	env := common.Env{
		Season: "", Ledger: common.NewLedger(), Styles: common.NewStyles(true), Now: func() time.Time { return now },
		Tick: func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			return func() tea.Msg { return fn(now) }
		},
	}
	season, err := st.StartSeason("")
	if err != nil {
		t.Fatal(err)
	}
	env.Season = season.ID
	s.m = New(env, st, nil)
	s.m.SetSize(w, h)
	s.run(s.m.Enter(Enter{From: common.Goals, Values: values, SeasonStarted: workbook.MakeDay(2026, 9, 1),
		ChangeExperiment: func(r workbook.Ref, text string) tea.Cmd { s.changed[r] = text; return nil }}))
	return s
}

func (s *screen) send(msgs ...tea.Msg) {
	s.t.Helper()
	for _, msg := range msgs {
		var cmd tea.Cmd
		s.m, cmd = s.m.Update(msg)
		if why := s.m.Saver.TakeRefusal(); why != "" {
			s.status = append(s.status, why)
		}
		if to, ok := s.m.TakeNavigation(); ok {
			s.moved = append(s.moved, to)
		}
		s.run(cmd)
	}
}

func (s *screen) run(cmd tea.Cmd) {
	s.t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			s.t.Fatal("commands never settled")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case common.StatusMsg:
			s.status = append(s.status, msg.Text)
		default:
			s.send(msg)
		}
	}
}

func (s *screen) typeText(text string) {
	s.t.Helper()
	for _, r := range text {
		if r == '\n' {
			s.send(tea.KeyPressMsg{Code: tea.KeyEnter})
			continue
		}
		s.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// keys presses named keys: "tab", "esc", "enter", "down", letters.
func (s *screen) keys(names ...string) {
	s.t.Helper()
	for _, n := range names {
		s.send(press(n))
	}
}

func press(name string) tea.KeyPressMsg {
	switch name {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

func (s *screen) view() string { return ansi.Strip(s.m.View()) }

func (s *screen) mustShow(want ...string) {
	s.t.Helper()
	v := s.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			s.t.Errorf("the screen does not show %q:\n%s", w, v)
		}
	}
}

func (s *screen) said(want string) {
	s.t.Helper()
	if !slices.ContainsFunc(s.status, func(t string) bool { return strings.Contains(t, want) }) {
		s.t.Errorf("the status line never said %q: %q", want, s.status)
	}
}

// stored reads the journal back, newest first.
func (s *screen) stored() []workbook.Entry {
	s.t.Helper()
	page, _, err := s.st.JournalPage("", 1000, true)
	if err != nil {
		s.t.Fatal(err)
	}
	return page
}

// fill writes n runs, one a day going back from yesterday, through the
// store's import (one transaction a thousand).
func fill(t testing.TB, st *store.Store, n int) {
	t.Helper()
	var batch []workbook.Entry
	for i := range n {
		at := now.Add(-time.Duration(i+1) * 24 * time.Hour)
		batch = append(batch, workbook.Entry{
			ID: workbook.NewID(at), Day: workbook.DayOf(at), Metres: 5000 + i, Duration: 30 * time.Minute,
			Enjoyment: workbook.Score(1 + i%5), Note: fmt.Sprintf("run %d", i),
			Source: workbook.Source{Kind: workbook.Imported, Fingerprint: fmt.Sprint(i)}, Created: at, Updated: at,
		})
		if len(batch) == 1000 || i == n-1 {
			if _, err := st.ImportEntries(batch); err != nil {
				t.Fatal(err)
			}
			batch = batch[:0]
		}
	}
}

func (s *screen) selectedNote() string {
	e, ok := s.m.selected()
	if !ok {
		return ""
	}
	return e.Note
}

// TestTheListIsPagedLazily walks a long journal to the bottom and back: it
// never holds more than a few pages, and every run is reached in order.
func TestTheListIsPagedLazily(t *testing.T) {
	st := openStore(t)
	fill(t, st, 2000)
	s := newScreen(t, st, 100, 30)
	if n := len(s.m.list.rows); n != pageSize {
		t.Fatalf("the first load holds %d runs, want one page of %d", n, pageSize)
	}
	for i := range 1999 {
		if got, want := s.selectedNote(), fmt.Sprintf("run %d", i); got != want {
			t.Fatalf("step %d: on %q, want %q", i, got, want)
		}
		s.keys("down")
		if n := len(s.m.list.rows); n > maxRows {
			t.Fatalf("the window holds %d runs", n)
		}
	}
	if got := s.selectedNote(); got != "run 1999" {
		t.Fatalf("at the bottom: %q", got)
	}
	s.keys("down")
	if got := s.selectedNote(); got != "run 1999" {
		t.Errorf("past the bottom: %q", got)
	}
	for i := 1999; i > 0; i-- {
		s.keys("up")
		if got, want := s.selectedNote(), fmt.Sprintf("run %d", i-1); got != want {
			t.Fatalf("going up from %d: on %q, want %q", i, got, want)
		}
	}
	if !s.m.list.atNewest {
		t.Error("back at the top, the window does not know it holds the newest run")
	}
}

func TestNewestOldestAndADate(t *testing.T) {
	st := openStore(t)
	fill(t, st, 500)
	s := newScreen(t, st, 100, 30)
	s.keys("end")
	if got := s.selectedNote(); got != "run 499" {
		t.Errorf("the oldest: %q", got)
	}
	s.keys("up")
	if got := s.selectedNote(); got != "run 498" {
		t.Errorf("one up from the oldest: %q", got)
	}
	s.keys("home")
	if got := s.selectedNote(); got != "run 0" {
		t.Errorf("the newest: %q", got)
	}
	s.keys("d")
	if !s.m.Typing() {
		t.Error("the date line does not take keys as text")
	}
	s.typeText("2026-06-01")
	s.mustShow("Go to a date: 2026-06-01")
	s.keys("enter")
	// 1 June 2026 is 185 days before 3 December: run 184.
	if got := s.selectedNote(); got != "run 184" {
		t.Errorf("jumped to %q, want run 184", got)
	}
	s.keys("up", "up")
	if got := s.selectedNote(); got != "run 182" {
		t.Errorf("above the jump: %q", got)
	}
	s.keys("d")
	s.typeText("someday")
	s.keys("enter")
	s.said(`"someday" is not a date`)
	s.keys("esc")
	s.keys("d")
	s.typeText("1 jan 2020")
	s.keys("enter")
	s.said("No runs on or before Wednesday 1 January 2020.")
}

func TestABlankFormSavesNothing(t *testing.T) {
	s := newScreen(t, openStore(t), 100, 30)
	s.keys("a")
	if !s.m.Typing() || s.m.mode != modeForm {
		t.Fatal("a did not open the form")
	}
	s.keys("tab", "tab", "tab")
	s.keys("esc")
	if got := s.stored(); len(got) != 0 {
		t.Errorf("a blank form kept %+v", got)
	}
	s.said("Nothing was written, so nothing was kept.")
	if s.m.mode != modeList || len(s.moved) != 0 {
		t.Errorf("mode %d, moved %v: want the list", s.m.mode, s.moved)
	}
}

func TestARunIsKeptAsItIsTyped(t *testing.T) {
	calm := Value{Ref: workbook.Value("calm"), Name: "Calm", Experiment: "no watch"}
	s := newScreen(t, openStore(t), 100, 40, calm)
	s.keys("a")
	s.typeText("5k")
	s.keys("tab")
	s.typeText("28:30")
	s.keys("tab", "4", "tab", "2", "tab", "4", "tab") // enjoyment, before, after
	s.keys("right", "space", "tab")                   // with others
	s.keys("5", "tab")                                // fits calm 5
	s.keys("right", "tab")                            // tried calm's experiment
	s.typeText("hill loop\nwith Sam")
	got := s.stored()
	if len(got) != 1 {
		t.Fatalf("stored %d runs while typing", len(got))
	}
	e := got[0]
	want := workbook.Entry{Day: workbook.DayOf(now), Metres: 5000, Duration: 28*time.Minute + 30*time.Second, Enjoyment: 4, Before: 2, After: 4,
		Tags: []string{"with others"}, Fit: map[workbook.Ref]workbook.Score{calm.Ref: 5}, Experiment: calm.Ref, Note: "hill loop\nwith Sam"}
	if e.Day != want.Day || e.Metres != want.Metres || e.Duration != want.Duration || e.Enjoyment != 4 || e.Before != 2 || e.After != 4 ||
		!slices.Equal(e.Tags, want.Tags) || e.Fit[calm.Ref] != 5 || e.Experiment != calm.Ref || e.Note != want.Note || e.Source.Kind != workbook.Typed {
		t.Errorf("stored %+v\nwant %+v", e, want)
	}
	s.keys("esc")
	s.said("Kept: Thursday 3 December 2026, 5 km in 28:30 (5:42 /km)")
	if s.m.mode != modeList || s.selectedNote() != "hill loop\nwith Sam" {
		t.Errorf("after the form: mode %d, on %q", s.m.mode, s.selectedNote())
	}
	if s.m.tries[calm.Ref] != 1 {
		t.Errorf("tries = %d", s.m.tries[calm.Ref])
	}
}

// TestImpossibleValuesAreRefusedNeverClamped: enjoyment 9 is refused at the
// key; a 3-minute marathon is said in the status line and never saved.
func TestImpossibleValuesAreRefusedNeverClamped(t *testing.T) {
	s := newScreen(t, openStore(t), 100, 30)
	s.keys("a", "tab", "tab", "9")
	s.said("Enjoyment goes from 1 to 5, not 9.")
	if s.m.form.enjoy != 0 {
		t.Errorf("enjoyment became %d", s.m.form.enjoy)
	}
	s.keys("shift+tab", "shift+tab")
	s.typeText("marathon")
	s.keys("tab")
	s.typeText("3:00")
	s.keys("tab")
	s.said("42.2 km in 3:00 would be 0:04 /km, faster than anyone has run")
	s.mustShow("faster than anyone has run")
	if got := s.stored(); len(got) != 1 || got[0].Duration != 0 || got[0].Metres != 42195 {
		// The marathon alone was a run; the time that cannot be was never kept.
		t.Errorf("stored %+v", got)
	}
	s.keys("esc")
	if s.m.mode != modeForm {
		t.Fatal("the first esc left a form with a run that cannot be")
	}
	s.said("esc again leaves it as it was")
	s.keys("esc")
	if s.m.mode != modeList {
		t.Error("the second esc did not leave")
	}
	s.keys("a", "tab")
	s.typeText("28:3")
	s.keys("tab")
	s.said(`"28:3" is not a time cairn can read`)
	s.keys("shift+tab", "shift+tab", "shift+tab") // the date
	for range 5 {
		s.send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	s.typeText("tomorrow")
	s.keys("tab")
	s.said("Friday 4 December 2026 is still to come")
}

func TestOpenEditAndDelete(t *testing.T) {
	st := openStore(t)
	fill(t, st, 3)
	s := newScreen(t, st, 100, 30)
	s.keys("down", "enter")
	s.mustShow("Tuesday 1 December 2026", "run 1", "5 km")
	s.keys("e")
	if s.m.mode != modeForm || s.m.form.isNew {
		t.Fatal("e did not open the run in the form")
	}
	for range 10 { // the distance, where the form opens
		s.send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	s.typeText("10k")
	s.keys("esc")
	got := s.stored()
	if len(got) != 3 || got[1].Metres != 10000 || got[1].Note != "run 1" || got[1].Source.Kind != workbook.Imported {
		t.Errorf("after editing: %+v", got[1])
	}
	s.keys("x")
	s.mustShow("Delete the run of Tuesday 1 December 2026? y to delete, n to keep it.")
	s.keys("n")
	if len(s.stored()) != 3 || s.m.mode != modeList {
		t.Error("n did not keep it")
	}
	s.keys("enter", "x", "y")
	if got := s.stored(); len(got) != 2 || got[0].Note != "run 0" || got[1].Note != "run 2" {
		t.Errorf("after deleting: %v", got)
	}
	s.said("Deleted the run of Tuesday 1 December 2026.")
	if s.selectedNote() != "run 2" {
		t.Errorf("after deleting, on %q", s.selectedNote())
	}
}

// TestTheExperimentIsFollowedUp tries a value's experiment on three runs:
// cairn asks how it went, and changing it rewords it on the values step.
func TestTheExperimentIsFollowedUp(t *testing.T) {
	calm := Value{Ref: workbook.Value("calm"), Name: "Calm", Experiment: "no watch on Sundays"}
	s := newScreen(t, openStore(t), 100, 30, calm)
	for i := range ReviewAfter {
		s.keys("a")
		s.typeText(fmt.Sprintf("%dk", 5+i))
		// Date, distance, time, three scores, kinds, calm's fit: the
		// experiment is the ninth field.
		for range 7 {
			s.keys("tab")
		}
		s.keys("right", "esc")
	}
	if s.m.mode != modeReview {
		t.Fatalf("after %d tries the screen is in mode %d", ReviewAfter, s.m.mode)
	}
	s.mustShow("Looking back: Calm", "You tried “no watch on Sundays” on 3 runs", "How did it feel?")
	s.typeText("freer than I thought")
	s.keys("tab", "right", "tab") // change it
	for range len("no watch on Sundays") {
		s.send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	s.typeText("no watch on any easy run")
	s.keys("tab", "right") // not sure it still fits
	s.keys("enter")
	if s.m.mode != modeList {
		t.Fatalf("mode %d after the look back", s.m.mode)
	}
	if got := s.changed[calm.Ref]; got != "no watch on any easy run" {
		t.Errorf("the values step was asked to change the experiment to %q", got)
	}
	wb, err := s.st.Workbook(s.m.env.Season)
	if err != nil {
		t.Fatal(err)
	}
	want := workbook.ExperimentReview{Value: calm.Ref, Experiment: "no watch on Sundays", Tries: 3, Felt: "freer than I thought",
		Decision: workbook.Change, StillFits: workbook.FitsUnsure, At: now}
	if len(wb.Reviews) != 1 || wb.Reviews[0] != want {
		t.Errorf("reviews = %+v", wb.Reviews)
	}
	if s.m.tries[calm.Ref] != 0 || len(s.m.pendingReviews()) != 0 {
		t.Errorf("tries after the look back: %d", s.m.tries[calm.Ref])
	}
}

// TestALookBackPutOffWaits: esc puts it off; the list offers it with r.
func TestALookBackPutOffWaits(t *testing.T) {
	calm := Value{Ref: workbook.Value("calm"), Name: "Calm", Experiment: "no watch"}
	st := openStore(t)
	for i := range ReviewAfter {
		at := now.Add(-time.Duration(i+1) * time.Hour)
		if err := st.PutEntry(workbook.Entry{ID: workbook.NewID(at), Day: workbook.DayOf(at), Metres: 5000, Experiment: calm.Ref, Created: at, Updated: at}); err != nil {
			t.Fatal(err)
		}
	}
	s := newScreen(t, st, 100, 30, calm)
	if s.m.tries[calm.Ref] != ReviewAfter {
		t.Fatalf("tries counted on loading: %d", s.m.tries[calm.Ref])
	}
	s.mustShow("You have tried your experiment for Calm 3 times. r to look back at it.")
	s.keys("r")
	if s.m.mode != modeReview {
		t.Fatal("r did not open the look back")
	}
	s.keys("esc")
	s.said("Another time, then.")
	s.keys("r", "tab", "tab", "right", "right", "enter") // keep it; not any more
	s.said("Values change")
	wb, _ := st.Workbook(s.m.env.Season)
	if len(wb.Reviews) != 1 || wb.Reviews[0].StillFits != workbook.FitsNo || wb.Reviews[0].Decision != workbook.Keep {
		t.Errorf("reviews = %+v", wb.Reviews)
	}
}

func TestInsights(t *testing.T) {
	st := openStore(t)
	fill(t, st, 200)
	s := newScreen(t, st, 100, 40, Value{Ref: workbook.Value("calm"), Name: "Calm"})
	s.keys("i")
	s.mustShow("Insights", "4 weeks", "Weekly distance (km)", "24 runs in the last 4 weeks", "You ran in 4 of 4 weeks.")
	if strings.Contains(s.view(), "plan") {
		t.Errorf("no plan was set, and the mirror speaks of one:\n%s", s.view())
	}
	s.keys("tab")
	s.mustShow("this season", "runs in this season")
	s.keys("3")
	s.mustShow("in the last year")
	s.keys("esc")
	if s.m.mode != modeList {
		t.Error("esc did not leave the insights")
	}
	s.keys("esc")
	if len(s.moved) != 1 || s.moved[0].To != common.Goals {
		t.Errorf("esc from the list went to %v, want back to the goal board", s.moved)
	}
}

func TestSettings(t *testing.T) {
	st := openStore(t)
	fill(t, st, 3)
	s := newScreen(t, st, 100, 30)
	s.mustShow("3 runs this week") // no plan yet: nothing to count against
	s.keys("s", "right", "tab", "right", "right", "right", "right", "esc")
	got, err := st.JournalSettings()
	if err != nil || got.Unit != workbook.Miles || got.Plan != 4 {
		t.Errorf("settings = %+v, %v", got, err)
	}
	s.mustShow("3.11 mi", "3 of 4 planned runs this week")
}

// TestTheLogKeyReturnsWhereItCameFrom: a run logged with the log key
// returns to the screen it was pressed on when done.
func TestTheLogKeyReturnsWhereItCameFrom(t *testing.T) {
	s := newScreen(t, openStore(t), 100, 30)
	s.run(s.m.Enter(Enter{From: common.Reflect, Log: true}))
	if s.m.mode != modeForm || s.m.form.focus != 1 {
		t.Fatalf("mode %d, focus %d: want the form on the distance", s.m.mode, s.m.form.focus)
	}
	s.typeText("8k")
	s.keys("esc")
	if len(s.moved) != 1 || s.moved[0].To != common.Reflect {
		t.Errorf("done went to %v, want back to the reflection", s.moved)
	}
	if got := s.stored(); len(got) != 1 || got[0].Metres != 8000 {
		t.Errorf("stored %+v", got)
	}
}

// TestNoteLimits: a note holds what an answer holds; a paste past it is
// refused whole with the reason in the status line.
func TestNoteLimits(t *testing.T) {
	s := newScreen(t, openStore(t), 100, 30)
	s.keys("a", "shift+tab", "shift+tab") // the note, going round backwards
	if s.m.form.slots[s.m.form.focus].id != sNote {
		t.Fatalf("focus on %+v", s.m.form.slots[s.m.form.focus])
	}
	s.send(tea.PasteMsg{Content: strings.Repeat("x", common.MaxAnswerBytes+1)})
	s.said("Not added: that paste would take this answer past 64 KB.")
	if s.m.form.note.Value() != "" {
		t.Error("the paste was let in")
	}
	s.keys("tab", "tab")
	s.send(tea.PasteMsg{Content: strings.Repeat("9", MaxFieldRunes+1)})
	s.said("Distance holds up to 40 characters")
}

// TestTheFirstRunIsTheFirstWeekCounted: one run logged today in a new
// journal; a year's insights count one week, with no plan to judge it by.
func TestTheFirstRunIsTheFirstWeekCounted(t *testing.T) {
	s := newScreen(t, openStore(t), 100, 40)
	s.keys("a")
	s.typeText("5k")
	s.keys("esc", "i", "tab", "tab")
	s.mustShow("1 run in the last year")
	if v := s.view(); strings.Contains(v, "of 52") || strings.Contains(v, "plan") {
		t.Errorf("the year counts weeks before the journal, or a plan never set:\n%s", v)
	}
}

// TestTheFormsLabelsNeverRunIntoTheirFields: a value named with an emoji
// ("Time to myself 🌿") ran into its dots, and a long name of the
// runner's own was cut at 19 letters even at 160 columns.
func TestTheFormsLabelsNeverRunIntoTheirFields(t *testing.T) {
	emoji := Value{Ref: workbook.OwnValueRef("a"), Name: "Time to myself 🌿"}
	long := Value{Ref: workbook.OwnValueRef("b"), Name: "Being outdoors with the dog, whatever the weather"}
	for _, tc := range []struct {
		w      int
		values []Value
	}{{80, []Value{emoji}}, {80, []Value{emoji, long}}, {160, []Value{emoji, long}}} {
		w := tc.w
		s := newScreen(t, openStore(t), w, 40, tc.values...)
		s.keys("a")
		v := s.view()
		for _, l := range strings.Split(v, "\n") {
			for _, label := range []string{"Time to myself 🌿", "Kind of run", "Enjoyment", "Being outdoors"} {
				i := strings.Index(l, label)
				if i < 0 {
					continue
				}
				rest := l[i+len(label):]
				if label == "Being outdoors" {
					rest = rest[strings.IndexAny(rest, "○●")-2:]
				}
				if !strings.HasPrefix(rest, "  ") {
					t.Errorf("at %d columns %q runs into its field: %q", w, label, l)
				}
			}
		}
		if w == 160 && !strings.Contains(v, long.Name) {
			t.Errorf("at 160 columns the long name is cut:\n%s", v)
		}
	}
}
