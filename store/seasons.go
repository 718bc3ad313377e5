package store

import (
	"fmt"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

// CurrentSeason returns the season the workbook opens on. It only reads:
// when there is no season yet it fails with ErrNotFound, and the caller
// decides whether to start one (StartSeason).
func (s *Store) CurrentSeason() (workbook.Season, error) {
	var season workbook.Season
	err := s.db.View(func(tx *bolt.Tx) error {
		id := tx.Bucket(bucketMeta).Get(keyCurrent)
		if id == nil {
			return fmt.Errorf("no season yet: %w", ErrNotFound)
		}
		b := tx.Bucket(bucketSeasons).Bucket(id)
		if b == nil {
			// The workbook says it opens on a season it does not hold.
			// Starting a new one over it would hide the damage.
			return &DamagedError{Where: "meta/current", Err: fmt.Errorf("%w: names a season that is not in the workbook", ErrDamaged)}
		}
		var err error
		season, err = readSeason(b, "seasons/"+string(id))
		return err
	})
	if err != nil {
		return workbook.Season{}, fmt.Errorf("current season: %w", err)
	}
	return season, nil
}

// SetCurrent makes the season with id the one the workbook opens on. It
// fails with ErrNotFound if there is no such season.
func (s *Store) SetCurrent(id string) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		if _, err := seasonBucket(tx, id); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyCurrent, []byte(id))
	})
	if err != nil {
		return fmt.Errorf("choose season: %w", err)
	}
	return nil
}

// StartSeason begins a new season, carrying nothing over, and makes it the
// current one. reason is why the runner is back, in words (see
// workbook.WhyOf); it is empty for the first season. NewSeason is the
// same with a name and things carried over.
func (s *Store) StartSeason(reason string) (workbook.Season, error) {
	plan := workbook.SeasonPlan{Why: workbook.WhyOf(reason)}
	if plan.Why == workbook.OwnWords {
		plan.Reason = strings.TrimSpace(reason)
	}
	return s.NewSeason(plan)
}

// Seasons returns every season's header, oldest first. It reads only the
// headers, never the answers and goals written in them.
func (s *Store) Seasons() ([]workbook.Season, error) {
	seasons, _, err := s.seasonsPage(nil, 0, false)
	return seasons, err
}

// SeasonsPage returns up to limit season headers starting at the season
// with ID from, oldest first, or newest first when reverse is set. An empty
// from starts at the oldest season (the newest, when reverse). next is the
// from of the following page, "" when there are no more. It is the
// pattern every long list in the workbook is read with (see page.go).
func (s *Store) SeasonsPage(from string, limit int, reverse bool) (seasons []workbook.Season, next string, err error) {
	if limit < 1 {
		return nil, "", fmt.Errorf("read seasons: a page holds at least one season, not %d", limit)
	}
	seasons, n, err := s.seasonsPage([]byte(from), limit, reverse)
	return seasons, string(n), err
}

func (s *Store) seasonsPage(from []byte, limit int, reverse bool) ([]workbook.Season, []byte, error) {
	var out []workbook.Season
	var next []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		seasons := tx.Bucket(bucketSeasons)
		var entries []entry
		entries, next = page(seasons, from, limit, reverse)
		out = make([]workbook.Season, 0, len(entries))
		for _, e := range entries {
			b, where, err := seasonAt(seasons, e)
			if err != nil {
				return err
			}
			season, err := readSeason(b, where)
			if err != nil {
				return err
			}
			out = append(out, season)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read seasons: %w", err)
	}
	return out, next, nil
}

// seasonAt returns the bucket of the season an entry of the seasons bucket
// names. Every key there holds a bucket; a plain value is damage.
func seasonAt(seasons *bolt.Bucket, e entry) (*bolt.Bucket, string, error) {
	where := "seasons/" + string(e.key)
	if e.value != nil {
		return nil, where, &DamagedError{Where: where, Err: fmt.Errorf("%w: a record where a season belongs", ErrDamaged)}
	}
	return seasons.Bucket(e.key), where, nil
}

