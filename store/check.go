package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

// Checking a workbook
//
// Check reads a whole workbook the way nothing else does, to say whether
// every word in it is as it was saved:
//
//   - the header: both meta pages read with plain reads (header.go). A
//     damaged page is harmless when it described an older commit or one
//     that never finished, and is a lost save when it described the last
//     commit the editor noted in its lock file (editor.go): bbolt would
//     fall back to the commit before without a word;
//   - the length: a file shorter than its header says is reported, and
//     never mapped;
//   - bbolt's own consistency check (Tx.Check): pages reachable once, in
//     order, none both used and free;
//   - every record: its checksum, its decoding, its values (a goal state
//     this cairn knows), and that it sits under the key it names (an
//     answer under its question, a goal under its ID, an entry under its
//     day and ID): a record whose key was damaged is found under an
//     unexpected key, and an expected record missing from a bucket that
//     holds something else is reported, never read as empty;
//   - the layout: every key is one this schema writes (layout below), the
//     current season exists, the journal's index agrees with the journal.
//
// A badly damaged file can still crash the process that reads it (a fault
// inside bbolt's mapped pages, a corrupt pointer), so cairn runs Check in
// a child process and treats its death as damage (cmd/cairn/check.go).
// Within this process, faults in the mapped file become panics
// (debug.SetPanicOnFault) and every part is read under recover, so one
// damaged branch does not hide the rest.
//
// Salvage is the same walk, keeping everything that reads back whole: what
// the recovery mode shows and exports. A record found under an unexpected
// key is kept (its checksum proves its bytes), placed by what it says it
// is.
//
// The layout
//
// The keys each bucket may hold are listed in one place per bucket:
// metaKeys, seasonKeys and the journal's walk. A schema step that adds a
// bucket or a record adds it there, with how it is checked and kept, or
// Check reports it as an unexpected key.

// Problem is one thing wrong with a workbook, in plain words. It names the
// record, never what the runner wrote in it.
type Problem struct {
	// Where is the part of the file: a bucket path and key such as
	// "seasons/<id>/answers/proud-moment", "the file" or "header page 1".
	Where string `json:"where"`
	// What says what is wrong.
	What string `json:"what"`
}

// Counts says how many records of each kind read back whole.
type Counts struct {
	Seasons int `json:"seasons"`
	Answers int `json:"answers"`
	Goals   int `json:"goals"`
	Entries int `json:"entries"`
}

// Report is what Check found.
type Report struct {
	Path string `json:"path"`
	// Size is the file's length in bytes.
	Size int64 `json:"size"`
	// Schema is the workbook's schema version, 0 if unreadable.
	Schema int `json:"schema"`
	// Commit is the bbolt transaction the file is at.
	Commit uint64 `json:"commit"`
	// LastSaved is when the workbook says it was last saved; zero when it
	// does not say.
	LastSaved time.Time `json:"last_saved,omitzero"`
	// Readable counts what read back whole.
	Readable Counts `json:"readable"`
	// Problems is the damage found; none in a healthy workbook.
	Problems []Problem `json:"problems"`
	// Notes are things worth knowing that are not damage.
	Notes []string `json:"notes"`
	// Incomplete is set when reading stopped before the end (the process
	// reading died): Readable then counts nothing.
	Incomplete bool `json:"incomplete,omitempty"`
}

// Healthy reports whether nothing is damaged.
func (r Report) Healthy() bool { return len(r.Problems) == 0 }

// Readable is everything Salvage could read from a workbook.
type Readable struct {
	// Seasons holds each season with the records that read back whole,
	// oldest first. A season whose header is unreadable has only its ID.
	Seasons []workbook.Snapshot
	// Current is the ID of the season the workbook opens on, if readable.
	Current string
	// Settings are the journal's settings (the defaults if unreadable).
	Settings workbook.JournalSettings
	// Entries are the journal's runs that read back whole, oldest first.
	Entries []workbook.Entry
}

// Check verifies the workbook at path and reports what it found. It only
// reads. It fails (rather than reporting) when there is no file there,
// when it is not a cairn workbook, or when it was written by a newer
// cairn: none of these is damage.
//
// found, if not nil, is told of each problem as it is found, so a caller
// whose process may die reading a badly damaged file can pass on what was
// found before.
func Check(path string, found func(Problem)) (Report, error) {
	r, _, err := inspect(path, false, false, found)
	return r, err
}

