package store

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

var update = flag.Bool("update", false, "rewrite this schema's file in testdata through the store API")

// The schema 2 fixture, as TestMakeSchemaFixture writes it. IDs are fixed
// so the file reads the same each time it is made; the seasons' IDs come
// from StartSeason and are found through Seasons.
const (
	fixture2OwnTheme = "01a3ffc816400000a1b2" // plain NewID shape: no "own-" prefix
	fixture2OwnValue = "01a3ffc816400000c3d4"
)

var fixture2Day = time.Date(2027, 3, 1, 6, 30, 0, 0, time.UTC)

func fixture2Goals() []workbook.Goal {
	at := fixture2Day.Add(48 * time.Hour)
	return []workbook.Goal{
		{ID: "01a3ffc816400000b001", Tier: workbook.Big, Text: "Run the ridge ultra fygoal0ky", Feel: workbook.Scary, Status: workbook.Committed,
			Themes: []workbook.Ref{workbook.OwnThemeRef(fixture2OwnTheme), workbook.Theme("coping")},
			Values: []workbook.Ref{workbook.OwnValueRef(fixture2OwnValue), workbook.Value("adventure")},
			Said:   map[string]bool{"attainable": true}, Purpose: map[string]bool{"smile": true, "bad-weather": true},
			Idea: "ultra-under-time", Order: 0, Created: at, Updated: at},
		{ID: "01a3ffc816400000b002", Tier: workbook.Medium, Text: "Hill repeats every Tuesday fygoal1ky", Feel: workbook.Doable, Status: workbook.Resting,
			Parent: "01a3ffc816400000b001", Values: []workbook.Ref{workbook.OwnValueRef(fixture2OwnValue)}, Order: 0, Created: at, Updated: at},
		{ID: "01a3ffc816400000b003", Tier: workbook.Small, Text: "Tuesday 6:30, the long hill fygoal2ky", Status: workbook.Draft,
			Parent: "01a3ffc816400000b002", Themes: []workbook.Ref{workbook.Theme("routine")}, Order: 0, Created: at, Updated: at},
		{ID: "01a3ffc816400000b004", Tier: workbook.Small, Text: "Run with the club fygoal3ky", Status: workbook.LetGo, Order: 1, Created: at, Updated: at},
	}
}

// TestMakeSchemaFixture writes testdata/schema2.db through the store API:
//
//	go test ./store -run TestMakeSchemaFixture -update
//
// Once a build moves past schema 2 the file must never be made again: it
// stands for what schema 2 builds wrote. testdata/README.md lists what it
// holds.
func TestMakeSchemaFixture(t *testing.T) {
	if !*update || SchemaVersion != 2 {
		t.Skip("testdata/schema2.db stays as schema 2 builds wrote it; only a schema 2 build could write it again")
	}
	clock := fixture2Day
	tick := func() time.Time { clock = clock.Add(time.Hour); return clock }
	path := filepath.Join(t.TempDir(), "schema2.db")
	s, err := Open(path, WithClock(tick))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}

	old := startSeason(t, s, "")
	must(s.SaveAnswer(old.ID, workbook.Answer{Question: "proud-moment", Text: "My first parkrun fyold0ky", Updated: clock}))
	must(s.SaveAnswer(old.ID, workbook.Answer{Question: "big-dream", Text: "A mountain race one day fyold1ky", Updated: clock}))

	clock = clock.Add(30 * 24 * time.Hour)
	season := startSeason(t, s, "a new training cycle")
	at := clock
	for i, q := range []string{"numbers-or-feelings", "places-and-people", "competition", "beyond-running", "busy-life", "proud-moment", "big-dream", "next-step"} {
		must(s.SaveAnswer(season.ID, workbook.Answer{Question: q, Text: "Early on the ridge, before the house wakes. fyans" + string(rune('0'+i)) + "ky", Updated: at}))
	}
	must(s.SaveValues(season.ID, []workbook.ValueChoice{
		{ID: fixture2OwnValue, Own: true, Name: "Solitude fyvalueky", Serve: "alone on trails fyserveky", Experiment: "one silent run fyexpky"},
		{ID: "adventure", Serve: "new routes"},
	}))
	must(s.SaveThemes(season.ID, workbook.ThemeBoard{
		Marks: []workbook.ThemeMark{
			{Theme: workbook.OwnThemeRef(fixture2OwnTheme), Polarity: workbook.Toward, Status: workbook.Confirmed},
			{Theme: workbook.Theme("coping"), Polarity: workbook.Toward, Status: workbook.Confirmed},
			{Theme: workbook.Theme("competition"), Polarity: workbook.Away, Status: workbook.Dismissed},
		},
		Own:        []workbook.OwnTheme{{ID: fixture2OwnTheme, Name: "Quiet woods fythemeky", Polarity: workbook.Toward}},
		Top:        workbook.OwnThemeRef(fixture2OwnTheme),
		Notes:      "mornings alone fynotesky",
		Motivation: "a clear head fymotivky",
		Updated:    at,
	}))
	for _, g := range fixture2Goals() {
		must(s.PutGoal(season.ID, g))
	}
	must(s.PutGoal(season.ID, workbook.Goal{ID: "01a3ffc816400000b0ff", Tier: workbook.Small, Text: "deleted"}))
	must(s.DeleteGoal(season.ID, "01a3ffc816400000b0ff"))
	must(s.SavePlace(season.ID, workbook.Place{Screen: "goals", Updated: at.Add(time.Hour)}))
	s.Close()

	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "schema2.db"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSchema2Fixture opens the file a schema 2 build wrote and checks every
