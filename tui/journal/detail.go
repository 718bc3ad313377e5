package journal

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	jr "github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// One run shown whole, and the journal's settings.

// settingsForm sets the unit and the weekly plan.
type settingsForm struct {
	focus int // 0 unit, 1 plan
	s     workbook.JournalSettings
}

// MaxPlan is the most runs a week a plan can hold.
const MaxPlan = 14

func newSettingsForm(s workbook.JournalSettings) settingsForm { return settingsForm{s: s} }

func (m *Model) updateSettings(msg tea.KeyPressMsg) tea.Cmd {
	f := &m.settingsForm
	k := m.keys
	switch {
	case key.Matches(msg, k.Done):
		m.mode = modeList
		if f.s.Unit == m.settings.Unit && f.s.Plan == m.settings.Plan {
			return nil
		}
		m.settings = f.s
		m.form.unit = f.s.Unit
		plan := "no weekly plan"
		if f.s.Plan > 0 {
			plan = "a plan of " + plural(f.s.Plan, "run", "runs") + " a week"
		}
		return tea.Batch(m.Saver.Write(m.settingsRecord(f.s)), common.Status(fmt.Sprintf("Distances in %s; %s.", f.s.Unit, plan)))
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		f.focus = 1 - f.focus
	case key.Matches(msg, k.Less), key.Matches(msg, k.More):
		d := 1
		if key.Matches(msg, k.Less) {
			d = -1
		}
		if f.focus == 0 {
			f.s.Unit = 1 - f.s.Unit
		} else {
			f.s.Plan = max(min(f.s.Plan+d, MaxPlan), 0)
		}
	}
	return nil
}

func (m Model) settingsView() string {
	s := m.env.Styles
	f := m.settingsForm
	row := func(i int, label, value string) string {
		if i == f.focus {
			return "› " + s.Accent.Render(label) + "  " + s.Selected.Render("‹ "+value+" ›")
		}
		return "  " + s.Muted.Render(label) + "  " + s.Text.Render(value)
	}
	plan := "none"
	if f.s.Plan > 0 {
		plan = plural(f.s.Plan, "run", "runs") + " a week"
	}
	unit := "kilometres"
	if f.s.Unit == workbook.Miles {
		unit = "miles"
	}
	lines := []string{
		s.Title.Render("Your journal's unit and plan"), "",
		row(0, "Distances in ", unit),
		row(1, "Weekly plan  ", plan), "",
		s.Muted.Render(common.Wrap("Distances are kept in metres, so changing the unit changes only how they read. "+
			"A week is counted against your own plan; a quiet week breaks nothing.", m.width)),
	}
	return strings.Join(lines, "\n")
}

// detailView shows one run whole.
// labelWidth is the column a run's details are written in.
const labelWidth = 12

func (m Model) detailView() string {
	s := m.env.Styles
	e, ok := m.selected()
	if !ok {
		return ""
	}
	w := m.width
	var b strings.Builder
	line := func(label, value string) {
		if value == "" {
			return
		}
		// The value wraps under itself, so a long one on a narrow
		// window stays inside the pane.
		rows := strings.Split(common.Wrap(value, max(w-labelWidth, 1)), "\n")
		for i, row := range rows {
			lead := strings.Repeat(" ", labelWidth)
			if i == 0 {
				lead = s.Muted.Render(fmt.Sprintf("%-*s", labelWidth, label))
			}
			b.WriteString(lead + s.Text.Render(row) + "\n")
		}
	}
	b.WriteString(s.Title.Render(common.Truncate(jr.LongDate(e.Day), w)) + "\n\n")
	line("Run", jr.Describe(e, m.settings.Unit))
	if !e.Start.IsZero() {
		line("Started", e.Start.Local().Format("15:04"))
	}
	line("Kind", strings.Join(e.Tags, ", "))
	var fits []string
	for _, v := range m.enter.Values {
		if sc, ok := e.Fit[v.Ref]; ok {
			fits = append(fits, fmt.Sprintf("%s %d", v.Name, sc))
		}
	}
	for ref, sc := range e.Fit {
		if !slices.ContainsFunc(m.enter.Values, func(v Value) bool { return v.Ref == ref }) {
			fits = append(fits, fmt.Sprintf("%s %d", ref.ID, sc))
		}
	}
	slices.Sort(fits[min(len(fits), countChosen(m.enter.Values, e)):])
	line("Values", strings.Join(fits, " · "))
	if !e.Experiment.IsZero() {
		line("Tried", "the experiment for "+m.valueName(e.Experiment))
	}
	switch e.Source.Kind {
	case workbook.Imported:
		line("From", e.Source.File)
	case workbook.Logged:
		line("From", "cairn log")
	}
	if note := strings.TrimSpace(e.Note); note != "" {
		b.WriteString("\n" + s.Text.Render(common.Wrap(note, w)) + "\n")
	}
	return clipLines(strings.TrimSuffix(b.String(), "\n"), m.height-1) + m.detailFoot()
}

func (m Model) detailFoot() string {
	if m.mode == modeConfirm {
		return "\n" + m.questionLine()
	}
	return ""
}

// countChosen counts the runner's values the run was rated against, which
// are listed first in the runner's order.
func countChosen(values []Value, e workbook.Entry) int {
	n := 0
	for _, v := range values {
		if _, ok := e.Fit[v.Ref]; ok {
			n++
		}
	}
	return n
}

// clipLines keeps the first h lines of text.
func clipLines(text string, h int) string {
	lines := strings.Split(text, "\n")
	if h < 1 {
		h = 1
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}
