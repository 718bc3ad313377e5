// Command bench measures cairn against the targets of docs/PERFORMANCE.md
// and prints the table that document quotes. From a clone, with Go and
// tmux installed:
//
//	go run ./scripts/bench
//
// It builds cairn, the one-frame floor program (floor/) and a bare Bubble
// Tea program (bare/) into a temporary folder, makes workbooks of each
// size through the store's API (scripts/populate, scripts/populate-journal),
// and then, on one tmux server driven in control mode (tmux.go):
//
//   - times the first frame of the floor, the bare program and cairn on
//     every workbook, in shuffled rounds so that whatever else the machine
//     does falls on all of them alike (frames.go);
//   - times keys to the screen in answers of 200 B, 8 KB and 60 KB, and in
//     the bare program, and keys down the journal of 100,000 runs
//     (keys.go), and reads the app's peak memory there;
//   - times the shell commands on 100,000 runs beside an empty workbook,
//     the exports, `cairn themes` on growing text, and an import of GPX
//     files (shell.go);
//   - breaks a full season's first frame into its moments, with a build
//     of cairn that notes them (internal/starttrace).
//
// Every target is a ratio, or a bound, measured in this one run. The
// figures are medians of many tries; run it more than once on a shared
// machine. Flags make it shorter (-runs, -keys) or keep the files (-keep).
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

type config struct {
	runs, keys, scroll, tries, gpx int
	dir, root                      string
}

func main() {
	var c config
	keep := flag.String("keep", "", "build and keep everything in this folder (default: a temporary one, removed)")
	flag.IntVar(&c.runs, "runs", 30, "rounds of first frames")
	flag.IntVar(&c.keys, "keys", 80, "keys typed into each answer")
	flag.IntVar(&c.scroll, "scroll", 80, "keys down the journal")
	flag.IntVar(&c.tries, "tries", 9, "tries of each shell command")
	flag.IntVar(&c.gpx, "gpx", 10000, "GPX files to import (0: skip)")
	flag.Parse()
	start := time.Now()
	if err := run(&c, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	progress("done in %s", time.Since(start).Round(time.Second))
}

func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}

func run(c *config, keep string) error {
	root, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil || strings.TrimSpace(string(root)) == "" || strings.TrimSpace(string(root)) == os.DevNull {
		return fmt.Errorf("run it from inside the cairn repository: %v", err)
	}
	c.root = filepath.Dir(strings.TrimSpace(string(root)))
	if _, err := exec.LookPath("tmux"); err != nil {
		return fmt.Errorf("tmux is needed to drive the programs: %w", err)
	}
	if keep != "" {
		c.dir, err = filepath.Abs(keep)
		if err == nil {
			err = os.MkdirAll(c.dir, 0o755)
		}
	} else {
		c.dir, err = os.MkdirTemp("", "cairn-bench-")
		defer os.RemoveAll(c.dir)
	}
	if err != nil {
		return err
	}
	if err := build(c); err != nil {
		return err
	}
	if err := populate(c); err != nil {
		return err
	}
	t, err := startTmux(fmt.Sprintf("cairn-bench-%d", os.Getpid()), 100, 30)
	if err != nil {
		return err
	}
	defer t.close()
	// Interrupted, it leaves no tmux server or files behind.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		<-sigs
		t.close()
		if keep == "" {
			os.RemoveAll(c.dir)
		}
		os.Exit(130)
	}()

	var r results
	r.machine = machine()
	if err := measureFrames(c, t, &r); err != nil {
		return err
	}
	if err := measureKeys(c, t, &r); err != nil {
		return err
	}
	if err := measureShell(c, &r); err != nil {
		return err
	}
	if err := measureBreakdown(c, t, &r); err != nil {
		return err
	}
	r.print(os.Stdout, c)
	return nil
}

// build compiles the programs measured, and the ones that make workbooks.
func build(c *config) error {
	progress("building into %s", c.dir)
	for _, b := range []struct{ out, pkg, tags string }{
		{"cairn", "./cmd/cairn", ""},
		{"cairn-trace", "./cmd/cairn", "starttrace"},
		{"floor", "./scripts/bench/floor", ""},
		{"bare", "./scripts/bench/bare", ""},
		{"populate", "./scripts/populate", ""},
		{"populate-journal", "./scripts/populate-journal", ""},
	} {
		args := []string{"build", "-o", filepath.Join(c.dir, b.out)}
		if b.tags != "" {
			args = append(args, "-tags", b.tags)
		}
		cmd := exec.Command("go", append(args, b.pkg)...)
		cmd.Dir = c.root
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", b.pkg, err, out)
		}
	}
	return nil
}

