package goals

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// picker browses the goal-idea catalog: filter by kind, theme, column and
// words; ideas that fit the runner's themes come first, ideas that clash
// with an aversion are marked, never hidden.
type picker struct {
	kind  int // 0 = every kind, else catalog.IdeaKinds()[kind-1]
	theme int // 0 = every theme, else themes[theme-1]
	// themes are the themes the theme filter offers, in the order it
	// offers them: the runner's own confirmed ones first, the one that
	// matters most leading, then the rest of the catalog's.
	themes []catalog.ThemeID
	tier   int // 0 = every column, else tierOrder[tier-1]
	search textinput.Model
	typing bool
	list   []catalog.RankedIdea
	cursor int

	// Filling in an idea's blanks.
	filling bool
	idea    catalog.Idea
	inputs  []textinput.Model
	at      int
	missing string // the blank still empty when the runner tried to add
}

func newPicker(s *common.Styles, col int, ctx Context) picker {
	search := textinput.New()
	search.Prompt = "/ "
	search.Placeholder = "words to look for"
	search.KeyMap.Paste.SetEnabled(false)
	search.SetStyles(s.TextInput)
	return picker{search: search, tier: col + 1, themes: themeChoices(ctx)}
}

// themeChoices are the themes the filter offers: the runner's confirmed
// catalog themes first (the one that matters most leads them, as the
// context lists it), then the catalog's others in its order. The
// runner's own themes are not among them: goal ideas are tagged with the
// catalog's themes, and an own theme would filter them all out.
func themeChoices(ctx Context) []catalog.ThemeID {
	var out []catalog.ThemeID
	for _, t := range ctx.Themes {
		if id, ok := catalogTheme(t); ok && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	for _, t := range catalog.Themes() {
		if !slices.Contains(out, t.ID) {
			out = append(out, t.ID)
		}
	}
	return out
}

// setWidth fits the search and the blanks to the screen's width w, as
// the window changes as well as when they open.
func (p *picker) setWidth(w int) {
	common.SetInputWidth(&p.search, max(w-4, 1))
	for i := range p.inputs {
		common.SetInputWidth(&p.inputs[i], max(w-lipgloss.Width(p.inputs[i].Prompt)-2, 1))
	}
}

// restore sets the filters as a resumed session left them; a filter this
// build does not know is left at "every".
func (p *picker) restore(f workbook.IdeaSearch, ctx Context) {
	p.kind = slices.Index(catalog.IdeaKinds(), catalog.IdeaKind(f.Kind)) + 1
	p.theme = slices.Index(p.themes, catalog.ThemeID(f.Theme)) + 1
	p.tier = slices.Index(tierOrder, f.Tier) + 1
	p.search.SetValue(f.Query)
	p.refresh(ctx)
}

// refresh filters and ranks the catalog.
func (p *picker) refresh(ctx Context) {
	f := catalog.IdeaFilter{Query: p.search.Value()}
	if p.kind > 0 {
		f.Kind = catalog.IdeaKinds()[p.kind-1]
	}
	if p.theme > 0 {
		f.Theme = p.themes[p.theme-1]
	}
	if p.tier > 0 {
		f.Tier = tierOrder[p.tier-1]
	}
	var top catalog.ThemeID
	if t, ok := catalogTheme(common.Ref{Ref: ctx.Top}); ok {
		top = t
	}
	p.list = catalog.RankIdeas(catalog.FilterIdeas(catalog.Ideas(), f), refIDs(ctx.Themes), refIDs(ctx.Averse), top)
	p.cursor = max(0, min(p.cursor, len(p.list)-1))
}

func refIDs(refs []common.Ref) []catalog.ThemeID {
	var ids []catalog.ThemeID
	for _, r := range refs {
		if id, ok := catalogTheme(r); ok {
			ids = append(ids, id)
		}
	}
	return ids
}

// catalogTheme returns the catalog theme r names; the runner's own themes
// carry no catalog guidance.
func catalogTheme(r common.Ref) (catalog.ThemeID, bool) {
	if !r.Ref.IsTheme() || r.Ref.Own {
		return "", false
	}
	return catalog.ThemeID(r.Ref.ID), true
}

// openPicker shows the catalog, filtered to the focused column.
func (m Model) openPicker() (Model, tea.Cmd) {
	m.picking = true
	m.picker = newPicker(m.env.Styles, m.col, m.ctx)
	m.picker.setWidth(m.width)
	m.picker.refresh(m.ctx)
	return m, nil
}

// updatePicker handles keys while the catalog is open.
func (m Model) updatePicker(msg tea.Msg) (Model, tea.Cmd) {
	p := &m.picker
	if p.filling {
		return m.updateBlanks(msg)
	}
	k, isKey := msg.(tea.KeyPressMsg)
	if p.typing {
		switch {
		case isKey && key.Matches(k, m.keys.Close):
			p.typing = false
			p.search.Blur()
			return m, nil
		case isKey && key.Matches(k, m.keys.Pick):
			// enter does what the footer says: it uses the idea the search
			// has found, not only closes the search.
			p.typing = false
			p.search.Blur()
			if len(p.list) == 0 {
				return m, nil
			}
			return m.startBlanks(p.list[p.cursor].Idea)
		}
		msg, why := common.AdmitLine(msg, p.search.Value(), common.MaxLineRunes, "A search")
		if why != "" {
			m.Saver.Refuse(why)
			return m, nil
		}
		var cmd tea.Cmd
		p.search, cmd = p.search.Update(msg)
		p.refresh(m.ctx)
		return m, cmd
	}
	if !isKey {
		return m, nil
	}
	keys := m.keys
	switch {
	case key.Matches(k, keys.Close):
		m.picking = false
	case key.Matches(k, keys.PickUp):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(k, keys.PickDown):
		p.cursor = max(min(p.cursor+1, len(p.list)-1), 0)
	case key.Matches(k, keys.Kind):
		p.kind = (p.kind + 1) % (len(catalog.IdeaKinds()) + 1)
		p.refresh(m.ctx)
	case key.Matches(k, keys.Theme):
		p.theme = (p.theme + 1) % (len(p.themes) + 1)
		p.refresh(m.ctx)
	case key.Matches(k, keys.Column):
		p.tier = (p.tier + 1) % (len(tierOrder) + 1)
		p.refresh(m.ctx)
	case key.Matches(k, keys.Search):
		p.typing = true
		return m, p.search.Focus()
	case key.Matches(k, keys.Pick):
		if len(p.list) == 0 {
			return m, nil
		}
		return m.startBlanks(p.list[p.cursor].Idea)
	}
	return m, nil
}

// startBlanks asks for the idea's blanks, or adds it at once if it has none.
func (m Model) startBlanks(idea catalog.Idea) (Model, tea.Cmd) {
	p := &m.picker
	p.idea, p.missing = idea, ""
	p.inputs = nil
	for _, b := range idea.Blanks {
		in := textinput.New()
		in.Prompt = b.Label + ": "
		in.Placeholder = "e.g. " + b.Example
		in.KeyMap.Paste.SetEnabled(false)
		in.SetStyles(m.env.Styles.TextInput)
		p.inputs = append(p.inputs, in)
	}
	if len(p.inputs) == 0 {
		return m.addIdea()
	}
	p.setWidth(m.width)
	p.filling, p.at = true, 0
	return m, p.inputs[0].Focus()
}

// updateBlanks handles the small form for an idea's blanks.
func (m Model) updateBlanks(msg tea.Msg) (Model, tea.Cmd) {
	p := &m.picker
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.keys.Close):
			p.filling = false
			return m, nil
		case key.Matches(k, m.keys.Field), key.Matches(k, m.keys.Pick) && p.at < len(p.inputs)-1:
			return m, p.focusBlank(p.at + 1)
		case key.Matches(k, m.keys.FieldBack):
			return m, p.focusBlank(p.at - 1)
		case key.Matches(k, m.keys.Pick):
			return m.addIdea()
		}
	}
	msg, why := common.AdmitLine(msg, p.inputs[p.at].Value(), common.MaxLineRunes, "A blank")
	if why != "" {
		m.Saver.Refuse(why)
		return m, nil
	}
	var cmd tea.Cmd
	p.inputs[p.at], cmd = p.inputs[p.at].Update(msg)
	return m, cmd
}