// CheckQuick is Check as the app runs it at every start: the same, but a
// journal entry is read only as far as its checksum and the ID and day
// that place it, not decoded whole, which is most of the time Check takes
// on a long journal. What it lets through (a run that checks out but does
// not decode) would be written only by a cairn with a bug, not by a
// disk; cairn check finds it.
func CheckQuick(path string, found func(Problem)) (Report, error) {
	r, _, err := inspect(path, false, true, found)
	return r, err
}

// Salvage reads everything that reads back whole from the workbook at
// path, damaged or not, and reports what it could not read.
func Salvage(path string) (Readable, Report, error) {
	r, keep, err := inspect(path, true, false, nil)
	if keep == nil {
		keep = &Readable{Settings: workbook.DefaultJournalSettings()}
	}
	return *keep, r, err
}

// checker walks a workbook, noting problems and, for Salvage, keeping
// what reads back whole.
type checker struct {
	r     *Report
	found func(Problem)
	// quick reads journal entries only as far as their identity.
	quick  bool
	keep   *Readable // nil for Check
	schema int
	// seasons are the season IDs found, for meta/current.
	seasons map[string]bool
}

func (c *checker) problem(where, format string, args ...any) {
	p := Problem{Where: where, What: fmt.Sprintf(format, args...)}
	c.r.Problems = append(c.r.Problems, p)
	if c.found != nil {
		c.found(p)
	}
}

// damaged notes a record that did not read back, in the words of its
// error, which name the record and never its contents.
func (c *checker) damaged(where string, err error) {
	what := err.Error()
	var d *DamagedError
	if errors.As(err, &d) {
		what = d.Err.Error()
	}
	what = strings.TrimPrefix(what, ErrDamaged.Error()+": ")
	c.problem(where, "could not be read: %s", what)
}

// guard runs fn, turning a panic inside it (bbolt's assertions on a
// damaged page, a fault in the mapped file) into a problem at where.
func (c *checker) guard(where string, fn func()) {
	defer func() {
		if p := recover(); p != nil {
			c.problem(where, "reading it failed: the file is damaged here (%s)", panicWords(p))
		}
	}()
	fn()
}

func inspect(path string, salvage, quick bool, found func(Problem)) (r Report, keep *Readable, err error) {
	r = Report{Path: path, Problems: []Problem{}, Notes: []string{}}
	// Faults inside the mapped file become panics guard recovers from.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	if salvage {
		keep = &Readable{Settings: workbook.DefaultJournalSettings()}
	}
	c := &checker{r: &r, found: found, keep: keep, quick: quick, seasons: map[string]bool{}}

	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return r, keep, fmt.Errorf("%s: %w (no workbook there)", path, ErrNotFound)
	}
	if err != nil {
		return r, keep, fileError("open", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return r, keep, fileError("open", path, err)
	}
	if !info.Mode().IsRegular() || info.Size() == 0 {
		return r, keep, checkFile(path)
	}
	r.Size = info.Size()

	h := readHeader(f, r.Size)
	if _, _, ok := h.current(); !ok && h.metas[0].problem == notBolt && h.metas[1].problem != "its checksum does not match" && !headerPageMark(f) {
		// Neither page even looks like a header: another kind of file.
		return r, keep, fmt.Errorf("%s: %w (it does not start as a workbook does)", path, ErrNotCairn)
	}
	if !c.header(h, path) {
		return r, keep, nil
	}
	if where := boundsOf(path); where != "" {
		c.problem("the file's structure", "is damaged: %s, so nothing in it can be read safely", where)
		return r, keep, nil
	}
	db, err := openBolt(path, true, LockTimeout, nil)
	if errors.Is(err, ErrDamaged) {
		c.damaged("the file", err)
		return r, keep, nil
	}
	if err != nil {
		return r, keep, err
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) (err error) {
		defer func() {
			if p := recover(); p != nil {
				c.problem("meta/schema", "reading it failed: the file is damaged here (%s)", panicWords(p))
				err = nil
			}
		}()
		s, err := readSchema(tx)
		switch {
		case errors.Is(err, ErrNotCairn) && tx.Bucket(bucketSeasons) != nil:
			c.problem("meta/schema", "could not be read: the record that says this is a cairn workbook is missing or damaged")
			c.schema = SchemaVersion
		case err != nil:
			return fmt.Errorf("%s: %w", path, err)
		default:
			c.schema = s.Version
		}
		if k, encrypted, err := keyOf(tx); err != nil {
			c.damaged("meta/crypt", err)
		} else if encrypted && k == nil {
			return fmt.Errorf("%s: %w", path, ErrEncrypted)
		}
		r.Schema = c.schema
		c.walk(tx)
		return nil
	})
	return r, keep, err
}

