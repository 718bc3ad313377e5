package catalog

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cairn-run/cairn/workbook"
)

// A Criterion is one letter of SMART, the check a goal gets before it is
// committed.
type Criterion string

// The five SMART criteria. Their values are stored with a runner's own
// answers, so they never change.
const (
	Specific   Criterion = "specific"
	Measurable Criterion = "measurable"
	Attainable Criterion = "attainable"
	Relevant   Criterion = "relevant"
	TimeBound  Criterion = "time-bound"
)

var criteria = []Criterion{Specific, Measurable, Attainable, Relevant, TimeBound}

// Criteria returns the five criteria in SMART order.
func Criteria() []Criterion { return slices.Clone(criteria) }

// Name is the criterion as a heading, such as "Time-bound".
func (c Criterion) Name() string {
	switch c {
	case Specific:
		return "Specific"
	case Measurable:
		return "Measurable"
	case Attainable:
		return "Attainable"
	case Relevant:
		return "Relevant"
	case TimeBound:
		return "Time-bound"
	}
	return string(c)
}

// GoalFacts is what the checks know about a goal: its words, its column,
// whether it is linked to what matters to the runner, and what the runner
// has said about the parts words cannot show.
type GoalFacts struct {
	Text string
	Tier workbook.Tier
	// Linked is true when the goal is linked to at least one confirmed
	// theme or chosen value.
	Linked bool
	// Said holds the runner's own "yes" for a criterion.
	Said map[Criterion]bool
	// SaidTierRule is the runner's own "yes" for the tier's rule.
	SaidTierRule bool
	// Doubted holds the runner's own "no" to what cairn read from the
	// words or links for a criterion: the reading can be wrong ("has a
	// count: each Sunday"), and the runner has the last word.
	Doubted map[Criterion]bool
	// DoubtedTierRule is the runner's own "no" to what cairn read for the
	// tier's rule.
	DoubtedTierRule bool
}

// A Check is one line of the goal check. Checks coach; they never block a
// goal from being saved or committed.
type Check struct {
	// Criterion is the SMART criterion, or "" for the tier's rule.
	Criterion Criterion
	// Name is the line's heading: a criterion's Name, or the tier rule's.
	Name string
	Met  bool
	// Derived is true when cairn read the answer from the goal's words or
	// links, and false when it rests on the runner's word.
	Derived bool
	// Doubted is true when cairn read the answer but the runner said no
	// to it: the check is open, and rests on their word.
	Doubted bool
	// Prompt is one calm line: when met, a short reason ("has a number:
	// 15 miles"); when not, what is missing, asked as a question.
	Prompt string
}

// notAsRead is the prompt of a check whose reading the runner said no to:
// what cairn read, that the runner disagrees, and the question again.
func notAsRead(reading, question string) string {
	return "Not as cairn read it (" + reading + "), you say. " + question
}