// The workbooks, by file name.
const (
	emptyDB   = "empty.db"   // a first season begun, nothing in it
	fullDB    = "full.db"    // a full season: 8 answers of 2 KB, 12 goals
	seasonsDB = "seasons.db" // 20 full seasons
	goalsDB   = "goals.db"   // a season with 10,000 goals
	runsDB    = "runs.db"    // 100,000 runs in the journal
	bigDB     = "big.db"     // 100 seasons of 8 answers of 64 KB
	a200DB    = "a200.db"    // open on an answer of 200 B
	a8kDB     = "a8k.db"     // of 8 KB
	a60kDB    = "a60k.db"    // of 60 KB
)

// populate makes the workbooks through the store's API, as the app would
// have written them.
func populate(c *config) error {
	progress("making workbooks")
	for _, w := range []struct {
		file string
		args []string
	}{
		{emptyDB, []string{"populate", "-empty"}},
		{fullDB, []string{"populate"}},
		{seasonsDB, []string{"populate", "-seasons", "20"}},
		{goalsDB, []string{"populate", "-goals", "10000"}},
		{runsDB, []string{"populate-journal", "-n", "100000"}},
		{bigDB, []string{"populate", "-seasons", "100", "-answer", "65536"}},
		{a200DB, []string{"populate", "-answer", "200"}},
		{a8kDB, []string{"populate", "-answer", "8192"}},
		{a60kDB, []string{"populate", "-answer", "61440"}},
	} {
		path := filepath.Join(c.dir, w.file)
		for _, old := range []string{path, path + ".lock"} {
			os.Remove(old)
		}
		cmd := exec.Command(filepath.Join(c.dir, w.args[0]), append(w.args[1:], path)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%s: %v\n%s", strings.Join(w.args, " "), err, out)
		}
	}
	return nil
}

// cairn is argv for the app on a workbook.
func (c *config) cairn(db string) []string {
	return []string{filepath.Join(c.dir, "cairn"), "--db", filepath.Join(c.dir, db)}
}

func measureFrames(c *config, t *tmux, r *results) error {
	progs := []program{
		{name: "floor", argv: []string{filepath.Join(c.dir, "floor")}, marker: firstScreen},
		{name: "bare", argv: []string{filepath.Join(c.dir, "bare")}, marker: firstScreen},
		{name: "empty", argv: c.cairn(emptyDB), marker: firstScreen},
		{name: "full", argv: c.cairn(fullDB), marker: firstScreen},
		{name: "seasons", argv: c.cairn(seasonsDB), marker: firstScreen},
		{name: "goals", argv: c.cairn(goalsDB), marker: firstScreen},
		{name: "runs", argv: c.cairn(runsDB), marker: firstScreen},
	}
	res, err := t.firstFrames(progs, c.runs, func(s string) { progress("%s", s) })
	if err != nil {
		return err
	}
	r.frames = res
	return nil
}

func measureKeys(c *config, t *tmux, r *results) error {
	rng := rand.New(rand.NewPCG(3, 5))
	r.keys = map[string][]time.Duration{}
	var ts []*typist
	for _, k := range []struct {
		name string
		argv []string
	}{
		{"bare", []string{filepath.Join(c.dir, "bare")}},
		{"200B", c.cairn(a200DB)},
		{"8KB", c.cairn(a8kDB)},
		{"60KB", c.cairn(a60kDB)},
	} {
		pane, _, err := t.open(program{name: k.name, argv: k.argv})
		if err != nil {
			return err
		}
		if k.name != "bare" {
			// Welcome back: continue where you left off, on the answer.
			if _, _, err := t.waitFor(pane, shows(firstScreen), 10*time.Second); err != nil {
				return fmt.Errorf("keys %s: %w", k.name, err)
			}
			if _, err := t.run("send-keys -t " + pane + " Enter"); err != nil {
				return err
			}
		}
		ts = append(ts, &typist{name: k.name, pane: pane})
	}
	progress("keys: %d into each answer, in turns", c.keys)
	if err := t.typing(ts, c.keys, rng); err != nil {
		return err
	}
	for _, ty := range ts {
		r.keys[ty.name] = ty.took
		if err := t.quit(ty.pane); err != nil {
			return err
		}
	}

	progress("keys: the journal of 100,000 runs")
	pane, _, err := t.open(program{name: "journal", argv: c.cairn(runsDB)})
	if err != nil {
		return err
	}
	if _, _, err := t.waitFor(pane, shows(firstScreen), 10*time.Second); err != nil {
		return err
	}
	pid, err := t.panePID(pane)
	if err != nil {
		return err
	}
	if _, err := t.run("send-keys -t " + pane + " C-o"); err != nil {
		return err
	}
	r.scroll, err = t.scrolling(pane, c.scroll, rng)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	r.appRSS, err = peakRSS(pid)
	if err != nil {
		return err
	}
	return t.quit(pane)
}
