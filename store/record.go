package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"strconv"

	"github.com/cairn-run/cairn/workbook"
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// envelope is how every record is stored. Data keeps its exact bytes so the
// checksum can be verified against what is on disk.
type envelope struct {
	Kind string          `json:"kind"`
	V    int             `json:"v"`
	Sum  string          `json:"sum"`
	Data json.RawMessage `json:"data"`
}

// recordKind is one kind of record and the history of its shape. Each kind
// is versioned on its own: a change to how goals are stored bumps the goal
// version and leaves answers alone. The newest version, the one encode
// writes, is one more than the number of upgrade steps.
type recordKind struct {
	name string
	// up[i] turns the data of version i+1 into the data of version i+2.
	up []upgrade
}

// latest is the version of this kind that this build writes.
func (k recordKind) latest() int { return len(k.up) + 1 }

// upgrade turns one version's data into the next version's.
type upgrade func(data []byte, c upgradeContext) ([]byte, error)

// upgradeContext is what an upgrade may need to know beyond the record
// itself. The zero context knows nothing about the season.
type upgradeContext struct {
	// values maps the IDs of the season's chosen values to whether each is
	// the runner's own: a version 1 goal does not say which of its value
	// links are own values, the season's values record does.
	values map[string]bool
}

// ownValue says whether a value ID a version 1 goal links to is one of the
// runner's own. The season's values decide; a link to a value no longer in
// the list counts as own when its ID has the shape only own values get.
func (c upgradeContext) ownValue(id string) bool {
	if own, ok := c.values[id]; ok {
		return own
	}
	return workbook.IsNewID(id)
}

// step makes an upgrade from a typed function between two versions' data.
func step[From, To any](fn func(From, upgradeContext) (To, error)) upgrade {
	return func(data []byte, c upgradeContext) ([]byte, error) {
		var from From
		if err := json.Unmarshal(data, &from); err != nil {
			return nil, err
		}
		to, err := fn(from, c)
		if err != nil {
			return nil, err
		}
		return json.Marshal(to)
	}
}

// The record kinds. Their upgrade steps live beside their shapes in
// records.go.
var (
	kindSchema     = recordKind{name: "schema", up: []upgrade{step(upgradeSchemaV1)}}
	kindSeason     = recordKind{name: "season", up: []upgrade{step(seasonRecordV1.upgrade)}}
	kindPlace      = recordKind{name: "place", up: []upgrade{step(placeRecordV1.upgrade)}}
	kindAnswer     = recordKind{name: "answer"}
	kindLastActive = recordKind{name: "last-active"}
	kindGoal       = recordKind{name: "goal", up: []upgrade{step(goalRecordV1.upgrade), step(upgradeGoalV2)}}
	kindThemes     = recordKind{name: "themes", up: []upgrade{step(themeBoardRecordV1.upgrade), step(upgradeThemesV2)}}
	kindValues     = recordKind{name: "values", up: []upgrade{step(upgradeValuesV1)}}

	// The journal's kinds (journal_records.go).
	kindEntry           = recordKind{name: "entry"}
	kindJournalSettings = recordKind{name: "journal-settings"}
	kindReviews         = recordKind{name: "experiments"}

	// A goal's history (history.go).
	kindGoalEvent = recordKind{name: "goal-event"}
)

// checksum is the CRC-32C of b as eight hex digits. It runs on every
// record read, so it is written out by hand rather than through fmt.
func checksum(b []byte) string {
	const digits = "0123456789abcdef"
	var out [8]byte
	v := crc32.Checksum(b, castagnoli)
	for i := 7; i >= 0; i-- {
		out[i] = digits[v&0xf]
		v >>= 4
	}
	return string(out[:])
}

// encode wraps v in an envelope of the newest version of its kind.
func encode(k recordKind, v any) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode %s record: %w", k.name, err)
	}
	return seal(k, k.latest(), data), nil
}

