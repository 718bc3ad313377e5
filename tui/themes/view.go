package themes

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/detect"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// wideAt is the width from which the evidence sits beside the list.
const wideAt = 100

func (m Model) wide() bool { return m.width >= wideAt }

// listWidth is the width of the list (and, when wide, of the writing below it).
func (m Model) listWidth() int {
	if m.wide() {
		return min(46, m.width*2/5)
	}
	return min(m.width, 60)
}

// The motivation, when not being typed, shows its words wrapped, in at
// most this many rows (more on a tall window); the rest is a tab away.
const (
	motiveRowsShort = 3
	motiveRowsTall  = 6
)

// motiveLines is the motivation as it shows when not being typed: its
// words wrapped to the column, from the start, the last row ending in
// "…" when there is more.
func (m Model) motiveLines() []string {
	w := max(m.listWidth()-2, 1)
	text := common.OneLine(m.motive.Value())
	if text == "" {
		return []string{m.motive.Placeholder}
	}
	most := motiveRowsShort
	if m.height >= 40 {
		most = motiveRowsTall
	}
	lines := strings.Split(common.Wrap(text, w), "\n")
	if len(lines) > most {
		lines = lines[:most]
		lines[most-1] = common.Truncate(lines[most-1]+" …", w)
		if !strings.HasSuffix(lines[most-1], "…") {
			lines[most-1] = common.Truncate(lines[most-1], w-1) + "…"
		}
	}
	return lines
}

// motiveRows is how many rows the motivation is given: as many as it
// shows when not being typed, so the layout stays put as it is focused.
func (m Model) motiveRows() int { return len(m.motiveLines()) }

// writingHeight is how many lines the notes and motivation take.
func (m Model) writingHeight() int { return 2 + m.notes.Height() + m.motiveRows() }

// valueLines is the runner's values, wrapped to the list's width: all of
// them, never cut to one line.
func (m Model) valueLines() []string {
	if len(m.values) == 0 {
		return nil
	}
	s := m.env.Styles
	text := s.Muted.Render("Your values: ") + s.Text.Render(common.JoinRefs(m.values, workbook.Ref{}, " · "))
	return strings.Split(common.Wrap(text, max(m.listWidth(), 1)), "\n")
}

// listNeeds is how many lines the list would take to show everything:
// its title, every row (or the note that there are none), the line for
// adding or removing, and the values.
func (m Model) listNeeds() int {
	rows := len(m.rows)
	if rows == 0 {
		rows = lipgloss.Height(common.Wrap(noThemes, max(m.listWidth(), 1)))
	}
	return 1 + rows + 1 + len(m.valueLines())
}

// listHeight is how many lines the list may use: what it needs, and when
// wide, never so much that the notes below it get fewer than two rows;
// the notes have the rest of the column.
func (m Model) listHeight() int {
	if m.wide() {
		return max(min(m.listNeeds(), m.height-1-2-m.motiveRows()-2), 3)
	}
	return max(min(m.listNeeds(), m.height/2), 3)
}

// SetSize gives the screen its width and height.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
	m.refreshDetail()
}

// layout sizes the parts to the screen and to the list, whose length
// decides how much room the writing has below it.
func (m *Model) layout() {
	w, h := m.width, m.height
	// Side by side, the notes share the column with the list and have
	// all of it the list does not need; stacked, they take the place of
	// the evidence, and all of its room.
	m.notes.SetHeight(max(h-m.listHeight()-1-2-m.motiveRows(), 1))
	m.notes.SetWidth(max(m.listWidth(), 4))
	// An input draws its prompt (2 cells) and a cell for the cursor
	// beside the width it is given.
	common.SetInputWidth(&m.motive, max(m.listWidth()-3, 1))
	common.SetInputWidth(&m.name, max(m.listWidth()-3, 1))
	if m.wide() {
		m.detail.SetWidth(max(w-m.listWidth()-2, 1))
		m.detail.SetHeight(max(h, 1))
	} else {
		m.detail.SetWidth(max(w, 1))
		m.detail.SetHeight(max(h-m.listHeight()-1, 1))
	}
}

// View renders the screen.
func (m Model) View() string {
	list := m.listView()
	if m.wide() {
		left := lipgloss.JoinVertical(lipgloss.Left, list, "", m.writingView())
		return lipgloss.JoinHorizontal(lipgloss.Top, left, "  ", m.detail.View())
	}
	below := m.detail.View()
	if m.focus != partList {
		below = m.writingView()
	}
	return lipgloss.JoinVertical(lipgloss.Left, list, "", below)
}

