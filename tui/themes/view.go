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

// writingHeight is how many lines the notes and motivation take.
func (m Model) writingHeight() int { return 3 + m.notes.Height() + 1 }

// listHeight is how many lines the list may use.
func (m Model) listHeight() int {
	if m.wide() {
		return max(m.height-m.writingHeight()-1, 3)
	}
	return max(min(len(m.rows)+4, m.height/2), 3)
}

// SetSize gives the screen its width and height.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
	m.refreshDetail()
}

// layout sizes the parts to the screen and to the list, whose length
// decides how much room the writing has below it on a narrow screen.
func (m *Model) layout() {
	w, h := m.width, m.height
	// Side by side, the notes share the column with the list; stacked,
	// they take the place of the evidence, and all of its room.
	notesH := 4
	if h < 24 {
		notesH = 2
	}
	if !m.wide() {
		notesH = max(h-m.listHeight()-1-3, 1)
	}
	m.notes.SetHeight(notesH)
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
	var values string
	if len(m.values) > 0 {
		values = common.Truncate(s.Muted.Render("Your values: ")+s.Text.Render(common.JoinRefs(m.values, workbook.Ref{}, " · ")), w)
		room--
	}
	if len(m.rows) == 0 {
		msg := "No clear themes in your answers yet. More writing helps, or press a to name your own."
		lines = append(lines, s.Muted.Render(common.Wrap(msg, w)))
	}
	first := max(0, min(m.cursor-room+1, len(m.rows)-room))
	for i := first; i < len(m.rows) && i < first+room; i++ {
		lines = append(lines, m.rowView(i, w))
	}
	if m.adding {
		lines = append(lines, m.name.View())
	}
	if m.removing && m.cursor < len(m.rows) {
		ask := "Remove “" + m.rows[m.cursor].name + "”? y to remove, n to keep it."
		lines = append(lines, s.Nudge.Render(common.Truncate(ask, w)))
	}
	if values != "" {
		lines = append(lines, values)
	}
	return lipgloss.NewStyle().MaxWidth(w).Render(strings.Join(lines, "\n"))
}

func (m Model) rowView(i, w int) string {
	s := m.env.Styles
	r := m.rows[i]
	mark, markStyle := "·", s.Muted
	switch r.status {
	case workbook.Confirmed:
		mark, markStyle = "✓", s.Met
	case workbook.Dismissed:
		mark, markStyle = "✗", s.Muted
	}
	var how string
	var howStyle lipgloss.Style
	switch {
	case r.status == workbook.Dismissed:
		how, howStyle = "not me", s.Muted
	case r.polarity == workbook.Away:
		how, howStyle = "rather not", s.Averse
	case r.own:
		how, howStyle = "yours", s.Accent
	default:
		how, howStyle = "drawn to it", s.Muted
	}
	if r.ref == m.board.Top {
		how += " ★"
	}
	if r.finding != nil {
		// How strong the evidence is, as a shape: the list is read
		// strongest first, and faint readings are weighed lightly.
		how = strengthDots(r.finding.Strength) + " " + how
	}
	cursor, nameStyle := "  ", s.Text
	if i == m.cursor && m.focus == partList && !m.adding {
		cursor, nameStyle = "› ", s.Selected
	}
	if r.status == workbook.Dismissed {
		nameStyle = s.Muted
	}
	nameW := max(w-2-2-lipgloss.Width(how)-1, 1)
	name := lipgloss.NewStyle().Width(nameW).Render(common.Truncate(r.name, nameW))
	return cursor + markStyle.Render(mark) + " " + nameStyle.Render(name) + " " + howStyle.Render(how)
}

// writingView is the notes and the one motivation that matters most.
func (m Model) writingView() string {
	s := m.env.Styles
	label := func(p part, text string) string {
		if m.focus == p {
			return s.Selected.Render(text)
		}
		return s.Muted.Render(text)
	}
	return lipgloss.JoinVertical(lipgloss.Left,
		label(partNotes, "The themes you see, in your words"),
		m.notes.View(),
		label(partMotivation, "What matters most to you?"),
		m.motive.View(),
	)
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
		line(s.Muted.Render(common.Wrap("cairn no longer finds this in your answers; your decision stands.", w)))
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
	var said []string
	switch r.status {
	case workbook.Confirmed:
		said = append(said, "that's me")
	case workbook.Dismissed:
		said = append(said, "not me")
	default:
		said = append(said, "y if this is you, n if it isn't")
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
