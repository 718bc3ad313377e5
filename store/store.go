package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the layout version this build writes. Files of an
// older layout are migrated when opened for writing (see migrate.go) and
// read as they are when opened read-only.
const SchemaVersion = 4

// LockTimeout is how long Open waits for another process to let go of the
// file before it gives up with ErrLocked.
const LockTimeout = time.Second

const appName = "cairn"

var (
	bucketMeta    = []byte("meta")
	bucketSeasons = []byte("seasons")
	bucketJournal = []byte("journal")
	// bucketJournalIndex finds an entry by its ID, and an imported run by
	// its fingerprint (journal.go).
	bucketJournalIndex = []byte("journal-index")
	bucketAnswers      = []byte("answers")
	bucketGoals        = []byte("goals")

	keySchema     = []byte("schema")
	keyCurrent    = []byte("current")
	keyLastActive = []byte("last-active")
	keySeason     = []byte("season")
	keyPlace      = []byte("place")
	keyThemes     = []byte("themes")
	keyValues     = []byte("values")

	keyJournalSettings = []byte("journal-settings")
	keyExperiments     = []byte("experiments")
)

// topBuckets are the top-level buckets of a file of the newest schema.
// create makes them all; a schema step makes the ones its version adds.
var topBuckets = [][]byte{bucketMeta, bucketSeasons, bucketJournal, bucketJournalIndex}

type schema struct {
	App     string    `json:"app"`
	Version int       `json:"version"`
	Created time.Time `json:"created"`
}

// Store is an open cairn workbook. Its methods are safe for concurrent use.
type Store struct {
	// db reaches the file: a bbolt handle per transaction for an editor,
	// one kept open for a reader (handle.go).
	db   *handle
	path string
	now  func() time.Time
	// lock is the editor's lock file; nil for a reader.
	lock *editorLock
	// schema is the layout of the file as it is open: SchemaVersion after
	// a read-write open, perhaps older after a read-only one.
	schema int
}

// Open opens the workbook at path for editing, creating it (and its
// directory, mode 0700) if it does not exist. The file is kept at mode
// 0600. Only one process edits a workbook at a time: Open takes the
// editor's lock file beside it (editor.go), waiting at most EditorWait
// (or what WaitForEditor says) for another editor, and fails with
// ErrLocked if it is still held. Readers (OpenReadOnly) are not kept out:
// the file itself is opened only for the length of each transaction
// (handle.go). A file that is not a cairn workbook fails with ErrNotCairn
// or ErrNewerSchema and is left exactly as it was.
//
// A workbook written by an older cairn is migrated to SchemaVersion before
// Open returns, after a copy of it has been made beside it (see migrate).
// If the copy cannot be made, Open fails and the file is left as it was.
func Open(path string, opts ...Option) (*Store, error) {
	cfg := options{now: time.Now, wait: EditorWait}
	for _, opt := range opts {
		opt(&cfg)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create the folder for %s: %w", path, err)
	}
	lock, err := lockEditor(path, cfg.wait)
	if err != nil {
		return nil, err
	}
	s, err := openEditor(path, cfg, lock)
	if err != nil {
		lock.release()
		return nil, err
	}
	return s, nil
}

// openEditor opens the workbook at path for the editor holding lock.
func openEditor(path string, cfg options, lock *editorLock) (*Store, error) {
	switch err := checkFile(path); {
	case errors.Is(err, fs.ErrNotExist):
		if err := create(path); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, err
	}
	var version int
	err := guardedUnless(cfg.gate, func() (err error) {
		version, err = validate(path)
		return err
	})
	if err != nil {
		return nil, err
	}
	s := &Store{path: path, now: cfg.now, lock: lock, schema: version}
	s.db, err = openPerTx(path, TxLockTimeout, func(txid uint64) { lock.note(txid, s.now()) })
	if err != nil {
		return nil, err
	}
	s.db.gate = cfg.gate
	if err := s.migrate(); err != nil {
		return nil, err
	}
	if err := tighten(path); err != nil {
		return nil, err
	}
	return s, nil
}

// options are what Open is told by its Options.
type options struct {
	now  func() time.Time
	wait time.Duration
	gate *Gate
}

// An Option adjusts how Open opens a Store.
type Option func(*options)

// WithClock makes the store date new seasons, saves and backups by now
// instead of the wall clock.
func WithClock(now func() time.Time) Option {
	return func(o *options) { o.now = now }
}

// WaitForEditor makes Open wait up to d for another process editing the
// workbook to finish, rather than EditorWait: a command that writes waits
// a little longer for another command to be done.
func WaitForEditor(d time.Duration) Option {
	return func(o *options) { o.wait = d }
}

// WithGate makes every write to the workbook, a migration's included,
// wait at g until it is decided, and fail with its error if it refuses;
// until it passes, reads are guarded (gate.go). The app's check at start
// decides it, beside the first frame rather than before it.
func WithGate(g *Gate) Option {
	return func(o *options) { o.gate = g }
}

// OpenReadOnly opens an existing workbook for reading only, as an export
// does: it never creates, changes, migrates or tightens the file. It does
// not need the editor's lock, so it reads a workbook open in the app: it
// waits at most LockTimeout for a transaction in progress to end, and
// from then on, until Close, the editor's saves wait for it. A reader
// should read what it needs and close before it writes its output
// anywhere that could make it wait (a pipe to a pager). A file of an
// older schema is read as it is, each record upgraded in memory as it is
// decoded. It fails with ErrNotFound when there is no file at path.
func OpenReadOnly(path string) (*Store, error) {
	switch err := checkFile(path); {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: %w (no workbook there yet)", path, ErrNotFound)
	case err != nil:
		return nil, err
	}
	version, err := validate(path)
	if err != nil {
		return nil, err
	}
	h, err := openHeld(path, LockTimeout)
	if err != nil {
		return nil, err
	}
	return &Store{db: h, path: path, now: time.Now, schema: version}, nil
}

