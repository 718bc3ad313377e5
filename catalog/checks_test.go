package catalog

import (
	"slices"
	"strings"
	"testing"

	"github.com/cairn-run/cairn/workbook"
)

func TestCriteria(t *testing.T) {
	want := []Criterion{Specific, Measurable, Attainable, Relevant, TimeBound}
	if got := Criteria(); !slices.Equal(got, want) {
		t.Errorf("Criteria() = %v, want %v", got, want)
	}
	names := map[Criterion]string{
		Specific: "Specific", Measurable: "Measurable", Attainable: "Attainable",
		Relevant: "Relevant", TimeBound: "Time-bound", "other": "other",
	}
	for c, want := range names {
		if got := c.Name(); got != want {
			t.Errorf("%q.Name() = %q, want %q", c, got, want)
		}
	}
}

// TestMeasure tables how people write quantities. want is the phrase
// quoted back to the runner, "" when nothing in the goal can be counted.
func TestMeasure(t *testing.T) {
	tests := []struct {
		text, want, reason string
	}{
		// Distances, written every way runners write them.
		{"Run 15 miles this week", "15 miles", "has a number"},
		{"run a 10k", "10k", "has a number"},
		{"Run a 10K", "10K", "has a number"},
		{"run 10 km without stopping", "10 km", "has a number"},
		{"run 10km", "10km", "has a number"},
		{"Run ten km", "ten km", "has a number"},
		{"Twelve miles on Sunday", "Twelve miles", "has a number"},
		{"get to 5.5km", "5.5km", "has a number"},
		{"1,000 miles in a year", "1,000 miles", "has a number"},
		{"parkrun 5K", "5K", "has a number"}, // a number with a unit says the most
		{"Get a PR of 3:45 in the marathon", "3:45", "has a number"},
		{"Build from 10 to 15 miles per week", "15 miles", "has a number"},
		{"Break 25 in the 5K", "5K", "has a number"},
		{"Break 25 at parkrun", "parkrun", "has a distance"},
		{"run with 2 friends every day", "every day", "has a count"},
		{"get faster before I turn 50", "", ""},
		{"400m repeats", "400m", "has a number"},
		{"run 2026 km in 2026", "2026 km", "has a number"},
		// Times and paces.
		{"Break 22:00 at parkrun", "22:00", "has a number"},
		{"a sub-4 marathon", "sub-4 marathon", "has a number"},
		{"go sub 20", "sub 20", "has a number"},
		{"under 1:45:00 in the half", "under 1:45:00", "has a number"},
		{"run for 30 minutes without stopping", "30 minutes", "has a number"},
		{"hold 10 min/mile", "10 min", "has a number"},
		// Counts.
		{"strength train 3x a week", "3x", "has a number"},
		{"strength 2 x per week", "2 x", "has a number"},
		{"run three times a week", "three times", "has a number"},
		{"Run Three Times A Week", "Three Times", "has a number"},
		{"100 squats a day", "100 squats", "has a number"},
		{"one day a week off", "one day a week", "has a number"},
		{"run 4 days a week", "4 days", "has a number"},
		{"with 2 friends", "2", "has a number"},
		{"cross-train twice a week", "twice a week", "has a count"},
		{"yoga twice weekly", "twice weekly", "has a count"},
		{"stretch once per run", "once per run", "has a count"},
		{"stretch after every run", "every run", "has a count"},
		{"Run every day", "every day", "has a count"},
		{"run every single day", "every single day", "has a count"},
		{"every other day", "every other day", "has a count"},
		{"long run each Sunday", "each Sunday", "has a count"},
		{"foam roll daily", "daily", "has a count"},
		{"run every street in my town", "every street", "has a count"},
		// Named distances and clear lines.
		{"Run a half marathon", "half marathon", "has a distance"},
		{"run a half-marathon", "half-marathon", "has a distance"},
		{"Finish a marathon", "marathon", "has a distance"},
		{"my first ultra", "ultra", "has a distance"},
		{"do a parkrun", "parkrun", "has a distance"},
		{"run a mile without walking", "a mile", "has a distance"},
		{"set a PB at the park", "PB", "has a clear line"},
		{"a new personal best", "personal best", "has a clear line"},
		{"run negative splits", "negative splits", "has a clear line"},
		{"Qualify for Boston", "Qualify", "has a clear line"},
		{"run a BQ", "BQ", "has a clear line"},
		// Numbers that are dates, clock times or deadlines, not measures.
		{"get faster in 6 weeks", "", ""},
		{"be consistent for the next 6 weeks", "", ""},
		{"be consistent for three weeks", "", ""},
		{"run at 6:30 on Tuesdays", "", ""},
		{"run at 6 before work", "", ""},
		{"run at 7am", "", ""},
		{"run at 7 pm", "", ""},
		{"run by 7 o'clock", "", ""},
		{"by June 5", "", ""},
		{"by the 5th of May", "", ""},
		{"before 12/05", "", ""},
		{"get faster in 2026", "", ""},
		{"week 3 of the plan", "", ""},
		// Words that look like counts but are not.
		{"one day I will run a marathon", "marathon", "has a distance"},
		{"one day I will run far", "", ""},
		{"go the extra mile", "", ""},
		{"once I recover, run more", "", ""},
		{"help each other", "", ""},
		{"become a more consistent runner", "", ""},
		{"more miles", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		got, hit := scanWords(tt.text).measure()
		if got != tt.want || hit.ok != (tt.want != "") || hit.reason != tt.reason {
			t.Errorf("measure(%q) = %q, %+v; want %q, %q", tt.text, got, hit, tt.want, tt.reason)
		}
	}
}

// TestWhen tables deadlines and bounded stretches of time. want is the
// phrase quoted back, "" when the goal says nothing about when.
func TestWhen(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Run a half marathon by June", "by June"},
		{"half marathon in june 2027", "in june 2027"},
		{"by June 5th", "by June 5th"},
		{"by the end of June", "by the end of June"},
		{"by the end of the month", "by the end of the month"},
		{"a PB in May", "in May"},
		{"a PB May 12", "May 12"},
		{"march 2026 marathon", "march 2026"},
		{"by Sept", "by Sept"},
		{"this week", "this week"},
		{"Run 12 miles This Week", "This Week"},
		{"next month", "next month"},
		{"10k this year", "this year"},
		{"before next summer", "next summer"},
		{"a marathon this fall", "this fall"},
		{"a marathon in the fall", "in the fall"},
		{"a spring marathon", "spring"},
		{"in the autumn", "in the autumn"},
		{"in 6 weeks", "in 6 weeks"},
		{"in six weeks", "in six weeks"},
		{"within a month", "within a month"},
		{"for 30 days", "for 30 days"},
		{"for a month", "for a month"},
		{"over the next few weeks", "over the next few weeks"},
		{"within a couple of months", "within a couple of months"},
		{"for the next 6 weeks", "for the next 6 weeks"},
		{"in a year", "in a year"},
		{"over the year", "over the year"},
		{"on Tuesday", "on Tuesday"},
		{"Thursday and Sunday", "Thursday"},
		{"long runs on Saturdays", "on Saturdays"},
		{"this weekend", "this weekend"},
		{"today", "today"},
		{"before my birthday", "before my birthday"},
		{"by Christmas", "by Christmas"},
		{"before the new year", "before the new year"},
		{"by 2027", "by 2027"},
		{"on 12/05", "on 12/05"},
		{"on the 21st", "on the 21st"},
		{"a 30-day streak", "30-day"},
		{"qualify for Boston before I turn 50", "before I turn 50"},
		{"Tues and Thurs", "Tues"},
		{"on Wed", "on Wed"},
		{"wed in the summer", "in the summer"},
		{"sun on my face", ""},
		// Not deadlines.
		{"run 3 times a week", ""},
		{"run 20 miles per week", ""},
		{"I may run a marathon", ""},
		{"march on through the hills", ""},
		{"don't fall on the trail", ""},
		{"run with Jan", ""},
		{"run for fun", ""},
		{"run for 30 minutes", ""},
		{"in weeks", ""},
		{"run a new route", ""},
		{"a new year of running", ""},
		{"finish my 3rd marathon", ""},
		{"run at 6am", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := scanWords(tt.text).when()
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("when(%q) = %q, %v; want %q", tt.text, got, ok, tt.want)
		}
	}
}

