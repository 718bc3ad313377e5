package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"
)

// The commands run from the shell, timed from start to exit with their
// peak memory (the kernel's maxrss: everything resident, the workbook's
// mapped pages included).

// shellRun is one command's time, peak memory and output size.
type shellRun struct {
	took time.Duration
	rss  int64 // bytes
	out  int64 // bytes written to standard output
}

// counter counts what is written to it, and keeps none of it.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// shell runs argv once with its output thrown away.
func shell(argv []string) (shellRun, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	var out counter
	var errs strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errs
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return shellRun{}, fmt.Errorf("%s: %v\n%s", strings.Join(argv, " "), err, errs.String())
	}
	took := time.Since(start)
	var rss int64
	if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(u.Maxrss) << 10 // KiB on Linux
	}
	return shellRun{took: took, rss: rss, out: out.n}, nil
}

// shellJob is a command timed beside another: the same job on a small
// workbook, or a smaller input.
type shellJob struct {
	name string
	argv []string
}

// shellRounds runs every job tries times, in a shuffled order each round
// after one round of warm-up, and returns each one's runs. Jobs named
// alike but for what follows their last "/" (journal/empty and
// journal/runs) run back to back, in either order, so that each round
// compares the two at one moment of the machine (pairRatio).
func shellRounds(jobs []shellJob, tries int, rng *rand.Rand) (map[string][]shellRun, error) {
	out := map[string][]shellRun{}
	groups := map[string][]int{}
	var names []string
	for i, j := range jobs {
		g := j.name[:strings.LastIndex(j.name, "/")+1]
		if _, ok := groups[g]; !ok {
			names = append(names, g)
		}
		groups[g] = append(groups[g], i)
	}
	for round := 0; round <= tries; round++ {
		var order []int
		for _, gi := range rng.Perm(len(names)) {
			g := groups[names[gi]]
			for _, k := range rng.Perm(len(g)) {
				order = append(order, g[k])
			}
		}
		for _, i := range order {
			r, err := shell(jobs[i].argv)
			if err != nil {
				return nil, err
			}
			if round > 0 {
				out[jobs[i].name] = append(out[jobs[i].name], r)
			}
		}
	}
	return out, nil
}

func measureShell(c *config, r *results) error {
	rng := rand.New(rand.NewPCG(11, 17))
	cairn := func(db string, args ...string) []string { return append(c.cairn(db), args...) }

	progress("shell: log, journal, status")
	var jobs []shellJob
	for _, db := range []struct{ name, file string }{{"empty", emptyDB}, {"runs", runsDB}} {
		jobs = append(jobs,
			shellJob{"log/" + db.name, cairn(db.file, "log", "5k", "28:30", "--enjoy", "4", "--note", "bench")},
			shellJob{"journal/" + db.name, cairn(db.file, "journal", "-n", "10")},
			shellJob{"status/" + db.name, cairn(db.file, "status")},
		)
	}
	var err error
	if r.shell, err = shellRounds(jobs, c.tries*4, rng); err != nil {
		return err
	}

	progress("shell: exports")
	exports := []shellJob{
		{"json/empty", cairn(emptyDB, "export", "--format", "json")},
		{"json/full", cairn(fullDB, "export", "--format", "json")},
		{"json/runs", cairn(runsDB, "export", "--format", "json")},
		{"json/big", cairn(bigDB, "export", "--format", "json")},
		{"md/big", cairn(bigDB, "export", "--format", "md", "--season", "all")},
		{"json/runs-file", cairn(runsDB, "export", "--format", "json", "-o", filepath.Join(c.dir, "runs.json"))},
	}
	ex, err := shellRounds(exports, max(c.tries/3, 2), rng)
	if err != nil {
		return err
	}
	for k, v := range ex {
		r.shell[k] = v
	}

	progress("shell: themes")
	var themes []shellJob
	for _, f := range []struct {
		name string
		size int
		sep  string
	}{
		{"tiny", 1 << 10, "\n\n"},
		{"256KB", 256 << 10, "\n\n"},
		{"1MB", 1 << 20, "\n\n"},
		{"1MB-one", 1 << 20, " "},
	} {
		path := filepath.Join(c.dir, "themes-"+f.name+".txt")
		if err := os.WriteFile(path, []byte(writing(f.size, f.sep)), 0o600); err != nil {
			return err
		}
		themes = append(themes, shellJob{"themes/" + f.name, cairn(emptyDB, "themes", path)})
	}
	th, err := shellRounds(themes, c.tries, rng)
	if err != nil {
		return err
	}
	for k, v := range th {
		r.shell[k] = v
	}

	if c.gpx > 0 {
		progress("shell: importing %d GPX files", c.gpx)
		dir := filepath.Join(c.dir, "gpx")
		os.RemoveAll(dir)
		cmd := exec.Command(filepath.Join(c.dir, "populate-journal"), "-n", fmt.Sprint(c.gpx), "-activities", dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("populate-journal -activities: %v\n%s", err, out)
		}
		db := filepath.Join(c.dir, "import.db")
		os.Remove(db)
		os.Remove(db + ".lock")
		run, err := shell([]string{filepath.Join(c.dir, "cairn"), "--db", db, "import-runs", dir})
		if err != nil {
			return err
		}
		r.gpx = run
		os.RemoveAll(dir)
	}
	return nil
}

