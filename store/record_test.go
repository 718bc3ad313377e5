package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// TestRecordVersions pins the version each kind is written at. Bumping a
// kind's version means adding an upgrade step and changing this table.
func TestRecordVersions(t *testing.T) {
	cases := []struct {
		kind recordKind
		v    int
		data any
	}{
		{kindSchema, 2, schema{App: appName, Version: SchemaVersion, Sealed: true}},
		{kindSeason, 2, seasonRecord{ID: "s"}},
		{kindPlace, 2, placeRecord{Screen: "goals"}},
		{kindAnswer, 1, answerRecord{Question: "q"}},
		{kindLastActive, 1, lastActiveRecord{}},
		{kindGoal, 3, goalRecord{ID: "g"}},
		{kindGoalEvent, 1, goalEventRecord{ID: "e"}},
		{kindThemes, 3, themeBoardRecord{}},
		{kindValues, 2, []valueRecord{}},
	}
	for _, tc := range cases {
		t.Run(tc.kind.name, func(t *testing.T) {
			if got := tc.kind.latest(); got != tc.v {
				t.Errorf("latest() = %d, want %d", got, tc.v)
			}
			raw, err := encode(tc.kind, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			var e envelope
			if err := json.Unmarshal(raw, &e); err != nil {
				t.Fatal(err)
			}
			if e.Kind != tc.kind.name || e.V != tc.v {
				t.Errorf("envelope says %s v%d, want %s v%d", e.Kind, e.V, tc.kind.name, tc.v)
			}
		})
	}
}

func TestRecordDecodeRejects(t *testing.T) {
	good, err := encode(kindAnswer, answerRecord{Question: "q", Text: "hello"})
	if err != nil {
		t.Fatal(err)
	}
	var a answerRecord
	if err := decode(good, kindAnswer, upgradeContext{}, &a); err != nil || a.Text != "hello" {
		t.Fatalf("decode good record: %v, %+v", err, a)
	}
	goal, _ := encode(kindGoal, goalRecord{ID: "g", Text: "hello"})
	cases := []struct {
		name string
		raw  []byte
		kind recordKind
		want error
		says string
	}{
		{"not json", []byte("hello"), kindAnswer, ErrDamaged, "not a readable record"},
		{"wrong kind", good, kindGoal, ErrDamaged, `holds a "answer" record where a "goal" belongs`},
		{"changed data", bytes.Replace(good, []byte("hello"), []byte("jello"), 1), kindAnswer, ErrDamaged, "checksum"},
		{"changed sum", bytes.Replace(good, []byte(`"sum":"`), []byte(`"sum":"0`), 1), kindAnswer, ErrDamaged, "checksum"},
		{"no version", bytes.Replace(good, []byte(`"v":1`), []byte(`"v":0`), 1), kindAnswer, ErrDamaged, "no version"},
		{"newer answer", bytes.Replace(good, []byte(`"v":1`), []byte(`"v":2`), 1), kindAnswer, ErrNewerSchema, "answer record version 2"},
		{"newer goal", bytes.Replace(goal, []byte(`"v":3`), []byte(`"v":4`), 1), kindGoal, ErrNewerSchema, "goal record version 4"},
		{"v1 data that does not upgrade", seal(kindGoal, 1, []byte(`{"themes":"coping"}`)), kindGoal, ErrDamaged, "does not upgrade from version 1"},
		{"data that does not decode", seal(kindAnswer, 1, []byte(`{"text":7}`)), kindAnswer, ErrDamaged, "does not decode"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := decode(tc.raw, tc.kind, upgradeContext{}, &a)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %q does not say %q", err, tc.says)
			}
			if strings.Contains(err.Error(), "hello") {
				t.Errorf("error %q holds the record's text", err)
			}
		})
	}
}

