package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// The read paths on a damaged file: what every reader (the app, export,
// themes, status) gets when a page was damaged on disk. Damage is always
// an error that names the record and never its words, never a panic, a
// blank answer or a record read in the wrong place.

// readAll reads the workbook at path the ways the readers do, returning
// the first error.
func readAll(t *testing.T, path string) error {
	t.Helper()
	s, err := OpenReadOnly(path)
	if err != nil {
		return err
	}
	defer s.Close()
	cur, err := s.CurrentSeason()
	if err != nil {
		return err
	}
	if _, err := s.Workbook(cur.ID); err != nil {
		return err
	}
	if _, err := s.All(); err != nil {
		return err
	}
	if _, err := s.Seasons(); err != nil {
		return err
	}
	if _, _, err := s.JournalPage("", 100, true); err != nil {
		return err
	}
	return s.JournalScan(FirstDay, LastDay, false, func(workbook.Entry) bool { return true })
}

// everywhere returns the offset of every copy of s in raw: the pages a
// commit left behind hold older copies, and damaging only the first might
// hit one that nothing reads any more. It fails the test if there is none.
func everywhere(t *testing.T, raw []byte, s string) []int {
	t.Helper()
	var at []int
	for i := 0; ; {
		j := bytes.Index(raw[i:], []byte(s))
		if j < 0 {
			break
		}
		at = append(at, i+j)
		i += j + 1
	}
	if len(at) == 0 {
		t.Fatalf("%q is not in the file", s)
	}
	return at
}

// mustBeDamage fails unless err is ErrDamaged and holds none of the
// runner's words.
func mustBeDamage(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("want damage, got %v", err)
	}
	if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "data") {
		t.Errorf("the error holds a record's contents: %.300s", err)
	}
}

func TestReadingARecordUnderADamagedKeyIsDamage(t *testing.T) {
	plainOnly(t, "it moves a plain record to another key")
	for _, tc := range []struct {
		name string
		at   string // the key's bytes followed by its value
		to   byte   // what its first byte becomes
	}{
		// Still sorts in its place: found by a walk, under the wrong name.
		{"in order", `big-dream{"kind":"answer"`, 'b'},
		// Out of order: a lookup by key never finds it.
		{"out of order", `big-dream{"kind":"answer"`, 'z'},
		{"a goal's", `01a3ffc816400000b001{"kind":"goal"`, '9'},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, _ := checkWorkbook(t)
			damage(t, path, func(raw []byte) []byte {
				for _, i := range everywhere(t, raw, tc.at) {
					if tc.to == 'b' {
						raw[i+2] = 'x' // bix-dream
					} else {
						raw[i] = tc.to
					}
				}
				return raw
			})
			mustBeDamage(t, readAll(t, path))
		})
	}
}

