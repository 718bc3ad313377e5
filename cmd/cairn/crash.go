package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/tui"
)

// A fault in cairn itself (a panic) must not look like a normal exit, must
// leave the terminal as it found it, and must never print the runner's
// words. Bubble Tea catches a panic, restores the terminal and prints the
// panic's value; left alone, it prints whatever the value holds, and Run's
// error was read as the program being killed: cairn exited 0.
//
// guard sits between Bubble Tea and the workbook's root. A panic in the
// root's Init, Update or View, or in a command it returned, is caught
// first by guard: the details go to a crash file (crashFile), and the
// panic goes on to Bubble Tea with a value that only names that file. The
// last model that finished an Update is kept, so what the runner typed can
// still be saved.

// exitCrashed is cairn's status after a fault of its own.
const exitCrashed = 3

// testPanic is nil in every ordinary build. The terminal tests' build
// (tags testclock, crash_testclock.go) sets it to panic on a key, so a
// real crash can be driven in a real terminal.
var testPanic func(tea.Msg)

// crashed is the value the guard panics with after writing the crash
// file: what Bubble Tea prints.
type crashed struct{ file string }

func (c crashed) String() string {
	if c.file == "" {
		return "cairn stopped on a fault of its own; its details could not be written down"
	}
	return "cairn stopped on a fault of its own; its details (none of your words) are in " + c.file
}

// guardState is shared by every copy of a guard, across goroutines.
type guardState struct {
	folder string // where crash files go

	mu   sync.Mutex
	last tui.Model
	file string // the crash file, once written
	err  error  // why it could not be written
	hit  bool
}

// guard is the root model Bubble Tea runs: tui.Model, watched.
type guard struct {
	root  tui.Model
	state *guardState
}

func newGuard(root tui.Model, folder string) guard {
	return guard{root: root, state: &guardState{folder: folder, last: root}}
}

func (g guard) Init() tea.Cmd {
	defer g.state.catch()
	return g.state.wrap(g.root.Init())
}

func (g guard) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	defer g.state.catch()
	if testPanic != nil {
		testPanic(msg)
	}
	next, cmd := g.root.Update(msg)
	root := next.(tui.Model)
	g.state.mu.Lock()
	g.state.last = root
	g.state.mu.Unlock()
	return guard{root: root, state: g.state}, g.state.wrap(cmd)
}

func (g guard) View() tea.View {
	defer g.state.catch()
	return g.root.View()
}

// wrap runs cmd under the guard, and the commands of a batch it returns.
// (A sequence's commands are run by Bubble Tea itself, past the guard;
// Bubble Tea still restores the terminal and Run still fails.)
func (s *guardState) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		defer s.catch()
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for i := range batch {
				batch[i] = s.wrap(batch[i])
			}
		}
		return msg
	}
}

// catch is deferred by every guarded call: it turns a panic into a crash
// file and panics on with a value that names only the file.
func (s *guardState) catch() {
	r := recover()
	if r == nil {
		return
	}
	if c, ok := r.(crashed); ok {
		panic(c) // caught already, further down the stack
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.hit {
		s.hit = true
		s.file, s.err = writeCrash(s.folder, r, debug.Stack(), time.Now())
	}
	panic(crashed{file: s.file})
}

// outcome is what the guard saw: whether a panic was caught, the crash
// file, and the last model that finished an Update.
func (s *guardState) outcome() (hit bool, file string, err error, last tui.Model) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hit, s.file, s.err, s.last
}

// writeCrash writes a crash file into folder, mode 0600, and returns its
// path. It holds what a bug report needs and nothing the runner wrote: the
// build, the time, the panic's value only when the Go runtime made it (an
// index out of range, a nil map: words of the runtime's own), otherwise
// just its type, and the stack, whose frames show arguments as numbers.
func writeCrash(folder string, r any, stack []byte, at time.Time) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "cairn stopped on a fault of its own at %s.\n", at.UTC().Format(time.RFC3339))
	fmt.Fprintf(&b, "Nothing you wrote is in this file. It is for a bug report.\n\n")
	fmt.Fprintf(&b, "build: %s\n", buildWords())
	fmt.Fprintf(&b, "go: %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(&b, "fault: %s\n\n", faultWords(r))
	b.Write(stack)

	if err := os.MkdirAll(folder, 0o700); err != nil {
		return "", err
	}
	name := filepath.Join(folder, "cairn-crash-"+at.UTC().Format("20060102-150405")+".txt")
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		f, err = os.CreateTemp(folder, "cairn-crash-"+at.UTC().Format("20060102-150405")+"-*.txt")
		if f != nil {
			name = f.Name()
		}
	}
	if err != nil {
		return "", err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return "", err
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return "", err
	}
	return name, f.Close()
}

// faultWords is the panic's value as the crash file shows it.
func faultWords(r any) string {
	if err, ok := r.(runtime.Error); ok {
		return err.Error()
	}
	return fmt.Sprintf("a %T (its value is left out: it could hold your words)", r)
}

// buildWords names the build of cairn that crashed.
func buildWords() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	words := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
			words += " " + s.Key + "=" + s.Value
		}
	}
	return words
}
