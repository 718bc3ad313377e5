package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/export"
	"github.com/cairn-run/cairn/store"
)

// cairn check, and the child that reads
//
// A badly damaged workbook can crash the process reading it: a fault in
// bbolt's mapped pages, one of its assertions, a corrupt pointer. So
// whatever reads a workbook that may be damaged (cairn check, the app's
// check at start, the recovery mode's salvage, export --salvage) runs in
// a child: cairn itself again with the hidden flag --child, which reads
// the file and writes what it found to its standard output as JSON lines,
// each problem as soon as it is found. The parent reads those lines; a
// child that dies is damage too, reported with whatever it found first.

// Exit statuses of cairn check.
const (
	exitHealthy   = 0
	exitDamaged   = 1
	exitUnchecked = 2
)

// childTimeout bounds how long a child may read; a file that takes longer
// is reported as one that could not be read.
const childTimeout = 5 * time.Minute

// childLine is one line the child writes.
type childLine struct {
	Problem *store.Problem   `json:"problem,omitempty"`
	Report  *store.Report    `json:"report,omitempty"`
	Doc     *export.Document `json:"document,omitempty"`
	// Error is why the file could not be checked at all, and Kind which
	// sentinel it was: "not-found", "not-cairn", "newer", "locked".
	Error string `json:"error,omitempty"`
	Kind  string `json:"kind,omitempty"`
}

func checkCmd(db *string) *cobra.Command {
	var (
		asJSON bool
		child  string
	)
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check that every word in the workbook reads back as it was saved",
		Long: "Check the workbook file: both of its header pages, its length, bbolt's own\n" +
			"consistency check, and every record: its checksum, its contents, and that it sits\n" +
			"where it belongs. It reads the file in a separate process, so even a badly damaged\n" +
			"file is reported rather than crashing anything, and it never changes the file. It\n" +
			"works while cairn has the workbook open, and on a backup (--db FILE.bak).\n\n" +
			"The exit status is 0 when the workbook is healthy, 1 when damage was found, and 2\n" +
			"when the file could not be checked at all (no file, not a workbook). When damage is\n" +
			"found, check says what can still be read and names the latest backup that is whole.",
		Example: "  cairn check\n" +
			"  cairn check --db ~/.local/share/cairn/cairn.db.daily-2026-12-02.bak\n" +
			"  cairn check --json | jq '.problems[].what'",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := dbPath(*db)
			if err != nil {
				return err
			}
			if child != "" {
				receiveKeys(cmd.InOrStdin())
				return runChild(cmd.OutOrStdout(), path, child)
			}
			if err := unlockWorkbook(path); err != nil {
				return err
			}
			return runCheck(cmd, path, asJSON)
		},
	}
	addDB(cmd, db)
	addJSON(cmd, &asJSON, "print the report as JSON")
	cmd.Flags().StringVar(&child, "child", "", "read the workbook as the child process of check or salvage")
	cmd.Flags().MarkHidden("child")
	return cmd
}

// runChild is the child: it reads path and writes what it finds as JSON
// lines. mode is "check", "quick" (the app's check at start,
// store.CheckQuick) or "salvage".
func runChild(w io.Writer, path, mode string) error {
	out := bufio.NewWriter(w)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	say := func(l childLine) {
		enc.Encode(l)
		out.Flush() // each line out as it is found, in case reading kills us
	}
	fail := func(err error) error {
		say(childLine{Error: err.Error(), Kind: errorKind(err)})
		return nil
	}
	switch mode {
	case "check", "quick":
		check := store.Check
		if mode == "quick" {
			check = store.CheckQuick
		}
		r, err := check(path, func(p store.Problem) { say(childLine{Problem: &p}) })
		if err != nil {
			return fail(err)
		}
		say(childLine{Report: &r})
	case "salvage":
		keep, r, err := store.Salvage(path)
		if err != nil {
			return fail(err)
		}
		doc := export.Build(keep.Seasons, time.Now())
		doc.Current = keep.Current
		tags := keep.Settings.Tags
		if tags == nil {
			tags = []string{}
		}
		j := &export.Journal{Unit: keep.Settings.Unit.String(), Tags: tags, Plan: keep.Settings.Plan, Entries: []export.Entry{}}
		names := export.NamesOf(keep.Seasons)
		for _, e := range keep.Entries {
			j.Entries = append(j.Entries, export.EntryOf(e, names))
		}
		doc.Journal = j
		say(childLine{Report: &r, Doc: &doc})
	default:
		return fmt.Errorf("--child %q: check, quick or salvage", mode)
	}
	return nil
}

