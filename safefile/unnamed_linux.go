//go:build linux

package safefile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// create makes a file with no name in dir (O_TMPFILE): killed before it is
// named, the process leaves nothing behind. commit names it: linked under
// a temporary name, then renamed over path, since a link never replaces.
func create(dir, base string) (*os.File, func(string) error, error) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		return named(dir, base) // no way to name an unnamed file
	}
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, 0o600)
	if errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EISDIR) || errors.Is(err, unix.EINVAL) {
		return named(dir, base)
	}
	if err != nil {
		return nil, nil, err
	}
	f := os.NewFile(uintptr(fd), filepath.Join(dir, base))
	commit := func(path string) error {
		if path == "" {
			return nil // an unnamed file goes with its descriptor
		}
		for n := 0; ; n++ {
			tmp := filepath.Join(dir, fmt.Sprintf(".%s.tmp-%d-%d", base, os.Getpid(), n))
			err := unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(fd), unix.AT_FDCWD, tmp, unix.AT_SYMLINK_FOLLOW)
			if errors.Is(err, unix.EEXIST) && n < 100 {
				continue
			}
			if err != nil {
				return err
			}
			if err := os.Rename(tmp, path); err != nil {
				os.Remove(tmp)
				return err
			}
			return nil
		}
	}
	return f, commit, nil
}
