// Package journal is the after-run journal screen (seed 003): the runs,
// newest first, read from the store a page at a time however many there
// are; a thirty-second entry form the log key opens from anywhere; each
// run opened, edited or deleted; insights over a few weeks, a season or a
// year; and a look back at a value's experiment once it has been tried on
// a few runs.
//
// The arithmetic lives in the pure package github.com/cairn-run/cairn/journal,
// imported here as jr.
package journal

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	jr "github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/tui/textbox"
	"github.com/cairn-run/cairn/workbook"
)

// Store is what the journal asks of the store.
type Store interface {
	JournalPage(from string, limit int, newestFirst bool) ([]workbook.Entry, string, error)
	JournalScan(first, last workbook.Day, newestFirst bool, fn func(workbook.Entry) bool) error
	PutEntry(e workbook.Entry) error
	DeleteEntry(id string) error
	JournalSettings() (workbook.JournalSettings, error)
	SaveJournalSettings(s workbook.JournalSettings) error
	SaveExperimentReview(seasonID string, r workbook.ExperimentReview) error
}

// Value is one of the runner's values, as the journal asks about it.
type Value struct {
	Ref        workbook.Ref
	Name       string
	Experiment string
}

// Enter is what the screen is handed as it is entered.
type Enter struct {
	// From is the screen the runner came from, where done returns after
	// a run logged with the log key.
	From common.Screen
	// Log opens the entry form at once.
	Log bool
	// Values are the runner's chosen values, with their experiments.
	Values []Value
	// SeasonStarted is the day the season began: experiments are counted
	// from then, or from their last look back.
	SeasonStarted workbook.Day
	// ChangeExperiment rewords (or, with "", drops) a value's experiment
	// on the values step, through that step's own save path.
	ChangeExperiment func(workbook.Ref, string) tea.Cmd
}

// ReviewAfter is how many runs try an experiment before cairn asks how it
// went.
const ReviewAfter = 3

// Model is the journal screen. Its Saver writes entries, the settings and
// looks back at experiments.
type Model struct {
	common.Saver

	env  common.Env
	st   Store
	keys KeyMap
	mode mode

	loaded   bool
	settings workbook.JournalSettings
	enter    Enter
	reviews  []workbook.ExperimentReview
	// tries counts, for each value, the runs that tried its experiment
	// since the season began or it was last looked back at.
	tries map[workbook.Ref]int
	// asked notes the experiments the screen has asked about this visit,
	// so a look back put off is not asked again after every run.
	asked map[workbook.Ref]bool
	// recent are the runs of the last twelve weeks, for the header's
	// sparkline and this week against the plan; few, and kept in step
	// with every save.
	recent []workbook.Entry

	list         list
	form         form
	jump         textinput.Model
	insights     insights
	review       review
	settingsForm settingsForm

	// confirmFromDetail says the delete being asked about was asked from
	// the run shown whole.
	confirmFromDetail bool

	// back is where done returns after a run logged with the log key.
	back    common.Screen
	hasBack bool
	nav     common.Request

	width, height int
}

// New builds the journal screen. reviews are the season's looks back at
// experiments so far.
func New(env common.Env, st Store, reviews []workbook.ExperimentReview) Model {
	m := Model{
		env:      env,
		st:       st,
		keys:     DefaultKeyMap(),
		reviews:  reviews,
		settings: workbook.DefaultJournalSettings(),
		tries:    map[workbook.Ref]int{},
		asked:    map[workbook.Ref]bool{},
		jump:     newLine(env.Styles, "today, last monday, 2026-11-30, 30 nov"),
		Saver:    common.NewSaver(common.Journal, env),
	}
	m.syncKeys()
	return m
}

// today is the runner's calendar day now.
func (m Model) today() workbook.Day { return workbook.DayOf(m.env.Now()) }

// Enter hands the screen what the others know, and returns what it needs
// loading: on the first visit the settings, the newest page and the
// counts of experiments tried.
func (m *Model) Enter(e Enter) tea.Cmd {
	m.enter = e
	m.back, m.hasBack = e.From, e.Log
	var cmd tea.Cmd
	if !m.loaded {
		cmd = load(m.st, m.today(), m.countSince())
	}
	if e.Log {
		cmd = tea.Batch(cmd, m.openForm(workbook.Entry{}, true))
	} else if m.mode == modeForm || m.mode == modeReview {
		// Left mid-way by another key: nothing is dropped, the form was
		// saved as it was typed.
		m.mode = modeList
	}
	m.syncKeys()
	return cmd
}

// NewEntry opens the entry form for a new run, as the log key does when
// the journal is already showing.
func (m *Model) NewEntry() tea.Cmd {
	if m.mode == modeForm && m.form.isNew && jr.Blank(m.form.entry()) {
		return nil // already there, nothing typed yet
	}
	flush := m.closeForm(false)
	open := m.openForm(workbook.Entry{}, false)
	m.syncKeys()
	return tea.Batch(flush, open)
}

// countSince says, for each value, from when its tries count: its last
// look back, or the start of the season.
func (m Model) countSince() map[workbook.Ref]time.Time {
	since := map[workbook.Ref]time.Time{}
	start := m.enter.SeasonStarted.Time()
	for _, v := range m.enter.Values {
		since[v.Ref] = start
	}
	for _, r := range m.reviews {
		if r.At.After(since[r.Value]) {
			since[r.Value] = r.At
		}
	}
	return since
}