// Version 1 records as the first landed build wrote them (compare
// testdata/schema1.db).
const (
	goalV1 = `{"id":"01a1fa6fe6c0836101ae","tier":"small","text":"Run the ridge loop","feel":"doable",` +
		`"themes":["own-01a1fa6fe6c025b1c4ac","coping"],` +
		`"values":["01a1faa6d540652a7cf1","calm","01a1fb0000000000dead","adventure-not-listed"],` +
		`"parent":"01a1fa6fe6c1c7d97a37","status":"committed","said":{"attainable":true},"purpose":{"smile":true},` +
		`"idea":"first-5k","order":3,"created":"2026-11-20T19:30:00Z","updated":"2026-11-21T19:30:00Z"}`
	themesV1 = `{"marks":[{"theme":"own-01a1fa6fe6c025b1c4ac","polarity":"+","status":"confirmed"},` +
		`{"theme":"competition","polarity":"-","status":"confirmed"}],` +
		`"own":[{"id":"own-01a1fa6fe6c025b1c4ac","name":"Quiet woods","polarity":"+"}],` +
		`"top":"own-01a1fa6fe6c025b1c4ac","notes":"quiet mornings","motivation":"headspace","updated":"2026-11-20T19:30:00Z"}`
	valuesV1 = `[{"id":"01a1faa6d540652a7cf1","name":"Solitude","serve":"alone on trails","experiment":"one silent run"},` +
		`{"id":"calm","serve":"an easy loop"}]`
)

func TestGoalV1Upgrades(t *testing.T) {
	season := upgradeContext{values: map[string]bool{"01a1faa6d540652a7cf1": true, "calm": false}}
	var r goalRecord
	if err := decode(seal(kindGoal, 1, []byte(goalV1)), kindGoal, season, &r); err != nil {
		t.Fatal(err)
	}
	g, err := r.goal()
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 20, 19, 30, 0, 0, time.UTC)
	want := workbook.Goal{
		ID: "01a1fa6fe6c0836101ae", Tier: workbook.Small, Text: "Run the ridge loop", Feel: workbook.Doable,
		Themes: []workbook.Ref{workbook.OwnThemeRef("own-01a1fa6fe6c025b1c4ac"), workbook.Theme("coping")},
		Values: []workbook.Ref{
			workbook.OwnValueRef("01a1faa6d540652a7cf1"), // the season's values say it is own
			workbook.Value("calm"),                       // the season's values say it is the catalog's
			workbook.OwnValueRef("01a1fb0000000000dead"), // gone from the list, but only own values have such IDs
			workbook.Value("adventure-not-listed"),       // gone from the list, and a word: the catalog's
		},
		Parent: "01a1fa6fe6c1c7d97a37", Status: workbook.Committed,
		Said: map[string]bool{"attainable": true}, Purpose: map[string]bool{"smile": true},
		Idea: "first-5k", Order: 3, Created: at, Updated: at.AddDate(0, 0, 1),
		Week: workbook.MakeDay(2026, 11, 16), // a small goal is for the week it was written in (version 3)
	}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("upgraded goal =\n%+v\nwant\n%+v", g, want)
	}
}

// TestGoalV1UpgradeWithoutValues covers a goal read without its season's
// values: only the shape of an ID can say it is own.
func TestGoalV1UpgradeWithoutValues(t *testing.T) {
	var r goalRecord
	if err := decode(seal(kindGoal, 1, []byte(goalV1)), kindGoal, upgradeContext{}, &r); err != nil {
		t.Fatal(err)
	}
	want := []refRecord{{ID: "01a1faa6d540652a7cf1", Own: true}, {ID: "calm"}, {ID: "01a1fb0000000000dead", Own: true}, {ID: "adventure-not-listed"}}
	if !reflect.DeepEqual(r.Values, want) {
		t.Errorf("values = %+v, want %+v", r.Values, want)
	}
}

func TestThemesV1Upgrades(t *testing.T) {
	var r themeBoardRecord
	if err := decode(seal(kindThemes, 1, []byte(themesV1)), kindThemes, upgradeContext{}, &r); err != nil {
		t.Fatal(err)
	}
	b, err := r.board()
	if err != nil {
		t.Fatal(err)
	}
	own := workbook.OwnThemeRef("own-01a1fa6fe6c025b1c4ac")
	want := workbook.ThemeBoard{
		Marks: []workbook.ThemeMark{
			{Theme: own, Polarity: workbook.Toward, Status: workbook.Confirmed},
			{Theme: workbook.Theme("competition"), Polarity: workbook.Away, Status: workbook.Confirmed},
		},
		Own:        []workbook.OwnTheme{{ID: "own-01a1fa6fe6c025b1c4ac", Name: "Quiet woods", Polarity: workbook.Toward}},
		Top:        own,
		Notes:      "quiet mornings",
		Motivation: "headspace",
		Updated:    time.Date(2026, 11, 20, 19, 30, 0, 0, time.UTC),
	}
	if !reflect.DeepEqual(b, want) {
		t.Errorf("upgraded board =\n%+v\nwant\n%+v", b, want)
	}
	if b.Own[0].Ref() != b.Top {
		t.Error("the own theme and the top reference no longer match")
	}
}

