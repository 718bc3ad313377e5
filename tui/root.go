package tui

import (
	"errors"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/internal/starttrace"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/tui/compare"
	"github.com/cairn-run/cairn/tui/goals"
	"github.com/cairn-run/cairn/tui/history"
	journalscreen "github.com/cairn-run/cairn/tui/journal"
	"github.com/cairn-run/cairn/tui/newseason"
	"github.com/cairn-run/cairn/tui/reflection"
	"github.com/cairn-run/cairn/tui/summary"
	"github.com/cairn-run/cairn/tui/themes"
	"github.com/cairn-run/cairn/tui/values"
	"github.com/cairn-run/cairn/tui/welcome"
	"github.com/cairn-run/cairn/workbook"
)

// Store is everything the workbook asks of the store. Each screen depends
// only on its own narrow part of it.
type Store interface {
	CurrentSeason() (workbook.Season, error)
	StartSeason(reason string) (workbook.Season, error)
	Workbook(seasonID string) (workbook.Snapshot, error)
	SavePlace(seasonID string, p workbook.Place) error
	SeasonStore // seasons.go
	reflection.AnswerSaver
	values.ValuesSaver
	themes.BoardSaver
	goals.GoalSaver
	journalscreen.Store
}

// The smallest window the workbook lays itself out in.
const (
	MinWidth  = 56
	MinHeight = 16
)

// statusFor is how long a status line stays.
const statusFor = 6 * time.Second

// statusKind says what a status line is, and so how it looks and when it
// goes.
type statusKind int

const (
	statusNote    statusKind = iota // a calm note, muted
	statusError                     // a failure, in the error style
	statusRefusal                   // something not taken in; gone with the next key taken
)

// KeyMap holds the keys that work on every screen.
type KeyMap struct {
	Quit      key.Binding
	Interrupt key.Binding
	Help      key.Binding
	// HelpAnywhere shows every key even while typing, where ? is a
	// letter: ctrl+/ (which terminals send as ctrl+_), or F1. No text area
	// uses either.
	HelpAnywhere key.Binding
	// Log and Journal work everywhere, even while typing: control keys
	// never type a letter.
	Log     key.Binding
	Journal key.Binding
	// Editor opens the runner's own editor on the answer or note being
	// written (editor.go).
	Editor key.Binding
}

// DefaultKeyMap returns the global keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit:         key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Interrupt:    key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help:         key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		HelpAnywhere: key.NewBinding(key.WithKeys("ctrl+/", "ctrl+_", "f1"), key.WithHelp("ctrl+/", "more keys")),
		Log:          key.NewBinding(key.WithKeys("ctrl+l"), key.WithHelp("ctrl+l", "log a run")),
		Journal:      key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "journal")),
		Editor:       key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "editor")),
	}
}

// Model is the root of the workbook.
type Model struct {
	st     Store
	now    func() time.Time
	getenv func(string) string
	exec   func(*exec.Cmd, tea.ExecCallback) tea.Cmd
	tick   func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	styles *common.Styles
	keys   KeyMap
	help   help.Model
	ledger *common.Ledger

	loaded bool
	err    error // a failure that ends the program, reported by main
	season workbook.Season
	active common.Screen
	resume workbook.Place // where the last session left off
	// step is the step of the exercise last shown in this session
	// (Welcome until one is): the place to resume while a screen beside
	// the exercise is open.
	step common.Screen

	// The screens, built once the workbook is loaded. They are held by
	// pointer: the root is copied on every Update and View, and the
	// screens (text areas and all) are far too big to copy with it.
	welcome    *welcome.Model
	reflection *reflection.Model
	values     *values.Model
	themes     *themes.Model
	goals      *goals.Model
	summary    *summary.Model
	journal    *journalscreen.Model
	newSeason  *newseason.Model
	history    *history.Model
	compare    *compare.Model

	seasons []workbook.Season // every season's header, oldest first

	status     string
	statusKind statusKind
	statusSeq  int

	frames *frames // the last frame, reused during a burst of keys
	redraw bool    // a redrawMsg is on its way

	// checking is set while the check at start runs; held keeps the keys
	// and pastes that came meanwhile (checking.go).
	checking bool
	held     []tea.Msg

	quitting bool // saving before quitting
	// offer: a passphrase is offered on the first run's welcome;
	// passphrase: the runner took the offer
	offer, passphrase bool
	force             bool // a save on quit failed; the next ctrl+c quits anyway
	encrypted         bool // the workbook is encrypted: no ctrl+e (editor.go)
	done              bool // everything was saved and the program is ending

	width, height int
}

