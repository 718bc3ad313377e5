package goals

import (
	"slices"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// tierRuleKey is where the runner's own "yes" to the tier's rule is kept in
// Goal.Said, beside the SMART criteria.
const tierRuleKey = "tier-rule"

// notPrefix marks a Goal.Said key that holds the runner's "no" to what
// cairn read for a check ("not:measurable"), beside the "yes" keys.
const notPrefix = "not:"

// facts is what the catalog's checks need to know about a goal.
func facts(g workbook.Goal, ctx Context) catalog.GoalFacts {
	said, doubted := map[catalog.Criterion]bool{}, map[catalog.Criterion]bool{}
	for _, c := range catalog.Criteria() {
		said[c] = g.Said[string(c)]
		doubted[c] = g.Said[notPrefix+string(c)]
	}
	return catalog.GoalFacts{
		Text:            g.Text,
		Tier:            g.Tier,
		Linked:          linked(g, ctx),
		Said:            said,
		SaidTierRule:    g.Said[tierRuleKey],
		Doubted:         doubted,
		DoubtedTierRule: g.Said[notPrefix+tierRuleKey],
	}
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