func (p *picker) focusBlank(i int) tea.Cmd {
	p.inputs[p.at].Blur()
	p.at = (i + len(p.inputs)) % len(p.inputs)
	return p.inputs[p.at].Focus()
}

// addIdea fills the idea's blanks and drops it into the column as a draft,
// linked to the runner's themes it serves.
func (m Model) addIdea() (Model, tea.Cmd) {
	p := &m.picker
	values := map[string]string{}
	for i, b := range p.idea.Blanks {
		values[b.Key] = p.inputs[i].Value()
	}
	text, err := p.idea.Fill(values)
	var missing *catalog.MissingBlankError
	if errors.As(err, &missing) {
		p.missing = missing.Blank.Label
		for i, b := range p.idea.Blanks {
			if b.Key == missing.Blank.Key {
				return m, p.focusBlank(i)
			}
		}
		return m, nil
	}
	if err != nil {
		return m, common.Status("That idea could not be filled in: " + err.Error())
	}
	col := m.col
	switch {
	case p.tier > 0:
		col = p.tier - 1
	case !slices.Contains(p.idea.Tiers, tierOrder[col]) && len(p.idea.Tiers) > 0:
		// With every column shown, an idea goes where it suits: a 100-mile
		// race is not a goal for this week.
		col = tierIndex(p.idea.Tiers[0])
	}
	now := m.env.Now().UTC()
	order := m.nextOrder(col)
	g := workbook.Goal{
		ID:      workbook.NewID(now),
		Tier:    tierOrder[col],
		Text:    text,
		Status:  workbook.Draft,
		Idea:    p.idea.ID,
		Order:   order,
		Created: now,
		Updated: now,
	}
	for _, t := range m.ctx.Themes {
		if id, ok := catalogTheme(t); ok && slices.Contains(p.idea.Themes, id) {
			g.Themes = append(g.Themes, t.Ref)
		}
	}
	m.goals = append(m.goals, g)
	m.picking, p.filling = false, false
	m.col = col
	m.row[col] = len(m.column(col)) - 1
	return m, tea.Batch(m.save(g), common.Status("Added to "+catalog.AboutTier(tierOrder[col]).Name+": press enter to make it your own."))
}

