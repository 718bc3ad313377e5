package store

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// The schema 4 fixture: the first file with seasons that carry things
// over, goals that rest, weeks looked back on and goals' histories. Marker
// words fw…kw are in everything the runner wrote (testdata/README.md).

var fixture4Day = time.Date(2027, 9, 6, 7, 0, 0, 0, time.UTC) // a Monday

const fixture4OwnValue = "01a3ffc816400000f001"
const fixture4OwnTheme = "01a3ffc816400000f002"

// makeSchema4 writes the fixture's seasons through the store API into s,
// whose clock is set through clock.
func makeSchema4(t *testing.T, s *Store, clock *time.Time) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var season string // the season changes go to
	change := func(g workbook.Goal, ev workbook.GoalEvent, err error) workbook.Goal {
		t.Helper()
		must(err)
		must(s.SaveGoalChange(season, g, ev))
		return g
	}
	day := func(n int) time.Time { return fixture4Day.AddDate(0, 0, n) }
	week := workbook.DayOf(fixture4Day)

	*clock = fixture4Day
	a, err := s.NewSeason(workbook.SeasonPlan{})
	must(err)
	season = a.ID
	must(s.SaveAnswer(a.ID, workbook.Answer{Question: "proud-moment", Text: "The club's hill race fwans0kw", Updated: day(0)}))
	must(s.SaveAnswer(a.ID, workbook.Answer{Question: "big-dream", Text: "A spring half fwans1kw", Updated: day(0)}))
	must(s.SaveValues(a.ID, []workbook.ValueChoice{
		{ID: fixture4OwnValue, Own: true, Name: "Quiet fwvaluekw", Serve: "early loops fwservekw", Experiment: "no music on Sundays fwexpkw"},
		{ID: "adventure", Serve: "a new street a week"},
	}))
	must(s.SaveThemes(a.ID, workbook.ThemeBoard{
		Marks: []workbook.ThemeMark{
			{Theme: workbook.Theme("coping"), Polarity: workbook.Toward, Status: workbook.Confirmed},
			{Theme: workbook.Theme("competition"), Polarity: workbook.Away, Status: workbook.Confirmed},
			{Theme: workbook.Theme("joy"), Polarity: workbook.Toward, Status: workbook.Dismissed},
			{Theme: workbook.OwnThemeRef(fixture4OwnTheme), Polarity: workbook.Toward, Status: workbook.Confirmed},
		},
		Own:     []workbook.OwnTheme{{ID: fixture4OwnTheme, Name: "Hills fwthemekw", Polarity: workbook.Toward}},
		Top:     workbook.Theme("coping"),
		Notes:   "mornings fwnoteskw",
		Updated: day(0),
	}))

	goal := func(id string, tier workbook.Tier, text, parent string, order int) workbook.Goal {
		g := workbook.Goal{ID: id, Tier: tier, Text: text, Parent: parent, Order: order, Created: day(0), Updated: day(0)}
		if tier == workbook.Small {
			g.Week = week
		}
		return change(g, workbook.AddedEvent(g, day(0)), nil)
	}
	big := goal("01a3ffc816400000f101", workbook.Big, "Half marathon in spring fwgoal0kw", "", 0)
	med := goal("01a3ffc816400000f102", workbook.Medium, "20 km a week fwgoal1kw", big.ID, 0)
	hills := goal("01a3ffc816400000f103", workbook.Small, "Tuesday hills fwgoal2kw", med.ID, 0)
	tempo := goal("01a3ffc816400000f104", workbook.Small, "Thursday tempo fwgoal3kw", med.ID, 1)
	club := goal("01a3ffc816400000f105", workbook.Medium, "Join the club fwgoal4kw", "", 1)
	ultra := goal("01a3ffc816400000f106", workbook.Big, "Ultra fwgoal5kw", "", 1)

	big = change(big.Move(workbook.Committed, "", day(1)))
	med = change(med.Move(workbook.Committed, "", day(1)))
	med = change(med.RestFor(3, "sleep on it fwrestkw", day(2)))
	edited := med
	edited.Text, edited.Updated = "25 km a week fwgoal1kw", day(3)
	ev, _ := workbook.EditEvent(med, edited, "after the calf strain fwwhykw", day(3))
	med = change(edited, ev, nil)
	med = change(med.Keep(day(5)))
	hills = change(hills.Move(workbook.Committed, "", day(1)))
	hc, hev := hills.CheckWeek(workbook.Missed, day(7))
	hills = change(hc, hev, nil)
	again, aev := hills.TryAgain(week+7, 2, day(7))
	again.ID, aev.ID = "01a3ffc816400000f107", "" // a fixed ID, so the file reads the same each time
	change(again, aev, nil)
	tc, tev := tempo.CheckWeek(workbook.Done, day(7))
	change(tc, tev, nil)
	change(club.Reach("felt at home fwfeltkw", day(8)))
	change(ultra.Move(workbook.LetGo, "not this year fwletkw", day(9)))
	must(s.SavePlace(a.ID, workbook.Place{Screen: "goals", Goal: med.ID, Updated: day(9)}))

	*clock = day(35)
	b, err := s.NewSeason(workbook.SeasonPlan{Why: workbook.BackAfterBreak, Carry: workbook.CarryAll})
	must(err)
	must(s.SaveAnswer(b.ID, workbook.Answer{Question: "proud-moment", Text: "Coming back at all fwans2kw", Updated: day(35)}))

	*clock = day(70)
	_, err = s.NewSeason(workbook.SeasonPlan{Name: "Knee season fwnamekw", Why: workbook.OwnWords, Reason: "my knee is better fwreasonkw", Carry: workbook.Carry{Values: true}})
	must(err)
}