// CheckSMART runs the five SMART checks, in SMART order. Measurable and
// time-bound are read from the words; specific is read when both are
// there; relevant comes from the goal's links; attainable only the runner
// can say. Anything the runner says yes to is met, and anything cairn
// read that the runner says no to is open.
func CheckSMART(f GoalFacts) []Check {
	ws := scanWords(f.Text)
	measure, measured := ws.measure()
	when, timed := ws.when()
	said := func(c Criterion) bool { return f.Said[c] }
	doubted := func(c Criterion) bool { return f.Doubted[c] }
	// What the runner said no to is not read again by the checks that
	// build on it: a specific goal needs a measure the runner agrees with.
	measured.ok = measured.ok && !doubted(Measurable)
	timed = timed && !doubted(TimeBound)

	specific := Check{Criterion: Specific}
	switch {
	case measured.ok && timed && !doubted(Specific):
		specific.Met, specific.Derived = true, true
		specific.Prompt = "says what and when: " + measure + ", " + when
	case measured.ok && timed:
		specific.Doubted = true
		specific.Prompt = notAsRead("says what and when: "+measure+", "+when, "What exactly will you do, and by when?")
	case said(Specific):
		specific.Met = true
		specific.Prompt = "clear to you, you say"
	case measured.ok:
		specific.Prompt = "It says how much (" + measure + "). When will you do it?"
	case timed:
		specific.Prompt = "It says when (" + when + "). What exactly, and how much?"
	default:
		specific.Prompt = "What exactly will you do, and by when? A number and a date make it clear."
	}

	measurable := Check{Criterion: Measurable}
	switch {
	case measured.ok:
		measurable.Met, measurable.Derived = true, true
		measurable.Prompt = measured.reason + ": " + measure
	case doubted(Measurable) && measured.reason != "":
		measurable.Doubted = true
		measurable.Prompt = notAsRead(measured.reason+": "+measure, "How will you know you're there?")
	case said(Measurable):
		measurable.Met = true
		measurable.Prompt = "you'll know when you're there, you say"
	default:
		measurable.Prompt = "How will you know you're there? A distance, a time or a count would show it."
	}

	attainable := Check{Criterion: Attainable}
	if said(Attainable) {
		attainable.Met = true
		attainable.Prompt = "within reach, you say"
	} else {
		attainable.Prompt = "Is this within reach, with everything else in your life right now?"
	}

	relevant := Check{Criterion: Relevant}
	switch {
	case f.Linked && !doubted(Relevant):
		relevant.Met, relevant.Derived = true, true
		relevant.Prompt = "linked to what matters to you"
	case f.Linked:
		relevant.Doubted = true
		relevant.Prompt = notAsRead("linked to what matters to you", "Why does this matter to you?")
	case said(Relevant):
		relevant.Met = true
		relevant.Prompt = "it matters to you, you say"
	default:
		relevant.Prompt = "Why does this matter to you? Linking it to a theme or a value shows it."
	}

	timeBound := Check{Criterion: TimeBound}
	switch {
	case timed:
		timeBound.Met, timeBound.Derived = true, true
		timeBound.Prompt = "has a when: " + when
	case doubted(TimeBound) && when != "":
		timeBound.Doubted = true
		timeBound.Prompt = notAsRead("has a when: "+when, "By when?")
	case said(TimeBound):
		timeBound.Met = true
		timeBound.Prompt = "you know when, you say"
	case f.Tier.Valid():
		timeBound.Prompt = "By when? The column suggests " + AboutTier(f.Tier).Span + "."
	default:
		timeBound.Prompt = "By when? A date, a week or a season is enough."
	}

	checks := []Check{specific, measurable, attainable, relevant, timeBound}
	for i := range checks {
		checks[i].Name = checks[i].Criterion.Name()
	}
	return checks
}

// The names of the tier rules, as the check line headings.
const (
	smallRuleName  = "Days, times and how"
	mediumRuleName = "A way to stay on track"
	bigRuleName    = "Realistic within a year"
)

// CheckTier checks the rule of the goal's column, from seed 002. A small
// goal names its days and times; a medium goal names a strategy or someone
// to keep it on track; a big goal is realistic for a year, which only the
// runner can say, and measurable, so it can split into medium goals.
func CheckTier(f GoalFacts) Check {
	ws := scanWords(f.Text)
	switch f.Tier {
	case workbook.Small:
		c := Check{Name: smallRuleName}
		day, hasDay := ws.day()
		at, hasTime := ws.timeOfDay()
		switch {
		case hasDay && hasTime && !f.DoubtedTierRule:
			c.Met, c.Derived = true, true
			c.Prompt = "names the days and times: " + day + ", " + at
		case hasDay && hasTime:
			c.Doubted = true
			c.Prompt = notAsRead("names the days and times: "+day+", "+at, "Which days, at what time, and how?")
		case f.SaidTierRule:
			c.Met = true
			c.Prompt = "the days, times and how are settled, you say"
		case hasDay:
			c.Prompt = "It names " + day + ". At what time, and how?"
		case hasTime:
			c.Prompt = "It names " + at + ". On which days?"
		default:
			c.Prompt = "Which days, at what time, and how? Naming them makes the week easier to plan."
		}
		return c
	case workbook.Medium:
		c := Check{Name: mediumRuleName}
		way, ok := ws.strategy()
		switch {
		case ok && !f.DoubtedTierRule:
			c.Met, c.Derived = true, true
			c.Prompt = "names a way to stay on track: " + way
		case ok:
			c.Doubted = true
			c.Prompt = notAsRead("names a way to stay on track: "+way, "What will help you keep going?")
		case f.SaidTierRule:
			c.Met = true
			c.Prompt = "you have a way to stay on track, you say"
		default:
			c.Prompt = "What will help you keep going? A training plan, a running partner, a coach, a group or a log all count."
		}
		return c
	case workbook.Big:
		c := Check{Name: bigRuleName}
		measure, measured := ws.measure()
		measured.ok = measured.ok && !f.Doubted[Measurable]
		saidMeasurable := f.Said[Measurable]
		switch {
		case f.SaidTierRule && measured.ok:
			c.Met = true
			c.Prompt = "realistic, you say, and measurable: " + measure
		case f.SaidTierRule && saidMeasurable:
			c.Met = true
			c.Prompt = "realistic and measurable, you say"
		case f.SaidTierRule:
			c.Prompt = "Realistic, you say. What number would show you got there, so it can break into medium goals?"
		case measured.ok || saidMeasurable:
			c.Prompt = "Can you truly do this within a year, with the life you have now?"
		default:
			c.Prompt = "Can you truly do this within a year? And what number would show you got there?"
		}
		return c
	}
	return Check{Name: "Column", Prompt: "Which column does this goal belong in: small, medium or big?"}
}

