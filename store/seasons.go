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
// decides whether to start one (StartSeason). A workbook that holds
// seasons but cannot say which is current is damaged: starting a new
// season over it would hide the damage and write into the file.
func (s *Store) CurrentSeason() (workbook.Season, error) {
	var season workbook.Season
	err := s.db.View(func(tx *bolt.Tx) error {
		b, id, err := currentBucket(tx)
		if err != nil {
			return err
		}
		season, err = readSeason(b, id)
		return err
	})
	if err != nil {
		return workbook.Season{}, fmt.Errorf("current season: %w", err)
	}
	return season, nil
}

// currentBucket returns the bucket of the season meta/current names, and
// its ID. It fails with ErrNotFound only when the workbook holds no
// season at all.
func currentBucket(tx *bolt.Tx) (*bolt.Bucket, []byte, error) {
	meta, err := metaRecords(tx)
	if err != nil {
		return nil, nil, err
	}
	seasons := tx.Bucket(bucketSeasons)
	if seasons == nil {
		return nil, nil, &DamagedError{Where: "seasons", Err: fmt.Errorf("%w: the seasons are missing", ErrDamaged)}
	}
	id := meta[string(keyCurrent)]
	if id == nil {
		if first, _ := seasons.Cursor().First(); first != nil {
			return nil, nil, &DamagedError{Where: "meta/current", Err: fmt.Errorf("%w: the workbook holds seasons but does not say which one it opens on", ErrDamaged)}
		}
		return nil, nil, fmt.Errorf("no season yet: %w", ErrNotFound)
	}
	b := seasons.Bucket(id)
	if b == nil {
		return nil, nil, &DamagedError{Where: "meta/current", Err: fmt.Errorf("%w: names a season that is not in the workbook", ErrDamaged)}
	}
	return b, id, nil
}

// metaRecords reads the records of meta/ by key. A key this schema never
// writes there is damage: a damaged key, whose record (the current
// season, the journal's settings) would otherwise read as missing.
func metaRecords(tx *bolt.Tx) (map[string][]byte, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return nil, &DamagedError{Where: "meta", Err: fmt.Errorf("%w: the workbook's own records are missing", ErrDamaged)}
	}
	recs := map[string][]byte{}
	err := meta.ForEach(func(k, v []byte) error {
		if _, ok := metaKeys[string(k)]; !ok {
			return &DamagedError{Where: "meta/" + quotedKey(k), Err: fmt.Errorf("%w: a key this cairn never writes, so a key was damaged", ErrDamaged)}
		}
		if v == nil {
			return &DamagedError{Where: "meta/" + string(k), Err: fmt.Errorf("%w: a bucket where a record belongs", ErrDamaged)}
		}
		recs[string(k)] = v
		return nil
	})
	return recs, err
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
			b, err := seasonAt(seasons, e)
			if err != nil {
				return err
			}
			season, err := readSeason(b, e.key)
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
func seasonAt(seasons *bolt.Bucket, e entry) (*bolt.Bucket, error) {
	if e.value != nil {
		return nil, &DamagedError{Where: "seasons/" + keyName(e.key), Err: fmt.Errorf("%w: a record where a season belongs", ErrDamaged)}
	}
	b := seasons.Bucket(e.key)
	if b == nil {
		// Listed by a walk, missed by a lookup: the keys are out of order.
		return nil, &DamagedError{Where: "seasons/" + keyName(e.key), Err: fmt.Errorf("%w: the season cannot be found by its key", ErrDamaged)}
	}
	return b, nil
}

// readSeason reads the header record of the season with ID id. A season
// bucket without one is damaged: StartSeason writes it in the same
// transaction that makes the bucket; so is one whose header names another
// season (its key was damaged).
func readSeason(b *bolt.Bucket, id []byte) (workbook.Season, error) {
	where := "seasons/" + keyName(id)
	var rec seasonRecord
	found, err := get(b, where, keySeason, kindSeason, upgradeContext{}, &rec)
	if err != nil {
		return workbook.Season{}, err
	}
	if !found {
		return workbook.Season{}, &DamagedError{Where: where + "/season", Err: fmt.Errorf("%w: the season's header is missing", ErrDamaged)}
	}
	if rec.ID != string(id) {
		return workbook.Season{}, &DamagedError{Where: "seasons/" + quotedKey(id), Err: fmt.Errorf("%w: holds another season, so its key was damaged", ErrDamaged)}
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
		wb, err = readWorkbook(b, []byte(seasonID))
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
		if wb, err = readWorkbook(b, []byte(seasonID)); err != nil {
			return err
		}
		wb.History, err = readHistories(b, "seasons/"+keyName([]byte(seasonID)))
		return err
	})
	if err != nil {
		return workbook.Snapshot{}, fmt.Errorf("read season: %w", err)
	}
	return wb, nil
}