func TestReadingAnUnknownKeyInASeasonIsDamage(t *testing.T) {
	plainOnly(t, "it plants a plain record under an unknown key")
	path, season := checkWorkbook(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SavePlace(season.ID, workbook.Place{Screen: "goals", Question: 3}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	damage(t, path, func(raw []byte) []byte {
		for _, i := range everywhere(t, raw, `place{"kind":"place"`) {
			raw[i+2] = 'x' // "plxce": where the runner left off would read as nowhere
		}
		return raw
	})
	mustBeDamage(t, readAll(t, path))
}

// leafElement finds the leaf element that points at the key of keyLen
// bytes at offset at, in a page of its own or in a small bucket kept
// inline in its parent's page, and returns the offset of its ksize field.
// An element is flags, pos, ksize and vsize (four uint32), pos counted
// from the element itself.
func leafElement(t *testing.T, raw []byte, at, keyLen int) int {
	t.Helper()
	for e := at - 16; e >= 0 && e > at-4096; e-- {
		pos := int(binary.NativeEndian.Uint32(raw[e+4:]))
		if e+pos == at && int(binary.NativeEndian.Uint32(raw[e+8:])) == keyLen {
			return e + 8
		}
	}
	t.Fatal("no leaf element points at the key")
	return 0
}

// TestADamagedKeyLengthNeverPutsTheRecordInTheError stretches a key over
// the record after it, as a damaged page can: the key read back holds the
// runner's words, and no error may repeat it.
func TestADamagedKeyLengthNeverPutsTheRecordInTheError(t *testing.T) {
	plainOnly(t, "it looks for the plain record's words in the error")
	for _, at := range []string{`2026-11-3001a3ffc816400000e001{"kind":"entry"`, `proud-moment{"kind":"answer"`, `01a3ffc816400000b002{"kind":"goal"`} {
		t.Run(at[:12], func(t *testing.T) {
			path, _ := checkWorkbook(t)
			damage(t, path, func(raw []byte) []byte {
				// Every copy: pages a commit left behind hold older ones.
				for _, i := range everywhere(t, raw, at) {
					ksize := leafElement(t, raw, i, strings.Index(at, "{"))
					n := binary.NativeEndian.Uint32(raw[ksize:])
					binary.NativeEndian.PutUint32(raw[ksize:], n+160)
				}
				return raw
			})
			mustBeDamage(t, readAll(t, path))
			if r := mustCheck(t, path); r.Healthy() {
				t.Error("the check passed a stretched key")
			}
		})
	}
}

// TestAZeroedPageIsDamageNotAPanic zeroes the page that holds the answers:
// bbolt panics on it ("Page expected to be…"), and every read path turns
// that into an error naming the file.
func TestAZeroedPageIsDamageNotAPanic(t *testing.T) {
	plainOnly(t, "it finds a plain record's page by its words")
	path, _ := checkWorkbook(t)
	damage(t, path, func(raw []byte) []byte {
		for _, i := range everywhere(t, raw, `proud-moment{"kind":"answer"`) {
			p := i - i%4096
			clear(raw[p : p+4096])
		}
		return raw
	})
	mustBeDamage(t, readAll(t, path))
}

// TestADamagedCurrentSeasonIsNeverANewWorkbook damages the key of the
// pointer to the current season: the workbook must not read as one that
// has no season yet, or the app would begin a new, empty one over it.
func TestADamagedCurrentSeasonIsNeverANewWorkbook(t *testing.T) {
	path, _ := checkWorkbook(t)
	damage(t, path, func(raw []byte) []byte {
		for _, i := range everywhere(t, raw, "current01") {
			raw[i+6] = 'x' // "currenx"
		}
		return raw
	})
	before := fileHash(t, path)
	mustBeDamage(t, readAll(t, path))
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.CurrentSeason()
	s.Close()
	if errors.Is(err, ErrNotFound) {
		t.Fatalf("a workbook with a season reads as one without: %v", err)
	}
	mustBeDamage(t, err)
	// Even asked directly, the store begins no season over the damage.
	if w, err := Open(path); err == nil {
		_, err = w.StartSeason("")
		w.Close()
		mustBeDamage(t, err)
	}
	if fileHash(t, path) != before {
		t.Error("the damaged workbook was written to")
	}
}

// TestALostLastSaveIsRefusedWhenOpening damages the header page that held
// the last save: bbolt would quietly read the save before it. Readers and
// the editor alike are told, and nothing is written.
func TestALostLastSaveIsRefusedWhenOpening(t *testing.T) {
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
		raw[metaSlot(last)+metaRoot] ^= 0x04
		return raw
	})
	before := fileHash(t, path)
	_, err = OpenReadOnly(path)
	mustBeDamage(t, err)
	if !strings.Contains(err.Error(), "last save") {
		t.Errorf("the reader was not told of the lost save: %v", err)
	}
	if w, err := Open(path); err == nil {
		w.Close()
		t.Error("the editor opened a workbook whose last save is lost")
	} else {
		mustBeDamage(t, err)
	}
	if fileHash(t, path) != before {
		t.Error("the workbook was written to")
	}
}

