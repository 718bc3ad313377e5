package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

// Importing
//
// Import merges what an export holds into the workbook in one write
// transaction: everything lands, or, if anything fails, nothing does.
// Records are matched by their stable IDs (a season by its ID, an answer
// by its question, a goal by its ID, a run by its ID), so importing the
// same export twice changes nothing. For each record:
//
//   - not in the workbook: added;
//   - the same in both: left alone (same);
//   - different, and the imported one changed later (its time of last
//     change is newer): replaced (updated);
//   - different otherwise: the workbook's is kept (kept). A record that
//     carries no time of change (a season's header, a chosen value) is
//     only ever added, never replaced.
//
// Experiments looked back on are added when the workbook lacks them; the
// journal's settings are taken whole by a workbook that never saved any,
// and otherwise gain the kinds of run they lack. A run whose fingerprint
// the journal knows (the same file imported by import-runs) is the same
// run, and kept as it is.
//
// The import is generic over the export's sections: importSections lists
// them, each with its merge, and seasonSections the records inside a
// season. A section the export gains (the seasons issue's goal histories
// and weekly check-ins) adds its records to Import and a merge to one of
// these lists; the counting, the transaction and the report come with it.

// Import is what an import brings, mapped to the workbook's types and
// checked (export.Document.Contents).
type Import struct {
	Seasons []workbook.Snapshot
	// Current is the season to open on, when the workbook has none.
	Current string
	// Settings are the journal's settings; nil when the export has none.
	Settings *workbook.JournalSettings
	Entries  []workbook.Entry
}

// Tally counts what became of one kind of record.
type Tally struct {
	Added, Updated, Same, Kept int
}

// ImportReport counts what an import did, by kind of record, in the order
// the export holds them: "seasons", "answers", "goals", "themes",
// "values", "places", "experiments", "settings", "runs".
type ImportReport struct {
	Kinds  []string
	Counts map[string]*Tally
}

func (r *ImportReport) tally(kind string) *Tally {
	if r.Counts == nil {
		r.Counts = map[string]*Tally{}
	}
	t, ok := r.Counts[kind]
	if !ok {
		t = &Tally{}
		r.Counts[kind] = t
		r.Kinds = append(r.Kinds, kind)
	}
	return t
}

// Changed reports whether the import added or updated anything.
func (r ImportReport) Changed() bool {
	for _, t := range r.Counts {
		if t.Added+t.Updated > 0 {
			return true
		}
	}
	return false
}

// merger is one import in its transaction.
type merger struct {
	tx  *bolt.Tx
	in  Import
	out *ImportReport
}

// importSections are the export's sections, merged in this order.
var importSections = []struct {
	name  string
	merge func(m *merger) error
}{
	{"seasons", (*merger).seasons},
	{"current", (*merger).current},
	{"journal settings", (*merger).settings},
	{"journal", (*merger).entries},
}

// Import merges in into the workbook, all or nothing, and reports what it
// did. An import that changes nothing writes nothing, not even a commit.
func (s *Store) Import(in Import) (ImportReport, error) {
	var report ImportReport
	now := s.now().UTC()
	err := s.db.Update(func(tx *bolt.Tx) error {
		report = ImportReport{}
		m := &merger{tx: tx, in: in, out: &report}
		for _, sec := range importSections {
			if err := sec.merge(m); err != nil {
				return fmt.Errorf("%s: %w", sec.name, err)
			}
		}
		if !report.Changed() {
			return errUnchanged // roll back: there is nothing to commit
		}
		return touch(tx.Bucket(bucketMeta), now)
	})
	if errors.Is(err, errUnchanged) {
		return report, nil
	}
	if err != nil {
		return ImportReport{}, fmt.Errorf("import: %w", err)
	}
	return report, nil
}

// errUnchanged rolls back an import that found nothing to change.
var errUnchanged = errors.New("nothing to change")