func TestDayAndTimeOfDay(t *testing.T) {
	tests := []struct{ text, day, at string }{
		{"Two strength sessions: Thursday and Sunday, before breakfast.", "Thursday", "before breakfast"},
		{"Run on Tuesdays at 6:30", "Tuesdays", "at 6:30"},
		{"run monday 7am", "monday", "7am"},
		{"run Monday at 7 pm", "Monday", "at 7 pm"},
		{"run weds at 6 o'clock", "weds", "at 6 o'clock"},
		{"Mon, Wed and Fri mornings", "Mon", "mornings"},
		{"Sat and Sun before breakfast", "Sat", "before breakfast"},
		{"long run on Sun", "Sun", ""},
		{"I sat in the sun at noon", "", "at noon"},
		{"every morning", "every morning", "every morning"},
		{"run every day after work", "every day", "after work"},
		{"run daily at lunchtime", "daily", "at lunchtime"},
		{"run tomorrow evening", "tomorrow", "evening"},
		{"yoga on the weekend", "weekend", ""},
		{"run on June 5", "June 5", ""},
		{"run on 12/05", "12/05", ""},
		{"run before school", "", "before school"},
		{"stretch at 6", "", "at 6"},
		{"run 12 miles", "", ""},
		{"run at 6 miles an hour", "", ""},
		{"break 22:00", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		ws := scanWords(tt.text)
		day, okDay := ws.day()
		at, okAt := ws.timeOfDay()
		if day != tt.day || okDay != (tt.day != "") {
			t.Errorf("day(%q) = %q, %v; want %q", tt.text, day, okDay, tt.day)
		}
		if at != tt.at || okAt != (tt.at != "") {
			t.Errorf("timeOfDay(%q) = %q, %v; want %q", tt.text, at, okAt, tt.at)
		}
	}
}

func TestStrategy(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Follow the couch to 5K training plan", "training plan"},
		{"build to 15 miles a week with a training plan", "a training plan"},
		{"run 3x a week with my sister", "my sister"},
		{"Saturday long runs with Sam", "with Sam"},
		{"join a running club", "a running club"},
		{"find an accountability group", "an accountability group"},
		{"log every run in Strava", "log"},
		{"weekly check in with my coach", "check in"},
		{"set a reminder on my phone", "a reminder"},
		{"run with a friend on Saturdays", "a friend"},
		{"I plan to run more", ""},
		{"we plan to run more", ""},
		{"run more on Saturdays", ""},
		{"run with Joy", "with Joy"},
		// What the goal turns away is no way to stay on track.
		{"Once a week, leave the watch and Strava behind and just run", ""},
		{"run without a plan, just for the joy of it", ""},
		{"no app, no watch, just the trail", ""},
		{"ditch Strava for a month", ""},
		{"leave the watch at home on Sundays", ""},
		{"without the watch, but with my club", "my club"},
		{"leave the house at 6 with the club", "the club"},
		{"no excuses: log every run in Strava", "log"},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := scanWords(tt.text).strategy()
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("strategy(%q) = %q, %v; want %q", tt.text, got, ok, tt.want)
		}
	}
}

