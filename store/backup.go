package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Backups
//
// Every copy of a workbook cairn makes is a hot copy: the file as one
// read transaction sees it, written by bbolt's Tx.WriteTo, never a copy
// of the bytes on disk, which could catch a write half done. It is
// written under a temporary name in the folder it belongs in, synced,
// made 0600, and only then given its name, so a copy is whole or absent.
// Three kinds sit beside a workbook, named after it:
//
//	cairn.db.before-schema-4-2026-12-03.bak   before a migration (migrate.go)
//	cairn.db.daily-2026-12-03.bak             the app's daily copy; the
//	                                          newest DailyKeep are kept
//	cairn.db.backup-2026-12-03-210405.bak     cairn backup with no PATH
//
// A daily copy is made only of a workbook that passed the check at
// start-up, so the rotation never pushes a good copy out for a damaged
// one.

// DailyKeep is how many daily copies are kept beside a workbook.
const DailyKeep = 7

// Backup kinds, as Backups names them, in words.
const (
	BackupDaily     = "the daily copy"
	BackupMigration = "the copy kept before an update"
	BackupManual    = "a copy made with cairn backup"
)

// BackupFile is one copy of a workbook found beside it.
type BackupFile struct {
	Path string
	// Kind says which of the three kinds it is.
	Kind string
	// Made is when it was last written.
	Made time.Time
}

// Backup writes a copy of the workbook, as one read transaction sees it,
// to dest: a file (replaced whole if it exists) or a folder to put it in
// under a name of its own. It returns the file written. The workbook
// itself, and its lock file, are refused as destinations.
func (s *Store) Backup(dest string) (string, error) {
	if info, err := os.Stat(dest); err == nil && info.IsDir() {
		dest = filepath.Join(dest, filepath.Base(manualName(s.path, s.now())))
	}
	if err := refuseOwnFiles(s.path, dest); err != nil {
		return "", err
	}
	err := s.db.View(func(tx *bolt.Tx) error { return writeCopy(tx, dest, true) })
	if err != nil {
		return "", fmt.Errorf("back up %s to %s: %w", s.path, dest, err)
	}
	return dest, nil
}

// DefaultBackup is where Backup's copy goes when no place is named: beside
// the workbook, named after it and the time.
func (s *Store) DefaultBackup() string { return manualName(s.path, s.now()) }

func manualName(path string, now time.Time) string {
	return path + ".backup-" + now.Local().Format("2006-01-02-150405") + ".bak"
}

// refuseOwnFiles refuses to write a copy over the workbook or its lock.
func refuseOwnFiles(path, dest string) error {
	target, err := os.Stat(dest)
	if err != nil {
		return nil // nothing there yet: it cannot be the workbook
	}
	for _, own := range []string{path, LockPath(path)} {
		if info, err := os.Stat(own); err == nil && os.SameFile(info, target) {
			return fmt.Errorf("%s is the workbook itself; choose another file for the copy", dest)
		}
	}
	return nil
}

// DailyBackup makes today's daily copy beside the workbook, unless there
// is one, and removes the oldest daily copies beyond DailyKeep. It returns
// the copy it made, "" when today's was already there. Call it only for a
// workbook that passed the check.
func (s *Store) DailyBackup() (string, error) {
	name := s.path + ".daily-" + s.now().Local().Format(time.DateOnly) + ".bak"
	if _, err := os.Stat(name); err == nil {
		return "", nil
	}
	err := s.db.View(func(tx *bolt.Tx) error { return writeCopy(tx, name, false) })
	if errors.Is(err, fs.ErrExist) {
		return "", nil // another cairn made it meanwhile
	}
	if err != nil {
		return "", fmt.Errorf("make today's copy of %s: %w", s.path, err)
	}
	return name, pruneDaily(s.path)
}

// pruneDaily removes the oldest daily copies beyond DailyKeep. Their names
// sort by day.
func pruneDaily(path string) error {
	daily, err := filepath.Glob(globEscape(path) + ".daily-????-??-??.bak")
	if err != nil || len(daily) <= DailyKeep {
		return err
	}
	slices.Sort(daily)
	for _, old := range daily[:len(daily)-DailyKeep] {
		if err := os.Remove(old); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// Backups lists the copies of the workbook at path found beside it, the
// newest first.
func Backups(path string) []BackupFile {
	var out []BackupFile
	for _, k := range []struct{ glob, kind string }{
		{".daily-*.bak", BackupDaily},
		{".before-schema-*.bak", BackupMigration},
		{".backup-*.bak", BackupManual},
	} {
		found, _ := filepath.Glob(globEscape(path) + k.glob)
		for _, f := range found {
			if info, err := os.Stat(f); err == nil && info.Mode().IsRegular() {
				out = append(out, BackupFile{Path: f, Kind: k.kind, Made: info.ModTime()})
			}
		}
	}
	slices.SortFunc(out, func(a, b BackupFile) int { return b.Made.Compare(a.Made) })
	return out
}

// globEscape escapes the characters filepath.Match treats specially.
func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`)
	return r.Replace(s)
}

// writeCopy writes the database as tx sees it to dest through a temporary
// file in the same folder: synced, mode 0600, then renamed into place
// (replace) or linked, which never replaces anything (fails with
// fs.ErrExist). The folder is synced so the name survives a crash.
func writeCopy(tx *bolt.Tx, dest string, replace bool) error {
	dir := filepath.Dir(dest)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".tmp-*")
	if err != nil {
		return err
	}
	tmpPath := tmp.Name()
	defer os.Remove(tmpPath)
	err = tmp.Chmod(0o600)
	if err == nil {
		_, err = tx.WriteTo(tmp)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if replace {
		err = os.Rename(tmpPath, dest)
	} else {
		err = os.Link(tmpPath, dest)
	}
	if err != nil {
		return err
	}
	return syncDir(dir)
}