// A PurposeItem is one question of the purpose check: signs that a goal
// carries real meaning for the runner.
type PurposeItem struct {
	// ID is stable: the runner's answers are stored under it.
	ID     string
	Prompt string
}

var purposeChecks = []PurposeItem{
	{"excited", "Does the road to this goal excite you as much as reaching it?"},
	{"out-the-door", "Would it still get you running when the weather is grim, or the day is packed?"},
	{"smile", "When you picture yourself getting there, do you smile?"},
}

// PurposeChecks returns the three questions of the purpose check, from
// seed 001, in the order they are asked.
func PurposeChecks() []PurposeItem { return slices.Clone(purposeChecks) }

// Reading goal text.
//
// The checks read goals as people write them: "10k", "10 km", "ten km",
// "3x a week", "twice weekly", "sub-4", "by June", "in 6 weeks". The text
// is cut into words (a number keeps its separators and any letters glued
// to it, so "22:48", "1,000", "5.5km" and "10k" are single words) and a
// few small pattern functions look at each word and its neighbours.

// A textWord is one word of a goal, with where it sits in the text so a
// reason can quote the goal's own spelling.
type textWord struct {
	s          string // lower case
	start, end int    // byte offsets in the text
	num        string // the numeric part, when the word starts with a digit
	suffix     string // letters glued to a number, lower case: "k" in "10k"
	upper      bool   // the word starts with a capital letter
}

type goalWords struct {
	text string
	w    []textWord
}

func scanWords(text string) goalWords {
	ws := goalWords{text: text}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isASCIIDigit(r):
			start := i
			i = skipASCIIDigits(text, i)
			for i+1 < len(text) && strings.IndexByte(".,:/", text[i]) >= 0 && isASCIIDigit(rune(text[i+1])) {
				i = skipASCIIDigits(text, i+1)
			}
			numEnd := i
			i = skipLetterRun(text, i)
			ws.w = append(ws.w, textWord{
				s:      strings.ToLower(text[start:i]),
				start:  start,
				end:    i,
				num:    text[start:numEnd],
				suffix: strings.ToLower(text[numEnd:i]),
			})
		case unicode.IsLetter(r):
			start := i
			i = skipLetterRun(text, i)
			ws.w = append(ws.w, textWord{
				s:     strings.ToLower(text[start:i]),
				start: start,
				end:   i,
				upper: unicode.IsUpper(r),
			})
		default:
			i += size
		}
	}
	return ws
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func skipASCIIDigits(text string, i int) int {
	for i < len(text) && isASCIIDigit(rune(text[i])) {
		i++
	}
	return i
}

func skipLetterRun(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += size
	}
	return i
}

// at returns word i, or a zero word when i is out of range, so patterns
// can look at neighbours without bounds checks.
func (ws goalWords) at(i int) textWord {
	if i < 0 || i >= len(ws.w) {
		return textWord{}
	}
	return ws.w[i]
}

// span quotes words i through j as the runner wrote them.
func (ws goalWords) span(i, j int) string {
	return ws.text[ws.w[i].start:ws.w[j].end]
}

