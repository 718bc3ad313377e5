package values

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/tui/common"
)

// Layout constants.
const (
	// WideAt is the width from which the list and the detail sit side by
	// side; below it the detail is stacked under the list.
	WideAt = 100
	gap    = 2 // columns between the list and the detail
	// maxArea is the tallest a writing field grows: the answers are short.
	maxArea = 5
	// maxSuggestion is the most lines a suggestion takes under a field;
	// on a tall window, twice as many, so a narrow detail shows them whole.
	maxSuggestion = 3
	// maxNameColumn is the widest the list's name column grows, so one
	// long name of the runner's own does not push every description aside.
	maxNameColumn = 16
	// minDetail is the narrowest the detail gets beside the list: its
	// fields hold short answers, and the list's descriptions read better
	// whole. At 120 columns it leaves the list the 80 it has stacked.
	minDetail = 38
)

// ownIdeas is offered under the experiment field of the runner's own
// values, which have no catalog experiments.
const ownIdeas = "Try it on a run this week: with a group, alone and quiet, or on a new route."

// layout is where things go at the current size, focus and row.
type layout struct {
	wide             bool
	listW, listH     int
	detailW, detailH int
	fit              detailFit
}

// detailFit says which parts of a picked value's detail fit its height.
// The two fields always show; suggestions come next, then taller fields,
// then the description and the blank lines that let it breathe.
type detailFit struct {
	areaH    int
	desc     []string
	example  []string
	ideas    []string
	gapAbove bool // a blank line under the title
	gapMid   bool // a blank line between the two fields
}

// layout works out the sizes for the current state and sizes the fields.
func (m *Model) layout() {
	if m.width < 1 || m.height < 1 {
		return
	}
	body := max(m.height-1-lipgloss.Height(m.footer()), 0) // under the heading, over the footer
	l := layout{}
	if m.width >= WideAt {
		l.wide = true
		// The list takes what its descriptions need, so a wider window
		// never cuts more of them than a narrow one does.
		l.listW = max(24, min(m.listNeed(), m.width-gap-minDetail))
		l.detailW = max(m.width-l.listW-gap, 1)
		l.listH, l.detailH = body, body
	} else {
		l.listW, l.detailW = m.width, m.width
		// The list gives way to the writing while a field has focus.
		want := 3
		if m.focus == partList {
			want = max(body*2/5, 3)
		}
		l.listH = min(len(m.rows), want, body)
		l.detailH = max(body-l.listH-1, 0)
	}
	if r, ok := m.current(); ok {
		l.fit = fitDetail(r, l.detailH, l.detailW)
	} else {
		l.fit = detailFit{areaH: 1}
	}
	m.lay = l

	m.serve.SetWidth(l.detailW)
	m.exp.SetWidth(l.detailW)
	m.serve.SetHeight(l.fit.areaH)
	m.exp.SetHeight(l.fit.areaH)
	prompt := lipgloss.Width(m.name.Prompt)
	common.SetInputWidth(&m.name, max(l.detailW-prompt-1, 1))

	// Keep the cursor in view.
	h := max(l.listH, 1)
	if m.cursor < m.top {
		m.top = m.cursor
	}
	if m.cursor >= m.top+h {
		m.top = m.cursor - h + 1
	}
	m.top = max(0, min(m.top, len(m.rows)-h))
}

// fitDetail decides what of a picked value's detail fits in h lines of
// width w.
func fitDetail(r row, h, w int) detailFit {
	f := detailFit{areaH: 1}
	rest := h - 5 // the title, two labels and two one-line fields
	if rest <= 0 {
		return f
	}
	inner := max(w-2, 1) // suggestions line up with the text in the fields
	room := maxSuggestion
	if rest >= 4*maxSuggestion {
		room = 2 * maxSuggestion
	}

	var ideas []string
	if r.own {
		ideas = strings.Split(common.Wrap(ownIdeas, inner), "\n")
	} else {
		// Each idea whole, wrapped under its bullet, when they all fit;
		// else one line each.
		for _, e := range r.value.Experiments {
			ideas = append(ideas, strings.Split(common.WrapIndented("· "+e, inner), "\n")...)
		}
		if len(ideas) > min(room, rest) {
			ideas = ideas[:0]
			for _, e := range r.value.Experiments {
				ideas = append(ideas, common.Truncate("· "+e, inner))
			}
		}
	}
	n := min(len(ideas), room, rest)
	f.ideas, rest = cut(ideas, n, inner), rest-n

	if !r.own && r.value.Serve != "" {
		ex := strings.Split(common.Wrap("For example: "+r.value.Serve, inner), "\n")
		n = min(len(ex), room, rest)
		f.example, rest = cut(ex, n, inner), rest-n
	}

	grow := min(rest/2, maxArea-1)
	f.areaH, rest = 1+grow, rest-2*grow
	if rest > 0 {
		f.gapMid, rest = true, rest-1
	}
	desc := strings.Split(common.Wrap(description(r), w), "\n")
	n = min(len(desc), 2, rest)
	f.desc, rest = cut(desc, n, w), rest-n
	f.gapAbove = rest > 0
	return f
}

