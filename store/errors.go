package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// Sentinel errors. Open and the record readers wrap them with the file or
// record they concern; test with errors.Is.
var (
	// ErrLocked means another process holds the database open.
	ErrLocked = errors.New("the workbook is open in another cairn")
	// ErrNotCairn means the file exists but is not a cairn database: an
	// empty file, random bytes, or some other program's bbolt file.
	ErrNotCairn = errors.New("not a cairn workbook")
	// ErrNewerSchema means the file was written by a newer cairn.
	ErrNewerSchema = errors.New("written by a newer cairn")
	// ErrDamaged means a record failed its checksum or does not decode.
	ErrDamaged = errors.New("damaged record")
	// ErrNotFound means the season or record asked for does not exist.
	ErrNotFound = errors.New("not found")
)

// DamagedError says which record is damaged. It never holds the record's
// contents, which may be someone's private writing.
type DamagedError struct {
	// Where is the bucket path and key, such as "seasons/<id>/answers/proud-moment".
	Where string
	Err   error
	// File is the workbook file it was found in, when a Store read it.
	File string
}

func (e *DamagedError) Error() string { return e.Where + ": " + e.Err.Error() }

// Unwrap lets errors.Is see ErrDamaged (or ErrNewerSchema) through it.
func (e *DamagedError) Unwrap() error { return e.Err }

// fileError says that verb failed on the file at path, once: the errors
// of the os package name their file and operation already, and wrapping
// them as they are read "open X: open X: permission denied". Its cause
// stays reachable for errors.Is (fs.ErrNotExist, fs.ErrPermission).
func fileError(verb, path string, err error) error {
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	switch {
	case errors.As(err, &pathErr):
		err = pathErr.Err
	case errors.As(err, &linkErr):
		err = linkErr.Err
	}
	return fmt.Errorf("%s %s: %w", verb, path, err)
}