// readWorkbook decodes the whole season with ID id from its bucket b.
// Records of an older version are upgraded as they are read, so a
// read-only open of an older file sees what a migrated one would. Every
// key of the season is walked (seasonRecords), and every answer and goal
// must be the one its key names: a damaged key is damage, never a record
// gone missing or one read in another's place.
func readWorkbook(b *bolt.Bucket, id []byte) (workbook.Snapshot, error) {
	where := "seasons/" + keyName(id)
	wb := workbook.Snapshot{Answers: map[string]workbook.Answer{}}
	recs, err := seasonRecords(b, where)
	if err != nil {
		return wb, err
	}
	var (
		none    upgradeContext
		place   placeRecord
		themes  themeBoardRecord
		values  []valueRecord
		reviews []reviewRecord
	)
	season, err := readSeason(b, id)
	if err != nil {
		return wb, err
	}
	for _, r := range []struct {
		key  []byte
		kind recordKind
		v    any
	}{{keyPlace, kindPlace, &place}, {keyThemes, kindThemes, &themes}, {keyValues, kindValues, &values}, {keyExperiments, kindReviews, &reviews}} {
		if err := decodeAt(b.Tx(), seasonPath(string(id)), r.key, recs[string(r.key)], where+"/"+string(r.key), r.kind, none, r.v); err != nil {
			return wb, err
		}
	}
	board, err := themes.board()
	if err != nil {
		return wb, &DamagedError{Where: where + "/" + string(keyThemes), Err: undecodable(kindThemes, err)}
	}
	revs, err := reviewsFromRecord(reviews)
	if err != nil {
		return wb, &DamagedError{Where: where + "/" + string(keyExperiments), Err: undecodable(kindReviews, err)}
	}
	wb.Season, wb.Place, wb.Themes, wb.Values, wb.Reviews = season, place.place(), board, valuesFromRecord(values), revs
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

	err = eachRecord(b, bucketAnswers, where, "an answer", func(k, v []byte, at string) error {
		var a answerRecord
		if err := decodeAt(b.Tx(), seasonPath(string(id))+"/answers", k, v, at, kindAnswer, none, &a); err != nil {
			return err
		}
		if a.Question != string(k) {
			return misplaced(where+"/answers/"+quotedKey(k), "the answer to another question")
		}
		wb.Answers[a.Question] = a.answer()
		latest(a.Updated)
		return nil
	})
	if err != nil {
		return wb, err
	}
	err = eachRecord(b, bucketGoals, where, "a goal", func(k, v []byte, at string) error {
		var r goalRecord
		if err := decodeAt(b.Tx(), seasonPath(string(id))+"/goals", k, v, at, kindGoal, withValues, &r); err != nil {
			return err
		}
		g, err := r.goal()
		if err != nil {
			return &DamagedError{Where: at, Err: undecodable(kindGoal, err)}
		}
		if g.ID != string(k) {
			return misplaced(where+"/goals/"+quotedKey(k), "another goal")
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

// seasonRecords walks the keys of a season's bucket and returns its
// records by key. A key the layout does not list for a season (seasonKeys
// in check.go), a record where a bucket belongs or the other way round,
// and a missing part every season has, are damage.
func seasonRecords(b *bolt.Bucket, where string) (map[string][]byte, error) {
	recs := map[string][]byte{}
	seen := map[string]bool{}
	err := b.ForEach(func(k, v []byte) error {
		isBucket, known := seasonLayout[string(k)]
		switch {
		case !known:
			return &DamagedError{Where: where + "/" + quotedKey(k), Err: fmt.Errorf("%w: a key this cairn never writes in a season, so a key was damaged", ErrDamaged)}
		case isBucket && v != nil:
			return &DamagedError{Where: where + "/" + string(k), Err: fmt.Errorf("%w: a record where a bucket belongs", ErrDamaged)}
		case !isBucket && v == nil:
			return &DamagedError{Where: where + "/" + string(k), Err: fmt.Errorf("%w: a bucket where a record belongs", ErrDamaged)}
		case v != nil:
			recs[string(k)] = v
		}
		seen[string(k)] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, k := range seasonKeys {
		if k.needed && !seen[k.key] {
			return nil, &DamagedError{Where: where + "/" + k.key, Err: fmt.Errorf("%w: missing; every season has one", ErrDamaged)}
		}
	}
	return recs, nil
}

// seasonLayout says, for each key a season's bucket may hold, whether it
// holds a bucket.
var seasonLayout = func() map[string]bool {
	out := map[string]bool{}
	for _, k := range seasonKeys {
		out[k.key] = k.bucket
	}
	return out
}()

// eachRecord calls fn with every record in the nested bucket name of b,
// and where it is; what names a record of it, for a nested bucket found
// where one belongs.
func eachRecord(b *bolt.Bucket, name []byte, where, what string, fn func(k, v []byte, at string) error) error {
	sub := b.Bucket(name)
	if sub == nil {
		return &DamagedError{Where: where + "/" + string(name), Err: fmt.Errorf("%w: cannot be found by its key", ErrDamaged)}
	}
	return sub.ForEach(func(k, v []byte) error {
		at := where + "/" + string(name) + "/" + keyName(k)
		if v == nil {
			return &DamagedError{Where: at, Err: fmt.Errorf("%w: a bucket where %s belongs", ErrDamaged, what)}
		}
		return fn(k, v, at)
	})
}

// misplaced is the damage of a record found under a key that names
// another: the key was damaged, and the record it holds is what.
func misplaced(where, what string) error {
	return &DamagedError{Where: where, Err: fmt.Errorf("%w: holds %s, so its key was damaged", ErrDamaged, what)}
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
			b, err := seasonAt(seasons, e)
			if err != nil {
				return err
			}
			wb, err := readWorkbook(b, e.key)
			if err != nil {
				return err
			}
			if wb.History, err = readHistories(b, "seasons/"+keyName(e.key)); err != nil {
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