// header checks the two meta pages and the file's length. It reports
// whether the file can be opened at all.
func (c *checker) header(h header, path string) bool {
	cur, slot, ok := h.current()
	if !ok {
		c.problem("the file's header", "neither of its two header pages can be read (%s; %s), so nothing in it can be found", h.metas[0].problem, h.metas[1].problem)
		return false
	}
	c.r.Commit = cur.txid
	switch where, problem, note := damagedHeader(h, slot, path); {
	case problem != "":
		c.problem(where, "%s", problem)
	case note != "":
		c.r.Notes = append(c.r.Notes, where+" "+note)
	}
	if want := h.want(); want > h.size {
		c.problem("the file", "is %d bytes long, and its header says it holds %d: it was cut short, and what was at its end is gone", h.size, want)
		return false
	}
	return true
}

// damagedHeader says what a damaged header page means, when the other
// one (in slot) is the one bbolt reads. A damaged page is harmless when it
// described an older commit, or one that never finished: a note. It is a
// lost save (a problem) when it described the last commit the editor
// noted in its lock file, or when cairn cannot tell: bbolt would fall back
// to the commit before without a word. Nothing is said of a whole header.
func damagedHeader(h header, slot int, path string) (where, problem, note string) {
	cur, other := h.metas[slot], h.metas[1-slot]
	if other.ok {
		return "", "", ""
	}
	where = fmt.Sprintf("header page %d", 1-slot)
	last, noted := lastCommit(path)
	switch {
	case noted && last.txid > cur.txid:
		return where, fmt.Sprintf("is damaged (%s), and it held the last save, made %s: the workbook now reads as it was one save before, so that save is missing", other.problem, last.at.Local().Format("2 January 2006 at 15:04")), ""
	case other.txid+1 == cur.txid || (noted && last.txid <= cur.txid):
		return where, "", fmt.Sprintf("is damaged (%s), but it described an earlier save or one that never finished; the latest save is whole, and the next save writes that page again", other.problem)
	}
	return where, fmt.Sprintf("is damaged (%s); cairn cannot tell whether it held the last save, which may be missing", other.problem), ""
}

// walk checks every part of the file.
func (c *checker) walk(tx *bolt.Tx) {
	c.guard("meta", func() { c.meta(tx) })
	c.guard("seasons", func() { c.allSeasons(tx) })
	if c.schema >= 2 {
		c.guard("journal", func() { c.journal(tx) })
	}
	c.guard("meta/current", func() { c.current(tx) })
	c.guard("the file", func() {
		known := []string{string(bucketMeta), string(bucketSeasons), string(bucketJournal), string(bucketJournalIndex)}
		tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			if !slices.Contains(known, string(name)) {
				c.problem(quotedKey(name), "is a bucket this cairn never writes: a damaged name, or damage elsewhere")
			}
			return nil
		})
	})
	// Last: bbolt checks in a goroutine of its own, where a fault in the
	// mapped file cannot be turned into a panic, and kills the process.
	// Everything else has been found by then (and, in cairn check's child,
	// already written out). A salvage has no need of it.
	if c.keep == nil {
		c.guard("the file", func() { c.structure(tx) })
	}
}