// Options adjust the root model.
type Options struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Dark picks the styles before the terminal reports its background.
	Dark bool
	// Tick schedules a message after a delay; nil means tea.Tick.
	Tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	// FrameEvery is the shortest time between two frames drawn while keys
	// arrive; zero draws a frame after every message. The program sets it
	// to about a terminal's frame: a key typed after a pause is still
	// drawn at once.
	FrameEvery time.Duration
	// Getenv reads the environment ($VISUAL, $EDITOR); nil means
	// os.Getenv.
	Getenv func(string) string
	// Exec runs the runner's editor with the terminal handed over; nil
	// means tea.ExecProcess.
	Exec func(*exec.Cmd, tea.ExecCallback) tea.Cmd
	// Checking says the check at start is still running: keys wait for
	// its CheckedMsg (checking.go).
	Checking bool
	// Drawn, if set, is called once, when the first frame of the loaded
	// workbook has been made: the check at start begins then, so that it
	// does not compete with start-up for the processor.
	Drawn func()
	// OfferPassphrase offers a passphrase on the first run's welcome.
	OfferPassphrase bool
	// Encrypted says the workbook is encrypted: nothing decrypted may be
	// written outside it, so ctrl+e (the runner's editor, which works on
	// a file) is refused and not offered.
	Encrypted bool
}

// New returns the root model for the workbook in st.
func New(st Store, opts Options) Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Tick == nil {
		opts.Tick = tea.Tick
	}
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	if opts.Exec == nil {
		opts.Exec = tea.ExecProcess
	}
	m := Model{
		st:     st,
		now:    opts.Now,
		getenv: opts.Getenv,
		exec:   opts.Exec,
		tick:   opts.Tick,
		styles: common.NewStyles(opts.Dark),
		keys:   DefaultKeyMap(),
		help:   help.New(),
		ledger: common.NewLedger(),
		frames: &frames{every: opts.FrameEvery, drawn: opts.Drawn},
		offer:  opts.OfferPassphrase,

		encrypted: opts.Encrypted,
	}
	m.checking = opts.Checking
	m.help.Styles = m.styles.Help
	return m
}

// component is what the root does alike with every screen. Each screen's
// *Model satisfies it; see tui/doc.go.
type component interface {
	help.KeyMap // the screen's live keys, for the footer
	View() string
	SetSize(w, h int)
	SetStyles(s *common.Styles)
	Typing() bool
	TakeNavigation() (common.NavigateMsg, bool)
	// Saving returns the screen's Saver, or nil if it writes nothing.
	Saving() *common.Saver
}

// part is one screen as the root drives it: its component, its Update
// applied in place, and what happens as it is entered (nil: nothing).
type part struct {
	component
	update func(tea.Msg) tea.Cmd
	enter  func(common.NavigateMsg) tea.Cmd
}

// bind makes the part of the screen model at p. The Bubbles shape returns
// a new model from Update; bind stores it back where p points.
func bind[M interface{ Update(tea.Msg) (M, tea.Cmd) }, P interface {
	*M
	component
}](p P, enter func(common.NavigateMsg) tea.Cmd) part {
	update := func(msg tea.Msg) tea.Cmd {
		next, cmd := (*p).Update(msg)
		*p = next
		return cmd
	}
	return part{component: p, update: update, enter: enter}
}

func ptr[T any](v T) *T { return &v }

