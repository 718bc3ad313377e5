package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/export"
	"github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

// The journal from the shell: `cairn log` writes one run, `cairn journal`
// reads them back, as quickly as a one-line journal tool does.

// writeWait is how long a command that writes waits for another to be
// done with the workbook. cairn open in a window holds it until it quits:
// then the command says so, and writes nothing.
const writeWait = 2 * time.Second

// openForWriting opens the workbook to write what a command was asked to,
// saying plainly, if cairn is open elsewhere or the workbook is damaged
// (checked first, as the app checks it), that nothing was written and
// what to do.
func openForWriting(db, nothing, instead string, opts ...store.Option) (*store.Store, error) {
	path, err := dbPath(db)
	if err != nil {
		return nil, err
	}
	if err := unlockWorkbook(path); err != nil {
		return nil, err
	}
	var checked bool
	st, err := store.Open(path, append([]store.Option{store.WaitForEditor(writeWait), checkFirst(path, &checked)}, opts...)...)
	var found *damageFound
	switch {
	case errors.Is(err, store.ErrLocked):
		return nil, fmt.Errorf("%w, so %s.\nQuit cairn there and run this again%s", err, nothing, instead)
	case errors.As(err, &found):
		return nil, exitWith(exitDamaged, fmt.Errorf("%s is damaged (%s), so %s: cairn writes nothing to a damaged workbook.\ncairn check says what is wrong and how to go back to a copy that is whole",
			path, problemWords(found.report), nothing))
	}
	if err != nil {
		return nil, explain(err)
	}
	return st, nil
}

// openForReading opens the workbook read-only, saying where to start when
// there is none yet. It reads a workbook open in cairn in another window;
// while it is open, that window's saves wait for it, so a command reads
// what it needs, closes, and only then writes its output (which may be a
// pipe to a pager, read at leisure).
func openForReading(db string) (*store.Store, error) {
	path, err := dbPath(db)
	if err != nil {
		return nil, err
	}
	if err := unlockWorkbook(path); err != nil {
		return nil, err
	}
	st, err := store.OpenReadOnly(path)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("no workbook at %s yet — log a run with cairn log, or open cairn first", path)
	}
	if err != nil {
		return nil, explain(err)
	}
	return st, nil
}

// logFlags are what `cairn log` is told besides the distance and time.
type logFlags struct {
	date                 string
	enjoy, before, after int
	tags                 []string
	fits                 []string
	tried                string
	note                 string
}