// structure runs bbolt's own consistency check, once every key and value
// of every bucket has been read here: bbolt checks in a goroutine of its
// own, where a fault in the mapped file kills the process, so a fault is
// to be met here first, where c.guard turns it into a problem and bbolt's
// check is skipped.
func (c *checker) structure(tx *bolt.Tx) {
	readEverything(tx)
	var found []string
	for err := range tx.Check() {
		found = append(found, err.Error())
	}
	if len(found) == 0 {
		return
	}
	c.problem("the file's structure", "is damaged: bbolt's check found %d problem%s, such as “%s”", len(found), plural(len(found)), panicWords(found[0]))
}

// touched keeps what readEverything reads, so the reads are not
// optimised away.
var touched byte

// readEverything reads every byte of every key and value in the file, in
// the calling goroutine.
func readEverything(tx *bolt.Tx) {
	var sum byte
	var visit func(b *bolt.Bucket, depth int)
	visit = func(b *bolt.Bucket, depth int) {
		if depth > 8 {
			return // cairn nests three deep; deeper is damage bbolt will name
		}
		b.ForEach(func(k, v []byte) error {
			for _, x := range k {
				sum ^= x
			}
			for _, x := range v {
				sum ^= x
			}
			if v == nil {
				if nested := b.Bucket(k); nested != nil {
					visit(nested, depth+1)
				}
			}
			return nil
		})
	}
	tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
		visit(b, 0)
		return nil
	})
	touched ^= sum
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// metaKeys are the records meta/ may hold, and how each is checked. A
// record a schema step adds to meta/ is added here.
var metaKeys = map[string]func(c *checker, meta *bolt.Bucket, where string){
	"schema":      func(*checker, *bolt.Bucket, string) {}, // read before the walk
	"current":     func(*checker, *bolt.Bucket, string) {}, // checked once the seasons are known
	"crypt":       func(*checker, *bolt.Bucket, string) {}, // read before the walk (keyOf)
	"last-active": (*checker).lastActive,
	"journal-settings": func(c *checker, meta *bolt.Bucket, where string) {
		var r journalSettingsRecord
		if _, err := get(meta, "meta", keyJournalSettings, kindJournalSettings, upgradeContext{}, &r); err != nil {
			c.damaged(where, err)
			return
		}
		s, err := r.settings()
		if err != nil {
			c.damaged(where, undecodable(kindJournalSettings, err))
			return
		}
		if c.keep != nil {
			c.keep.Settings = s
		}
	},
}

func (c *checker) lastActive(meta *bolt.Bucket, where string) {
	var r lastActiveRecord
	if _, err := get(meta, "meta", keyLastActive, kindLastActive, upgradeContext{}, &r); err != nil {
		c.damaged(where, err)
		return
	}
	c.r.LastSaved = r.At
}

func (c *checker) meta(tx *bolt.Tx) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		c.problem("meta", "is missing")
		return
	}
	meta.ForEach(func(k, v []byte) error {
		where := "meta/" + keyName(k)
		check, ok := metaKeys[string(k)]
		switch {
		case !ok:
			c.problem("meta/"+quotedKey(k), "is a key this cairn never writes: a damaged key, or damage elsewhere")
		case v == nil:
			c.problem(where, "is a bucket where a record belongs")
		default:
			c.guard(where, func() { check(c, meta, where) })
		}
		return nil
	})
}

// current checks that meta/current names a season the workbook holds.
func (c *checker) current(tx *bolt.Tx) {
	id := tx.Bucket(bucketMeta).Get(keyCurrent)
	switch {
	case id == nil && len(c.seasons) > 0 && c.schema >= 2:
		c.problem("meta/current", "is missing: the workbook does not say which season it opens on")
	case id == nil:
	case !c.seasons[string(id)]:
		c.problem("meta/current", "names a season the workbook does not hold")
	case c.keep != nil:
		c.keep.Current = string(id)
	}
}

func (c *checker) allSeasons(tx *bolt.Tx) {
	seasons := tx.Bucket(bucketSeasons)
	if seasons == nil {
		c.problem("seasons", "is missing")
		return
	}
	seasons.ForEach(func(k, v []byte) error {
		where := "seasons/" + keyName(k)
		if v != nil {
			c.problem(where, "is a record where a season belongs")
			return nil
		}
		c.guard(where, func() { c.season(seasons.Bucket(k), string(k), where) })
		return nil
	})
}