// screen returns screen s as the root drives it. It is the one place the
// root names each screen's field, and it says what a screen is handed,
// from the others, as it is entered. The hand-overs capture the screens
// they read, never m: a closure holding m would move the whole root to
// the heap on every frame.
func (m Model) screen(s common.Screen) part {
	switch s {
	case common.Welcome:
		return bind(m.welcome, nil)
	case common.Reflect:
		r := m.reflection
		return bind(r, func(to common.NavigateMsg) tea.Cmd {
			if to.Question < 0 {
				return nil
			}
			return r.Open(to.Question)
		})
	case common.Values:
		v := m.values
		return bind(v, func(common.NavigateMsg) tea.Cmd {
			v.Focus()
			return nil
		})
	case common.Themes:
		th, r, v := m.themes, m.reflection, m.values
		return bind(th, func(common.NavigateMsg) tea.Cmd {
			th.SetAnswers(r.Answers())
			th.SetValues(valueRefs(v.Chosen()))
			th.Focus()
			return nil
		})
	case common.Goals:
		g, th, v, st, now, place := m.goals, m.themes, m.values, m.st, m.now, m.resume
		return bind(g, func(to common.NavigateMsg) tea.Cmd {
			toward, averse := th.Chosen()
			g.SetContext(goalContext(th.Board(), toward, averse, v.Chosen()))
			if to.Resume {
				g.Resume(place)
			}
			switch to.Board {
			case common.BoardWeek:
				g.OpenWeek()
			case common.BoardLook:
				g.OpenLook()
			}
			return goals.LoadRuns(st, workbook.DayOf(now()))
		})
	case common.Journal:
		j, v, started := m.journal, m.values, workbook.DayOf(m.season.Started.Local())
		return bind(j, func(to common.NavigateMsg) tea.Cmd {
			return j.Enter(journalscreen.Enter{
				From: to.From, Log: to.Log, Values: journalValues(v.Chosen()), SeasonStarted: started,
				ChangeExperiment: v.SetExperiment,
			})
		})
	case common.Summary:
		sum, season, r, v, th, g, from := m.summary, m.season, m.reflection, m.values, m.themes, m.goals, seasonName(m.seasons, m.season.From)
		return bind(sum, func(common.NavigateMsg) tea.Cmd {
			toward, averse := th.Chosen()
			sum.SetSeason(summary.Season{
				Season:  season,
				Answers: r.Answers(),
				Themes:  th.Board(),
				Toward:  toward,
				Averse:  averse,
				Values:  summaryValues(v.Chosen()),
				Goals:   g.Goals(),
				From:    from,
			})
			return nil
		})
	case common.NewSeason, common.History, common.Compare:
		return m.seasonScreen(s)
	}
	return bind(m.welcome, nil) // no such screen: the welcome, never a panic
}

// Shutdown returns the message that asks a running workbook to save
// everything and quit, as main sends it after a signal.
func Shutdown() tea.Msg { return common.ShutdownMsg{} }

// Err returns the error that ended the program, if any.
func (m Model) Err() error { return m.err }

// Done reports whether the workbook finished saving and quit on its own.
func (m Model) Done() bool { return m.done }

// WantsPassphrase reports whether the program ended for the runner to
// give the workbook a passphrase.
func (m Model) WantsPassphrase() bool { return m.passphrase }

type loadedMsg struct {
	season  workbook.Season
	wb      workbook.Snapshot
	seasons []workbook.Season
	err     error
}

type statusExpiredMsg struct{ seq int }

type flushedMsg struct{ results []tea.Msg }

// Init loads the workbook and asks the terminal for its background.
func (m Model) Init() tea.Cmd {
	starttrace.Mark("bubbletea")
	return tea.Batch(load(m.st), tea.RequestBackgroundColor)
}

// load reads the current season from disk, starting the first season of
// a new workbook.
func load(st Store) tea.Cmd {
	return func() tea.Msg {
		season, err := st.CurrentSeason()
		if errors.Is(err, store.ErrNotFound) {
			season, err = st.StartSeason("")
		}
		if err != nil {
			return loadedMsg{err: err}
		}
		wb, err := st.Workbook(season.ID)
		if err != nil {
			return loadedMsg{err: err}
		}
		seasons, err := st.Seasons() // headers only
		return loadedMsg{season: season, wb: wb, seasons: seasons, err: err}
	}
}

