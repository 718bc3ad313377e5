package goals

import (
	"slices"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// tierRuleKey and notPrefix are how a goal keeps the runner's answers to
// the checks (catalog.TierRuleKey).
const (
	tierRuleKey = catalog.TierRuleKey
	notPrefix   = catalog.NotPrefix
)

// facts is what the catalog's checks need to know about a goal.
func facts(g workbook.Goal, ctx Context) catalog.GoalFacts {
	return catalog.FactsOf(g, linked(g, ctx))
}

// linked reports whether the goal is tied to a theme the runner holds to
// or a value they chose: what makes it relevant.
func linked(g workbook.Goal, ctx Context) bool {
	for _, t := range ctx.Themes {
		if slices.Contains(g.Themes, t.Ref) {
			return true
		}
	}
	for _, v := range ctx.Values {
		if slices.Contains(g.Values, v.Ref) {
			return true
		}
	}
	return false
}

// checks returns the goal's SMART checks followed by its tier's rule.
func checks(g workbook.Goal, ctx Context) []catalog.Check {
	f := facts(g, ctx)
	return append(catalog.CheckSMART(f), catalog.CheckTier(f))
}

// checkKey is the Goal.Said key for a check.
func checkKey(c catalog.Check) string {
	if c.Criterion == "" {
		return tierRuleKey
	}
	return string(c.Criterion)
}

// tally counts the met checks and purpose answers of a goal.
func tally(g workbook.Goal, ctx Context) (met, total, purpose int) {
	cs := checks(g, ctx)
	for _, c := range cs {
		if c.Met {
			met++
		}
	}
	for _, p := range catalog.PurposeChecks() {
		if g.Purpose[p.ID] {
			purpose++
		}
	}
	return met, len(cs), purpose
}