func logCmd(db *string) *cobra.Command {
	var f logFlags
	cmd := &cobra.Command{
		Use:   "log [DISTANCE] [TIME]",
		Short: "Write a run in the journal",
		Long: "Write one run in the journal: how far and how long, how much you enjoyed it, how\n" +
			"you felt before and after, what kind of run it was and a note. Everything is\n" +
			"optional but the date, which is today unless you say otherwise.\n\n" +
			"DISTANCE is 5k, 10 km, 3.1mi, half, marathon, or a number in your unit (km\n" +
			"unless you chose miles). TIME is 28:30, 1:05:00, 1h05 or 45m. Scores go from\n" +
			"1 to 5. A kind of run you have not used before is added to your list.",
		Example: "  cairn log 5k 28:30 --enjoy 4 --before 2 --after 4 --tag group --note \"hill loop\"\n" +
			"  cairn log 10k 52:10 --date yesterday\n" +
			"  cairn log 8 mi 1:05:00\n" +
			"  cairn log half 1:58:03 --date 2026-11-30 --tag race\n" +
			"  cairn log 45m --enjoy 5 --fit belonging=5 --tried belonging\n" +
			"  pbpaste | cairn log 8k --note -",
		// A unit may come as an argument of its own ("8 mi 1:05:00"):
		// distanceAndTime joins it and says when too much is left.
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLog(cmd, *db, args, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.date, "date", "today", "the day of the run: today, yesterday, last monday, 2026-11-30, 30 nov")
	fl.IntVar(&f.enjoy, "enjoy", 0, "how much you enjoyed it, 1 to 5")
	fl.IntVar(&f.before, "before", 0, "how you felt before, 1 to 5")
	fl.IntVar(&f.after, "after", 0, "how you felt after, 1 to 5")
	fl.StringArrayVar(&f.tags, "tag", nil, "a kind of run (solo, with others, long, …); repeat for more")
	fl.StringArrayVar(&f.fits, "fit", nil, "how well it fit one of your values, VALUE=1..5 (its name or ID); repeat for more")
	fl.StringVar(&f.tried, "tried", "", "the value (one of yours) whose experiment this run tried")
	fl.StringVar(&f.note, "note", "", "a note; - reads it from standard input")
	addDB(cmd, db)
	return cmd
}

func runLog(cmd *cobra.Command, db string, args []string, f logFlags) error {
	now := time.Now()
	if f.note == "-" {
		text, err := readText(cmd.InOrStdin(), "standard input")
		if err != nil {
			return err
		}
		f.note = strings.TrimRight(text, "\n")
	}
	st, err := openForWriting(db, "the run was not logged", ", or log it there with ctrl+l")
	if err != nil {
		return err
	}
	defer st.Close()
	settings, err := st.JournalSettings()
	if err != nil {
		return explain(err)
	}
	e, err := entryFromFlags(cmd, st, args, f, settings.Unit, now)
	if err != nil {
		return err
	}
	if journal.Blank(e) {
		return errors.New("nothing to log: give a distance, a time or how it felt (cairn log 5k 28:30 --enjoy 4)")
	}
	if err := journal.Validate(e, workbook.DayOf(now), settings.Unit); err != nil {
		return fmt.Errorf("%w\nNothing was logged", err)
	}
	next, added := settings.AddTags(e.Tags...)
	if len(added) > 0 {
		if err := st.SaveJournalSettings(next); err != nil {
			return explain(err)
		}
	}
	if err := st.PutEntry(e); err != nil {
		return explain(err)
	}
	line := fmt.Sprintf("Logged %s: %s.", journal.LongDate(e.Day), journal.Describe(e, settings.Unit))
	if len(added) > 0 {
		line += fmt.Sprintf(" New kind of run: %s.", strings.Join(added, ", "))
	}
	fmt.Fprintln(cmd.OutOrStdout(), line)
	return nil
}

// entryFromFlags builds the entry the command line describes. Each value
// is read as it was typed; nothing is clamped.
func entryFromFlags(cmd *cobra.Command, st *store.Store, args []string, f logFlags, unit workbook.Unit, now time.Time) (workbook.Entry, error) {
	e := workbook.Entry{ID: workbook.NewID(now), Created: now.UTC(), Updated: now.UTC(), Note: f.note, Source: workbook.Source{Kind: workbook.Logged}}
	day, err := journal.ParseDate(f.date, now)
	if err != nil {
		return e, fmt.Errorf("--date: %w", err)
	}
	e.Day = day
	if e.Metres, e.Duration, err = distanceAndTime(args, unit); err != nil {
		return e, err
	}
	for _, s := range []struct {
		flag  string
		value int
		to    *workbook.Score
	}{{"enjoy", f.enjoy, &e.Enjoyment}, {"before", f.before, &e.Before}, {"after", f.after, &e.After}} {
		if !cmd.Flags().Changed(s.flag) {
			continue
		}
		if s.value < 1 || s.value > 5 {
			return e, fmt.Errorf("--%s goes from 1 to 5, not %d", s.flag, s.value)
		}
		*s.to = workbook.Score(s.value)
	}
	for _, t := range f.tags {
		if t = workbook.Tag(t); t != "" && !slices.Contains(e.Tags, t) {
			e.Tags = append(e.Tags, t)
		}
	}
	if len(f.fits) > 0 || f.tried != "" {
		values, err := chosenValues(st)
		if err != nil {
			return e, err
		}
		for _, fit := range f.fits {
			name, score, ok := strings.Cut(fit, "=")
			n, err := parseScore(score)
			if !ok || err != nil {
				return e, fmt.Errorf("--fit %s: write it as VALUE=1..5, such as --fit belonging=4", fit)
			}
			ref, err := findValue(values, name)
			if err != nil {
				return e, fmt.Errorf("--fit %s: %w", fit, err)
			}
			if e.Fit == nil {
				e.Fit = map[workbook.Ref]workbook.Score{}
			}
			e.Fit[ref] = n
		}
		if f.tried != "" {
			if e.Experiment, err = findValue(values, f.tried); err != nil {
				return e, fmt.Errorf("--tried %s: %w", f.tried, err)
			}
		}
	}
	return e, nil
}

func parseScore(s string) (workbook.Score, error) {
	var n int
	if _, err := fmt.Sscan(strings.TrimSpace(s), &n); err != nil || n < 1 || n > 5 {
		return 0, errors.New("a score goes from 1 to 5")
	}
	return workbook.Score(n), nil
}

// distanceAndTime reads the command's arguments: a distance then a time,
// or just one of them. A lone argument is a time if it has a colon, or if
// it reads as a time (45m, 1h05) and not as a distance; otherwise it is
// the distance.
func distanceAndTime(args []string, unit workbook.Unit) (int, time.Duration, error) {
	args = joinUnits(args, unit)
	if len(args) > 2 {
		return 0, 0, fmt.Errorf("cairn log takes a distance and a time, such as 8 mi 1:05:00; %q is one more than that", args[2])
	}
	switch len(args) {
	case 0:
		return 0, 0, nil
	case 1:
		if strings.Contains(args[0], ":") {
			d, err := journal.ParseDuration(args[0])
			return 0, d, err
		}
		metres, distErr := journal.ParseDistance(args[0], unit)
		if distErr == nil {
			return metres, 0, nil
		}
		if d, err := journal.ParseDuration(args[0]); err == nil {
			return 0, d, nil
		}
		return 0, 0, fmt.Errorf("%w; or, for a time, try 28:30 or 45m", distErr)
	}
	metres, err := journal.ParseDistance(args[0], unit)
	if err != nil {
		return 0, 0, err
	}
	d, err := journal.ParseDuration(args[1])
	if err != nil {
		return 0, 0, err
	}
	return metres, d, nil
}

// joinUnits joins a unit given as an argument of its own to the number
// before it, as the form teaches them: "8 mi", "10 km", "45 min", "half
// marathon". A word joins only when the two read together as a distance
// or a time and it holds no digit, so "10 45m" stays ten and 45 minutes.
func joinUnits(args []string, unit workbook.Unit) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		if i+1 < len(args) && !strings.ContainsAny(args[i+1], "0123456789:") {
			both := args[i] + " " + args[i+1]
			_, distErr := journal.ParseDistance(both, unit)
			_, timeErr := journal.ParseDuration(both)
			if distErr == nil || timeErr == nil {
				out = append(out, both)
				i++
				continue
			}
		}
		out = append(out, args[i])
	}
	return out
}