// Update routes a message: sizes and colours to every screen, a screen's own
// results back to it, global keys to the root, everything else to the
// screen being shown.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(redrawMsg); ok {
		m.redraw = false
		return m, nil
	}
	next, cmd := m.update(msg)
	return next.(Model).afterInput(msg, cmd)
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		starttrace.Mark("loaded")
		defer starttrace.Mark("screens")
		return m.handleLoaded(msg)
	case tea.WindowSizeMsg:
		starttrace.Mark("size")
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case tea.BackgroundColorMsg:
		m.setStyles(common.NewStyles(msg.IsDark()))
		return m, nil
	case common.NavigateMsg:
		return m.navigate(msg)
	case common.StatusMsg:
		kind := statusNote
		if msg.Err {
			kind = statusError
		}
		return m.setStatus(msg.Text, kind)
	case statusExpiredMsg:
		if msg.seq == m.statusSeq {
			m.clearStatus()
		}
		return m, nil
	case common.ShutdownMsg:
		return m.quit()
	case editorDoneMsg:
		return m.handleEdited(msg)
	case common.StartSeasonMsg:
		return m.beginSeason(msg)
	case seasonBegunMsg:
		return m.handleBegun(msg)
	case previousMsg:
		m.reflection.SetPrevious(msg.name, msg.answers)
		return m, nil
	case flushedMsg:
		return m.handleFlushed(msg)
	case common.SavedMsg:
		m, cmd := m.route(msg)
		if msg.Err != nil {
			m, status := m.setStatus(saveProblem(msg), statusError)
			return m, tea.Batch(cmd, status)
		}
		return m, cmd
	case common.Routed:
		return m.route(msg)
	case CheckedMsg:
		return m.handleChecked(msg)
	case tea.KeyPressMsg:
		if m.checking {
			return m.hold(msg)
		}
		return m.handleKey(msg)
	case tea.PasteMsg:
		if m.checking {
			return m.hold(msg)
		}
		if m.tooSmall() {
			return m, nil // nothing lands where the runner cannot see it
		}
	}
	return m.updateActive(msg)
}

// saveProblem says what could not be saved; the error names a file or a
// cause, never the runner's words.
func saveProblem(msg common.SavedMsg) string {
	return "Could not save " + msg.What + ", trying again: " + msg.Err.Error()
}

func (m Model) handleLoaded(msg loadedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.err = msg.err
		return m, tea.Quit
	}
	m.loaded = true
	m.season = msg.season
	m.seasons = msg.seasons
	wb := msg.wb
	env := common.Env{Season: m.season.ID, Ledger: m.ledger, Styles: m.styles, Now: m.now, Tick: m.tick}

	visit := visitOf(wb, m.now(), len(m.seasons))
	visit.OfferPassphrase = m.offer
	m.welcome = ptr(welcome.New(env, visit))
	m.reflection = ptr(reflection.New(env, m.st, wb.Answers, max(visit.Resume.Question, 0)))
	m.values = ptr(values.New(env, m.st, wb.Values))
	m.themes = ptr(themes.New(env, m.st, wb.Themes))
	m.goals = ptr(goals.New(env, m.st, wb.Goals))
	// Whichever way the runner goes on, the theme and goal they had
	// selected are selected again.
	m.resume = wb.Place
	m.themes.Select(wb.Place.Theme)
	m.goals.Select(wb.Place.Goal)
	m.summary = ptr(summary.New(env))
	m.journal = ptr(journalscreen.New(env, m.st, wb.Reviews))
	m.newSeason = ptr(newseason.New(env))
	m.history = ptr(history.New(env, m.st))
	m.compare = ptr(compare.New(env, m.st))
	m.active, m.step = common.Welcome, common.Welcome
	m.resize()
	return m, loadPrevious(m.st, m.seasons, m.season.ID)
}

func (m *Model) setStyles(st *common.Styles) {
	m.styles = st
	m.help.Styles = st.Help
	if !m.loaded {
		return
	}
	for _, s := range common.Screens {
		m.screen(s).SetStyles(st)
	}
}

// resize hands every screen the space left by the header, status line and
// help footer.
func (m *Model) resize() {
	if !m.loaded || m.tooSmall() {
		return
	}
	w := m.width - 2
	h := m.height - 3 - lipgloss.Height(m.helpView())
	m.help.SetWidth(w)
	for _, s := range common.Screens {
		m.screen(s).SetSize(w, h)
	}
}

