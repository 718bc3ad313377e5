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

	"github.com/cairn-run/cairn/workbook"
)

// A schemaStep brings a file from schema to-1 to schema to. Each step runs
// in one write transaction that ends by recording the new schema version,
// so a file is always wholly at one schema or the next, never between.
type schemaStep struct {
	to int
	// why says what the step is for, in an error if it fails.
	why string
	run func(tx *bolt.Tx) error
}

// schemaSteps are every step from schema 1 to SchemaVersion, in order:
// schemaSteps[i] takes a file to schema i+2. A new schema version adds a
// step here, and a file of that version to testdata/.
var schemaSteps = []schemaStep{
	{to: 2, why: "add the journal, rewrite records with explicit own links, note when it was last used", run: toSchema2},
	{to: 3, why: "add the journal's index", run: toSchema3},
	{to: 4, why: "keep each goal's history, and say why each season began", run: toSchema4},
}

// migrate brings a file opened for writing up to SchemaVersion. Before it
// writes anything it copies the file, as one consistent read transaction
// sees it, to a backup beside it; if that copy cannot be made the file is
// left untouched and the open fails. The schema is read again under the
// write lock Open now holds, so a file another cairn migrated between
// validate and here is not migrated (or backed up) twice.
func (s *Store) migrate() error {
	from := 0
	backup := ""
	err := s.db.View(func(tx *bolt.Tx) error {
		sch, err := readSchema(tx)
		if err != nil {
			return err
		}
		from = sch.Version
		if from >= SchemaVersion {
			return nil
		}
		backup, err = writeBackup(tx, s.path, SchemaVersion, s.now())
		return err
	})
	if err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	if from >= SchemaVersion {
		return nil
	}
	for _, st := range schemaSteps[from-1:] {
		err := s.db.Update(func(tx *bolt.Tx) error {
			if err := st.run(tx); err != nil {
				return err
			}
			sch, err := readSchema(tx)
			if err != nil {
				return err
			}
			sch.Version = st.to
			return putSchema(tx, sch)
		})
		if err != nil {
			return fmt.Errorf("update %s to schema %d (%s); a copy from before is at %s: %w", s.path, st.to, st.why, backup, err)
		}
	}
	s.schema = SchemaVersion
	return nil
}

// backupName names the copy made before a migration so a runner who finds
// it knows what it is: "cairn.db.before-schema-2-2026-12-03.bak", with
// "-2", "-3", ... before ".bak" when that name is taken.
func backupName(path string, to int, day time.Time, n int) string {
	name := fmt.Sprintf("%s.before-schema-%d-%s", path, to, day.Format(time.DateOnly))
	if n > 1 {
		name += fmt.Sprintf("-%d", n)
	}
	return name + ".bak"
}

// writeBackup copies the database as tx sees it to a new file beside path,
// mode 0600, and returns its name. The copy is written under a temporary
// name, synced, and then linked to its final name, which (unlike a rename)
// never replaces an earlier backup; the folder is synced so the name
// survives a crash before the migration writes.
func writeBackup(tx *bolt.Tx, path string, to int, now time.Time) (string, error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".backup-*")
	if err != nil {
		return "", errBackup(err)
	}
	tmpPath := tmp.Name()
	defer os.Remove(tmpPath)
	_, err = tx.WriteTo(tmp)
	if err == nil {
		err = tmp.Chmod(0o600)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", errBackup(err)
	}
	for n := 1; ; n++ {
		name := backupName(path, to, now.Local(), n)
		err := os.Link(tmpPath, name)
		switch {
		case err == nil:
			if err := syncDir(dir); err != nil {
				return "", errBackup(err)
			}
			return name, nil
		case !errors.Is(err, fs.ErrExist) || n == 100:
			return "", errBackup(err)
		}
	}
}

// errBackup explains that the copy made before a migration failed, which
// leaves the workbook as it was.
func errBackup(err error) error {
	return fmt.Errorf("cairn copies a workbook before updating it to a new version, and the copy could not be made, so nothing was changed: %w", err)
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

// toSchema2 adds the journal bucket, rewrites every season's records in
// the newest version of their kind (own themes and values become explicit
// references instead of an "own-" prefix or a name), points meta/current
// at the newest season if nothing did, and records in meta/last-active
// when the workbook was last written to, so start-up no longer has to
// work it out from every record.
func toSchema2(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketJournal); err != nil {
		return err
	}
	seasons := tx.Bucket(bucketSeasons)
	var last time.Time
	var newest []byte
	err := seasons.ForEach(func(k, v []byte) error {
		where := "seasons/" + keyName(k)
		if v != nil {
			return &DamagedError{Where: where, Err: fmt.Errorf("%w: a record where a season belongs", ErrDamaged)}
		}
		t, err := rewriteSeason(seasons.Bucket(k), where)
		if err != nil {
			return err
		}
		if t.After(last) {
			last = t
		}
		newest = k
		return nil
	})
	if err != nil {
		return err
	}
	meta := tx.Bucket(bucketMeta)
	if meta.Get(keyCurrent) == nil && newest != nil {
		if err := meta.Put(keyCurrent, newest); err != nil {
			return err
		}
	}
	if last.IsZero() {
		return nil
	}
	return put(meta, "meta", keyLastActive, kindLastActive, lastActiveRecord{At: last.UTC()})
}