// chosenValues are the values of the current season, with their names.
func chosenValues(st *store.Store) ([]workbook.ValueChoice, error) {
	season, err := st.CurrentSeason()
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, explain(err)
	}
	wb, err := st.Workbook(season.ID)
	if err != nil {
		return nil, explain(err)
	}
	return wb.Values, nil
}

// findValue finds a value by its ID or name among the runner's chosen
// values. A run fits or tries only a value the runner picked, as in the
// journal's form: one of the catalog's not picked is refused with the way
// to pick it, rather than kept beside values the runner never chose.
func findValue(chosen []workbook.ValueChoice, name string) (workbook.Ref, error) {
	name = strings.TrimSpace(name)
	for _, v := range chosen {
		if strings.EqualFold(v.ID, name) || strings.EqualFold(catalog.ValueName(v.ID, v.Name), name) {
			return v.Ref(), nil
		}
	}
	var names []string
	for _, v := range chosen {
		names = append(names, catalog.ValueName(v.ID, v.Name))
	}
	yours := "you have not picked any yet"
	if len(names) > 0 {
		yours = "yours are " + orList(names)
	}
	for _, v := range catalog.Values() {
		if strings.EqualFold(v.ID, name) || strings.EqualFold(v.Name, name) {
			return workbook.Ref{}, fmt.Errorf("%s is not one of your values (%s): pick it in the values step in cairn first", v.Name, yours)
		}
	}
	if len(names) == 0 {
		return workbook.Ref{}, fmt.Errorf("there is no value %q, and you have not picked any yet: the values step in cairn lists them all", name)
	}
	return workbook.Ref{}, fmt.Errorf("there is no value %q: your values are %s", name, orList(names))
}

// journalFlags are what `cairn journal` is asked to show.
type journalFlags struct {
	n         int
	from, to  string
	contains  string
	tags      []string
	season    string
	onThisDay bool
	asJSON    bool
}