// smart summarises CheckSMART's results as one letter per check: "D" met
// from the words or links, "S" met because the runner said so, "-" open.
func smartCode(checks []Check) string {
	var b strings.Builder
	for _, c := range checks {
		switch {
		case c.Met && c.Derived:
			b.WriteByte('D')
		case c.Met:
			b.WriteByte('S')
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

func TestCheckSMART(t *testing.T) {
	tests := []struct {
		name string
		f    GoalFacts
		want string // S M A R T
	}{
		{"empty goal", GoalFacts{}, "-----"},
		{"vague goal", GoalFacts{Text: "get faster", Tier: workbook.Big}, "-----"},
		{"number only", GoalFacts{Text: "run 15 miles"}, "-D---"},
		{"when only", GoalFacts{Text: "get faster by June"}, "----D"},
		{"number and when is specific", GoalFacts{Text: "Run 15 miles a week by June"}, "DD--D"},
		{"linked is relevant", GoalFacts{Text: "get faster", Linked: true}, "---D-"},
		{"all met, attainable said", GoalFacts{
			Text: "Half marathon this autumn", Linked: true,
			Said: map[Criterion]bool{Attainable: true},
		}, "DDSDD"},
		{"runner says yes to everything", GoalFacts{
			Text: "feel at home on trails",
			Said: map[Criterion]bool{Specific: true, Measurable: true, Attainable: true, Relevant: true, TimeBound: true},
		}, "SSSSS"},
		{"derived wins over said", GoalFacts{
			Text: "run 5K on Saturday",
			Said: map[Criterion]bool{Specific: true, Measurable: true, TimeBound: true},
		}, "DD--D"},
		{"said no is not yes", GoalFacts{
			Text: "get faster",
			Said: map[Criterion]bool{Attainable: false},
		}, "-----"},
		{"tier rule yes does not touch SMART", GoalFacts{Text: "get faster", SaidTierRule: true}, "-----"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checks := CheckSMART(tt.f)
			if got := smartCode(checks); got != tt.want {
				t.Errorf("CheckSMART = %s, want %s\n%+v", got, tt.want, checks)
			}
			for i, c := range checks {
				if c.Criterion != Criteria()[i] || c.Name != c.Criterion.Name() {
					t.Errorf("check %d is %q %q, want %q in SMART order", i, c.Criterion, c.Name, Criteria()[i])
				}
				if c.Prompt == "" {
					t.Errorf("%s has no prompt", c.Name)
				}
				if !c.Met && !strings.HasSuffix(c.Prompt, "?") && !strings.Contains(c.Prompt, "? ") {
					t.Errorf("%s prompt %q should ask a question", c.Name, c.Prompt)
				}
			}
		})
	}
}

func TestCheckSMARTPrompts(t *testing.T) {
	tests := []struct {
		name      string
		f         GoalFacts
		criterion Criterion
		want      string
	}{
		{"number quoted", GoalFacts{Text: "Run 15 miles"}, Measurable, "has a number: 15 miles"},
		{"count quoted", GoalFacts{Text: "stretch after every run"}, Measurable, "has a count: every run"},
		{"distance quoted", GoalFacts{Text: "a half marathon"}, Measurable, "has a distance: half marathon"},
		{"when quoted", GoalFacts{Text: "a 10K by June"}, TimeBound, "has a when: by June"},
		{"specific quotes both", GoalFacts{Text: "a 10K by June"}, Specific, "says what and when: 10K, by June"},
		{"small column suggests", GoalFacts{Text: "run more", Tier: workbook.Small}, TimeBound, "By when? The column suggests this week."},
		{"medium column suggests", GoalFacts{Text: "run more", Tier: workbook.Medium}, TimeBound, "By when? The column suggests 2–6 weeks."},
		{"no column", GoalFacts{Text: "run more"}, TimeBound, "By when? A date, a week or a season is enough."},
		{"said measurable", GoalFacts{Text: "run more", Said: map[Criterion]bool{Measurable: true}}, Measurable, "you'll know when you're there, you say"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range CheckSMART(tt.f) {
				if c.Criterion == tt.criterion && c.Prompt != tt.want {
					t.Errorf("%s prompt = %q, want %q", c.Name, c.Prompt, tt.want)
				}
			}
		})
	}
}

func TestCheckTier(t *testing.T) {
	tests := []struct {
		name    string
		f       GoalFacts
		met     bool
		derived bool
		rule    string
		prompt  string // a part of the prompt that must appear
	}{
		{"small with days and time", GoalFacts{Tier: workbook.Small, Text: "Two strength sessions: Thursday and Sunday, before breakfast."},
			true, true, "Days, times and how", "Thursday, before breakfast"},
		{"small with day only", GoalFacts{Tier: workbook.Small, Text: "Long run on Saturday"},
			false, false, "Days, times and how", "Saturday. At what time"},
		{"small with time only", GoalFacts{Tier: workbook.Small, Text: "Run before work"},
			false, false, "Days, times and how", "before work. On which days"},
		{"small with neither", GoalFacts{Tier: workbook.Small, Text: "Run 12 miles"},
			false, false, "Days, times and how", "Which days"},
		{"small said", GoalFacts{Tier: workbook.Small, Text: "Run 12 miles", SaidTierRule: true},
			true, false, "Days, times and how", "you say"},
		{"medium with plan", GoalFacts{Tier: workbook.Medium, Text: "Follow the couch to 5K plan"},
			true, true, "A way to stay on track", "on track: plan"},
		{"medium with friend", GoalFacts{Tier: workbook.Medium, Text: "Build to 15 miles a week, Saturdays with a friend"},
			true, true, "A way to stay on track", "a friend"},
		{"medium with nobody", GoalFacts{Tier: workbook.Medium, Text: "Build to 15 miles a week"},
			false, false, "A way to stay on track", "What will help you keep going?"},
		{"medium said", GoalFacts{Tier: workbook.Medium, Text: "Build to 15 miles a week", SaidTierRule: true},
			true, false, "A way to stay on track", "you say"},
		{"big measurable but not said realistic", GoalFacts{Tier: workbook.Big, Text: "Run a half marathon"},
			false, false, "Realistic within a year", "within a year"},
		{"big said realistic and measurable", GoalFacts{Tier: workbook.Big, Text: "Run 500 miles this year", SaidTierRule: true},
			true, false, "Realistic within a year", "500 miles"},
		{"big said realistic but vague", GoalFacts{Tier: workbook.Big, Text: "Get faster", SaidTierRule: true},
			false, false, "Realistic within a year", "What number"},
		{"big said realistic and said measurable", GoalFacts{Tier: workbook.Big, Text: "Get faster", SaidTierRule: true,
			Said: map[Criterion]bool{Measurable: true}}, true, false, "Realistic within a year", "you say"},
		{"big neither", GoalFacts{Tier: workbook.Big, Text: "Get faster"},
			false, false, "Realistic within a year", "within a year? And what number"},
		{"no tier", GoalFacts{Text: "Run 5K on Saturday at 9am", SaidTierRule: true},
			false, false, "Column", "small, medium or big"},
		{"unknown tier", GoalFacts{Tier: "huge", Text: "Run 5K"},
			false, false, "Column", "small, medium or big"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := CheckTier(tt.f)
			if c.Met != tt.met || c.Derived != tt.derived || c.Name != tt.rule || c.Criterion != "" {
				t.Errorf("CheckTier = %+v; want met %v derived %v rule %q", c, tt.met, tt.derived, tt.rule)
			}
			if !strings.Contains(c.Prompt, tt.prompt) {
				t.Errorf("prompt %q does not contain %q", c.Prompt, tt.prompt)
			}
		})
	}
}

