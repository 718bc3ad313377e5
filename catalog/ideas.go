package catalog

import (
	"slices"
	"strings"

	"github.com/cairn-run/cairn/workbook"
)

// An IdeaKind is one of the four families of goal ideas: how fast, how far
// or how often for the first time, what to live through, and how to train.
type IdeaKind string

// The four kinds of goal idea. Their values are stored with goals that start
// from an idea, so they never change.
const (
	// Performance ideas are about time, pace and racing well.
	Performance IdeaKind = "performance"
	// Milestone ideas are firsts and new barriers, whatever the pace.
	Milestone IdeaKind = "milestone"
	// Experience ideas are about what running lets you do, see and share.
	Experience IdeaKind = "experience"
	// Training ideas are the day-to-day habits that add up.
	Training IdeaKind = "training"
)

var ideaKinds = []IdeaKind{Performance, Milestone, Experience, Training}

// IdeaKinds returns the four kinds in the catalog's order.
func IdeaKinds() []IdeaKind {
	return slices.Clone(ideaKinds)
}

// ParseIdeaKind turns a name such as "milestone" into an IdeaKind. It
// ignores case and surrounding space.
func ParseIdeaKind(s string) (IdeaKind, bool) {
	k := IdeaKind(strings.ToLower(strings.TrimSpace(s)))
	return k, k.Valid()
}

// Valid reports whether k is one of the four kinds.
func (k IdeaKind) Valid() bool { return slices.Contains(ideaKinds, k) }

// Name is the kind as a heading, such as "Performance".
func (k IdeaKind) Name() string {
	switch k {
	case Performance:
		return "Performance"
	case Milestone:
		return "Milestone"
	case Experience:
		return "Experience"
	case Training:
		return "Training"
	}
	return string(k)
}

// A Blank is an open quantity in an idea, such as the target time in
// "Break {time} in the {distance}", for the runner to fill in.
type Blank struct {
	// Key is the name written between braces in the idea's Text.
	Key string
	// Label says what to ask for, in a few words.
	Label string
	// Example is one plausible answer, shown as a hint.
	Example string
}

// An Idea is a goal a runner can start from. Blanks in its Text are written
// as {key}; Fill turns it into the runner's own goal.
type Idea struct {
	// ID is a stable slug: goals remember the idea they came from.
	ID   string
	Kind IdeaKind
	// Text is the idea in cairn's words, with blanks written as {key}.
	Text string
	// Blanks lists one Blank per {key}, in the order they appear in Text.
	Blanks []Blank
	// Themes are the motivation themes the idea serves, the strongest
	// first.
	Themes []ThemeID
	// Tiers are the goal columns the idea suits.
	Tiers []workbook.Tier
	// Race is true when the idea means entering a race or a timed event,
	// which matters to a runner who is averse to competition.
	Race bool
	// Seed says where the idea comes from: "000:<kind>:<n>" is item n of
	// that kind's list in seed 000, "002:<macro|meso|micro>:<n>" is example
	// n of that tier in seed 002, and "" is cairn's own.
	Seed string
}