func (m Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// typing reports whether the screen shown takes plain keys as text.
func (m Model) typing() bool { return m.loaded && m.screen(m.active).Typing() }

func (m Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.keys.Interrupt) {
		if m.force || !m.loaded {
			m.done = true
			return m, tea.Quit
		}
		return m.quit()
	}
	if !m.loaded || m.quitting {
		return m, nil
	}
	if !m.typing() && key.Matches(msg, m.keys.Quit) {
		return m.quit()
	}
	if m.tooSmall() {
		// The screen cannot be seen: no key but quit may act on it, or a
		// key pressed blind would open an editor, type or move unseen.
		return m, nil
	}
	switch {
	case key.Matches(msg, m.keys.Log):
		if m.active == common.Journal {
			return m, m.journal.NewEntry()
		}
		return m.navigate(common.NavigateMsg{To: common.Journal, Question: -1, Log: true})
	case key.Matches(msg, m.keys.Journal) && m.active != common.Journal:
		return m.navigate(common.GoTo(common.Journal))
	case key.Matches(msg, m.keys.Editor):
		return m.openEditor()
	case key.Matches(msg, m.keys.HelpAnywhere), !m.typing() && key.Matches(msg, m.keys.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.resize()
		return m, nil
	}
	before := m.reflection.Index()
	next, cmd := m.updateActive(msg)
	m = next.(Model)
	if m.active == common.Reflect && m.reflection.Index() != before {
		return m, tea.Batch(cmd, m.savePlace())
	}
	return m, cmd
}

// updateActive sends msg to the screen being shown.
func (m Model) updateActive(msg tea.Msg) (tea.Model, tea.Cmd) {
	if !m.loaded {
		return m, nil
	}
	return m.updateScreen(m.active, msg)
}

// route hands a screen's own result back to that screen.
func (m Model) route(msg common.Routed) (Model, tea.Cmd) {
	if !m.loaded {
		return m, nil
	}
	next, cmd := m.updateScreen(msg.RouteTo(), msg)
	return next.(Model), cmd
}

// updateScreen sends msg to screen s and, if the screen asked to move,
// moves at once, before the next key is read. A refusal the screen
// recorded goes to the status line in the same frame; the next key or
// paste the screen takes in clears it.
func (m Model) updateScreen(s common.Screen, msg tea.Msg) (tea.Model, tea.Cmd) {
	p := m.screen(s)
	cmd := p.update(msg)
	if sv := p.Saving(); sv != nil {
		if why := sv.TakeRefusal(); why != "" {
			var status tea.Cmd
			m, status = m.setStatus(why, statusRefusal)
			cmd = tea.Batch(cmd, status)
		} else if m.statusKind == statusRefusal && isInput(msg) {
			m.clearStatus()
		}
	}
	to, move := p.TakeNavigation()
	if !move {
		return m, cmd
	}
	next, navCmd := m.navigate(to)
	return next, tea.Batch(cmd, navCmd)
}

// isInput reports whether msg is something typed or pasted.
func isInput(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		return true
	}
	return false
}

// navigate shows another screen, handing it what the others know.
func (m Model) navigate(msg common.NavigateMsg) (tea.Model, tea.Cmd) {
	if !m.loaded {
		return m, nil
	}
	if msg.Passphrase {
		m.passphrase = true
		return m.quit()
	}
	cmds := []tea.Cmd{m.flush(m.active)}
	if msg.To != m.active && m.statusKind != statusError {
		m.clearStatus() // a note about the screen left says nothing here
	}
	msg.From = m.active
	m.active = msg.To
	if msg.To != common.Welcome && !common.Beside(msg.To) {
		m.step = msg.To
	}
	if enter := m.screen(msg.To).enter; enter != nil {
		cmds = append(cmds, enter(msg))
	}
	cmds = append(cmds, m.savePlace())
	return m, tea.Batch(cmds...)
}

// flush returns the command that writes screen s's unsaved edits, or nil.
func (m *Model) flush(s common.Screen) tea.Cmd {
	if sv := m.screen(s).Saving(); sv != nil {
		return sv.Flush()
	}
	return nil
}

