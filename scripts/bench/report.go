package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// results is everything one run of the bench measured.
type results struct {
	machine string
	frames  map[string][]time.Duration
	keys    map[string][]time.Duration
	scroll  []time.Duration
	appRSS  int64
	shell   map[string][]shellRun
	gpx     shellRun
	// detect is theme detection's time per call in each case of the
	// detect package's benchmark, and detectBytes the text each reads.
	detect      map[string][]time.Duration
	detectBytes map[string]int64
	// moments are the start-up's moments, median time from the command
	// that opened the window, in the order they happen.
	moments []moment
}

type moment struct {
	name string
	at   time.Duration
}

// quantile returns the q-quantile of ds (nearest rank).
func quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(float64(len(s))*q+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}

func p50(ds []time.Duration) time.Duration { return quantile(ds, 0.5) }
func p95(ds []time.Duration) time.Duration { return quantile(ds, 0.95) }

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }

func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }

func ratio(a, b time.Duration) float64 { return float64(a) / float64(b) }

// took is the median time of a shell job's runs; rss their largest peak.
func (r *results) took(job string) time.Duration {
	var ds []time.Duration
	for _, s := range r.shell[job] {
		ds = append(ds, s.took)
	}
	return p50(ds)
}

func (r *results) rss(job string) int64 {
	var most int64
	for _, s := range r.shell[job] {
		most = max(most, s.rss)
	}
	return most
}