// pickerView renders the catalog, or the form for an idea's blanks.
func (m Model) pickerView() string {
	s := m.env.Styles
	p := m.picker
	w := m.width
	if p.filling {
		var b strings.Builder
		b.WriteString(s.Title.Render("Fill in the idea") + "\n")
		b.WriteString(s.Text.Render(common.Wrap(p.idea.Display(), w)) + "\n\n")
		for _, in := range p.inputs {
			b.WriteString(in.View() + "\n")
		}
		if p.missing != "" {
			b.WriteString("\n" + s.Nudge.Render(common.Truncate("Fill in the "+p.missing+" first.", w)))
		}
		return lipgloss.NewStyle().MaxHeight(max(m.height, 1)).Render(b.String())
	}

	kind, theme, tier := "every kind", "every theme", "every column"
	if p.kind > 0 {
		kind = catalog.IdeaKinds()[p.kind-1].Name()
	}
	if p.theme > 0 {
		id := p.themes[p.theme-1]
		t, _ := catalog.LookupTheme(id)
		theme = t.Name
		if m.ctx.Top == workbook.Theme(string(id)) {
			theme += " ★"
		}
	}
	if p.tier > 0 {
		tier = catalog.AboutTier(tierOrder[p.tier-1]).Name
	}
	head := s.Title.Render("Goal ideas") + s.Muted.Render(fmt.Sprintf("  %d of %d", len(p.list), len(catalog.Ideas())))
	filters := s.Muted.Render("kind ") + s.Accent.Render(kind) + s.Muted.Render(" · theme ") + s.Accent.Render(theme) +
		s.Muted.Render(" · column ") + s.Accent.Render(tier)
	lines := []string{head, common.Truncate(filters, w)}
	if p.typing || p.search.Value() != "" {
		lines = append(lines, p.search.View())
	}
	lines = append(lines, "")
	room := max(m.height-len(lines)-2, 1)
	if len(p.list) == 0 {
		lines = append(lines, s.Muted.Render(common.Wrap("No ideas match that. Fewer filters or other words may help.", w)))
	}
	first := max(0, min(p.cursor-room/2, len(p.list)-room))
	for i := first; i < len(p.list) && i < first+room; i++ {
		lines = append(lines, m.ideaLine(p.list[i], i == p.cursor, w))
	}
	if len(p.list) > 0 {
		lines = append(lines, "", m.ideaDetail(p.list[p.cursor], w))
	}
	return lipgloss.NewStyle().MaxHeight(max(m.height, 1)).Render(strings.Join(lines, "\n"))
}

