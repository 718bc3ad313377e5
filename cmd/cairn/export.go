package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/export"
	"github.com/cairn-run/cairn/safefile"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

// exportFlags are what cairn export is asked for.
type exportFlags struct {
	format, season, out string
	asJSON, salvage     bool
	plaintext           bool
}

func exportCmd(db *string) *cobra.Command {
	var f exportFlags
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the workbook out: Markdown to keep, a card to print, or JSON",
		Long: "Write the workbook out in one of three formats:\n\n" +
			"  md    a document to keep: a season's answers, values and experiments, themes with\n" +
			"        the sentences behind them, the goal ladder with its checks, and the journal's\n" +
			"        weeks.\n" +
			"  card  one page to print and put on the fridge: what matters most, the goals by\n" +
			"        column and this week's steps; 80 columns, at most 60 lines.\n" +
			"  json  everything, versioned as docs/export.md describes, for scripts and for\n" +
			"        cairn import. The default.\n\n" +
			"--season picks what to write: md and card write the current season unless told,\n" +
			"json writes every season and the whole journal unless told (with one season, its\n" +
			"runs). Without -o the document goes to standard output; with -o FILE it is written\n" +
			"whole or not at all, readable only by you. The workbook is only read, never changed,\n" +
			"and it can be open in cairn meanwhile.\n\n" +
			"--salvage writes whatever still reads back from a damaged workbook, read in a\n" +
			"separate process, and says on standard error what it left out (cairn check).\n\n" +
			"When the workbook is encrypted, so is the export: it is written with age under the\n" +
			"workbook's passphrase (-o FILE becomes FILE.age; standard output is armored text),\n" +
			"and opens with the stock age tool: age -d FILE.age. --plaintext writes it in the\n" +
			"open instead, with a warning.",
		Example: "  cairn export --format md -o season.md\n" +
			"  cairn export --format card | lpr\n" +
			"  cairn export --format md --season all -o every-season.md\n" +
			"  cairn export --format json -o cairn.json\n" +
			"  cairn export --json | jq '.journal.entries | length'\n" +
			"  cairn export --salvage --format md -o rescued.md",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runExport(cmd, *db, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "json", "the format: md, card or json")
	fl.StringVar(&f.season, "season", "", seasonUsage)
	fl.StringVarP(&f.out, "output", "o", "", "write to this file, whole or not at all, instead of standard output")
	fl.BoolVar(&f.salvage, "salvage", false, "write what still reads back from a damaged workbook")
	fl.BoolVar(&f.plaintext, "plaintext", false, "write an encrypted workbook's export unencrypted (you are warned)")
	addJSON(cmd, &f.asJSON, "print JSON: the same as --format json")
	addDB(cmd, db)
	return cmd
}

// exportMemory is the heap an export aims to stay within (a soft limit:
// the collector runs more often to keep to it, and never fails for it).
// An export holds one season and one run at a time, so what it keeps is
// small; the limit stops the garbage of reading a long season's themes
// from growing the process by as much again before it is collected.
const exportMemory = 32 << 20

