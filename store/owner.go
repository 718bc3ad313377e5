package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// A workbook reached through a symbolic link may not be the editor's own.
// In a folder anyone can write to (/tmp), another user can put a link
// where a script expects a workbook: root, following it, wrote into that
// user's file, which stayed theirs and readable by them. The editor never
// writes through a link to a file that belongs to someone else, nor
// creates a workbook through a link that leads nowhere.

// ErrNotYours means the workbook is reached through a link and belongs to
// another user.
var ErrNotYours = errors.New("cairn will not write to a file through a link that leads to another user's file")

// refuseForeignLink fails with ErrNotYours when path, or a folder on the
// way to it, is a symbolic link and the file it leads to belongs to
// another user, and with a plain error when the link leads nowhere.
func refuseForeignLink(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil // the open that follows says what is wrong
	}
	real, err := filepath.EvalSymlinks(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if link, lerr := os.Lstat(abs); lerr == nil && link.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(abs)
			return fmt.Errorf("%s is a link to %s, which is not there, and cairn does not create a workbook through a link.\nGive --db the real path of the workbook, or a new file of your own", path, target)
		}
		return nil
	case err != nil:
		return nil
	case real == abs:
		return nil
	}
	uid, ok := fileOwner(real)
	if !ok || uid == os.Geteuid() {
		return nil
	}
	return fmt.Errorf("%s leads through a link to %s, which belongs to another user (uid %d): %w.\nIf it is yours to change, give --db that path itself; otherwise choose a file of your own", path, real, uid, ErrNotYours)
}
