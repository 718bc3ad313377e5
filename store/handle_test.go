package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

// These tests hold the design of handle.go to its word: readers read a
// workbook open for editing, a second editor is refused, the editor's
// writes wait for a reader rather than fail, and a file moved, deleted or
// cut short under an open store is never written or mapped.

func TestEditorsTakeTurns(t *testing.T) {
	s, path := openTemp(t)
	start := time.Now()
	if _, err := Open(path); !errors.Is(err, ErrLocked) {
		t.Fatalf("a second editor: %v, want ErrLocked", err)
	}
	if took := time.Since(start); took > 2*EditorWait {
		t.Errorf("the second editor was told after %v", took)
	}
	// One that waits gets in as soon as the first is done.
	done := make(chan error, 1)
	go func() {
		second, err := Open(path, WaitForEditor(5*time.Second))
		if err == nil {
			err = second.Close()
		}
		done <- err
	}()
	time.Sleep(100 * time.Millisecond)
	s.Close()
	if err := <-done; err != nil {
		t.Errorf("the editor that waited: %v", err)
	}
}

func TestEditorWaitsForAReader(t *testing.T) {
	s, path := openTemp(t)
	season := startSeason(t, s, "")
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	saved := make(chan error, 1)
	go func() {
		saved <- s.SaveAnswer(season.ID, workbook.Answer{Question: "proud-moment", Text: "after the reader"})
	}()
	select {
	case err := <-saved:
		t.Fatalf("the save did not wait for the reader: %v", err)
	case <-time.After(200 * time.Millisecond):
	}
	r.Close()
	if err := <-saved; err != nil {
		t.Fatalf("the save after the reader closed: %v", err)
	}
	wb, err := s.Workbook(season.ID)
	if err != nil || wb.Answers["proud-moment"].Text != "after the reader" {
		t.Errorf("read back %+v, %v", wb.Answers, err)
	}
}

func TestEditorNeverWritesAReplacedFile(t *testing.T) {
	for _, tc := range []struct {
		name    string
		replace func(path string) error
	}{
		{"deleted", os.Remove},
		{"moved", func(path string) error { return os.Rename(path, path+".moved") }},
		{"replaced", func(path string) error {
			other := filepath.Join(filepath.Dir(path), "other.db")
			o, err := Open(other)
			if err != nil {
				return err
			}
			o.Close()
			return os.Rename(other, path)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, path := openTemp(t)
			season := startSeason(t, s, "")
			if err := tc.replace(path); err != nil {
				t.Fatal(err)
			}
			var before []byte
			if raw, err := os.ReadFile(path); err == nil {
				before = raw
			}
			err := s.SaveAnswer(season.ID, workbook.Answer{Question: "proud-moment", Text: "x"})
			if err == nil {
				t.Fatal("the save went through")
			}
			if tc.name != "deleted" && !errors.Is(err, ErrReplaced) {
				t.Errorf("the save failed with %v, want ErrReplaced", err)
			}
			after, err := os.ReadFile(path)
			switch {
			case before == nil && err == nil:
				t.Error("a new file was made at the workbook's path")
			case before != nil && string(after) != string(before):
				t.Error("the file now at the workbook's path changed")
			}
		})
	}
}

func TestTruncatedFileIsDamageNotACrash(t *testing.T) {
	s, path := openTemp(t)
	season := startSeason(t, s, "")
	// Enough writing to need more than the first few pages.
	for i := range 40 {
		a := workbook.Answer{Question: fmt.Sprintf("q%02d", i), Text: string(make([]byte, 3000))}
		if err := s.SaveAnswer(season.ID, a); err != nil {
			t.Fatal(err)
		}
	}
	info, _ := os.Stat(path)
	if err := os.Truncate(path, info.Size()/2); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Workbook(season.ID); !errors.Is(err, ErrDamaged) {
		t.Errorf("the editor read a truncated file: %v, want ErrDamaged", err)
	}
	s.Close()
	if _, err := OpenReadOnly(path); !errors.Is(err, ErrDamaged) {
		t.Errorf("a reader opened a truncated file: %v, want ErrDamaged", err)
	}
	if _, err := Open(path); !errors.Is(err, ErrDamaged) {
		t.Errorf("an editor opened a truncated file: %v, want ErrDamaged", err)
	}
}