// TestMakeSchema4Fixture writes testdata/schema4.db through the store API:
//
//	go test ./store -run TestMakeSchema4Fixture -update
//
// Once a build moves past schema 4 the file must never be made again.
func TestMakeSchema4Fixture(t *testing.T) {
	if !*update || SchemaVersion != 4 {
		t.Skip("run with -update in a schema 4 build to rewrite testdata/schema4.db")
	}
	clock := fixture4Day
	path := filepath.Join(t.TempDir(), "schema4.db")
	s, err := Open(path, WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	makeSchema4(t, s, &clock)
	s.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "schema4.db"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSchema4Fixture opens the file a schema 4 build wrote, for writing
// and read-only, and checks every word, every rest, week and history.
func TestSchema4Fixture(t *testing.T) {
	if SchemaVersion != 4 {
		t.Skip("a later schema reads this file through its migration test")
	}
	path := copyFixture(t, "schema4.db")
	before := fileHash(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	checkSchema4(t, s)
	s.Close()
	if fileHash(t, path) != before {
		t.Error("opening a schema 4 file changed it")
	}
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	checkSchema4(t, ro)
}

// TestSchema4FixtureIsWhatTheBuildWrites makes the fixture again in a
// temporary file and reads it with the same checks, so a change to how
// the store writes these records is caught here before it reaches a file.
func TestSchema4FixtureIsWhatTheBuildWrites(t *testing.T) {
	clock := fixture4Day
	s, _ := openWithClock(t, func() time.Time { return clock })
	makeSchema4(t, s, &clock)
	checkSchema4(t, s)
}

var marker4 = regexp.MustCompile(`fw[a-z0-9]+kw`)

func checkSchema4(t *testing.T, s *Store) {
	t.Helper()
	seasons, err := s.Seasons()
	if err != nil || len(seasons) != 3 {
		t.Fatalf("Seasons() = %+v, %v", seasons, err)
	}
	a, b, c := seasons[0], seasons[1], seasons[2]
	if a.Name != "Autumn 2027" || a.Why != workbook.FirstSeason || a.Reason != "" || a.From != "" || a.Carried.Any() {
		t.Errorf("the first season = %+v", a)
	}
	if b.Name != "Autumn 2027 (2)" || b.Why != workbook.BackAfterBreak || b.Reason != "back after a break" || b.From != a.ID || b.Carried != workbook.CarryAll {
		t.Errorf("the season back after a break = %+v", b)
	}
	if c.Name != "Knee season fwnamekw" || c.Why != workbook.OwnWords || c.Reason != "my knee is better fwreasonkw" || c.From != b.ID || c.Carried != (workbook.Carry{Values: true}) {
		t.Errorf("the season in the runner's words = %+v", c)
	}
	if cur, err := s.CurrentSeason(); err != nil || cur != c {
		t.Errorf("CurrentSeason = %+v, %v", cur, err)
	}
	if prev, ok, err := s.PreviousSeason(c.ID); err != nil || !ok || prev != b {
		t.Errorf("PreviousSeason = %+v, %v, %v", prev, ok, err)
	}
	if _, ok, err := s.PreviousSeason(a.ID); err != nil || ok {
		t.Errorf("the first season has a season before it: %v, %v", ok, err)
	}

	var found []string
	words := func(texts ...string) {
		for _, text := range texts {
			found = append(found, marker4.FindAllString(text, -1)...)
		}
	}
	words(b.Name, c.Name, c.Reason)

	wa, err := s.Workbook(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, ans := range wa.Answers {
		words(ans.Text)
	}
	for _, v := range wa.Values {
		words(v.Name, v.Serve, v.Experiment)
	}
	words(wa.Themes.Notes)
	for _, o := range wa.Themes.Own {
		words(o.Name)
	}
	goals := map[string]workbook.Goal{}
	for _, g := range wa.Goals {
		goals[g.ID] = g
		words(g.Text, g.Reached.Felt)
	}
	week := workbook.DayOf(fixture4Day)
	want := map[string]struct {
		status workbook.GoalStatus
		text   string
	}{
		"01a3ffc816400000f101": {workbook.Committed, "Half marathon in spring fwgoal0kw"},
		"01a3ffc816400000f102": {workbook.Committed, "25 km a week fwgoal1kw"},
		"01a3ffc816400000f103": {workbook.Committed, "Tuesday hills fwgoal2kw"},
		"01a3ffc816400000f104": {workbook.Achieved, "Thursday tempo fwgoal3kw"},
		"01a3ffc816400000f105": {workbook.Achieved, "Join the club fwgoal4kw"},
		"01a3ffc816400000f106": {workbook.LetGo, "Ultra fwgoal5kw"},
		"01a3ffc816400000f107": {workbook.Committed, "Tuesday hills fwgoal2kw"},
	}
	for id, w := range want {
		if g := goals[id]; g.Status != w.status || g.Text != w.text {
			t.Errorf("goal %s = %s %q, want %s %q", id, g.Status, g.Text, w.status, w.text)
		}
	}
	if len(wa.Goals) != len(want) {
		t.Errorf("%d goals in the first season, want %d", len(wa.Goals), len(want))
	}
	if g := goals["01a3ffc816400000f103"]; g.Week != week || g.Check.Outcome != workbook.Missed || g.Check.Week != week {
		t.Errorf("the missed step = %+v", g)
	}
	if g := goals["01a3ffc816400000f107"]; g.Week != week+7 || g.Again != "01a3ffc816400000f103" || g.Parent != "01a3ffc816400000f102" {
		t.Errorf("the step tried again = %+v", g)
	}
	if g := goals["01a3ffc816400000f105"]; g.Reached.Felt != "felt at home fwfeltkw" || !g.Reached.At.Equal(fixture4Day.AddDate(0, 0, 8)) {
		t.Errorf("the goal reached = %+v", g.Reached)
	}
	if g := goals["01a3ffc816400000f102"]; g.Rest != (workbook.Rest{}) {
		t.Errorf("a goal kept after its rest still rests: %+v", g.Rest)
	}

	// The medium goal's diary, oldest first, a page at a time.
	var diary []workbook.GoalEvent
	for from := ""; ; {
		page, next, err := s.GoalHistory(a.ID, "01a3ffc816400000f102", from, 2, false)
		if err != nil {
			t.Fatal(err)
		}
		diary = append(diary, page...)
		if next == "" {
			break
		}
		from = next
	}
	kinds := []string{}
	for _, ev := range diary {
		kinds = append(kinds, ev.Kind.String()+":"+ev.To.String())
		words(ev.Text, ev.Was, ev.Why)
	}
	if got, want := strings.Join(kinds, " "), "added:draft moved:committed moved:resting edited:resting moved:committed"; got != want {
		t.Errorf("the medium goal's history = %s, want %s", got, want)
	}
	if len(diary) == 5 {
		if diary[2].Until != week+5 || diary[2].Why != "sleep on it fwrestkw" {
			t.Errorf("the rest = %+v", diary[2])
		}
		if diary[3].Was != "20 km a week fwgoal1kw" || diary[3].Text != "25 km a week fwgoal1kw" || diary[3].Why != "after the calf strain fwwhykw" {
			t.Errorf("the edit = %+v", diary[3])
		}
	}
	newest, _, err := s.GoalHistory(a.ID, "01a3ffc816400000f102", "", 1, true)
	if err != nil || len(newest) != 1 || newest[0].Kind != workbook.EventMoved || newest[0].From != workbook.Resting {
		t.Errorf("the newest event = %+v, %v", newest, err)
	}
	for id, want := range map[string]string{
		"01a3ffc816400000f103": "added moved checked",
		"01a3ffc816400000f104": "added checked",
		"01a3ffc816400000f105": "added moved",
		"01a3ffc816400000f106": "added moved",
		"01a3ffc816400000f107": "again",
	} {
		evs, _, err := s.GoalHistory(a.ID, id, "", 10, false)
		if err != nil {
			t.Fatal(err)
		}
		var ks []string
		for _, ev := range evs {
			ks = append(ks, ev.Kind.String())
			words(ev.Why, ev.Felt)
		}
		if got := strings.Join(ks, " "); got != want {
			t.Errorf("history of %s = %s, want %s", id, got, want)
		}
	}

	wb, err := s.Workbook(b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(wb.Values) != 2 || wb.Values[0].Experiment != "no music on Sundays fwexpkw" || len(wb.Themes.Marks) != 3 || wb.Themes.Top != workbook.Theme("coping") || wb.Themes.Notes != "" {
		t.Errorf("the second season's values and themes = %+v, %+v", wb.Values, wb.Themes)
	}
	if wb.Answers["proud-moment"].Text != "Coming back at all fwans2kw" {
		t.Errorf("the second season's answer = %+v", wb.Answers)
	}
	words(wb.Answers["proud-moment"].Text)
	carried := map[string]workbook.Goal{}
	for _, g := range wb.Goals {
		carried[g.From.Goal] = g
		if g.From.Season != a.ID || g.ID == g.From.Goal {
			t.Errorf("carried goal %+v", g)
		}
		evs, _, err := s.GoalHistory(b.ID, g.ID, "", 10, false)
		if err != nil || len(evs) != 1 || evs[0].Kind != workbook.EventCarried || evs[0].Season != "Autumn 2027" {
			t.Errorf("the carried goal's history = %+v, %v", evs, err)
		}
	}
	if keys := slices.Sorted(maps.Keys(carried)); !slices.Equal(keys, []string{"01a3ffc816400000f101", "01a3ffc816400000f102", "01a3ffc816400000f107"}) {
		t.Errorf("carried %v, want the big goal, the medium one and the step tried again", keys)
	}
	if carried["01a3ffc816400000f102"].Parent != carried["01a3ffc816400000f101"].ID || carried["01a3ffc816400000f107"].Parent != carried["01a3ffc816400000f102"].ID {
		t.Error("the ladder did not come across")
	}

	wc, err := s.Workbook(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(wc.Values) != 2 || len(wc.Goals) != 0 || len(wc.Themes.Marks) != 0 {
		t.Errorf("the third season carried more than its values: %+v", wc)
	}

	all, err := s.All()
	if err != nil || len(all) != 3 || len(all[0].History) != len(want) || len(all[1].History) != 3 || len(all[2].History) != 0 {
		t.Errorf("All() histories: %v, %d seasons", err, len(all))
	}

	slices.Sort(found)
	if found = slices.Compact(found); len(found) != 20 {
		t.Errorf("%d distinct marker words, want 20: %v", len(found), found)
	}
}