func runExport(cmd *cobra.Command, db string, f exportFlags) error {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(exportMemory)
	}
	if f.asJSON {
		if cmd.Flags().Changed("format") && f.format != "json" {
			return fmt.Errorf("--json and --format %s ask for two formats; give one", f.format)
		}
		f.format = "json"
	}
	switch f.format {
	case "json", "md", "card":
	case "markdown":
		f.format = "md"
	default:
		return fmt.Errorf("there is no format %q: choose md, card or json", f.format)
	}
	path, err := dbPath(db)
	if err != nil {
		return err
	}
	if f.out != "" {
		if err := refuseWorkbook(path, f.out); err != nil {
			return err
		}
	}
	now := time.Now()
	var src *source
	if f.salvage {
		if err = unlockWorkbook(path); err != nil {
			return err
		}
		src, err = salvageSource(cmd, path)
	} else {
		src, err = storeSource(db)
	}
	if err != nil {
		return err
	}
	defer src.close()
	chosen, err := src.pick(f.season, f.format)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		if f.format == "json" {
			return src.writeJSON(w, chosen, f.season, now)
		}
		p, err := src.print(chosen, now)
		if err != nil {
			return err
		}
		if f.format == "card" {
			return export.Card(w, p)
		}
		return export.Markdown(w, p)
	}
	// A workbook whose state cannot be read is never taken for a plain
	// one: its export would be written in the clear.
	encrypted, err := workbookEncrypted(path)
	if err != nil {
		return fmt.Errorf("cairn could not tell whether %s is encrypted, so nothing was exported (an encrypted workbook's export is encrypted too): %w", path, explain(err))
	}
	sealed := encrypted && !f.plaintext
	switch {
	case encrypted && f.plaintext:
		fmt.Fprint(cmd.ErrOrStderr(), plaintextWarning)
	case f.plaintext:
		return errors.New("--plaintext is for an encrypted workbook, and this one is not encrypted: its exports are plain already")
	}
	if f.out != "" {
		// A file is not a pipe: the workbook stays open while it is
		// written, for a JSON export to stream a long journal.
		out := f.out
		if sealed {
			if !strings.HasSuffix(out, ".age") {
				out += ".age"
			}
			write = sealWith(write, false)
		}
		if err := safefile.Write(out, write); err != nil {
			return explain(err)
		}
		if sealed {
			fmt.Fprintf(cmd.ErrOrStderr(), "Written to %s, encrypted with age under %s. To read it: age -d %s\n", out, ageUnder(), shellWord(out))
		}
		return nil
	}
	if sealed {
		write = sealWith(write, true)
	}
	// Standard output may be a pager the runner reads at leisure: the
	// document is made, the workbook closed, and only then is it written.
	buf := &spool{dir: filepath.Dir(path)}
	defer buf.Close()
	if err := write(buf); err != nil {
		return explain(err)
	}
	src.close()
	_, err = buf.WriteTo(cmd.OutOrStdout())
	return err
}

// refuseWorkbook refuses to write a document over the workbook itself.
func refuseWorkbook(path, out string) error {
	target, err := os.Stat(out)
	if err != nil {
		return nil
	}
	for _, own := range []string{path, store.LockPath(path)} {
		if info, err := os.Stat(own); err == nil && os.SameFile(info, target) {
			return fmt.Errorf("-o %s is the workbook itself; choose another file", out)
		}
	}
	return nil
}

// source is what an export is made from: the workbook, read as it is, or
// what a salvage could read of it. Seasons are read one at a time as they
// are written, so an export holds one season and one run at a time,
// however many the workbook keeps.
type source struct {
	// headers are every season's header, oldest first.
	headers []workbook.Season
	// load reads season i of headers whole, with its goals' histories.
	load     func(i int) (workbook.Snapshot, error)
	current  string
	settings workbook.JournalSettings
	// scan calls fn with every run from first to last, oldest first.
	scan  func(first, last workbook.Day, fn func(workbook.Entry) bool) error
	close func()
}

func storeSource(db string) (*source, error) {
	st, err := openForReading(db)
	if err != nil {
		return nil, err
	}
	var once sync.Once
	src := &source{close: func() { once.Do(func() { st.Close() }) }}
	fail := func(err error) (*source, error) {
		st.Close()
		return nil, explain(err)
	}
	if src.headers, err = st.Seasons(); err != nil {
		return fail(err)
	}
	src.load = func(i int) (workbook.Snapshot, error) { return st.Whole(src.headers[i].ID) }
	switch cur, err := st.CurrentSeason(); {
	case err == nil:
		src.current = cur.ID
	case !errors.Is(err, store.ErrNotFound):
		return fail(err)
	}
	if src.settings, err = st.JournalSettings(); err != nil {
		return fail(err)
	}
	src.scan = func(first, last workbook.Day, fn func(workbook.Entry) bool) error {
		return st.JournalScan(first, last, false, fn)
	}
	return src, nil
}

// salvageSource reads what still reads back from a damaged workbook, in a
// child process, and says on standard error what it could not read.
func salvageSource(cmd *cobra.Command, path string) (*source, error) {
	r, doc, err := readInChild(path, "salvage")
	if err != nil {
		return nil, explain(err)
	}
	if doc == nil {
		return nil, fmt.Errorf("nothing in %s could be read: %s", path, problemWords(r))
	}
	c, err := doc.Contents()
	if err != nil {
		return nil, fmt.Errorf("what was read from %s does not hold together: %w", path, err)
	}
	if !r.Healthy() {
		fmt.Fprintf(cmd.ErrOrStderr(), "The workbook is damaged: %s. What follows is everything that still reads back whole (%s); cairn check says more.\n",
			problemWords(r), readableWords(r.Readable))
	}
	src := &source{current: c.Current, settings: workbook.DefaultJournalSettings(), close: func() {}}
	for _, s := range c.Seasons {
		src.headers = append(src.headers, s.Season)
	}
	src.load = func(i int) (workbook.Snapshot, error) { return c.Seasons[i], nil }
	if c.Settings != nil {
		src.settings = *c.Settings
	}
	src.scan = func(first, last workbook.Day, fn func(workbook.Entry) bool) error {
		for _, e := range c.Entries {
			if e.Day >= first && e.Day <= last && !fn(e) {
				break
			}
		}
		return nil
	}
	return src, nil
}