// noThemes is what the list says when it has nothing to show.
const noThemes = "No clear themes in your answers yet. More writing helps, or press a to name your own."

// listView renders the themes with their status, scrolled to the cursor.
func (m Model) listView() string {
	s := m.env.Styles
	w, h := m.listWidth(), m.listHeight()
	title := "Themes in your answers"
	if len(m.findings) == 0 {
		title = "Your themes"
	}
	titleStyle := s.Muted
	if m.focus == partList {
		titleStyle = s.Selected
	}
	lines := []string{titleStyle.Render(common.Truncate(title, w))}
	room := h - 1
	if m.adding || m.removing {
		room--
	}
	values := m.valueLines()
	if most := room - min(len(m.rows), 2); len(values) > most {
		// Only on a window too short for everything: the themes come
		// first, and the values say they go on.
		values = values[:max(most, 0)]
		if len(values) > 0 {
			values[len(values)-1] = common.Truncate(values[len(values)-1]+" …", w)
		}
	}
	room -= len(values)
	if len(m.rows) == 0 {
		lines = append(lines, s.Muted.Render(common.Wrap(noThemes, w)))
	}
	first := max(0, min(m.cursor-room+1, len(m.rows)-room))
	how := m.howWidth()
	for i := first; i < len(m.rows) && i < first+room; i++ {
		lines = append(lines, m.rowView(i, w, how))
	}
	if m.adding {
		lines = append(lines, m.name.View())
	}
	if m.removing && m.cursor < len(m.rows) {
		ask := "Remove “" + m.rows[m.cursor].name + "”? y to remove, n to keep it."
		lines = append(lines, s.Nudge.Render(common.Truncate(ask, w)))
	}
	lines = append(lines, values...)
	return lipgloss.NewStyle().MaxWidth(w).Render(strings.Join(lines, "\n"))
}

// how says how the runner stands to a theme: not me, rather not, yours
// or drawn to it, and a star on the one that matters most.
func (m Model) how(r row) (string, lipgloss.Style) {
	s := m.env.Styles
	var how string
	var style lipgloss.Style
	switch {
	case r.status == workbook.Dismissed:
		how, style = "not me", s.Muted
	case r.polarity == workbook.Away:
		how, style = "rather not", s.Averse
	case r.own:
		how, style = "yours", s.Accent
	default:
		how, style = "drawn to it", s.Muted
	}
	if r.ref == m.board.Top {
		how += " ★"
	}
	return how, style
}

// howWidth is the width of the widest "how" in the list, so every row's
// strength dots stand in one column.
func (m Model) howWidth() int {
	w := 0
	for _, r := range m.rows {
		how, _ := m.how(r)
		w = max(w, lipgloss.Width(how))
	}
	return w
}

func (m Model) rowView(i, w, howW int) string {
	s := m.env.Styles
	r := m.rows[i]
	mark, markStyle := "·", s.Muted
	switch r.status {
	case workbook.Confirmed:
		mark, markStyle = "✓", s.Met
	case workbook.Dismissed:
		mark, markStyle = "✗", s.Muted
	}
	how, howStyle := m.how(r)
	// How strong the evidence is, as a shape: the list is read strongest
	// first, and faint readings are weighed lightly. A theme cairn does
	// not find has none, and its column stays blank.
	dots := "   "
	if r.finding != nil {
		dots = strengthDots(r.finding.Strength)
	}
	cursor, nameStyle := "  ", s.Text
	if i == m.cursor && m.focus == partList && !m.adding {
		cursor, nameStyle = "› ", s.Selected
	}
	if r.status == workbook.Dismissed {
		nameStyle = s.Muted
	}
	nameW := max(w-2-2-3-1-howW-1, 1)
	name := lipgloss.NewStyle().Width(nameW).Render(common.Truncate(r.name, nameW))
	pad := strings.Repeat(" ", max(howW-lipgloss.Width(how), 0))
	return cursor + markStyle.Render(mark) + " " + nameStyle.Render(name) + " " + s.Muted.Render(dots) + " " + howStyle.Render(how) + pad
}

