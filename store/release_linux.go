package store

import (
	bolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// releaseMapped tells the kernel that the pages of the file tx has read
// through bbolt's map are not needed in this process any more. They stay
// in the page cache, and a later read maps them again; but a long read
// (an export of 100,000 runs, a hundred seasons) no longer keeps every
// page it passed resident in the process, so its memory is what it holds,
// not the size of the file. bbolt maps the file shared and read-only and
// the reader's lock keeps writers out, so what comes back is the same.
func releaseMapped(tx *bolt.Tx) {
	// The address goes to the kernel as a number: it is never turned into
	// a Go pointer.
	unix.Syscall(unix.SYS_MADVISE, tx.DB().Info().Data, uintptr(tx.Size()), unix.MADV_DONTNEED)
}
