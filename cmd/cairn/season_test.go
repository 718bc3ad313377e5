package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

// cairn status and cairn season, run as a script would, with the clock
// set through CAIRN_TEST_CLOCK (the binary is built with -tags testclock).

// seasonStart is the Monday the test workbook's season began.
var seasonStart = time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)

// testClock is the clock the commands run on: Thursday 3 December, a
// month after anything was last written.
const testClock = "2026-12-03T20:00:00Z"

// goalsWorkbook writes a season with a goal in every state and a week of
// runs, and returns its path and the season as written.
func goalsWorkbook(t *testing.T) (string, workbook.Snapshot) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cairn.db")
	st, err := store.Open(path, store.WithClock(func() time.Time { return seasonStart }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	season, err := st.NewSeason(workbook.SeasonPlan{})
	must(err)
	must(st.SaveValues(season.ID, []workbook.ValueChoice{{ID: "calm", Serve: "quiet loops", Experiment: "no watch on Sunday"}}))
	must(st.SaveThemes(season.ID, workbook.ThemeBoard{Marks: []workbook.ThemeMark{
		{Theme: workbook.Theme("coping"), Polarity: workbook.Toward, Status: workbook.Confirmed},
		{Theme: workbook.Theme("competition"), Polarity: workbook.Away, Status: workbook.Confirmed},
	}}))
	day := workbook.DayOf(seasonStart)
	goals := []workbook.Goal{
		{ID: workbook.NewID(seasonStart), Tier: workbook.Big, Text: "Half marathon in spring", Status: workbook.Committed},
		{ID: workbook.NewID(seasonStart), Tier: workbook.Medium, Text: "Run 20 km a week", Status: workbook.Resting,
			Rest: workbook.Rest{Since: seasonStart, Until: day + 3, From: workbook.Draft}},
		{ID: workbook.NewID(seasonStart), Tier: workbook.Small, Text: "Tuesday hills", Status: workbook.Draft, Week: day},
		{ID: workbook.NewID(seasonStart), Tier: workbook.Medium, Text: "Join the club", Status: workbook.Achieved,
			Reached: workbook.Reached{At: seasonStart, Felt: "at home"}},
	}
	for i, g := range goals {
		g.Order, g.Created, g.Updated = i, seasonStart, seasonStart
		must(st.SaveGoalChange(season.ID, g, workbook.AddedEvent(g, seasonStart)))
	}
	for i, d := range []int{1, 2} { // Tuesday and Wednesday of the week of 30 November
		must(st.PutEntry(workbook.Entry{ID: workbook.NewID(seasonStart.Add(time.Duration(i) * time.Minute)),
			Day: workbook.MakeDay(2026, 12, d), Metres: 4000, Duration: 22 * time.Minute}))
	}
	wb, err := st.Workbook(season.ID)
	must(err)
	return path, wb
}

func clocked(t *testing.T, args ...string) string {
	t.Helper()
	return clockedAt(t, testClock, args...)
}

// clockedAt runs cairn with its clock starting at at.
func clockedAt(t *testing.T, at string, args ...string) string {
	t.Helper()
	r := runCairn(t, "", []string{"CAIRN_TEST_CLOCK=" + at}, args...)
	if r.code != 0 {
		t.Fatalf("cairn %v exited %d:\n%s", args, r.code, r.stderr)
	}
	return r.stdout
}

func TestStatusSaysTheSeasonInAFewLines(t *testing.T) {
	db, _ := goalsWorkbook(t)
	out := clocked(t, "--db", db, "status")
	want := []string{
		"Autumn 2026 · since 2 Nov",
		"Goals: 1 committed · 1 draft · 1 resting · 1 reached",
		"This week: no small goals yet.",
		"Due for another look: “Run 20 km a week”",
		"To look back on: 1 small goal from earlier weeks (open cairn).",
		"Progress: “Half marathon in spring” — longest run 4 of 21.1 km",
		"Progress: “Run 20 km a week” — 8 of 20 km this week",
		"It has been four weeks: cairn season new starts a season back after a break.",
	}
	if got := strings.Split(strings.TrimSpace(out), "\n"); !reflect.DeepEqual(got, want) {
		t.Errorf("cairn status =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	var s struct {
		Season struct {
			Name string `json:"name"`
		} `json:"season"`
		AwayDays int            `json:"away_days"`
		Goals    map[string]int `json:"goals"`
		ThisWeek []any          `json:"this_week"`
		Due      []struct {
			Text  string `json:"text"`
			Until string `json:"until"`
		} `json:"due"`
		LookBack []struct {
			Week string `json:"week"`
		} `json:"look_back"`
		Progress []struct {
			Progress string  `json:"progress"`
			Fraction float64 `json:"fraction"`
		} `json:"progress"`
		Offer string `json:"offer"`
	}
	if err := json.Unmarshal([]byte(clocked(t, "--db", db, "status", "--json")), &s); err != nil {
		t.Fatal(err)
	}
	if s.Season.Name != "Autumn 2026" || s.AwayDays != 31 || s.Goals["committed"] != 1 || s.Goals["achieved"] != 1 ||
		s.ThisWeek == nil || len(s.Due) != 1 || s.Due[0].Until != "2026-11-05" || len(s.LookBack) != 1 || s.LookBack[0].Week != "2026-11-02" ||
		len(s.Progress) != 2 || s.Progress[1].Fraction != 0.4 || s.Offer != "break" {
		t.Errorf("cairn status --json = %+v", s)
	}

	if msg := refused(t, "", "--db", filepath.Join(t.TempDir(), "none.db"), "status"); !strings.Contains(msg, "no workbook at") {
		t.Errorf("status without a workbook says %q", msg)
	}
}

// TestSeasonNewCarriesAndLeavesTheOldSeasonAlone starts a season from the
// shell, as the app would after four weeks away.
func TestSeasonNewCarriesAndLeavesTheOldSeasonAlone(t *testing.T) {
	db, before := goalsWorkbook(t)
	out := clocked(t, "--db", db, "season", "new")
	if want := "Began Winter 2026 (back after a break), carrying 1 value, 2 themes and 3 goals from Autumn 2026. Autumn 2026 is kept as it was.\n"; out != want {
		t.Errorf("cairn season new = %q, want %q", out, want)
	}
	list := clocked(t, "--db", db, "season", "list")
	want := "  Autumn 2026  began 2 Nov\n* Winter 2026  began 3 Dec · back after a break · carried values, themes and goals from Autumn 2026\n"
	if list != want {
		t.Errorf("cairn season list =\n%s\nwant\n%s", list, want)
	}
	if again := clocked(t, "--db", db, "season"); again != list {
		t.Errorf("cairn season = %q, want the list", again)
	}
	// A day later: seasons sort by when they began.
	out = clockedAt(t, "2026-12-04T20:00:00Z", "--db", db, "season", "new", "--reason", "my knee is better", "--name", "Comeback", "--carry", "values")
	if !strings.HasPrefix(out, "Began Comeback (my knee is better), carrying 1 value from Winter 2026.") {
		t.Errorf("cairn season new in own words = %q", out)
	}
	var seasons []struct {
		Name    string   `json:"name"`
		Why     string   `json:"why"`
		Reason  string   `json:"reason"`
		Carried []string `json:"carried"`
		Current bool     `json:"current"`
	}
	if err := json.Unmarshal([]byte(clocked(t, "--db", db, "season", "list", "--json")), &seasons); err != nil {
		t.Fatal(err)
	}
	if len(seasons) != 3 || seasons[1].Why != "break" || seasons[2].Why != "own" || seasons[2].Reason != "my knee is better" ||
		!reflect.DeepEqual(seasons[2].Carried, []string{"values"}) || !seasons[2].Current || seasons[0].Current {
		t.Errorf("cairn season list --json = %+v", seasons)
	}

	st, err := store.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	after, err := st.Workbook(before.Season.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(after, before) {
		t.Errorf("the old season changed:\n%+v\nwas\n%+v", after, before)
	}

	for _, bad := range [][]string{{"season", "new", "--carry", "answers"}, {"season", "new", "extra"}} {
		if msg := refused(t, "", append([]string{"--db", db}, bad...)...); !strings.Contains(msg, "answers") && !strings.Contains(msg, "unknown command") && !strings.Contains(msg, "accepts 0 arg") {
			t.Errorf("cairn %v says %q", bad, msg)
		}
	}
	for _, help := range [][]string{{"status", "--help"}, {"season", "--help"}, {"season", "new", "--help"}, {"season", "list", "--help"}} {
		if out := ok(t, "", help...); !strings.Contains(out, "EXAMPLES") && !strings.Contains(out, "Examples") {
			t.Errorf("cairn %v has no examples:\n%s", help, out)
		}
	}
}

// TestAnOrdinaryBuildIgnoresTheTestClock builds cairn as a runner would:
// CAIRN_TEST_CLOCK, set by accident, moves nothing.
func TestAnOrdinaryBuildIgnoresTheTestClock(t *testing.T) {
	plain := filepath.Join(t.TempDir(), "cairn")
	if out, err := exec.Command("go", "build", "-o", plain, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(t.TempDir(), "cairn.db")
	cmd := exec.Command(plain, "--db", db, "season", "new")
	cmd.Env = append(os.Environ(), "CAIRN_TEST_CLOCK=2031-06-01T00:00:00Z")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("season new: %v\n%s", err, out)
	}
	st, err := store.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	season, err := st.CurrentSeason()
	if err != nil || time.Since(season.Started) > time.Hour || season.Started.Year() == 2031 {
		t.Errorf("an ordinary build began its season at %v (%v)", season.Started, err)
	}
}