// readSeason reads a season's header record. A season bucket without one
// is damaged: StartSeason writes it in the same transaction that makes
// the bucket.
func readSeason(b *bolt.Bucket, where string) (workbook.Season, error) {
	var rec seasonRecord
	found, err := get(b, where, keySeason, kindSeason, upgradeContext{}, &rec)
	if err != nil {
		return workbook.Season{}, err
	}
	if !found {
		return workbook.Season{}, &DamagedError{Where: where + "/season", Err: fmt.Errorf("%w: the season's header is missing", ErrDamaged)}
	}
	season, err := rec.season()
	if err != nil {
		return workbook.Season{}, &DamagedError{Where: where + "/season", Err: undecodable(kindSeason, err)}
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

// Whole reads everything written in a season as All does, with its
// goals' histories: what an export writes of it. A long export reads one
// season at a time with it rather than every season at once with All.
func (s *Store) Whole(seasonID string) (workbook.Snapshot, error) {
	var wb workbook.Snapshot
	err := s.db.View(func(tx *bolt.Tx) error {
		b, err := seasonBucket(tx, seasonID)
		if err != nil {
			return err
		}
		where := "seasons/" + seasonID
		if wb, err = readWorkbook(b, where); err != nil {
			return err
		}
		wb.History, err = readHistories(b, where)
		return err
	})
	if err != nil {
		return workbook.Snapshot{}, fmt.Errorf("read season: %w", err)
	}
	return wb, nil
}

// readWorkbook decodes a whole season. Records of an older version are
// upgraded as they are read, so a read-only open of an older file sees
// what a migrated one would.
func readWorkbook(b *bolt.Bucket, where string) (workbook.Snapshot, error) {
	wb := workbook.Snapshot{Answers: map[string]workbook.Answer{}}
	var (
		none   upgradeContext
		place  placeRecord
		themes themeBoardRecord
		values []valueRecord
	)
	season, err := readSeason(b, where)
	if err != nil {
		return wb, err
	}
	if _, err := get(b, where, keyPlace, kindPlace, none, &place); err != nil {
		return wb, err
	}
	if _, err := get(b, where, keyThemes, kindThemes, none, &themes); err != nil {
		return wb, err
	}
	if _, err := get(b, where, keyValues, kindValues, none, &values); err != nil {
		return wb, err
	}
	board, err := themes.board()
	if err != nil {
		return wb, &DamagedError{Where: where + "/" + string(keyThemes), Err: undecodable(kindThemes, err)}
	}
	reviews, err := readReviews(b, where)
	if err != nil {
		return wb, err
	}
	wb.Season, wb.Place, wb.Themes, wb.Values, wb.Reviews = season, place.place(), board, valuesFromRecord(values), reviews
	withValues := upgradeContext{values: ownValues(values)}
	latest := func(t time.Time) {
		if t.After(wb.LastActive) {
			wb.LastActive = t
		}
	}
	latest(wb.Place.Updated)
	latest(wb.Themes.Updated)
	for _, r := range wb.Reviews {
		latest(r.At)
	}

	answers := b.Bucket(bucketAnswers)
	err = answers.ForEach(func(k, _ []byte) error {
		var a answerRecord
		if _, err := get(answers, where+"/answers", k, kindAnswer, none, &a); err != nil {
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
		if _, err := get(goals, where+"/goals", k, kindGoal, withValues, &r); err != nil {
			return err
		}
		g, err := r.goal()
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

// All reads every season's workbook, oldest season first, in one
// consistent snapshot, with every goal's history. It is what an export is
// made from; screens read one season with Workbook, list seasons with
// Seasons and read a goal's history a page at a time with GoalHistory.
func (s *Store) All() ([]workbook.Snapshot, error) {
	var out []workbook.Snapshot
	err := s.db.View(func(tx *bolt.Tx) error {
		seasons := tx.Bucket(bucketSeasons)
		entries, _ := page(seasons, nil, 0, false)
		for _, e := range entries {
			b, where, err := seasonAt(seasons, e)
			if err != nil {
				return err
			}
			wb, err := readWorkbook(b, where)
			if err != nil {
				return err
			}
			if wb.History, err = readHistories(b, where); err != nil {
				return err
			}
			out = append(out, wb)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read workbook: %w", err)
	}
	return out, nil
}
