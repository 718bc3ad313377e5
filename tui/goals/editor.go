package goals

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/tui/textbox"
	"github.com/cairn-run/cairn/workbook"
)

// The editor's fields, in tab order.
type field int

const (
	fieldText field = iota
	fieldTier
	fieldFeel
	fieldLinks
	fieldParent
	fieldChecks
	fieldPurpose
	fieldCount
)

// editor edits one goal: its words, column and feel, what is behind it,
// what it is a step toward, and its checks. Nothing in it blocks saving:
// the checks coach, they do not police.
type editor struct {
	goal workbook.Goal
	// before is the goal as it was when the editor opened: closing it
	// keeps what changed in the goal's history.
	before workbook.Goal
	isNew  bool
	focus  field
	text   textbox.Model
	width  int

	links   []common.Ref // themes and values the goal can be linked to
	linkAt  int
	parents []workbook.Goal // goals one tier up, for the ladder
	checkAt int
	purpAt  int
}

func newEditor(s *common.Styles, g workbook.Goal, isNew bool, ctx Context, goals []workbook.Goal) editor {
	ta := common.NewTextArea(s, "What will you do? Be as specific as the column asks.")
	ta.SetHeight(3)
	ta.SetValue(g.Text)
	ta.Focus()
	e := editor{goal: g, before: g, isNew: isNew, text: ta}
	e.links = append(slices.Clone(ctx.Themes), ctx.Values...)
	// Links to a theme no longer confirmed or a value no longer chosen stay
	// in view, so they can be seen and let go of.
	for _, ref := range g.Links() {
		if !slices.ContainsFunc(e.links, func(r common.Ref) bool { return r.Ref == ref }) {
			e.links = append(e.links, common.Ref{Ref: ref, Name: linkName(ref) + " (no longer chosen)"})
		}
	}
	e.setParents(goals)
	return e
}

// linkName names a theme or value ID for a link the runner no longer holds.
func linkName(ref workbook.Ref) string {
	switch {
	case ref.Own:
		return "one of yours"
	case ref.IsTheme():
		if t, ok := catalog.LookupTheme(catalog.ThemeID(ref.ID)); ok {
			return t.Name
		}
	case ref.IsValue():
		if v, ok := catalog.LookupValue(ref.ID); ok {
			return v.Name
		}
	}
	return "one no longer in the catalog"
}

// setParents lists the goals this one can be a step toward, and lets go of
// a parent that no longer fits its column.
func (e *editor) setParents(goals []workbook.Goal) {
	e.parents = e.parents[:0]
	for _, p := range goals {
		if workbook.ValidParent(e.goal, p) {
			e.parents = append(e.parents, p)
		}
	}
	slices.SortStableFunc(e.parents, func(a, b workbook.Goal) int { return a.Order - b.Order })
	if e.goal.Parent != "" && !slices.ContainsFunc(e.parents, func(p workbook.Goal) bool { return p.ID == e.goal.Parent }) {
		e.goal.Parent = ""
	}
}

func (e *editor) setWidth(w int) {
	e.width = w
	e.text.SetWidth(max(w, 4))
}

func (e *editor) setFocus(f field) {
	e.focus = (f + fieldCount) % fieldCount
	if e.focus == fieldText {
		e.text.Focus()
	} else {
		e.text.Blur()
	}
}

// updateEditor handles keys and pastes while a goal is open.
func (m Model) updateEditor(msg tea.Msg) (Model, tea.Cmd) {
	e := &m.editor
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.keys.Done):
			return m.closeEditor()
		case key.Matches(k, m.keys.Field):
			e.setFocus(e.focus + 1)
			return m, nil
		case key.Matches(k, m.keys.FieldBack):
			e.setFocus(e.focus - 1)
			return m, nil
		}
		if e.focus != fieldText {
			return m.updateField(k)
		}
	}
	if e.focus != fieldText {
		return m, nil
	}
	msg, why := common.Admit(msg, &e.text)
	if why != "" {
		m.Saver.Refuse(why)
		return m, nil
	}
	var cmd tea.Cmd
	e.text, cmd = e.text.Update(msg)
	if v := e.text.Value(); v != e.goal.Text {
		e.goal.Text = v
		e.goal.Updated = m.env.Now().UTC()
		if strings.TrimSpace(v) != "" {
			return m, tea.Batch(cmd, m.Saver.Edited(m.record(e.goal)))
		}
	}
	return m, cmd
}