// The ideas, grouped by source and kind. Within each seed group the order
// follows the seed's list so the provenance numbers read in sequence.
var ideaList = []Idea{
	// Seed 000, performance goals.
	{
		ID:     "mile-under-time",
		Kind:   Performance,
		Text:   "Run a mile in under {time}",
		Blanks: []Blank{{"time", "target time", "7:59"}},
		Themes: []ThemeID{Achievement},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:performance:1",
	},
	{
		ID:   "break-time-race",
		Kind: Performance,
		Text: "Break {time} in the {distance}",
		Blanks: []Blank{
			{"time", "target time", "25:00"},
			{"distance", "race distance (5K, 10K, half or full marathon)", "5K"},
		},
		Themes: []ThemeID{Achievement, Competition},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Race:   true,
		Seed:   "000:performance:2",
	},
	{
		ID:   "ultra-under-time",
		Kind: Performance,
		Text: "Finish a {distance} ultra inside {time}",
		Blanks: []Blank{
			{"distance", "ultra distance", "50K"},
			{"time", "target time", "6:30:00"},
		},
		Themes: []ThemeID{Achievement, Competition},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "000:performance:3",
	},
	{
		ID:     "pb-any-distance",
		Kind:   Performance,
		Text:   "Set a new personal best over {distance}",
		Blanks: []Blank{{"distance", "distance", "10K"}},
		Themes: []ThemeID{Achievement, SelfEsteem},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:performance:4",
	},
	{
		ID:     "race-pacing",
		Kind:   Performance,
		Text:   "Learn to pace a race evenly, from the gun to the line",
		Themes: []ThemeID{Achievement, Competition},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Race:   true,
		Seed:   "000:performance:5",
	},
	{
		ID:     "race-fuelling",
		Kind:   Performance,
		Text:   "Find the food and drink that carry you through race day, and rehearse them in training",
		Themes: []ThemeID{Achievement, Health},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Race:   true,
		Seed:   "000:performance:6",
	},
	{
		ID:   "hold-pace",
		Kind: Performance,
		Text: "Hold {pace} for {distance} without a break",
		Blanks: []Blank{
			{"pace", "pace", "10 min/mile"},
			{"distance", "distance", "5 miles"},
		},
		Themes: []ThemeID{Achievement, SelfEsteem},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium, workbook.Big},
		Seed:   "000:performance:7",
	},
	{
		// The seed offers a best time on a favourite route as a second
		// example of the same item.
		ID:     "favourite-route-best",
		Kind:   Performance,
		Text:   "Beat your own best time on {route}",
		Blanks: []Blank{{"route", "favourite route", "the river loop"}},
		Themes: []ThemeID{Achievement, Joy},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:performance:7",
	},
	{
		ID:     "strava-crown",
		Kind:   Performance,
		Text:   "Take the crown on the {segment} segment on Strava",
		Blanks: []Blank{{"segment", "segment", "Mill Lane climb"}},
		Themes: []ThemeID{Recognition, Competition},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:performance:8",
	},
	{
		ID:     "qualify-for-race",
		Kind:   Performance,
		Text:   "Run a qualifying time for {race}",
		Blanks: []Blank{{"race", "race", "the Boston, London or Chicago Marathon"}},
		Themes: []ThemeID{Achievement, Competition, Recognition},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "000:performance:9",
	},
	{
		ID:     "olympic-trials",
		Kind:   Performance,
		Text:   "Run a time good enough for the Olympic Trials",
		Themes: []ThemeID{Competition, Achievement, Recognition},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "000:performance:10",
	},
	{
		ID:     "goggins-4x4x48",
		Kind:   Performance,
		Text:   "Take on David Goggins' 4x4x48: four miles every four hours, for 48 hours",
		Themes: []ThemeID{Achievement, SelfEsteem},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:performance:11",
	},
	{
		ID:     "negative-splits",
		Kind:   Performance,
		Text:   "Run negative splits: a second half quicker than the first",
		Themes: []ThemeID{Achievement},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:performance:12",
	},

	// Seed 000, milestone goals.
	{
		ID:     "first-race",
		Kind:   Milestone,
		Text:   "Enter your first race and cross the line",
		Themes: []ThemeID{Achievement, SelfEsteem},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Race:   true,
		Seed:   "000:milestone:1",
	},
	{
		ID:     "new-distance",
		Kind:   Milestone,
		Text:   "Cover {distance} for the first time",
		Blanks: []Blank{{"distance", "new distance", "10 miles"}},
		Themes: []ThemeID{Achievement, SelfEsteem},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:milestone:2",
	},
	{
		ID:     "non-stop",
		Kind:   Milestone,
		Text:   "Keep running for {amount} without stopping",
		Blanks: []Blank{{"amount", "distance or time", "30 minutes"}},
		Themes: []ThemeID{Achievement, SelfEsteem, Health},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:milestone:3",
	},
	{
		ID:     "first-rain-or-snow",
		Kind:   Milestone,
		Text:   "Go out for your first run in rain or snow",
		Themes: []ThemeID{SelfEsteem, Exploration},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:milestone:4",
	},
	{
		ID:     "longest-run",
		Kind:   Milestone,
		Text:   "Go further than ever in one run: {distance}",
		Blanks: []Blank{{"distance", "distance", "14 miles"}},
		Themes: []ThemeID{Achievement, SelfEsteem},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:milestone:5",
	},
	{
		ID:     "age-on-birthday",
		Kind:   Milestone,
		Text:   "Mark your birthday by running your age in {unit}",
		Blanks: []Blank{{"unit", "miles or kilometres", "kilometres"}},
		Themes: []ThemeID{Meaning, Achievement, Joy},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:milestone:6",
	},
	{
		ID:     "first-double-digits",
		Kind:   Milestone,
		Text:   "Reach double figures in one run for the first time: 10 km, or 10 miles",
		Themes: []ThemeID{Achievement, SelfEsteem},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:milestone:7",
	},
	{
		ID:     "beach-run",
		Kind:   Milestone,
		Text:   "Run along a beach",
		Themes: []ThemeID{Exploration, Joy},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:milestone:8",
	},
	{
		ID:     "every-day-for-a-month",
		Kind:   Milestone,
		Text:   "Run each day for a whole month",
		Themes: []ThemeID{Routine, Achievement},
		Tiers:  []workbook.Tier{workbook.Medium},
		Seed:   "000:milestone:9",
	},
	{
		ID:     "weekly-distance",
		Kind:   Milestone,
		Text:   "Run {distance} a week",
		Blanks: []Blank{{"distance", "weekly distance", "20 miles"}},
		Themes: []ThemeID{Routine, Achievement, Health},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:milestone:10",
	},
	{
		ID:     "run-while-travelling",
		Kind:   Milestone,
		Text:   "Keep your running going while you travel or are on holiday",
		Themes: []ThemeID{Routine, Exploration},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:milestone:11",
	},
	{
		ID:     "thousand-miles-year",
		Kind:   Milestone,
		Text:   "Cover 1,000 miles in a year",
		Themes: []ThemeID{Achievement, Routine},
		Tiers:  []workbook.Tier{workbook.Big},
		Seed:   "000:milestone:12",
	},

	// Seed 000, experience goals.
	{
		ID:     "fifty-states",
		Kind:   Experience,
		Text:   "Race in every one of the 50 US states",
		Themes: []ThemeID{Exploration, Achievement, Meaning},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "000:experience:1",
	},
	{
		ID:     "run-a-race-distance",
		Kind:   Experience,
		Text:   "Take part in a {distance}",
		Blanks: []Blank{{"distance", "race (5K, 10K, half or full marathon)", "half marathon"}},
		Themes: []ThemeID{Achievement, Joy},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Race:   true,
		Seed:   "000:experience:2",
	},
	{
		ID:     "every-park-trail",
		Kind:   Experience,
		Text:   "Run all the trails in {park}",
		Blanks: []Blank{{"park", "park", "your local park"}},
		Themes: []ThemeID{Exploration, Joy},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:experience:3",
	},
	{
		ID:     "rain-on-purpose",
		Kind:   Experience,
		Text:   "Choose to head out while it's raining, and see how it feels",
		Themes: []ThemeID{Joy, Exploration},
		Tiers:  []workbook.Tier{workbook.Small},
		Seed:   "000:experience:4",
	},
	{
		ID:     "new-route-weekends",
		Kind:   Experience,
		Text:   "Spend a month of weekends finding routes you have never run",
		Themes: []ThemeID{Exploration, Joy},
		Tiers:  []workbook.Tier{workbook.Medium},
		Seed:   "000:experience:5",
	},
	{
		ID:     "fifty-k-or-miles",
		Kind:   Experience,
		Text:   "Run a 50K or a 50-mile ultra",
		Themes: []ThemeID{Achievement, Exploration},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "000:experience:6",
	},
	{
		ID:     "hundred-k-or-miles",
		Kind:   Experience,
		Text:   "Run a 100K or a 100-mile race",
		Themes: []ThemeID{Achievement, SelfEsteem},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "000:experience:7",
	},
	{
		ID:     "stage-race",
		Kind:   Experience,
		Text:   "Run a stage race that lasts several days",
		Themes: []ThemeID{Exploration, Achievement},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "000:experience:8",
	},
	{
		ID:     "ragnar-relay",
		Kind:   Experience,
		Text:   "Run a Ragnar relay with a team",
		Themes: []ThemeID{Affiliation, Joy, Exploration},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "000:experience:9",
	},
	{
		ID:     "obstacle-race",
		Kind:   Experience,
		Text:   "Tackle an obstacle course race, such as Tough Mudder or Spartan",
		Themes: []ThemeID{Joy, Achievement},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Race:   true,
		Seed:   "000:experience:10",
	},
	{
		ID:     "themed-race",
		Kind:   Experience,
		Text:   "Run a race with a theme, costume optional",
		Themes: []ThemeID{Joy, Affiliation},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Race:   true,
		Seed:   "000:experience:11",
	},
	{
		ID:     "destination-race",
		Kind:   Experience,
		Text:   "Travel to {place} for a race",
		Blanks: []Blank{{"place", "state or country", "Iceland"}},
		Themes: []ThemeID{Exploration, Joy},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "000:experience:12",
	},
	{
		ID:     "colour-run",
		Kind:   Experience,
		Text:   "Do a colour run",
		Themes: []ThemeID{Joy, Affiliation},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Race:   true,
		Seed:   "000:experience:13",
	},
	{
		ID:     "adventure-race",
		Kind:   Experience,
		Text:   "Enter an adventure race",
		Themes: []ThemeID{Exploration, Competition, Achievement},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "000:experience:14",
	},
	{
		ID:     "track-race",
		Kind:   Experience,
		Text:   "Race on a track, or run a leg of a relay",
		Themes: []ThemeID{Competition, Achievement, Affiliation},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Race:   true,
		Seed:   "000:experience:15",
	},
	{
		ID:     "triathlon",
		Kind:   Experience,
		Text:   "Do a triathlon",
		Themes: []ThemeID{Achievement, Exploration},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "000:experience:16",
	},
	{
		ID:     "run-across",
		Kind:   Experience,
		Text:   "Run across {place}",
		Blanks: []Blank{{"place", "state or country, or coast to coast", "your state"}},
		Themes: []ThemeID{Exploration, Meaning, Achievement},
		Tiers:  []workbook.Tier{workbook.Big},
		Seed:   "000:experience:17",
	},
	{
		ID:     "every-street",
		Kind:   Experience,
		Text:   "Run every street in {place}",
		Blanks: []Blank{{"place", "town or city", "your town"}},
		Themes: []ThemeID{Exploration, Achievement},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:experience:18",
	},
	{
		ID:     "marathon-majors",
		Kind:   Experience,
		Text:   "Run one of the marathon majors, or collect them all: Boston, Chicago, New York City, Berlin, Tokyo, London, Sydney",
		Themes: []ThemeID{Exploration, Achievement, Recognition},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "000:experience:19",
	},
	{
		ID:     "marathon-maniac",
		Kind:   Experience,
		Text:   "Qualify as a Marathon Maniac: three marathons inside 90 days, or two inside 16",
		Themes: []ThemeID{Achievement, Recognition, Affiliation},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "000:experience:20",
	},
	{
		ID:     "join-club",
		Kind:   Experience,
		Text:   "Become part of a running club or team",
		Themes: []ThemeID{Affiliation, Routine},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:experience:21",
	},
	{
		ID:     "pace-someone",
		Kind:   Experience,
		Text:   "Pace a friend, or guide a disabled athlete with a group such as Achilles International",
		Themes: []ThemeID{Meaning, Affiliation},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Race:   true,
		Seed:   "000:experience:22",
	},
	{
		ID:     "charity",
		Kind:   Experience,
		Text:   "Raise money through your running for a cause close to your heart",
		Themes: []ThemeID{Meaning},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:experience:23",
	},
	{
		ID:     "thirty-day-running-challenge",
		Kind:   Experience,
		Text:   "See a 30-day running challenge through to the end",
		Themes: []ThemeID{Routine, Achievement},
		Tiers:  []workbook.Tier{workbook.Medium},
		Seed:   "000:experience:24",
	},
	{
		ID:     "running-streak",
		Kind:   Experience,
		Text:   "Keep a running streak alive for {length}",
		Blanks: []Blank{{"length", "how long", "100 days"}},
		Themes: []ThemeID{Routine, Achievement},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:experience:25",
	},
	{
		ID:     "cross-country-race",
		Kind:   Experience,
		Text:   "Give a cross-country race a go",
		Themes: []ThemeID{Exploration, Competition, Joy},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Race:   true,
		Seed:   "000:experience:26",
	},
	{
		ID:     "parkrun",
		Kind:   Experience,
		Text:   "Join a Saturday parkrun",
		Themes: []ThemeID{Affiliation, Joy, Routine},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Race:   true,
		Seed:   "000:experience:27",
	},
	{
		ID:     "volunteer-race",
		Kind:   Experience,
		Text:   "Help out as a volunteer at a race",
		Themes: []ThemeID{Meaning, Affiliation},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:experience:28",
	},
	{
		ID:     "coach-youth",
		Kind:   Experience,
		Text:   "Coach young runners, for instance with Girls on the Run",
		Themes: []ThemeID{Meaning, Affiliation},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:experience:29",
	},
	{
		ID:     "help-someone-start",
		Kind:   Experience,
		Text:   "Help a friend or neighbour take up running",
		Themes: []ThemeID{Affiliation, Meaning},
		Tiers:  []workbook.Tier{workbook.Medium},
		Seed:   "000:experience:30",
	},
	{
		ID:     "iconic-place",
		Kind:   Experience,
		Text:   "Run somewhere legendary, like the Great Wall of China or a famous course",
		Themes: []ThemeID{Exploration, Meaning, Joy},
		Tiers:  []workbook.Tier{workbook.Big},
		Seed:   "000:experience:31",
	},

	// Seed 000, training goals. The seed's list names "address injuries
	// early" twice (items 16 and 23); it is here once, as item 16, and the
	// number 23 is left unused so the others keep their seed positions.
	{
		ID:     "stretch-after-runs",
		Kind:   Training,
		Text:   "Stretch once every run is done",
		Themes: []ThemeID{Health, Routine},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:1",
	},
	{
		ID:     "warm-up-before-runs",
		Kind:   Training,
		Text:   "Warm up before each run",
		Themes: []ThemeID{Health, Routine},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:2",
	},
	{
		ID:     "strength-weekly",
		Kind:   Training,
		Text:   "Strength train {count} times a week",
		Blanks: []Blank{{"count", "sessions a week", "2"}},
		Themes: []ThemeID{Health, Routine},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:3",
	},
	{
		ID:     "cross-train-weekly",
		Kind:   Training,
		Text:   "Cross-train {count} a week",
		Blanks: []Blank{{"count", "how often", "once"}},
		Themes: []ThemeID{Health, Routine},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:4",
	},
	{
		ID:     "yoga-or-pilates",
		Kind:   Training,
		Text:   "Take up yoga or Pilates",
		Themes: []ThemeID{Health, Coping},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:5",
	},
	{
		ID:     "run-days-a-week",
		Kind:   Training,
		Text:   "Run on {count} days a week, week in, week out",
		Blanks: []Blank{{"count", "days a week", "3"}},
		Themes: []ThemeID{Routine, Health},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:6",
	},
	{
		ID:     "weekly-rest-day",
		Kind:   Training,
		Text:   "Keep one day a week for rest",
		Themes: []ThemeID{Health, Routine},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:7",
	},
	{
		ID:     "weekly-speed",
		Kind:   Training,
		Text:   "Fit one speed session into every week",
		Themes: []ThemeID{Achievement, Routine},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:8",
	},
	{
		ID:     "weekly-trail-run",
		Kind:   Training,
		Text:   "Make one run a week a trail run",
		Themes: []ThemeID{Exploration, Joy},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:9",
	},
	{
		ID:     "daily-mobility",
		Kind:   Training,
		Text:   "Foam roll, or do some other mobility work, each day",
		Themes: []ThemeID{Health, Routine},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:10",
	},
	{
		ID:     "strides",
		Kind:   Training,
		Text:   "Add strides to {count} runs a week",
		Blanks: []Blank{{"count", "runs a week", "2"}},
		Themes: []ThemeID{Achievement},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:11",
	},
	{
		ID:     "cadence",
		Kind:   Training,
		Text:   "Lift your cadence by {steps} steps a minute",
		Blanks: []Blank{{"steps", "steps a minute (5 to 10 is plenty)", "5"}},
		Themes: []ThemeID{Achievement, Health},
		Tiers:  []workbook.Tier{workbook.Medium},
		Seed:   "000:training:12",
	},
	{
		ID:     "daily-core",
		Kind:   Training,
		Text:   "Give your core a few minutes of work each day",
		Themes: []ThemeID{Health, Routine},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:13",
	},
	{
		ID:     "thirty-day-fitness-challenge",
		Kind:   Training,
		Text:   "Take up a 30-day fitness challenge",
		Themes: []ThemeID{Routine, Achievement, Health},
		Tiers:  []workbook.Tier{workbook.Medium},
		Seed:   "000:training:14",
	},
	{
		ID:     "new-route-weekly",
		Kind:   Training,
		Text:   "Try at least one route you've never run, each week",
		Themes: []ThemeID{Exploration, Joy},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:15",
	},
	{
		ID:     "niggles-early",
		Kind:   Training,
		Text:   "Look after niggles the moment you notice them, before they grow into injuries",
		Themes: []ThemeID{Health},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:16",
	},
	{
		ID:     "run-the-year",
		Kind:   Training,
		Text:   "Run the year: as many {unit} as the number of the year",
		Blanks: []Blank{{"unit", "miles or kilometres", "kilometres"}},
		Themes: []ThemeID{Achievement, Routine},
		Tiers:  []workbook.Tier{workbook.Big},
		Seed:   "000:training:17",
	},
	{
		ID:     "run-without-watch",
		Kind:   Training,
		Text:   "Once a week, leave the watch and Strava behind and just run",
		Themes: []ThemeID{Joy, Coping},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:18",
	},
	{
		ID:     "gym-bests",
		Kind:   Training,
		Text:   "Lift personal bests with weights in the gym",
		Themes: []ThemeID{Achievement, SelfEsteem, Health},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:training:19",
	},
	{
		ID:     "hundred-squats",
		Kind:   Training,
		Text:   "Do 100 squats every day",
		Themes: []ThemeID{Health, Routine},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:20",
	},
	{
		ID:     "nutrition",
		Kind:   Training,
		Text:   "Work on how you eat and how you fuel your runs",
		Themes: []ThemeID{Health},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:training:21",
	},
	{
		ID:     "physio-imbalances",
		Kind:   Training,
		Text:   "See a physical therapist to even out muscle imbalances",
		Themes: []ThemeID{Health},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:training:22",
	},
	{
		ID:     "daily-prehab",
		Kind:   Training,
		Text:   "Do your prehab exercises each day",
		Themes: []ThemeID{Health, Routine},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:24",
	},
	{
		ID:     "healthy-weight",
		Kind:   Training,
		Text:   "Work toward a weight that is healthy for you",
		Themes: []ThemeID{Weight, Health},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:training:25",
	},
	{
		ID:     "hydration",
		Kind:   Training,
		Text:   "Settle on a way of drinking on the run that works for you",
		Themes: []ThemeID{Health, Achievement},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:26",
	},
	{
		ID:     "heart-rate-training",
		Kind:   Training,
		Text:   "Begin training by heart rate",
		Themes: []ThemeID{Achievement, Health},
		Tiers:  []workbook.Tier{workbook.Medium},
		Seed:   "000:training:27",
	},
	{
		ID:     "vo2max-test",
		Kind:   Training,
		Text:   "Have your VO2 max measured",
		Themes: []ThemeID{Achievement, Health},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:28",
	},
	{
		ID:     "gait-analysis",
		Kind:   Training,
		Text:   "Book a gait analysis",
		Themes: []ThemeID{Health},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:29",
	},
	{
		ID:     "real-food-fuel",
		Kind:   Training,
		Text:   "Fuel every run with real, natural food",
		Themes: []ThemeID{Health},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:training:30",
	},
	{
		ID:     "coach-or-plan",
		Kind:   Training,
		Text:   "Train with a running coach, or follow a plan",
		Themes: []ThemeID{Achievement, Routine},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:training:31",
	},
	{
		ID:     "personal-trainer",
		Kind:   Training,
		Text:   "Work with a personal trainer on your strength",
		Themes: []ThemeID{Health, Achievement},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:training:32",
	},
	{
		ID:     "training-log",
		Kind:   Training,
		Text:   "Keep a training log, and keep it up",
		Themes: []ThemeID{Routine, Achievement},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:33",
	},
	{
		ID:     "gps-watch",
		Kind:   Training,
		Text:   "Start running with a GPS watch",
		Themes: []ThemeID{Achievement},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:34",
	},
	{
		ID:     "sleep-seven-hours",
		Kind:   Training,
		Text:   "Get seven hours of sleep or more each night",
		Themes: []ThemeID{Health, Coping},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:35",
	},
	{
		ID:     "less-alcohol",
		Kind:   Training,
		Text:   "Drink less alcohol",
		Themes: []ThemeID{Health},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium, workbook.Big},
		Seed:   "000:training:36",
	},
	{
		ID:     "quit-smoking",
		Kind:   Training,
		Text:   "Stop smoking",
		Themes: []ThemeID{Health, SelfEsteem},
		Tiers:  []workbook.Tier{workbook.Medium, workbook.Big},
		Seed:   "000:training:37",
	},
	{
		ID:     "drills",
		Kind:   Training,
		Text:   "Do drills and a dynamic warm-up on {count} runs a week",
		Blanks: []Blank{{"count", "runs a week", "2"}},
		Themes: []ThemeID{Achievement, Health},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:38",
	},
	{
		ID:     "weekly-tempo",
		Kind:   Training,
		Text:   "Run a tempo session once a week",
		Themes: []ThemeID{Achievement, Routine},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:39",
	},
	{
		ID:     "hill-sessions",
		Kind:   Training,
		Text:   "Add hill sessions to your training",
		Themes: []ThemeID{Achievement, SelfEsteem},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:40",
	},
	{
		ID:     "running-form",
		Kind:   Training,
		Text:   "Work on one part of your running form: {aspect}",
		Blanks: []Blank{{"aspect", "part of your form", "a relaxed arm swing"}},
		Themes: []ThemeID{Achievement, Health},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:41",
	},
	{
		ID:     "move-five-days",
		Kind:   Training,
		Text:   "Be active on five days a week or more",
		Themes: []ThemeID{Health, Routine},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
		Seed:   "000:training:42",
	},

	// Seed 002, macro goals: the big column.
	{
		ID:     "year-half-marathon",
		Kind:   Milestone,
		Text:   "Finish a half marathon this year",
		Themes: []ThemeID{Achievement, SelfEsteem},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "002:macro:1",
	},
	{
		ID:     "year-get-faster",
		Kind:   Performance,
		Text:   "Get faster over the year",
		Themes: []ThemeID{Achievement},
		Tiers:  []workbook.Tier{workbook.Big},
		Seed:   "002:macro:2",
	},
	{
		ID:     "year-more-mileage",
		Kind:   Training,
		Text:   "Raise your weekly mileage over the year",
		Themes: []ThemeID{Achievement, Health},
		Tiers:  []workbook.Tier{workbook.Big},
		Seed:   "002:macro:3",
	},
	{
		ID:     "year-consistency",
		Kind:   Training,
		Text:   "Become a runner who shows up week after week",
		Themes: []ThemeID{Routine, SelfEsteem},
		Tiers:  []workbook.Tier{workbook.Big},
		Seed:   "002:macro:4",
	},
	{
		ID:     "year-distance",
		Kind:   Milestone,
		Text:   "Run {distance} in total this year",
		Blanks: []Blank{{"distance", "distance for the year", "500 miles"}},
		Themes: []ThemeID{Achievement, Routine},
		Tiers:  []workbook.Tier{workbook.Big},
		Seed:   "002:macro:5",
	},
	{
		ID:     "year-strength",
		Kind:   Training,
		Text:   "Grow stronger this year",
		Themes: []ThemeID{Health, SelfEsteem},
		Tiers:  []workbook.Tier{workbook.Big},
		Seed:   "002:macro:6",
	},
	{
		ID:     "year-more-states",
		Kind:   Experience,
		Text:   "Add {count} states this year on the road to all 50",
		Blanks: []Blank{{"count", "how many states", "4"}},
		Themes: []ThemeID{Exploration, Achievement},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "002:macro:7",
	},
	{
		ID:     "year-marathon-pb",
		Kind:   Performance,
		Text:   "Run a marathon personal best of {time}",
		Blanks: []Blank{{"time", "target time", "3:59:00"}},
		Themes: []ThemeID{Achievement, Competition},
		Tiers:  []workbook.Tier{workbook.Big},
		Race:   true,
		Seed:   "002:macro:8",
	},

	// Seed 002, meso goals: the medium column.
	{
		ID:   "build-weekly-mileage",
		Kind: Training,
		Text: "Build from {from} to {to} a week",
		Blanks: []Blank{
			{"from", "weekly distance now", "10 miles"},
			{"to", "weekly distance to reach", "15 miles"},
		},
		Themes: []ThemeID{Achievement, Health},
		Tiers:  []workbook.Tier{workbook.Medium},
		Seed:   "002:meso:1",
	},
	{
		ID:   "strength-for-weeks",
		Kind: Training,
		Text: "Strength train {count} times a week for the next {weeks} weeks",
		Blanks: []Blank{
			{"count", "sessions a week", "2"},
			{"weeks", "how many weeks", "6"},
		},
		Themes: []ThemeID{Health, Routine},
		Tiers:  []workbook.Tier{workbook.Medium},
		Seed:   "002:meso:2",
	},
	{
		ID:     "cross-train-once",
		Kind:   Training,
		Text:   "Bring one cross-training session into each week",
		Themes: []ThemeID{Health, Routine},
		Tiers:  []workbook.Tier{workbook.Medium},
		Seed:   "002:meso:3",
	},
	{
		ID:     "follow-plan",
		Kind:   Training,
		Text:   "Follow the {plan} plan",
		Blanks: []Blank{{"plan", "training plan", "couch to 5K"}},
		Themes: []ThemeID{Routine, Achievement},
		Tiers:  []workbook.Tier{workbook.Medium},
		Seed:   "002:meso:4",
	},
	{
		ID:     "accountability-group",
		Kind:   Training,
		Text:   "Find a group that helps you keep running {count} times a week",
		Blanks: []Blank{{"count", "runs a week", "3"}},
		Themes: []ThemeID{Affiliation, Routine},
		Tiers:  []workbook.Tier{workbook.Medium},
		Seed:   "002:meso:5",
	},
	{
		ID:   "lunch-vegetables",
		Kind: Training,
		Text: "Go from {from} to {to} portions of vegetables at lunch, every day",
		Blanks: []Blank{
			{"from", "portions now", "0"},
			{"to", "portions to reach", "2"},
		},
		Themes: []ThemeID{Health, Weight},
		Tiers:  []workbook.Tier{workbook.Medium},
		Seed:   "002:meso:6",
	},

	// Seed 002, micro goals: the small column.
	{
		ID:     "week-distance",
		Kind:   Training,
		Text:   "Run {distance} this week",
		Blanks: []Blank{{"distance", "distance", "12 miles"}},
		Themes: []ThemeID{Routine, Achievement},
		Tiers:  []workbook.Tier{workbook.Small},
		Seed:   "002:micro:1",
	},
	{
		ID:     "map-mileage",
		Kind:   Training,
		Text:   "Sketch out how your mileage will grow over the next {weeks} weeks",
		Blanks: []Blank{{"weeks", "how many weeks", "8"}},
		Themes: []ThemeID{Routine, Achievement},
		Tiers:  []workbook.Tier{workbook.Small},
		Seed:   "002:micro:2",
	},
	{
		ID:   "meal-prep",
		Kind: Training,
		Text: "Batch cook on {day}, and pack the next day's lunch at {time} after work",
		Blanks: []Blank{
			{"day", "cooking day", "Sunday"},
			{"time", "time", "5 pm"},
		},
		Themes: []ThemeID{Health, Routine},
		Tiers:  []workbook.Tier{workbook.Small},
		Seed:   "002:micro:3",
	},
	{
		ID:   "plan-week",
		Kind: Training,
		Text: "Do week {week} of the {plan} plan",
		Blanks: []Blank{
			{"week", "week number", "3"},
			{"plan", "training plan", "couch to 5K"},
		},
		Themes: []ThemeID{Routine, Achievement},
		Tiers:  []workbook.Tier{workbook.Small},
		Seed:   "002:micro:4",
	},
	{
		ID:     "two-strength-sessions",
		Kind:   Training,
		Text:   "Fit in two strength sessions this week, on {days}",
		Blanks: []Blank{{"days", "which days", "Thursday and Sunday"}},
		Themes: []ThemeID{Health, Routine},
		Tiers:  []workbook.Tier{workbook.Small},
		Seed:   "002:micro:5",
	},
	{
		ID:     "long-run",
		Kind:   Training,
		Text:   "Go long this week: {distance}",
		Blanks: []Blank{{"distance", "long run distance", "8 miles"}},
		Themes: []ThemeID{Achievement, Routine},
		Tiers:  []workbook.Tier{workbook.Small},
		Seed:   "002:micro:6",
	},

	// cairn's own: motivations the seed lists leave thin (headspace,
	// company without racing, confidence, the after-run journal).
	{
		ID:     "headspace-run",
		Kind:   Experience,
		Text:   "Keep one run a week just for clearing your head: no pace, no plan",
		Themes: []ThemeID{Coping, Joy},
		Tiers:  []workbook.Tier{workbook.Small, workbook.Medium},
	},
	{
		ID:     "run-with-someone-new",
		Kind:   Experience,
		Text:   "Ask {person} to come along on a run",
		Blanks: []Blank{{"person", "who", "a colleague"}},
		Themes: []ThemeID{Affiliation, Joy},
		Tiers:  []workbook.Tier{workbook.Small},
	},
	{
		ID:     "journal-after-runs",
		Kind:   Training,
		Text:   "Write a line in your journal after each run this week",
		Themes: []ThemeID{Coping, Routine},
		Tiers:  []workbook.Tier{workbook.Small},
	},
	{
		ID:     "finish-with-more",
		Kind:   Training,
		Text:   "End each run this week feeling you had a little more to give",
		Themes: []ThemeID{Health, SelfEsteem, Joy},
		Tiers:  []workbook.Tier{workbook.Small},
	},
}