// problemWords counts a report's problems.
func problemWords(r store.Report) string {
	return count(len(r.Problems), "problem", "problems")
}

// pick returns the indexes in src.all of the seasons --season names; ""
// means every season for json, the current one otherwise.
func (src *source) pick(name, format string) ([]int, error) {
	if name == "" && format == "json" {
		name = "all"
	}
	headers := src.headers
	if len(headers) == 0 && (name == "all" || name == "") {
		if format == "card" {
			return nil, errors.New("there are no seasons yet, so no goals for a card: open cairn to begin the first")
		}
		return nil, nil
	}
	chosen, err := pickSeasons(headers, src.current, name, format != "card")
	if err != nil {
		return nil, err
	}
	var out []int
	for i, s := range headers {
		for _, c := range chosen {
			if c.ID == s.ID {
				out = append(out, i)
			}
		}
	}
	return out, nil
}

// span is the days season i of src.headers covers: from the day it began to
// the day before the next began, or to last for the newest.
func (src *source) span(i int, last workbook.Day) (workbook.Day, workbook.Day) {
	first := workbook.DayOf(src.headers[i].Started.Local())
	if i+1 < len(src.headers) {
		last = workbook.DayOf(src.headers[i+1].Started.Local()).AddDays(-1)
	}
	return first, max(first, last)
}

// names gathers the names the runner gave their own themes and values in
// every season, reading one season at a time.
func (src *source) names() (export.Names, error) {
	names := export.NewNames()
	for i := range src.headers {
		wb, err := src.load(i)
		if err != nil {
			return names, err
		}
		names.Add(wb)
	}
	return names, nil
}

// writeJSON writes the chosen seasons as the versioned JSON document: with
// every season, the whole journal; with some, the runs of their spans.
// Seasons and runs are read as they are written, one at a time.
func (src *source) writeJSON(w io.Writer, chosen []int, season string, now time.Time) error {
	names, err := src.names()
	if err != nil {
		return err
	}
	head := export.Document{Format: export.Format, Version: export.Version, Exported: now.UTC()}
	for _, i := range chosen {
		if src.headers[i].ID == src.current {
			head.Current = src.current
		}
	}
	seasons := func(yield func(workbook.Snapshot) bool) error {
		for _, i := range chosen {
			wb, err := src.load(i)
			if err != nil {
				return err
			}
			if !yield(wb) {
				return nil
			}
		}
		return nil
	}
	everything := len(chosen) == len(src.headers)
	entries := func(yield func(workbook.Entry) bool) error {
		if everything {
			return src.scan(store.FirstDay, store.LastDay, yield)
		}
		for _, i := range chosen {
			first, last := src.span(i, store.LastDay)
			stopped := false
			err := src.scan(first, last, func(e workbook.Entry) bool {
				stopped = !yield(e)
				return !stopped
			})
			if err != nil || stopped {
				return err
			}
		}
		return nil
	}
	return export.WriteJSONStream(w, head, seasons, names, src.settings, entries)
}

// print gathers what the Markdown and the card are made from: the chosen
// seasons' headers, each read whole only as it is written.
func (src *source) print(chosen []int, now time.Time) (export.Print, error) {
	today := workbook.DayOf(now)
	names, err := src.names()
	if err != nil {
		return export.Print{}, err
	}
	p := export.Print{Names: names, Settings: src.settings, Today: today, Made: now}
	for _, i := range chosen {
		_, last := src.span(i, today)
		p.Seasons = append(p.Seasons, export.PrintSeason{Snapshot: workbook.Snapshot{Season: src.headers[i]}, Last: last})
	}
	p.Load = func(j int) (workbook.Snapshot, error) { return src.load(chosen[j]) }
	err = src.scan(export.JournalFrom(p.Seasons, today), today, func(e workbook.Entry) bool {
		p.Journal = append(p.Journal, e)
		return true
	})
	return p, err
}
