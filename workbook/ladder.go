package workbook

import "slices"

// The ladder: a big goal holds medium goals, a medium goal small ones, so
// "what is my next step this week?" always has an answer.

// ParentTier is the tier a goal of tier t can be a step toward.
func ParentTier(t Tier) (Tier, bool) {
	switch t {
	case Small:
		return Medium, true
	case Medium:
		return Big, true
	}
	return "", false
}

// ValidParent reports whether p can hold g on the ladder.
func ValidParent(g, p Goal) bool {
	want, ok := ParentTier(g.Tier)
	return ok && p.Tier == want && p.ID != g.ID
}

// GoalByID finds a goal.
func GoalByID(goals []Goal, id string) (Goal, bool) {
	i := slices.IndexFunc(goals, func(g Goal) bool { return g.ID == id })
	if i < 0 {
		return Goal{}, false
	}
	return goals[i], true
}

// Children returns the goals that are steps toward id, in board order.
func Children(goals []Goal, id string) []Goal {
	p, ok := GoalByID(goals, id)
	if !ok {
		return nil
	}
	var out []Goal
	for _, g := range goals {
		if g.Parent == id && ValidParent(g, p) {
			out = append(out, g)
		}
	}
	slices.SortStableFunc(out, func(a, b Goal) int { return a.Order - b.Order })
	return out
}

// Related returns the IDs of the goals on the same ladder as id: what it
// is a step toward, and the steps toward it.
func Related(goals []Goal, id string) map[string]bool {
	out := map[string]bool{}
	g, ok := GoalByID(goals, id)
	if !ok {
		return out
	}
	for up := g; up.Parent != ""; {
		p, ok := GoalByID(goals, up.Parent)
		if !ok || !ValidParent(up, p) || out[p.ID] {
			break
		}
		out[p.ID] = true
		up = p
	}
	var down func(id string)
	down = func(id string) {
		for _, c := range Children(goals, id) {
			if !out[c.ID] {
				out[c.ID] = true
				down(c.ID)
			}
		}
	}
	down(id)
	delete(out, id)
	return out
}

// NextStep answers "what is my next step this week?" for a goal: the goal
// itself when it is small, otherwise the first small goal beneath it. A
// ladder read from damaged or imported data can loop back on itself (two
// goals sharing an ID); each goal is looked beneath once, so the answer is
// still found or refused rather than searched for ever.
func NextStep(goals []Goal, id string) (Goal, bool) {
	g, ok := GoalByID(goals, id)
	if !ok {
		return Goal{}, false
	}
	return nextStep(goals, g, map[string]bool{})
}

func nextStep(goals []Goal, g Goal, seen map[string]bool) (Goal, bool) {
	if g.Tier == Small {
		return g, true
	}
	if seen[g.ID] {
		return Goal{}, false
	}
	seen[g.ID] = true
	for _, c := range Children(goals, g.ID) {
		if s, ok := nextStep(goals, c, seen); ok {
			return s, true
		}
	}
	return Goal{}, false
}
