package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/export"
	"github.com/cairn-run/cairn/safefile"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui/recovery"
	"github.com/cairn-run/cairn/workbook"
)

// runRecovery opens the recovery mode on the damaged workbook at path,
// which the check reported as r: what still reads back (salvaged in a
// child), the latest backup that is whole, and a key to save what reads.
// Nothing here writes to the workbook. It ends with a non-zero status.
func runRecovery(path string, r store.Report) error {
	salvaged, doc, err := readInChild(path, "salvage")
	if err == nil {
		r = salvaged
	}
	info := recovery.Info{
		Path:     path,
		Readable: capitalize(readableWords(r.Readable)),
		Advice:   damageAdvice(path, goodBackup(path)),
	}
	for _, p := range r.Problems {
		info.Problems = append(info.Problems, placeWords(p.Where)+": "+p.What)
	}
	if doc != nil {
		info.Document = salvagedMarkdown(*doc)
		info.Save = func() ([]string, error) { return saveSalvage(path, *doc) }
	} else {
		info.Document = "Nothing could be read from the file."
	}
	if _, err := tea.NewProgram(recovery.New(info, true)).Run(); err != nil {
		return err
	}
	return exitWith(exitDamaged, fmt.Errorf("%s is damaged, so cairn opened it read-only and wrote nothing to it; cairn check says more", path))
}

// salvagedMarkdown lays out what was salvaged as the Markdown export does.
func salvagedMarkdown(doc export.Document) string {
	c, err := doc.Contents()
	if err != nil {
		return "What reads back does not hold together as a workbook (" + err.Error() + "); save it as JSON with s."
	}
	today := workbook.DayOf(time.Now())
	p := export.Print{Names: export.NamesOf(c.Seasons), Settings: workbook.DefaultJournalSettings(), Journal: c.Entries, Today: today, Made: time.Now()}
	if c.Settings != nil {
		p.Settings = *c.Settings
	}
	for i, s := range c.Seasons {
		last := today
		if i+1 < len(c.Seasons) {
			last = workbook.DayOf(c.Seasons[i+1].Season.Started.Local()).AddDays(-1)
		}
		p.Seasons = append(p.Seasons, export.PrintSeason{Snapshot: s, Last: max(last, workbook.DayOf(s.Season.Started.Local()))})
	}
	var b bytes.Buffer
	if err := export.Markdown(&b, p); err != nil {
		return err.Error()
	}
	return b.String()
}

// saveSalvage writes what was salvaged beside the workbook, as Markdown to
// read and JSON to import, under names that replace nothing: inside age,
// under its passphrase, when the workbook is encrypted.
func saveSalvage(path string, doc export.Document) ([]string, error) {
	dir := filepath.Dir(path)
	now := time.Now()
	ext, sealed := "", func(write func(io.Writer) error) func(io.Writer) error { return write }
	// Decided by the workbook, not by how this process came to read it.
	// A damaged file may not say: then its words are sealed if any key
	// was unlocked here, since they may have come from sealed records
	// (and with no passphrase to seal them with, nothing is written).
	encrypted, err := workbookEncrypted(path)
	if err != nil {
		encrypted = len(unlocked) > 0 || len(store.UnlockedKeys()) > 0
	}
	if encrypted {
		ext, sealed = ".age", func(write func(io.Writer) error) func(io.Writer) error { return sealWith(write, false) }
	}
	for n := 1; n < 100; n++ {
		md := filepath.Join(dir, recovery.SavedName(now, n, ".md")) + ext
		js := filepath.Join(dir, recovery.SavedName(now, n, ".json")) + ext
		if exists(md) || exists(js) {
			continue
		}
		err := safefile.Write(md, sealed(func(w io.Writer) error { _, err := io.WriteString(w, salvagedMarkdown(doc)); return err }))
		if err != nil {
			return nil, err
		}
		err = safefile.Write(js, sealed(func(w io.Writer) error { return export.WriteJSON(w, doc) }))
		if err != nil {
			return nil, err
		}
		return []string{md, js}, nil
	}
	return nil, errors.New("there are already 99 saved copies from today beside the workbook")
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