// savePlace records where to resume: the screen and question, the theme
// and goal selected, and whether the goal editor or ideas were open.
//
// The journal and the seasons are beside the exercise, never places in
// it: while one is open, the place is the step left for it, as it is now.
// Recording nothing there would leave the place as it was when the step
// was left, and a goal editor closed since would open again next time.
func (m *Model) savePlace() tea.Cmd {
	at := m.active
	if common.Beside(at) {
		at = m.step
	}
	if at == common.Welcome || !m.loaded {
		return nil
	}
	p := workbook.Place{Screen: at.String(), Question: m.reflection.Index(), Theme: m.themes.Selected(), Updated: m.now().UTC()}
	p.Goal, p.Editing, p.Ideas = m.goals.Where()
	season, st := m.season.ID, m.st
	return m.ledger.Save(common.Welcome, m.ledger.Next(), common.Record{Key: "place", What: "your place", Save: func() error {
		return st.SavePlace(season, p)
	}})
}

// Salvage returns one command that writes the whole live state of every
// screen not known to be saved. main runs it when the program ended
// without finishing its own save (killed after a signal, or an input
// error): a flush command the program dropped would otherwise leave edits
// counted as handed over but never written. Writing too much is harmless.
func (m Model) Salvage() tea.Cmd { return m.saveAll(m.ledger.WaitRunning) }

// saveAll returns one command that writes everything not known to be
// saved, on every screen: edits waiting for their tick, failed writes, and
// writes handed out whose result has not come back. Quitting uses it with
// the ledger's Wait, so that every result is heard before the program
// ends (one arriving after would be lost, and with it any failure); main's
// salvage, with WaitRunning.
func (m Model) saveAll(wait func(time.Duration) bool) tea.Cmd {
	if !m.loaded {
		return nil
	}
	var cmds []tea.Cmd
	for _, s := range common.Screens {
		if sv := m.screen(s).Saving(); sv != nil && !sv.Clean() {
			cmds = append(cmds, sv.Salvage())
		}
	}
	cmds = append(cmds, m.savePlace())
	return inOrder(cmds, wait)
}

// inOrder returns one command that runs cmds one after another, then waits
// (at most a few seconds) for other writes, and reports every result.
func inOrder(cmds []tea.Cmd, wait func(time.Duration) bool) tea.Cmd {
	return func() tea.Msg {
		var out flushedMsg
		for _, cmd := range cmds {
			out.results = append(out.results, runNow(cmd)...)
		}
		wait(3 * time.Second)
		return out
	}
}

// runNow runs cmd and any batch it returns, one after another, in this
// goroutine, and returns the messages: quitting must know every result.
func runNow(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	batch, ok := msg.(tea.BatchMsg)
	if !ok {
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for _, c := range batch {
		out = append(out, runNow(c)...)
	}
	return out
}

// quit saves everything, then ends the program.
func (m Model) quit() (tea.Model, tea.Cmd) {
	if !m.loaded {
		m.done = true
		return m, tea.Quit
	}
	if m.quitting {
		return m, nil
	}
	m.quitting = true
	return m, m.saveAll(m.ledger.Wait)
}

func (m Model) handleFlushed(msg flushedMsg) (tea.Model, tea.Cmd) {
	var failed error
	for _, r := range msg.results {
		saved, ok := r.(common.SavedMsg)
		if !ok {
			continue
		}
		m, _ = m.route(saved)
		if saved.Err != nil && failed == nil {
			failed = errors.New(saveProblem(saved))
		}
	}
	if m.quitting && failed == nil {
		m.done = true
		return m, tea.Quit
	}
	m.quitting = false
	if failed != nil {
		m.force = true
		return m.setStatus("ctrl+c again quits without saving. "+failed.Error(), statusError)
	}
	return m, nil
}

func (m Model) setStatus(text string, kind statusKind) (Model, tea.Cmd) {
	m.statusSeq++
	m.status, m.statusKind = text, kind
	seq := m.statusSeq
	return m, m.tick(statusFor, func(time.Time) tea.Msg { return statusExpiredMsg{seq: seq} })
}

func (m *Model) clearStatus() { m.status, m.statusKind = "", statusNote }

// View renders the frame: header, the screen, the status line and the help.
func (m Model) View() tea.View {
	v := tea.NewView(m.frames.draw(m.width, m.height, m.redraw, m.render))
	if m.loaded && m.width > 0 && m.frames != nil && m.frames.drawn != nil {
		drawn := m.frames.drawn
		m.frames.drawn = nil // shared by every copy of the root: once
		drawn()
	}
	v.AltScreen = true
	v.WindowTitle = "cairn"
	return v
}

func (m Model) render() string {
	s := m.styles
	switch {
	case m.width == 0:
		return ""
	case m.tooSmall():
		msg := common.Wrap("Make the window a little larger to see your workbook.", max(m.width-2, 1)) + "\n" +
			common.Wrap("ctrl+c saves and quits.", max(m.width-2, 1))
		clip := lipgloss.NewStyle().MaxWidth(m.width).MaxHeight(m.height)
		return clip.Render(lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, s.Muted.Render(msg)))
	case !m.loaded:
		return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, s.Muted.Render("Opening your workbook…"))
	}
	w := m.width - 2
	help := strings.Split(m.helpView(), "\n")
	bodyH := m.height - 3 - len(help)

	status := ""
	if m.status != "" {
		style := s.Muted
		switch m.statusKind {
		case statusError:
			style = s.Error
		case statusRefusal:
			style = s.Nudge
		}
		status = style.Render(common.Truncate(m.status, w))
	}
	// The frame is put together line by line rather than through Lip
	// Gloss's joins and boxes: the view is drawn after every key, and each
	// of those passes measures every cell of the window again, which made
	// a key cost over a millisecond whatever the screen showed.
	var f frame
	f.grow(m.width, m.height)
	f.line(m.header(w), w)
	f.line("", w)
	body := m.activeView()
	for i := 0; i < bodyH; i++ {
		line, rest, _ := strings.Cut(body, "\n")
		f.line(line, w)
		body = rest
	}
	f.line(status, w)
	for _, l := range help {
		f.line(l, w)
	}
	starttrace.Mark("view")
	return f.String()
}