// errorKind names the sentinel behind err, for the parent to rebuild it.
func errorKind(err error) string {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return "not-found"
	case errors.Is(err, store.ErrNotCairn):
		return "not-cairn"
	case errors.Is(err, store.ErrNewerSchema):
		return "newer"
	case errors.Is(err, store.ErrLocked):
		return "locked"
	case errors.Is(err, store.ErrEncrypted):
		return "encrypted"
	}
	return ""
}

// childError rebuilds the child's error: its words, and the sentinel
// behind them for errors.Is.
func childError(l childLine) error {
	for kind, sentinel := range map[string]error{"not-found": store.ErrNotFound, "not-cairn": store.ErrNotCairn, "newer": store.ErrNewerSchema, "locked": store.ErrLocked, "encrypted": store.ErrEncrypted} {
		if l.Kind == kind {
			return &wrapped{msg: l.Error, err: sentinel}
		}
	}
	return errors.New(l.Error)
}

// wrapped is an error's words from elsewhere, with the sentinel they
// stand for.
type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return w.msg }
func (w *wrapped) Unwrap() error { return w.err }

// readInChild runs cairn as the child reading path in mode and returns
// its report and, for a salvage, the document of what it read. An error
// means the file could not be read at all (no file, not a workbook); a
// child that died is a problem in the report.
func readInChild(path, mode string) (store.Report, *export.Document, error) {
	self, err := os.Executable()
	if err != nil {
		return store.Report{}, nil, fmt.Errorf("find cairn itself to check the workbook with: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), childTimeout)
	defer cancel()
	child := exec.CommandContext(ctx, self, "check", "--db", path, "--child", mode)
	var stdout, stderr, keys bytes.Buffer
	if err := sendKeys(&keys); err != nil {
		return store.Report{}, nil, err
	}
	child.Stdin, child.Stdout, child.Stderr = &keys, &stdout, &stderr
	runErr := child.Run()

	r := store.Report{Path: path, Problems: []store.Problem{}, Notes: []string{}}
	var doc *export.Document
	finished := false
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 0, 64<<10), export.MaxImportBytes)
	for sc.Scan() {
		var l childLine
		if json.Unmarshal(sc.Bytes(), &l) != nil {
			continue
		}
		switch {
		case l.Error != "":
			return r, nil, childError(l)
		case l.Report != nil:
			r, doc, finished = *l.Report, l.Doc, true
		case l.Problem != nil:
			r.Problems = append(r.Problems, *l.Problem)
		}
	}
	if !finished {
		why := "it stopped"
		var exit *exec.ExitError
		switch {
		case ctx.Err() != nil:
			why = fmt.Sprintf("it took longer than %v", childTimeout)
		case errors.As(runErr, &exit):
			why = "it stopped: " + exit.String()
		case runErr != nil:
			return r, nil, fmt.Errorf("check %s: %w", path, runErr)
		}
		r.Problems = append(r.Problems, store.Problem{Where: "the file",
			What: "reading it stopped cairn's check (" + why + "): it is damaged where cairn cannot read it safely"})
		r.Incomplete = true
	}
	return r, doc, nil
}

// damageFound is what the check before opening reports when the
// workbook is damaged: the report, for the recovery mode.
type damageFound struct {
	report store.Report
}

func (e *damageFound) Error() string {
	return fmt.Sprintf("%s is damaged (%s)", e.report.Path, problemWords(e.report))
}