func TestDamageWordsLeaveTheFileOut(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`goal state "done-ish" is not one cairn knows`, `goal state "done-ish" is not one cairn knows`},
		{`goal state "the long hill at dawn" is not one cairn knows`, `goal state “…” is not one cairn knows`},
	} {
		if got := unquoted(tc.in); got != tc.want {
			t.Errorf("unquoted(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"assertion failed: Page expected to be: 4, but self identifies as 0", "assertion failed: Page expected to be: 4, but self identifies as 0"},
		{"misplaced bucket header: 616e7377657273 -> 746865206c6f6e672068696c6c", "misplaced bucket header: … -> …"},
		{"key[0]=(hex)746865206c6f6e67 on leaf page(4) needs to be >", "key[0]=… on leaf page(4) needs to be >"},
		{"line one\nline two", "line one"},
		{"ünïcode", "?n?code"},
	} {
		if got := safeWords(tc.in); got != tc.want {
			t.Errorf("safeWords(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ key, want string }{
		{"big-dream", "big-dream"},
		{"01a3ffc816400000b001", "01a3ffc816400000b001"},
		{"2026-11-3001a3ffc816400000e001", "2026-11-3001a3ffc816400000e001"},
		{"fp/sha256:ab12", "fp/sha256:ab12"},
		{"competition", "<a damaged key of 11 bytes>"}, // one word: it could be the runner's
		{"place", "place"},
		{`big-dream{"kind":"answer"`, "<a damaged key of 25 bytes>"},
		{"the long hill", "<a damaged key of 13 bytes>"},
	} {
		if got := keyName([]byte(tc.key)); got != tc.want {
			t.Errorf("keyName(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

// TestAHistoryUnderADamagedKeyIsDamage: a damaged name of a goal's history
// bucket filed the history under a goal that is not there, the export
// showed it so, the real goal's history read as empty, and cairn check
// found nothing.
func TestAHistoryUnderADamagedKeyIsDamage(t *testing.T) {
	path, season := checkWorkbook(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Now().UTC()
	goal := workbook.Goal{ID: "01a3ffc816400000b003", Tier: workbook.Small, Text: "goal " + secret, Created: at, Updated: at}
	if err := s.SaveGoalChange(season.ID, goal, workbook.AddedEvent(goal, at)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// The history bucket's name, followed by its header: an inline bucket
	// (root page 0).
	damage(t, path, func(raw []byte) []byte {
		for _, i := range everywhere(t, raw, "01a3ffc816400000b003\x00\x00\x00\x00\x00\x00\x00\x00") {
			raw[i+16] = 'f'
		}
		return raw
	})
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, err = r.All()
	mustBeDamage(t, err)
	report, err := Check(path, nil)
	if err != nil || report.Healthy() {
		t.Errorf("cairn check: %v, %+v", err, report.Problems)
	}
}

// TestPagesThatSendBboltAstrayAreDamage reads two files the reliability
// suite damaged: in one a page loops back (bbolt's cursor went round
// forever, and cairn check with it), in the other a key's length reaches
// megabytes past its page (bbolt's own check, in a goroutine of its own,
// faulted and killed the process). Both are damage, reported.
func TestPagesThatSendBboltAstrayAreDamage(t *testing.T) {
	for _, name := range []string{"damaged-loop.db", "damaged-keylength.db"} {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "cairn.db")
			if err := os.WriteFile(path, raw, 0o600); err != nil {
				t.Fatal(err)
			}
			r, err := Check(path, nil)
			if err != nil || r.Healthy() {
				t.Errorf("cairn check: %v %+v", err, r.Problems)
			}
			if err := readAll(t, path); err == nil {
				t.Error("read without an error")
			}
		})
	}
}

// TestADamagedListOfFreePagesIsDamage: a changed count on the page that
// lists the free pages sent bbolt reading far past the file's map (it
// reads the list whole, in its own check's goroutine too, where the fault
// killed the process); about one try in a few hundred of the reliability
// suite, where the address space happened to end there.
func TestADamagedListOfFreePagesIsDamage(t *testing.T) {
	path, _ := checkWorkbook(t)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := f.Stat()
	m, _, ok := readHeader(f, info.Size()).current()
	f.Close()
	if !ok || m.freelist == ^uint64(0) {
		t.Fatalf("the workbook keeps no list of free pages to damage: %+v", m)
	}
	damage(t, path, func(raw []byte) []byte {
		off := int(m.freelist) * m.pageSize
		binary.LittleEndian.PutUint16(raw[off+10:], 0xFFFF)
		binary.LittleEndian.PutUint64(raw[off+pageHeaderSize:], 1<<40)
		return raw
	})
	r, err := Check(path, nil)
	if err != nil || r.Healthy() {
		t.Errorf("cairn check: %v %+v", err, r.Problems)
	}
	if err := readAll(t, path); err == nil {
		t.Error("read without an error")
	}
}

// TestBothHeaderPagesDamagedIsADamagedWorkbook: with the magic of both
// header pages damaged, the check called the file "not a cairn workbook",
// and the app refused it as one instead of opening the recovery mode
// (18 of 255 such files in the reliability suite's long tier).
func TestBothHeaderPagesDamagedIsADamagedWorkbook(t *testing.T) {
	path, _ := checkWorkbook(t)
	damage(t, path, func(raw []byte) []byte {
		raw[16] ^= 0xff
		raw[4096+16+4] ^= 0xff // the second's version
		raw[4096+16] ^= 0xff
		return raw
	})
	r, err := Check(path, nil)
	if err != nil || r.Healthy() {
		t.Fatalf("cairn check: %v %+v", err, r.Problems)
	}
	// Another kind of file is still another kind of file.
	other := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(other, bytes.Repeat([]byte("running notes "), 1000), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Check(other, nil); !errors.Is(err, ErrNotCairn) {
		t.Errorf("a file of notes: %v", err)
	}
}
