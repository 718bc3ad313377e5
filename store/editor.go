package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"
)

// The editor's lock file
//
// One process at a time edits a workbook: the app, or a command that
// writes (cairn log, import, import-runs). It holds an exclusive flock on
// a file beside the workbook, named after it with ".lock" added, for as
// long as it has the workbook open; handle.go says why this lock and not
// bbolt's. The file is created 0600 and never deleted (deleting a lock
// file races with the next process to take it), and never opened through
// a symbolic link: one planted in a shared folder would have the editor
// write its note into someone else's file.
//
// The file also says which commit the editor last made:
//
//	commit 1234 2026-12-03T21:04:00Z
//
// written in place after every commit returns (and so after bbolt has
// synced it). It is what tells a damaged newest meta page (a save that
// was acknowledged and is now missing: bbolt falls back to the one before
// without a word) from a harmless one (a commit that never finished, or
// the older page): see Check. It is never synced itself, so after a power
// cut it can only be older than the file, never newer; an older note just
// says less.

// EditorWait is how long Open waits for another editor to finish, by
// default: a writing command that has the workbook for a moment is waited
// for, a window that has it open is reported at once.
const EditorWait = 500 * time.Millisecond

// Who holds the lock
//
// After the note comes a second line, at noteLen, written by each editor
// as soon as it holds the lock: "held by a window" or "held by a
// command". A window keeps the workbook for as long as the runner writes,
// so an editor that finds the lock held by one stops waiting at once; a
// command lets go in a moment, so it is waited for. The line is read only
// while the lock is busy, so a stale one left by an editor gone is never
// believed; and since a new holder writes its line a moment after taking
// the lock, a window's line must be seen twice, windowSure apart, before
// the wait ends.

// holderWindow and holderCommand are the second line's two values.
const (
	holderWindow  = "held by a window"
	holderCommand = "held by a command"
)

// windowSure is how long a window's line must stand before an editor
// believes it: far longer than a new holder takes to write its own.
const windowSure = 30 * time.Millisecond

// LockPath is the editor's lock file of the workbook at path.
func LockPath(path string) string { return path + ".lock" }

// editorLock is the lock file, held.
type editorLock struct {
	f *os.File
}

// lockEditor takes the editor's lock of the workbook at path, waiting at
// most wait for another process to let go of it, or not at all when a
// window holds it. It fails with ErrLocked when that process does not let
// go. window says whether this editor is a window.
func lockEditor(path string, wait time.Duration, window bool) (*editorLock, error) {
	f, err := os.OpenFile(LockPath(path), os.O_RDWR|os.O_CREATE|noFollow, 0o600)
	if errors.Is(err, fs.ErrPermission) {
		return nil, fmt.Errorf("%s belongs to another user (its lock file, %s, is theirs), so cairn will not write to it.\n"+
			"Open a copy of your own instead (cp %s my-workbook.db; cairn --db my-workbook.db)", path, LockPath(path), path)
	}
	if err != nil {
		return nil, fileError("open", LockPath(path), err)
	}
	deadline := time.Now().Add(wait)
	var windowSince time.Time
	for {
		busy, err := tryLock(f)
		switch {
		case err != nil:
			f.Close()
			return nil, fileError("lock", LockPath(path), err)
		case !busy:
			l := &editorLock{f: f}
			l.hold(window)
			return l, nil
		case time.Now().After(deadline):
			f.Close()
			return nil, fmt.Errorf("%s: %w", path, ErrLocked)
		}
		if heldByWindow(f) {
			if windowSince.IsZero() {
				windowSince = time.Now()
			} else if time.Since(windowSince) >= windowSure {
				f.Close()
				return nil, fmt.Errorf("%s: %w", path, ErrLocked)
			}
		} else {
			windowSince = time.Time{}
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// hold writes who holds the lock now.
func (l *editorLock) hold(window bool) {
	line := holderCommand
	if window {
		line = holderWindow
	}
	buf := []byte(line + strings.Repeat(" ", max(noteLen-1-len(line), 0)) + "\n")
	// A line that cannot be written only makes another editor wait longer.
	_, _ = l.f.WriteAt(buf, noteLen)
}

// heldByWindow reports whether the lock file f says a window holds it.
func heldByWindow(f *os.File) bool {
	buf := make([]byte, noteLen)
	n, _ := f.ReadAt(buf, noteLen)
	return strings.TrimSpace(string(buf[:n])) == holderWindow
}

// noteLen is the length of the note, padded with spaces, so a new note
// always covers the old one and a reader never sees two halves.
const noteLen = 64

// note records that the editor committed transaction txid at at.
func (l *editorLock) note(txid uint64, at time.Time) {
	line := fmt.Sprintf("commit %d %s", txid, at.UTC().Format(time.RFC3339Nano))
	buf := []byte(line + strings.Repeat(" ", max(noteLen-1-len(line), 0)) + "\n")
	// A note that cannot be written only makes Check say less.
	_, _ = l.f.WriteAt(buf, 0)
}

// release lets go of the lock.
func (l *editorLock) release() error {
	err := unlock(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// commitNote is what the lock file says about the editor's last commit.
type commitNote struct {
	txid uint64
	at   time.Time
}

// lastCommit reads the note in the lock file of the workbook at path,
// without taking the lock. ok is false when there is none or it cannot be
// read.
func lastCommit(path string) (n commitNote, ok bool) {
	raw, err := os.ReadFile(LockPath(path))
	if err != nil {
		return n, false
	}
	line, _, _ := bytes.Cut(raw, []byte("\n"))
	f := strings.Fields(string(line))
	if len(f) != 3 || f[0] != "commit" {
		return n, false
	}
	txid, err := strconv.ParseUint(f[1], 10, 64)
	if err != nil {
		return n, false
	}
	at, err := time.Parse(time.RFC3339Nano, f[2])
	if err != nil {
		return n, false
	}
	return commitNote{txid: txid, at: at}, true
}