// record is one record an import brings: where it goes, its kind, its
// stored shape, and when it last changed (zero when it carries no such
// time).
type record struct {
	b     *bolt.Bucket
	where string
	key   []byte
	kind  recordKind
	data  any
	at    time.Time
	// existingAt reads when the workbook's record last changed.
	existingAt func(data []byte) time.Time
}

// merge lands one record as the rules above say.
func (m *merger) merge(t *Tally, r record) error {
	incoming, err := json.Marshal(r.data)
	if err != nil {
		return err
	}
	raw, err := openAt(r.b.Tx(), r.where, r.key, r.b.Get(r.key), r.kind)
	if err != nil {
		return err
	}
	if raw == nil {
		t.Added++
		return putRaw(r.b, r.where, r.key, r.kind, seal(r.kind, r.kind.latest(), incoming))
	}
	existing, _, err := unseal(raw, r.kind, upgradeContext{})
	if err != nil {
		// Never write over a record that cannot be read: it may be the
		// only copy of what the runner wrote.
		return &DamagedError{Where: r.where + "/" + string(r.key), Err: err}
	}
	if bytes.Equal(canonical(existing), incoming) {
		t.Same++
		return nil
	}
	if r.at.IsZero() || r.existingAt == nil || !r.at.After(r.existingAt(existing)) {
		t.Kept++
		return nil
	}
	t.Updated++
	return putRaw(r.b, r.where, r.key, r.kind, seal(r.kind, r.kind.latest(), incoming))
}

// canonical re-encodes stored data the way json.Marshal writes the same
// record, so equal records compare equal however they were written.
func canonical(data []byte) []byte {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return data
	}
	out, err := json.Marshal(v)
	if err != nil {
		return data
	}
	return out
}

// updatedAt reads a record's "updated" time.
func updatedAt(data []byte) time.Time {
	var t struct {
		Updated time.Time `json:"updated"`
	}
	_ = json.Unmarshal(data, &t)
	return t.Updated
}

// seasonSections are the records inside a season, merged in this order.
// A record or bucket a schema step adds to a season adds its merge here.
var seasonSections = []func(m *merger, b *bolt.Bucket, where string, s workbook.Snapshot) error{
	(*merger).seasonValues,
	(*merger).seasonAnswers,
	(*merger).seasonThemes,
	(*merger).seasonGoals,
	(*merger).seasonHistory,
	(*merger).seasonPlace,
	(*merger).seasonExperiments,
}

func (m *merger) seasons() error {
	all := m.tx.Bucket(bucketSeasons)
	t := m.out.tally("seasons")
	for _, s := range m.in.Seasons {
		where := "seasons/" + s.Season.ID
		b := all.Bucket([]byte(s.Season.ID))
		if b == nil {
			if all.Get([]byte(s.Season.ID)) != nil {
				return &DamagedError{Where: where, Err: fmt.Errorf("%w: a record where a season belongs", ErrDamaged)}
			}
			var err error
			if b, err = all.CreateBucket([]byte(s.Season.ID)); err != nil {
				return err
			}
			for _, name := range [][]byte{bucketAnswers, bucketGoals, bucketHistory} {
				if _, err := b.CreateBucket(name); err != nil {
					return err
				}
			}
		}
		rec := record{b: b, where: where, key: keySeason, kind: kindSeason, data: seasonToRecord(s.Season)}
		if err := m.merge(t, rec); err != nil {
			return err
		}
		for _, sec := range seasonSections {
			if err := sec(m, b, where, s); err != nil {
				return err
			}
		}
	}
	return nil
}

func (m *merger) seasonAnswers(b *bolt.Bucket, where string, s workbook.Snapshot) error {
	answers := b.Bucket(bucketAnswers)
	t := m.out.tally("answers")
	for _, q := range slices.Sorted(maps.Keys(s.Answers)) {
		a := s.Answers[q]
		a.Question = q
		rec := record{b: answers, where: where + "/answers", key: []byte(q), kind: kindAnswer,
			data: answerToRecord(a), at: a.Updated, existingAt: updatedAt}
		if err := m.merge(t, rec); err != nil {
			return err
		}
	}
	return nil
}

