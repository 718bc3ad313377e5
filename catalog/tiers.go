package catalog

import "github.com/cairn-run/cairn/workbook"

// TierInfo says what a tier is for and what makes a good goal in it.
type TierInfo struct {
	Tier workbook.Tier
	// Name is the column heading.
	Name string
	// Span is the horizon in plain words.
	Span string
	// Good lists, in a few short lines, what a goal in this tier needs.
	Good []string
	// Example is one goal that fits the tier well.
	Example string
}

var tiers = []TierInfo{
	{
		Tier: workbook.Small,
		Name: "Small",
		Span: "this week",
		Good: []string{
			"very specific: which days, what time, and how",
			"realistic for everything else on your plate this week",
			"a step toward a medium goal",
		},
		Example: "Two strength sessions: Thursday and Sunday, before breakfast.",
	},
	{
		Tier: workbook.Medium,
		Name: "Medium",
		Span: "2–6 weeks",
		Good: []string{
			"specific and measurable",
			"carried by a strategy or someone who keeps you accountable",
			"made as you go, and adjusted when life gets in the way",
		},
		Example: "Build from 10 to 15 miles a week over six weeks, with a friend on Saturdays.",
	},
	{
		Tier: workbook.Big,
		Name: "Big",
		Span: "the next 12 months",
		Good: []string{
			"realistic: something you can truly do within a year",
			"relevant: it lights you up",
			"measurable, so it can be broken into medium goals",
		},
		Example: "Run a half marathon in the autumn.",
	},
}

// Tiers returns the three tiers, smallest first.
func Tiers() []TierInfo {
	out := make([]TierInfo, len(tiers))
	for i, t := range tiers {
		t.Good = append([]string(nil), t.Good...)
		out[i] = t
	}
	return out
}

// AboutTier returns what the catalog says about a tier. An unknown tier
// gets a zero TierInfo.
func AboutTier(t workbook.Tier) TierInfo {
	for _, info := range tiers {
		if info.Tier == t {
			return info
		}
	}
	return TierInfo{}
}

// MaxSettled is how many goals a column holds before the board gently
// suggests settling on fewer.
const MaxSettled = 3
