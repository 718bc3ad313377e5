package main

import (
	"bytes"
	endian "encoding/binary"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A damaged workbook, through every door: the app opens the recovery mode,
// the commands that read say what cairn check finds, the commands that
// write refuse, and not one byte of the file changes.

// runnersWords are written in fullWorkbook; no message may repeat them.
var runnersWords = []string{"Feelings first", "clears my head", "hill loop", "ridge ultra"}

func noRunnersWords(t *testing.T, what, s string) {
	t.Helper()
	for _, w := range runnersWords {
		if strings.Contains(s, w) {
			t.Errorf("%s holds the runner's words %q:\n%s", what, w, s)
		}
	}
}

// flipEverywhere changes every copy of s in raw with fn, at the offset of
// each: older copies sit in pages a commit left behind.
func flipEverywhere(t *testing.T, raw []byte, s string, fn func(raw []byte, at int)) []byte {
	t.Helper()
	found := false
	for i := 0; ; {
		j := bytes.Index(raw[i:], []byte(s))
		if j < 0 {
			break
		}
		fn(raw, i+j)
		found = true
		i += j + 1
	}
	if !found {
		t.Fatalf("%q is not in the workbook", s)
	}
	return raw
}

// damagedCurrent damages the key of the pointer to the current season.
func damagedCurrent(t *testing.T) string {
	return damagedCopy(t, fullWorkbook(t), func(raw []byte) []byte {
		return flipEverywhere(t, raw, "current01", func(raw []byte, at int) { raw[at+6] = 'x' })
	})
}

// TestADamagedCurrentSeasonOpensTheRecoveryMode: the app used to read a
// workbook whose current season it could not find as a new one, and began
// a second, empty season in the damaged file.
func TestADamagedCurrentSeasonOpensTheRecoveryMode(t *testing.T) {
	db := damagedCurrent(t)
	before := hash(t, db)
	tm := startTerminal(t, 100, 30, "--db", db)
	tm.waitFor("Your workbook is damaged, so cairn opened it read-only.")
	tm.waitFor("which season the workbook opens on")
	tm.keys("q")
	tm.waitDead()
	if hash(t, db) != before {
		t.Error("the damaged workbook was written to")
	}
}

func TestCommandsThatWriteRefuseADamagedWorkbook(t *testing.T) {
	export := writeFile(t, "in.json", []byte(ok(t, "", "--db", fullWorkbook(t), "export")))
	for name, db := range map[string]string{
		"a damaged answer": damagedCopy(t, fullWorkbook(t), func(raw []byte) []byte {
			return flipEverywhere(t, raw, "clears my head", func(raw []byte, at int) { raw[at] ^= 0x20 })
		}),
		"a damaged pointer to the current season": damagedCurrent(t),
	} {
		for _, args := range [][]string{
			{"log", "5k", "28:30"},
			{"import", export},
			{"season", "new", "--reason", "break"},
		} {
			t.Run(name+"/"+args[0], func(t *testing.T) {
				before := hash(t, db)
				r := runCairn(t, "", nil, append([]string{"--db", db}, args...)...)
				msg := ansi.Strip(r.stderr)
				if r.code == 0 || !strings.Contains(msg, "is damaged") || !strings.Contains(msg, "cairn check") {
					t.Errorf("exit %d:\n%s%s", r.code, r.stdout, msg)
				}
				noRunnersWords(t, "the message", msg)
				if hash(t, db) != before {
					t.Error("the damaged workbook was written to")
				}
			})
		}
	}
}

func TestCommandsThatReadSayWhatTheCheckFinds(t *testing.T) {
	db := damagedCopy(t, fullWorkbook(t), func(raw []byte) []byte {
		// A key that no longer sorts: the answer used to read as blank.
		return flipEverywhere(t, raw, `beyond-running{"kind":"answer"`, func(raw []byte, at int) { raw[at] = 'z' })
	})
	before := hash(t, db)
	for _, args := range [][]string{{"export"}, {"export", "--format", "md"}, {"themes"}, {"status"}, {"journal"}, {"season", "list"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := runCairn(t, "", nil, append([]string{"--db", db}, args...)...)
			msg := ansi.Strip(r.stderr)
			if args[0] == "journal" || args[0] == "season" {
				// These read only runs, settings and seasons' headers,
				// which are whole.
				if r.code != 0 {
					t.Errorf("exit %d: %s", r.code, msg)
				}
				return
			}
			if r.code == 0 || !strings.Contains(msg, db+" is damaged") || !strings.Contains(msg, "cairn check finds") {
				t.Errorf("exit %d:\n%s%s", r.code, r.stdout, msg)
			}
			if strings.Contains(msg, "goroutine") || strings.Contains(msg, "panic") {
				t.Errorf("it crashed:\n%s", msg)
			}
			noRunnersWords(t, "the message", msg+r.stdout)
		})
	}
	if hash(t, db) != before {
		t.Error("reading changed the file")
	}
}

// TestALostLastSaveIsTold damages the header page that held the last save:
// bbolt reads the save before it without a word, and so did every reader.
func TestALostLastSaveIsTold(t *testing.T) {
	src := fullWorkbook(t)
	ok(t, "", "--db", src, "log", "5k", "--note", "the very last save")
	db := damagedCopy(t, src, func(raw []byte) []byte {
		txid := func(at int) uint64 { return endian.NativeEndian.Uint64(raw[at+64:]) } // the meta's txid
		newest := 0
		if txid(4096) > txid(0) {
			newest = 4096
		}
		raw[newest+40] ^= 0x04 // its root: the checksum no longer matches
		return raw
	})
	// The lock file beside the workbook notes the editor's last commit.
	copyFile(t, src+".lock", db+".lock")
	before := hash(t, db)

	r := runCairn(t, "", nil, "--db", db, "export")
	if msg := ansi.Strip(r.stderr); r.code == 0 || !strings.Contains(msg, "that save is missing") {
		t.Errorf("export: exit %d\n%s", r.code, msg)
	}
	tm := startTerminal(t, 100, 30, "--db", db)
	tm.waitFor("Your workbook is damaged, so cairn opened it read-only.")
	tm.waitFor("it held the last save", "so that save is")
	tm.keys("q")
	tm.waitDead()
	if hash(t, db) != before {
		t.Error("the workbook was written to")
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	raw, err := os.ReadFile(from)
	if err == nil {
		err = os.WriteFile(to, raw, 0o600)
	}
	if err != nil {
		t.Fatal(err)
	}
}