func (r *results) out(job string) int64 {
	if runs := r.shell[job]; len(runs) > 0 {
		return runs[0].out
	}
	return 0
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

// workbooks are the first-frame programs on cairn, in the table's order;
// sized are the sizes the first-frame targets name.
var workbooks = []struct {
	name, words string
	sized       bool
}{
	{"empty", "cairn, empty workbook", true},
	{"full", "cairn, a full season", true},
	{"seasons", "cairn, 20 seasons", true},
	{"runs", "cairn, 100,000 runs", true},
	{"goals", "cairn, 10,000 goals in a season", false},
}

// print writes the tables docs/PERFORMANCE.md quotes.
func (r *results) print(w io.Writer, c *config) {
	fmt.Fprintf(w, "Measured %s on %s.\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"), r.machine)

	floor, bare := p50(r.frames["floor"]), p50(r.frames["bare"])
	fmt.Fprintf(w, "First frame, tmux 100×30, %d rounds:\n\n", c.runs)
	fmt.Fprintln(w, "| program | p50 | p95 | p50 ÷ floor | p50 ÷ bare |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	row := func(name, words string) {
		ds := r.frames[name]
		fmt.Fprintf(w, "| %s | %s | %s | %.2f× | %.2f× |\n", words, ms(p50(ds)), ms(p95(ds)), ratio(p50(ds), floor), ratio(p50(ds), bare))
	}
	row("floor", "floor: one frame, no library")
	row("bare", "bare Bubble Tea v2")
	var slow, fast time.Duration
	for _, wb := range workbooks {
		row(wb.name, wb.words)
		if !wb.sized {
			continue
		}
		d := p50(r.frames[wb.name])
		if fast == 0 || d > slow {
			slow = d
		}
		if fast == 0 || d < fast {
			fast = d
		}
	}

	fmt.Fprintf(w, "\nKey to screen, %d keys each (a letter, then backspace):\n\n", c.keys)
	fmt.Fprintln(w, "| where | p50 | p95 |")
	fmt.Fprintln(w, "|---|---|---|")
	for _, k := range []struct{ name, words string }{
		{"bare", "bare Bubble Tea v2, one line"},
		{"200B", "cairn, an answer of 200 B"},
		{"8KB", "cairn, an answer of 8 KB"},
		{"60KB", "cairn, an answer of 60 KB"},
	} {
		fmt.Fprintf(w, "| %s | %s | %s |\n", k.words, ms(p50(r.keys[k.name])), ms(p95(r.keys[k.name])))
	}
	fmt.Fprintf(w, "| cairn, down the journal of 100,000 runs (%d keys) | %s | %s |\n", c.scroll, ms(p50(r.scroll)), ms(p95(r.scroll)))

	fmt.Fprintf(w, "\nFrom the shell, median of %d (journal commands, each beside the same on the other workbook) or %d (exports):\n\n", c.tries*4, max(c.tries/3, 2))
	fmt.Fprintln(w, "| command | empty workbook | 100,000 runs | ratio (median of each round's) |")
	fmt.Fprintln(w, "|---|---|---|---|")
	worstShell := 0.0
	for _, cmd := range []string{"log", "journal", "status"} {
		e, n := r.took(cmd+"/empty"), r.took(cmd+"/runs")
		rt := pairRatio(r.shell, cmd+"/runs", cmd+"/empty")
		worstShell = max(worstShell, rt)
		words := map[string]string{"log": "`cairn log 5k 28:30 …`", "journal": "`cairn journal -n 10`", "status": "`cairn status`"}[cmd]
		fmt.Fprintf(w, "| %s | %s | %s | %.2f× |\n", words, ms(e), ms(n), rt)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| export | time | peak RSS | output |")
	fmt.Fprintln(w, "|---|---|---|---|")
	var worstRSS int64
	for _, e := range []struct{ job, words string }{
		{"json/empty", "JSON, empty workbook"},
		{"json/full", "JSON, a full season"},
		{"json/runs", "JSON, 100,000 runs, to a pipe"},
		{"json/runs-file", "JSON, 100,000 runs, `-o FILE`"},
		{"json/big", "JSON, 100 seasons × 8 answers × 64 KB"},
		{"md/big", "Markdown, every season of the same"},
	} {
		worstRSS = max(worstRSS, r.rss(e.job))
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", e.words, ms(r.took(e.job)), mib(r.rss(e.job)), mib(r.out(e.job)))
	}

	// Themes: the time above a tiny file's (the process and the model
	// loading), per byte, at two sizes and as one source.
	base := r.took("themes/tiny")
	perMB := func(job string, size float64) float64 {
		return float64(r.took(job)-base) / 1e6 / size
	}
	t256, t1, tOne := perMB("themes/256KB", 0.25), perMB("themes/1MB", 1), perMB("themes/1MB-one", 1)
	perMBOf := func(name string) float64 {
		if r.detectBytes[name] == 0 {
			return 0
		}
		return float64(p50(r.detect[name])) / 1e6 / (float64(r.detectBytes[name]) / (1 << 20))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| `cairn themes FILE` | time | above a 1 KB file, per MB |")
	fmt.Fprintln(w, "|---|---|---|")
	fmt.Fprintf(w, "| 1 KB | %s | |\n", ms(base))
	fmt.Fprintf(w, "| 256 KB in paragraphs | %s | %.0f ms |\n", ms(r.took("themes/256KB")), t256)
	fmt.Fprintf(w, "| 1 MB in paragraphs | %s | %.0f ms |\n", ms(r.took("themes/1MB")), t1)
	fmt.Fprintf(w, "| 1 MB as one paragraph | %s | %.0f ms |\n", ms(r.took("themes/1MB-one")), tOne)

	fmt.Fprintln(w)
	fmt.Fprintln(w, "| `detect.Detect` (go test -bench, median of 5) | per call | per MB |")
	fmt.Fprintln(w, "|---|---|---|")
	for _, name := range []string{"season", "100KB-paragraphs", "1MB-paragraphs", "1MB-one-source", "1MB-lines"} {
		fmt.Fprintf(w, "| %s | %s | %.0f ms |\n", name, ms(p50(r.detect[name])), perMBOf(name))
	}

	if len(r.moments) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Start-up of a full season, median of each moment (build tag starttrace):")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| moment | since the window was asked for | step |")
		fmt.Fprintln(w, "|---|---|---|")
		var prev time.Duration
		for _, m := range r.moments {
			fmt.Fprintf(w, "| %s | %s | %s |\n", m.name, ms(m.at), ms(m.at-prev))
			prev = m.at
		}
	}

	// The targets.
	worstFrame := ratio(slow, floor)
	k60, k200 := p95(r.keys["60KB"]), p95(r.keys["200B"])
	worstKey := max(p95(r.keys["200B"]), p95(r.keys["8KB"]), k60)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| target | measured | met |")
	fmt.Fprintln(w, "|---|---|---|")
	fmt.Fprintf(w, "| first frame ≤ 3× the floor, every target size (p50) | %.2f× (slowest: %s) | %s |\n", worstFrame, ms(slow), met(worstFrame <= 3))
	fmt.Fprintf(w, "| workbook sizes within 1.3× of each other (p50, slowest ÷ fastest) | %.2f× | %s |\n", ratio(slow, fast), met(ratio(slow, fast) <= 1.3))
	goals := ratio(p50(r.frames["goals"]), p50(r.frames["full"]))
	fmt.Fprintf(w, "| (not a target size) 10,000 goals ÷ a full season's 12, p50 | %.2f× | %s |\n", goals, map[bool]string{true: "flat", false: "grows"}[goals <= 1.3])
	fmt.Fprintf(w, "| key to screen p95 ≤ 17 ms, any answer | %s | %s |\n", ms(worstKey), met(worstKey <= 17*time.Millisecond))
	fmt.Fprintf(w, "| p95 in 60 KB ≤ 1.5× p95 in 200 B | %.2f× | %s |\n", ratio(k60, k200), met(ratio(k60, k200) <= 1.5))
	fmt.Fprintf(w, "| journal commands on 100,000 runs ≤ 1.3× empty | %.2f× (worst) | %s |\n", worstShell, met(worstShell <= 1.3))
	fmt.Fprintf(w, "| journal scroll p95 ≤ 17 ms at 100,000 runs | %s | %s |\n", ms(p95(r.scroll)), met(p95(r.scroll) <= 17*time.Millisecond))
	if c.gpx > 0 {
		fmt.Fprintf(w, "| %d GPX files import in < 30 s | %s | %s |\n", c.gpx, r.gpx.took.Round(10*time.Millisecond), met(r.gpx.took < 30*time.Second))
	}
	fmt.Fprintf(w, "| export peak RSS < 64 MiB, any file | %s (worst) | %s |\n", mib(worstRSS), met(worstRSS < 64<<20))
	fmt.Fprintf(w, "| 100,000 runs to JSON < 2 s | %s | %s |\n", ms(r.took("json/runs")), met(r.took("json/runs") < 2*time.Second))
	p100, p1, pOne, pLines := perMBOf("100KB-paragraphs"), perMBOf("1MB-paragraphs"), perMBOf("1MB-one-source"), perMBOf("1MB-lines")
	lin := max(p1/p100, pOne/p1, pLines/p1)
	fmt.Fprintf(w, "| theme detection linear: per MB, 1 MB ÷ 100 KB; one source, one-line paragraphs ÷ paragraphs (each ≤ 1.3×) | %.2f×; %.2f×, %.2f× | %s |\n", p1/p100, pOne/p1, pLines/p1, met(lin <= 1.3))
	season := p50(r.detect["season"])
	fmt.Fprintf(w, "| a full season's themes < 1 ms after the first call | %.3f ms | %s |\n", float64(season)/1e6, met(season < time.Millisecond))
	fmt.Fprintf(w, "| app peak RSS < 40 MiB at 100,000 runs (after %d keys down the journal) | %s | %s |\n", c.scroll, mib(r.appRSS), met(r.appRSS < 40<<20))
}