// Ideas returns every goal idea in catalog order. The slice and everything
// in it are copies; callers may keep or change them.
func Ideas() []Idea {
	out := make([]Idea, len(ideaList))
	for i, idea := range ideaList {
		out[i] = idea.clone()
	}
	return out
}

// LookupIdea returns the idea with the given ID.
func LookupIdea(id string) (Idea, bool) {
	for _, idea := range ideaList {
		if idea.ID == id {
			return idea.clone(), true
		}
	}
	return Idea{}, false
}

func (i Idea) clone() Idea {
	i.Blanks = slices.Clone(i.Blanks)
	i.Themes = slices.Clone(i.Themes)
	i.Tiers = slices.Clone(i.Tiers)
	return i
}

// A textPart is a run of literal text, or a blank's key when isKey is set.
type ideaTextPart struct {
	text  string
	isKey bool
}

// splitText cuts an idea's text into literal runs and {key} blanks. A brace
// that does not close, or closes around nothing, stays literal text.
func splitIdeaText(s string) []ideaTextPart {
	var parts []ideaTextPart
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(s[open+1:], '}')
		if end < 0 {
			break
		}
		key := s[open+1 : open+1+end]
		if key == "" || strings.ContainsAny(key, "{ ") {
			parts = append(parts, ideaTextPart{text: s[:open+1]})
			s = s[open+1:]
			continue
		}
		if open > 0 {
			parts = append(parts, ideaTextPart{text: s[:open]})
		}
		parts = append(parts, ideaTextPart{text: key, isKey: true})
		s = s[open+1+end+1:]
	}
	if s != "" {
		parts = append(parts, ideaTextPart{text: s})
	}
	return parts
}

