//go:build unix

package store

import (
	"os"
	"syscall"
)

// fileOwner is the user id that owns the file at path.
func fileOwner(path string) (uid int, ok bool) {
	info, err := os.Stat(path)
	if err != nil {
		return 0, false
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(st.Uid), true
}

// noFollow makes an open fail on a symbolic link.
const noFollow = syscall.O_NOFOLLOW