func (m *merger) seasonThemes(b *bolt.Bucket, where string, s workbook.Snapshot) error {
	if isZeroBoard(s.Themes) {
		return nil
	}
	rec := record{b: b, where: where, key: keyThemes, kind: kindThemes,
		data: themeBoardToRecord(s.Themes), at: s.Themes.Updated, existingAt: updatedAt}
	return m.merge(m.out.tally("themes"), rec)
}

func isZeroBoard(t workbook.ThemeBoard) bool {
	return len(t.Marks) == 0 && len(t.Own) == 0 && t.Top.IsZero() && t.Notes == "" && t.Motivation == "" && t.Updated.IsZero()
}

// seasonValues adds the values the workbook's season lacks, at the end of
// its list; values already chosen are kept as they are (they carry no
// time of change).
func (m *merger) seasonValues(b *bolt.Bucket, where string, s workbook.Snapshot) error {
	if len(s.Values) == 0 {
		return nil
	}
	t := m.out.tally("values")
	var existing []valueRecord
	found, err := get(b, where, keyValues, kindValues, upgradeContext{}, &existing)
	if err != nil {
		return err
	}
	have := map[string]valueRecord{}
	for _, v := range existing {
		have[v.ID] = v
	}
	list := existing
	for _, v := range valuesToRecord(s.Values) {
		old, ok := have[v.ID]
		switch {
		case !ok:
			list = append(list, v)
			t.Added++
		case old == v:
			t.Same++
		default:
			t.Kept++
		}
	}
	if found && len(list) == len(existing) {
		return nil
	}
	return put(b, where, keyValues, kindValues, list)
}

func (m *merger) seasonGoals(b *bolt.Bucket, where string, s workbook.Snapshot) error {
	goals := b.Bucket(bucketGoals)
	t := m.out.tally("goals")
	for _, g := range s.Goals {
		rec := record{b: goals, where: where + "/goals", key: []byte(g.ID), kind: kindGoal,
			data: goalToRecord(g), at: g.Updated, existingAt: updatedAt}
		if err := m.merge(t, rec); err != nil {
			return err
		}
	}
	return nil
}

// seasonHistory adds the events of each goal's history the workbook
// lacks. An event never changes once written, so one already there is
// kept as it is.
func (m *merger) seasonHistory(b *bolt.Bucket, where string, s workbook.Snapshot) error {
	if len(s.History) == 0 {
		return nil
	}
	t := m.out.tally("history")
	h, err := b.CreateBucketIfNotExists(bucketHistory)
	if err != nil {
		return err
	}
	for _, goal := range slices.Sorted(maps.Keys(s.History)) {
		g, err := h.CreateBucketIfNotExists([]byte(goal))
		if err != nil {
			return err
		}
		for _, ev := range s.History[goal] {
			rec := record{b: g, where: where + "/history/" + goal, key: []byte(ev.ID), kind: kindGoalEvent, data: goalEventToRecord(ev)}
			if err := m.merge(t, rec); err != nil {
				return err
			}
		}
	}
	return nil
}

func (m *merger) seasonPlace(b *bolt.Bucket, where string, s workbook.Snapshot) error {
	if s.Place.Screen == "" {
		return nil
	}
	rec := record{b: b, where: where, key: keyPlace, kind: kindPlace,
		data: placeToRecord(s.Place), at: s.Place.Updated, existingAt: updatedAt}
	return m.merge(m.out.tally("places"), rec)
}