// TestThemesV2UpgradesAndUndecidedMarksRoundTrip: a version 2 record reads
// as it was, and version 3 keeps a direction given to an undecided theme.
func TestThemesV2UpgradesAndUndecidedMarksRoundTrip(t *testing.T) {
	v2 := `{"marks":[{"theme":{"id":"competition"},"polarity":"-","status":"confirmed"}],` +
		`"top":{"id":"competition"},"notes":"n","updated":"2027-03-01T20:00:00Z"}`
	var r themeBoardRecord
	if err := decode(seal(kindThemes, 2, []byte(v2)), kindThemes, upgradeContext{}, &r); err != nil {
		t.Fatal(err)
	}
	b, err := r.board()
	if err != nil {
		t.Fatal(err)
	}
	want := workbook.ThemeBoard{
		Marks:   []workbook.ThemeMark{{Theme: workbook.Theme("competition"), Polarity: workbook.Away, Status: workbook.Confirmed}},
		Top:     workbook.Theme("competition"),
		Notes:   "n",
		Updated: time.Date(2027, 3, 1, 20, 0, 0, 0, time.UTC),
	}
	if !reflect.DeepEqual(b, want) {
		t.Errorf("version 2 board =\n%+v\nwant\n%+v", b, want)
	}

	b.Marks = append(b.Marks, workbook.ThemeMark{Theme: workbook.Theme("joy"), Polarity: workbook.Away, Status: workbook.Undecided})
	raw, err := encode(kindThemes, themeBoardToRecord(b))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte(`"status":"undecided"`)) {
		t.Errorf("an undecided mark is not named: %s", raw)
	}
	var back themeBoardRecord
	if err := decode(raw, kindThemes, upgradeContext{}, &back); err != nil {
		t.Fatal(err)
	}
	if got, err := back.board(); err != nil || !reflect.DeepEqual(got, b) {
		t.Errorf("round trip = %+v, %v; want %+v", got, err, b)
	}
}

// TestPlaceV1UpgradesAndV2RoundTrips: a version 1 place reads as the same
// screen and question with nothing selected; version 2 keeps the goal,
// the editor, the theme and the idea filters.
func TestPlaceV1UpgradesAndV2RoundTrips(t *testing.T) {
	v1 := `{"screen":"reflect","question":3,"updated":"2026-11-20T21:04:00Z"}`
	var r placeRecord
	if err := decode(seal(kindPlace, 1, []byte(v1)), kindPlace, upgradeContext{}, &r); err != nil {
		t.Fatal(err)
	}
	want := workbook.Place{Screen: "reflect", Question: 3, Updated: time.Date(2026, 11, 20, 21, 4, 0, 0, time.UTC)}
	if got := r.place(); !reflect.DeepEqual(got, want) {
		t.Errorf("version 1 place = %+v, want %+v", got, want)
	}

	p := workbook.Place{
		Screen: "goals", Goal: "01a3ffc816400000a1b2", Editing: true,
		Theme:   workbook.OwnThemeRef("01a3ffc816400000c3d4"),
		Ideas:   &workbook.IdeaSearch{Kind: "experience", Theme: "exploration", Tier: workbook.Medium, Query: "trail"},
		Updated: want.Updated,
	}
	raw, err := encode(kindPlace, placeToRecord(p))
	if err != nil {
		t.Fatal(err)
	}
	var back placeRecord
	if err := decode(raw, kindPlace, upgradeContext{}, &back); err != nil {
		t.Fatal(err)
	}
	if got := back.place(); !reflect.DeepEqual(got, p) {
		t.Errorf("round trip = %+v, want %+v", got, p)
	}
}