// withLead quotes words i through j, with a leading "by", "this", "in
// the", "before my" and the like when the goal has one.
func (ws goalWords) withLead(i, j int) string {
	k := i - 1
	if goalDeterminers[ws.at(k).s] {
		k--
	}
	if whenLeads[ws.at(k).s] {
		i = k
	}
	return ws.span(i, j)
}

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	spelledNumbers = wordSet("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
		"nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
		"hundred", "thousand", "dozen")

	// units are the words that make a number a quantity: distances,
	// durations and the things runners count.
	quantityUnits = wordSet(
		"mile", "miles", "mi", "miler", "milers", "km", "kms", "k", "kilometre", "kilometres",
		"kilometer", "kilometers", "m", "metre", "metres", "meter", "meters", "yard", "yards",
		"min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours", "h", "sec", "secs",
		"second", "seconds",
		"x", "times", "time", "day", "days", "week", "weeks", "month", "months", "year", "years",
		"run", "runs", "session", "sessions", "workout", "workouts", "rep", "reps", "set", "sets",
		"squat", "squats", "pushup", "pushups", "push", "situp", "situps", "sit", "lunge", "lunges",
		"plank", "planks", "burpee", "burpees", "step", "steps", "spm", "stride", "strides",
		"lap", "laps", "hill", "hills", "repeat", "repeats", "interval", "intervals",
		"race", "races", "marathon", "marathons", "half", "halves", "ultra", "ultras",
		"parkrun", "parkruns", "state", "states", "country", "countries", "trail", "trails",
		"street", "streets", "route", "routes", "class", "classes",
		"kg", "kgs", "kilo", "kilos", "lb", "lbs", "pound", "pounds", "stone",
		"serving", "servings", "portion", "portions", "veggie", "veggies", "vegetable",
		"vegetables", "glass", "glasses", "litre", "litres", "liter", "liters",
		"bpm", "mph", "kph", "percent", "hundred", "thousand",
	)

	// periods end a timeframe: "in 6 weeks", "for a month".
	periodWords = wordSet("day", "days", "week", "weeks", "fortnight", "fortnights", "month", "months",
		"year", "years")

	// timeframeLeads open a timeframe.
	timeframeLeads = wordSet("in", "within", "for", "over", "next")

	// rateWords turn "twice" into a count: "twice a week", "once per run".
	rateWords = wordSet("a", "an", "per", "each", "every")

	// everyTargets follow "every" or "each" to make a countable target.
	everyTargets = wordSet("day", "run", "runs", "week", "weekend", "morning", "evening", "night",
		"workout", "session", "month", "weekday", "lunchtime", "lunch", "street", "trail", "race",
		"time", "outing", "single", "other")

	weekdayNames = wordSet("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
		"mon", "tue", "tues", "weds", "thu", "thur", "thurs", "fri")

	// Weekday abbreviations that are also words ("I sat in the sun"): they
	// count only after a lead such as "on" or next to another weekday.
	maybeWeekdayNames = wordSet("wed", "sat", "sun")

	// Months that are never another word.
	monthNames = wordSet("january", "february", "april", "june", "july", "august", "september",
		"october", "november", "december")

	// Months that are also ordinary words or names ("I may", "Jan"): they
	// count only with a lead such as "by" or a day number next to them.
	maybeMonthNames = wordSet("may", "march", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept",
		"oct", "nov", "dec")

	monthLeads = wordSet("by", "in", "before", "until", "till", "of", "this", "next", "early", "late",
		"mid", "since", "from", "through", "during", "end", "last", "on")

	seasonNames = wordSet("spring", "summer", "autumn", "winter")

	// thisNext are what "this" or "next" can bound: "this week".
	thisNext = wordSet("week", "weekend", "month", "year", "season", "fortnight", "morning",
		"evening", "afternoon", "spring", "summer", "autumn", "fall", "winter", "quarter",
		"term", "semester")

	occasions = wordSet("birthday", "christmas", "easter", "thanksgiving", "halloween", "hanukkah",
		"diwali", "anniversary")

	whenLeads = wordSet("by", "on", "in", "before", "until", "till", "this", "next", "every",
		"each", "after", "during", "from", "last", "since", "through", "over", "at")

	clockLeads = wordSet("at", "from", "until", "till", "before", "after", "around", "about", "by",
		"between")

	ordinalSuffixes = wordSet("st", "nd", "rd", "th")

	timesOfDay = wordSet("morning", "mornings", "evening", "evenings", "afternoon", "afternoons",
		"night", "nights", "tonight", "noon", "midday", "midnight", "lunch", "lunchtime",
		"lunchtimes", "dawn", "sunrise", "sunset", "dusk", "breakfast", "dinner", "supper")

	// strategies are the plans, tools and people that keep a medium goal
	// on track.
	strategyWords = wordSet("plan", "plans", "programme", "program", "schedule", "calendar", "diary",
		"journal", "log", "logbook", "tracker", "spreadsheet", "app", "strava", "garmin",
		"reminder", "reminders", "alarm", "coach", "coaching", "trainer", "physio", "class",
		"classes", "group", "groups", "club", "clubs", "team", "crew", "partner", "buddy",
		"buddies", "friend", "friends", "accountable", "parkrun", "family",
		"wife", "husband", "spouse", "sister", "brother", "mum", "mom", "dad", "mother", "father",
		"daughter", "son", "kids", "neighbour", "neighbor", "colleague", "colleagues", "dog")

	// determiners sit between a lead and its word: "in the spring",
	// "before my birthday", "with a training plan".
	goalDeterminers = wordSet("a", "an", "the", "my", "our", "your", "his", "her", "their")

	// strategyKinds are quoted with a strategy word: "training plan".
	strategyKinds = wordSet("training", "running", "run", "accountability", "walking", "strength")
)