// TakeNavigation returns the move this screen asked for in its last
// Update, if any.
func (m *Model) TakeNavigation() (common.NavigateMsg, bool) { return m.nav.Take() }

// ShortHelp lists the screen's live keys for the help footer.
func (m Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// FullHelp lists the screen's live keys for the expanded help.
func (m Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// Saving returns the screen's Saver.
func (m *Model) Saving() *common.Saver { return &m.Saver }

// Typing reports whether plain keys are text: in the entry form, the look
// back and going to a date, every key belongs to the form.
func (m Model) Typing() bool {
	return m.mode == modeForm || m.mode == modeReview || m.mode == modeJump
}

// EditorText returns a run's note, when it has focus in the entry form,
// for the runner's own editor (common.Editable).
func (m Model) EditorText() (string, bool) {
	if m.mode != modeForm || m.form.kind() != kindNote {
		return "", false
	}
	return m.form.note.Value(), true
}

// SetStyles applies new styles.
func (m *Model) SetStyles(s *common.Styles) {
	m.env.Styles = s
	m.jump.SetStyles(s.TextInput)
	m.form.setStyles(s)
	m.review.setStyles(s)
}

// SetSize gives the screen its width and height.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.jump.SetWidth(max(w-20, 10))
	m.form.setWidth(w)
	m.review.setWidth(w)
	m.list.height = m.listHeight()
	m.list.settle()
}

func (m *Model) syncKeys() {
	var f fieldKind
	switch m.mode {
	case modeForm:
		f = m.form.kind()
	case modeReview:
		f = m.review.kind()
	case modeSettings:
		f = kindChoice
	}
	pending := len(m.pendingReviews()) > 0
	m.keys.setMode(m.mode, f, len(m.list.rows) == 0, pending)
}

// pendingReviews are the values whose experiment has been tried often
// enough to look back at.
func (m Model) pendingReviews() []Value {
	var out []Value
	for _, v := range m.enter.Values {
		if v.Experiment != "" && m.tries[v.Ref] >= ReviewAfter {
			out = append(out, v)
		}
	}
	return out
}

// valueName names a value the runner chose, or says it is one no longer
// chosen.
func (m Model) valueName(r workbook.Ref) string {
	for _, v := range m.enter.Values {
		if v.Ref == r {
			return v.Name
		}
	}
	return r.ID
}

func newLine(s *common.Styles, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.CharLimit = 0 // the screen checks its own limits and says so
	in.KeyMap.Paste.SetEnabled(false)
	in.SetStyles(s.TextInput)
	return in
}

// Update handles a message for this screen.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case common.AutosaveMsg, common.SavedMsg, common.RetryMsg:
		cmd = m.Saver.Update(msg)
	case loadedMsg:
		cmd = m.handleLoaded(msg)
	case pageMsg:
		cmd = m.handlePage(msg)
	case insightsMsg:
		m.insights.take(msg)
	case tea.KeyPressMsg:
		cmd = m.handleKey(msg)
	case tea.PasteMsg:
		cmd = m.handlePaste(msg)
	case textbox.ReplaceMsg:
		if _, ok := m.EditorText(); ok {
			cmd = m.formInput(msg)
		}
	}
	m.syncKeys()
	return m, cmd
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch m.mode {
	case modeForm:
		return m.updateForm(msg)
	case modeReview:
		return m.updateReview(msg)
	case modeSettings:
		return m.updateSettings(msg)
	case modeJump:
		return m.updateJump(msg)
	case modeConfirm:
		return m.updateConfirm(msg)
	case modeDetail:
		return m.updateDetail(msg)
	case modeInsights:
		return m.updateInsights(msg)
	}
	return m.updateList(msg)
}

func (m *Model) handlePaste(msg tea.PasteMsg) tea.Cmd {
	switch m.mode {
	case modeForm:
		return m.formInput(msg)
	case modeReview:
		return m.reviewInput(msg)
	case modeJump:
		msg, why := common.AdmitLine(msg, m.jump.Value(), common.MaxLineRunes, "A date")
		if why != "" {
			m.Saver.Refuse(why)
			return nil
		}
		var cmd tea.Cmd
		m.jump, cmd = m.jump.Update(msg)
		return cmd
	}
	return nil
}

// goBack leaves the journal for the screen the runner came from.
func (m *Model) goBack() {
	to := m.back
	if to == common.Journal {
		to = common.Welcome
	}
	m.nav.Navigate(common.GoTo(to))
}

// statusErr is a failed read, for the status line.
func statusErr(what string, err error) tea.Cmd {
	return func() tea.Msg {
		return common.StatusMsg{Text: "Could not read " + what + ": " + err.Error(), Err: true}
	}
}

// View renders the screen.
func (m Model) View() string {
	switch m.mode {
	case modeForm:
		return m.formView()
	case modeReview:
		return m.reviewView()
	case modeSettings:
		return m.settingsView()
	case modeInsights:
		return m.insightsView()
	case modeDetail:
		return m.detailView()
	case modeConfirm:
		if m.confirmFromDetail {
			return m.detailView()
		}
	}
	return m.listView()
}