// BlankMark is how Display shows an unfilled blank.
const BlankMark = "__"

// Display returns the idea's text with every blank shown as BlankMark, for
// browsing the catalog.
func (i Idea) Display() string {
	var b strings.Builder
	for _, p := range splitIdeaText(i.Text) {
		if p.isKey {
			b.WriteString(BlankMark)
		} else {
			b.WriteString(p.text)
		}
	}
	return b.String()
}

// MissingBlankError reports a blank that Fill had no value for.
type MissingBlankError struct {
	Blank Blank
}

func (e *MissingBlankError) Error() string {
	return "catalog: " + e.Blank.Label + " is still blank"
}

// Fill writes values into the idea's blanks and returns the goal text.
// Values are keyed by Blank.Key and trimmed of surrounding space. The first
// blank left empty gives a *MissingBlankError naming its Label.
func (i Idea) Fill(values map[string]string) (string, error) {
	for _, bl := range i.Blanks {
		if strings.TrimSpace(values[bl.Key]) == "" {
			return "", &MissingBlankError{Blank: bl}
		}
	}
	var b strings.Builder
	for _, p := range splitIdeaText(i.Text) {
		if !p.isKey {
			b.WriteString(p.text)
			continue
		}
		v := strings.TrimSpace(values[p.text])
		if v == "" {
			// A {key} with no Blank of its own: a catalog slip the tests
			// catch, reported here rather than printed as braces.
			return "", &MissingBlankError{Blank: Blank{Key: p.text, Label: p.text}}
		}
		b.WriteString(v)
	}
	return b.String(), nil
}