func (e *damageFound) Unwrap() error { return store.ErrDamaged }

// checkFirst is the store.CheckFirst of every cairn that writes to a
// workbook: the app and the commands that write. A workbook already there
// is checked in a child process, the way the app checks it at start
// (store.CheckQuick), before this process maps it; a damaged one fails
// Open with a *damageFound, and nothing is written to it. checked is set
// when the file was there and passed. A file that is not a workbook at
// all, or is newer, is left for store.Open to refuse in its own words; a
// file that could not be checked is not opened.
func checkFirst(path string, checked *bool) store.Option {
	return store.CheckFirst(func() error {
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			return nil // a new workbook: nothing to check
		}
		r, _, err := readInChild(path, "quick")
		switch {
		case errors.Is(err, store.ErrNotCairn), errors.Is(err, store.ErrNewerSchema), errors.Is(err, store.ErrNotFound):
			return nil
		case err != nil:
			return fmt.Errorf("cairn could not check %s before opening it, so it did not open it: %w", path, err)
		case !r.Healthy():
			return &damageFound{report: r}
		}
		*checked = true
		return nil
	})
}

// goodBackup finds the newest copy beside the workbook that passes the
// check, or nil.
func goodBackup(path string) *store.BackupFile {
	for i, b := range store.Backups(path) {
		if i == 10 {
			break // older copies than ten are unlikely to be wanted
		}
		if r, _, err := readInChild(b.Path, "check"); err == nil && r.Healthy() {
			return &b
		}
	}
	return nil
}

// checkJSON is what cairn check --json prints.
type checkJSON struct {
	store.Report
	Healthy bool        `json:"healthy"`
	Backup  *backupJSON `json:"backup"`
}

type backupJSON struct {
	Path string    `json:"path"`
	Kind string    `json:"kind"`
	Made time.Time `json:"made"`
}

func runCheck(cmd *cobra.Command, path string, asJSON bool) error {
	r, _, err := readInChild(path, "check")
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			err = fmt.Errorf("there is no workbook at %s", path)
		}
		return exitWith(exitUnchecked, explain(err))
	}
	var backup *store.BackupFile
	if !r.Healthy() {
		backup = goodBackup(path)
	}
	out := cmd.OutOrStdout()
	if asJSON {
		j := checkJSON{Report: r, Healthy: r.Healthy()}
		if backup != nil {
			j.Backup = &backupJSON{Path: backup.Path, Kind: backup.Kind, Made: backup.Made.UTC()}
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(j); err != nil {
			return err
		}
	} else if err := printStyled(out, checkText(r, backup, newOutStyles())); err != nil {
		return err
	}
	if !r.Healthy() {
		return exitWith(exitDamaged, nil)
	}
	return nil
}

// checkText says what the check found, in plain words, and what to do.
func checkText(r store.Report, backup *store.BackupFile, st outStyles) string {
	var b strings.Builder
	read := readableWords(r.Readable)
	if r.Healthy() {
		fmt.Fprintf(&b, "%s %s\n", st.Title.Render("Healthy:"), r.Path)
		fmt.Fprintf(&b, "  %s read back whole.\n", capitalize(read))
		if !r.LastSaved.IsZero() {
			fmt.Fprintf(&b, "  Last saved %s.\n", r.LastSaved.Local().Format("2 January 2006 at 15:04"))
		}
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "  %s %s\n", st.Muted.Render("Note:"), n)
		}
		return b.String()
	}
	fmt.Fprintf(&b, "%s %s\n", st.Title.Render("Damaged:"), r.Path)
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "  • %s: %s\n", placeWords(p.Where), p.What)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "  %s %s\n", st.Muted.Render("Note:"), n)
	}
	if r.Incomplete {
		b.WriteString("  How much still reads back is not known: the check stopped before the end.\n")
	} else {
		fmt.Fprintf(&b, "  What still reads back whole: %s.\n", read)
	}
	b.WriteString("\n" + st.Title.Render("What to do") + "\n")
	b.WriteString(damageAdvice(r.Path, backup))
	return b.String()
}

