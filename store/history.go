package store

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

// Coming back: new seasons that carry things over, and each goal's history
//
// Every season holds, from schema 4, a history bucket beside its goals,
// with a bucket per goal and an event per change, keyed by the event's ID
// (workbook.NewEventID: the time, then the order they were made in, so
// oldest first is key order):
//
//	seasons/<season id>/
//	    history/
//	        <goal id>/
//	            <event id>    GoalEvent: added, edited, moved, carried, ...
//
// A goal's history is only ever read a page at a time (GoalHistory), never
// at start: it grows with every edit for as long as the goal lives. A
// change and its event are written in one transaction (SaveGoalChange), so
// the goal never says one thing and its history another.

var bucketHistory = []byte("history")

// goalEventRecord is version 1 of the goal-event kind. Days are written
// 2026-11-30, states, tiers, feels and outcomes by their stored names.
type goalEventRecord struct {
	ID      string    `json:"id"`
	At      time.Time `json:"at"`
	Kind    string    `json:"kind"`
	Text    string    `json:"text,omitempty"`
	Was     string    `json:"was,omitempty"`
	From    string    `json:"from,omitempty"`
	To      string    `json:"to,omitempty"`
	Tier    string    `json:"tier,omitempty"`
	TierWas string    `json:"tier_was,omitempty"`
	Feel    string    `json:"feel,omitempty"`
	Until   string    `json:"until,omitempty"`
	Week    string    `json:"week,omitempty"`
	Outcome string    `json:"outcome,omitempty"`
	Season  string    `json:"season,omitempty"`
	Why     string    `json:"why,omitempty"`
	Felt    string    `json:"felt,omitempty"`
}

func goalEventToRecord(e workbook.GoalEvent) goalEventRecord {
	return goalEventRecord{
		ID: e.ID, At: e.At, Kind: e.Kind.String(), Text: e.Text, Was: e.Was,
		From: e.From.String(), To: e.To.String(), Tier: string(e.Tier), TierWas: string(e.TierWas),
		Feel: e.Feel.String(), Until: dayString(e.Until), Week: dayString(e.Week),
		Outcome: e.Outcome.String(), Season: e.Season, Why: e.Why, Felt: e.Felt,
	}
}

func (r goalEventRecord) event() (workbook.GoalEvent, error) {
	e := workbook.GoalEvent{
		ID: r.ID, At: r.At, Text: r.Text, Was: r.Was, Tier: workbook.Tier(r.Tier), TierWas: workbook.Tier(r.TierWas),
		Season: r.Season, Why: r.Why, Felt: r.Felt,
	}
	var errs []error
	var err error
	e.Kind, err = workbook.ParseEventKind(r.Kind)
	errs = append(errs, err)
	e.From, err = workbook.ParseGoalStatus(r.From)
	errs = append(errs, err)
	e.To, err = workbook.ParseGoalStatus(r.To)
	errs = append(errs, err)
	e.Feel, err = workbook.ParseFeel(r.Feel)
	errs = append(errs, err)
	e.Until, err = parseDay(r.Until)
	errs = append(errs, err)
	e.Week, err = parseDay(r.Week)
	errs = append(errs, err)
	e.Outcome, err = workbook.ParseOutcome(r.Outcome)
	errs = append(errs, err)
	return e, errors.Join(errs...)
}

// putEvent adds ev to the history of the goal with goalID in the season
// bucket b (at where), making the goal's history bucket if it is the first.
func putEvent(b *bolt.Bucket, where, goalID string, ev workbook.GoalEvent) error {
	if ev.ID == "" {
		ev.ID = workbook.NewEventID(ev.At)
	}
	h, err := b.CreateBucketIfNotExists(bucketHistory)
	if err != nil {
		return err
	}
	g, err := h.CreateBucketIfNotExists([]byte(goalID))
	if err != nil {
		return err
	}
	return put(g, where+"/history/"+goalID, []byte(ev.ID), kindGoalEvent, goalEventToRecord(ev))
}

// SaveGoalChange stores a goal, adding it or replacing the one with its
// ID, and adds ev to its history, in one transaction.
func (s *Store) SaveGoalChange(seasonID string, g workbook.Goal, ev workbook.GoalEvent) error {
	if g.ID == "" {
		return errors.New("save goal: no ID")
	}
	return s.update("goal", seasonID, func(b *bolt.Bucket) error {
		if err := put(b.Bucket(bucketGoals), seasonPath(seasonID)+"/goals", []byte(g.ID), kindGoal, goalToRecord(g)); err != nil {
			return err
		}
		return putEvent(b, seasonPath(seasonID), g.ID, ev)
	})
}