func TestValuesV1Upgrade(t *testing.T) {
	var rs []valueRecord
	if err := decode(seal(kindValues, 1, []byte(valuesV1)), kindValues, upgradeContext{}, &rs); err != nil {
		t.Fatal(err)
	}
	want := []workbook.ValueChoice{
		{ID: "01a1faa6d540652a7cf1", Own: true, Name: "Solitude", Serve: "alone on trails", Experiment: "one silent run"},
		{ID: "calm", Serve: "an easy loop"},
	}
	if got := valuesFromRecord(rs); !reflect.DeepEqual(got, want) {
		t.Errorf("upgraded values = %+v, want %+v", got, want)
	}
}

// TestOwnLinksAreExplicit checks how version 2 stores own themes and
// values: as a flag beside a plain ID, with no prefix.
func TestOwnLinksAreExplicit(t *testing.T) {
	id := workbook.NewID(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	raw, err := encode(kindGoal, goalToRecord(workbook.Goal{
		ID: "g", Themes: []workbook.Ref{workbook.OwnThemeRef(id), workbook.Theme("coping")},
		Values: []workbook.Ref{workbook.OwnValueRef(id), workbook.Value("calm")},
	}))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"themes":[{"id":"` + id + `","own":true},{"id":"coping"}]`,
		`"values":[{"id":"` + id + `","own":true},{"id":"calm"}]`,
	} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("goal record %s does not hold %s", raw, want)
		}
	}
	raw, _ = encode(kindThemes, themeBoardToRecord(workbook.ThemeBoard{
		Own: []workbook.OwnTheme{{ID: id, Name: "Dog walks", Polarity: workbook.Toward}},
		Top: workbook.OwnThemeRef(id),
	}))
	if bytes.Contains(raw, []byte("own-")) || !bytes.Contains(raw, []byte(`"top":{"id":"`+id+`","own":true}`)) {
		t.Errorf("themes record %s", raw)
	}
	raw, _ = encode(kindThemes, themeBoardToRecord(workbook.ThemeBoard{}))
	if bytes.Contains(raw, []byte(`"top"`)) {
		t.Errorf("a board with no top theme stores one: %s", raw)
	}
	raw, _ = encode(kindValues, valuesToRecord([]workbook.ValueChoice{{ID: id, Own: true, Name: "Solitude"}, {ID: "calm", Name: "ignored"}}))
	if !bytes.Contains(raw, []byte(`{"id":"`+id+`","own":true,"name":"Solitude"},{"id":"calm"}`)) {
		t.Errorf("values record %s", raw)
	}
}

// TestSealedReadsWhatSealWrites: the quick reading of an envelope agrees
// with encoding/json on every record seal writes, and steps aside for any
// other shape.
func TestSealedReadsWhatSealWrites(t *testing.T) {
	for _, data := range []string{`{}`, `{"note":"a \"quoted\" }, \\ tricky","n":1}`, `[1,2,3]`, `"just text"`} {
		raw := seal(kindEntry, 12, []byte(data))
		got, ok := sealed(raw)
		var want envelope
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if !ok || got.Kind != want.Kind || got.V != want.V || got.Sum != want.Sum || string(got.Data) != string(want.Data) {
			t.Errorf("sealed(%s) = %+v, %v; json reads %+v", raw, got, ok, want)
		}
	}
	for _, raw := range []string{
		``, `{}`, `{"v":1,"kind":"entry","sum":"00000000","data":{}}`, // another order
		`{"kind":"entry","v":1,"sum":"0000","data":{}}`, // a short sum
		`{"kind":"en\"try","v":1,"sum":"00000000","data":{}}`,
		`{"kind":"entry","v":x,"sum":"00000000","data":{}}`,
		`{ "kind":"entry","v":1,"sum":"00000000","data":{}}`,
	} {
		if e, ok := sealed([]byte(raw)); ok {
			t.Errorf("sealed(%s) = %+v, want it left to the parser", raw, e)
		}
	}
	// A record cut short reads as data that fails its checksum.
	whole := seal(kindEntry, 1, []byte(`{"n":1}`))
	if _, _, err := unseal(whole[:len(whole)-1], kindEntry, upgradeContext{}); !errors.Is(err, ErrDamaged) {
		t.Errorf("a record cut short: %v", err)
	}
}
