package main

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// program is something whose first frame is timed: argv, and how its
// first frame is recognised.
type program struct {
	name   string
	argv   []string
	marker *regexp.Regexp
	// trace, if set, is the file a starttrace build writes its moments to.
	trace string
}

// firstScreen is what cairn's first screen, the floor and the bare
// program all show: a first run's "Begin", or a returning runner's
// "Welcome back".
var firstScreen = regexp.MustCompile(`Begin|Welcome back`)

// shows reports whether a screen has a line matching re.
func shows(re *regexp.Regexp) func([]string) bool {
	return func(lines []string) bool {
		for _, l := range lines {
			if re.MatchString(l) {
				return true
			}
		}
		return false
	}
}

// open starts argv in a new window and returns its pane and when the
// command to open it was sent. A program with a trace file is told where
// to write it, and when it was asked to start.
func (t *tmux) open(p program) (string, time.Time, error) {
	t.drain()
	var q []string
	for _, a := range p.argv {
		q = append(q, shellQuote(a))
	}
	env := ""
	if p.trace != "" {
		env = fmt.Sprintf("-e CAIRN_STARTTRACE=%s -e CAIRN_STARTTRACE_T0=%d ", shellQuote(p.trace), time.Now().UnixNano())
	}
	at := t.send("new-window -d " + env + "-P -F '#{pane_id}' -- " + strings.Join(q, " "))
	b, err := t.waitReply()
	if err != nil {
		return "", at, err
	}
	if len(b.lines) != 1 {
		return "", at, fmt.Errorf("new-window said %q", b.lines)
	}
	return b.lines[0], at, nil
}

func (t *tmux) waitReply() (block, error) {
	select {
	case b := <-t.reply:
		if b.err {
			return b, fmt.Errorf("%s", strings.Join(b.lines, " "))
		}
		return b, nil
	case <-time.After(10 * time.Second):
		return block{}, fmt.Errorf("tmux did not answer")
	case <-t.done:
		return block{}, fmt.Errorf("tmux ended")
	}
}

// quit sends ctrl+c to the pane and waits for its window to close.
func (t *tmux) quit(pane string) error {
	if _, err := t.run("send-keys -t " + pane + " C-c"); err != nil {
		return err
	}
	deadline := time.After(10 * time.Second)
	for {
		select {
		case <-t.closed:
			return nil
		case <-deadline:
			t.run("kill-pane -t " + pane)
			return fmt.Errorf("%s did not quit on ctrl+c", pane)
		case <-time.After(50 * time.Millisecond):
			if out, _ := t.run("list-panes -a -F '#{pane_id}'"); !contains(out, pane) {
				return nil
			}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// firstFrame opens p and returns the time from the command that opens
// it to its first frame on screen.
func (t *tmux) firstFrame(p program) (time.Duration, error) {
	pane, at, err := t.open(p)
	if err != nil {
		return 0, err
	}
	seen, screen, err := t.waitFor(pane, shows(p.marker), 10*time.Second)
	if err != nil {
		t.run("kill-pane -t " + pane)
		return 0, fmt.Errorf("%s: %w; the screen:\n%s", p.name, err, strings.Join(screen, "\n"))
	}
	if err := t.quit(pane); err != nil {
		return 0, err
	}
	return seen.Sub(at), nil
}

// firstFrames times each program's first frame runs times, taking them in
// turn in a shuffled order each round, so that whatever else the machine
// is doing falls on all of them alike. The first round is a warm-up
// (files into the page cache, a new workbook made) and is not kept.
func (t *tmux) firstFrames(progs []program, runs int, progress func(string)) (map[string][]time.Duration, error) {
	out := map[string][]time.Duration{}
	rng := rand.New(rand.NewPCG(7, 13))
	for round := 0; round <= runs; round++ {
		order := rng.Perm(len(progs))
		for _, i := range order {
			d, err := t.firstFrame(progs[i])
			if err != nil {
				return nil, err
			}
			if round > 0 {
				out[progs[i].name] = append(out[progs[i].name], d)
			}
			time.Sleep(time.Duration(20+rng.IntN(30)) * time.Millisecond)
		}
		if progress != nil {
			progress(fmt.Sprintf("first frames: round %d of %d", round, runs))
		}
	}
	return out, nil
}

var wordCount = regexp.MustCompile(`(?:^|\s)([0-9][0-9,]*) words?\b`)

// words reads the word count a screen shows, or -1.
func words(lines []string) int {
	for i := len(lines) - 1; i >= 0; i-- {
		if m := wordCount.FindStringSubmatch(lines[i]); m != nil {
			n, err := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
			if err == nil {
				return n
			}
		}
	}
	return -1
}

func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