// frame builds the window's lines, each fitted to the same width and set
// one cell in from either edge.
type frame struct {
	b strings.Builder
	n int
}

func (f *frame) grow(w, h int) { f.b.Grow((w + 16) * h * 2) }

// line adds text as one line of width w: cut when wider, padded with
// spaces when narrower.
func (f *frame) line(text string, w int) {
	if f.n > 0 {
		f.b.WriteByte('\n')
	}
	f.n++
	if strings.Contains(text, "\t") {
		text = strings.ReplaceAll(text, "\t", "    ")
	}
	tw := ansi.StringWidth(text)
	if tw > w {
		text = ansi.Truncate(text, w, "")
		tw = ansi.StringWidth(text)
	}
	f.b.WriteByte(' ')
	f.b.WriteString(text)
	f.b.WriteString(strings.Repeat(" ", max(w-tw, 0)+1))
}

func (f *frame) String() string { return f.b.String() }

func (m Model) activeView() string { return m.screen(m.active).View() }

// header is the brand, the trail of steps and the save mark.
func (m Model) header(w int) string {
	s := m.styles
	var trail []string
	for _, step := range common.Steps {
		if step == m.active {
			trail = append(trail, s.StepActive.Render(step.Title()))
		} else {
			trail = append(trail, s.Step.Render(step.Title()))
		}
	}
	left := s.Brand.Render("cairn") + "  " + strings.Join(trail, s.Rule.Render(" · "))
	if common.Beside(m.active) {
		// Beside the exercise, not a step of it.
		left += s.Rule.Render("   ") + s.StepActive.Render(m.active.Title())
	}
	right := m.saveMark()
	if w-lipgloss.Width(left)-lipgloss.Width(right) < 1 {
		// Narrow: the save mark matters more than the whole trail.
		left = s.Brand.Render("cairn")
		if slices.Contains(common.Steps, m.active) {
			left += "  " + s.StepActive.Render(m.active.Title())
		}
	}
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return common.Truncate(left+" "+right, w)
	}
	return left + strings.Repeat(" ", gap) + right
}

// saveMark says whether the screen's writing is on disk. "saved" appears
// only once a write has returned.
func (m Model) saveMark() string {
	s := m.styles
	sv := m.screen(m.active).Saving()
	switch {
	case sv == nil:
		return ""
	case sv.Failure() != nil:
		return s.Error.Render("not saved yet")
	case !sv.Clean():
		return s.Muted.Render("saving…")
	case sv.Wrote():
		return s.Saved.Render("✓ saved")
	}
	return ""
}

