// Package summary is the last step: the whole season on one scrolling page,
// answers, themes and goals together.
package summary

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// Season is everything the summary shows.
type Season struct {
	Season  workbook.Season
	Answers map[string]string
	Themes  workbook.ThemeBoard
	// Toward and Averse are the themes the runner confirmed, the one that
	// matters most first.
	Toward []common.Ref
	Averse []common.Ref
	Values []Value
	Goals  []workbook.Goal
	// From is the name of the season this one carried things over from;
	// "" when it carried nothing.
	From string
}

// Value is a chosen value with what the runner wrote about it.
type Value struct {
	Name       string
	Serve      string
	Experiment string
}

// KeyMap holds the summary's keys: a page's, and the way back.
type KeyMap struct {
	common.PageKeys
	Prev key.Binding
}

// DefaultKeyMap returns the summary's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		PageKeys: common.DefaultPageKeys(),
		Prev:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back to goals")),
	}
}

// ShortHelp lists the keys for the help footer; the page keys and the
// ends are in the full help (? or ctrl+/), where they leave room for the
// way back and for quitting on a narrow footer.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Scroll, k.Prev} }

// FullHelp lists the keys for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Scroll, k.Page, k.Ends}, {k.Prev}}
}

// Model is the summary screen.
type Model struct {
	common.ReadOnly

	env    common.Env
	keys   KeyMap
	season Season
	page   viewport.Model
	nav    common.Request
	width  int
}

// New builds an empty summary; SetSeason fills it.
func New(env common.Env) Model {
	return Model{env: env, keys: DefaultKeyMap(), page: viewport.New()}
}

// SetSeason gives the summary the latest state of the season.
func (m *Model) SetSeason(s Season) {
	m.season = s
	m.render()
}

// TakeNavigation returns the move this screen asked for in its last
// Update, if any.
func (m *Model) TakeNavigation() (common.NavigateMsg, bool) { return m.nav.Take() }

// KeyMap returns the keys for the help footer.
func (m Model) KeyMap() KeyMap { return m.keys }

// ShortHelp lists the screen's live keys for the help footer: the screen
// is itself a help.KeyMap, as a Bubbles list is.
func (m Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// FullHelp lists the screen's live keys for the expanded help.
func (m Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// SetStyles applies new styles.
func (m *Model) SetStyles(s *common.Styles) {
	m.env.Styles = s
	m.render()
}

// SetSize gives the screen its width and height.
func (m *Model) SetSize(w, h int) {
	m.width = w
	m.page.SetWidth(w)
	m.page.SetHeight(h)
	m.render()
}

func (m *Model) render() {
	if m.width == 0 {
		return
	}
	m.page.SetContent(Render(m.season, m.env.Styles, m.width))
}

// Update handles a message for this screen.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.Prev) {
		m.nav.Navigate(common.GoTo(common.PrevStep(common.Summary)))
		return m, nil
	}
	return m, m.keys.Move(&m.page, msg)
}

// View renders the screen.
func (m Model) View() string { return m.page.View() }

// Render lays out a whole season at width w.
func Render(season Season, s *common.Styles, w int) string {
	var b strings.Builder
	section := func(title string) {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(s.Title.Render(title) + "\n")
	}
	// Wrapped lines keep their indent: a value's "  To try:", a goal's
	// bullet, the runner's own lists.
	para := func(style lipgloss.Style, text string) {
		b.WriteString(style.Render(common.WrapIndented(text, w)) + "\n")
	}

	section(season.Season.Name)
	para(s.Muted, "Started "+season.Season.Started.Local().Format("2 January 2006")+".")
	if why := season.Season.Because(); why != "" {
		para(s.Muted, "Begun: "+why+".")
	}
	if c := season.Season.Carried.Words(); c != "" && season.From != "" {
		para(s.Muted, "Carried over from "+season.From+": "+c+".")
	}

	section("What matters most")
	if m := strings.TrimSpace(season.Themes.Motivation); m != "" {
		para(s.Accent, m)
	} else {
		para(s.Muted, "Not named yet.")
	}
	refs := func(title string, style lipgloss.Style, list []common.Ref) {
		if len(list) > 0 {
			b.WriteString(s.Subtitle.Render(title) + "\n")
			para(style, common.JoinRefs(list, season.Themes.Top, " · "))
		}
	}
	refs("Your themes", s.Text, season.Toward)
	refs("You'd rather not", s.Averse, season.Averse)
	if len(season.Values) > 0 {
		b.WriteString(s.Subtitle.Render("Your values") + "\n")
		for _, v := range season.Values {
			para(s.Text, "• "+v.Name)
			if serve := strings.TrimSpace(v.Serve); serve != "" {
				para(s.Muted, "  Running serves it: "+common.OneLine(serve))
			}
			if exp := strings.TrimSpace(v.Experiment); exp != "" {
				para(s.Muted, "  To try: "+common.OneLine(exp))
			}
		}
	}
	if n := strings.TrimSpace(season.Themes.Notes); n != "" {
		b.WriteString(s.Subtitle.Render("Themes you see") + "\n")
		para(s.Text, n)
	}

	section("Goals")
	any := false
	for _, t := range catalog.Tiers() {
		var lines []string
		for _, g := range season.Goals {
			if g.Tier != t.Tier {
				continue
			}
			feel := ""
			if g.Feel != workbook.Unmarked {
				feel = " (" + g.Feel.Words() + ")"
			}
			lines = append(lines, "• "+common.OneLine(g.Text)+feel+goalState(g))
		}
		if len(lines) == 0 {
			continue
		}
		any = true
		b.WriteString(s.Subtitle.Render(fmt.Sprintf("%s · %s", t.Name, t.Span)) + "\n")
		for _, l := range lines {
			para(s.Text, l)
		}
	}
	if !any {
		para(s.Muted, "No goals drafted yet.")
	}

	section("Your answers")
	for _, q := range catalog.Questions() {
		b.WriteString(s.Subtitle.Render(common.Wrap(q.Prompt, w)) + "\n")
		if text := strings.TrimSpace(season.Answers[q.ID]); text != "" {
			para(s.Text, text)
		} else {
			para(s.Muted, "(not answered yet)")
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// goalState says where a goal stands, after its words: nothing for a
// draft, a week's outcome for a small goal looked back on, and the line
// the runner wrote on reaching it.
func goalState(g workbook.Goal) string {
	switch {
	case g.Check.Outcome != workbook.NotChecked:
		return " — the week of " + g.Check.Week.Time().Format("2 Jan") + ": " + g.Check.Outcome.Words()
	case g.Status == workbook.Achieved && strings.TrimSpace(g.Reached.Felt) != "":
		return " — reached: “" + common.OneLine(g.Reached.Felt) + "”"
	case g.Status == workbook.Achieved:
		return " — reached"
	case g.Status == workbook.Draft:
		return ""
	}
	return " — " + g.Status.Words()
}