// damageAdvice is what to do about a damaged workbook: keep it, save
// what reads, and go back to the latest good backup.
func damageAdvice(path string, backup *store.BackupFile) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  1. cairn will not write to this file. Keep a copy of it as it is:\n       cp %s %s.damaged\n", shellWord(path), shellWord(path))
	fmt.Fprintf(&b, "  2. Save everything that can still be read:\n       cairn --db %s export --salvage --format md -o rescued.md\n       cairn --db %s export --salvage -o rescued.json\n", shellWord(path), shellWord(path))
	if backup == nil {
		b.WriteString("  3. There is no backup beside the workbook that passes the check.\n")
		return b.String()
	}
	fmt.Fprintf(&b, "  3. The latest backup that is whole is %s (%s, from %s).\n", backup.Path, backup.Kind, backup.Made.Local().Format("2 January 2006 at 15:04"))
	fmt.Fprintf(&b, "     To go back to it, close cairn and, with the damaged file kept as in step 1:\n       cp %s %s\n",
		shellWord(backup.Path), shellWord(path))
	b.WriteString("     Then import what you saved in step 2 to bring back what came after it:\n")
	fmt.Fprintf(&b, "       cairn --db %s import rescued.json\n", shellWord(path))
	return b.String()
}

// readableWords counts what reads back: "1 season, 8 answers, 5 goals and
// 120 runs".
func readableWords(c store.Counts) string {
	return orAnd([]string{count(c.Seasons, "season", "seasons"), count(c.Answers, "answer", "answers"),
		count(c.Goals, "goal", "goals"), count(c.Entries, "run", "runs")})
}

// placeWords says where in the workbook a problem is, in the runner's
// words: "your answer to “…”" rather than a bucket path.
func placeWords(where string) string {
	parts := strings.Split(where, "/")
	switch {
	case len(parts) >= 4 && parts[0] == "seasons" && parts[2] == "answers":
		q := strings.Trim(strings.Join(parts[3:], "/"), `"`)
		if question, ok := catalog.LookupQuestion(q); ok {
			return fmt.Sprintf("your answer to “%s” (season %s)", question.Prompt, parts[1])
		}
		return fmt.Sprintf("an answer (%s, season %s)", q, parts[1])
	case len(parts) >= 4 && parts[0] == "seasons" && parts[2] == "goals":
		return fmt.Sprintf("a goal (%s, season %s)", strings.Join(parts[3:], "/"), parts[1])
	case len(parts) == 3 && parts[0] == "seasons":
		what := map[string]string{"season": "the season's name and start", "place": "where you left off",
			"themes": "your themes", "values": "your values", "experiments": "your looks back at experiments",
			"answers": "the season's answers", "goals": "the season's goals"}[parts[2]]
		if what == "" {
			what = "a key " + parts[2]
		}
		return fmt.Sprintf("%s (season %s)", what, parts[1])
	case len(parts) == 2 && parts[0] == "seasons":
		return "a season (" + parts[1] + ")"
	case len(parts) >= 2 && parts[0] == "journal":
		key := strings.Trim(strings.Join(parts[1:], "/"), `"`)
		if len(key) >= 10 {
			return "a run on " + key[:10]
		}
		return "a run (" + key + ")"
	case parts[0] == "journal-index":
		return "the journal's index"
	case where == "meta/current":
		return "which season the workbook opens on"
	case where == "meta/schema":
		return "the record that says this is a cairn workbook"
	case where == "meta/last-active":
		return "when the workbook was last used"
	case where == "meta/journal-settings":
		return "the journal's settings"
	case strings.HasPrefix(where, "header page"):
		return "the file's header (" + strings.TrimPrefix(where, "header ") + ")"
	}
	return where
}

// shellWord quotes s for a shell, if it needs it.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// orAnd joins words as "a, b and c".
func orAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
