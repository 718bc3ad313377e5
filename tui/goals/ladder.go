package goals

import (
	"slices"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/store"
)

// The ladder: a big goal holds medium goals, a medium goal small ones, so
// "what is my next step this week?" always has an answer.

// parentTier is the tier a goal of tier t can be a step toward.
func parentTier(t string) (catalog.Tier, bool) {
	switch catalog.Tier(t) {
	case catalog.Small:
		return catalog.Medium, true
	case catalog.Medium:
		return catalog.Big, true
	}
	return "", false
}

// validParent reports whether p can hold g on the ladder.
func validParent(g, p store.Goal) bool {
	want, ok := parentTier(g.Tier)
	return ok && catalog.Tier(p.Tier) == want && p.ID != g.ID
}

// byID finds a goal.
func byID(goals []store.Goal, id string) (store.Goal, bool) {
	i := indexByID(goals, id)
	if i < 0 {
		return store.Goal{}, false
	}
	return goals[i], true
}

// children returns the goals that are steps toward id, in board order.
func children(goals []store.Goal, id string) []store.Goal {
	var out []store.Goal
	for _, g := range goals {
		if g.Parent == id {
			if p, ok := byID(goals, id); ok && validParent(g, p) {
				out = append(out, g)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b store.Goal) int { return a.Order - b.Order })
	return out
}

// related returns the IDs of the goals on the same ladder as id: what it
// is a step toward, and the steps toward it.
func related(goals []store.Goal, id string) map[string]bool {
	out := map[string]bool{}
	g, ok := byID(goals, id)
	if !ok {
		return out
	}
	for up := g; up.Parent != ""; {
		p, ok := byID(goals, up.Parent)
		if !ok || !validParent(up, p) || out[p.ID] {
			break
		}
		out[p.ID] = true
		up = p
	}
	var down func(id string)
	down = func(id string) {
		for _, c := range children(goals, id) {
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

// nextStep answers "what is my next step this week?" for a goal: the goal
// itself when it is small, otherwise the first small goal beneath it.
func nextStep(goals []store.Goal, id string) (store.Goal, bool) {
	g, ok := byID(goals, id)
	if !ok {
		return store.Goal{}, false
	}
	if catalog.Tier(g.Tier) == catalog.Small {
		return g, true
	}
	for _, c := range children(goals, id) {
		if s, ok := nextStep(goals, c.ID); ok {
			return s, true
		}
	}
	return store.Goal{}, false
}