// seasonCheck is one season as the walk reads it.
type seasonCheck struct {
	id, where string
	b         *bolt.Bucket
	values    upgradeContext
	wb        workbook.Snapshot
}

// seasonKeys are the keys a season's bucket may hold, in the order they
// are read (values first: the goals' upgrade needs them), and how each is
// checked and kept. A record or bucket a schema step adds to a season is
// added here: issue 8's goal histories and weekly check-ins go here, each
// with its own check.
var seasonKeys = []struct {
	key    string
	bucket bool
	// needed means a season always has it: StartSeason writes it.
	needed bool
	check  func(c *checker, s *seasonCheck, where string)
}{
	{key: "values", check: (*checker).seasonValues},
	{key: "season", needed: true, check: (*checker).seasonHeader},
	{key: "place", check: func(c *checker, s *seasonCheck, where string) {
		var r placeRecord
		if _, err := get(s.b, s.where, keyPlace, kindPlace, upgradeContext{}, &r); err != nil {
			c.damaged(where, err)
			return
		}
		s.wb.Place = r.place()
	}},
	{key: "themes", check: func(c *checker, s *seasonCheck, where string) {
		var r themeBoardRecord
		if _, err := get(s.b, s.where, keyThemes, kindThemes, upgradeContext{}, &r); err != nil {
			c.damaged(where, err)
			return
		}
		board, err := r.board()
		if err != nil {
			c.damaged(where, undecodable(kindThemes, err))
			return
		}
		s.wb.Themes = board
	}},
	{key: "experiments", check: func(c *checker, s *seasonCheck, where string) {
		reviews, err := readReviews(s.b, s.where)
		if err != nil {
			c.damaged(where, err)
			return
		}
		s.wb.Reviews = reviews
	}},
	{key: "answers", bucket: true, needed: true, check: (*checker).seasonAnswers},
	{key: "goals", bucket: true, needed: true, check: (*checker).seasonGoals},
	{key: "history", bucket: true, check: (*checker).seasonHistory},
}

func (c *checker) season(b *bolt.Bucket, id, where string) {
	s := &seasonCheck{id: id, where: where, b: b, wb: workbook.Snapshot{Season: workbook.Season{ID: id}, Answers: map[string]workbook.Answer{}}}
	known := map[string]bool{}
	for _, k := range seasonKeys {
		known[k.key] = true
		kw := where + "/" + k.key
		v := b.Get([]byte(k.key))
		isBucket := b.Bucket([]byte(k.key)) != nil
		switch {
		case v == nil && !isBucket:
			if k.needed {
				c.problem(kw, "is missing: every season has one")
			}
		case isBucket != k.bucket:
			if k.bucket {
				c.problem(kw, "is a record where a bucket belongs")
			} else {
				c.problem(kw, "is a bucket where a record belongs")
			}
		default:
			c.guard(kw, func() { k.check(c, s, kw) })
		}
	}
	b.ForEach(func(k, _ []byte) error {
		if !known[string(k)] {
			c.problem(where+"/"+quotedKey(k), "is a key this cairn never writes in a season: a damaged key, or damage elsewhere")
		}
		return nil
	})
	c.seasons[id] = true
	c.r.Readable.Seasons++
	if c.keep != nil {
		sort.SliceStable(s.wb.Goals, func(i, j int) bool { return s.wb.Goals[i].Order < s.wb.Goals[j].Order })
		c.keep.Seasons = append(c.keep.Seasons, s.wb)
	}
}

func (c *checker) seasonValues(s *seasonCheck, where string) {
	var rs []valueRecord
	if _, err := get(s.b, s.where, keyValues, kindValues, upgradeContext{}, &rs); err != nil {
		c.damaged(where, err)
		return
	}
	s.values = upgradeContext{values: ownValues(rs)}
	s.wb.Values = valuesFromRecord(rs)
}

func (c *checker) seasonHeader(s *seasonCheck, where string) {
	var r seasonRecord
	if _, err := get(s.b, s.where, keySeason, kindSeason, upgradeContext{}, &r); err != nil {
		c.damaged(where, err)
		return
	}
	if r.ID != s.id {
		c.problem(s.where, "is under an unexpected key: the season it holds is %q", r.ID)
	}
	season, err := r.season()
	if err != nil {
		c.damaged(where, undecodable(kindSeason, err))
		return
	}
	s.wb.Season = season
}

