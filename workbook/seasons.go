package workbook

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Coming back (seed 001): the exercise is worth doing again after a break,
// at the start of a training cycle, after reaching a goal, or when
// motivation sags or progress stalls. Each pass is a season, and a new one
// can carry over what still fits from the last.

// Why is why a season began.
type Why uint8

// The reasons. The zero Why is a first season, which needs none.
const (
	FirstSeason    Why = iota
	BackAfterBreak     // back after a break
	NewCycle           // a new training cycle
	GoalReached        // a goal reached
	Plateau            // a plateau or low motivation
	JustNew            // just a new season
	OwnWords           // the runner's own words, kept in Season.Reason
)

var (
	whyNames = [...]string{"", "break", "cycle", "goal-reached", "plateau", "new-season", "own"}
	whyWords = [...]string{"", "back after a break", "a new training cycle", "a goal reached", "a plateau or low motivation", "just a new season", ""}
)

// Whys returns the reasons a runner picks from, in the order offered.
func Whys() []Why { return []Why{BackAfterBreak, NewCycle, GoalReached, Plateau, JustNew} }

// String returns the stored name, such as "break" or "own"; "" for a first
// season.
func (w Why) String() string {
	if int(w) < len(whyNames) {
		return whyNames[w]
	}
	return "unknown"
}

// Words says the reason the way the runner reads it: "back after a
// break". OwnWords and FirstSeason have none of their own.
func (w Why) Words() string {
	if int(w) < len(whyWords) {
		return whyWords[w]
	}
	return ""
}

// ParseWhy reads a stored name; "" is FirstSeason.
func ParseWhy(s string) (Why, error) {
	for i, n := range whyNames {
		if n == s {
			return Why(i), nil
		}
	}
	return FirstSeason, fmt.Errorf("reason %q is not one cairn knows", s)
}

// WhyOf reads the reason a runner gave in words: one of the reasons'
// Words (or its stored name), OwnWords for anything else, FirstSeason for
// nothing at all. It is how a season written before reasons had names is
// read, and how `cairn season new --reason` is.
func WhyOf(words string) Why {
	w := strings.ToLower(strings.Join(strings.Fields(words), " "))
	if w == "" {
		return FirstSeason
	}
	for _, why := range Whys() {
		if w == why.Words() || w == why.String() {
			return why
		}
	}
	return OwnWords
}

// Because returns the season's reason in words: the runner's own, or
// those of its Why; "" for a first season.
func (s Season) Because() string {
	if r := strings.TrimSpace(s.Reason); r != "" {
		return r
	}
	return s.Why.Words()
}

// Carry says what a new season takes over from the last.
type Carry struct {
	// Values are the core values, with how running serves each and its
	// experiment.
	Values bool
	// Themes are the confirmed themes (and the runner's own among them),
	// with the one that matters most if it is one of them.
	Themes bool
	// Goals are the goals not yet achieved or let go.
	Goals bool
}

// CarryAll carries everything that can be carried.
var CarryAll = Carry{Values: true, Themes: true, Goals: true}

// Any reports whether anything is carried.
func (c Carry) Any() bool { return c.Values || c.Themes || c.Goals }

