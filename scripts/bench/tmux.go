package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// A tmux server driven through control mode (tmux -C).
//
// Control mode is a text protocol on the client's standard input and
// output: each command written is answered by a %begin … %end (or %error)
// block, in order, and between blocks tmux writes notifications, among
// them "%output %<pane> <bytes>" as soon as it has read a program's output
// from its terminal and parsed it into the pane. One long-lived connection
// means no process is started per poll: sending a key and asking for the
// screen cost a write and a read each, well under a millisecond, so the
// times measured are the program's and the terminal's, not the harness's.
//
// How a frame is timed: after the starting event (a window opened, a key
// sent), every %output of the pane asks for the pane's text
// (capture-pane); the frame is seen when that text passes the test, and
// its time is that of the last %output the pane sent before the capture
// was answered, which is when tmux had the bytes that made it.
type tmux struct {
	cmd   *exec.Cmd
	in    io.WriteCloser
	mu    sync.Mutex
	reply chan block
	// output receives the pane ID and arrival time of every %output.
	output chan outputNote
	// closed receives the ID of every pane whose window closed.
	closed chan string
	done   chan struct{}
}

type block struct {
	lines []string
	err   bool
	at    time.Time // when %begin arrived
}

type outputNote struct {
	pane string
	at   time.Time
}

// startTmux starts a tmux server on its own socket, with one window of w×h
// that runs nothing but a wait, and connects to it in control mode.
func startTmux(socket string, w, h int) (*tmux, error) {
	cmd := exec.Command("tmux", "-L", socket, "-f", "/dev/null", "-C", "new-session", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "sleep", "86400")
	cmd.Env = append(os.Environ(), "TMUX=")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	t := &tmux{cmd: cmd, in: in, reply: make(chan block, 16), output: make(chan outputNote, 4096), closed: make(chan string, 64), done: make(chan struct{})}
	go t.read(out)
	// The session's own first block, then the settings every window takes.
	for _, c := range []string{
		fmt.Sprintf("refresh-client -C %dx%d", w, h),
		"set -g default-terminal tmux-256color",
		"set -g remain-on-exit off",
		"set -g escape-time 0",
		"set -g history-limit 0",
		fmt.Sprintf("set -g default-size %dx%d", w, h),
	} {
		if _, err := t.run(c); err != nil {
			t.close()
			return nil, fmt.Errorf("tmux %s: %w", c, err)
		}
	}
	return t, nil
}

// read parses what tmux writes: blocks to reply, notifications to their
// channels.
func (t *tmux) read(r io.Reader) {
	defer close(t.done)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var cur *block
	first := true
	for sc.Scan() {
		line := sc.Text()
		now := time.Now()
		switch {
		case cur != nil && (strings.HasPrefix(line, "%end ") || strings.HasPrefix(line, "%error ")):
			cur.err = strings.HasPrefix(line, "%error ")
			if first {
				first = false // the answer to new-session itself
			} else {
				t.reply <- *cur
			}
			cur = nil
		case cur != nil:
			cur.lines = append(cur.lines, line)
		case strings.HasPrefix(line, "%begin "):
			cur = &block{at: now}
		case strings.HasPrefix(line, "%output "):
			pane, _, _ := strings.Cut(line[len("%output "):], " ")
			select {
			case t.output <- outputNote{pane: pane, at: now}:
			default: // nobody is waiting for this pane
			}
		case strings.HasPrefix(line, "%unlinked-window-close "), strings.HasPrefix(line, "%window-close "):
			select {
			case t.closed <- strings.Fields(line)[1]:
			default:
			}
		}
	}
}

// send writes a command without waiting for its answer, which the caller
// must then take from t.reply.
func (t *tmux) send(c string) time.Time {
	t.mu.Lock()
	defer t.mu.Unlock()
	at := time.Now()
	io.WriteString(t.in, c+"\n")
	return at
}

// run sends a command and waits for its answer.
func (t *tmux) run(c string) ([]string, error) {
	b, err := t.answer(c)
	return b.lines, err
}

// answer sends a command and returns its whole answer.
func (t *tmux) answer(c string) (block, error) {
	t.send(c)
	select {
	case b := <-t.reply:
		if b.err {
			return b, fmt.Errorf("%s", strings.Join(b.lines, " "))
		}
		return b, nil
	case <-time.After(10 * time.Second):
		return block{}, fmt.Errorf("tmux did not answer %q", c)
	case <-t.done:
		return block{}, fmt.Errorf("tmux ended")
	}
}

// drain forgets notifications already received.
func (t *tmux) drain() {
	for {
		select {
		case <-t.output:
		case <-t.closed:
		default:
			return
		}
	}
}

// waitFor waits until the pane's screen passes test, and returns when the
// output that made it arrived. The capture runs after each %output of the
// pane, and once more at the start (the screen may already pass).
func (t *tmux) waitFor(pane string, test func(screen []string) bool, limit time.Duration) (time.Time, []string, error) {
	deadline := time.After(limit)
	var last time.Time
	check := true
	for {
		if check {
			b, err := t.answer("capture-pane -p -t " + pane)
			if err != nil {
				return time.Time{}, nil, err
			}
			if test(b.lines) {
				// Notifications that arrived before the capture's answer
				// are already in t.output: take the newest for this pane.
				for drained := false; !drained; {
					select {
					case n := <-t.output:
						if n.pane == pane && n.at.Before(b.at) {
							last = n.at
						}
					default:
						drained = true
					}
				}
				return last, b.lines, nil
			}
			check = false
		}
		select {
		case n := <-t.output:
			if n.pane == pane {
				last, check = n.at, true
			}
		case <-deadline:
			lines, _ := t.run("capture-pane -p -t " + pane)
			return time.Time{}, lines, fmt.Errorf("the screen did not show what was awaited within %v", limit)
		case <-t.done:
			return time.Time{}, nil, fmt.Errorf("tmux ended")
		}
	}
}

func (t *tmux) close() {
	t.send("kill-server")
	t.in.Close()
	select {
	case <-t.done:
	case <-time.After(3 * time.Second):
		t.cmd.Process.Kill()
	}
	t.cmd.Wait()
}

// panePID returns the process ID of the program the pane runs.
func (t *tmux) panePID(pane string) (int, error) {
	out, err := t.run("display-message -p -t " + pane + " '#{pane_pid}'")
	if err != nil {
		return 0, err
	}
	if len(out) != 1 {
		return 0, fmt.Errorf("display-message said %q", out)
	}
	var pid int
	_, err = fmt.Sscan(out[0], &pid)
	return pid, err
}
