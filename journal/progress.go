package journal

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// Progress on measurable goals. A goal states its target in its own words
// ("Run 20 km a week", "A sub-25 5k", "1,000 km this year"); ParseTarget
// reads the number and the unit, and Track measures the journal's runs
// against it. Nothing is stored: change the words and the target follows.

// Measure is what a target counts.
type Measure uint8

// The measures.
const (
	// DistancePer is a distance to cover in each period: 20 km a week.
	DistancePer Measure = iota + 1
	// RunsPer is a number of runs in each period: 3 runs a week.
	RunsPer
	// TimePer is time to spend running in each period: 3 hours a week.
	TimePer
	// RaceTime is a time to beat over a distance: a 5k under 25:00.
	RaceTime
	// Longest is a distance to reach in one run: a half marathon.
	Longest
)

// Period is the span a DistancePer, RunsPer or TimePer target resets over:
// the calendar week (from Monday), month or year.
type Period uint8

// The periods.
const (
	NoPeriod Period = iota
	PerWeek
	PerMonth
	PerYear
)

// this says the period the way "this week" does.
func (p Period) this() string {
	switch p {
	case PerWeek:
		return "this week"
	case PerMonth:
		return "this month"
	case PerYear:
		return "this year"
	}
	return ""
}

// Target is what a measurable goal counts toward.
type Target struct {
	Measure Measure
	Period  Period
	// Metres is the distance to cover (DistancePer), the race's distance
	// (RaceTime) or the distance to reach (Longest).
	Metres int
	// Runs is the number of runs (RunsPer).
	Runs int
	// Time is the time to beat (RaceTime) or to spend (TimePer).
	Time time.Duration
	// Unit is the unit the goal's words use, for saying progress back in
	// them.
	Unit workbook.Unit
}

// RaceWindow is how far back a race time or a longest run is looked for.
const RaceWindow = 365

// Window returns the days whose runs count toward t on today: the
// period so far for a per-period target, the last year otherwise.
func (t Target) Window(today workbook.Day) (first, last workbook.Day) {
	y, m, _ := today.Date()
	switch t.Period {
	case PerWeek:
		return today.WeekStart(), today
	case PerMonth:
		return workbook.MakeDay(y, m, 1), today
	case PerYear:
		return workbook.MakeDay(y, time.January, 1), today
	}
	return today - RaceWindow + 1, today
}

var (
	reNumber    = `(\d+(?:[.,]\d+)?|` + numberWords + `)`
	numberWords = `one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve`

	rePeriod = regexp.MustCompile(`\b(?:a|per|each|every|this|the|in a|in the)\s+(week|month|year)\b|\b(weekly|monthly|yearly|annually)\b|\bin\s+(?:19|20)\d\d\b|\bweek\s*ly\b`)
	reDist   = regexp.MustCompile(reNumber + `\s*(km|k|kms|kilometres?|kilometers?|mi|miles?)\b`)
	reRuns   = regexp.MustCompile(reNumber + `\s*(?:x\b|times\b|runs\b|run days\b|days\b)|\b(?:once|twice)\b`)
	reHours  = regexp.MustCompile(reNumber + `\s*(hours?|hrs?|h|minutes?|mins?)\b`)
	reRace   = regexp.MustCompile(`\b(half[- ]?marathon|marathon|half|parkrun)\b`)
	reClock  = regexp.MustCompile(`(?:^|(\w+)\s+)(\d{1,3}:\d\d(?::\d\d)?)\b(\s*[ap]\.?m\b)?`)
	reSub    = regexp.MustCompile(`\bsub[- ]?(\d+(?:[.,]\d+)?)(?:\s*(hours?|hrs?|h|minutes?|mins?|m)\b)?`)
	reUnder  = regexp.MustCompile(`\b(?:under|below|in|faster than|within|beat|break(?:ing)?)\s+` + reNumber + `\s*(hours?|hrs?|h|minutes?|mins?)\b`)
	reHourMn = regexp.MustCompile(`\b(\d+)\s*h(?:ours?|rs?)?\s*(\d{1,2})\s*(?:m|mins?|minutes?)?\b`)

	reThousands = regexp.MustCompile(`(\d),(\d{3})\b`)

	// Words that say a goal is not one run, or not runs to count, so that
	// it is read as having no target rather than a misleading one.
	reSpan    = regexp.MustCompile(`\b(?:over|in|across|within|for)\s+(?:\d+|` + numberWords + `|a few|several)\s+(?:days|nights|stages|weekends)\b|\b(?:\d+|` + numberWords + `)[- ]days?\b|\bmulti[- ]?day\b|\bstages\b|\bstage race\b|\bback[- ]to[- ]back\b`)
	reDaily   = regexp.MustCompile(`\b(?:every|each|a|per)\s+(?:single\s+)?day\b|\bdaily\b|\bevery\s+(?:morning|evening|night)\b`)
	reLimit   = regexp.MustCompile(`\b(?:no more than|not more than|at most|less than|fewer than|max(?:imum)?|cap(?:ped)? at|limit)\b`)
	reOther   = regexp.MustCompile(`\b(?:walk|walks|walking|hike|hikes|hiking|cycle|cycles|cycling|bike|biking|ride|rides|riding|swim|swims|swimming|row|rowing|strength|yoga|gym|pilates|steps|stretch|stretching|paddle)\b`)
	reRunWord = regexp.MustCompile(`\b(?:run|runs|running|ran|jog|jogs|jogging|parkruns?|races?|racing|marathons?|half|ultra)\b`)
	reRunVerb = regexp.MustCompile(`(?:^|\s)(\w+\s+)?(?:run|running|jog|jogging)\b`)
	reHabit   = regexp.MustCompile(`\b(?:every|each)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)\b|\b(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends)\b`)
)

