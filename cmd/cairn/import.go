package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/export"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

func importCmd(db *string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Bring a cairn export (or a jrnl journal) into the workbook",
		Long: "Bring what a cairn export holds (cairn export --format json) into the workbook:\n" +
			"on another computer, after going back to a backup, or to merge two workbooks.\n" +
			"Everything in the file is checked before anything is written, and it is written in\n" +
			"one go: all of it, or nothing.\n\n" +
			"Records are matched by their IDs, so importing the same file twice changes nothing.\n" +
			"What the workbook lacks is added; what differs is replaced only when the file's\n" +
			"copy changed later; the rest is left as it is. It says what it added, updated and\n" +
			"left alone. A file from a newer cairn is refused: update cairn first.\n\n" +
			"A jrnl journal exported with jrnl --export json comes in as runs in the journal, each\n" +
			"entry's title and body its note and its tags its kinds of run; importing it again\n" +
			"adds nothing. FILE - reads standard input. cairn must not have the workbook open in\n" +
			"another window.\n\n" +
			"An export of an encrypted workbook (FILE.age) is opened with its passphrase, asked\n" +
			"for on the terminal or read from the file $CAIRN_PASSPHRASE_FILE names.",
		Example: "  cairn import cairn.json\n" +
			"  cairn --db ~/new.db import cairn.json\n" +
			"  jrnl --export json > jrnl.json && cairn import jrnl.json\n" +
			"  cairn --db old.db export | cairn import -",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runImportFile(cmd, *db, args[0])
		},
	}
	addDB(cmd, db)
	return cmd
}

// nothingImported ends every refusal: the workbook is as it was.
const nothingImported = "Nothing was imported"

func runImportFile(cmd *cobra.Command, db, file string) error {
	raw, name, err := readImportFile(cmd, file)
	if err != nil {
		return err
	}
	if raw, err = openAgeFile(raw, name); err != nil {
		return fmt.Errorf("%w.\n%s", err, nothingImported)
	}
	kind, err := export.Sniff(raw)
	if err != nil {
		return fmt.Errorf("%s is %w.\n%s", name, err, nothingImported)
	}
	now := time.Now()
	var in store.Import
	switch kind {
	case export.CairnExport:
		doc, err := export.ReadDocument(strings.NewReader(string(raw)))
		if errors.Is(err, export.ErrNewerExport) {
			return fmt.Errorf("%s was %w: update cairn to import it.\n%s", name, err, nothingImported)
		}
		if err != nil {
			return fmt.Errorf("%s is %w.\n%s", name, err, nothingImported)
		}
		c, err := doc.Contents()
		if err != nil {
			return fmt.Errorf("%s cannot be imported: %w\n%s", name, err, nothingImported)
		}
		in = store.Import{Seasons: c.Seasons, Current: c.Current, Settings: c.Settings, Entries: c.Entries}
	case export.JrnlExport:
		entries, err := export.ReadJrnl(raw, filepath.Base(name), now)
		if err != nil {
			return fmt.Errorf("%s cannot be imported: %w\n%s", name, err, nothingImported)
		}
		settings := workbook.DefaultJournalSettings()
		for _, e := range entries {
			settings, _ = settings.AddTags(e.Tags...)
		}
		in = store.Import{Settings: &settings, Entries: entries}
	}
	st, err := openForWriting(db, "nothing was imported", "")
	if err != nil {
		return err
	}
	defer st.Close()
	report, err := st.Import(in)
	if err != nil {
		return fmt.Errorf("%w.\n%s", explain(err), nothingImported)
	}
	fmt.Fprintln(cmd.OutOrStdout(), importWords(name, report))
	return nil
}

// readImportFile reads the file to import, "-" being standard input, and
// returns it with the name to call it by.
func readImportFile(cmd *cobra.Command, file string) ([]byte, string, error) {
	var r io.Reader = cmd.InOrStdin()
	name := "standard input"
	if file != "-" {
		f, err := os.Open(file)
		if errors.Is(err, os.ErrNotExist) {
			return nil, "", fmt.Errorf("there is no file at %s", file)
		}
		if err != nil {
			return nil, "", fmt.Errorf("read %s: %w", file, err)
		}
		defer f.Close()
		if info, err := f.Stat(); err == nil && info.IsDir() {
			return nil, "", fmt.Errorf("%s is a folder; pass the export file itself", file)
		}
		r, name = f, file
	}
	raw, err := io.ReadAll(io.LimitReader(r, export.MaxImportBytes+1))
	if err != nil {
		return nil, "", fmt.Errorf("read %s: %w", name, err)
	}
	if len(raw) > export.MaxImportBytes {
		return nil, "", fmt.Errorf("%s is over %d MB, more than cairn imports at once", name, export.MaxImportBytes>>20)
	}
	return raw, name, nil
}

// tallyNouns names what each kind of record counts.
var tallyNouns = map[string][2]string{
	"seasons":     {"season", "seasons"},
	"answers":     {"answer", "answers"},
	"goals":       {"goal", "goals"},
	"themes":      {"set of themes", "sets of themes"},
	"values":      {"value", "values"},
	"places":      {"place to resume", "places to resume"},
	"experiments": {"look back at an experiment", "looks back at experiments"},
	"settings":    {"journal setting", "journal settings"},
	"runs":        {"run", "runs"},
	"history":     {"event of a goal's history", "events of goals' histories"},
}

// importWords says what an import did: "Imported cairn.json: added 1
// season, 8 answers and 120 runs; updated 2 answers; left 3 as they were."
func importWords(name string, r store.ImportReport) string {
	var added, updated []string
	same, kept := 0, 0
	for _, kind := range r.Kinds {
		t := r.Counts[kind]
		nouns, ok := tallyNouns[kind]
		if !ok {
			nouns = [2]string{kind, kind}
		}
		switch {
		case kind == "settings" && t.Added > 0:
			added = append(added, "the journal's settings")
		case t.Added > 0:
			added = append(added, count(t.Added, nouns[0], nouns[1]))
		}
		switch {
		case kind == "settings" && t.Updated > 0:
			updated = append(updated, "the journal's kinds of run")
		case t.Updated > 0:
			updated = append(updated, count(t.Updated, nouns[0], nouns[1]))
		}
		same += t.Same
		kept += t.Kept
	}
	if len(added)+len(updated) == 0 {
		return fmt.Sprintf("Nothing new in %s: the workbook already holds all of it (%s).", name, count(same+kept, "record", "records"))
	}
	parts := []string{}
	if len(added) > 0 {
		parts = append(parts, "added "+orAnd(added))
	}
	if len(updated) > 0 {
		parts = append(parts, "updated "+orAnd(updated))
	}
	if same > 0 {
		parts = append(parts, "skipped "+count(same, "record", "records")+" already the same")
	}
	if kept > 0 {
		parts = append(parts, "kept the workbook's own copy of "+count(kept, "record", "records")+" that differ")
	}
	return fmt.Sprintf("Imported %s: %s.", name, strings.Join(parts, "; "))
}
