package store

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

// The journal
//
// Entries live in journal/ under keys that sort by the day of the run and
// then by ID, so newest first is the bucket read backwards:
//
//	journal/
//	    2026-11-30 01a1fa6fe6c025b1c4ac     Entry (no space: day, then ID)
//	journal-index/
//	    id/<entry id>                       the entry's key in journal/
//	    fp/<fingerprint>                    the ID of the imported run
//
// Entries are only ever read through page (page.go): a page from a cursor
// (JournalPage), every entry between two days a page at a time
// (JournalScan), or one by ID through the index (Entry). Nothing decodes
// the whole journal at once. The index is written in the same transaction
// as the entry, so the two never disagree. An imported run's fingerprint
// stays in the index after its entry is deleted: a run the runner
// deleted is not imported again.

// The widest range of days JournalScan can be asked for.
var (
	FirstDay = workbook.MakeDay(1, time.January, 1)
	LastDay  = workbook.MakeDay(9999, time.December, 31)
)

// scanPage is how many entries JournalScan decodes at a time.
const scanPage = 256

// releaseEvery is how many pages of a scan are read between two releases
// of the map's pages (release_linux.go): each release walks the whole
// map, so it comes every few megabytes rather than every page.
const releaseEvery = 16

var (
	prefixID          = []byte("id/")
	prefixFingerprint = []byte("fp/")
)

// entryKey is where an entry is kept: its day, then its ID.
func entryKey(d workbook.Day, id string) []byte { return []byte(d.String() + id) }

func idKey(id string) []byte { return append(bytes.Clone(prefixID), id...) }

func fingerprintKey(fp string) []byte { return append(bytes.Clone(prefixFingerprint), fp...) }

// JournalFrom is the cursor that starts a page of the journal at day d:
// newest first, at the last entry on or before d; oldest first, at the
// first entry on or after it.
func JournalFrom(d workbook.Day, newestFirst bool) string {
	if newestFirst {
		return d.String() + "~" // '~' sorts after every ID
	}
	return d.String()
}

// JournalCursor is the cursor of a page that starts at entry e.
func JournalCursor(e workbook.Entry) string { return string(entryKey(e.Day, e.ID)) }

// decodeEntry reads the entry stored under key and checks it is the one
// the key names.
func decodeEntry(tx *bolt.Tx, key, raw []byte) (workbook.Entry, error) {
	where := "journal/" + keyName(key)
	if raw == nil {
		return workbook.Entry{}, &DamagedError{Where: where, Err: fmt.Errorf("%w: a bucket where an entry belongs", ErrDamaged)}
	}
	raw, err := openAt(tx, string(bucketJournal), key, raw, kindEntry)
	if err != nil {
		return workbook.Entry{}, err
	}
	var r entryRecord
	if err := decode(raw, kindEntry, upgradeContext{}, &r); err != nil {
		return workbook.Entry{}, &DamagedError{Where: where, Err: err}
	}
	e, err := r.entry()
	if err != nil {
		return workbook.Entry{}, &DamagedError{Where: where, Err: undecodable(kindEntry, err)}
	}
	if !bytes.Equal(entryKey(e.Day, e.ID), key) {
		return workbook.Entry{}, misplaced("journal/"+quotedKey(key), "a run that belongs elsewhere")
	}
	return e, nil
}

// indexEntry records where e is kept, and its fingerprint.
func indexEntry(idx *bolt.Bucket, e workbook.Entry, key []byte) error {
	if err := idx.Put(idKey(e.ID), key); err != nil {
		return err
	}
	if fp := e.Source.Fingerprint; fp != "" {
		return idx.Put(fingerprintKey(fp), []byte(e.ID))
	}
	return nil
}

// journalBuckets returns the journal's buckets. A file opened read-only at
// an older schema may lack them; reading it finds no entries.
func journalBuckets(tx *bolt.Tx) (j, idx *bolt.Bucket) {
	return tx.Bucket(bucketJournal), tx.Bucket(bucketJournalIndex)
}

// journalOf returns the journal's buckets for a reader, failing when a
// file whose schema has them lacks them (a damaged name): its runs would
// otherwise read as none.
func (s *Store) journalOf(tx *bolt.Tx) (j, idx *bolt.Bucket, err error) {
	j, idx = journalBuckets(tx)
	switch {
	case j == nil && s.schema >= 2:
		return nil, nil, &DamagedError{Where: "journal", Err: fmt.Errorf("%w: the journal cannot be found", ErrDamaged)}
	case idx == nil && s.schema >= 3:
		return nil, nil, &DamagedError{Where: "journal-index", Err: fmt.Errorf("%w: the journal's index cannot be found", ErrDamaged)}
	}
	return j, idx, nil
}

