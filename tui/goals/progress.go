package goals

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"

	jr "github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// Progress on measurable goals: a goal whose words hold a number and a
// unit ("Run 20 km a week", "A sub-25 5k") shows under its card how far
// the journal's runs have come, as a bar and a calm line. The target is
// read from the words each time (journal.ParseTarget), so editing a goal
// changes what it measures; nothing about it is stored.

// RunReader is what the board asks of the store for progress.
type RunReader interface {
	JournalScan(first, last workbook.Day, newestFirst bool, fn func(workbook.Entry) bool) error
}

// RunsMsg brings the runs a goal can count: those of this calendar year
// and the 365 days to today, a few hundred at most.
type RunsMsg struct {
	Today workbook.Day
	Runs  []workbook.Entry
	Err   error
}

// RouteTo sends the runs to the board.
func (RunsMsg) RouteTo() common.Screen { return common.Goals }

// LoadRuns reads the runs any target on today could count.
func LoadRuns(st RunReader, today workbook.Day) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		y, _, _ := today.Date()
		first := min(workbook.MakeDay(y, time.January, 1), today-jr.RaceWindow+1)
		msg := RunsMsg{Today: today}
		msg.Err = st.JournalScan(first, today, false, func(e workbook.Entry) bool {
			msg.Runs = append(msg.Runs, e)
			return true
		})
		return msg
	}
}

// runs is what the board knows of the journal: the runs, and the progress
// worked out for each goal's words, kept until the runs change.
type runs struct {
	today  workbook.Day
	list   []workbook.Entry
	byText map[string]progressLine
	loaded bool
}

type progressLine struct {
	p  jr.Progress
	ok bool
}

// takeRuns keeps the runs a RunsMsg brought; a failed read shows no
// progress rather than a wrong one.
func (m *Model) takeRuns(msg RunsMsg) {
	if msg.Err != nil {
		m.runs = runs{}
		return
	}
	m.runs = runs{today: msg.Today, list: msg.Runs, byText: map[string]progressLine{}, loaded: true}
}

// progressOf is the progress of g, worked out once for its words. A board
// whose runner keeps no journal (no runs in the last year) shows none: a
// row of empty bars would say nothing.
func (m Model) progressOf(g workbook.Goal) (jr.Progress, bool) {
	if !m.runs.loaded || len(m.runs.list) == 0 {
		return jr.Progress{}, false
	}
	key := g.Status.String() + "\x00" + g.Text
	if p, ok := m.runs.byText[key]; ok {
		return p.p, p.ok
	}
	p, ok := jr.GoalProgress(g, m.runs.list, m.runs.today)
	m.runs.byText[key] = progressLine{p, ok}
	return p, ok
}

// progressLines are the lines under a card for its goal's progress: a bar
// as wide as the card and the words, or nothing when the goal has no
// number to count.
func (m Model) progressLines(g workbook.Goal, w int) []string {
	p, ok := m.progressOf(g)
	if !ok {
		return nil
	}
	s := m.env.Styles
	bar := progress.New(progress.WithWidth(max(w, 4)), progress.WithoutPercentage(),
		progress.WithColors(s.Accent.GetForeground()), progress.WithFillCharacters('━', '─'))
	text, style := p.Text, s.Muted
	if p.Met {
		text, style = "✓ "+text, s.Met
	}
	// The words take two lines at most; a narrow card cuts the second.
	words := strings.Split(common.Wrap(text, w), "\n")
	if len(words) > 2 {
		words = append(words[:1], common.Truncate(strings.Join(words[1:], " "), w))
	}
	out := []string{bar.ViewAs(p.Fraction)}
	for _, l := range words {
		out = append(out, style.Render(l))
	}
	return out
}