// IdeaFilter narrows the catalog. A zero field matches every idea.
type IdeaFilter struct {
	Kind  IdeaKind
	Theme ThemeID
	Tier  workbook.Tier
	// Query is a few words, matched without regard to case; an idea matches
	// when every word appears in its displayed text, its kind or the names
	// of its themes.
	Query string
}

// FilterIdeas returns the ideas that match f, in their original order.
func FilterIdeas(ideas []Idea, f IdeaFilter) []Idea {
	words := strings.Fields(strings.ToLower(f.Query))
	var out []Idea
	for _, idea := range ideas {
		if f.Kind != "" && idea.Kind != f.Kind {
			continue
		}
		if f.Theme != "" && !slices.Contains(idea.Themes, f.Theme) {
			continue
		}
		if f.Tier != "" && !slices.Contains(idea.Tiers, f.Tier) {
			continue
		}
		if len(words) > 0 && !containsAllWords(idea.searchText(), words) {
			continue
		}
		out = append(out, idea)
	}
	return out
}

func (i Idea) searchText() string {
	parts := []string{i.Display(), string(i.Kind), i.Kind.Name()}
	for _, id := range i.Themes {
		parts = append(parts, string(id))
		if t, ok := LookupTheme(id); ok {
			parts = append(parts, t.Name)
		}
	}
	return strings.ToLower(strings.Join(parts, " "))
}