// ideaLine is one idea in the list: its words and why it is placed where
// it is.
func (m Model) ideaLine(r catalog.RankedIdea, selected bool, w int) string {
	s := m.env.Styles
	var note string
	var noteStyle lipgloss.Style
	switch {
	case r.Clash:
		note, noteStyle = "⚑ "+m.clashWith(r.Idea), s.Averse
	case r.Fit > 0:
		note, noteStyle = "fits "+m.fitsWith(r.Idea), s.Accent
	default:
		note, noteStyle = r.Idea.Kind.Name(), s.Muted
	}
	noteW := min(lipgloss.Width(note), w/3)
	textW := max(w-2-noteW-1, 1)
	cursor, textStyle := "  ", s.Text
	if selected {
		cursor, textStyle = "› ", s.Selected
	}
	text := lipgloss.NewStyle().Width(textW).Render(common.Truncate(r.Idea.Display(), textW))
	return cursor + textStyle.Render(text) + " " + noteStyle.Render(common.Truncate(note, noteW))
}

// ideaDetail says more about the idea under the cursor.
func (m Model) ideaDetail(r catalog.RankedIdea, w int) string {
	s := m.env.Styles
	var tiers, themes []string
	for _, t := range r.Idea.Tiers {
		tiers = append(tiers, strings.ToLower(catalog.AboutTier(t).Name))
	}
	for _, id := range r.Idea.Themes {
		if t, ok := catalog.LookupTheme(id); ok {
			themes = append(themes, t.Name)
		}
	}
	text := fmt.Sprintf("%s idea for %s goals; serves %s.", r.Idea.Kind.Name(), orList(tiers), strings.Join(themes, ", "))
	if r.Clash {
		text += " It may pull against what you said you'd rather not (" + m.clashWith(r.Idea) + ")."
	}
	return s.Muted.Render(common.Truncate(text, w))
}

// orList joins words as a person would: "small, medium or big".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

func (m Model) fitsWith(idea catalog.Idea) string {
	var names []string
	for _, t := range m.ctx.Themes {
		if id, ok := catalogTheme(t); ok && slices.Contains(idea.Themes, id) {
			names = append(names, t.Name)
		}
	}
	return strings.Join(names, ", ")
}

func (m Model) clashWith(idea catalog.Idea) string {
	var names []string
	for _, t := range m.ctx.Averse {
		id, ok := catalogTheme(t)
		if ok && (slices.Contains(idea.Themes, id) || (idea.Race && id == catalog.Competition)) {
			names = append(names, t.Name)
		}
	}
	return strings.Join(names, ", ")
}