// word is where it was put and that own themes and values are still own;
// that opening it migrates it once, after keeping a copy of it exactly as
// it was; and that opening it again changes nothing.
func TestSchema2Fixture(t *testing.T) {
	path := copyFixture(t, "schema2.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	seasons, err := s.Seasons()
	if err != nil || len(seasons) != 2 {
		t.Fatalf("Seasons() = %+v, %v", seasons, err)
	}
	oldest, newest := seasons[0], seasons[1]
	if oldest.Name != "Season of March 2027" || newest.Name != "Season of March 2027" || oldest.Reason != "" || newest.Reason != "a new training cycle" {
		t.Errorf("seasons = %+v", seasons)
	}
	if cur, err := s.CurrentSeason(); err != nil || cur != newest {
		t.Errorf("CurrentSeason = %+v, %v; want the newest", cur, err)
	}
	old, err := s.Workbook(oldest.ID)
	if err != nil {
		t.Fatal(err)
	}
	if old.Answers["proud-moment"].Text != "My first parkrun fyold0ky" || old.Answers["big-dream"].Text != "A mountain race one day fyold1ky" || len(old.Answers) != 2 {
		t.Errorf("the older season's answers = %+v", old.Answers)
	}
	wb, err := s.Workbook(newest.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range []string{"numbers-or-feelings", "places-and-people", "competition", "beyond-running", "busy-life", "proud-moment", "big-dream", "next-step"} {
		if want := "fyans" + string(rune('0'+i)) + "ky"; !strings.Contains(wb.Answers[q].Text, want) {
			t.Errorf("answer to %s = %q, want it to hold %s", q, wb.Answers[q].Text, want)
		}
	}
	wantGoals := fixture2Goals()
	for i, g := range wantGoals {
		// Schema 4 gives a small goal the week it was written in, and a
		// goal resting since schema 2 the rest it was waiting out.
		switch {
		case g.Tier == workbook.Small:
			wantGoals[i].Week = workbook.DayOf(g.Created).WeekStart()
		case g.Status == workbook.Resting:
			wantGoals[i].Rest = workbook.Rest{Since: g.Updated, Until: workbook.DayOf(g.Updated).AddDays(3), From: workbook.Draft}
		}
	}
	slices.SortStableFunc(wantGoals, func(a, b workbook.Goal) int { return a.Order - b.Order })
	if !reflect.DeepEqual(wb.Goals, wantGoals) {
		t.Errorf("goals =\n%+v\nwant\n%+v", wb.Goals, wantGoals)
	}
	own := workbook.OwnThemeRef(fixture2OwnTheme)
	b := wb.Themes
	if b.Notes != "mornings alone fynotesky" || b.Motivation != "a clear head fymotivky" || b.Top != own {
		t.Errorf("themes = %+v", b)
	}
	if want := []workbook.OwnTheme{{ID: fixture2OwnTheme, Name: "Quiet woods fythemeky", Polarity: workbook.Toward}}; !reflect.DeepEqual(b.Own, want) {
		t.Errorf("own themes = %+v", b.Own)
	}
	wantMarks := []workbook.ThemeMark{
		{Theme: own, Polarity: workbook.Toward, Status: workbook.Confirmed},
		{Theme: workbook.Theme("coping"), Polarity: workbook.Toward, Status: workbook.Confirmed},
		{Theme: workbook.Theme("competition"), Polarity: workbook.Away, Status: workbook.Dismissed},
	}
	if !reflect.DeepEqual(b.Marks, wantMarks) {
		t.Errorf("marks = %+v", b.Marks)
	}
	wantValues := []workbook.ValueChoice{
		{ID: fixture2OwnValue, Own: true, Name: "Solitude fyvalueky", Serve: "alone on trails fyserveky", Experiment: "one silent run fyexpky"},
		{ID: "adventure", Serve: "new routes"},
	}
	if !reflect.DeepEqual(wb.Values, wantValues) {
		t.Errorf("values = %+v", wb.Values)
	}
	if wb.Place.Screen != "goals" {
		t.Errorf("place = %+v", wb.Place)
	}
	if at, err := s.LastActive(); err != nil || !at.After(newest.Started) {
		t.Errorf("LastActive = %v, %v; want after the season started", at, err)
	}
	if page, _, err := s.JournalPage("", 10, true); err != nil || len(page) != 0 {
		t.Errorf("the journal of a schema 2 file = %+v, %v; want it empty", page, err)
	}
	s.Close()
	backup := filepath.Join(filepath.Dir(path), fmt.Sprintf("cairn.db.before-schema-%d-%s.bak", SchemaVersion, time.Now().Format(time.DateOnly)))
	if got, want := records(t, backup), records(t, filepath.Join("testdata", "schema2.db")); !reflect.DeepEqual(got, want) {
		t.Error("the copy kept before the migration does not hold exactly what the file held")
	}
	if entries := beside(t, filepath.Dir(path)); len(entries) != 2 {
		t.Errorf("files beside the workbook: %v, want it and its copy", entries)
	}
	if got := topLevelBuckets(t, path); !slices.Equal(got, everyBucket) {
		t.Errorf("buckets = %v", got)
	}
	migrated := fileHash(t, path)
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	again.Close()
	if fileHash(t, path) != migrated {
		t.Error("opening a migrated file changed it")
	}
}