func (w textWord) isNumber() bool { return w.num != "" }

// isWeekday reports a day of the week: "Tuesday", "tues", "Sat and Sun".
func (ws goalWords) isWeekday(i int) bool {
	s := ws.at(i).s
	if weekdayNames[s] {
		return true
	}
	if !maybeWeekdayNames[s] {
		return false
	}
	if whenLeads[ws.at(i-1).s] {
		return true
	}
	for _, j := range []int{i - 2, i - 1, i + 1, i + 2} {
		if n := ws.at(j).s; weekdayNames[n] || maybeWeekdayNames[n] {
			return true
		}
	}
	return false
}

// setAsideWords turn away what follows them in their clause: "without a
// plan", "no app", "ditch Strava".
var setAsideWords = wordSet("without", "no", "not", "never", "ditch", "ditching", "drop", "dropping",
	"skip", "skipping", "ignore", "ignoring", "forget", "quit", "quitting", "delete", "deleting",
	"uninstall", "avoid", "avoiding", "minus", "don't", "dont", "won't", "off")

// leaveWords turn away what follows them only when it is left behind or
// at home: "leave the watch and Strava behind", but "leave the house at 6
// with the club" keeps the club.
var leaveWords = wordSet("leave", "leaving", "left")

// setAside reports a word the goal turns away, within its clause: after
// "without", "no", "ditch" and the like a few words before it, or left
// behind ("leave … Strava behind", "Strava left at home").
func (ws goalWords) setAside(i int) bool {
	// A clause ends at a comma, colon, semicolon, dash or full stop.
	broken := func(a, b int) bool {
		return strings.ContainsAny(ws.text[ws.w[a].end:ws.w[b].start], ",;:.!?–—()")
	}
	leftBehind := false
	for j := i + 1; j < len(ws.w) && j <= i+3 && !broken(j-1, j); j++ {
		if s := ws.w[j].s; s == "behind" || (s == "home" && ws.at(j-1).s == "at") {
			leftBehind = true
		}
	}
	for j := i - 1; j >= 0 && j >= i-5 && !broken(j, j+1); j-- {
		s := ws.w[j].s
		if setAsideWords[s] || (leaveWords[s] && leftBehind) {
			return true
		}
	}
	return false
}

// isPlainInt reports a bare whole number: no separators, no letters.
func (w textWord) isPlainInt() bool {
	return w.num != "" && w.suffix == "" && !strings.ContainsAny(w.num, ".,:/")
}

func (w textWord) isYear() bool {
	if !w.isPlainInt() || len(w.num) != 4 {
		return false
	}
	n, _ := strconv.Atoi(w.num)
	return n >= 1900 && n <= 2099
}

func (w textWord) isOrdinal() bool { return w.num != "" && ordinalSuffixes[w.suffix] }

