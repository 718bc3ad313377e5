package seasons

import (
	"fmt"
	"strings"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// A goal's history reads like a short diary: one line for each change,
// what happened and when, with the runner's own line about why.
//
//	added “sub-25 5k”, 3 Oct
//	changed “sub-25 5k” to “sub-26 5k” after the calf strain, 12 Oct
//	put to rest until Mon 20 Oct, 17 Oct
//	committed to after a rest, 21 Oct

// quoteLen is how much of a goal's words a diary line quotes.
const quoteLen = 48

// Diary says one event as a line of the goal's diary, dated as seen at
// now ("12 Oct", with the year when it is not this year's).
func Diary(ev workbook.GoalEvent, now time.Time) string {
	what := happened(ev, now)
	if why := strings.TrimSpace(ev.Why); why != "" {
		what += because(why)
	}
	return what + ", " + ShortDate(workbook.DayOf(ev.At.In(now.Location())), now)
}

// connectives are the words a runner's why line can start with and read
// on from the sentence: "after the calf strain", "because work got busy".
var connectives = map[string]bool{
	"after": true, "because": true, "since": true, "as": true, "so": true, "when": true,
	"for": true, "to": true, "while": true, "until": true, "till": true, "with": true, "now": true,
	"but": true, "though": true, "once": true, "before": true,
}

// because joins the runner's why to the line: straight on when it reads
// on ("after the calf strain"), after a dash otherwise.
func because(why string) string {
	first, _, _ := strings.Cut(why, " ")
	if connectives[strings.ToLower(strings.Trim(first, ",.;:"))] {
		return " " + why
	}
	return " — " + why
}

func happened(ev workbook.GoalEvent, now time.Time) string {
	switch ev.Kind {
	case workbook.EventAdded:
		return "added " + quote(ev.Text, quoteLen)
	case workbook.EventEdited:
		return edited(ev)
	case workbook.EventMoved:
		return moved(ev)
	case workbook.EventCarried:
		if ev.Season == "" {
			return "carried over from the season before"
		}
		return "carried over from " + ev.Season
	case workbook.EventChecked:
		return fmt.Sprintf("the week of %s: %s", ShortDate(ev.Week, now), ev.Outcome.Words())
	case workbook.EventAgain:
		return fmt.Sprintf("tried again after the week of %s", ShortDate(ev.Week, now))
	}
	return "changed"
}

func edited(ev workbook.GoalEvent) string {
	var parts []string
	if ev.Was != ev.Text {
		parts = append(parts, fmt.Sprintf("changed %s to %s", quote(ev.Was, quoteLen), quote(ev.Text, quoteLen)))
	}
	if ev.TierWas != "" && ev.TierWas != ev.Tier {
		parts = append(parts, fmt.Sprintf("moved from %s to %s", ev.TierWas, ev.Tier))
	}
	if ev.Feel != workbook.Unmarked {
		parts = append(parts, "marked "+ev.Feel.Words())
	}
	if len(parts) == 0 {
		return "edited"
	}
	return strings.Join(parts, ", ")
}

func moved(ev workbook.GoalEvent) string {
	switch ev.To {
	case workbook.Resting:
		if ev.Until != 0 {
			return "put to rest until " + DayName(ev.Until)
		}
		return "put to rest"
	case workbook.Draft:
		switch ev.From {
		case workbook.Resting:
			return "looked at again after a rest, and kept"
		case workbook.LetGo:
			return "taken up again"
		}
		return "back to a draft"
	case workbook.Committed:
		switch ev.From {
		case workbook.Resting:
			return "committed to after a rest"
		case workbook.Achieved:
			return "not reached after all"
		}
		return "committed to"
	case workbook.Achieved:
		if f := strings.TrimSpace(ev.Felt); f != "" {
			return "reached — " + quote(f, 2*quoteLen)
		}
		return "reached"
	case workbook.LetGo:
		return "let go"
	}
	return "moved"
}