// TestChecksOnTierExamples runs the checks on the example goal of each
// tier: the catalog's own examples should pass their own column's rule
// from the words alone, except big, whose realism only the runner knows.
func TestChecksOnTierExamples(t *testing.T) {
	for _, info := range Tiers() {
		c := CheckTier(GoalFacts{Tier: info.Tier, Text: info.Example})
		if info.Tier == workbook.Big {
			if c.Met || !strings.Contains(c.Prompt, "within a year") {
				t.Errorf("big example: %+v, want an open question about the year", c)
			}
			continue
		}
		if !c.Met || !c.Derived {
			t.Errorf("%s example %q: %+v", info.Tier, info.Example, c)
		}
	}
}

func TestPurposeChecks(t *testing.T) {
	got := PurposeChecks()
	var idList []string
	for _, p := range got {
		idList = append(idList, p.ID)
		if !strings.HasSuffix(p.Prompt, "?") {
			t.Errorf("%s: prompt %q should be a question", p.ID, p.Prompt)
		}
	}
	if want := []string{"excited", "out-the-door", "smile"}; !slices.Equal(idList, want) {
		t.Errorf("PurposeChecks IDs = %v, want %v", idList, want)
	}
	got[0].Prompt = "changed"
	if PurposeChecks()[0].Prompt == "changed" {
		t.Error("changing the result of PurposeChecks changed the catalog")
	}
}

