package journal

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	jr "github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// Insights hold the journal up as a mirror for a window of weeks: bars of
// weekly distance and time, the week counted by the runner's own plan,
// and plain sentences of what the runs were and what changed. The window's
// runs (and the window's before) are read when it is chosen; a year is
// a few hundred runs at most.

// The windows, in the order tab walks them.
const (
	windowFourWeeks = iota
	windowSeason
	windowYear
	windows
)

type insights struct {
	window  int
	loading bool
	mirror  jr.Mirror
	ready   bool
	// gen drops the answer to a window since left.
	gen int
}

type insightsMsg struct {
	gen    int
	mirror jr.Mirror
	err    error
}

func (insightsMsg) RouteTo() common.Screen { return common.Journal }

// windowOf is the window w on today.
func (m Model) windowOf(w int) jr.Window {
	today := m.today()
	switch w {
	case windowSeason:
		return jr.Season(m.enter.SeasonStarted, today)
	case windowYear:
		return jr.Year(today)
	}
	return jr.FourWeeks(today)
}

// loadInsights reads the chosen window's runs and the window before it.
func (m *Model) loadInsights() tea.Cmd {
	m.insights.gen++
	m.insights.loading = true
	st, gen, settings := m.st, m.insights.gen, m.settings
	w := m.windowOf(m.insights.window)
	var refs []workbook.Ref
	for _, v := range m.enter.Values {
		refs = append(refs, v.Ref)
	}
	name := m.valueNamer()
	return func() tea.Msg {
		read := func(win jr.Window) ([]workbook.Entry, error) {
			var out []workbook.Entry
			err := st.JournalScan(win.First, win.Last, false, func(e workbook.Entry) bool {
				out = append(out, e)
				return true
			})
			return out, err
		}
		now, err := read(w)
		if err != nil {
			return insightsMsg{gen: gen, err: err}
		}
		var began workbook.Day
		first, _, err := st.JournalPage("", 1, false) // the oldest run
		if err != nil {
			return insightsMsg{gen: gen, err: err}
		}
		if len(first) > 0 {
			began = first[0].Day
		}
		before, err := read(w.Before())
		if err != nil {
			return insightsMsg{gen: gen, err: err}
		}
		return insightsMsg{gen: gen, mirror: jr.Reflect(w, began, now, before, settings, refs, name)}
	}
}

// valueNamer names values from a copy of the runner's values, for a
// command to use.
func (m Model) valueNamer() func(workbook.Ref) string {
	names := map[workbook.Ref]string{}
	for _, v := range m.enter.Values {
		names[v.Ref] = v.Name
	}
	return func(r workbook.Ref) string {
		if n, ok := names[r]; ok {
			return n
		}
		return r.ID
	}
}

func (in *insights) take(msg insightsMsg) {
	if msg.gen != in.gen {
		return
	}
	in.loading = false
	if msg.err == nil {
		in.mirror, in.ready = msg.mirror, true
	}
}

func (m *Model) updateInsights(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Window):
		m.insights.window = (m.insights.window + 1) % windows
		return m.loadInsights()
	case msg.String() == "1", msg.String() == "2", msg.String() == "3":
		m.insights.window = int(msg.String()[0] - '1')
		return m.loadInsights()
	case key.Matches(msg, m.keys.Back):
		m.mode = modeList
	}
	return nil
}

// insightsView draws the mirror: the window's name and the others, the
// bars, the plan and the sentences.
func (m Model) insightsView() string {
	s := m.env.Styles
	w := m.width
	var tabs []string
	for i, name := range []string{"4 weeks", "this season", "a year"} {
		if i == m.insights.window {
			tabs = append(tabs, s.Selected.Render(name))
		} else {
			tabs = append(tabs, s.Muted.Render(name))
		}
	}
	head := s.Title.Render("Insights") + "  " + strings.Join(tabs, s.Muted.Render(" · "))
	lines := []string{common.Truncate(head, w), ""}
	in := m.insights
	if !in.ready {
		lines = append(lines, s.Muted.Render("Reading your runs…"))
		return strings.Join(lines, "\n")
	}
	mirror := in.mirror
	unit := m.settings.Unit
	dist := make([]float64, len(mirror.Weeks))
	mins := make([]float64, len(mirror.Weeks))
	var labels []string
	for i, wk := range mirror.Weeks {
		dist[i] = float64(wk.Metres) / unit.Metres()
		mins[i] = wk.Duration.Minutes()
		labels = append(labels, wk.Start.Time().Format("2 Jan"))
	}
	// The chart is as tall as the room allows, from 2 to 6 rows.
	sentences := common.Wrap(strings.Join(mirror.Sentences, " "), w)
	room := m.height - len(lines) - lipgloss.Height(sentences) - 5
	chartH := max(min(room, 6), 2)
	if len(mirror.Weeks) > 0 && mirror.Totals.Runs > 0 {
		lines = append(lines, s.Subtitle.Render(fmt.Sprintf("Weekly distance (%s)", unit))+s.Muted.Render(fmt.Sprintf("  up to %s a week", jr.Number(maxOf(dist)))))
		lines = append(lines, barChart(dist, labels, chartH, w, s))
		lines = append(lines, common.Truncate(s.Subtitle.Render("Weekly time ")+s.Accent.Render(sparkline(mins))+
			s.Muted.Render("  "+jr.FormatDuration(mirror.Totals.Duration)+" in all"), w))
		lines = append(lines, "")
	}
	lines = append(lines, s.Text.Render(sentences))
	out := strings.Join(lines, "\n")
	return lipgloss.NewStyle().MaxHeight(max(m.height, 1)).Render(out)
}

func maxOf(values []float64) float64 {
	top := 0.0
	for _, v := range values {
		top = max(top, v)
	}
	return top
}