// cut keeps the first n lines, marking the last with "…" if any were left
// out.
func cut(lines []string, n, w int) []string {
	if n <= 0 {
		return nil
	}
	if n >= len(lines) {
		return lines
	}
	out := append([]string(nil), lines[:n]...)
	last := strings.TrimRight(out[n-1], " ")
	if lipgloss.Width(last) < w {
		out[n-1] = last + "…"
	} else {
		out[n-1] = common.Truncate(last+"…", w)
	}
	return out
}

func description(r row) string {
	if r.own {
		return "Your own value."
	}
	return r.value.Description
}

// View renders the screen.
func (m Model) View() string {
	if m.width < 1 || m.height < 1 {
		return ""
	}
	s := m.env.Styles
	heading := common.Truncate(s.Title.Render("What matters most to you?")+
		s.Muted.Render("  Pick a few values, or add your own."), m.width)
	l := m.lay
	list := m.listView(l.listW, l.listH)
	detail := m.detailView(l.detailW, l.detailH)
	var body string
	switch {
	case l.wide:
		list = lipgloss.NewStyle().Width(l.listW).Render(list)
		body = lipgloss.JoinHorizontal(lipgloss.Top, list, strings.Repeat(" ", gap), detail)
	case l.detailH > 0:
		body = lipgloss.JoinVertical(lipgloss.Left, list, "", detail)
	default:
		body = list
	}
	out := lipgloss.JoinVertical(lipgloss.Left, heading, body, m.footer())
	return lipgloss.NewStyle().MaxWidth(m.width).MaxHeight(m.height).Render(out)
}

// listNeed is the width at which the list shows every row whole: the
// marks, the name column and the longest description.
func (m Model) listNeed() int {
	nameW, descW := 0, 0
	for _, r := range m.rows {
		nameW = max(nameW, lipgloss.Width(r.name))
		descW = max(descW, lipgloss.Width(listDescription(r)))
	}
	return 4 + min(nameW, maxNameColumn) + 2 + descW
}

// listDescription is what a row says after its name.
func listDescription(r row) string {
	if r.own {
		return "your own"
	}
	return r.value.Description
}

// listView renders the rows in view, with a tick for each picked value.
func (m Model) listView(w, h int) string {
	if w < 1 || h < 1 {
		return ""
	}
	s := m.env.Styles
	nameW := 0
	for _, r := range m.rows {
		nameW = max(nameW, lipgloss.Width(r.name))
	}
	nameW = max(min(nameW, maxNameColumn, w/2-4), 1)
	end := min(m.top+h, len(m.rows))
	lines := make([]string, 0, h)
	for i := m.top; i < end; i++ {
		r := m.rows[i]
		onList := m.focus == partList && !m.adding
		mark, name := "  ", s.Text
		switch {
		case i == m.cursor && onList:
			mark, name = s.Selected.Render("› "), s.Selected
		case i == m.cursor:
			mark = s.Accent.Render("› ")
		case i == m.top && m.top > 0:
			mark = s.Muted.Render("↑ ")
		case i == end-1 && end < len(m.rows):
			mark = s.Muted.Render("↓ ")
		}
		tick := "  "
		if m.chosenIndex(r.id) >= 0 {
			tick = s.Accent.Render("✓ ")
		}
		label := common.Truncate(r.name, nameW)
		label += strings.Repeat(" ", nameW-lipgloss.Width(label))
		line := mark + tick + name.Render(label) + "  " + s.Muted.Render(listDescription(r))
		lines = append(lines, common.Truncate(line, w))
	}
	return strings.Join(lines, "\n")
}

// detailView renders what sits beside or under the list: the naming field,
// the writing for a picked value, or a picked-to-be value's suggestions.
func (m Model) detailView(w, h int) string {
	if w < 1 || h < 1 {
		return ""
	}
	r, ok := m.current()
	var out string
	switch {
	case m.adding:
		out = m.addView(w)
	case !ok:
		out = ""
	case m.chosenIndex(r.id) >= 0:
		out = m.writingView(r, w)
	default:
		out = m.aboutView(r, w)
	}
	return clip(out, h)
}