// measureBreakdown times a full season's first frame with a build of
// cairn that notes the moments of its start-up, and takes each moment's
// median.
func measureBreakdown(c *config, t *tmux, r *results) error {
	progress("start-up breakdown")
	trace := filepath.Join(c.dir, "trace.txt")
	p := program{name: "trace", argv: []string{filepath.Join(c.dir, "cairn-trace"), "--db", filepath.Join(c.dir, fullDB)}, marker: firstScreen, trace: trace}
	at := map[string][]time.Duration{}
	var order []string
	for i := 0; i <= c.runs; i++ {
		os.Remove(trace)
		visible, err := t.firstFrame(p)
		if err != nil {
			return err
		}
		if i == 0 {
			continue // warm-up
		}
		raw, err := os.ReadFile(trace)
		if err != nil {
			return fmt.Errorf("the traced build wrote no trace: %w", err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
			f := strings.Fields(line)
			if len(f) != 2 {
				continue
			}
			us, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				continue
			}
			if _, ok := at[f[0]]; !ok {
				order = append(order, f[0])
			}
			at[f[0]] = append(at[f[0]], time.Duration(us)*time.Microsecond)
		}
		if _, ok := at["visible"]; !ok {
			order = append(order, "visible")
		}
		at["visible"] = append(at["visible"], visible)
	}
	for _, name := range order {
		r.moments = append(r.moments, moment{name, p50(at[name])})
	}
	slices.SortStableFunc(r.moments, func(a, b moment) int { return int(a.at - b.at) })

	progress("theme detection (go test -bench ./detect)")
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "^BenchmarkDetect$", "-benchtime", "5x", "-count", "5", "./detect")
	cmd.Dir = c.root
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("go test -bench ./detect: %v\n%s", err, out)
	}
	r.detect = map[string][]time.Duration{}
	r.detectBytes = map[string]int64{}
	for _, m := range benchLine.FindAllStringSubmatch(string(out), -1) {
		ns, _ := strconv.ParseFloat(m[2], 64)
		r.detect[m[1]] = append(r.detect[m[1]], time.Duration(ns))
		if mbs, err := strconv.ParseFloat(m[3], 64); err == nil && mbs > 0 {
			r.detectBytes[m[1]] = int64(mbs * 1e6 * ns / 1e9)
		}
	}
	return nil
}

// benchLine is a line of BenchmarkDetect's output: the case, ns/op, MB/s.
var benchLine = regexp.MustCompile(`BenchmarkDetect/(\S+?)(?:-\d+)?\s+\d+\s+([0-9.]+) ns/op\s+([0-9.]+) MB/s`)
