package catalog

import (
	"cmp"
	"slices"

	"github.com/cairn-run/cairn/workbook"
)

// A Hint is one short piece of goal-setting guidance for a runner with a
// given motivation: drawn to one of its themes (Toward) or pushing one of
// them away (Away). The hints carry seed 001's advice — goals should agree
// with what moves you — in cairn's own words.
type Hint struct {
	// Themes are the themes the hint speaks to; it applies when the runner
	// has confirmed any of them with the hint's Polarity.
	Themes   []ThemeID
	Polarity workbook.Polarity
	Text     string
}

var goalHints = []Hint{
	{[]ThemeID{Achievement, Competition}, workbook.Toward,
		"You like something to measure: give each goal a number you can track."},
	{[]ThemeID{Competition}, workbook.Toward,
		"Racing lights you up: pick an event and let your medium goals build toward its start line."},
	{[]ThemeID{Joy, Coping}, workbook.Toward,
		"How running feels matters most: choose goals that protect that feeling, like one easy run a week with no pace to hit."},
	{[]ThemeID{Coping}, workbook.Toward,
		"Running is your head space: keep that time safe in your week before adding anything harder."},
	{[]ThemeID{Affiliation}, workbook.Toward,
		"People make your running: build goals around them — a club night, a run with a friend, an event you travel to together."},
	{[]ThemeID{Exploration}, workbook.Toward,
		"New ground calls you: make a goal of a trail, a route or a place you would love to run."},
	{[]ThemeID{Routine}, workbook.Toward,
		"Steady habits suit you: choose goals that fit the week you really have — which days, what time, how long."},
	{[]ThemeID{Health}, workbook.Toward,
		"You run to stay well: goals that keep you running for years — strength work, rest days, a steady habit — fit you best."},
	{[]ThemeID{Weight}, workbook.Toward,
		"If weight is part of your why, let your goals rest on what you do each week — runs, sleep, strength — more than on the scales."},
	{[]ThemeID{Recognition}, workbook.Toward,
		"Being seen spurs you on: share a goal with someone, or choose an event with a finish worth celebrating."},
	{[]ThemeID{SelfEsteem}, workbook.Toward,
		"Running builds your confidence: include one goal that feels a little scary, and notice each step you take toward it."},
	{[]ThemeID{Meaning}, workbook.Toward,
		"Running means something to you: tie a goal to that — a cause, a person, a milestone that matters."},
	{[]ThemeID{Joy}, workbook.Toward,
		"Keep it fun: give yourself one goal that is simply for enjoyment, like a new route or a run with no plan."},

	{[]ThemeID{Competition}, workbook.Away,
		"You'd rather not race: race goals are probably not for you — try an experience or training goal."},
	{[]ThemeID{Achievement}, workbook.Away,
		"Numbers don't drive you: let goals be about how runs feel and what you do, not pace or distance."},
	{[]ThemeID{Weight}, workbook.Away,
		"Keep weight out of your goals: aim at what running gives you, not at the scales."},
	{[]ThemeID{Affiliation}, workbook.Away,
		"You like running on your own terms: keep some goals solo, with no one else's plans to fit around."},
	{[]ThemeID{Recognition}, workbook.Away,
		"You run for yourself, not for applause: your goals can stay private if that feels better."},
	{[]ThemeID{Routine}, workbook.Away,
		"A fixed plan feels tight: keep goals flexible, and count them by the week rather than the day."},
	{[]ThemeID{Exploration}, workbook.Away,
		"Familiar routes suit you: goals close to home will fit better than ones that need travel."},
}

// maxGoalHints is how many hints GoalHints gives at most: a few lines of
// guidance beside the goal board, not a list to work through.
const maxGoalHints = 4

// Hints returns every goal hint in the catalog's order. The slice is a
// copy.
func Hints() []Hint {
	out := make([]Hint, len(goalHints))
	for i, h := range goalHints {
		h.Themes = slices.Clone(h.Themes)
		out[i] = h
	}
	return out
}

// GoalHints returns the hints that apply to the confirmed (toward) and
// averse themes, most relevant first, at most a few. Each list is read in
// the runner's order of importance: a hint for the first theme ranks above
// one for the third, and a hint that speaks to two confirmed themes ranks
// above one that speaks to a single theme. Hints are spread across themes
// before any theme gets a second one.
func GoalHints(toward, averse []ThemeID) []string {
	type ranked struct {
		i       int
		score   float64
		matched []ThemeID
	}
	var cands []ranked
	for i, h := range goalHints {
		list := toward
		if h.Polarity == workbook.Away {
			list = averse
		}
		r := ranked{i: i}
		for _, t := range h.Themes {
			if pos := slices.Index(list, t); pos >= 0 {
				r.score += 1 / float64(pos+1)
				r.matched = append(r.matched, t)
			}
		}
		if r.score > 0 {
			cands = append(cands, r)
		}
	}
	slices.SortStableFunc(cands, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.i, b.i))
	})
	var out []string
	covered := map[ThemeID]bool{}
	picked := make([]bool, len(cands))
	// First pass: a hint only if it covers a theme no earlier hint did.
	for k, c := range cands {
		if len(out) == maxGoalHints {
			break
		}
		fresh := false
		for _, t := range c.matched {
			fresh = fresh || !covered[coverKey(t, goalHints[c.i].Polarity)]
		}
		if !fresh {
			continue
		}
		for _, t := range c.matched {
			covered[coverKey(t, goalHints[c.i].Polarity)] = true
		}
		picked[k] = true
		out = append(out, goalHints[c.i].Text)
	}
	// Then fill up with the rest, still in order.
	for k, c := range cands {
		if len(out) == maxGoalHints {
			break
		}
		if !picked[k] {
			out = append(out, goalHints[c.i].Text)
		}
	}
	return out
}

// coverKey tells a theme confirmed apart from the same theme averse.
func coverKey(t ThemeID, p workbook.Polarity) ThemeID {
	if p == workbook.Away {
		return "-" + t
	}
	return t
}