func (c *checker) seasonAnswers(s *seasonCheck, where string) {
	answers := s.b.Bucket(bucketAnswers)
	answers.ForEach(func(k, v []byte) error {
		kw := where + "/" + keyName(k)
		if v == nil {
			c.problem(kw, "is a bucket where an answer belongs")
			return nil
		}
		c.guard(kw, func() {
			var r answerRecord
			// The value the walk found, not a lookup by its key: a key
			// out of order is found by the walk and missed by a lookup.
			if err := decodeAt(s.b.Tx(), seasonPath(s.id)+"/answers", k, v, kw, kindAnswer, upgradeContext{}, &r); err != nil {
				c.damaged(kw, err)
				return
			}
			if r.Question != string(k) {
				c.problem(where+"/"+quotedKey(k), "is under an unexpected key: it is the answer to %q, so its key was damaged", r.Question)
			}
			c.r.Readable.Answers++
			if c.keep != nil {
				s.wb.Answers[r.Question] = r.answer()
			}
		})
		return nil
	})
}

func (c *checker) seasonGoals(s *seasonCheck, where string) {
	goals := s.b.Bucket(bucketGoals)
	goals.ForEach(func(k, v []byte) error {
		kw := where + "/" + keyName(k)
		if v == nil {
			c.problem(kw, "is a bucket where a goal belongs")
			return nil
		}
		c.guard(kw, func() {
			var r goalRecord
			if err := decodeAt(s.b.Tx(), seasonPath(s.id)+"/goals", k, v, kw, kindGoal, s.values, &r); err != nil {
				c.damaged(kw, err)
				return
			}
			g, err := r.goal()
			if err != nil {
				c.damaged(kw, undecodable(kindGoal, err))
				return
			}
			if g.ID != string(k) {
				c.problem(where+"/"+quotedKey(k), "is under an unexpected key: it is goal %q, so its key was damaged", g.ID)
			}
			c.r.Readable.Goals++
			if c.keep != nil {
				s.wb.Goals = append(s.wb.Goals, g)
			}
		})
		return nil
	})
}

// seasonHistory checks every goal's history: a bucket per goal, an event
// per change under its own ID.
func (c *checker) seasonHistory(s *seasonCheck, where string) {
	h := s.b.Bucket(bucketHistory)
	goals := s.b.Bucket(bucketGoals)
	h.ForEach(func(goal, v []byte) error {
		gw := where + "/" + keyName(goal)
		if v != nil {
			c.problem(gw, "is a record where a goal's history belongs")
			return nil
		}
		if goals == nil || goals.Get(goal) == nil {
			c.problem(where+"/"+quotedKey(goal), "is the history of a goal this season does not have, so its key was damaged (and that goal's history reads as empty)")
		}
		c.guard(gw, func() {
			events := h.Bucket(goal)
			events.ForEach(func(k, v []byte) error {
				kw := gw + "/" + keyName(k)
				if v == nil {
					c.problem(kw, "is a bucket where an event of a goal's history belongs")
					return nil
				}
				c.guard(kw, func() {
					v, err := openAt(h.Tx(), seasonPath(s.id)+"/history/"+string(goal), k, v, kindGoalEvent)
					if err != nil {
						c.damaged(kw, err)
						return
					}
					var r goalEventRecord
					if err := decode(v, kindGoalEvent, upgradeContext{}, &r); err != nil {
						c.damaged(kw, err)
						return
					}
					ev, err := r.event()
					if err != nil {
						c.damaged(kw, undecodable(kindGoalEvent, err))
						return
					}
					if ev.ID != string(k) {
						c.problem(gw+"/"+quotedKey(k), "is under an unexpected key: it is event %q, so its key was damaged", ev.ID)
					}
					if c.keep != nil {
						if s.wb.History == nil {
							s.wb.History = map[string][]workbook.GoalEvent{}
						}
						s.wb.History[string(goal)] = append(s.wb.History[string(goal)], ev)
					}
				})
				return nil
			})
		})
		return nil
	})
}