// seasonExperiments adds the looks back the workbook lacks: the same
// value looked back on at the same moment is the same look.
func (m *merger) seasonExperiments(b *bolt.Bucket, where string, s workbook.Snapshot) error {
	if len(s.Reviews) == 0 {
		return nil
	}
	t := m.out.tally("experiments")
	var existing []reviewRecord
	if _, err := get(b, where, keyExperiments, kindReviews, upgradeContext{}, &existing); err != nil {
		return err
	}
	same := func(a, b reviewRecord) bool { return a.Value == b.Value && a.At.Equal(b.At) }
	list := existing
	for _, r := range reviewsToRecord(s.Reviews) {
		if slices.ContainsFunc(existing, func(e reviewRecord) bool { return same(e, r) }) {
			t.Same++
			continue
		}
		list = append(list, r)
		t.Added++
	}
	if len(list) == len(existing) {
		return nil
	}
	slices.SortStableFunc(list, func(a, b reviewRecord) int { return a.At.Compare(b.At) })
	return put(b, where, keyExperiments, kindReviews, list)
}

// current points the workbook at a season when it points at none.
func (m *merger) current() error {
	meta := m.tx.Bucket(bucketMeta)
	if meta.Get(keyCurrent) != nil || len(m.in.Seasons) == 0 {
		return nil
	}
	id := m.in.Current
	if id == "" {
		id = m.in.Seasons[len(m.in.Seasons)-1].Season.ID
	}
	return meta.Put(keyCurrent, []byte(id))
}

func (m *merger) settings() error {
	if m.in.Settings == nil {
		return nil
	}
	t := m.out.tally("settings")
	meta := m.tx.Bucket(bucketMeta)
	var r journalSettingsRecord
	found, err := get(meta, "meta", keyJournalSettings, kindJournalSettings, upgradeContext{}, &r)
	if err != nil {
		return err
	}
	if !found {
		t.Added++
		return put(meta, "meta", keyJournalSettings, kindJournalSettings, journalSettingsToRecord(*m.in.Settings))
	}
	have, err := r.settings()
	if err != nil {
		return &DamagedError{Where: "meta/journal-settings", Err: undecodable(kindJournalSettings, err)}
	}
	next, added := have.AddTags(m.in.Settings.Tags...)
	switch {
	case len(added) > 0:
		t.Updated++
		return put(meta, "meta", keyJournalSettings, kindJournalSettings, journalSettingsToRecord(next))
	case have.Unit == m.in.Settings.Unit && have.Plan == m.in.Settings.Plan:
		t.Same++
	default:
		t.Kept++
	}
	return nil
}

func (m *merger) entries() error {
	if len(m.in.Entries) == 0 {
		return nil
	}
	j, idx := journalBuckets(m.tx)
	if j == nil || idx == nil {
		return fmt.Errorf("the journal is missing: %w", ErrDamaged)
	}
	j.FillPercent = 0.9 // an import mostly appends
	t := m.out.tally("runs")
	for _, e := range m.in.Entries {
		key := idx.Get(idKey(e.ID))
		if key == nil {
			if fp := e.Source.Fingerprint; fp != "" && idx.Get(fingerprintKey(fp)) != nil {
				t.Kept++ // the same run, imported from its file before
				continue
			}
			if err := putEntry(j, idx, e); err != nil {
				return err
			}
			t.Added++
			continue
		}
		old, err := decodeEntry(j.Tx(), bytes.Clone(key), j.Get(key))
		if err != nil {
			return err
		}
		switch {
		case entriesEqual(old, e):
			t.Same++
		case e.Updated.After(old.Updated):
			if err := putEntry(j, idx, e); err != nil {
				return err
			}
			t.Updated++
		default:
			t.Kept++
		}
	}
	return nil
}

// entriesEqual compares two runs as they are stored.
func entriesEqual(a, b workbook.Entry) bool {
	ra, err1 := json.Marshal(entryToRecord(a))
	rb, err2 := json.Marshal(entryToRecord(b))
	return err1 == nil && err2 == nil && bytes.Equal(ra, rb)
}
