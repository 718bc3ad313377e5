package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// The card: one printed page for the fridge (seed 001: write your goals
// down and keep them where you will see them). The goals still being
// worked toward, by tier, the one motivation that matters most, and this
// week's steps, in plain text that fits CardWidth columns and CardLines
// lines whatever the runner wrote: a goal gets at most two lines, a tier
// at most cardGoals goals, and what does not fit is counted, never
// silently dropped.

// The card's size: a terminal's width, and a page of monospace text.
const (
	CardWidth = 80
	CardLines = 60
)

const (
	cardGoals      = 6 // goals shown per tier
	cardGoalLines  = 2 // lines one goal may take
	cardMotivation = 4 // lines the motivation may take
)

// Card writes the card of the one season in p.
func Card(w io.Writer, p Print) error {
	if len(p.Seasons) != 1 {
		return fmt.Errorf("a card shows one season, not %d", len(p.Seasons))
	}
	c := card{p: p, s: p.Seasons[0]}
	if p.Load != nil {
		snap, err := p.Load(0)
		if err != nil {
			return err
		}
		c.s.Snapshot = snap
	}
	c.write()
	_, err := io.WriteString(w, c.b.String())
	return err
}

type card struct {
	b strings.Builder
	p Print
	s PrintSeason
}

// inner is the width of a line of text, one cell in from either edge.
const inner = CardWidth - 2

func (c *card) line(s string) { c.b.WriteString(strings.TrimRight(" "+s, " ") + "\n") }

func (c *card) rule() { c.line(strings.Repeat("─", inner)) }

// wrapped writes text wrapped at the card's width after indent, the lines
// after the first indented as far, at most max lines, the last cut with
// "…" if more would be needed.
func (c *card) wrapped(indent, text string, max int) {
	width := inner - ansi.StringWidth(indent)
	lines := strings.Split(ansi.Wrap(oneLine(text), width, ""), "\n")
	if len(lines) > max {
		lines = lines[:max]
		lines[max-1] = ansi.Truncate(lines[max-1], width-2, "") + " …"
	}
	for i, l := range lines {
		if i == 0 {
			c.line(indent + l)
		} else {
			c.line(strings.Repeat(" ", ansi.StringWidth(indent)) + l)
		}
	}
}

func (c *card) write() {
	name := "cairn · " + oneLine(c.s.Season.Name)
	date := longDay(c.p.Today)
	gap := inner - ansi.StringWidth(name) - ansi.StringWidth(date)
	if gap < 2 {
		name = ansi.Truncate(name, inner-ansi.StringWidth(date)-2, "…")
		gap = 2
	}
	c.line(name + strings.Repeat(" ", gap) + date)
	c.rule()

	c.line("")
	c.line("WHAT MATTERS MOST")
	board := c.s.Themes
	motivation := oneLine(board.Motivation)
	if motivation != "" {
		c.wrapped("  ", motivation, cardMotivation)
	}
	if !board.Top.IsZero() {
		c.wrapped("  ", "Of your themes: "+c.p.Names.Of(board.Top), 1)
	}
	if motivation == "" && board.Top.IsZero() {
		c.line("  Not named yet: the themes step asks.")
	}

	// The goals still being worked toward this week: not a small goal of
	// a week gone by, nor one of a week to come.
	thisWeek := c.p.Today.WeekStart()
	var active []workbook.Goal
	for _, g := range c.s.Goals {
		if g.Open(thisWeek) && g.OnBoard(thisWeek) && !(g.Weekly() && g.Week != thisWeek) {
			active = append(active, g)
		}
	}
	for _, t := range []workbook.Tier{workbook.Big, workbook.Medium} {
		info := catalog.AboutTier(t)
		c.line("")
		c.line(strings.ToUpper(info.Name) + " · " + info.Span)
		c.goals(active, t, "  • ")
	}
	c.line("")
	c.line("THIS WEEK")
	c.goals(active, workbook.Small, "  [ ] ")
	if plan := c.p.Settings.Plan; plan > 0 {
		c.line("  " + capital(plural(plan, "run", "runs")) + " planned this week; a missed day breaks nothing.")
	}
	c.line("")
	c.rule()
	c.line("Put this where you will see it. Look again in a few days, and adjust.")
}

// goals writes the active goals of tier t, at most cardGoals of them.
func (c *card) goals(active []workbook.Goal, t workbook.Tier, bullet string) {
	var in []workbook.Goal
	for _, g := range active {
		if g.Tier == t {
			in = append(in, g)
		}
	}
	if len(in) == 0 {
		c.line("  (none yet)")
		return
	}
	for i, g := range in {
		if i == cardGoals {
			c.line(fmt.Sprintf("  …and %d more on the board", len(in)-cardGoals))
			break
		}
		text := oneLine(g.Text)
		switch {
		case g.Status == workbook.Resting:
			text += " (resting)"
		case g.Feel == workbook.Scary:
			text += " (a little scary)"
		}
		if p, ok := workbook.GoalByID(c.s.Goals, g.Parent); ok && workbook.ValidParent(g, p) {
			text += " → " + oneLine(p.Text)
		}
		c.wrapped(bullet, text, cardGoalLines)
	}
}