// Words lists what is carried: "values, themes and goals", "" for nothing.
func (c Carry) Words() string {
	var parts []string
	for _, p := range []struct {
		on   bool
		name string
	}{{c.Values, "values"}, {c.Themes, "themes"}, {c.Goals, "goals"}} {
		if p.on {
			parts = append(parts, p.name)
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// ParseCarry reads a list such as "values,themes,goals" (or "all", or
// "none"; spaces and commas both separate).
func ParseCarry(s string) (Carry, error) {
	var c Carry
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ',' || r == ' ' }) {
		switch f {
		case "values", "value":
			c.Values = true
		case "themes", "theme":
			c.Themes = true
		case "goals", "goal":
			c.Goals = true
		case "all":
			c = CarryAll
		case "none", "nothing":
		default:
			return c, fmt.Errorf("cairn carries values, themes and goals, not %q", f)
		}
	}
	return c, nil
}

// seasonNames are the seasons of the year by month, January first: the
// northern hemisphere's, which the runner can rename.
var seasonNames = [12]string{
	"Winter", "Winter", "Spring", "Spring", "Spring", "Summer",
	"Summer", "Summer", "Autumn", "Autumn", "Autumn", "Winter",
}

// SeasonName is the name a season started at t is given unless the runner
// names it: the time of year and the year, "Winter 2026".
func SeasonName(t time.Time) string {
	return fmt.Sprintf("%s %d", seasonNames[t.Month()-1], t.Year())
}

// UniqueName returns name, or name with " (2)", " (3)", ... when a season
// already has it, so two seasons begun in one quarter can be told apart.
func UniqueName(name string, taken []string) string {
	out := name
	for n := 2; slices.Contains(taken, out); n++ {
		out = fmt.Sprintf("%s (%d)", name, n)
	}
	return out
}

// SeasonPlan is what the runner chose when starting a season.
type SeasonPlan struct {
	// Name is the season's name; empty for the one SeasonName gives.
	Name string
	Why  Why
	// Reason is the runner's own words, when Why is OwnWords.
	Reason string
	Carry  Carry
}

// GoalChange is a goal as it is to be saved, with the event that goes in
// its history.
type GoalChange struct {
	Goal  Goal
	Event GoalEvent
}

// Carried is what a new season starts with.
type Carried struct {
	Values []ValueChoice
	Themes ThemeBoard
	Goals  []GoalChange
}

// CarryForward works out what a new season, to, starts with from the
// season from, as c chooses, at now (in the runner's location: it says
// which week is this week). The old season is only read. Carried
// goals get new IDs (a goal belongs to one season), remember where they
// came from, keep their steps toward each other, and begin their history
// in the new season with the carrying over.
func CarryForward(from Snapshot, c Carry, to Season, now time.Time) Carried {
	var out Carried
	if c.Values {
		out.Values = slices.Clone(from.Values)
	}
	if c.Themes {
		out.Themes = confirmedThemes(from.Themes, now)
	}
	if !c.Goals {
		return out
	}
	thisWeek := DayOf(now).WeekStart() // the journal's week (journal.WeekOf), which starts the same Monday
	ids := map[string]string{}
	var kept []Goal
	for _, g := range from.Goals {
		if !g.Open(thisWeek) {
			continue
		}
		// IDs are made apart by their random part; ms apart keeps them in order.
		ids[g.ID] = NewID(now.Add(time.Duration(len(kept)) * time.Millisecond))
		kept = append(kept, g)
	}
	for _, g := range kept {
		n := g
		n.ID = ids[g.ID]
		n.Parent = ids[g.Parent] // "" when what it stepped toward stays behind
		n.From = GoalRef{Season: from.Season.ID, Goal: g.ID}
		n.Themes, n.Values = slices.Clone(g.Themes), slices.Clone(g.Values)
		n.Said, n.Purpose = cloneBools(g.Said), cloneBools(g.Purpose)
		n.Updated = now.UTC()
		ev := GoalEvent{ID: NewEventID(now), At: now.UTC(), Kind: EventCarried, Text: n.Text, To: n.Status, Season: from.Season.Name}
		out.Goals = append(out.Goals, GoalChange{Goal: n, Event: ev})
	}
	return out
}

// confirmedThemes is the part of a theme board a new season carries: the
// confirmed marks, the runner's own themes among them, and the one that
// matters most when it is one of them. Notes and the motivation in words
// belong to the season they were written in.
func confirmedThemes(b ThemeBoard, now time.Time) ThemeBoard {
	out := ThemeBoard{Updated: now.UTC()}
	for _, mk := range b.Marks {
		if mk.Status != Confirmed {
			continue
		}
		out.Marks = append(out.Marks, mk)
		if mk.Theme == b.Top {
			out.Top = b.Top
		}
		if mk.Theme.Own {
			if i := slices.IndexFunc(b.Own, func(o OwnTheme) bool { return o.ID == mk.Theme.ID }); i >= 0 {
				out.Own = append(out.Own, b.Own[i])
			}
		}
	}
	return out
}

func cloneBools(in map[string]bool) map[string]bool {
	if in == nil {
		return nil
	}
	out := make(map[string]bool, len(in))
	for k, v := range in {
		out[k] = v
	}
	return out
}