func (ws goalWords) isMonth(i int) bool {
	w := ws.at(i)
	if monthNames[w.s] {
		return true
	}
	if !maybeMonthNames[w.s] {
		return false
	}
	return monthLeads[ws.at(i-1).s] || ws.at(i+1).isNumber()
}

// isClockOfDay reports a time of day written with digits: "6am", "7 pm",
// "at 6:30", "at 6", "6 o'clock".
func (ws goalWords) isClockOfDay(i int) bool {
	w, next := ws.at(i), ws.at(i+1)
	switch {
	case !w.isNumber():
		return false
	case w.suffix == "am" || w.suffix == "pm":
		return true
	case w.suffix != "":
		return false
	case next.s == "am" || next.s == "pm" || next.s == "oclock" ||
		(next.s == "o" && ws.at(i+2).s == "clock"):
		return true
	case strings.Contains(w.num, ":"):
		return clockLeads[ws.at(i-1).s]
	case ws.at(i-1).s == "at" && w.isPlainInt() && !quantityUnits[next.s]:
		n, _ := strconv.Atoi(w.num)
		return n <= 24
	}
	return false
}

// isDate reports a number that is part of a date: "12/5", "the 5th",
// "June 5", "5 June", or a year such as 2026.
func (ws goalWords) isDate(i int) bool {
	w := ws.at(i)
	switch {
	case !w.isNumber():
		return false
	case strings.Contains(w.num, "/"):
		return true
	case w.isOrdinal():
		return true
	case w.isYear() && !quantityUnits[ws.at(i+1).s]:
		return true
	case w.suffix == "" && (ws.isMonth(i-1) || ws.isMonth(i+1)):
		return true
	}
	return false
}

// isTimeframe reports a number that measures a deadline, not the goal:
// the 6 in "in 6 weeks" or "for the next 6 weeks".
func (ws goalWords) isTimeframe(i int) bool {
	return timeframeLeads[ws.at(i-1).s] && periodWords[ws.at(i+1).s]
}

// A measureHit is what made a goal measurable, and how to say so.
type measureHit struct {
	ok     bool
	reason string // "has a number", "has a count", ...
}

// measure finds what in the goal can be counted or timed, and quotes it.
// A number with a unit ("15 miles", "3x", "22:00") is the clearest, then a
// count or a named distance ("every day", "half marathon", "PB"), then a
// bare number; the first of the clearest kind found is quoted.
func (ws goalWords) measure() (string, measureHit) {
	var (
		best     string
		bestHit  measureHit
		bestRank = 0 // 3 unit, 2 count or distance, 1 bare number
	)
	keep := func(rank int, phrase, reason string) {
		if rank > bestRank {
			best, bestHit, bestRank = phrase, measureHit{true, reason}, rank
		}
	}
	for i, w := range ws.w {
		if bestRank == 3 {
			break
		}
		prev, next := ws.at(i-1).s, ws.at(i+1)
		switch {
		case w.isNumber():
			if ws.isDate(i) || ws.isClockOfDay(i) || ws.isTimeframe(i) ||
				prev == "week" || prev == "day" || prev == "stage" || prev == "turn" {
				continue
			}
			start, end := i, i
			if prev == "sub" || prev == "under" {
				start--
			}
			rank := 1
			switch {
			case w.suffix != "" || strings.Contains(w.num, ":"):
				rank = 3
			case quantityUnits[next.s]:
				end++
				rank = 3
			case start < i:
				rank = 3
			}
			keep(rank, ws.span(start, end), "has a number")
		case spelledNumbers[w.s]:
			if !quantityUnits[next.s] || ws.isTimeframe(i) {
				continue
			}
			if w.s == "one" && (next.s == "day" || next.s == "time") {
				// "one day I'll run a marathon" is a wish, not a count;
				// "one day a week" is a count.
				if rateWords[ws.at(i+2).s] && periodWords[ws.at(i+3).s] {
					keep(3, ws.span(i, i+3), "has a number")
				}
				continue
			}
			keep(3, ws.span(i, i+1), "has a number")
		case w.s == "once" || w.s == "twice" || w.s == "thrice":
			switch {
			case rateWords[next.s] && ws.at(i+2).s != "":
				keep(2, ws.span(i, i+2), "has a count")
			case next.s == "daily" || next.s == "weekly" || next.s == "monthly":
				keep(2, ws.span(i, i+1), "has a count")
			}
		case w.s == "every" || w.s == "each":
			j := i + 1
			for ws.at(j).s == "single" || ws.at(j).s == "other" {
				j++
			}
			if j < len(ws.w) && (everyTargets[ws.at(j).s] || ws.isWeekday(j)) {
				keep(2, ws.span(i, j), "has a count")
			}
		case w.s == "daily" || w.s == "weekly" || w.s == "nightly":
			keep(2, ws.span(i, i), "has a count")
		case w.s == "marathon" || w.s == "marathons":
			if prev == "half" {
				keep(2, ws.span(i-1, i), "has a distance")
			} else {
				keep(2, ws.span(i, i), "has a distance")
			}
		case w.s == "ultramarathon" || w.s == "ultra" || w.s == "parkrun" || w.s == "halfmarathon":
			keep(2, ws.span(i, i), "has a distance")
		case w.s == "mile" && (prev == "a" || prev == "the"):
			keep(2, ws.span(i-1, i), "has a distance")
		case w.s == "pr" || w.s == "pb" || w.s == "prs" || w.s == "pbs":
			keep(2, ws.span(i, i), "has a clear line")
		case w.s == "personal" && (next.s == "best" || next.s == "record" || next.s == "bests"):
			keep(2, ws.span(i, i+1), "has a clear line")
		case w.s == "negative" && (next.s == "split" || next.s == "splits"):
			keep(2, ws.span(i, i+1), "has a clear line")
		case w.s == "qualify" || w.s == "qualifying" || w.s == "bq":
			// A qualifying standard is a published time.
			keep(2, ws.span(i, i), "has a clear line")
		}
	}
	return best, bestHit
}