// addView is the field for naming a value of one's own.
func (m Model) addView(w int) string {
	s := m.env.Styles
	lines := []string{
		s.Subtitle.Render(common.Truncate("A value of your own", w)),
		s.Muted.Render(common.Wrap("A word or two for something that matters to you.", w)),
		"",
		m.name.View(),
	}
	return strings.Join(lines, "\n")
}

// writingView is a picked value's two fields, with suggestions under them.
func (m Model) writingView(r row, w int) string {
	s := m.env.Styles
	f := m.lay.fit
	label := func(p part, text string) string {
		if m.focus == p {
			return s.Selected.Render(common.Truncate("› "+text, w))
		}
		return s.Muted.Render(common.Truncate("  "+text, w))
	}
	muted := func(lines []string, indent string) []string {
		out := make([]string, len(lines))
		for i, l := range lines {
			out[i] = s.Muted.Render(indent + l)
		}
		return out
	}

	lines := []string{common.Truncate(s.Subtitle.Render(r.name)+s.Accent.Render("  ✓ picked"), w)}
	lines = append(lines, muted(f.desc, "")...)
	if f.gapAbove {
		lines = append(lines, "")
	}
	lines = append(lines, label(partServe, "How could running serve this?"), m.serve.View())
	lines = append(lines, muted(f.example, "  ")...)
	if f.gapMid {
		lines = append(lines, "")
	}
	lines = append(lines, label(partExperiment, "A small experiment to try"), m.exp.View())
	lines = append(lines, muted(f.ideas, "  ")...)
	return strings.Join(lines, "\n")
}

// aboutView shows a value not picked yet: what it is, how running could
// serve it and what one might try.
func (m Model) aboutView(r row, w int) string {
	s := m.env.Styles
	inner := max(w-2, 1)
	hint := "  · " + m.keys.Pick.Help().Key + " to pick"
	lines := []string{
		common.Truncate(s.Subtitle.Render(r.name)+s.Muted.Render(hint), w),
		s.Text.Render(common.Wrap(description(r), w)),
	}
	indent := func(text string) string {
		return s.Muted.Render("  " + strings.ReplaceAll(common.Wrap(text, inner), "\n", "\n  "))
	}
	if r.own {
		lines = append(lines, "", s.Muted.Render(common.Wrap(m.keys.Remove.Help().Key+" takes it off the list.", w)))
		return strings.Join(lines, "\n")
	}
	if r.value.Serve != "" {
		lines = append(lines, "", s.Muted.Render(common.Truncate("How running could serve it", w)), indent(r.value.Serve))
	}
	if len(r.value.Experiments) > 0 {
		lines = append(lines, "", s.Muted.Render(common.Truncate("Small experiments to try", w)))
		for _, e := range r.value.Experiments {
			lines = append(lines, indent("· "+e))
		}
	}
	return strings.Join(lines, "\n")
}

// footer sits under everything: a question waiting for y or n, a gentle
// note, or how many values are picked. It takes at most two lines.
func (m Model) footer() string {
	s := m.env.Styles
	n := len(m.chosen)
	style, text := s.Muted, common.Plural(n, "value", "values")+" picked."
	switch {
	case m.confirm != confirmNone:
		style, text = s.Nudge, m.question()
	case n > ManyValues:
		style, text = s.Nudge, text+" A few values go further than many."
	case n == 0:
		text = "Pick the few that feel most like you."
	}
	w := max(m.width, 1)
	lines := cut(strings.Split(common.Wrap(text, w), "\n"), 2, w)
	for i, l := range lines {
		lines[i] = style.Render(common.Truncate(l, w))
	}
	return strings.Join(lines, "\n")
}

// question asks about the pending unpick or removal.
func (m Model) question() string {
	name := m.confirmID
	if i := m.rowIndex(m.confirmID); i >= 0 {
		name = m.rows[i].name
	}
	yn := m.keys.Yes.Help().Key + "/" + m.keys.No.Help().Key
	if m.confirm == confirmRemove {
		return fmt.Sprintf("Remove “%s” and what you wrote for it? %s", name, yn)
	}
	return fmt.Sprintf("Unpick “%s”? Its words wait here until you close cairn. %s", name, yn)
}

// clip keeps the first h lines of s.
func clip(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}
