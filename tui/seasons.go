package tui

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/tui/newseason"
	"github.com/cairn-run/cairn/workbook"
)

// Seasons in the root: beginning a new season (every screen saved first,
// then the season begun, then the workbook opened on it), last season's
// answers handed to the reflection screen, and the three screens beside
// the exercise that deal in seasons: the new season, past seasons and the
// comparison.

// SeasonStore is what the root asks of the store for seasons: every
// season's header, and a new season begun as planned.
type SeasonStore interface {
	Seasons() ([]workbook.Season, error)
	NewSeason(plan workbook.SeasonPlan) (workbook.Season, error)
}

// previousMsg brings last season's name and answers, for the reflection
// screen's side-by-side view.
type previousMsg struct {
	name    string
	answers map[string]string
}

// loadPrevious reads the answers of the season begun before current, if
// there is one. It runs after the first frame, so start-up never waits
// for a second season's answers.
func loadPrevious(st Store, seasons []workbook.Season, current string) tea.Cmd {
	var prev workbook.Season
	for _, s := range seasons {
		if s.ID == current {
			break
		}
		prev = s
	}
	if prev.ID == "" {
		return nil
	}
	return func() tea.Msg {
		wb, err := st.Workbook(prev.ID)
		if err != nil {
			// Last season unreadable: this season is still whole, and the
			// comparison and history say what is wrong when opened.
			return nil
		}
		answers := make(map[string]string, len(wb.Answers))
		for id, a := range wb.Answers {
			answers[id] = a.Text
		}
		return previousMsg{name: prev.Name, answers: answers}
	}
}

// seasonName is the name of the season with id among seasons; "" when
// there is none.
func seasonName(seasons []workbook.Season, id string) string {
	for _, s := range seasons {
		if s.ID == id && id != "" {
			return s.Name
		}
	}
	return ""
}

// seasonScreen is the part of the screens that deal in seasons; the
// root's screen method hands them over here.
func (m Model) seasonScreen(s common.Screen) part {
	switch s {
	case common.NewSeason:
		ns, v, th, g, season, all, now := m.newSeason, m.values, m.themes, m.goals, m.season, m.seasons, m.now
		return bind(ns, func(to common.NavigateMsg) tea.Cmd {
			toward, averse := th.Chosen()
			ns.Open(to.Why, carrySource(season.Name, len(v.Chosen()), len(toward)+len(averse), g.Goals(), all, now()))
			return nil
		})
	case common.History:
		h, all, current := m.history, m.seasons, m.season.ID
		return bind(h, func(to common.NavigateMsg) tea.Cmd {
			return h.Open(all, current, back(to))
		})
	}
	c := m.compare
	return bind(c, func(to common.NavigateMsg) tea.Cmd { return c.Open(back(to)) })
}

// back is where esc returns to from a screen beside the exercise: the
// screen it was opened from.
func back(to common.NavigateMsg) common.NavigateMsg {
	return common.NavigateMsg{To: to.From, Question: -1}
}

// carrySource is what a new season could carry over from the season being
// left: its values, its confirmed themes and its goals still being worked
// toward.
func carrySource(name string, values, themes int, goals []workbook.Goal, all []workbook.Season, now time.Time) newseason.Source {
	open := 0
	week := journal.ThisWeek(workbook.DayOf(now))
	for _, g := range goals {
		if g.Open(week) {
			open++
		}
	}
	var taken []string
	for _, s := range all {
		taken = append(taken, s.Name)
	}
	return newseason.Source{Name: name, Values: values, Themes: themes, Goals: open, Taken: taken}
}

// seasonBegunMsg says how beginning a season went: the results of saving
// every screen first, then the workbook read on the new season.
type seasonBegunMsg struct {
	results []tea.Msg
	begun   workbook.Season
	loaded  loadedMsg
	err     error
}

// beginSeason saves every screen, waits for the writes to land, and only
// then begins the season as planned and reads the workbook on it: what
// the runner typed in the old season is on disk, unchanged, before the
// new one starts.
func (m Model) beginSeason(msg common.StartSeasonMsg) (tea.Model, tea.Cmd) {
	if !m.loaded || m.quitting {
		return m, nil
	}
	var cmds []tea.Cmd
	for _, s := range common.Screens {
		if cmd := m.flush(s); cmd != nil {
			cmds = append(cmds, cmd)
		}
	}
	st, plan, ledger := m.st, msg.Plan, m.ledger
	return m, func() tea.Msg {
		var out seasonBegunMsg
		for _, cmd := range cmds {
			out.results = append(out.results, runNow(cmd)...)
		}
		ledger.Wait(3 * time.Second)
		for _, r := range out.results {
			if saved, ok := r.(common.SavedMsg); ok && saved.Err != nil {
				out.err = errors.New(saveProblem(saved))
				return out
			}
		}
		if out.begun, out.err = st.NewSeason(plan); out.err != nil {
			return out
		}
		out.loaded, _ = load(st)().(loadedMsg)
		return out
	}
}

// handleBegun opens the workbook on the season just begun, at its first
// question, or says why it could not begin.
func (m Model) handleBegun(msg seasonBegunMsg) (tea.Model, tea.Cmd) {
	for _, r := range msg.results {
		if saved, ok := r.(common.SavedMsg); ok {
			m, _ = m.route(saved)
		}
	}
	if msg.err == nil {
		msg.err = msg.loaded.err
	}
	if msg.err != nil {
		return m.setStatus("The new season did not begin: "+msg.err.Error(), statusError)
	}
	next, cmd := m.handleLoaded(msg.loaded)
	m = next.(Model)
	m.resize()
	was := seasonName(m.seasons, msg.begun.From)
	note := msg.begun.Name + " begins."
	if was == "" && len(m.seasons) > 1 {
		was = m.seasons[len(m.seasons)-2].Name
	}
	if was != "" {
		note += fmt.Sprintf(" %s is kept as it was, in Past seasons.", was)
	}
	moved, nav := m.navigate(common.NavigateMsg{To: common.Reflect, Question: 0})
	m = moved.(Model)
	m, status := m.setStatus(note, statusNote)
	return m, tea.Batch(cmd, nav, status)
}
