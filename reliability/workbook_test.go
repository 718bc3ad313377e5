package reliability

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

// The words the full workbook holds: no message, crash file or file but
// the workbook may repeat them.
var runnersWords = []string{"Feelings first", "clears my head", "hill loop", "ridge ultra", "Slow mornings"}

const (
	ownValue = "01a3ffc816400000c3d4"
	ownTheme = "01a3ffc816400000a1b2"
)

// writeFullWorkbook writes, at path, two seasons with something of
// everything (answers, own themes and values, a goal ladder with its
// history, a look back at an experiment) and a journal of runs, as a
// runner's workbook after a season of use.
func writeFullWorkbook(path string) error {
	day := time.Date(2026, 6, 1, 7, 0, 0, 0, time.UTC)
	clock := func() time.Time { day = day.Add(10 * 24 * time.Hour); return day }
	st, err := store.Open(path, store.WithClock(clock))
	if err != nil {
		return err
	}
	defer st.Close()
	var errs []error
	must := func(err error) { errs = append(errs, err) }
	first, err := st.NewSeason(workbook.SeasonPlan{Name: "Spring base"})
	must(err)
	must(st.SaveAnswer(first.ID, workbook.Answer{Question: "big-dream", Text: "An ultra, one day.", Updated: clock()}))
	season, err := st.NewSeason(workbook.SeasonPlan{Name: "Summer build", Why: workbook.NewCycle, Reason: "a new training cycle"})
	must(err)
	at := clock()
	for q, text := range map[string]string{
		"numbers-or-feelings": "Feelings first.\nBut I do love a new PB.",
		"beyond-running":      "Running clears my head after a long shift.",
		"proud-moment":        strings.Repeat("The last mile of the hill loop, alone, in the rain. ", 40),
	} {
		must(st.SaveAnswer(season.ID, workbook.Answer{Question: q, Text: text, Updated: at}))
	}
	must(st.SaveValues(season.ID, []workbook.ValueChoice{
		{ID: "calm", Serve: "A quiet loop", Experiment: "No watch on Sundays"},
		{ID: ownValue, Own: true, Name: "Slow mornings", Serve: "Before the house wakes"},
	}))
	must(st.SaveThemes(season.ID, workbook.ThemeBoard{
		Marks:      []workbook.ThemeMark{{Theme: workbook.Theme("coping"), Polarity: workbook.Toward, Status: workbook.Confirmed}},
		Own:        []workbook.OwnTheme{{ID: ownTheme, Name: "Time with my dad", Polarity: workbook.Toward}},
		Top:        workbook.OwnThemeRef(ownTheme),
		Motivation: "Time that is just mine",
		Updated:    at,
	}))
	for _, g := range []workbook.Goal{
		{ID: "01a3ffc816400000b001", Tier: workbook.Big, Text: "Run the ridge ultra in September", Feel: workbook.Scary, Status: workbook.Committed,
			Themes: []workbook.Ref{workbook.OwnThemeRef(ownTheme)}, Values: []workbook.Ref{workbook.OwnValueRef(ownValue), workbook.Value("calm")},
			Said: map[string]bool{"attainable": true}, Purpose: map[string]bool{"smile": true}, Created: at, Updated: at},
		{ID: "01a3ffc816400000b002", Tier: workbook.Small, Text: "Tuesday 6:30, the long hill", Parent: "01a3ffc816400000b001", Created: at, Updated: at},
	} {
		must(st.PutGoal(season.ID, g))
	}
	step := workbook.Goal{ID: "01a3ffc816400000b003", Tier: workbook.Small, Text: "Thursday tempo at 7", Week: workbook.DayOf(at).WeekStart(),
		Order: 1, Created: at, Updated: at}
	must(st.SaveGoalChange(season.ID, step, workbook.AddedEvent(step, at)))
	checked, ev := step.CheckWeek(workbook.Partly, at.Add(time.Hour))
	must(st.SaveGoalChange(season.ID, checked, ev))
	resting, ev, err := workbook.Goal{ID: "01a3ffc816400000b004", Tier: workbook.Medium, Text: "Hill repeats for six weeks",
		Created: at, Updated: at}.RestFor(5, "after the calf strain", at.Add(2*time.Hour))
	must(err)
	must(st.SaveGoalChange(season.ID, resting, ev))
	must(st.SavePlace(season.ID, workbook.Place{Screen: "goals", Question: 7, Updated: at}))
	must(st.SaveExperimentReview(season.ID, workbook.ExperimentReview{Value: workbook.OwnValueRef(ownValue), Experiment: "Before the house wakes",
		Tries: 3, Felt: "lighter", Decision: workbook.Keep, StillFits: workbook.FitsYes, At: at}))
	settings := workbook.DefaultJournalSettings()
	settings.Plan = 4
	settings, _ = settings.AddTags("hills")
	must(st.SaveJournalSettings(settings))
	for i := range 40 {
		e := workbook.Entry{ID: workbook.NewID(day.Add(time.Duration(i) * time.Hour)), Day: workbook.DayOf(day).AddDays(-i), Metres: 5000 + 123*i,
			Duration: 28*time.Minute + time.Duration(i)*1300*time.Millisecond, Enjoyment: 4, Before: 2, After: 4, Tags: []string{"hills"},
			Fit: map[workbook.Ref]workbook.Score{workbook.OwnValueRef(ownValue): 5}, Experiment: workbook.OwnValueRef(ownValue),
			Note: fmt.Sprintf("hill loop %d", i), Source: workbook.Source{Kind: workbook.Logged}, Created: at, Updated: at}
		must(st.PutEntry(e))
	}
	return errors.Join(errs...)
}

