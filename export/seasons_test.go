package export

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/cairn-run/cairn/workbook"
)

// TestComingBackIsExported: seasons say why they began and what they
// carried; goals their rest, week, check, reached line, origin and whole
// history; and none of it appears when there is nothing to say.
func TestComingBackIsExported(t *testing.T) {
	week := workbook.MakeDay(2026, 11, 16)
	goals := []workbook.Goal{
		{ID: "g1", Tier: workbook.Medium, Text: "25 km a week", Status: workbook.Resting,
			Rest: workbook.Rest{Since: at, Until: week + 10, From: workbook.Committed},
			From: workbook.GoalRef{Season: "s0", Goal: "old"}},
		{ID: "g2", Tier: workbook.Small, Text: "Tuesday hills", Status: workbook.Achieved, Week: week,
			Check:   workbook.WeekCheck{Week: week, Outcome: workbook.Done, At: at},
			Reached: workbook.Reached{At: at, Felt: "light legs"}, Again: "g0"},
		{ID: "g3", Tier: workbook.Big, Text: "plain"},
	}
	history := map[string][]workbook.GoalEvent{
		"g1": {
			{ID: "e1", At: at, Kind: workbook.EventCarried, Text: "20 km a week", To: workbook.Committed, Tier: workbook.Medium, Season: "Autumn 2026"},
			{ID: "e2", At: at, Kind: workbook.EventEdited, Was: "20 km a week", Text: "25 km a week", From: workbook.Committed, To: workbook.Committed, Tier: workbook.Medium, TierWas: workbook.Medium, Why: "after the calf strain"},
			{ID: "e3", At: at, Kind: workbook.EventMoved, From: workbook.Committed, To: workbook.Resting, Until: week + 10},
		},
		"g2": {{ID: "e4", At: at, Kind: workbook.EventChecked, Week: week, Outcome: workbook.Done, From: workbook.Draft, To: workbook.Achieved}},
	}
	wb := workbook.Snapshot{
		Season: workbook.Season{ID: "s1", Name: "Winter 2026", Started: at, Reason: "back after a break",
			Why: workbook.BackAfterBreak, From: "s0", Carried: workbook.Carry{Values: true, Goals: true}},
		Goals:   goals,
		History: history,
	}
	first := workbook.Snapshot{Season: workbook.Season{ID: "s0", Name: "Autumn 2026", Started: at}, Goals: []workbook.Goal{{ID: "x", Tier: workbook.Big, Text: "y"}}}
	doc := Build([]workbook.Snapshot{first, wb}, at)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`"why": "break"`, `"from": "s0"`, `"carried": {` + "\n" + `        "values": true,` + "\n" + `        "goals": true`,
		`"rest": {`, `"until": "2026-11-26"`, `"week": "2026-11-16"`, `"outcome": "done"`, `"felt": "light legs"`,
		`"again": "g0"`, `"goal": "old"`, `"kind": "edited"`, `"was": "20 km a week"`, `"why": "after the calf strain"`,
		`"season": "Autumn 2026"`, `"tier_was": "medium"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the export lacks %s", want)
		}
	}
	// Every field written is described in docs/export.md.
	docs, err := os.ReadFile("../docs/export.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range regexp.MustCompile(`"([a-z_-]+)":`).FindAllStringSubmatch(out, -1) {
		if !bytes.Contains(docs, []byte("`"+k[1]+"`")) {
			t.Errorf("docs/export.md does not describe %q", k[1])
		}
	}
	var back Document
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Seasons, doc.Seasons) {
		t.Errorf("the document does not read back as written")
	}
	s := back.Seasons[1]
	if len(s.Goals[0].History) != 3 || s.Goals[0].History[1].Why != "after the calf strain" || s.Goals[0].Rest.From != "committed" {
		t.Errorf("goal 1 = %+v", s.Goals[0].Life)
	}
	if l := s.Goals[2].Life; !reflect.DeepEqual(l, Life{}) {
		t.Errorf("a goal with nothing to say says %+v", l)
	}
	// The first season, and its plain goal, add no field of their own.
	firstJSON, _ := json.Marshal(back.Seasons[0])
	for _, field := range []string{`"why"`, `"carried"`, `"rest"`, `"week"`, `"history"`, `"check"`, `"reached"`, `"again"`} {
		if strings.Contains(string(firstJSON), field) {
			t.Errorf("a first season with a plain goal exports %s: %s", field, firstJSON)
		}
	}
}
