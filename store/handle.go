package store

import (
	"errors"
	"io/fs"
	"os"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Readers while the workbook is open
//
// bbolt locks its file with flock for as long as a handle is open:
// exclusively for a read-write handle, shared for a read-only one, and it
// has no way to skip the lock. An app that kept a read-write handle for a
// whole evening would shut every reader out (cairn export, journal,
// themes, backup, check) for the evening. So the one process that edits a
// workbook says so with a lock file of its own, and reaches bbolt only
// for the length of one transaction:
//
//	cairn.db.lock   flock held exclusively by the one editor (the app, or
//	                a writing command such as cairn log) for its life;
//	                it also notes the editor's last commit (editor.go)
//	cairn.db        bbolt's own flock, held only while a transaction runs:
//	                open, one transaction, close
//
// A reader opens cairn.db read-only as bbolt always allows: its shared
// flock waits at most LockTimeout for the editor's transaction to end
// (milliseconds), and from then on no write can start until the reader
// closes the file. It never touches the lock file, so it never waits for
// the editor's session, only for one of its transactions. A second editor
// is refused by the lock file at once, as before.
//
// Why this is safe: bbolt's own flock still stands between every write
// and every read, exactly as with long-lived handles. A writer's handle
// exists only inside Update, so everything a reader can map is a
// committed state of the file; a reader's shared lock keeps any writer
// out until it is done, so nothing changes under its mmap. The lock file
// keeps two editors from interleaving whole sessions (each would write
// from its own stale copy of the season), which bbolt's per-transaction
// lock alone would allow.
//
// Within one process, transactions are serialised by a sync.RWMutex:
// flock is per open file, so the app's own read handle would otherwise
// shut out its own next write. Each handle is opened without O_CREATE and
// checked to be the very file the store was opened on, so a workbook
// moved, deleted or replaced while cairn has it open is never recreated
// or written over; and its size is checked against its header before it
// is mapped (header.go), so a truncated file is reported, not mapped past
// its end.

// TxLockTimeout is how long a transaction of the editor waits for a
// reader to close the file. Readers hold it for as long as they take to
// read (an export of a 100,000-run journal takes under a second); a save
// that waits longer fails, keeps its text, and is tried again.
const TxLockTimeout = 5 * time.Second

// ErrReplaced means the workbook file was moved, deleted or replaced by
// another file while cairn had it open. Nothing is written to the file now
// at that path.
var ErrReplaced = errors.New("the workbook file was moved or replaced while cairn had it open")

// handle is how a Store reaches its file: either one bbolt handle kept for
// the Store's life (a read-only Store), or a new one for every
// transaction (an editor). Its View and Update have bbolt's signatures.
type handle struct {
	path string
	// held is the handle of a read-only Store; nil for an editor.
	held *bolt.DB
	// mu serialises the editor's transactions within this process.
	mu sync.RWMutex
	// wait is how long a transaction waits for another process's lock.
	wait time.Duration
	// file is the workbook as it was first opened: every later handle
	// must be this same file.
	file fs.FileInfo
	// committed is told the ID of every transaction Update commits.
	committed func(txid uint64)
	// gate, if set, holds every write until it is decided (gate.go).
	gate   *Gate
	closed bool
}

// openHeld opens path read-only for a Store's life.
func openHeld(path string, wait time.Duration) (*handle, error) {
	db, err := openBolt(path, true, wait, nil)
	if err != nil {
		return nil, err
	}
	return &handle{path: path, held: db, wait: wait}, nil
}

// openPerTx prepares to open path for each transaction. The file must
// exist; it is remembered so a replaced file is never written.
func openPerTx(path string, wait time.Duration, committed func(uint64)) (*handle, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fileError("open", path, err)
	}
	return &handle{path: path, wait: wait, file: info, committed: committed}, nil
}