// GoalHistory returns up to limit events of a goal's history, starting at
// the event with ID from (the oldest, or the newest when newestFirst, if
// from is empty), and the from of the next page, "" when there is no
// more. A goal with no history yet, or a file from before goals had one,
// has an empty history.
func (s *Store) GoalHistory(seasonID, goalID, from string, limit int, newestFirst bool) ([]workbook.GoalEvent, string, error) {
	if limit < 1 {
		return nil, "", fmt.Errorf("read a goal's history: a page holds at least one event, not %d", limit)
	}
	var out []workbook.GoalEvent
	var next []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		b, err := seasonBucket(tx, seasonID)
		if err != nil {
			return err
		}
		h := historyOf(b, goalID)
		if h == nil {
			return nil
		}
		var entries []entry
		entries, next = page(h, []byte(from), limit, newestFirst)
		out, err = decodeEvents(tx, entries, seasonPath(seasonID)+"/history/"+goalID)
		return err
	})
	if err != nil {
		return nil, "", fmt.Errorf("read a goal's history: %w", err)
	}
	return out, string(next), nil
}

// historyOf returns the history bucket of a goal in season bucket b, or
// nil when it has none.
func historyOf(b *bolt.Bucket, goalID string) *bolt.Bucket {
	h := b.Bucket(bucketHistory)
	if h == nil {
		return nil
	}
	return h.Bucket([]byte(goalID))
}

// decodeEvents decodes a page of a goal's history.
func decodeEvents(tx *bolt.Tx, entries []entry, where string) ([]workbook.GoalEvent, error) {
	out := make([]workbook.GoalEvent, 0, len(entries))
	for _, e := range entries {
		at := where + "/" + keyName(e.key)
		if e.value == nil {
			return nil, &DamagedError{Where: at, Err: fmt.Errorf("%w: a bucket where an event belongs", ErrDamaged)}
		}
		raw, err := openAt(tx, where, e.key, e.value, kindGoalEvent)
		if err != nil {
			return nil, err
		}
		var r goalEventRecord
		if err := decode(raw, kindGoalEvent, upgradeContext{}, &r); err != nil {
			return nil, &DamagedError{Where: at, Err: err}
		}
		ev, err := r.event()
		if err != nil {
			return nil, &DamagedError{Where: at, Err: undecodable(kindGoalEvent, err)}
		}
		if ev.ID != string(e.key) {
			return nil, misplaced(where+"/"+quotedKey(e.key), "an event that belongs elsewhere")
		}
		out = append(out, ev)
	}
	return out, nil
}

// readHistories reads every goal's history in a season bucket, for an
// export. Screens never do: they read a page at a time.
func readHistories(b *bolt.Bucket, where string) (map[string][]workbook.GoalEvent, error) {
	h := b.Bucket(bucketHistory)
	if h == nil {
		return nil, nil
	}
	out := map[string][]workbook.GoalEvent{}
	goals := b.Bucket(bucketGoals)
	histories, _ := page(h, nil, 0, false)
	for _, g := range histories {
		at := where + "/history/" + keyName(g.key)
		if g.value != nil {
			return nil, &DamagedError{Where: at, Err: fmt.Errorf("%w: a record where a goal's history belongs", ErrDamaged)}
		}
		// A goal's history goes when the goal does (DeleteGoal): one
		// whose goal is not there was filed under a damaged key, and
		// its goal's own history reads as empty.
		if goals == nil || goals.Get(g.key) == nil {
			return nil, &DamagedError{Where: where + "/history/" + quotedKey(g.key), Err: fmt.Errorf("%w: the history of a goal this season does not have, so its key was damaged", ErrDamaged)}
		}
		entries, _ := page(h.Bucket(g.key), nil, 0, false)
		events, err := decodeEvents(b.Tx(), entries, at)
		if err != nil {
			return nil, err
		}
		if len(events) > 0 {
			out[string(g.key)] = events
		}
	}
	return out, nil
}

