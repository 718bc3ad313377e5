package main

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"time"
)

// Keys to screen
//
// A key is sent to the pane through the control connection (send-keys),
// and the time runs until tmux has the output that shows it, found as a
// frame is (tmux.go). What shows it: in an answer, the word count under
// the text area. The answer ends with a new line, so a letter typed at its
// end is a word of its own, and backspace takes it away again: the count
// goes up by one, then back, key after key, and each key's frame is the
// first that shows the count it makes.
//
// The answers of every size (and the bare program) are open at once, each
// in its window, and take their keys in turn, in a shuffled order each
// round: whatever else the shared machine does then falls on all of them
// alike, and their ratio means something. Between two keys the harness
// waits a random 25 to 65 ms, so that keys do not fall in step with the
// programs' frame ticks; each program sees a key every 100 to 250 ms, a
// steady typist's pace.

// typist types into one pane: a letter, then backspace, and so on.
type typist struct {
	name, pane string
	base       int // the word count before any key
	keys       int // keys sent so far
	took       []time.Duration
}

// typing sends n keys into the text area of each pane in ts, in turns,
// and notes the time from each key to its frame.
func (t *tmux) typing(ts []*typist, n int, rng *rand.Rand) error {
	for _, ty := range ts {
		_, screen, err := t.waitFor(ty.pane, func(l []string) bool { return words(l) >= 0 }, 10*time.Second)
		if err != nil {
			return fmt.Errorf("%s: no word count on screen: %w\n%s", ty.name, err, strings.Join(screen, "\n"))
		}
		ty.base = words(screen)
	}
	for range n {
		for _, i := range rng.Perm(len(ts)) {
			ty := ts[i]
			key, want := "x", ty.base+1
			if ty.keys%2 == 1 {
				key, want = "BSpace", ty.base
			}
			d, err := t.keyToScreen(ty.pane, key, func(l []string) bool { return words(l) == want })
			if err != nil {
				return fmt.Errorf("%s: key %d (%s): %w", ty.name, ty.keys, key, err)
			}
			ty.keys++
			ty.took = append(ty.took, d)
			time.Sleep(time.Duration(25+rng.IntN(40)) * time.Millisecond)
		}
	}
	return nil
}

// keyToScreen sends key to the pane and returns the time until the screen
// passes test.
func (t *tmux) keyToScreen(pane, key string, test func([]string) bool) (time.Duration, error) {
	t.drain()
	at := t.send("send-keys -t " + pane + " " + key)
	if _, err := t.waitReply(); err != nil {
		return 0, err
	}
	seen, screen, err := t.waitFor(pane, test, 10*time.Second)
	if err != nil {
		return 0, fmt.Errorf("%w\n%s", err, strings.Join(screen, "\n"))
	}
	if seen.IsZero() || seen.Before(at) {
		// The screen passed before any output after the key: it did not
		// need the key, and the harness's expectation is wrong.
		return 0, fmt.Errorf("the screen showed the key's effect before the key")
	}
	return seen.Sub(at), nil
}

// selectedRun is the journal's selected row: "› Mon 2 Jan 2006 …", the
// whole row, since two runs can share a day.
var selectedRun = regexp.MustCompile(`› [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}.*`)

func selectedRow(lines []string) string {
	for _, l := range lines {
		if m := selectedRun.FindString(l); m != "" {
			return m
		}
	}
	return ""
}

// scrolling presses down n times in the journal list the pane shows and
// returns the time from each key to the frame that selects the next run.
func (t *tmux) scrolling(pane string, n int, rng *rand.Rand) ([]time.Duration, error) {
	_, screen, err := t.waitFor(pane, func(l []string) bool { return selectedRow(l) != "" }, 10*time.Second)
	if err != nil {
		return nil, fmt.Errorf("no run selected: %w\n%s", err, strings.Join(screen, "\n"))
	}
	day := selectedRow(screen)
	var out []time.Duration
	for i := range n {
		before := day
		d, err := t.keyToScreen(pane, "Down", func(l []string) bool {
			day = selectedRow(l)
			return day != "" && day != before
		})
		if err != nil {
			return out, fmt.Errorf("down %d: %w", i, err)
		}
		out = append(out, d)
		time.Sleep(time.Duration(25+rng.IntN(40)) * time.Millisecond)
	}
	return out, nil
}