// View runs fn in a read-only transaction. A panic or a fault in the
// mapped file while it runs is a *DamagedError (guard).
func (h *handle) View(fn func(*bolt.Tx) error) error {
	if h.held != nil {
		// A reader keeps its map for its life: what one transaction read
		// is let go before the next, so a reader of many seasons holds
		// one at a time (release_linux.go).
		return h.inFile(guard(func() error {
			return h.held.View(func(tx *bolt.Tx) error {
				defer releaseMapped(tx)
				return fn(tx)
			})
		}))
	}
	h.mu.RLock()
	defer h.mu.RUnlock()
	db, err := h.open(true)
	if err != nil {
		return err
	}
	err = h.inFile(guard(func() error { return db.View(fn) }))
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// inFile names the workbook file in damage found reading it.
func (h *handle) inFile(err error) error { return inFile(h.path, err) }

// inFile names the file at path in damage found reading it, for the
// caller to check the file (cmd/cairn checks it in a child process).
func inFile(path string, err error) error {
	var d *DamagedError
	if errors.As(err, &d) && d.File == "" {
		d.File = path
	}
	return err
}

// Update runs fn in a read-write transaction and commits it, or rolls it
// back if fn fails.
func (h *handle) Update(fn func(*bolt.Tx) error) error {
	if h.held != nil {
		return h.held.Update(fn) // bbolt refuses: the handle is read-only
	}
	if h.gate != nil {
		// Outside the lock: reads go on while a write waits here.
		if err := h.gate.Wait(); err != nil {
			return err
		}
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	db, err := h.open(false)
	if err != nil {
		return err
	}
	var txid uint64
	// A panic rolls the transaction back before guard sees it: nothing
	// of it is written.
	err = h.inFile(guard(func() error {
		return db.Update(func(tx *bolt.Tx) error {
			txid = uint64(tx.ID())
			return fn(tx)
		})
	}))
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err == nil && h.committed != nil {
		h.committed(txid)
	}
	return err
}

// open opens a bbolt handle for one transaction.
func (h *handle) open(readOnly bool) (*bolt.DB, error) {
	if h.closed {
		return nil, bolt.ErrDatabaseNotOpen
	}
	return openBolt(h.path, readOnly, h.wait, h.file)
}

// Close closes the handle kept open, if any. An editor's handle has
// nothing open between transactions.
func (h *handle) Close() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	if h.held != nil {
		return h.held.Close()
	}
	return nil
}

// openBolt opens path with bbolt, waiting at most wait for another
// process's lock. It never creates the file; when same is set, the file
// opened must be that one; and a file shorter than its header says is
// refused before it is mapped.
func openBolt(path string, readOnly bool, wait time.Duration, same fs.FileInfo) (*bolt.DB, error) {
	opts := &bolt.Options{ReadOnly: readOnly, Timeout: wait, OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag&^os.O_CREATE, perm)
		if errors.Is(err, fs.ErrNotExist) && same != nil {
			return nil, ErrReplaced
		}
		if err != nil {
			return nil, err
		}
		info, err := f.Stat()
		if err == nil && same != nil && !os.SameFile(info, same) {
			err = ErrReplaced
		}
		if err == nil {
			err = lockFile(f, readOnly, wait)
		}
		if err == nil {
			// Measured under the lock: no writer is growing it now.
			if info, err = f.Stat(); err == nil {
				err = checkLength(f, info.Size())
			}
		}
		if err != nil {
			f.Close()
			return nil, err
		}
		return f, nil
	}}
	var db *bolt.DB
	// Opening reads the header and the freelist, which can panic on a
	// damaged page.
	err := guard(func() (err error) {
		db, err = bolt.Open(path, 0o600, opts)
		return err
	})
	if err != nil {
		return nil, openError(path, err)
	}
	return db, nil
}

// lockFile takes bbolt's lock on f the way bbolt would, shared for a
// reader and exclusive for a writer, but trying far more often (see
// fileLock). When the time runs out it fails as bbolt's own wait does.
func lockFile(f *os.File, readOnly bool, wait time.Duration) error {
	how := lockExclusive
	if readOnly {
		how = lockShared
	}
	busy, err := fileLock(f, how, wait)
	if busy {
		return berrors.ErrTimeout
	}
	return err
}
