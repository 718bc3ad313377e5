package store

import "errors"

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
}

func (e *DamagedError) Error() string { return e.Where + ": " + e.Err.Error() }

// Unwrap lets errors.Is see ErrDamaged (or ErrNewerSchema) through it.
func (e *DamagedError) Unwrap() error { return e.Err }