func journalCmd(db *string) *cobra.Command {
	var f journalFlags
	cmd := &cobra.Command{
		Use:   "journal",
		Short: "Show the runs in the journal, one line each",
		Long: "Show the runs in your journal, oldest first, one line each: the day, how far and\n" +
			"how long, how it felt, its kinds and its note.\n\n" +
			"-n keeps the latest N runs that match. --from and --to take dates the way you\n" +
			"say them (last monday, 2 weeks ago, 2026-11-30, 30 nov). --tag can be given more\n" +
			"than once: a run must be of every kind named. --contains finds a word in the\n" +
			"note or the kinds, in any case. --season keeps the runs from the day a season\n" +
			"began to the day before the next began. The workbook is only read, never changed,\n" +
			"and can be open in cairn meanwhile.",
		Example: "  cairn journal -n 10\n" +
			"  cairn journal --from \"2 weeks ago\"\n" +
			"  cairn journal --from 2026-11-01 --to 2026-11-30 --tag long\n" +
			"  cairn journal --tag \"with others\" --tag race\n" +
			"  cairn journal --contains hill --json | jq '.[].metres'\n" +
			"  cairn journal --on-this-day\n" +
			"  cairn journal --season current --json",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runJournal(cmd, *db, f)
		},
	}
	fl := cmd.Flags()
	fl.IntVarP(&f.n, "n", "n", 0, "show only the latest N runs that match")
	fl.StringVar(&f.from, "from", "", "runs on or after this day")
	fl.StringVar(&f.to, "to", "", "runs on or before this day")
	fl.StringVar(&f.contains, "contains", "", "runs whose note or kinds hold this word")
	fl.StringArrayVar(&f.tags, "tag", nil, "runs of this kind; repeat to ask for runs of every kind named")
	fl.BoolVar(&f.onThisDay, "on-this-day", false, "runs on today's date in every year")
	fl.StringVar(&f.season, "season", "", seasonUsage)
	addJSON(cmd, &f.asJSON, "print the runs as a JSON array (the export's entry shape)")
	addDB(cmd, db)
	return cmd
}

// journalQuery is a `cairn journal` request, checked.
type journalQuery struct {
	first, last workbook.Day
	contains    string
	tags        []string
}

func (q journalQuery) matches(e workbook.Entry) bool {
	for _, t := range q.tags {
		if !e.HasTag(t) {
			return false
		}
	}
	if q.contains == "" {
		return true
	}
	if strings.Contains(strings.ToLower(e.Note), q.contains) {
		return true
	}
	return slices.ContainsFunc(e.Tags, func(t string) bool { return strings.Contains(t, q.contains) })
}

func runJournal(cmd *cobra.Command, db string, f journalFlags) error {
	now := time.Now()
	q := journalQuery{first: store.FirstDay, last: store.LastDay, contains: strings.ToLower(strings.TrimSpace(f.contains))}
	if f.n < 0 {
		return fmt.Errorf("-n %d: give how many runs to show, 1 or more", f.n)
	}
	var err error
	if f.from != "" {
		if q.first, err = journal.ParseDate(f.from, now); err != nil {
			return fmt.Errorf("--from: %w", err)
		}
	}
	if f.to != "" {
		if q.last, err = journal.ParseDate(f.to, now); err != nil {
			return fmt.Errorf("--to: %w", err)
		}
	}
	if q.last < q.first {
		return fmt.Errorf("--from %s is after --to %s: nothing can be in between", q.first, q.last)
	}
	for _, t := range f.tags {
		if t = workbook.Tag(t); t == "" {
			return errors.New("--tag needs a kind of run, such as --tag long")
		} else if !slices.Contains(q.tags, t) {
			q.tags = append(q.tags, t)
		}
	}
	st, err := openForReading(db)
	if err != nil {
		return err
	}
	defer st.Close()
	settings, err := st.JournalSettings()
	if err != nil {
		return explain(err)
	}
	if f.season != "" {
		first, last, err := seasonSpan(st, f.season)
		if err != nil {
			return err
		}
		q.first, q.last = max(q.first, first), min(q.last, last)
	}
	var names export.Names
	if f.asJSON {
		all, err := st.All()
		if err != nil {
			return explain(err)
		}
		names = export.NamesOf(all)
	}
	// Everything is read first and written once the workbook is closed.
	var out bytes.Buffer
	p := newPrinter(&out, settings.Unit, f.asJSON, names)
	switch {
	case f.onThisDay:
		err = printOnThisDay(st, q, f.n, workbook.DayOf(now), p)
	case f.n == 0:
		// Everything that matches, oldest first, printed as it is read.
		err = st.JournalScan(q.first, q.last, false, func(e workbook.Entry) bool {
			if q.matches(e) {
				return p.print(e)
			}
			return true
		})
	default:
		// The latest n, found newest first and printed oldest first.
		var latest []workbook.Entry
		err = st.JournalScan(q.first, q.last, true, func(e workbook.Entry) bool {
			if q.matches(e) {
				latest = append(latest, e)
			}
			return len(latest) < f.n
		})
		slices.Reverse(latest)
		for _, e := range latest {
			p.print(e)
		}
	}
	if err != nil {
		return explain(err)
	}
	if err := p.close(); err != nil {
		return err
	}
	st.Close()
	if _, err := out.WriteTo(cmd.OutOrStdout()); err != nil {
		return err
	}
	if p.n == 0 && !f.asJSON {
		fmt.Fprintln(cmd.ErrOrStderr(), "No runs to show. Log one with: cairn log 5k 28:30")
	}
	return nil
}