// seal assembles an envelope by hand so the stored data bytes are exactly
// the bytes that were checksummed.
func seal(k recordKind, version int, data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data) + 64)
	b.WriteString(`{"kind":`)
	b.WriteString(strconv.Quote(k.name))
	b.WriteString(`,"v":`)
	b.WriteString(strconv.Itoa(version))
	b.WriteString(`,"sum":"`)
	b.WriteString(checksum(data))
	b.WriteString(`","data":`)
	b.Write(data)
	b.WriteString(`}`)
	return b.Bytes()
}

// unseal verifies raw as a record of kind k and returns its data upgraded
// to the newest version, with the version it was stored at. The returned
// data never aliases raw, which may point into a bbolt page.
func unseal(raw []byte, k recordKind, c upgradeContext) (data []byte, stored int, err error) {
	e, ok := sealed(raw)
	if !ok {
		if err := json.Unmarshal(raw, &e); err != nil {
			return nil, 0, fmt.Errorf("%w: not a readable record", ErrDamaged)
		}
	}
	switch {
	case e.Kind != k.name:
		return nil, 0, fmt.Errorf("%w: holds a %q record where a %q belongs", ErrDamaged, e.Kind, k.name)
	case e.V > k.latest():
		return nil, 0, fmt.Errorf("%w: %s record version %d is newer than this cairn understands (%d)", ErrNewerSchema, k.name, e.V, k.latest())
	case e.V < 1:
		return nil, 0, fmt.Errorf("%w: %s record has no version", ErrDamaged, k.name)
	case checksum(e.Data) != e.Sum:
		return nil, 0, fmt.Errorf("%w: checksum does not match", ErrDamaged)
	}
	// Both json.Unmarshal and sealed copy the data, so e.Data is ours.
	data = e.Data
	for v := e.V; v < k.latest(); v++ {
		if data, err = k.up[v-1](data, c); err != nil {
			return nil, 0, fmt.Errorf("%w: %s record does not upgrade from version %d", ErrDamaged, k.name, v)
		}
	}
	return data, e.V, nil
}

// sealed reads an envelope in the exact shape seal writes, without a JSON
// parser: reading a long journal is mostly this, and parsing every record
// twice (envelope, then data) doubled its cost. The data bytes are copied
// out of raw and still checked against the checksum, and decoded by
// encoding/json afterwards, so a damaged record is caught as before. Any
// other shape, a record written by hand or by an older build, is left to
// the full parser (ok false).
func sealed(raw []byte) (e envelope, ok bool) {
	rest, ok := bytes.CutPrefix(raw, []byte(`{"kind":"`))
	if !ok {
		return e, false
	}
	i := bytes.IndexByte(rest, '"')
	if i < 0 || bytes.IndexByte(rest[:i], '\\') >= 0 {
		return e, false
	}
	e.Kind, rest = string(rest[:i]), rest[i+1:]
	if rest, ok = bytes.CutPrefix(rest, []byte(`,"v":`)); !ok {
		return e, false
	}
	i = bytes.IndexByte(rest, ',')
	if i < 1 || i > 9 {
		return e, false
	}
	v, err := strconv.Atoi(string(rest[:i]))
	if err != nil {
		return e, false
	}
	e.V, rest = v, rest[i:]
	if rest, ok = bytes.CutPrefix(rest, []byte(`,"sum":"`)); !ok || len(rest) < 8 {
		return e, false
	}
	e.Sum, rest = string(rest[:8]), rest[8:]
	if rest, ok = bytes.CutPrefix(rest, []byte(`","data":`)); !ok || len(rest) < 2 || rest[len(rest)-1] != '}' {
		return e, false
	}
	e.Data = bytes.Clone(rest[:len(rest)-1])
	return e, true
}

// decode verifies raw, upgrades it to the newest version of its kind and
// unmarshals its data into v. Nothing decoded keeps a reference to raw.
func decode(raw []byte, k recordKind, c upgradeContext, v any) error {
	data, _, err := unseal(raw, k, c)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%w: %s data does not decode", ErrDamaged, k.name)
	}
	return nil
}