// updateField changes a field other than the text. A change is saved at
// once: it is a decision, not typing.
func (m Model) updateField(k tea.KeyPressMsg) (Model, tea.Cmd) {
	e := &m.editor
	keys := m.keys
	step := 0
	switch {
	case key.Matches(k, keys.ChooseL):
		step = -1
	case key.Matches(k, keys.ChooseR):
		step = 1
	case key.Matches(k, keys.ItemUp):
		step = -1
	case key.Matches(k, keys.ItemDown):
		step = 1
	case !key.Matches(k, keys.Toggle):
		return m, nil
	}
	toggle := key.Matches(k, keys.Toggle)
	changed := false
	switch e.focus {
	case fieldTier:
		if step == 0 {
			step = 1
		}
		to := (tierIndex(e.goal.Tier) + step + len(tierOrder)) % len(tierOrder)
		e.goal.Tier, e.goal.Order = tierOrder[to], m.nextOrder(to)
		e.goal.Week = m.weekFor(e.goal)
		e.setParents(m.goals)
		changed = true
	case fieldFeel:
		if step == 0 {
			step = 1
		}
		e.goal.Feel = nextFeel(e.goal.Feel, step)
		changed = true
	case fieldLinks:
		if toggle && len(e.links) > 0 {
			changed = e.toggleLink(e.links[e.linkAt])
		} else {
			e.linkAt = clampStep(e.linkAt, step, len(e.links))
		}
	case fieldParent:
		if len(e.parents) == 0 {
			return m, nil
		}
		// Cycle through "none" and each possible parent.
		i := slices.IndexFunc(e.parents, func(p workbook.Goal) bool { return p.ID == e.goal.Parent }) + 1
		if step == 0 {
			step = 1
		}
		i = (i + step + len(e.parents) + 1) % (len(e.parents) + 1)
		e.goal.Parent = ""
		if i > 0 {
			e.goal.Parent = e.parents[i-1].ID
		}
		changed = true
	case fieldChecks:
		cs := checks(e.goal, m.ctx)
		if toggle {
			c := cs[e.checkAt]
			said := cloneMap(e.goal.Said)
			if said == nil {
				said = map[string]bool{}
			}
			switch k := checkKey(c); {
			case c.Derived:
				// cairn's reading can be wrong: the runner says no to it.
				said[notPrefix+k] = true
			case c.Doubted:
				delete(said, notPrefix+k) // and can take the no back
			default:
				said[k] = !said[k]
			}
			e.goal.Said = said
			changed = true
		} else {
			e.checkAt = clampStep(e.checkAt, step, len(cs))
		}
	case fieldPurpose:
		items := catalog.PurposeChecks()
		if toggle {
			if e.goal.Purpose == nil {
				e.goal.Purpose = map[string]bool{}
			}
			id := items[e.purpAt].ID
			e.goal.Purpose[id] = !e.goal.Purpose[id]
			changed = true
		} else {
			e.purpAt = clampStep(e.purpAt, step, len(items))
		}
	}
	if !changed {
		return m, nil
	}
	e.goal.Updated = m.env.Now().UTC()
	if e.isNew && strings.TrimSpace(e.goal.Text) == "" {
		return m, nil // saved once it has words
	}
	if i := indexByID(m.goals, e.goal.ID); i >= 0 {
		m.goals[i] = e.goal
	}
	return m, m.save(e.goal)
}

// toggleLink links the goal to a theme or value, or unlinks it.
func (e *editor) toggleLink(r common.Ref) bool {
	list := &e.goal.Themes
	if r.Ref.IsValue() {
		list = &e.goal.Values
	}
	if i := slices.Index(*list, r.Ref); i >= 0 {
		*list = slices.Delete(slices.Clone(*list), i, i+1)
	} else {
		*list = append(slices.Clone(*list), r.Ref)
	}
	return true
}

func clampStep(at, step, n int) int { return max(0, min(at+step, n-1)) }

// tierIndex returns the column of a tier; an unknown tier counts as small.
func tierIndex(t workbook.Tier) int { return max(slices.Index(tierOrder, t), 0) }

func indexByID(goals []workbook.Goal, id string) int {
	return slices.IndexFunc(goals, func(g workbook.Goal) bool { return g.ID == id })
}

// block is one field's lines in the editor, so the view can keep the
// focused field on screen.
type block struct {
	f     field
	lines string
}