// updateJournal runs fn in a write transaction with the journal's buckets,
// and notes that the workbook was used.
func (s *Store) updateJournal(what string, fn func(j, idx *bolt.Bucket) error) error {
	now := s.now().UTC()
	err := s.db.Update(func(tx *bolt.Tx) error {
		j, idx := journalBuckets(tx)
		if j == nil || idx == nil {
			return fmt.Errorf("the journal is missing: %w", ErrDamaged)
		}
		if err := fn(j, idx); err != nil {
			return err
		}
		return touch(tx.Bucket(bucketMeta), now)
	})
	if err != nil {
		return fmt.Errorf("save %s: %w", what, err)
	}
	return nil
}

// putEntry stores e, moving it if its day changed, and indexes it.
func putEntry(j, idx *bolt.Bucket, e workbook.Entry) error {
	key := entryKey(e.Day, e.ID)
	if old := idx.Get(idKey(e.ID)); old != nil && !bytes.Equal(old, key) {
		if err := j.Delete(old); err != nil {
			return err
		}
	}
	if err := put(j, "journal", key, kindEntry, entryToRecord(e)); err != nil {
		return err
	}
	return indexEntry(idx, e, key)
}

// PutEntry stores a journal entry, adding it or replacing the one with its
// ID (wherever its day was).
func (s *Store) PutEntry(e workbook.Entry) error {
	if e.ID == "" {
		return errors.New("save entry: no ID")
	}
	return s.updateJournal("entry", func(j, idx *bolt.Bucket) error { return putEntry(j, idx, e) })
}

// DeleteEntry removes an entry. Deleting one that is not there is not an
// error. An imported run's fingerprint is kept, so importing its file
// again does not bring it back.
func (s *Store) DeleteEntry(id string) error {
	return s.updateJournal("entry", func(j, idx *bolt.Bucket) error {
		key := idx.Get(idKey(id))
		if key == nil {
			return nil
		}
		if err := j.Delete(bytes.Clone(key)); err != nil {
			return err
		}
		return idx.Delete(idKey(id))
	})
}

// Entry reads one entry by ID, or fails with ErrNotFound.
func (s *Store) Entry(id string) (workbook.Entry, error) {
	var e workbook.Entry
	err := s.db.View(func(tx *bolt.Tx) error {
		j, idx, err := s.journalOf(tx)
		switch {
		case err != nil:
			return err
		case j == nil || idx == nil:
			return ErrNotFound
		}
		key := idx.Get(idKey(id))
		if key == nil {
			return ErrNotFound
		}
		e, err = decodeEntry(tx, key, j.Get(key))
		return err
	})
	if err != nil {
		return workbook.Entry{}, fmt.Errorf("read entry %s: %w", id, err)
	}
	return e, nil
}

