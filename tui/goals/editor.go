package goals

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui/common"
)

// The editor's fields, in tab order.
type field int

const (
	fieldText field = iota
	fieldTier
	fieldFeel
	fieldCount
)

// editor edits one goal: its words, its column and how it feels.
type editor struct {
	goal  store.Goal
	isNew bool
	focus field
	text  textarea.Model
	width int
}

func newEditor(s *common.Styles, g store.Goal, isNew bool) editor {
	ta := textarea.New()
	ta.Prompt = "│ "
	ta.ShowLineNumbers = false
	ta.Placeholder = "What will you do? Be as specific as the column asks."
	ta.EndOfBufferCharacter = ' '
	ta.MaxHeight = 0
	ta.CharLimit = 0
	ta.MaxWidth = 0
	ta.KeyMap.Paste.SetEnabled(false)
	ta.SetStyles(s.TextArea)
	ta.SetHeight(4)
	ta.SetValue(g.Text)
	ta.Focus()
	return editor{goal: g, isNew: isNew, text: ta}
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
	if p, ok := msg.(tea.PasteMsg); ok {
		p.Content = common.NormalizeNewlines(p.Content)
		msg = p
	}
	newline := func(k tea.KeyPressMsg) bool { return key.Matches(k, e.text.KeyMap.InsertNewline) }
	if ins, ok := common.Inserts(msg, newline); ok {
		if fits, _ := common.Fits(len(e.goal.Text), strings.Count(e.goal.Text, "\n"), ins); !fits {
			return m, common.Status("That would make this goal longer than one goal can hold; nothing was added.")
		}
	}
	var cmd tea.Cmd
	e.text, cmd = e.text.Update(msg)
	if v := e.text.Value(); v != e.goal.Text {
		e.goal.Text = v
		e.goal.Updated = m.env.Now().UTC()
		if strings.TrimSpace(v) != "" {
			return m, tea.Batch(cmd, m.auto.Edited(m.env.Now()))
		}
	}
	return m, cmd
}

// updateField changes a choice field with ←/→ or space. A change is saved at
// once: it is a decision, not typing.
func (m Model) updateField(k tea.KeyPressMsg) (Model, tea.Cmd) {
	e := &m.editor
	if !key.Matches(k, m.keys.Choose, m.keys.Toggle) {
		return m, nil
	}
	step := 1
	if k.String() == "left" {
		step = -1
	}
	switch e.focus {
	case fieldTier:
		i := tierIndex(e.goal.Tier)
		e.goal.Tier = string(tierOrder[(i+step+len(tierOrder))%len(tierOrder)])
	case fieldFeel:
		if e.goal.Feel == FeelDoable {
			e.goal.Feel = FeelScary
		} else {
			e.goal.Feel = FeelDoable
		}
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

// tierIndex returns the column of a tier; an unknown tier counts as small.
func tierIndex(t string) int { return max(slices.Index(tierOrder, catalog.Tier(t)), 0) }

func indexByID(goals []store.Goal, id string) int {
	return slices.IndexFunc(goals, func(g store.Goal) bool { return g.ID == id })
}

// view renders the editor in the board's place.
func (e editor) view(s *common.Styles, height int) string {
	tier := catalog.Tier(e.goal.Tier).Info()
	title := "Edit goal"
	if e.isNew {
		title = "New goal"
	}
	var b strings.Builder
	b.WriteString(s.Title.Render(title) + s.Muted.Render(" · "+tier.Name+", "+tier.Span) + "\n")
	b.WriteString(s.Muted.Render(common.Wrap("A good "+strings.ToLower(tier.Name)+" goal is "+strings.Join(tier.Good, "; ")+".", e.width)) + "\n\n")
	b.WriteString(e.label(s, fieldText, "What's the goal?") + "\n")
	b.WriteString(e.text.View() + "\n\n")

	var tiers []string
	for _, t := range tierOrder {
		tiers = append(tiers, t.Info().Name)
	}
	b.WriteString(e.choice(s, fieldTier, "Column", tiers, tierIndex(e.goal.Tier)) + "\n")
	feel := -1
	switch e.goal.Feel {
	case FeelDoable:
		feel = 0
	case FeelScary:
		feel = 1
	}
	b.WriteString(e.choice(s, fieldFeel, "It feels", []string{"doable", "a little scary"}, feel))
	return lipgloss.NewStyle().MaxHeight(max(height, 1)).Render(b.String())
}

func (e editor) label(s *common.Styles, f field, text string) string {
	if e.focus == f {
		return s.Selected.Render("› " + text)
	}
	return s.Muted.Render("  " + text)
}

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
	line := lipgloss.NewStyle().Width(12).Render(e.label(s, f, label)) + " " + strings.Join(parts, " ")
	return common.Truncate(line, e.width)
}