// answers are what runners write, in the bench's own words: the text
// `cairn themes` reads, repeated to size.
var answers = []string{
	"Mostly it is how I feel. I left the watch at home on easy days this year and the runs got kinder. " +
		"I still look at the week's distance on Sunday night, and the kudos from the club is nice, but a pace on every run made me anxious.",
	"I want to run the coast path with my brother one summer, a few days with light packs and a bed at the end of each. " +
		"Thursday club nights are half the reason I run at all; we finish at the café and talk for an hour.",
	"Racing is not for me. I did a 10k once and hated the crowd at the start and the feeling of being last. " +
		"I would rather run with friends on Sunday and stop to look at the view.",
	"Running keeps my head straight. When work piles up a run is the one thing that settles me, " +
		"and I am calmer with the kids after it. I feel strong now, which I never did at school.",
	"My week is full: two children, a job and a partner on shifts. I run at six before anyone wakes, three days a week, " +
		"and long on Saturday. It is the one hour that is mine and I lose it every December.",
}

// writing is size bytes of answers, each followed by sep: "\n\n" makes
// paragraphs (a source each), " " one long source.
func writing(size int, sep string) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(answers[i%len(answers)])
		b.WriteString(sep)
	}
	return b.String()[:size]
}

// peakRSS reads a running process's peak resident memory, in bytes.
func peakRSS(pid int) (int64, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			if _, err := fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), &kb); err != nil {
				return 0, err
			}
			return kb << 10, nil
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/%d/status", pid)
}

// machine says what the figures were measured on.
func machine() string {
	model := "unknown CPU"
	if raw, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(raw), "\n") {
			if rest, ok := strings.CutPrefix(line, "model name"); ok {
				model = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ":"))
				break
			}
		}
	}
	load := ""
	if raw, err := os.ReadFile("/proc/loadavg"); err == nil {
		load = strings.Join(strings.Fields(string(raw))[:3], " ")
	}
	go_, _ := exec.Command("go", "env", "GOVERSION").Output()
	return fmt.Sprintf("%s, %d cores, %s, load average %s at the start", model, runtime.NumCPU(), strings.TrimSpace(string(go_)), load)
}

// pairRatio is the median, over the rounds, of job a's time over job b's
// in the same round.
func pairRatio(runs map[string][]shellRun, a, b string) float64 {
	var rs []float64
	for i := range min(len(runs[a]), len(runs[b])) {
		rs = append(rs, float64(runs[a][i].took)/float64(runs[b][i].took))
	}
	if len(rs) == 0 {
		return 0
	}
	slices.Sort(rs)
	return rs[len(rs)/2]
}
