package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/progress"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/activity"
	"github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/workbook"
)

// importBatch is how many runs go into the journal per transaction: one
// sync to disk per batch, not per run.
const importBatch = 500

func importRunsCmd(db *string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import-runs PATH",
		Short: "Add runs from a watch's files (GPX, TCX, FIT) to the journal",
		Long: "Add the runs in an activity file, or in every activity file in a folder (and the\n" +
			"folders inside it), to the journal. GPX, TCX and FIT files are read, gzipped or\n" +
			"not, such as the activities/ folder of a Strava bulk export. Each run becomes an\n" +
			"entry with its date, distance and time, waiting for how it felt.\n\n" +
			"A run already in the journal is recognised and left alone, however it was\n" +
			"exported, so importing the same folder again adds nothing; so is a run you\n" +
			"imported and then deleted. Activities that are not runs (rides, swims) are\n" +
			"skipped. A file that cannot be read is named on standard error while the rest\n" +
			"are imported; the command fails only when nothing could be read.",
		Example: "  cairn import-runs ~/Downloads/export_12345/activities\n" +
			"  cairn import-runs Morning_Run.fit\n" +
			"  cairn import-runs watch/ 2>problems.txt",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runImport(cmd, *db, args[0])
		},
	}
	addDB(cmd, db)
	return cmd
}

// readResult is what one file held.
type readResult struct {
	path string
	run  activity.Run
	err  error
}

// importReport counts what became of every file.
type importReport struct {
	files, added, known int
	notRuns             map[string]int
	undated             []string
	bad                 []readResult
}

func runImport(cmd *cobra.Command, db, path string) error {
	files, err := activity.Files(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("there is no file or folder at %s", path)
	case err != nil:
		return fmt.Errorf("read %s: %w", path, err)
	case len(files) == 0:
		return fmt.Errorf("there are no GPX, TCX or FIT files in %s", path)
	}
	st, err := openForWriting(db, "nothing was imported", "")
	if err != nil {
		return err
	}
	defer st.Close()

	bar := newImportProgress(cmd.ErrOrStderr(), len(files))
	defer bar.stop()
	now := time.Now()
	report := importReport{files: len(files), notRuns: map[string]int{}}
	for lo := 0; lo < len(files); lo += importBatch {
		chunk := files[lo:min(lo+importBatch, len(files))]
		var batch []workbook.Entry
		for _, r := range readAll(chunk, bar.done) {
			if e, ok := report.take(r, now); ok {
				batch = append(batch, e)
			}
		}
		added, err := st.ImportEntries(batch)
		if err != nil {
			return explain(err)
		}
		report.added += len(added)
		report.known += len(batch) - len(added)
	}
	bar.stop()
	report.print(cmd.OutOrStdout(), cmd.ErrOrStderr())
	if report.added == 0 && len(report.bad) > 0 && len(report.bad) == report.files {
		return fmt.Errorf("none of the %s could be read", count(len(files), "file", "files"))
	}
	return nil
}

// readAll reads files on every core, and returns the results in the
// files' order. done is told of each file read.
func readAll(files []string, done func()) []readResult {
	out := make([]readResult, len(files))
	next := atomic.Int64{}
	var wg sync.WaitGroup
	for range max(runtime.NumCPU(), 1) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				run, err := activity.ReadFile(files[i])
				out[i] = readResult{path: files[i], run: run, err: err}
				done()
			}
		})
	}
	wg.Wait()
	return out
}

// take turns one file's run into an entry, or counts why it is not one.
func (r *importReport) take(res readResult, now time.Time) (workbook.Entry, bool) {
	switch {
	case res.err != nil:
		r.bad = append(r.bad, res)
		return workbook.Entry{}, false
	case !res.run.IsRun():
		r.notRuns[res.run.Sport]++
		return workbook.Entry{}, false
	case res.run.Start.IsZero():
		r.undated = append(r.undated, res.path)
		return workbook.Entry{}, false
	}
	run := res.run
	e := workbook.Entry{
		ID: workbook.NewID(run.Start), Day: workbook.DayOf(run.Start.Local()), Start: run.Start,
		Metres: int(run.Metres + 0.5), Duration: run.Duration.Round(time.Second),
		Source:  workbook.Source{Kind: workbook.Imported, File: baseName(res.path), Fingerprint: run.Fingerprint},
		Created: now.UTC(), Updated: now.UTC(),
	}
	if p := journal.Check(e, workbook.DayOf(now), workbook.Kilometres); len(p) > 0 {
		r.bad = append(r.bad, readResult{path: res.path, err: errors.New(strings.TrimSuffix(p[0].Text, "."))})
		return workbook.Entry{}, false
	}
	return e, true
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

func (r importReport) print(out, errs io.Writer) {
	var line strings.Builder
	fmt.Fprintf(&line, "Imported %s from %s.", count(r.added, "run", "runs"), count(r.files, "file", "files"))
	if r.known > 0 {
		fmt.Fprintf(&line, " %s already in your journal.", count(r.known, "was", "were"))
	}
	if len(r.notRuns) > 0 {
		var kinds []string
		n := 0
		for sport, k := range r.notRuns {
			kinds = append(kinds, fmt.Sprintf("%s %d", sport, k))
			n += k
		}
		sort.Strings(kinds)
		fmt.Fprintf(&line, " %s (%s).", count(n, "was not a run", "were not runs"), strings.Join(kinds, ", "))
	}
	if r.added > 0 {
		line.WriteString(" They are waiting for how they felt: cairn journal lists them.")
	}
	fmt.Fprintln(out, line.String())
	if len(r.undated) > 0 {
		fmt.Fprintf(errs, "%s no time in %s, so no date; log %s with cairn log --date:\n",
			count(len(r.undated), "file has", "files have"), pronoun(len(r.undated), "it", "them"), pronoun(len(r.undated), "it", "them"))
		for _, p := range r.undated {
			fmt.Fprintf(errs, "  %s\n", p)
		}
	}
	if len(r.bad) > 0 {
		fmt.Fprintf(errs, "%s could not be read; the rest were imported:\n", count(len(r.bad), "file", "files"))
		for _, b := range r.bad {
			fmt.Fprintf(errs, "  %s: %v\n", b.path, b.err)
		}
	}
}

// count says "1 file" or "3 files", "1 was" or "3 were".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func pronoun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// importProgress draws a progress bar on a terminal's standard error while
// files are read; on a pipe it draws nothing.
type importProgress struct {
	w     io.Writer
	total int
	read  atomic.Int64
	quit  chan struct{}
	once  sync.Once
	wg    sync.WaitGroup
	bar   progress.Model
}

func newImportProgress(w io.Writer, total int) *importProgress {
	p := &importProgress{w: w, total: total, quit: make(chan struct{})}
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) || total < 2 {
		return p
	}
	p.bar = progress.New(progress.WithWidth(30), progress.WithColors(lipgloss.Color("#86bfae")), progress.WithoutPercentage())
	p.wg.Go(func() {
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.quit:
				fmt.Fprint(p.w, "\r\x1b[2K")
				return
			case <-tick.C:
				n := int(p.read.Load())
				fmt.Fprintf(p.w, "\r%s  %d of %d files read", p.bar.ViewAs(float64(n)/float64(p.total)), n, p.total)
			}
		}
	})
	return p
}

// done counts one file read.
func (p *importProgress) done() { p.read.Add(1) }

// stop clears the bar, once.
func (p *importProgress) stop() {
	p.once.Do(func() { close(p.quit) })
	p.wg.Wait()
}
