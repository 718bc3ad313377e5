package store

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

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