// runKinds are words before "run" that make it one kind of run (a long
// run, a morning run): counting every run toward it would mislead.
var runKinds = map[string]bool{"long": true, "easy": true, "hill": true, "trail": true, "tempo": true,
	"interval": true, "speed": true, "recovery": true, "slow": true, "fast": true, "short": true,
	"track": true, "group": true, "club": true, "social": true, "morning": true, "evening": true,
	"night": true, "lunchtime": true, "solo": true, "barefoot": true}

// notOneTarget reports words that make any reading of a target misleading:
// a distance covered over days ("154 km over 7 days"), a daily habit, a
// limit rather than a target ("no more than 40 km a week"), or a goal
// about walking, riding or strength rather than running.
func notOneTarget(s string) bool {
	return reSpan.MatchString(s) || reDaily.MatchString(s) || reLimit.MatchString(s) ||
		reOther.MatchString(s) && !reRunWord.MatchString(s)
}

// clauseBefore is the part of s's clause before byte at.
func clauseBefore(s string, at int) string {
	start := strings.LastIndexAny(s[:at], ",;:.!?()–—")
	return s[start+1 : at]
}

// countsRuns reports whether the count at s[from:] counts runs: "3 runs"
// does; "twice" and "3 times" do when the clause before them says run
// (any run: "run twice a week", "5k three times a week"), not a kind of
// run ("a long run once a week") or something else ("once a week, leave
// the watch behind").
func countsRuns(s string, from int, word string) bool {
	if strings.Contains(word, "run") {
		return true // "3 runs", "4 run days"
	}
	before := clauseBefore(s, from)
	if reDist.MatchString(before) {
		return true
	}
	for _, m := range reRunVerb.FindAllStringSubmatch(before, -1) {
		if !runKinds[strings.TrimSpace(m[1])] {
			return true
		}
	}
	return false
}

// notARaceTime are the words before a clock time that make it a time of
// day ("at 7:00", "by 6:30"), not a time to beat.
var notARaceTime = map[string]bool{"at": true, "by": true, "from": true, "before": true, "after": true, "until": true, "till": true, "around": true, "@": true}

// ParseTarget reads the target a goal's words state, if any: "Run 20 km a
// week", "3 runs a week", "1,000 km this year", "3 hours a week", "A
// sub-25 5k", "a half marathon in under 2 hours", "my first marathon". A
// goal without a number and a unit to count ("Run Tuesday at 7am", "Join
// the club") has none. When the words hold several numbers ("3 times a
// week, 5k each"), the one said right before the period counts.
//
// It reads conservatively: a goal it cannot measure honestly from runs has
// no target, rather than one that shows progress it does not mean. A
// distance over several days ("the West Highland Way, 154 km, over 7
// days") is not one run's; a habit counted without runs ("once a week,
// leave the watch behind") or a kind of run ("a long run once a week") is
// not every run; a daily habit, a limit ("no more than 40 km a week") and
// a goal about walking or riding have none. A distance said as a habit
// ("5k every Sunday") is no single longest run either.
func ParseTarget(text string) (Target, bool) {
	s := strings.ToLower(text)
	s = reThousands.ReplaceAllString(s, "$1$2") // 1,000 km
	if notOneTarget(s) {
		return Target{}, false
	}
	if p := rePeriod.FindStringSubmatchIndex(s); p != nil {
		return perPeriod(s, p)
	}
	metres, unit := raceDistance(s)
	if metres == 0 {
		return Target{}, false
	}
	if d := raceTime(s, metres); d > 0 {
		return Target{Measure: RaceTime, Metres: metres, Time: d, Unit: unit}, true
	}
	if reHabit.MatchString(s) {
		return Target{}, false
	}
	return Target{Measure: Longest, Metres: metres, Unit: unit}, true
}