// when finds the first deadline, date or bounded stretch of time in the
// goal, and quotes it.
func (ws goalWords) when() (string, bool) {
	for i, w := range ws.w {
		prev, next := ws.at(i-1).s, ws.at(i+1)
		switch {
		case ws.isWeekday(i) || w.s == "weekend" || w.s == "weekends":
			return ws.withLead(i, i), true
		case w.s == "turn" && next.isPlainInt():
			// "before I turn 50": a birthday is a deadline.
			start := i
			if ws.at(start-1).s == "i" {
				start--
			}
			if whenLeads[ws.at(start-1).s] {
				start--
			}
			return ws.span(start, i+1), true
		case w.s == "today" || w.s == "tonight" || w.s == "tomorrow":
			return ws.withLead(i, i), true
		case ws.isMonth(i):
			end := i
			if next.isYear() || (next.isNumber() && !quantityUnits[ws.at(i+2).s]) {
				end++
			}
			return ws.withLead(i, end), true
		case seasonNames[w.s]:
			return ws.withLead(i, i), true
		case w.s == "fall" && (monthLeads[prev] || (prev == "the" && whenLeads[ws.at(i-2).s])):
			return ws.withLead(i, i), true
		case (w.s == "this" || w.s == "next") && thisNext[next.s]:
			return ws.span(i, i+1), true
		case w.s == "end" && next.s == "of":
			j := i + 2
			if s := ws.at(j).s; s == "the" || s == "this" || s == "next" {
				j++
			}
			if thisNext[ws.at(j).s] || ws.isMonth(j) || monthNames[ws.at(j).s] || maybeMonthNames[ws.at(j).s] {
				return ws.withLead(i, j), true
			}
		case timeframeLeads[w.s]:
			if j, ok := ws.timeframeEnd(i); ok {
				return ws.span(i, j), true
			}
		case w.isYear() && !quantityUnits[next.s]:
			return ws.withLead(i, i), true
		case w.isNumber() && strings.Contains(w.num, "/"):
			return ws.withLead(i, i), true
		case w.isOrdinal() && (prev == "the" || whenLeads[prev] || ws.isMonth(i-1) || next.s == "of"):
			return ws.withLead(i, i), true
		case w.isNumber() && w.suffix == "" && periodWords[next.s] && w.end < len(ws.text) &&
			ws.text[w.end] == '-' && next.start == w.end+1:
			// "a 30-day challenge", "a 6-week block": bounded by its length.
			return ws.span(i, i+1), true
		case occasions[w.s]:
			return ws.withLead(i, i), true
		case w.s == "new" && (next.s == "year" || next.s == "years") && ws.at(i+2).s != "of":
			return ws.withLead(i, i+1), true
		}
	}
	return "", false
}