// rewriteSeason rewrites each record of a season in the newest version of
// its kind and returns the newest time written in it: when it started, or
// the latest Updated of its records. Values go first: the goals' upgrade
// needs to know which values are the runner's own.
func rewriteSeason(b *bolt.Bucket, where string) (time.Time, error) {
	var c upgradeContext
	var last time.Time
	latest := func(data []byte) {
		var t struct {
			Started time.Time `json:"started"`
			Updated time.Time `json:"updated"`
		}
		// Only times are read here; a record that does not hold them
		// (values) adds none.
		if json.Unmarshal(data, &t) == nil {
			for _, at := range []time.Time{t.Started, t.Updated} {
				if at.After(last) {
					last = at
				}
			}
		}
	}
	data, err := rewrite(b, where, keyValues, kindValues, c)
	if err != nil {
		return last, err
	}
	if data != nil {
		var vs []valueRecord
		if err := json.Unmarshal(data, &vs); err != nil {
			return last, &DamagedError{Where: where + "/values", Err: fmt.Errorf("%w: values data does not decode", ErrDamaged)}
		}
		c.values = ownValues(vs)
	}
	for _, r := range []struct {
		key  []byte
		kind recordKind
	}{{keySeason, kindSeason}, {keyPlace, kindPlace}, {keyThemes, kindThemes}} {
		data, err := rewrite(b, where, r.key, r.kind, c)
		if err != nil {
			return last, err
		}
		latest(data)
	}
	for _, r := range []struct {
		bucket []byte
		kind   recordKind
	}{{bucketAnswers, kindAnswer}, {bucketGoals, kindGoal}} {
		sub := b.Bucket(r.bucket)
		if sub == nil {
			continue
		}
		// Collect the keys first: bbolt cursors must not run over a
		// bucket while it is being written to.
		var keys [][]byte
		err := sub.ForEach(func(k, v []byte) error {
			if v != nil {
				keys = append(keys, append([]byte(nil), k...))
			}
			return nil
		})
		if err != nil {
			return last, err
		}
		for _, k := range keys {
			data, err := rewrite(sub, where+"/"+string(r.bucket), k, r.kind, c)
			if err != nil {
				return last, err
			}
			latest(data)
		}
	}
	return last, nil
}

// rewrite stores the record under key again in the newest version of its
// kind, if it is older, and returns its newest data; nil when there is no
// record there.
func rewrite(b *bolt.Bucket, where string, key []byte, kind recordKind, c upgradeContext) ([]byte, error) {
	raw, err := openAt(b.Tx(), where, key, b.Get(key), kind)
	if raw == nil || err != nil {
		return nil, err
	}
	data, stored, err := unseal(raw, kind, c)
	if err != nil {
		return nil, &DamagedError{Where: where + "/" + keyName(key), Err: err}
	}
	if stored == kind.latest() {
		return data, nil
	}
	return data, putRaw(b, where, key, kind, seal(kind, kind.latest(), data))
}

// toSchema3 adds the journal's index: entry IDs to their keys, and the
// fingerprints of imported runs to their entries. No schema 2 build wrote
// to the journal, but anything found there is indexed all the same, so
// the index never disagrees with the entries.
func toSchema3(tx *bolt.Tx) error {
	idx, err := tx.CreateBucketIfNotExists(bucketJournalIndex)
	if err != nil {
		return err
	}
	j := tx.Bucket(bucketJournal)
	if j == nil {
		return nil
	}
	return j.ForEach(func(k, v []byte) error {
		e, err := decodeEntry(tx, k, v)
		if err != nil {
			return err
		}
		return indexEntry(idx, e, k)
	})
}

// toSchema4 gives every season a history bucket, rewrites its records in
// the newest version of their kind (a season says which reason began it;
// a small goal says its week, a resting goal its rest), and begins each
// goal's history with its adding, on the day it was made. Nothing the
// runner wrote changes.
func toSchema4(tx *bolt.Tx) error {
	seasons := tx.Bucket(bucketSeasons)
	var keys [][]byte
	err := seasons.ForEach(func(k, v []byte) error {
		if v != nil {
			return &DamagedError{Where: "seasons/" + keyName(k), Err: fmt.Errorf("%w: a record where a season belongs", ErrDamaged)}
		}
		keys = append(keys, append([]byte(nil), k...))
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range keys {
		where := "seasons/" + keyName(k)
		b := seasons.Bucket(k)
		if _, err := rewriteSeason(b, where); err != nil {
			return err
		}
		if _, err := b.CreateBucketIfNotExists(bucketHistory); err != nil {
			return err
		}
		goals := b.Bucket(bucketGoals)
		if goals == nil {
			continue
		}
		var added []workbook.Goal
		err := goals.ForEach(func(gk, v []byte) error {
			if v == nil {
				return nil
			}
			var r goalRecord
			if _, err := get(goals, where+"/goals", gk, kindGoal, upgradeContext{}, &r); err != nil {
				return err
			}
			g, err := r.goal()
			if err != nil {
				return &DamagedError{Where: where + "/goals/" + string(gk), Err: undecodable(kindGoal, err)}
			}
			if historyOf(b, g.ID) == nil {
				added = append(added, g)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, g := range added {
			at := g.Created
			if at.IsZero() {
				at = g.Updated
			}
			if err := putEvent(b, where, g.ID, workbook.AddedEvent(g, at)); err != nil {
				return err
			}
		}
	}
	return nil
}