func TestEditorNotesItsLastCommit(t *testing.T) {
	s, path := openTemp(t)
	season := startSeason(t, s, "")
	if err := s.SaveAnswer(season.ID, workbook.Answer{Question: "proud-moment", Text: "x"}); err != nil {
		t.Fatal(err)
	}
	note, ok := lastCommit(path)
	if !ok {
		t.Fatal("no note of the last commit")
	}
	var txid uint64
	s.db.View(func(tx *bolt.Tx) error { txid = uint64(tx.ID()); return nil })
	if note.txid != txid || note.at.IsZero() {
		t.Errorf("note %+v, the file's last commit is %d", note, txid)
	}
	if info, _ := os.Stat(LockPath(path)); info.Mode().Perm() != 0o600 {
		t.Errorf("lock file mode %v", info.Mode().Perm())
	}
}

// TestReadersWhileAnotherProcessWrites runs an editor in another process
// that writes without a pause, each transaction a pair of records that
// must agree, while this process opens the workbook read-only again and
// again. Every read must succeed within the reader's wait and see the pair
// agree: a reader never sees half a transaction, and never waits for the
// editor's whole session.
func TestReadersWhileAnotherProcessWrites(t *testing.T) {
	plainOnly(t, "its writer is another process, which holds no key")
	if os.Getenv("CAIRN_STRESS_WRITER") != "" {
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "cairn.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	season := startSeason(t, s, "")
	s.Close()

	writer := exec.Command(os.Args[0], "-test.run=^TestStressWriter$")
	writer.Env = append(os.Environ(), "CAIRN_STRESS_WRITER="+path, "CAIRN_STRESS_SEASON="+season.ID)
	writer.Stderr = os.Stderr
	if err := writer.Start(); err != nil {
		t.Fatal(err)
	}
	defer writer.Process.Kill()
	// Wait for the writer to hold the workbook.
	deadline := time.Now().Add(10 * time.Second)
	for {
		probe, err := Open(path, WaitForEditor(0))
		if errors.Is(err, ErrLocked) {
			break
		}
		if err == nil {
			probe.Close()
		}
		if time.Now().After(deadline) {
			t.Fatal("the writer never started")
		}
		time.Sleep(10 * time.Millisecond)
	}
	reads, seen := 0, map[string]bool{}
	for end := time.Now().Add(2 * time.Second); time.Now().Before(end); reads++ {
		r, err := OpenReadOnly(path)
		if err != nil {
			t.Fatalf("read %d: %v", reads, err)
		}
		wb, err := r.Workbook(season.ID)
		r.Close()
		if err != nil {
			t.Fatalf("read %d: %v", reads, err)
		}
		a, b := wb.Answers["proud-moment"].Text, wb.Answers["big-dream"].Text
		if a != b {
			t.Fatalf("read %d saw half a transaction: %q and %q", reads, a, b)
		}
		seen[a] = true
	}
	if len(seen) < 3 {
		t.Errorf("%d reads saw only %d states: the writer was not writing", reads, len(seen))
	}
	t.Logf("%d reads while the other process wrote, %d states seen", reads, len(seen))
}

// TestStressWriter is the writing process of
// TestReadersWhileAnotherProcessWrites; on its own it does nothing.
func TestStressWriter(t *testing.T) {
	path := os.Getenv("CAIRN_STRESS_WRITER")
	if path == "" {
		t.Skip("the writer of TestReadersWhileAnotherProcessWrites")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	season := os.Getenv("CAIRN_STRESS_SEASON")
	for i := 0; ; i++ {
		text := strconv.Itoa(i)
		err := s.update("pair", season, func(b *bolt.Bucket) error {
			for _, q := range []string{"proud-moment", "big-dream"} {
				if err := put(b.Bucket(bucketAnswers), seasonPath(season)+"/answers", []byte(q), kindAnswer, answerRecord{Question: q, Text: text}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
