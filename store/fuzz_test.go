package store

import (
	"errors"
	"testing"
)

// FuzzDecodeRecord is the reliability suite's record decoding (issue 12,
// part 8): any bytes where a record of any kind should be are either that
// record, ErrDamaged, or ErrNewerSchema (a version from a later cairn),
// never a panic and never another error. Half the
// seeds are sealed, so the fuzzer starts past the checksum and reaches
// the JSON and each kind's conversion to the domain's types.
func FuzzDecodeRecord(f *testing.F) {
	for kind, data := range map[uint8]string{
		0: `{"question":"big-dream","text":"An ultra, one day.","updated":"2026-06-01T07:00:00Z"}`,
		1: `{"id":"01a3ffc816400000b001","tier":"big","text":"Ridge ultra","status":"committed","feel":"scary","order":0}`,
		2: `{"id":"01a3ffc816400000e001","at":"2026-06-01T07:00:00Z","kind":"moved","from":"draft","to":"resting"}`,
		3: `{"day":"2026-06-01","metres":5000,"duration":1680000000000,"note":"hill loop","source":{"kind":"log"}}`,
		4: `{"id":"01a3ffc816400000a001","name":"Spring base","started":"2026-06-01T07:00:00Z"}`,
		5: `{"marks":[{"theme":"coping","polarity":"toward","status":"confirmed"}],"own":[],"motivation":"mine"}`,
		6: `{"unit":"km","tags":["hills"],"plan":3}`,
		7: `{"screen":"goals","question":7}`,
	} {
		f.Add(kind, []byte(data))
		f.Add(kind, seal(fuzzKinds[kind%uint8(len(fuzzKinds))], 1, []byte(data)))
		f.Add(kind, seal(fuzzKinds[kind%uint8(len(fuzzKinds))], 2, []byte(data)))
	}
	f.Fuzz(func(t *testing.T, kind uint8, raw []byte) {
		k := fuzzKinds[kind%uint8(len(fuzzKinds))]
		var err error
		switch k.name {
		case kindAnswer.name:
			var r answerRecord
			if err = decode(raw, k, upgradeContext{}, &r); err == nil {
				r.answer()
			}
		case kindGoal.name:
			var r goalRecord
			if err = decode(raw, k, upgradeContext{values: map[string]bool{"calm": false}}, &r); err == nil {
				_, _ = r.goal() // its callers wrap its error as damage (undecodable)
			}
		case kindGoalEvent.name:
			var r goalEventRecord
			if err = decode(raw, k, upgradeContext{}, &r); err == nil {
				_, _ = r.event() // its callers wrap its error as damage (undecodable)
			}
		case kindEntry.name:
			_, err = decodeEntry(nil, []byte("2026-06-01"+"01a3ffc816400000e001"), raw)
		case kindSeason.name:
			var r seasonRecord
			if err = decode(raw, k, upgradeContext{}, &r); err == nil {
				_, _ = r.season() // its callers wrap its error as damage (undecodable)
			}
		case kindThemes.name:
			var r themeBoardRecord
			if err = decode(raw, k, upgradeContext{}, &r); err == nil {
				_, _ = r.board() // its callers wrap its error as damage (undecodable)
			}
		case kindJournalSettings.name:
			var r journalSettingsRecord
			if err = decode(raw, k, upgradeContext{}, &r); err == nil {
				_, _ = r.settings() // its callers wrap its error as damage (undecodable)
			}
		case kindPlace.name:
			var r placeRecord
			if err = decode(raw, k, upgradeContext{}, &r); err == nil {
				r.place()
			}
		}
		if err != nil && !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNewerSchema) {
			t.Errorf("a %s record: an error that is not damage: %v", k.name, err)
		}
	})
}

// fuzzKinds are the kinds FuzzDecodeRecord tries, by its kind byte.
var fuzzKinds = []recordKind{kindAnswer, kindGoal, kindGoalEvent, kindEntry, kindSeason, kindThemes, kindJournalSettings, kindPlace}