// checkFile refuses what cannot be a workbook before bbolt sees it: a
// folder, a device, or an empty file (which bbolt would initialise). A
// missing file is reported with an error that matches fs.ErrNotExist.
func checkFile(path string) error {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return err
	case err != nil:
		return fmt.Errorf("open %s: %w", path, err)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s: %w (it is not a regular file)", path, ErrNotCairn)
	case info.Size() == 0:
		return fmt.Errorf("%s: %w (the file is empty)", path, ErrNotCairn)
	}
	return nil
}

// create builds a new, initialised workbook under a temporary name and
// links it into place. If another process created path meanwhile, that file
// wins and is opened as usual.
func create(path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".new-*")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	tmpPath := tmp.Name()
	_ = tmp.Close()
	// bbolt initialises a file only when it is empty, which CreateTemp's is.
	defer os.Remove(tmpPath)

	db, err := bolt.Open(tmpPath, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range topBuckets {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		return putSchema(tx, schema{App: appName, Version: SchemaVersion, Created: time.Now().UTC()})
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	if err := os.Chmod(tmpPath, 0o600); err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	// Link refuses to replace an existing file, unlike Rename.
	if err := os.Link(tmpPath, path); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("create %s: %w", path, err)
	}
	return nil
}

// validate proves path is a cairn workbook this build can use, through a
// read-only open that cannot change a byte, and returns its schema version.
func validate(path string) (int, error) {
	db, err := openBolt(path, true, LockTimeout, nil)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var version int
	err = db.View(func(tx *bolt.Tx) error {
		s, err := readSchema(tx)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if tx.Bucket(bucketSeasons) == nil {
			return fmt.Errorf("%s: %w (its seasons are missing)", path, ErrNotCairn)
		}
		version = s.Version
		return nil
	})
	return version, err
}

// readSchema reads the schema record and checks this build can use the
// file it describes.
func readSchema(tx *bolt.Tx) (schema, error) {
	var s schema
	meta := tx.Bucket(bucketMeta)
	if meta == nil || meta.Get(keySchema) == nil {
		return s, fmt.Errorf("%w (it has no cairn schema record)", ErrNotCairn)
	}
	if err := decode(meta.Get(keySchema), kindSchema, upgradeContext{}, &s); err != nil {
		if errors.Is(err, ErrNewerSchema) {
			return s, err
		}
		return s, fmt.Errorf("%w (its schema record is unreadable)", ErrNotCairn)
	}
	switch {
	case s.App != appName:
		return s, fmt.Errorf("%w (it belongs to %q)", ErrNotCairn, s.App)
	case s.Version > SchemaVersion:
		return s, fmt.Errorf("%w (schema %d; this cairn knows up to %d)", ErrNewerSchema, s.Version, SchemaVersion)
	case s.Version < 1:
		return s, fmt.Errorf("%w (its schema version %d was never used)", ErrNotCairn, s.Version)
	}
	return s, nil
}

func putSchema(tx *bolt.Tx, s schema) error {
	return put(tx.Bucket(bucketMeta), keySchema, kindSchema, s)
}

// openError explains why bbolt could not open path. A lock held elsewhere
// is ErrLocked and a file-system failure (permissions, a missing folder)
// is passed on as it is; anything else means bbolt could not read the file
// as a database of its own, whatever words it chose ("invalid database",
// "file size too small"), so it is not a cairn workbook.
func openError(path string, err error) error {
	var pathErr *fs.PathError
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return fmt.Errorf("%s: %w", path, ErrLocked)
	case errors.Is(err, ErrReplaced), errors.Is(err, ErrDamaged):
		return fmt.Errorf("%s: %w", path, err)
	case errors.As(err, &pathErr):
		return fmt.Errorf("open %s: %w", path, err)
	}
	return fmt.Errorf("%s: %w (%v)", path, ErrNotCairn, err)
}

// tighten makes sure only the owner can read the workbook.
func tighten(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if info.Mode().Perm()&0o077 == 0 {
		return nil
	}
	if err := os.Chmod(path, info.Mode().Perm()&0o700); err != nil {
		return fmt.Errorf("make %s private: %w", path, err)
	}
	return nil
}

// Path returns the file the store was opened on.
func (s *Store) Path() string { return s.path }

// Close releases the file and the editor's lock.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.lock != nil {
		if lerr := s.lock.release(); err == nil {
			err = lerr
		}
		s.lock = nil
	}
	return err
}

// put encodes v as the newest version of its kind and stores it under key.
func put(b *bolt.Bucket, key []byte, kind recordKind, v any) error {
	raw, err := encode(kind, v)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}

// get decodes the record under key into v, upgraded to the newest version
// of its kind, reporting damage with its location. found is false when
// there is no such key.
func get(b *bolt.Bucket, where string, key []byte, kind recordKind, c upgradeContext, v any) (found bool, err error) {
	raw := b.Get(key)
	if raw == nil {
		return false, nil
	}
	if err := decode(raw, kind, c, v); err != nil {
		return true, &DamagedError{Where: where + "/" + string(key), Err: err}
	}
	return true, nil
}