// helpView is the footer of keys, generated from the live key maps.
func (m Model) helpView() string {
	keys := helpKeys{global: m.keys, typing: m.typing()}
	if m.loaded {
		p := m.screen(m.active)
		keys.screen = p
		if ed, ok := p.component.(common.Editable); ok {
			_, keys.editor = ed.EditorText()
			keys.editor = keys.editor && !m.encrypted
		}
	}
	view := m.help.View(keys)
	if m.help.ShowAll {
		view = m.fullHelp(keys.FullHelp(), m.help.Width(), max(m.height-8, 3))
	}
	// The help bubble lets one item overflow when not even its "…" fits,
	// so the footer is clipped to the width it was given.
	return lipgloss.NewStyle().MaxWidth(m.help.Width()).Render(view)
}

// fullHelp lays out every live key in columns, as the help bubble does,
// but starts a new row of columns where the next one does not fit rather
// than cutting it off: at 80 columns the bubble showed the board's first
// three and "…", and never the keys every screen shares. Each screen
// lists its main keys first, so they come first here. At most lines
// rows are drawn, the last saying "…" when more were left out.
func (m Model) fullHelp(groups [][]key.Binding, width, lines int) string {
	st := m.help.Styles
	sep := st.FullSeparator.Inline(true).Render(m.help.FullSeparator)
	var rows, row []string
	rowW := 0
	end := func() {
		if len(row) > 0 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowW = nil, 0
		}
	}
	for _, g := range groups {
		var keys, descs []string
		for _, b := range g {
			if b.Enabled() {
				keys = append(keys, b.Help().Key)
				descs = append(descs, b.Help().Desc)
			}
		}
		if len(keys) == 0 {
			continue
		}
		col := lipgloss.JoinHorizontal(lipgloss.Top,
			st.FullKey.Render(strings.Join(keys, "\n")), " ", st.FullDesc.Render(strings.Join(descs, "\n")))
		if rowW > 0 && rowW+lipgloss.Width(sep)+lipgloss.Width(col) > width {
			end()
		}
		if rowW > 0 {
			col = lipgloss.JoinHorizontal(lipgloss.Top, sep, col)
		}
		row = append(row, col)
		rowW += lipgloss.Width(col)
	}
	end()
	out := strings.Split(strings.Join(rows, "\n"), "\n")
	if len(out) > lines {
		out = append(out[:lines-1], st.Ellipsis.Render(m.help.Ellipsis))
	}
	return strings.Join(out, "\n")
}

// helpKeys joins the screen's keys and the global ones for the footer.
type helpKeys struct {
	screen help.KeyMap
	global KeyMap
	typing bool
	// editor says a text area has focus, for the runner's own editor.
	editor bool
}

func (h helpKeys) globals() []key.Binding {
	if h.typing {
		return []key.Binding{h.global.Interrupt, h.global.HelpAnywhere}
	}
	return []key.Binding{h.global.Help, h.global.Quit}
}

// ShortHelp is the footer, in the order a narrow one keeps. While typing:
// ctrl+c (the only way out) and ctrl+/ (every other key), the log key
// (the journal's way in, from anywhere), the screen's first key (its way
// on: tab, next question), then ctrl+e where the text can go to the
// runner's editor, and the screen's other keys. Otherwise the log key,
// the screen's keys, ? and q. The journal key comes last, where a wide
// footer shows it.
func (h helpKeys) ShortHelp() []key.Binding {
	var own []key.Binding // the screen's live keys
	if h.screen != nil {
		for _, b := range h.screen.ShortHelp() {
			if b.Enabled() {
				own = append(own, b)
			}
		}
	}
	var out []key.Binding
	if h.typing {
		out = append(out, h.globals()...)
	}
	out = append(out, h.global.Log)
	if len(own) > 0 {
		out, own = append(out, own[0]), own[1:]
	}
	if h.editor {
		out = append(out, h.global.Editor)
	}
	out = append(out, own...)
	if !h.typing {
		out = append(out, h.globals()...)
	}
	return append(out, h.global.Journal)
}

func (h helpKeys) FullHelp() [][]key.Binding {
	var out [][]key.Binding
	if h.screen != nil {
		out = append(out, h.screen.FullHelp()...)
	}
	globals := append(h.globals(), h.global.Log, h.global.Journal)
	if h.editor {
		globals = append(globals, h.global.Editor)
	}
	return append(out, globals)
}
