package store

import (
	"encoding/json"
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
	// Sealed says the workbook's records are encrypted (crypt.go). Only
	// a sealed workbook's schema record is written at version 2, so a
	// cairn from before encryption refuses it as newer than it knows
	// rather than reading every record as damaged, or writing plain ones
	// among them; a plain workbook stays readable by it.
	Sealed bool `json:"sealed,omitempty"`
}

// upgradeSchemaV1 reads a version 1 schema record: always a plain file.
func upgradeSchemaV1(s schema, _ upgradeContext) (schema, error) { return s, nil }

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
	if err := refuseForeignLink(path); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create the folder for %s: %w", path, err)
	}
	lock, err := lockEditor(path, cfg.wait, cfg.window)
	if err != nil {
		return nil, err
	}
	if cfg.checkFirst != nil {
		if err := cfg.checkFirst(); err != nil {
			lock.release()
			return nil, err
		}
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
	removeRewrites(path)
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
	if err := noSealedInPlain(path); err != nil {
		return nil, err
	}
	// One that cannot be made private is refused before anything is
	// written to it; the mode itself changes once a migration, which
	// leaves the file as it was if it fails, is done.
	if err := mayTighten(path); err != nil {
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
	now        func() time.Time
	wait       time.Duration
	window     bool
	checkFirst func() error
	gate       *Gate
}

// An Option adjusts how Open opens a Store.
type Option func(*options)

// WithClock makes the store date new seasons, saves and backups by now
// instead of the wall clock.
func WithClock(now func() time.Time) Option {
	return func(o *options) { o.now = now }
}

// CheckFirst makes Open call check once it holds the editor's lock, and
// before it opens or creates the file; an error from check fails Open
// with that error, the lock let go and nothing opened. cairn checks the
// workbook there in a child process (cmd/cairn/check.go): the check sees
// a file no other editor can change until Open is done, and a second
// window is turned away before it spends any time checking.
func CheckFirst(check func() error) Option {
	return func(o *options) { o.checkFirst = check }
}

// AsWindow marks the editor as a window that keeps the workbook open for
// as long as the runner writes: another editor that finds it there is
// turned away at once instead of waiting (editor.go).
func AsWindow() Option {
	return func(o *options) { o.window = true }
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
		return fileError("open", path, err)
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
	// A creation killed half-way leaves its temporary file behind; the
	// editor's lock is held, so no other creation is under way.
	if old, err := filepath.Glob(filepath.Join(filepath.Dir(path), "."+globEscape(filepath.Base(path))+".new-*")); err == nil {
		for _, f := range old {
			os.Remove(f)
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".new-*")
	if err != nil {
		return fileError("create", path, err)
	}
	tmpPath := tmp.Name()
	_ = tmp.Close()
	// bbolt initialises a file only when it is empty, which CreateTemp's is.
	defer os.Remove(tmpPath)

	db, err := bolt.Open(tmpPath, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return fileError("create", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range topBuckets {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		if err := putSchema(tx, schema{App: appName, Version: SchemaVersion, Created: time.Now().UTC()}); err != nil {
			return err
		}
		if sealNew != nil {
			return sealNew(tx)
		}
		return nil
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fileError("create", path, err)
	}
	if err := os.Chmod(tmpPath, 0o600); err != nil {
		return fileError("create", path, err)
	}
	// Link refuses to replace an existing file, unlike Rename.
	if err := os.Link(tmpPath, path); err != nil && !errors.Is(err, fs.ErrExist) {
		return fileError("create", path, err)
	}
	return nil
}

// validate proves path is a cairn workbook this build can use, through a
// read-only open that cannot change a byte, and returns its schema version.
// A workbook whose last save is lost (its newest header page damaged:
// damagedHeader) is damaged, for a reader as for the editor: bbolt would
// read the save before it without a word, and the editor's next save
// would make the loss final.
func validate(path string) (int, error) {
	if err := lostSave(path); err != nil {
		return 0, inFile(path, err)
	}
	if where := boundsOf(path); where != "" {
		return 0, inFile(path, &DamagedError{Where: "the file's structure", Err: fmt.Errorf("%w: %s", ErrDamaged, where)})
	}
	db, err := openBolt(path, true, LockTimeout, nil)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var version int
	err = guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			s, err := readSchema(tx)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			if tx.Bucket(bucketSeasons) == nil {
				return fmt.Errorf("%s: %w (its seasons are missing)", path, ErrNotCairn)
			}
			if k, encrypted, err := keyOf(tx); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			} else if encrypted && k == nil {
				return fmt.Errorf("%s: %w", path, ErrEncrypted)
			}
			version = s.Version
			return nil
		})
	})
	return version, inFile(path, err)
}