// NewSeason begins a season as the runner planned it and makes it the
// current one, in one transaction: its name (or the one the time of year
// gives, kept apart from names already used), why it began, and what it
// carries over from the season that was current. The old season is only
// read: it stays exactly as it was. It is the one way a season is made.
func (s *Store) NewSeason(plan workbook.SeasonPlan) (workbook.Season, error) {
	now := s.now()
	utc := now.UTC()
	season := workbook.Season{ID: workbook.NewID(utc), Started: utc, Why: plan.Why, Reason: plan.Reason}
	if season.Reason == "" {
		// Older readers know only the words.
		season.Reason = plan.Why.Words()
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		seasons := tx.Bucket(bucketSeasons)
		season.ID = afterLast(seasons, season.ID)
		name, err := seasonName(seasons, plan.Name, now)
		if err != nil {
			return err
		}
		season.Name = name
		var carried workbook.Carried
		meta := tx.Bucket(bucketMeta)
		// The season that was current, read only. A workbook that holds
		// seasons but cannot say which is current is damaged, and a new
		// season is never begun over that.
		old, cur, err := currentBucket(tx)
		switch {
		case errors.Is(err, ErrNotFound):
		case err != nil:
			return err
		case plan.Carry.Any():
			from, err := readWorkbook(old, cur)
			if err != nil {
				return err
			}
			carried = workbook.CarryForward(from, plan.Carry, season, now)
			// The season says what it did carry: a choice with nothing
			// behind it (no values chosen yet) carried nothing.
			season.Carried = workbook.Carry{
				Values: len(carried.Values) > 0,
				Themes: len(carried.Themes.Marks) > 0,
				Goals:  len(carried.Goals) > 0,
			}
			if season.Carried.Any() {
				season.From = from.Season.ID
			}
		}
		b, err := seasons.CreateBucket([]byte(season.ID))
		if err != nil {
			return err
		}
		for _, name := range [][]byte{bucketAnswers, bucketGoals, bucketHistory} {
			if _, err := b.CreateBucket(name); err != nil {
				return err
			}
		}
		if err := put(b, seasonPath(season.ID), keySeason, kindSeason, seasonToRecord(season)); err != nil {
			return err
		}
		if err := writeCarried(b, seasonPath(season.ID), carried); err != nil {
			return err
		}
		if err := meta.Put(keyCurrent, []byte(season.ID)); err != nil {
			return err
		}
		return touch(meta, utc)
	})
	if err != nil {
		return workbook.Season{}, fmt.Errorf("start season: %w", err)
	}
	return season, nil
}

// afterLast returns id, or when a season already sorts at or after it (a
// clock set back, two seasons begun in one millisecond), an ID a
// millisecond after the last season's: seasons sort in the order they
// began, whatever the clock said.
func afterLast(seasons *bolt.Bucket, id string) string {
	last, _ := seasons.Cursor().Last()
	if last == nil || string(last) < id || len(last) < 12 {
		return id
	}
	ms, err := strconv.ParseInt(string(last[:12]), 16, 64)
	if err != nil {
		return id
	}
	return workbook.NewID(time.UnixMilli(ms + 1))
}

// seasonName is the new season's name: the runner's, or the time of year's,
// made apart from every name already used.
func seasonName(seasons *bolt.Bucket, name string, now time.Time) (string, error) {
	if name = strings.Join(strings.Fields(name), " "); name == "" {
		name = workbook.SeasonName(now)
	}
	var taken []string
	entries, _ := page(seasons, nil, 0, false)
	for _, e := range entries {
		b, err := seasonAt(seasons, e)
		if err != nil {
			return "", err
		}
		old, err := readSeason(b, e.key)
		if err != nil {
			return "", err
		}
		taken = append(taken, old.Name)
	}
	return workbook.UniqueName(name, taken), nil
}

// writeCarried writes what a new season carries over into its bucket b.
func writeCarried(b *bolt.Bucket, where string, c workbook.Carried) error {
	if len(c.Values) > 0 {
		if err := put(b, where, keyValues, kindValues, valuesToRecord(c.Values)); err != nil {
			return err
		}
	}
	if len(c.Themes.Marks) > 0 {
		if err := put(b, where, keyThemes, kindThemes, themeBoardToRecord(c.Themes)); err != nil {
			return err
		}
	}
	goals := b.Bucket(bucketGoals)
	for _, ch := range c.Goals {
		if err := put(goals, where+"/goals", []byte(ch.Goal.ID), kindGoal, goalToRecord(ch.Goal)); err != nil {
			return err
		}
		if err := putEvent(b, where, ch.Goal.ID, ch.Event); err != nil {
			return err
		}
	}
	return nil
}

// PreviousSeason returns the header of the season begun just before the
// season with ID id, and false when id is the first.
func (s *Store) PreviousSeason(id string) (workbook.Season, bool, error) {
	page, _, err := s.SeasonsPage(id, 2, true)
	if err != nil {
		return workbook.Season{}, false, err
	}
	for _, p := range page {
		if p.ID != id {
			return p, true, nil
		}
	}
	return workbook.Season{}, false, nil
}
