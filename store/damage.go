package store

import (
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
)

// Damage in the read paths
//
// bbolt checksums only its meta pages and trusts every other byte it
// maps. A damaged page can make it panic (its assertions: "Page expected
// to be…"), fault on an address outside the map, hand back a key that
// runs on into the record after it, or find a record in the wrong place.
// Every transaction the store runs is guarded (handle.go): faults become
// panics, and a panic becomes a *DamagedError naming the file. The
// records read are checked against the keys they sit under, and a bucket's
// keys against those this schema writes (the lists in check.go), so a
// damaged key is damage, never a missing answer. What cannot be caught
// inside a process (the rare fault that kills it outright) is why the app
// and every command that writes check the file in a child process first
// (cmd/cairn/check.go).
//
// Every word of an error or a report that comes from the file is passed
// through keyName or safeWords first: a key stretched over the record
// after it would otherwise carry the runner's words into a message.

// guard runs fn, a transaction's work, turning a fault in the mapped file
// or a panic inside bbolt into a *DamagedError.
func guard(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			err = &DamagedError{Where: "the file", Err: fmt.Errorf("%w: reading it failed (%s)", ErrDamaged, panicWords(p))}
		}
	}()
	return fn()
}

// panicWords is a panic's message cut to one line, with anything that
// could be the file's contents left out (safeWords).
func panicWords(p any) string {
	return safeWords(fmt.Sprint(p))
}

// longHex is a run of hex digits long enough to be a key or a stretch of
// a page that bbolt printed: bbolt's assertions and its check print keys
// in hex.
var longHex = regexp.MustCompile(`(?i)(\(hex\))?[0-9a-f]{12,}`)

// safeWords is a message from bbolt or the runtime, fit to show: one line,
// at most 160 bytes, keys and stretches of pages printed in hex left out,
// and nothing outside printable ASCII.
func safeWords(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	s = longHex.ReplaceAllString(s, "…")
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r > '~' {
			if r == '…' {
				return r
			}
			return '?'
		}
		return r
	}, s)
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}

// Keys this cairn writes, by shape. A key read from the file is named in
// a message only when it has one of these shapes or is one of the fixed
// names of the layout: anything else may be a stretch of a record, and a
// single word could be one of the runner's.
var keyShapes = regexp.MustCompile(`^(` +
	`[0-9a-f]{20}` + // season, goal and event IDs
	`|\d{4}-\d\d-\d\d[0-9a-f]{20}` + // journal entries: day, then ID
	`|id/[0-9a-f]{20}` + // the journal's index by ID
	`|fp/[a-z0-9]{1,12}:[A-Za-z0-9:+._-]{1,80}` + // by import fingerprint
	`|[a-z][a-z0-9]*(-[a-z0-9]+){1,6}` + // question IDs, which have a dash
	`|meta|seasons|journal|schema|current|crypt|season|place|themes|values|experiments|answers|goals|history` +
	`)$`)

// maxKeyShown is the longest key named in a message.
const maxKeyShown = 96

// keyName is how a key read from the file is named in an error or a
// report: as it is when it has the shape of a key cairn writes, otherwise
// by its length alone.
func keyName(k []byte) string {
	if len(k) <= maxKeyShown && keyShapes.Match(k) {
		return string(k)
	}
	return fmt.Sprintf("<a damaged key of %d bytes>", len(k))
}

// quotedKey is keyName in quotes, for a key that is not where it should
// be: seasons/<id>/answers/"bix-dream".
func quotedKey(k []byte) string {
	if len(k) <= maxKeyShown && keyShapes.Match(k) {
		return fmt.Sprintf("%q", k)
	}
	return keyName(k)
}

// quotedValue is a value quoted in an error from the workbook package,
// such as the unknown state in `goal state "done-ish" is not one cairn
// knows`.
var quotedValue = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// unquoted is such an error with every quoted value that is not a short
// single word left out: the value comes from a record, and a record that
// passed its checksum with a field in the wrong place could hold the
// runner's words.
func unquoted(s string) string {
	return quotedValue.ReplaceAllStringFunc(s, func(q string) string {
		if len(q) <= 26 && !strings.ContainsAny(q, " \t\n") {
			return q
		}
		return "“…”"
	})
}