// journal checks every entry, and that the index finds each one where it
// is.
func (c *checker) journal(tx *bolt.Tx) {
	j, idx := journalBuckets(tx)
	if j == nil {
		c.problem("journal", "is missing")
		return
	}
	if idx == nil && c.schema >= 3 {
		c.problem("journal-index", "is missing")
	}
	// where each entry's ID was found, for the index
	at := map[string][]byte{}
	j.ForEach(func(k, v []byte) error {
		where := "journal/" + keyName(k)
		if v == nil {
			c.problem(where, "is a bucket where an entry belongs")
			return nil
		}
		c.guard(where, func() {
			v, err := openAt(tx, string(bucketJournal), k, v, kindEntry)
			if err != nil {
				c.damaged(where, err)
				return
			}
			if c.quick {
				if id, day, ok := entryIdentity(v); ok {
					if string(k) != day+id {
						c.problem("journal/"+quotedKey(k), "is under an unexpected key: it is the run of %s with ID %q, so its key was damaged", day, id)
					}
					at[id] = bytes.Clone(k)
					c.r.Readable.Entries++
					return
				}
			}
			var r entryRecord
			if err := decode(v, kindEntry, upgradeContext{}, &r); err != nil {
				c.damaged(where, err)
				return
			}
			e, err := r.entry()
			if err != nil {
				c.damaged(where, undecodable(kindEntry, err))
				return
			}
			if !bytes.Equal(entryKey(e.Day, e.ID), k) {
				c.problem("journal/"+quotedKey(k), "is under an unexpected key: it is the run of %s with ID %q, so its key was damaged", e.Day, e.ID)
			}
			at[e.ID] = bytes.Clone(k)
			c.r.Readable.Entries++
			if c.keep != nil {
				c.keep.Entries = append(c.keep.Entries, e)
			}
		})
		return nil
	})
	if idx == nil {
		return
	}
	indexed := map[string]bool{}
	idx.ForEach(func(k, v []byte) error {
		where := "journal-index/" + quotedKey(k)
		switch {
		case v == nil:
			c.problem(where, "is a bucket where an index entry belongs")
		case bytes.HasPrefix(k, prefixID):
			id := string(k[len(prefixID):])
			indexed[id] = true
			if key, ok := at[id]; !ok && j.Get(v) == nil {
				c.problem(where, "points to a run the journal does not hold")
			} else if ok && !bytes.Equal(key, v) {
				c.problem(where, "points to the wrong place in the journal")
			}
		case bytes.HasPrefix(k, prefixFingerprint):
			// An imported run's fingerprint stays after the run is
			// deleted, so it may point to nothing.
		default:
			c.problem(where, "is a key this cairn never writes in the index: a damaged key, or damage elsewhere")
		}
		return nil
	})
	for id := range at {
		if !indexed[id] {
			c.problem("journal-index", "does not list the run with ID %q", id)
		}
	}
}

// entryIdentity reads an entry's ID and day from a record in the shape
// seal writes, whose checksum it checks, without decoding the rest. ok
// is false for a record in any other shape, or one whose checksum does
// not match: the full decode then says what is wrong.
func entryIdentity(raw []byte) (id, day string, ok bool) {
	e, ok := sealed(raw)
	if !ok || e.Kind != kindEntry.name || e.V != kindEntry.latest() || checksum(e.Data) != e.Sum {
		return "", "", false
	}
	// json.Marshal writes an entryRecord's fields in order: id, then day.
	rest, ok := bytes.CutPrefix(e.Data, []byte(`{"id":"`))
	if !ok {
		return "", "", false
	}
	i := bytes.IndexByte(rest, '"')
	if i < 0 || bytes.IndexByte(rest[:i], '\\') >= 0 {
		return "", "", false
	}
	id, rest = string(rest[:i]), rest[i+1:]
	if rest, ok = bytes.CutPrefix(rest, []byte(`,"day":"`)); !ok || len(rest) < 11 || rest[10] != '"' {
		return "", "", false
	}
	if _, err := workbook.ParseDay(string(rest[:10])); err != nil {
		return "", "", false
	}
	return id, string(rest[:10]), true
}
