package seasons

import (
	"fmt"

	"github.com/cairn-run/cairn/workbook"
)

// The weekly loop (seed 002): small goals are for one week; when it is
// over the runner says how each went, and a step missed is simply tried
// again. The words never shame: a week is counted, never failed.

// WeekWords sums up a week's looks back calmly: "2 of 3 done — try again
// this week?" when a step was missed or partly done, "All 3 done." when
// every one was, with the steps let go said apart ("2 of 2 done, 1 let
// go."). Steps not looked back on yet are left out; "" when none were.
func WeekWords(outcomes []workbook.Outcome) string {
	var done, again, dropped, total int
	for _, o := range outcomes {
		switch o {
		case workbook.Done:
			done++
		case workbook.Partly, workbook.Missed:
			again++
		case workbook.Dropped:
			dropped++
			continue
		default:
			continue
		}
		total++
	}
	if total == 0 && dropped == 0 {
		return ""
	}
	var s string
	switch {
	case total == 0:
		return fmt.Sprintf("%s let go. A lighter week is still a week.", capital(plural(dropped, "step", "steps")))
	case done == total && total > 1:
		s = fmt.Sprintf("All %d done", total)
	default:
		s = fmt.Sprintf("%d of %d done", done, total)
	}
	if dropped > 0 {
		s += fmt.Sprintf(", %d let go", dropped)
	}
	if again > 0 {
		return s + " — try again this week?"
	}
	return s + "."
}

// Steps counts the weekly steps toward goal id that were looked back on:
// how many were done and partly done, of how many.
type Steps struct {
	Done, Partly, Of int
}

// StepsOf counts the small goals a step toward id whose weeks were looked
// back on, the steps let go left out.
func StepsOf(goals []workbook.Goal, id string) Steps {
	var s Steps
	for _, g := range goals {
		if g.Parent != id || g.Tier != workbook.Small {
			continue
		}
		switch g.Check.Outcome {
		case workbook.Done:
			s.Done++
		case workbook.Partly:
			s.Partly++
		case workbook.Missed:
		default:
			continue
		}
		s.Of++
	}
	return s
}

// Words says the count: "weekly steps: 3 of 4 done, 1 partly"; "" when no
// step was looked back on yet.
func (s Steps) Words() string {
	if s.Of == 0 {
		return ""
	}
	out := fmt.Sprintf("weekly steps: %d of %d done", s.Done, s.Of)
	if s.Partly > 0 {
		out += fmt.Sprintf(", %d partly", s.Partly)
	}
	return out
}