// view renders the editor in the board's place, scrolled so the focused
// field is in view.
func (e editor) view(s *common.Styles, height int, ctx Context, goals []workbook.Goal) string {
	tier := catalog.AboutTier(e.goal.Tier)
	title := "Edit goal"
	if e.isNew {
		title = "New goal"
	}
	head := s.Title.Render(title) + s.Muted.Render(" · "+tier.Name+", "+tier.Span) + "\n" +
		s.Muted.Render(common.Wrap("A good "+strings.ToLower(tier.Name)+" goal is "+strings.Join(tier.Good, "; ")+".", e.width))

	blocks := []block{
		{fieldText, e.label(s, fieldText, "What's the goal?") + "\n" + e.text.View()},
		{fieldTier, e.tierLine(s)},
		{fieldFeel, e.feelLine(s)},
		{fieldLinks, e.linksView(s)},
		{fieldParent, e.parentLine(s)},
		{fieldChecks, e.checksView(s, ctx)},
		{fieldPurpose, e.purposeView(s)},
	}
	var lines []string
	focusStart, focusEnd := 0, 0
	for i, b := range blocks {
		if i == 1 || i == 3 || i == 5 {
			lines = append(lines, "")
		}
		if b.f == e.focus {
			focusStart = len(lines)
		}
		lines = append(lines, strings.Split(b.lines, "\n")...)
		if b.f == e.focus {
			focusEnd = len(lines)
		}
	}
	room := max(height-lipgloss.Height(head)-1, 1)
	first := 0
	if focusEnd > room {
		first = min(focusEnd-room, focusStart)
	}
	last := min(first+room, len(lines))
	body := strings.Join(lines[first:last], "\n")
	return lipgloss.NewStyle().MaxHeight(max(height, 1)).Render(head + "\n\n" + body)
}

func (e editor) label(s *common.Styles, f field, text string) string {
	if e.focus == f {
		return s.Selected.Render("› " + text)
	}
	return s.Muted.Render("  " + text)
}

// labelWidth lines up the editor's one-line fields.
const labelWidth = 14

// choice renders a label and its options, the chosen one marked.
func (e editor) choice(s *common.Styles, f field, label string, options []string, chosen int) string {
	var parts []string
	for i, o := range options {
		switch {
		case i == chosen && e.focus == f:
			parts = append(parts, s.Selected.Render("‹ "+o+" ›"))
		case i == chosen:
			parts = append(parts, s.Accent.Render("● "+o))
		default:
			parts = append(parts, s.Muted.Render("  "+o+"  "))
		}
	}
	line := lipgloss.NewStyle().Width(labelWidth).Render(e.label(s, f, label)) + " " + strings.Join(parts, " ")
	return common.Truncate(line, e.width)
}

func (e editor) tierLine(s *common.Styles) string {
	var names []string
	for _, t := range tierOrder {
		names = append(names, catalog.AboutTier(t).Name)
	}
	return e.choice(s, fieldTier, "Column", names, tierIndex(e.goal.Tier))
}

func (e editor) feelLine(s *common.Styles) string {
	feel := 0
	switch e.goal.Feel {
	case workbook.Doable:
		feel = 1
	case workbook.Scary:
		feel = 2
	}
	return e.choice(s, fieldFeel, "It feels", []string{"not marked", "doable", "a little scary"}, feel)
}

// linksView lists the themes and values the goal can stand on, each kind
// on a line of its own under its name, so a theme and a value called the
// same ("Health") can be told apart. A choice is never split across lines.
func (e editor) linksView(s *common.Styles) string {
	head := e.label(s, fieldLinks, "Behind it")
	if len(e.links) == 0 {
		return head + "\n" + s.Muted.Render(common.Wrap("    Confirm themes or choose values, and you can link goals to them here.", e.width))
	}
	lines := []string{head}
	for _, kind := range []struct {
		name  string
		value bool
	}{{"Themes", false}, {"Values", true}} {
		var chips []string
		for i, r := range e.links {
			if r.Ref.IsValue() != kind.value {
				continue
			}
			on := slices.Contains(e.goal.Links(), r.Ref)
			mark, style := "○ ", s.Muted
			if on {
				mark, style = "● ", s.Accent
			}
			chip := style.Render(mark + r.Name)
			if e.focus == fieldLinks && i == e.linkAt {
				chip = s.Selected.Render("‹" + mark + r.Name + "›")
			}
			chips = append(chips, chip)
		}
		if len(chips) > 0 {
			lines = append(lines, flow(s.Muted.Render(kind.name), chips, e.width)...)
		}
	}
	return strings.Join(lines, "\n")
}

