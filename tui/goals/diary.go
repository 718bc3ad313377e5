package goals

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/seasons"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// A goal's history, newest first, read a page at a time as the runner
// scrolls: it grows with every edit for as long as the goal lives, and is
// never read whole.

// diaryPage is how many events one read brings.
const diaryPage = 50

// HistoryReader is what the diary asks of the store.
type HistoryReader interface {
	GoalHistory(seasonID, goalID, from string, limit int, newestFirst bool) ([]workbook.GoalEvent, string, error)
}

// DiaryMsg brings a page of a goal's history.
type DiaryMsg struct {
	Goal   string
	Events []workbook.GoalEvent
	Next   string
	Err    error
}

// RouteTo sends the page to the board.
func (DiaryMsg) RouteTo() common.Screen { return common.Goals }

// diary is the history shown: the goal, the events read so far, and where
// the next page starts ("" when there is none).
type diary struct {
	goal    string
	events  []workbook.GoalEvent
	next    string
	loading bool
	top     int
}

// readDiary reads a page of goal's history from from.
func readDiary(st HistoryReader, season, goal, from string) tea.Cmd {
	return func() tea.Msg {
		evs, next, err := st.GoalHistory(season, goal, from, diaryPage, true)
		return DiaryMsg{Goal: goal, Events: evs, Next: next, Err: err}
	}
}

// openDiary shows the selected goal's history.
func (m Model) openDiary() (Model, tea.Cmd) {
	i := m.selected()
	if i < 0 {
		return m, nil
	}
	id := m.goals[i].ID
	m.life.diary = diary{goal: id, loading: true}
	m.open(overlayDiary)
	return m, readDiary(m.saver, m.env.Season, id, "")
}

// takeDiary keeps a page that came back for the history still shown.
func (m *Model) takeDiary(msg DiaryMsg) tea.Cmd {
	d := &m.life.diary
	if msg.Goal != d.goal || m.life.overlay != overlayDiary {
		return nil
	}
	d.loading = false
	if msg.Err != nil {
		return func() tea.Msg {
			return common.StatusMsg{Text: "Could not read this goal's history: " + msg.Err.Error(), Err: true}
		}
	}
	d.events = append(d.events, msg.Events...)
	d.next = msg.Next
	return nil
}

func (m Model) updateDiary(k tea.KeyPressMsg) (Model, tea.Cmd) {
	d := &m.life.diary
	switch {
	case key.Matches(k, m.keys.OptUp):
		d.top = max(d.top-1, 0)
	case key.Matches(k, m.keys.OptDown):
		d.top = min(d.top+1, max(len(d.events)-1, 0))
	case key.Matches(k, m.keys.Back):
		m.life.overlay = noOverlay
		return m, nil
	}
	// Near the end of what was read, the next page is read.
	if d.next != "" && !d.loading && d.top+m.height >= len(d.events) {
		d.loading = true
		return m, readDiary(m.saver, m.env.Season, d.goal, d.next)
	}
	return m, nil
}

func (m Model) diaryView() string {
	d := m.life.diary
	g, _ := m.goal(d.goal)
	lines := []string{m.title("Its history, newest first"), m.goalLines(g, 2), ""}
	now := m.env.Now()
	var body []string
	for _, ev := range d.events[min(d.top, len(d.events)):] {
		text := common.Wrap(seasons.Diary(ev, now), max(m.width-2, 1))
		body = append(body, strings.Split(strings.ReplaceAll("· "+text, "\n", "\n  "), "\n")...)
	}
	switch {
	case d.loading && len(d.events) == 0:
		body = append(body, m.muted("Reading…"))
	case len(d.events) == 0:
		body = append(body, m.muted("Nothing kept yet: its history begins with its next change."))
	}
	return strings.Join(append(lines, body...), "\n")
}
