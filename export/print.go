package export

import (
	"strings"
	"time"
	"unicode"

	"github.com/cairn-run/cairn/detect"
	"github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/workbook"
)

// The documents for people: the Markdown a runner keeps (markdown.go) and
// the card for the fridge (card.go). Both are made from a Print, which the
// command fills from the store; neither reads anything else.

// Print is what the Markdown and the card are made from.
type Print struct {
	// Seasons are the seasons to print, oldest first.
	Seasons []PrintSeason
	// Load, if set, reads season i of Seasons whole as it is written:
	// Seasons then need hold only each season's header and Last, and a
	// document of many seasons holds one at a time.
	Load func(i int) (workbook.Snapshot, error)
	// Names names own themes and values, from every season.
	Names    Names
	Settings workbook.JournalSettings
	// Journal holds the runs the documents sum and measure goals by: from
	// the first printed season's start, or a year before Today if that is
	// earlier, to Today. Oldest first.
	Journal []workbook.Entry
	// Today is the day the document is made, on the runner's calendar.
	Today workbook.Day
	// Made is when the document was made.
	Made time.Time
}

// PrintSeason is one season to print and the days it spans.
type PrintSeason struct {
	workbook.Snapshot
	// Last is its last day: the day before the next season began, or
	// Today for the newest.
	Last workbook.Day
}

// First is the day the season began.
func (s PrintSeason) First() workbook.Day { return workbook.DayOf(s.Season.Started.Local()) }

// JournalFrom is the first day of runs a Print of seasons needs: a year
// before today (goals measure up to a year back) and before each season
// (its weeks are compared with as many weeks before it).
func JournalFrom(seasons []PrintSeason, today workbook.Day) workbook.Day {
	first := today.AddDays(-371)
	for _, s := range seasons {
		first = min(first, s.First().AddDays(-371))
	}
	return first
}

// runs returns the runs between first and last, both included.
func (p Print) runs(first, last workbook.Day) []workbook.Entry {
	var out []workbook.Entry
	for _, e := range p.Journal {
		if e.Day >= first && e.Day <= last {
			out = append(out, e)
		}
	}
	return out
}

// findings are the themes cairn reads in a season's answers.
func findings(s workbook.Snapshot) []detect.Finding {
	answers := make(map[string]string, len(s.Answers))
	for id, a := range s.Answers {
		answers[id] = a.Text
	}
	return detect.Detect(detect.SeasonSources(answers))
}

// heldThemes are the themes the runner confirmed, drawn to and rather
// not, the one that matters most first: the same as the themes screen
// hands the goal board. A theme they named is theirs unless they set it
// aside.
func heldThemes(board workbook.ThemeBoard) (toward, averse []workbook.Ref) {
	add := func(ref workbook.Ref, pol workbook.Polarity) {
		list := &toward
		if pol == workbook.Away {
			list = &averse
		}
		if ref == board.Top {
			*list = append([]workbook.Ref{ref}, *list...)
		} else {
			*list = append(*list, ref)
		}
	}
	marked := map[workbook.Ref]bool{}
	for _, m := range board.Marks {
		marked[m.Theme] = true
		if m.Status == workbook.Confirmed {
			add(m.Theme, m.Polarity)
		}
	}
	for _, o := range board.Own {
		if !marked[o.Ref()] {
			add(o.Ref(), o.Polarity)
		}
	}
	return toward, averse
}

// linked reports whether a goal is tied to a theme the runner holds to or
// a value they chose: what the relevant check reads.
func linked(g workbook.Goal, toward []workbook.Ref, values []workbook.ValueChoice) bool {
	for _, r := range g.Themes {
		for _, t := range toward {
			if r == t {
				return true
			}
		}
	}
	for _, r := range g.Values {
		for _, v := range values {
			if r == v.Ref() {
				return true
			}
		}
	}
	return false
}

// ladder orders goals as the ladder reads: each tier's goals that are not
// a step toward a bigger one, biggest tier first, each followed by the
// steps toward it. depth is how far down the ladder each goal sits.
func ladder(goals []workbook.Goal) (order []workbook.Goal, depth []int) {
	placed := map[string]bool{}
	var walk func(g workbook.Goal, d int)
	walk = func(g workbook.Goal, d int) {
		if placed[g.ID] {
			return
		}
		placed[g.ID] = true
		order, depth = append(order, g), append(depth, d)
		for _, c := range workbook.Children(goals, g.ID) {
			walk(c, d+1)
		}
	}
	for _, t := range []workbook.Tier{workbook.Big, workbook.Medium, workbook.Small} {
		for _, g := range goals {
			if g.Tier != t {
				continue
			}
			if p, ok := workbook.GoalByID(goals, g.Parent); ok && workbook.ValidParent(g, p) {
				continue // it sits under its bigger goal
			}
			walk(g, 0)
		}
	}
	// Anything a loop in damaged or imported data kept out.
	for _, g := range goals {
		walk(g, 0)
	}
	return order, depth
}

// oneLine folds text onto one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// longDay writes a day as "20 November 2026".
func longDay(d workbook.Day) string { return d.Time().Format("2 January 2006") }

// distance says a distance in the runner's unit, "" for none.
func distance(metres int, unit workbook.Unit) string {
	if metres <= 0 {
		return ""
	}
	return journal.FormatDistance(metres, unit)
}

// capital starts s with a capital letter.
func capital(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