// perPeriod reads a target said with a period: the quantity closest
// before the period (or, with none before it, the first after).
func perPeriod(s string, p []int) (Target, bool) {
	match := s[p[0]:p[1]]
	period := PerYear
	switch {
	case strings.Contains(match, "week"):
		period = PerWeek
	case strings.Contains(match, "month"):
		period = PerMonth
	}
	type candidate struct {
		end int
		t   Target
	}
	var found []candidate
	for _, m := range reDist.FindAllStringSubmatchIndex(s, -1) {
		if strings.HasPrefix(strings.TrimLeft(s[m[1]:], " -"), "run") {
			continue // "three 10 km runs a week": a run's length, not the week's
		}
		if metres, unit := distance(s[m[2]:m[3]], s[m[4]:m[5]]); metres > 0 {
			found = append(found, candidate{m[1], Target{Measure: DistancePer, Period: period, Metres: metres, Unit: unit}})
		}
	}
	for _, m := range reRuns.FindAllStringSubmatchIndex(s, -1) {
		word := s[m[0]:m[1]]
		if m[2] >= 0 {
			word = s[m[2]:m[3]]
		}
		if n := count(word); n > 0 && n < 1000 && countsRuns(s, m[0], s[m[0]:m[1]]) {
			found = append(found, candidate{m[1], Target{Measure: RunsPer, Period: period, Runs: n}})
		}
	}
	for _, m := range reHours.FindAllStringSubmatchIndex(s, -1) {
		if d := timeOf(s[m[2]:m[3]], s[m[4]:m[5]]); d > 0 {
			found = append(found, candidate{m[1], Target{Measure: TimePer, Period: period, Time: d}})
		}
	}
	best := -1
	for i, c := range found {
		switch {
		case best < 0:
			best = i
		case c.end <= p[0] && (found[best].end > p[0] || c.end > found[best].end):
			best = i // closer before the period
		case c.end > p[0] && found[best].end > p[0] && c.end < found[best].end:
			best = i // both after: the first
		}
	}
	if best < 0 {
		return Target{}, false
	}
	return found[best].t, true
}

// raceDistance finds the distance a goal names: a race by name, or a
// number with a unit.
func raceDistance(s string) (int, workbook.Unit) {
	if r := reRace.FindStringSubmatch(s); r != nil {
		m, _ := ParseDistance(r[1], workbook.Kilometres)
		return m, workbook.Kilometres
	}
	if d := reDist.FindStringSubmatch(s); d != nil {
		return distance(d[1], d[2])
	}
	return 0, workbook.Kilometres
}

// raceTime finds the time a goal aims to beat: "25:00", "under 2 hours",
// "sub-25" (minutes, or hours for a half marathon or longer below 10),
// "3h30".
func raceTime(s string, metres int) time.Duration {
	for _, c := range reClock.FindAllStringSubmatch(s, -1) {
		if notARaceTime[c[1]] || c[3] != "" {
			continue
		}
		if d, err := ParseDuration(c[2]); err == nil {
			return d
		}
	}
	if h := reHourMn.FindStringSubmatch(s); h != nil {
		hours, _ := strconv.Atoi(h[1])
		mins, _ := strconv.Atoi(h[2])
		if mins < 60 {
			return time.Duration(hours)*time.Hour + time.Duration(mins)*time.Minute
		}
	}
	if u := reUnder.FindStringSubmatch(s); u != nil {
		return timeOf(u[1], u[2])
	}
	if sub := reSub.FindStringSubmatch(s); sub != nil {
		if sub[2] != "" {
			return timeOf(sub[1], sub[2])
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(sub[1], ",", "."), 64)
		if err != nil || f <= 0 {
			return 0
		}
		if metres >= HalfMarathon && f < 10 {
			return time.Duration(f * float64(time.Hour))
		}
		return time.Duration(f * float64(time.Minute))
	}
	return 0
}

func count(word string) int {
	switch strings.TrimSpace(word) {
	case "once":
		return 1
	case "twice":
		return 2
	}
	for i, w := range strings.Split(numberWords, "|") {
		if word == w {
			return i + 1
		}
	}
	n, err := strconv.Atoi(word)
	if err != nil {
		return 0
	}
	return n
}

func number(word string) float64 {
	if n := count(word); n > 0 && !strings.ContainsAny(word, ".,") {
		return float64(n)
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(word, ",", "."), 64)
	if err != nil {
		return 0
	}
	return f
}

func distance(num, unit string) (int, workbook.Unit) {
	u := workbook.Kilometres
	size := 1000.0
	if strings.HasPrefix(unit, "mi") {
		u, size = workbook.Miles, workbook.MetresPerMile
	}
	m := math.Round(number(num) * size)
	if m <= 0 || m > 1e9 {
		return 0, u
	}
	return int(m), u
}