// writingView is the notes and the one motivation that matters most.
// The motivation shows its words from the start, wrapped, unless it is
// being typed in.
func (m Model) writingView() string {
	s := m.env.Styles
	label := func(p part, text string) string {
		if m.focus == p {
			return s.Selected.Render(text)
		}
		return s.Muted.Render(text)
	}
	parts := []string{
		label(partNotes, "The themes you see, in your words"),
		m.notes.View(),
		label(partMotivation, "What matters most to you?"),
	}
	lines := m.motiveLines()
	if m.focus == partMotivation {
		parts = append(parts, m.motive.View())
		for range len(lines) - 1 {
			parts = append(parts, "")
		}
		return lipgloss.JoinVertical(lipgloss.Left, parts...)
	}
	text := s.Text
	if m.motive.Value() == "" {
		text = s.Muted
	}
	for _, l := range lines {
		parts = append(parts, s.Muted.Render(m.motive.Prompt)+text.Render(l))
	}
	return lipgloss.JoinVertical(lipgloss.Left, parts...)
}

// refreshDetail fills the pane beside the list: the evidence for the theme
// under the cursor, or all the answers when reading.
func (m *Model) refreshDetail() {
	w := m.detail.Width()
	if w <= 0 {
		return
	}
	if m.reading {
		m.detail.SetContent(m.answersView(w))
		return
	}
	m.detail.SetContent(m.evidenceView(w))
	m.detail.GotoTop()
}

func (m Model) evidenceView(w int) string {
	s := m.env.Styles
	if len(m.rows) == 0 {
		return s.Muted.Render(common.Wrap("Look at your answers (r shows them all). Do words, people or feelings keep coming back? Name them with a.", w))
	}
	r := m.rows[m.cursor]
	var b strings.Builder
	line := func(text string) { b.WriteString(text + "\n") }

	direction := "drawn to it"
	if r.polarity == workbook.Away {
		direction = "you'd rather not"
	}
	line(s.Title.Render(common.Wrap(r.name+" · "+direction, w)))
	if t, ok := catalog.LookupTheme(catalog.ThemeID(r.ref.ID)); ok && !r.own {
		line(s.Muted.Render(common.Wrap(t.Description, w)))
	}
	line("")
	switch {
	case r.own:
		line(s.Muted.Render(common.Wrap("A theme of your own.", w)))
	case r.finding == nil:
		// Named by the runner, or found once and no longer: either way
		// the runner decided, and that is why it is listed.
		line(s.Muted.Render(common.Wrap("cairn does not read this in your answers; it is here because you chose it.", w)))
	default:
		line(s.Subtitle.Render("In your answers") + s.Muted.Render(" · "+r.finding.Strength.String()+" evidence"))
		for _, ev := range r.finding.Evidence {
			line(s.Text.Render(common.Wrap("“"+ev.Marked(func(t string) string { return s.Trigger.Render(t) })+"”", w)))
			if q, ok := catalog.LookupQuestion(ev.Source); ok {
				line(s.Muted.Render(common.Truncate("  from: "+q.Prompt, w)))
			}
			if ev.Polarity != r.finding.Polarity {
				line(s.Muted.Render("  (this one points the other way)"))
			}
			line("")
		}
	}
	if r.status == workbook.Undecided {
		line(s.Accent.Render(common.Wrap("Not decided yet: y if this is you, n if it isn't.", w)))
		return strings.TrimRight(b.String(), "\n")
	}
	said := []string{"that's me"}
	if r.status == workbook.Dismissed {
		said = []string{"not me"}
	}
	if m.board.Top == r.ref {
		said = append(said, "★ matters most")
	}
	line(s.Accent.Render(common.Wrap("You said: "+strings.Join(said, " · "), w)))
	return strings.TrimRight(b.String(), "\n")
}

func (m Model) answersView(w int) string {
	s := m.env.Styles
	var b strings.Builder
	for i, q := range catalog.Questions() {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s.Subtitle.Render(common.Wrap(fmt.Sprintf("%d. %s", i+1, q.Prompt), w)) + "\n")
		text := strings.TrimSpace(m.answers[q.ID])
		if text == "" {
			b.WriteString(s.Muted.Render("(not answered yet)"))
			continue
		}
		b.WriteString(s.Text.Render(common.Wrap(text, w)))
	}
	return b.String()
}

// strengthDots draws a finding's strength as three dots, filled from the
// left: ●●● strong, ●●○ clear, ●○○ faint.
func strengthDots(st detect.Strength) string {
	n := max(0, min(int(st), 3))
	return strings.Repeat("●", n) + strings.Repeat("○", 3-n)
}
