package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/cairn-run/cairn/workbook"
)

// SchemaVersion is the layout version this build reads and writes.
const SchemaVersion = 1

// LockTimeout is how long Open waits for another process to let go of the
// file before it gives up with ErrLocked.
const LockTimeout = time.Second

const appName = "cairn"

var (
	bucketMeta    = []byte("meta")
	bucketSeasons = []byte("seasons")
	bucketAnswers = []byte("answers")
	bucketGoals   = []byte("goals")

	keySchema  = []byte("schema")
	keyCurrent = []byte("current")
	keySeason  = []byte("season")
	keyPlace   = []byte("place")
	keyThemes  = []byte("themes")
	keyValues  = []byte("values")
)

type schema struct {
	App     string    `json:"app"`
	Version int       `json:"version"`
	Created time.Time `json:"created"`
}

// Store is an open cairn workbook. Its methods are safe for concurrent use.
type Store struct {
	db   *bolt.DB
	path string
	now  func() time.Time
}

// Open opens the workbook at path, creating it (and its directory, mode
// 0700) if it does not exist. The file is kept at mode 0600. A file that is
// locked by another process fails with ErrLocked after LockTimeout; a file
// that is not a cairn workbook fails with ErrNotCairn or ErrNewerSchema and
// is left exactly as it was.
func Open(path string, opts ...Option) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create the folder for %s: %w", path, err)
	}
	switch err := checkFile(path); {
	case errors.Is(err, fs.ErrNotExist):
		if err := create(path); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, err
	}
	if err := validate(path); err != nil {
		return nil, err
	}
	if err := tighten(path); err != nil {
		return nil, err
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return nil, openError(path, err)
	}
	s := &Store{db: db, path: path, now: time.Now}
	for _, opt := range opts {
		opt(s)
	}
	return s, nil
}

// An Option adjusts an opened Store.
type Option func(*Store)

// WithClock makes the store date new seasons by now instead of the wall
// clock.
func WithClock(now func() time.Time) Option {
	return func(s *Store) { s.now = now }
}

// OpenReadOnly opens an existing workbook for reading only, as an export
// does: it never creates, changes or tightens the file. It fails with
// ErrNotFound when there is no file at path.
func OpenReadOnly(path string) (*Store, error) {
	switch err := checkFile(path); {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: %w (no workbook there yet)", path, ErrNotFound)
	case err != nil:
		return nil, err
	}
	if err := validate(path); err != nil {
		return nil, err
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: LockTimeout})
	if err != nil {
		return nil, openError(path, err)
	}
	return &Store{db: db, path: path, now: time.Now}, nil
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
		meta, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		if _, err := tx.CreateBucket(bucketSeasons); err != nil {
			return err
		}
		return put(meta, keySchema, kindSchema, schema{App: appName, Version: SchemaVersion, Created: time.Now().UTC()})
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
// read-only open that cannot change a byte.
func validate(path string) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: LockTimeout})
	if err != nil {
		return openError(path, err)
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || meta.Get(keySchema) == nil {
			return fmt.Errorf("%s: %w (it has no cairn schema record)", path, ErrNotCairn)
		}
		var s schema
		if err := decode(meta.Get(keySchema), kindSchema, &s); err != nil {
			if errors.Is(err, ErrNewerSchema) {
				return fmt.Errorf("%s: %w", path, err)
			}
			return fmt.Errorf("%s: %w (its schema record is unreadable)", path, ErrNotCairn)
		}
		switch {
		case s.App != appName:
			return fmt.Errorf("%s: %w (it belongs to %q)", path, ErrNotCairn, s.App)
		case s.Version > SchemaVersion:
			return fmt.Errorf("%s: %w (schema %d; this cairn knows up to %d)", path, ErrNewerSchema, s.Version, SchemaVersion)
		case tx.Bucket(bucketSeasons) == nil:
			return fmt.Errorf("%s: %w (its seasons are missing)", path, ErrNotCairn)
		}
		return nil
	})
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

// Close releases the file and its lock.
func (s *Store) Close() error { return s.db.Close() }

// put encodes v and stores it under key.
func put(b *bolt.Bucket, key []byte, kind string, v any) error {
	raw, err := encode(kind, v)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}