func containsAllWords(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// A RankedIdea is an idea weighed against the runner's themes.
type RankedIdea struct {
	Idea Idea
	// Fit is how many of the runner's confirmed themes the idea serves.
	Fit int
	// Top is true when the idea serves the theme that matters most.
	Top bool
	// Clash is true when the idea serves a theme the runner is averse to,
	// or is a race and the runner is averse to competition. Clashing ideas
	// are shown with a gentle note, never hidden.
	Clash bool
}

// RankIdeas weighs each idea against the confirmed and averse themes and
// the one that matters most (top, "" when none is starred). Ideas that
// clash with a theme the runner would rather not go below those that
// don't, however well they fit: a runner who would rather not race should
// not meet races first. Within each, ideas that serve the starred theme
// come first (a runner who starred Headspace meets Headspace ideas before
// eight that fit Confidence), then those that serve more confirmed
// themes; ties keep their original order. Every idea is returned,
// clashing or not.
func RankIdeas(ideas []Idea, confirmed, averse []ThemeID, top ThemeID) []RankedIdea {
	out := make([]RankedIdea, len(ideas))
	raceAverse := slices.Contains(averse, Competition)
	for n, idea := range ideas {
		r := RankedIdea{Idea: idea, Clash: idea.Race && raceAverse}
		for _, t := range idea.Themes {
			if slices.Contains(confirmed, t) {
				r.Fit++
			}
			if slices.Contains(averse, t) {
				r.Clash = true
			}
			if top != "" && t == top {
				r.Top = true
			}
		}
		out[n] = r
	}
	slices.SortStableFunc(out, func(a, b RankedIdea) int {
		switch {
		case a.Clash != b.Clash:
			if a.Clash {
				return 1
			}
			return -1
		case a.Top != b.Top:
			if a.Top {
				return -1
			}
			return 1
		}
		return b.Fit - a.Fit
	})
	return out
}
