package store

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestBackupIsAWholePrivateCopyThatPassesTheCheck(t *testing.T) {
	path, _ := checkWorkbook(t)
	editor, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer editor.Close()
	// A reader backs up the workbook the editor has open.
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "copy.db")
	got, err := r.Backup(dest)
	r.Close()
	if err != nil || got != dest {
		t.Fatalf("Backup = %q, %v", got, err)
	}
	info, err := os.Stat(dest)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the copy: %v, %v", info, err)
	}
	if !reflect.DeepEqual(records(t, dest), records(t, path)) {
		t.Error("the copy does not hold what the workbook holds")
	}
	if rep := mustCheck(t, dest); !rep.Healthy() || rep.Readable.Answers != 3 {
		t.Errorf("the copy's check: %+v", rep)
	}
	// Into a folder, under a name of its own; never over the workbook.
	dir := t.TempDir()
	got, err = editor.Backup(dir)
	if err != nil || filepath.Dir(got) != dir || !strings.Contains(filepath.Base(got), "cairn.db.backup-") {
		t.Errorf("Backup into a folder = %q, %v", got, err)
	}
	before := fileHash(t, path)
	for _, own := range []string{path, LockPath(path)} {
		if _, err := editor.Backup(own); err == nil || !strings.Contains(err.Error(), "the workbook itself") {
			t.Errorf("Backup over %s: %v", own, err)
		}
	}
	if fileHash(t, path) != before {
		t.Error("the workbook changed")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestDailyBackupsRoll(t *testing.T) {
	day := time.Date(2026, 12, 1, 20, 0, 0, 0, time.Local)
	clock := func() time.Time { return day }
	path := filepath.Join(t.TempDir(), "cairn.db")
	s, err := Open(path, WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	startSeason(t, s, "")
	var made []string
	for i := range DailyKeep + 3 {
		name, err := s.DailyBackup()
		if err != nil || name == "" {
			t.Fatalf("day %d: %q, %v", i, name, err)
		}
		if again, err := s.DailyBackup(); again != "" || err != nil {
			t.Fatalf("a second copy the same day: %q, %v", again, err)
		}
		made = append(made, name)
		// Each a little newer, as they would be on disk.
		os.Chtimes(name, day, day)
		day = day.AddDate(0, 0, 1)
	}
	list := Backups(path)
	if len(list) != DailyKeep {
		t.Fatalf("%d copies kept, want %d: %v", len(list), DailyKeep, list)
	}
	if list[0].Path != made[len(made)-1] || list[0].Kind != BackupDaily {
		t.Errorf("newest first: %+v", list[0])
	}
	for _, gone := range made[:3] {
		if _, err := os.Stat(gone); err == nil {
			t.Errorf("%s was kept", gone)
		}
	}
	for _, b := range list {
		if rep := mustCheck(t, b.Path); !rep.Healthy() {
			t.Errorf("%s: %+v", b.Path, rep.Problems)
		}
	}
	// A manual copy and a migration's are listed too.
	manual, err := s.Backup(s.DefaultBackup())
	if err != nil {
		t.Fatal(err)
	}
	if list := Backups(path); len(list) != DailyKeep+1 || !containsBackup(list, manual, BackupManual) {
		t.Errorf("after a manual copy: %+v", list)
	}
}

func containsBackup(list []BackupFile, path, kind string) bool {
	for _, b := range list {
		if b.Path == path && b.Kind == kind {
			return true
		}
	}
	return false
}