// contents is everything a workbook holds, as the readers read it: every
// season whole, the current one, the journal's settings and runs, and
// each goal's history. Two workbooks with the same contents hold the same
// words.
type contents struct {
	Current  string
	Seasons  []workbook.Snapshot
	Settings workbook.JournalSettings
	Entries  []workbook.Entry
	History  map[string][]workbook.GoalEvent
}

// readContents reads everything in the workbook open in st.
func readContents(st *store.Store) (string, error) {
	var c contents
	cur, err := st.CurrentSeason()
	if err != nil {
		return "", err
	}
	c.Current = cur.ID
	if c.Seasons, err = st.All(); err != nil {
		return "", err
	}
	if c.Settings, err = st.JournalSettings(); err != nil {
		return "", err
	}
	if c.Entries, _, err = st.JournalPage("", 1<<20, false); err != nil {
		return "", err
	}
	c.History = map[string][]workbook.GoalEvent{}
	for _, s := range c.Seasons {
		for _, g := range s.Goals {
			h, _, err := st.GoalHistory(s.Season.ID, g.ID, "", 1<<20, false)
			if err != nil {
				return "", err
			}
			c.History[s.Season.ID+"/"+g.ID] = h
		}
	}
	// fmt prints maps in key order: the same contents, the same string.
	return fmt.Sprintf("%+v", c), nil
}

// readFile reads the contents of the workbook at path, read-only.
func readFile(path string) (string, error) {
	st, err := store.OpenReadOnly(path)
	if err != nil {
		return "", err
	}
	defer st.Close()
	return readContents(st)
}

// fileSum is the hash of the file at path, or of nothing if there is
// none.
func fileSum(path string) [32]byte {
	raw, _ := os.ReadFile(path)
	return sha256.Sum256(raw)
}

// copyWithLock copies the workbook at src, with its lock file (which
// holds the note of the last commit), to dst.
func copyWithLock(src, dst string, raw []byte) error {
	if err := os.WriteFile(dst, raw, 0o600); err != nil {
		return err
	}
	lock, err := os.ReadFile(store.LockPath(src))
	if err != nil {
		return nil
	}
	return os.WriteFile(store.LockPath(dst), lock, 0o600)
}

// holdsWords reports which of the runner's words s repeats.
func holdsWords(s string) []string {
	var found []string
	for _, w := range runnersWords {
		if strings.Contains(s, w) {
			found = append(found, w)
		}
	}
	return found
}

var _ = filepath.Join