// get decodes the record under key into v, reporting damage with its
// location. found is false when there is no such key.
func get(b *bolt.Bucket, where string, key []byte, kind string, v any) (found bool, err error) {
	raw := b.Get(key)
	if raw == nil {
		return false, nil
	}
	if err := decode(raw, kind, v); err != nil {
		return true, &DamagedError{Where: where + "/" + string(key), Err: err}
	}
	return true, nil
}

// Current returns the season the workbook opens on, starting the first
// season if there is none yet.
func (s *Store) Current() (workbook.Season, error) {
	var rec seasonRecord
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		id := tx.Bucket(bucketMeta).Get(keyCurrent)
		if id == nil {
			return nil
		}
		b, err := seasonBucket(tx, string(id))
		if err != nil {
			return err
		}
		found = true
		_, err = get(b, "seasons/"+string(id), keySeason, kindSeason, &rec)
		return err
	})
	if err != nil {
		return workbook.Season{}, fmt.Errorf("current season: %w", err)
	}
	if found {
		return rec.season(), nil
	}
	return s.StartSeason("")
}

// StartSeason begins a new season and makes it the current one. reason is
// why the runner is back; it is empty for the first season.
func (s *Store) StartSeason(reason string) (workbook.Season, error) {
	now := s.now().UTC()
	season := workbook.Season{ID: workbook.NewID(now), Name: "Season of " + now.Format("January 2006"), Started: now, Reason: reason}
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.Bucket(bucketSeasons).CreateBucket([]byte(season.ID))
		if err != nil {
			return err
		}
		for _, name := range [][]byte{bucketAnswers, bucketGoals} {
			if _, err := b.CreateBucket(name); err != nil {
				return err
			}
		}
		if err := put(b, keySeason, kindSeason, seasonToRecord(season)); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyCurrent, []byte(season.ID))
	})
	if err != nil {
		return workbook.Season{}, fmt.Errorf("start season: %w", err)
	}
	return season, nil
}

// seasonBucket returns the season's bucket or ErrNotFound.
func seasonBucket(tx *bolt.Tx, id string) (*bolt.Bucket, error) {
	b := tx.Bucket(bucketSeasons).Bucket([]byte(id))
	if b == nil {
		return nil, fmt.Errorf("season %s: %w", id, ErrNotFound)
	}
	return b, nil
}

// Workbook reads everything written in a season. A damaged record fails
// the whole read with a *DamagedError: a workbook is shown whole or not
// at all, so nothing is saved over a record that could not be read.
func (s *Store) Workbook(seasonID string) (workbook.Snapshot, error) {
	var wb workbook.Snapshot
	err := s.db.View(func(tx *bolt.Tx) error {
		b, err := seasonBucket(tx, seasonID)
		if err != nil {
			return err
		}
		wb, err = readWorkbook(b, "seasons/"+seasonID)
		return err
	})
	if err != nil {
		return workbook.Snapshot{}, fmt.Errorf("read season: %w", err)
	}
	return wb, nil
}

func readWorkbook(b *bolt.Bucket, where string) (workbook.Snapshot, error) {
	wb := workbook.Snapshot{Answers: map[string]workbook.Answer{}}
	var (
		season seasonRecord
		place  placeRecord
		themes themeBoardRecord
		values []valueRecord
	)
	if _, err := get(b, where, keySeason, kindSeason, &season); err != nil {
		return wb, err
	}
	if _, err := get(b, where, keyPlace, kindPlace, &place); err != nil {
		return wb, err
	}
	if _, err := get(b, where, keyThemes, kindThemes, &themes); err != nil {
		return wb, err
	}
	if _, err := get(b, where, keyValues, kindValues, &values); err != nil {
		return wb, err
	}
	board, err := themes.board()
	if err != nil {
		return wb, &DamagedError{Where: where + "/" + string(keyThemes), Err: undecodable(kindThemes, err)}
	}
	wb.Season, wb.Place, wb.Themes, wb.Values = season.season(), place.place(), board, valuesFromRecord(values)
	ownValues := map[string]bool{}
	for _, v := range wb.Values {
		ownValues[v.ID] = v.Own
	}
	latest := func(t time.Time) {
		if t.After(wb.LastActive) {
			wb.LastActive = t
		}
	}
	latest(wb.Place.Updated)
	latest(wb.Themes.Updated)

	answers := b.Bucket(bucketAnswers)
	err = answers.ForEach(func(k, _ []byte) error {
		var a answerRecord
		if _, err := get(answers, where+"/answers", k, kindAnswer, &a); err != nil {
			return err
		}
		wb.Answers[a.Question] = a.answer()
		latest(a.Updated)
		return nil
	})
	if err != nil {
		return wb, err
	}
	goals := b.Bucket(bucketGoals)
	err = goals.ForEach(func(k, _ []byte) error {
		var r goalRecord
		if _, err := get(goals, where+"/goals", k, kindGoal, &r); err != nil {
			return err
		}
		g, err := r.goal(ownValues)
		if err != nil {
			return &DamagedError{Where: where + "/goals/" + string(k), Err: undecodable(kindGoal, err)}
		}
		wb.Goals = append(wb.Goals, g)
		latest(g.Updated)
		return nil
	})
	if err != nil {
		return wb, err
	}
	sort.SliceStable(wb.Goals, func(i, j int) bool { return wb.Goals[i].Order < wb.Goals[j].Order })
	return wb, nil
}