// JournalPage reads up to limit entries starting at cursor from, newest
// first when newestFirst is set. An empty from starts at the newest entry
// (the oldest, going forward); JournalFrom makes the cursor for a day. next
// is the cursor of the following page, "" when there are no more. Like
// SeasonsPage, a page starts at its cursor inclusively, so a cursor stays
// good when entries are added or deleted between pages.
func (s *Store) JournalPage(from string, limit int, newestFirst bool) (entries []workbook.Entry, next string, err error) {
	if limit < 1 {
		return nil, "", fmt.Errorf("read the journal: a page holds at least one entry, not %d", limit)
	}
	err = s.db.View(func(tx *bolt.Tx) error {
		j, _, err := s.journalOf(tx)
		if j == nil {
			return err
		}
		raw, n := page(j, []byte(from), limit, newestFirst)
		next = string(n)
		entries = make([]workbook.Entry, 0, len(raw))
		for _, r := range raw {
			e, err := decodeEntry(tx, r.key, r.value)
			if err != nil {
				return err
			}
			entries = append(entries, e)
		}
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("read the journal: %w", err)
	}
	return entries, next, nil
}

// JournalScan calls fn with every entry from day first to day last, both
// included, oldest first or newest first, until fn returns false. It reads
// in one consistent snapshot, a page at a time, so however long the
// journal only a page is ever decoded at once. FirstDay and LastDay leave
// either end open.
func (s *Store) JournalScan(first, last workbook.Day, newestFirst bool, fn func(workbook.Entry) bool) error {
	if last < first {
		return nil
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		j, _, err := s.journalOf(tx)
		if j == nil {
			return err
		}
		from, stop := []byte(JournalFrom(first, false)), []byte(JournalFrom(last, true))
		if newestFirst {
			from, stop = stop, from
		}
		for pages := 1; from != nil; pages++ {
			var raw []entry
			raw, from = page(j, from, scanPage, newestFirst)
			if pages%releaseEvery == 0 {
				releaseMapped(tx) // raw is copied out of the map
			}
			for _, r := range raw {
				if (!newestFirst && bytes.Compare(r.key, stop) > 0) || (newestFirst && bytes.Compare(r.key, stop) < 0) {
					return nil
				}
				e, err := decodeEntry(tx, r.key, r.value)
				if err != nil {
					return err
				}
				if !fn(e) {
					return nil
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read the journal: %w", err)
	}
	return nil
}

// ImportEntries adds imported runs in one transaction, skipping any whose
// fingerprint the journal already knows (imported before, or twice in
// this batch). It returns the entries it added.
func (s *Store) ImportEntries(entries []workbook.Entry) (added []workbook.Entry, err error) {
	for _, e := range entries {
		if e.ID == "" || e.Source.Fingerprint == "" {
			return nil, errors.New("import runs: an entry without an ID or a fingerprint")
		}
	}
	err = s.updateJournal("imported runs", func(j, idx *bolt.Bucket) error {
		added = added[:0]
		j.FillPercent = 0.9 // imports mostly append
		for _, e := range entries {
			if idx.Get(fingerprintKey(e.Source.Fingerprint)) != nil {
				continue
			}
			if err := putEntry(j, idx, e); err != nil {
				return err
			}
			added = append(added, e)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return added, nil
}

// Imported reports whether a run with this fingerprint was ever imported,
// even if its entry has since been deleted.
func (s *Store) Imported(fingerprint string) (bool, error) {
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		_, idx, err := s.journalOf(tx)
		if idx != nil {
			found = idx.Get(fingerprintKey(fingerprint)) != nil
		}
		return err
	})
	return found, err
}

// JournalSettings returns the runner's journal settings, or the defaults
// when none were saved.
func (s *Store) JournalSettings() (workbook.JournalSettings, error) {
	settings := workbook.DefaultJournalSettings()
	err := s.db.View(func(tx *bolt.Tx) error {
		meta, err := metaRecords(tx)
		if err != nil {
			return err
		}
		raw := meta[string(keyJournalSettings)]
		if raw == nil {
			return nil
		}
		var r journalSettingsRecord
		if err := decodeAt(tx, "meta", keyJournalSettings, raw, "meta/"+string(keyJournalSettings), kindJournalSettings, upgradeContext{}, &r); err != nil {
			return err
		}
		settings, err = r.settings()
		if err != nil {
			return &DamagedError{Where: "meta/journal-settings", Err: undecodable(kindJournalSettings, err)}
		}
		return nil
	})
	if err != nil {
		return workbook.DefaultJournalSettings(), fmt.Errorf("read the journal's settings: %w", err)
	}
	return settings, nil
}

// SaveJournalSettings stores the runner's journal settings.
func (s *Store) SaveJournalSettings(js workbook.JournalSettings) error {
	if js.Plan < 0 {
		return fmt.Errorf("save the journal's settings: a plan of %d runs a week", js.Plan)
	}
	now := s.now().UTC()
	err := s.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if err := put(meta, "meta", keyJournalSettings, kindJournalSettings, journalSettingsToRecord(js)); err != nil {
			return err
		}
		return touch(meta, now)
	})
	if err != nil {
		return fmt.Errorf("save the journal's settings: %w", err)
	}
	return nil
}

// SaveExperimentReview adds a look back at a value's experiment to the
// season's reviews. Every review is kept.
func (s *Store) SaveExperimentReview(seasonID string, r workbook.ExperimentReview) error {
	return s.update("experiment review", seasonID, func(b *bolt.Bucket) error {
		var rs []reviewRecord
		if _, err := get(b, seasonPath(seasonID), keyExperiments, kindReviews, upgradeContext{}, &rs); err != nil {
			return err
		}
		return put(b, seasonPath(seasonID), keyExperiments, kindReviews, append(rs, reviewsToRecord([]workbook.ExperimentReview{r})...))
	})
}

// readReviews reads a season's experiment reviews, oldest first.
func readReviews(b *bolt.Bucket, where string) ([]workbook.ExperimentReview, error) {
	var rs []reviewRecord
	if _, err := get(b, where, keyExperiments, kindReviews, upgradeContext{}, &rs); err != nil {
		return nil, err
	}
	out, err := reviewsFromRecord(rs)
	if err != nil {
		return nil, &DamagedError{Where: where + "/" + string(keyExperiments), Err: undecodable(kindReviews, err)}
	}
	return out, nil
}