// timeframeEnd matches a bounded stretch after a lead such as "in" or
// "for": "in 6 weeks", "for a month", "over the next few weeks", "within
// a couple of months". It returns the index of the closing period word.
func (ws goalWords) timeframeEnd(i int) (int, bool) {
	j := i + 1
	if ws.at(j).s == "the" {
		j++
	}
	if s := ws.at(j).s; s == "next" || s == "coming" || s == "following" {
		j++
	}
	if s := ws.at(j).s; s == "a" || s == "an" {
		j++
	}
	switch s := ws.at(j); {
	case s.s == "few" || s.s == "couple":
		j++
		if ws.at(j).s == "of" {
			j++
		}
	case s.isPlainInt() || spelledNumbers[s.s]:
		j++
	}
	if j == i+1 || !periodWords[ws.at(j).s] {
		return 0, false
	}
	return j, true
}

// day finds the days a small goal names: weekdays, "every day", dates.
func (ws goalWords) day() (string, bool) {
	for i, w := range ws.w {
		switch {
		case ws.isWeekday(i) || w.s == "weekend" || w.s == "weekends" || w.s == "weekday" || w.s == "weekdays":
			return ws.span(i, i), true
		case w.s == "today" || w.s == "tomorrow" || w.s == "tonight" || w.s == "daily":
			return ws.span(i, i), true
		case w.s == "every" || w.s == "each":
			j := i + 1
			for ws.at(j).s == "single" || ws.at(j).s == "other" {
				j++
			}
			if s := ws.at(j).s; s == "day" || timesOfDay[s] || ws.isWeekday(j) {
				return ws.span(i, j), true
			}
		case w.isNumber() && ws.isDate(i) && !w.isYear():
			return ws.span(i, i), true
		case ws.isMonth(i) && ws.at(i+1).isNumber():
			return ws.span(i, i+1), true
		}
	}
	return "", false
}

// timeOfDay finds the time a small goal names: "6am", "at 6:30",
// "before breakfast", "after work", "lunchtime".
func (ws goalWords) timeOfDay() (string, bool) {
	for i, w := range ws.w {
		prev, next := ws.at(i-1).s, ws.at(i+1).s
		switch {
		case ws.isClockOfDay(i):
			end := i
			if next == "am" || next == "pm" || next == "oclock" {
				end++
			} else if next == "o" && ws.at(i+2).s == "clock" {
				end += 2
			}
			start := i
			if clockLeads[prev] {
				start--
			}
			return ws.span(start, end), true
		case timesOfDay[w.s]:
			if prev == "before" || prev == "after" || prev == "at" || prev == "every" || prev == "each" {
				return ws.span(i-1, i), true
			}
			return ws.span(i, i), true
		case (w.s == "work" || w.s == "school") && (prev == "before" || prev == "after"):
			return ws.span(i-1, i), true
		}
	}
	return "", false
}

// strategy finds a plan, a tool or a person in a medium goal: "with a
// training plan", "my sister", "with Sam".
func (ws goalWords) strategy() (string, bool) {
	for i, w := range ws.w {
		prev := ws.at(i - 1)
		switch {
		case w.s == "plan" && (prev.s == "i" || prev.s == "to" || prev.s == "we"):
			// "I plan to run" is an intention, not a training plan.
			continue
		case ws.setAside(i):
			// "leave the watch and Strava behind", "without a plan": what
			// the goal does without is no way to stay on track.
			continue
		case strategyWords[w.s]:
			start := i
			if strategyKinds[ws.at(start-1).s] {
				start--
			}
			if goalDeterminers[ws.at(start-1).s] {
				start--
			}
			return ws.span(start, i), true
		case w.s == "check" && ws.at(i+1).s == "in":
			return ws.span(i, i+1), true
		case prev.s == "with" && w.upper && !weekdayNames[w.s] && !maybeWeekdayNames[w.s] && !monthNames[w.s] && !maybeMonthNames[w.s]:
			// A name: "with Sam on Saturdays".
			return ws.span(i-1, i), true
		}
	}
	return "", false
}
