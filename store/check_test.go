package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

// secret is written in every answer of checkWorkbook: no report may hold it.
const secret = "zq-private-words-zq"

// checkWorkbook writes a workbook with something of everything in it and
// returns its path, closed, and its season.
func checkWorkbook(t *testing.T) (string, workbook.Season) {
	t.Helper()
	s, path := openTemp(t)
	season := startSeason(t, s, "")
	for _, q := range []string{"numbers-or-feelings", "proud-moment", "big-dream"} {
		if err := s.SaveAnswer(season.ID, workbook.Answer{Question: q, Text: q + " " + secret, Updated: time.Now().UTC()}); err != nil {
			t.Fatal(err)
		}
	}
	for i, g := range []string{"01a3ffc816400000b001", "01a3ffc816400000b002"} {
		goal := workbook.Goal{ID: g, Tier: workbook.Small, Text: "goal " + secret, Order: i}
		if err := s.PutGoal(season.ID, goal); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveValues(season.ID, []workbook.ValueChoice{{ID: "calm", Serve: secret}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveThemes(season.ID, workbook.ThemeBoard{Motivation: secret}); err != nil {
		t.Fatal(err)
	}
	day := workbook.MakeDay(2026, time.November, 30)
	for i, id := range []string{"01a3ffc816400000e001", "01a3ffc816400000e002"} {
		e := workbook.Entry{ID: id, Day: day.AddDays(i), Metres: 5000, Note: secret}
		if err := s.PutEntry(e); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	return path, season
}

// mustCheck checks path, failing the test if it cannot.
func mustCheck(t *testing.T, path string) Report {
	t.Helper()
	r, err := Check(path, nil)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	raw, _ := json.Marshal(r)
	if strings.Contains(string(raw), secret) {
		t.Errorf("the report holds the runner's words: %s", raw)
	}
	return r
}

// reports says whether r has a problem at a place containing where whose
// words contain what.
func reports(r Report, where, what string) bool {
	for _, p := range r.Problems {
		if strings.Contains(p.Where, where) && strings.Contains(p.What, what) {
			return true
		}
	}
	return false
}

// damage changes the file at path with fn and writes it back.
func damage(t *testing.T, path string, fn func(raw []byte) []byte) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, fn(raw), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestCheckAHealthyWorkbook(t *testing.T) {
	path, _ := checkWorkbook(t)
	r := mustCheck(t, path)
	if !r.Healthy() || len(r.Notes) != 0 {
		t.Fatalf("a healthy workbook: %+v", r)
	}
	want := Counts{Seasons: 1, Answers: 3, Goals: 2, Entries: 2}
	if r.Readable != want || r.Schema != SchemaVersion || r.Commit == 0 || r.LastSaved.IsZero() {
		t.Errorf("report %+v, want counts %+v", r, want)
	}
	for _, name := range []string{"schema1.db", "schema2.db", "schema3.db", "schema4.db"} {
		if r := mustCheck(t, copyFixture(t, name)); !r.Healthy() {
			t.Errorf("%s: %+v", name, r.Problems)
		}
	}
}

func TestCheckRefusesWhatIsNotAWorkbook(t *testing.T) {
	dir := t.TempDir()
	if _, err := Check(filepath.Join(dir, "none.db"), nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("no file: %v", err)
	}
	empty := filepath.Join(dir, "empty.db")
	write(t, empty, nil)
	if _, err := Check(empty, nil); !errors.Is(err, ErrNotCairn) {
		t.Errorf("an empty file: %v", err)
	}
	other := filepath.Join(dir, "other.db")
	boltFile(t, other, func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err })
	if _, err := Check(other, nil); !errors.Is(err, ErrNotCairn) {
		t.Errorf("another program's bbolt file: %v", err)
	}
}

func TestCheckFindsAFlippedByteInARecord(t *testing.T) {
	plainOnly(t, "it flips a byte of a plain record")
	path, season := checkWorkbook(t)
	damage(t, path, func(raw []byte) []byte {
		i := bytes.Index(raw, []byte("proud-moment "+secret))
		raw[i+len("proud-moment ")] ^= 0x01
		return raw
	})
	r := mustCheck(t, path)
	if !reports(r, "seasons/"+season.ID+"/answers/proud-moment", "checksum") {
		t.Errorf("problems %+v", r.Problems)
	}
	if r.Readable.Answers != 2 {
		t.Errorf("readable %+v", r.Readable)
	}
	keep, _, err := Salvage(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(keep.Seasons) != 1 || len(keep.Seasons[0].Answers) != 2 || len(keep.Seasons[0].Goals) != 2 || len(keep.Entries) != 2 || keep.Current != season.ID {
		t.Errorf("salvage kept %+v", keep)
	}
	if _, ok := keep.Seasons[0].Answers["proud-moment"]; ok {
		t.Error("salvage kept the damaged answer")
	}
}

func TestCheckFindsARecordUnderADamagedKey(t *testing.T) {
	plainOnly(t, "it moves a plain record to another key")
	path, _ := checkWorkbook(t)
	damage(t, path, func(raw []byte) []byte {
		// In a leaf page a key is followed by its value.
		i := bytes.Index(raw, []byte(`big-dream{"kind":"answer"`))
		if i < 0 {
			t.Fatal("the answer's key is not in the file")
		}
		raw[i+2] = 'x' // "bix-dream": still sorts in its place
		return raw
	})
	r := mustCheck(t, path)
	if !reports(r, "answers/\"bix-dream\"", "unexpected key") {
		t.Errorf("problems %+v", r.Problems)
	}
	keep, _, _ := Salvage(path)
	if a := keep.Seasons[0].Answers["big-dream"]; !strings.Contains(a.Text, secret) {
		t.Errorf("salvage lost the answer whose key was damaged: %+v", keep.Seasons[0].Answers)
	}
}

func TestCheckFindsATruncatedFile(t *testing.T) {
	path, _ := checkWorkbook(t)
	f, _ := os.Open(path)
	info, _ := f.Stat()
	want := readHeader(f, info.Size()).want()
	f.Close()
	if err := os.Truncate(path, want-4096); err != nil {
		t.Fatal(err)
	}
	r := mustCheck(t, path)
	if r.Healthy() || !reports(r, "the file", "cut short") {
		t.Errorf("problems %+v", r.Problems)
	}
}

// metaSlot returns the offset of the meta page that describes transaction
// txid, which bbolt writes to page txid mod 2.
func metaSlot(txid uint64) int { return int(txid%2) * 4096 }

func lastTxid(t *testing.T, path string) uint64 {
	t.Helper()
	raw, _ := os.ReadFile(path)
	a := binary.NativeEndian.Uint64(raw[metaTxid:])
	b := binary.NativeEndian.Uint64(raw[4096+metaTxid:])
	return max(a, b)
}

func TestCheckFindsALostLastSave(t *testing.T) {
	path, season := checkWorkbook(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveAnswer(season.ID, workbook.Answer{Question: "next-step", Text: "the last save"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	last := lastTxid(t, path)
	damage(t, path, func(raw []byte) []byte {
		raw[metaSlot(last)+metaRoot] ^= 0x04 // the checksum no longer matches
		return raw
	})
	// bbolt reads the file as it was before the last save, without a word
	// (OpenReadOnly refuses it now: TestALostLastSaveIsRefusedWhenOpening).
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var answer []byte
	db.View(func(tx *bolt.Tx) error {
		answer = tx.Bucket(bucketSeasons).Bucket([]byte(season.ID)).Bucket(bucketAnswers).Get([]byte("next-step"))
		return nil
	})
	db.Close()
	if answer != nil {
		t.Fatal("bbolt did not fall back as expected")
	}
	r := mustCheck(t, path)
	if !reports(r, "header page", "that save is missing") {
		t.Errorf("the lost save was not reported: %+v", r)
	}
	// Without the editor's note, cairn cannot tell, and says so.
	os.Remove(LockPath(path))
	if r := mustCheck(t, path); !reports(r, "header page", "cannot tell") {
		t.Errorf("without a note: %+v", r)
	}
}

func TestCheckLetsADamagedOlderHeaderPass(t *testing.T) {
	path, _ := checkWorkbook(t)
	last := lastTxid(t, path)
	damage(t, path, func(raw []byte) []byte {
		raw[metaSlot(last-1)+metaRoot] ^= 0x04
		return raw
	})
	r := mustCheck(t, path)
	if !r.Healthy() || len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "latest save is whole") {
		t.Errorf("a damaged older header page: %+v", r)
	}
}

func TestCheckFindsWhatDoesNotBelong(t *testing.T) {
	plainOnly(t, "it plants plain records where they do not belong")
	for _, tc := range []struct {
		name        string
		harm        func(tx *bolt.Tx, season string) error
		where, what string
	}{
		{"a stray key in a season", func(tx *bolt.Tx, id string) error {
			return tx.Bucket(bucketSeasons).Bucket([]byte(id)).Put([]byte("zzz"), []byte("x"))
		}, "<a damaged key of 3 bytes>", "never writes"}, // one word: it could be the runner's
		{"a missing season header", func(tx *bolt.Tx, id string) error {
			return tx.Bucket(bucketSeasons).Bucket([]byte(id)).Delete(keySeason)
		}, "/season", "missing"},
		{"a missing answers bucket", func(tx *bolt.Tx, id string) error {
			return tx.Bucket(bucketSeasons).Bucket([]byte(id)).DeleteBucket(bucketAnswers)
		}, "/answers", "missing"},
		{"a current season that is not there", func(tx *bolt.Tx, _ string) error {
			return tx.Bucket(bucketMeta).Put(keyCurrent, []byte("01a1fa6fe6c0ffffffff"))
		}, "meta/current", "does not hold"},
		{"a run the index does not list", func(tx *bolt.Tx, _ string) error {
			return tx.Bucket(bucketJournalIndex).Delete(idKey("01a3ffc816400000e001"))
		}, "journal-index", "does not list"},
		{"an index entry pointing nowhere", func(tx *bolt.Tx, _ string) error {
			return tx.Bucket(bucketJournalIndex).Put(idKey("01a3ffc816400000e009"), []byte("2026-11-30zz"))
		}, "journal-index", "does not hold"},
		{"a goal's event under another's key", func(tx *bolt.Tx, id string) error {
			h, err := tx.Bucket(bucketSeasons).Bucket([]byte(id)).CreateBucketIfNotExists(bucketHistory)
			if err != nil {
				return err
			}
			g, err := h.CreateBucketIfNotExists([]byte("01a3ffc816400000b001"))
			if err != nil {
				return err
			}
			ev := workbook.GoalEvent{ID: "01a3ffc816400000f001", At: time.Now(), Kind: workbook.EventAdded, Text: "goal"}
			return put(g, seasonPath(id)+"/history/01a3ffc816400000b001", []byte("01a3ffc816400000f00f"), kindGoalEvent, goalEventToRecord(ev))
		}, `history/01a3ffc816400000b001/"01a3ffc816400000f00f"`, "unexpected key"},
		{"a goal under another goal's key", func(tx *bolt.Tx, id string) error {
			goals := tx.Bucket(bucketSeasons).Bucket([]byte(id)).Bucket(bucketGoals)
			raw := bytes.Clone(goals.Get([]byte("01a3ffc816400000b001")))
			if err := goals.Delete([]byte("01a3ffc816400000b001")); err != nil {
				return err
			}
			return goals.Put([]byte("01a3ffc816400000b00f"), raw)
		}, `"01a3ffc816400000b00f"`, "unexpected key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, season := checkWorkbook(t)
			boltFile(t, path, func(tx *bolt.Tx) error { return tc.harm(tx, season.ID) })
			os.Chmod(path, 0o600)
			r := mustCheck(t, path)
			if !reports(r, tc.where, tc.what) {
				t.Errorf("want a problem at %s saying %q: %+v", tc.where, tc.what, r.Problems)
			}
		})
	}
}

// TestCheckReadsAWorkbookOpenForEditing checks a workbook the app has open,
// as the app's own start-up check and cairn check from another window do.
func TestCheckReadsAWorkbookOpenForEditing(t *testing.T) {
	path, _ := checkWorkbook(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r := mustCheck(t, path); !r.Healthy() {
		t.Errorf("%+v", r.Problems)
	}
}

// TestQuickCheckFindsWhatADiskDoes holds the check at start to the damage
// a disk does to the journal: a flipped byte in a run, a damaged key.
func TestQuickCheckFindsWhatADiskDoes(t *testing.T) {
	plainOnly(t, "it changes plain bytes as a disk would")
	path, _ := checkWorkbook(t)
	healthy, err := CheckQuick(path, nil)
	if err != nil || !healthy.Healthy() || healthy.Readable.Entries != 2 {
		t.Fatalf("a healthy workbook: %+v, %v", healthy, err)
	}
	damage(t, path, func(raw []byte) []byte {
		// In a leaf page a key is followed by its value.
		first := bytes.Index(raw, []byte(`2026-11-3001a3ffc816400000e001{"kind":"entry"`))
		second := bytes.Index(raw, []byte(`2026-12-0101a3ffc816400000e002{"kind":"entry"`))
		if first < 0 || second < 0 {
			t.Fatal("the runs are not in the file")
		}
		raw[first+bytes.Index(raw[first:], []byte(secret))] ^= 0x01 // the first run's note
		raw[second+9] = '2'                                         // 2026-12-02: the second's key
		return raw
	})
	r, err := CheckQuick(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	full := mustCheck(t, path)
	if len(r.Problems) != len(full.Problems) || len(r.Problems) < 2 {
		t.Errorf("quick found %+v\nthe full check %+v", r.Problems, full.Problems)
	}
	if !reports(r, `journal/"2026-12-0201a3ffc816400000e002"`, "unexpected key") {
		t.Errorf("the damaged key: %+v", r.Problems)
	}
}
