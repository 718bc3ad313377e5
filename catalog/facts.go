package catalog

import "github.com/cairn-run/cairn/workbook"

// How a goal keeps the runner's answers to the checks, in Goal.Said:
// under a criterion ("attainable") or TierRuleKey, true is their "yes" to
// a check the words cannot show; under NotPrefix and the same key
// ("not:measurable"), their "no" to what cairn read from the words.
const (
	TierRuleKey = "tier-rule"
	NotPrefix   = "not:"
)

// FactsOf is what the checks know about goal g. linked says whether it is
// tied to a theme the runner holds to or a value they chose.
func FactsOf(g workbook.Goal, linked bool) GoalFacts {
	said, doubted := map[Criterion]bool{}, map[Criterion]bool{}
	for _, c := range Criteria() {
		said[c] = g.Said[string(c)]
		doubted[c] = g.Said[NotPrefix+string(c)]
	}
	return GoalFacts{
		Text:            g.Text,
		Tier:            g.Tier,
		Linked:          linked,
		Said:            said,
		SaidTierRule:    g.Said[TierRuleKey],
		Doubted:         doubted,
		DoubtedTierRule: g.Said[NotPrefix+TierRuleKey],
	}
}

// GoalChecks returns goal g's SMART checks followed by its column's rule,
// as the goal editor shows them.
func GoalChecks(g workbook.Goal, linked bool) []Check {
	f := FactsOf(g, linked)
	return append(CheckSMART(f), CheckTier(f))
}
