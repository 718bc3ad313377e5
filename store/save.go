package store

import (
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

// update runs fn on a season's bucket in a write transaction, and notes in
// meta/last-active, in the same transaction, that the workbook was used.
func (s *Store) update(what, seasonID string, fn func(b *bolt.Bucket) error) error {
	now := s.now().UTC()
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, err := seasonBucket(tx, seasonID)
		if err != nil {
			return err
		}
		if err := fn(b); err != nil {
			return err
		}
		return touch(tx.Bucket(bucketMeta), now)
	})
	if err != nil {
		return fmt.Errorf("save %s: %w", what, err)
	}
	return nil
}

// schemaLastActive is the first schema whose files keep meta/last-active.
const schemaLastActive = 2

// touch records that the workbook was written to at now.
func touch(meta *bolt.Bucket, now time.Time) error {
	return put(meta, "meta", keyLastActive, kindLastActive, lastActiveRecord{At: now})
}

// LastActive returns when anything was last saved in the workbook (an
// answer, the place, themes, values, a goal, a new season), or the zero
// time if nothing ever was. It reads one record, however large the
// workbook. A file of schema 1 opened read-only has no such record, and
// its time is worked out from its records instead.
func (s *Store) LastActive() (time.Time, error) {
	var at time.Time
	err := s.db.View(func(tx *bolt.Tx) error {
		meta, err := metaRecords(tx)
		if err != nil {
			return err
		}
		raw := meta[string(keyLastActive)]
		var rec lastActiveRecord
		err = decodeAt(tx, "meta", keyLastActive, raw, "meta/"+string(keyLastActive), kindLastActive, upgradeContext{}, &rec)
		switch {
		case err != nil:
			return err
		case raw != nil:
			at = rec.At
		case s.schema < schemaLastActive:
			at, err = lastWritten(tx)
		}
		return err
	})
	if err != nil {
		return time.Time{}, fmt.Errorf("read when the workbook was last used: %w", err)
	}
	return at, nil
}

// lastWritten works out when a file that does not say so was last written
// to: the newest start of a season or Updated of a record in it. It reads
// every season, so only older files opened read-only need it.
func lastWritten(tx *bolt.Tx) (time.Time, error) {
	var last time.Time
	seasons := tx.Bucket(bucketSeasons)
	entries, _ := page(seasons, nil, 0, false)
	for _, e := range entries {
		b, err := seasonAt(seasons, e)
		if err != nil {
			return last, err
		}
		wb, err := readWorkbook(b, e.key)
		if err != nil {
			return last, err
		}
		for _, t := range []time.Time{wb.Season.Started, wb.LastActive} {
			if t.After(last) {
				last = t
			}
		}
	}
	return last, nil
}

// SaveAnswer stores the runner's answer to one question.
func (s *Store) SaveAnswer(seasonID string, a workbook.Answer) error {
	if a.Question == "" {
		return errors.New("save answer: no question")
	}
	return s.update("answer", seasonID, func(b *bolt.Bucket) error {
		return put(b.Bucket(bucketAnswers), seasonPath(seasonID)+"/answers", []byte(a.Question), kindAnswer, answerToRecord(a))
	})
}

// SavePlace records where the runner is in the workbook.
func (s *Store) SavePlace(seasonID string, p workbook.Place) error {
	return s.update("place", seasonID, func(b *bolt.Bucket) error {
		return put(b, seasonPath(seasonID), keyPlace, kindPlace, placeToRecord(p))
	})
}

// SaveThemes stores the season's theme decisions.
func (s *Store) SaveThemes(seasonID string, t workbook.ThemeBoard) error {
	return s.update("themes", seasonID, func(b *bolt.Bucket) error {
		return put(b, seasonPath(seasonID), keyThemes, kindThemes, themeBoardToRecord(t))
	})
}

// SaveValues stores the season's chosen values, replacing the old list.
func (s *Store) SaveValues(seasonID string, v []workbook.ValueChoice) error {
	return s.update("values", seasonID, func(b *bolt.Bucket) error {
		return put(b, seasonPath(seasonID), keyValues, kindValues, valuesToRecord(v))
	})
}

// PutGoal stores a goal, adding it or replacing the one with its ID.
func (s *Store) PutGoal(seasonID string, g workbook.Goal) error {
	if g.ID == "" {
		return errors.New("save goal: no ID")
	}
	return s.update("goal", seasonID, func(b *bolt.Bucket) error {
		return put(b.Bucket(bucketGoals), seasonPath(seasonID)+"/goals", []byte(g.ID), kindGoal, goalToRecord(g))
	})
}

// DeleteGoal removes a goal and its history. Deleting a goal that is not
// there is not an error.
func (s *Store) DeleteGoal(seasonID, goalID string) error {
	return s.update("goal", seasonID, func(b *bolt.Bucket) error {
		if h := b.Bucket(bucketHistory); h != nil && h.Bucket([]byte(goalID)) != nil {
			if err := h.DeleteBucket([]byte(goalID)); err != nil {
				return err
			}
		}
		return b.Bucket(bucketGoals).Delete([]byte(goalID))
	})
}
