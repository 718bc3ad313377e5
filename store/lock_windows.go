//go:build windows

package store

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// lockAt is where the locked byte is: far past the commit note at the
// start of the file, which readers must still be able to read.
const lockAt = 1 << 30

// tryLock takes an exclusive lock on one byte of f without waiting, as
// bbolt does on Windows. busy is true when another process holds it.
func tryLock(f *os.File) (busy bool, err error) {
	ol := windows.Overlapped{Offset: lockAt}
	err = windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return true, nil
	}
	return false, err
}

// unlock lets go of the lock on f.
func unlock(f *os.File) error {
	ol := windows.Overlapped{Offset: lockAt}
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
}

// lockShared and lockExclusive are the two ways fileLock locks.
const (
	lockShared    = 0
	lockExclusive = 1
)

// fileLock leaves locking the workbook to bbolt on Windows, where its
// LockFileEx waits in the kernel rather than by trying again.
func fileLock(*os.File, int, time.Duration) (busy bool, err error) { return false, nil }
