// Package safefile writes a file whole or not at all. Exports, backups
// and rescued copies of a runner's writing go through it: a reader of the
// file (or the runner, after a crash) finds the old file or the new one,
// never half of either, and never a file others can read.
package safefile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write makes path hold what fill writes, mode 0600. fill writes into a
// file with no name in the same folder (a temporary file where the system
// cannot make one without a name); once it returns without error the file
// is synced, given its name over whatever was there, and the folder is
// synced. If fill fails, or the process dies first, path is left as it
// was and no partial file remains under any name (a named temporary file
// can be left after a kill where the system has no unnamed ones).
func Write(path string, fill func(io.Writer) error) error {
	dir := filepath.Dir(path)
	f, commit, err := create(dir, filepath.Base(path))
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	done := false
	defer func() {
		if !done {
			f.Close()
			commit("") // removes a named temporary file
		}
	}()
	if err := fill(f); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := commit(path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	done = true
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// named makes an ordinary temporary file: the fallback where the system
// cannot make one without a name.
func named(dir, base string) (*os.File, func(string) error, error) {
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, nil, err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, nil, err
	}
	commit := func(path string) error {
		if path == "" {
			return os.Remove(f.Name())
		}
		return os.Rename(f.Name(), path)
	}
	return f, commit, nil
}