// lostSave reads the header of the file at path with plain reads and
// fails with a *DamagedError when its last save is lost or may be.
func lostSave(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fileError("open", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fileError("open", path, err)
	}
	h := readHeader(f, info.Size())
	_, slot, ok := h.current()
	if !ok {
		return nil // not a bbolt file at all: bbolt says so
	}
	if where, problem, _ := damagedHeader(h, slot, path); problem != "" {
		return &DamagedError{Where: where, Err: fmt.Errorf("%w: %s", ErrDamaged, problem)}
	}
	return nil
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
	case s.Sealed != (meta.Get(keyCrypt) != nil):
		return s, &DamagedError{Where: "meta/crypt", Err: fmt.Errorf("%w: the schema and the key record disagree on whether the workbook is encrypted", ErrDamaged)}
	}
	return s, nil
}

func putSchema(tx *bolt.Tx, s schema) error {
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	v := 1
	if s.Sealed {
		v = 2
	}
	return tx.Bucket(bucketMeta).Put(keySchema, seal(kindSchema, v, data))
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
		return fmt.Errorf("%s: %w", path, inFile(path, err))
	case errors.As(err, &pathErr):
		return fileError("open", path, err)
	}
	return fmt.Errorf("%s: %w (%v)", path, ErrNotCairn, err)
}

// mayTighten fails as tighten would, before anything is written: the
// file is not private and belongs to another user, so only root could
// change its mode.
func mayTighten(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fileError("open", path, err)
	}
	if info.Mode().Perm()&0o077 == 0 || os.Geteuid() == 0 {
		return nil
	}
	if uid, ok := fileOwner(path); ok && uid != os.Geteuid() {
		return notPrivate(path)
	}
	return nil
}

// notPrivate says that the file at path belongs to another user and what
// to do instead.
func notPrivate(path string) error {
	return fmt.Errorf("%s belongs to another user, so cairn cannot make it private (readable by its owner only), and will not write to it.\n"+
		"Open a copy of your own instead (cp %s my-workbook.db; cairn --db my-workbook.db), or ask its owner to run chmod 600 on it", path, path)
}

// tighten makes sure only the owner can read the workbook.
func tighten(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fileError("open", path, err)
	}
	if info.Mode().Perm()&0o077 == 0 {
		return nil
	}
	if err := os.Chmod(path, info.Mode().Perm()&0o700); errors.Is(err, fs.ErrPermission) {
		return notPrivate(path)
	} else if err != nil {
		return fileError("make private", path, err)
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

// put encodes v as the newest version of its kind and stores it under key
// in b, the bucket at path where: sealed, when the workbook is (crypt.go).
func put(b *bolt.Bucket, where string, key []byte, kind recordKind, v any) error {
	raw, err := encode(kind, v)
	if err != nil {
		return err
	}
	return putRaw(b, where, key, kind, raw)
}

// putRaw stores raw, a plain record of kind, under key in b, the bucket
// at path where: sealed, when the workbook is.
func putRaw(b *bolt.Bucket, where string, key []byte, kind recordKind, raw []byte) error {
	raw, err := sealAt(b.Tx(), where, key, kind, raw)
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
	return true, decodeAt(b.Tx(), where, key, raw, where+"/"+string(key), kind, c, v)
}

// decodeAt opens raw, the record under key in the bucket at path as its
// writer named them (in a sealed workbook: they are its associated data,
// crypt.go), and decodes it into v, as get does; where names it in
// errors, in keyName's shapes. nil raw (no record) leaves v as it is.
func decodeAt(tx *bolt.Tx, path string, key, raw []byte, where string, kind recordKind, c upgradeContext, v any) error {
	if raw == nil {
		return nil
	}
	raw, err := openAt(tx, path, key, raw, kind)
	if err != nil {
		return err
	}
	if err := decode(raw, kind, c, v); err != nil {
		return &DamagedError{Where: where, Err: err}
	}
	return nil
}