// flow lays chips out after a label, as many to a line as fit in width,
// each whole: the lines after the first are indented under the first chip.
func flow(label string, chips []string, width int) []string {
	const indent, labelW, gap = 4, 8, 2
	lead := strings.Repeat(" ", indent)
	room := max(width-indent-labelW, 1)
	var lines []string
	line, used := lead+label+strings.Repeat(" ", max(labelW-lipgloss.Width(label), 0)), 0
	for _, c := range chips {
		c = common.Truncate(c, room) // a chip wider than a whole line is cut, alone
		cw := lipgloss.Width(c)
		if used > 0 && used+gap+cw > room {
			lines = append(lines, line)
			line, used = lead+strings.Repeat(" ", labelW), 0
		}
		if used > 0 {
			line += strings.Repeat(" ", gap)
			used += gap
		}
		line += c
		used += cw
	}
	return append(lines, line)
}

// parentLine says what bigger goal this one is a step toward.
func (e editor) parentLine(s *common.Styles) string {
	label := lipgloss.NewStyle().Width(labelWidth).Render(e.label(s, fieldParent, "Step toward"))
	want, ok := workbook.ParentTier(e.goal.Tier)
	switch {
	case !ok:
		return common.Truncate(label+" "+s.Muted.Render("big goals are the top of the ladder"), e.width)
	case len(e.parents) == 0:
		return common.Truncate(label+" "+s.Muted.Render("no "+strings.ToLower(catalog.AboutTier(want).Name)+" goals yet"), e.width)
	}
	text := "nothing yet"
	if p, ok := workbook.GoalByID(e.parents, e.goal.Parent); ok {
		text = common.OneLine(p.Text)
	}
	// The goal it steps toward is shown whole, wrapped beside the label:
	// cut, two goals that begin alike could not be told apart.
	styled := s.Accent.Render
	if e.focus == fieldParent {
		text, styled = "‹ "+text+" ›", s.Selected.Render
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, label+" ", styled(common.Wrap(text, max(e.width-labelWidth-1, 1))))
}

// checksView shows SMART and the column's rule: what is met, and what to
// think about next. space answers the check looked at: yes to a question,
// or no to what cairn read from the words.
func (e editor) checksView(s *common.Styles, ctx Context) string {
	var b strings.Builder
	cs := checks(e.goal, ctx)
	space := "space: yes, that's true"
	if e.focus == fieldChecks && e.checkAt < len(cs) {
		switch c := cs[e.checkAt]; {
		case c.Derived:
			space = "space: no, that's not right"
		case c.Doubted:
			space = "space: take back your no"
		}
	}
	b.WriteString(e.label(s, fieldChecks, "Checks") + s.Muted.Render("  ("+space+")"))
	for i, c := range cs {
		mark, style := "○", s.Open
		if c.Met {
			mark, style = "✓", s.Met
		}
		name := lipgloss.NewStyle().Width(24).Render(common.Truncate(c.Name, 23))
		if e.focus == fieldChecks && i == e.checkAt {
			// The one being looked at gets its whole prompt: it is the coaching.
			b.WriteString("\n" + common.Truncate("  "+s.Selected.Render("›")+" "+style.Render(mark+" ")+s.Selected.Render(c.Name), e.width))
			b.WriteString("\n" + lipgloss.NewStyle().PaddingLeft(6).Render(s.Text.Render(common.Wrap(c.Prompt, max(e.width-6, 1)))))
			continue
		}
		line := "    " + style.Render(mark+" ") + style.Render(name) + s.Muted.Render(c.Prompt)
		b.WriteString("\n" + common.Truncate(line, e.width))
	}
	return b.String()
}

// purposeView asks the purpose check's three questions.
func (e editor) purposeView(s *common.Styles) string {
	var b strings.Builder
	yes := 0
	for _, p := range catalog.PurposeChecks() {
		if e.goal.Purpose[p.ID] {
			yes++
		}
	}
	b.WriteString(e.label(s, fieldPurpose, "Purpose") + s.Muted.Render(fmt.Sprintf("  %d of 3", yes)))
	for i, p := range catalog.PurposeChecks() {
		mark, style := "○ ", s.Open
		if e.goal.Purpose[p.ID] {
			mark, style = "✓ ", s.Met
		}
		if e.focus == fieldPurpose && i == e.purpAt {
			prefix := "  " + s.Selected.Render("›") + " " + style.Render(mark)
			text := s.Text.Render(common.Wrap(p.Prompt, max(e.width-lipgloss.Width(prefix), 1)))
			b.WriteString("\n" + lipgloss.JoinHorizontal(lipgloss.Top, prefix, text))
			continue
		}
		line := "    " + style.Render(mark) + s.Muted.Render(p.Prompt)
		b.WriteString("\n" + common.Truncate(line, e.width))
	}
	return b.String()
}