func timeOf(num, unit string) time.Duration {
	f := number(num)
	if f <= 0 || f > 1e5 {
		return 0
	}
	if strings.HasPrefix(unit, "h") {
		return time.Duration(f * float64(time.Hour))
	}
	return time.Duration(f * float64(time.Minute))
}

// Progress is how far the journal's runs have come toward a target.
type Progress struct {
	Target Target
	// First and Last are the days whose runs counted.
	First, Last workbook.Day
	// Fraction is how far along, from 0 to 1 (never more).
	Fraction float64
	// Met reports whether the target is reached.
	Met bool
	// Counted reports whether any run counted toward it.
	Counted bool
	// Text says where things stand, calmly: "12.4 of 20 km this week".
	Text string
}

// RaceSlack is how much longer than a race's distance a run may be and
// still count as a go at its time (GPS tracks wander; a 5k parkrun often
// reads 5.1 km). Runs a little short of it (under 2%) count too.
const RaceSlack = 0.10

// Track measures entries against t on today. entries may hold runs from
// outside t's window; only those inside count.
func Track(t Target, entries []workbook.Entry, today workbook.Day) Progress {
	first, last := t.Window(today)
	p := Progress{Target: t, First: first, Last: last}
	var in []workbook.Entry
	for _, e := range entries {
		if e.Day >= first && e.Day <= last {
			in = append(in, e)
		}
	}
	sum := Sum(in)
	frac := func(done, goal float64) {
		if goal > 0 {
			p.Fraction = min(done/goal, 1)
			p.Met = done >= goal
		}
	}
	switch t.Measure {
	case DistancePer:
		p.Counted = sum.Metres > 0
		frac(float64(sum.Metres), float64(t.Metres))
		p.Text = fmt.Sprintf("%s of %s %s", Number(float64(sum.Metres)/t.Unit.Metres()), FormatDistance(t.Metres, t.Unit), t.Period.this())
	case RunsPer:
		p.Counted = sum.Runs > 0
		frac(float64(sum.Runs), float64(t.Runs))
		p.Text = fmt.Sprintf("%d of %s %s", sum.Runs, plural(t.Runs, "run", "runs"), t.Period.this())
	case TimePer:
		p.Counted = sum.Duration > 0
		frac(sum.Duration.Seconds(), t.Time.Seconds())
		p.Text = fmt.Sprintf("%s of %s %s", FormatDuration(sum.Duration), FormatDuration(t.Time), t.Period.this())
	case RaceTime:
		best, ok := bestTime(in, t.Metres)
		race := FormatDistance(t.Metres, t.Unit)
		if !ok {
			p.Text = fmt.Sprintf("no %s run in the last year yet; aiming for %s", race, FormatDuration(t.Time))
			break
		}
		p.Counted = true
		frac(t.Time.Seconds(), best.Seconds())
		p.Met = best <= t.Time
		p.Text = fmt.Sprintf("best %s %s, aiming for %s", race, FormatDuration(best), FormatDuration(t.Time))
	case Longest:
		longest := 0
		for _, e := range in {
			longest = max(longest, e.Metres)
		}
		p.Counted = longest > 0
		frac(float64(longest), float64(t.Metres))
		p.Text = fmt.Sprintf("longest run %s of %s", Number(float64(longest)/t.Unit.Metres()), FormatDistance(t.Metres, t.Unit))
	}
	return p
}

// bestTime is the fastest of the runs over about metres, each scaled to
// exactly metres at its own pace.
func bestTime(entries []workbook.Entry, metres int) (time.Duration, bool) {
	var best time.Duration
	found := false
	lo, hi := float64(metres)*0.98, float64(metres)*(1+RaceSlack)
	for _, e := range entries {
		if e.Duration <= 0 || float64(e.Metres) < lo || float64(e.Metres) > hi {
			continue
		}
		at := time.Duration(float64(e.Duration) * float64(metres) / float64(e.Metres)).Round(time.Second)
		if !found || at < best {
			best, found = at, true
		}
	}
	return best, found
}

// GoalProgress is the progress of a goal whose words state a target, on
// today, from the runs in entries (those in the target's Window; see
// TargetOf). ok is false for a goal with no target in its words, and for
// one achieved or let go, which is no longer being worked toward. It is
// what the goal board shows under a card, and what `cairn status` prints.
func GoalProgress(g workbook.Goal, entries []workbook.Entry, today workbook.Day) (Progress, bool) {
	t, ok := TargetOf(g)
	if !ok {
		return Progress{}, false
	}
	return Track(t, entries, today), true
}

// TargetOf is the target of a goal still being worked toward, read from
// its words.
func TargetOf(g workbook.Goal) (Target, bool) {
	if !g.Status.Active() {
		return Target{}, false
	}
	return ParseTarget(g.Text)
}