// printOnThisDay prints the runs on today's month and day, year by year,
// seeking to each day rather than reading the journal through.
func printOnThisDay(st *store.Store, q journalQuery, n int, today workbook.Day, p *printer) error {
	oldest, _, err := st.JournalPage("", 1, false)
	if err != nil || len(oldest) == 0 {
		return err
	}
	first, _, _ := oldest[0].Day.Date()
	last, month, day := today.Date()
	var found []workbook.Entry
	for y := first; y <= last; y++ {
		d := workbook.MakeDay(y, month, day)
		if _, m, dd := d.Date(); m != month || dd != day || d < q.first || d > q.last {
			continue // 29 February in a year without one
		}
		err := st.JournalScan(d, d, false, func(e workbook.Entry) bool {
			if q.matches(e) {
				found = append(found, e)
			}
			return true
		})
		if err != nil {
			return err
		}
	}
	if n > 0 && len(found) > n {
		found = found[len(found)-n:]
	}
	for _, e := range found {
		p.print(e)
	}
	return nil
}

// printer writes entries one line each, or as a JSON array.
type printer struct {
	w      io.Writer
	unit   workbook.Unit
	asJSON bool
	names  export.Names
	n      int
	err    error
}

func newPrinter(w io.Writer, unit workbook.Unit, asJSON bool, names export.Names) *printer {
	return &printer{w: w, unit: unit, asJSON: asJSON, names: names}
}

// print writes one entry, and reports whether to go on.
func (p *printer) print(e workbook.Entry) bool {
	if p.err != nil {
		return false
	}
	if !p.asJSON {
		_, p.err = fmt.Fprintln(p.w, entryLine(e, p.unit))
		p.n++
		return p.err == nil
	}
	sep := ",\n  "
	if p.n == 0 {
		sep = "[\n  "
	}
	var raw []byte
	if raw, p.err = json.Marshal(export.EntryOf(e, p.names)); p.err == nil {
		_, p.err = fmt.Fprintf(p.w, "%s%s", sep, raw)
	}
	p.n++
	return p.err == nil
}

func (p *printer) close() error {
	if p.err != nil || !p.asJSON {
		return p.err
	}
	if p.n == 0 {
		_, err := io.WriteString(p.w, "[]\n")
		return err
	}
	_, err := io.WriteString(p.w, "\n]\n")
	return err
}

// entryLine is one run on one line: "2026-11-30 Mon  5 km in 28:30 (5:42
// /km) · enjoyment 4 · felt 2 → 4  [with others]  hill loop".
func entryLine(e workbook.Entry, unit workbook.Unit) string {
	var b strings.Builder
	b.WriteString(e.Day.Time().Format("2006-01-02 Mon"))
	b.WriteString("  ")
	b.WriteString(journal.Describe(e, unit))
	if len(e.Tags) > 0 {
		b.WriteString("  [" + strings.Join(e.Tags, ", ") + "]")
	}
	if note := strings.Join(strings.Fields(e.Note), " "); note != "" {
		b.WriteString("  " + note)
	}
	return b.String()
}

// seasonSpan is the days of the season --season names: from the day it
// began to the day before the next began (open-ended for the newest, and
// every day for "all").
func seasonSpan(st *store.Store, name string) (workbook.Day, workbook.Day, error) {
	if strings.EqualFold(strings.TrimSpace(name), "all") {
		return store.FirstDay, store.LastDay, nil
	}
	seasons, err := st.Seasons()
	if err != nil {
		return 0, 0, explain(err)
	}
	current, err := st.CurrentSeason()
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return 0, 0, explain(err)
	}
	chosen, err := pickSeasons(seasons, current.ID, name, true)
	if err != nil {
		return 0, 0, err
	}
	for i, s := range seasons {
		if s.ID != chosen[0].ID {
			continue
		}
		first, last := workbook.DayOf(s.Started.Local()), store.LastDay
		if i+1 < len(seasons) {
			last = workbook.DayOf(seasons[i+1].Started.Local()).AddDays(-1)
		}
		return first, last, nil
	}
	return store.FirstDay, store.LastDay, nil
}