// FuzzChecks holds the promise that checks never panic, whatever is typed,
// and that every quoted phrase comes from the goal's own words.
func FuzzChecks(f *testing.F) {
	for _, s := range []string{
		"", "5", "at", "every", "sub-", "1,000 miles by June 5th", "the end of", "in the next",
		"with", "half", "4:", "12/", "ｆｕｌｌ ５Ｋ", "İstanbul 10K", "one day a", "twice a", "run\x00at 6",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, tier := range []workbook.Tier{workbook.Small, workbook.Medium, workbook.Big, ""} {
			gf := GoalFacts{Text: text, Tier: tier}
			if n := len(CheckSMART(gf)); n != 5 {
				t.Fatalf("%d checks", n)
			}
			CheckTier(gf)
		}
		ws := scanWords(text)
		for _, fn := range []func() (string, bool){
			ws.when, ws.day, ws.timeOfDay, ws.strategy,
			func() (string, bool) { s, h := ws.measure(); return s, h.ok },
		} {
			if s, ok := fn(); ok && !strings.Contains(text, s) {
				t.Fatalf("quoted %q, not in %q", s, text)
			}
		}
	})
}

// TestTheRunnerCanSayNoToAReading: what cairn reads from the words can be
// wrong ("each Sunday" is a when, not a count), and the runner's "no"
// opens the check again, without touching the checks it does not build on.
func TestTheRunnerCanSayNoToAReading(t *testing.T) {
	f := GoalFacts{Text: "Run 5 km each Sunday at 7am", Tier: workbook.Small, Linked: true}
	byName := func(cs []Check) map[Criterion]Check {
		out := map[Criterion]Check{}
		for _, c := range cs {
			out[c.Criterion] = c
		}
		return out
	}
	before := byName(CheckSMART(f))
	for _, c := range []Criterion{Specific, Measurable, Relevant, TimeBound} {
		if !before[c].Met || !before[c].Derived {
			t.Fatalf("%s is not read from the words: %+v", c, before[c])
		}
	}
	for _, c := range []Criterion{Specific, Measurable, Relevant, TimeBound} {
		f.Doubted = map[Criterion]bool{c: true}
		got := byName(CheckSMART(f))[c]
		if got.Met || got.Derived || !got.Doubted || !strings.HasPrefix(got.Prompt, "Not as cairn read it (") {
			t.Errorf("after no to %s: %+v", c, got)
		}
	}
	f.Doubted = map[Criterion]bool{Measurable: true}
	if got := byName(CheckSMART(f)); got[Specific].Met || !got[TimeBound].Met || !got[Relevant].Met {
		t.Errorf("a no to measurable should open specific, and only it: %+v", got)
	}
	f.Doubted = nil
	if c := CheckTier(f); !c.Met || !c.Derived {
		t.Fatalf("the small rule is not read: %+v", c)
	}
	f.DoubtedTierRule = true
	if c := CheckTier(f); c.Met || !c.Doubted {
		t.Errorf("after no to the small rule: %+v", c)
	}
	f.Tier, f.Text = workbook.Medium, "Six weeks with a training plan"
	if c := CheckTier(f); c.Met || !c.Doubted {
		t.Errorf("after no to the medium rule: %+v", c)
	}
}
