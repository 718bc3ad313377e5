package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"strconv"
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

// Record kinds and the newest version of each that this build writes.
const (
	kindSchema = "schema"
	kindSeason = "season"
	kindPlace  = "place"
	kindAnswer = "answer"
	kindGoal   = "goal"
	kindThemes = "themes"
	kindValues = "values"

	recordVersion = 1
)

func checksum(b []byte) string {
	return fmt.Sprintf("%08x", crc32.Checksum(b, castagnoli))
}

// encode wraps v in an envelope. The envelope is assembled by hand so the
// stored data bytes are exactly the bytes that were checksummed.
func encode(kind string, v any) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode %s record: %w", kind, err)
	}
	var b bytes.Buffer
	b.Grow(len(data) + 64)
	b.WriteString(`{"kind":`)
	b.WriteString(strconv.Quote(kind))
	b.WriteString(`,"v":`)
	b.WriteString(strconv.Itoa(recordVersion))
	b.WriteString(`,"sum":"`)
	b.WriteString(checksum(data))
	b.WriteString(`","data":`)
	b.Write(data)
	b.WriteString(`}`)
	return b.Bytes(), nil
}

// decode verifies raw and unmarshals its data into v. raw may point into a
// bbolt page; nothing decoded keeps a reference to it, because
// json.Unmarshal copies strings out.
func decode(raw []byte, kind string, v any) error {
	var e envelope
	if err := json.Unmarshal(raw, &e); err != nil {
		return fmt.Errorf("%w: not a readable record", ErrDamaged)
	}
	if e.Kind != kind {
		return fmt.Errorf("%w: holds a %q record where a %q belongs", ErrDamaged, e.Kind, kind)
	}
	if e.V > recordVersion {
		return fmt.Errorf("%w: %s record version %d is newer than this cairn understands (%d)", ErrNewerSchema, kind, e.V, recordVersion)
	}
	if checksum(e.Data) != e.Sum {
		return fmt.Errorf("%w: checksum does not match", ErrDamaged)
	}
	if err := json.Unmarshal(e.Data, v); err != nil {
		return fmt.Errorf("%w: %s data does not decode", ErrDamaged, kind)
	}
	return nil
}