// update runs fn on a season's bucket in a write transaction.
func (s *Store) update(what, seasonID string, fn func(b *bolt.Bucket) error) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, err := seasonBucket(tx, seasonID)
		if err != nil {
			return err
		}
		return fn(b)
	})
	if err != nil {
		return fmt.Errorf("save %s: %w", what, err)
	}
	return nil
}

// SaveAnswer stores the runner's answer to one question.
func (s *Store) SaveAnswer(seasonID string, a workbook.Answer) error {
	if a.Question == "" {
		return errors.New("save answer: no question")
	}
	return s.update("answer", seasonID, func(b *bolt.Bucket) error {
		return put(b.Bucket(bucketAnswers), []byte(a.Question), kindAnswer, answerToRecord(a))
	})
}

// SavePlace records where the runner is in the workbook.
func (s *Store) SavePlace(seasonID string, p workbook.Place) error {
	return s.update("place", seasonID, func(b *bolt.Bucket) error {
		return put(b, keyPlace, kindPlace, placeToRecord(p))
	})
}

// SaveThemes stores the season's theme decisions.
func (s *Store) SaveThemes(seasonID string, t workbook.ThemeBoard) error {
	return s.update("themes", seasonID, func(b *bolt.Bucket) error {
		return put(b, keyThemes, kindThemes, themeBoardToRecord(t))
	})
}

// SaveValues stores the season's chosen values, replacing the old list.
func (s *Store) SaveValues(seasonID string, v []workbook.ValueChoice) error {
	return s.update("values", seasonID, func(b *bolt.Bucket) error {
		return put(b, keyValues, kindValues, valuesToRecord(v))
	})
}

// PutGoal stores a goal, adding it or replacing the one with its ID.
func (s *Store) PutGoal(seasonID string, g workbook.Goal) error {
	if g.ID == "" {
		return errors.New("save goal: no ID")
	}
	return s.update("goal", seasonID, func(b *bolt.Bucket) error {
		return put(b.Bucket(bucketGoals), []byte(g.ID), kindGoal, goalToRecord(g))
	})
}

// DeleteGoal removes a goal. Deleting a goal that is not there is not an
// error.
func (s *Store) DeleteGoal(seasonID, goalID string) error {
	return s.update("goal", seasonID, func(b *bolt.Bucket) error {
		return b.Bucket(bucketGoals).Delete([]byte(goalID))
	})
}

// All reads every season's workbook, oldest season first, in one
// consistent snapshot. It is what an export is made from.
func (s *Store) All() ([]workbook.Snapshot, error) {
	var out []workbook.Snapshot
	err := s.db.View(func(tx *bolt.Tx) error {
		seasons := tx.Bucket(bucketSeasons)
		return seasons.ForEach(func(k, v []byte) error {
			if v != nil {
				return nil
			}
			wb, err := readWorkbook(seasons.Bucket(k), "seasons/"+string(k))
			if err != nil {
				return err
			}
			out = append(out, wb)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read workbook: %w", err)
	}
	return out, nil
}
