//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// tryLock takes an exclusive flock on f without waiting. busy is true when
// another process holds it.
func tryLock(f *os.File) (busy bool, err error) {
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return true, nil
	}
	return false, err
}

// unlock lets go of the flock on f.
func unlock(f *os.File) error { return syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

// lockShared and lockExclusive are the two ways fileLock locks.
const (
	lockShared    = syscall.LOCK_SH
	lockExclusive = syscall.LOCK_EX
)

// fileLock takes a flock on f, waiting at most wait, trying every
// millisecond. bbolt tries every 50 ms, and an editor saving one
// transaction after another leaves the file unlocked for microseconds at
// a time: a reader trying that seldom would hardly ever get in. bbolt's
// own flock afterwards finds the lock already held by the same open file
// and goes straight on. busy is true when the time ran out.
func fileLock(f *os.File, how int, wait time.Duration) (busy bool, err error) {
	deadline := time.Now().Add(wait)
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		switch {
		case err == nil:
			return false, nil
		case !errors.Is(err, syscall.EWOULDBLOCK):
			return false, err
		case time.Now().After(deadline):
			return true, nil
		}
		time.Sleep(time.Millisecond)
	}
}
