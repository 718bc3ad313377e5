// Command populate fills a workbook through the store, the way the
// screens would. It is not part of cairn.
//
//	populate FILE           a full season of realistic size, for the
//	                        measurements in scripts/measure.sh and
//	                        scripts/bench
//	populate -seasons 20 FILE   twenty such seasons, the last one current
//	populate -answer 61440 FILE a full season whose answers are each that
//	                        many bytes, open on the first question, for
//	                        timing keys in a long answer
//	populate -goals 10000 FILE  a full season with that many goals
//	populate -empty FILE    a workbook with its first season begun and
//	                        nothing in it, as the app leaves a new one
//	populate -evening FILE  one evening's work as a runner might write it,
//	                        with a season before it and a few weeks of
//	                        runs, for the pictures scripts/pictures.sh takes
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

func main() {
	evening := flag.Bool("evening", false, "write one evening's work, for pictures")
	empty := flag.Bool("empty", false, "begin the first season and write nothing in it")
	seasons := flag.Int("seasons", 1, "how many full seasons to write")
	goals := flag.Int("goals", 12, "how many goals each season has")
	answer := flag.Int("answer", 0, "the size of each answer in bytes (0: about 2 KB), the workbook open on the first question")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: populate [-evening | -empty | -seasons N | -goals N | -answer BYTES] FILE")
		os.Exit(2)
	}
	now := time.Now().UTC()
	if *evening {
		fillEvening(flag.Arg(0), now)
		return
	}
	st, err := store.Open(flag.Arg(0))
	must(err)
	defer st.Close()
	season, err := st.CurrentSeason()
	if errors.Is(err, store.ErrNotFound) {
		season, err = st.StartSeason("")
	}
	must(err)
	if *empty {
		return
	}
	for i := range *seasons {
		if i > 0 {
			season, err = st.NewSeason(workbook.SeasonPlan{Name: fmt.Sprintf("Season %d", i+1)})
			must(err)
		}
		fillSeason(st, season, now, *goals, *answer)
	}
}

// fillSeason writes a full season: eight long answers, goals (twelve
// fill a board), and the place to resume.
func fillSeason(st *store.Store, season workbook.Season, now time.Time, goals, answer int) {
	paragraph := "I run early, before the house wakes, and it is the only hour that is mine. " +
		"Some weeks I chase a pace, most weeks I chase the quiet. My club meets on Thursdays. "
	text := strings.Repeat(paragraph, 12) // about 2 KB: a long, honest answer
	if answer > 0 {
		text = answerOf(paragraph, answer)
	}
	for _, q := range catalog.Questions() {
		must(st.SaveAnswer(season.ID, workbook.Answer{Question: q.ID, Text: text, Updated: now}))
	}
	tiers := workbook.Tiers()
	for i := range goals {
		must(st.PutGoal(season.ID, workbook.Goal{
			ID: workbook.NewID(now.Add(time.Duration(i) * time.Millisecond)), Tier: tiers[i%3],
			Text: fmt.Sprintf("Goal %d: run three mornings a week before work, with a friend on Thursdays", i+1),
			Feel: workbook.Doable, Status: workbook.Draft, Order: i / 3, Created: now, Updated: now,
		}))
	}
	place := workbook.Place{Screen: "goals", Updated: now}
	if answer > 0 {
		place = workbook.Place{Screen: "reflect", Question: 0, Updated: now}
	}
	must(st.SavePlace(season.ID, place))
}

// answerOf is an answer of size bytes in paragraphs of a few sentences,
// ending with a new line, so that a letter typed at its end begins a word.
func answerOf(paragraph string, size int) string {
	var b strings.Builder
	for n := 0; b.Len() < size; n++ {
		if n > 0 && n%4 == 0 {
			b.WriteString("\n")
		}
		b.WriteString(paragraph)
	}
	return strings.TrimRight(b.String()[:size-1], " \n") + "\n"
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// openAt opens the workbook at path on a clock stopped at t, so what is
// written seems written then.
func openAt(path string, t time.Time) *store.Store {
	st, err := store.Open(path, store.WithClock(func() time.Time { return t }))
	must(err)
	return st
}

// fillEvening writes a season as one runner might leave it after an
// evening: answers in their own words, three values with what they wrote,
// their themes decided, a small ladder of goals, and their place on the
// third question, with Competition selected on the themes screen and the
// medium goal on the board. Before it comes the season of eight months
// ago, when races still drew them; beside it, the runs of the three weeks
// since the season began.
func fillEvening(path string, now time.Time) {
	began := now.AddDate(0, 0, -24)
	fillSpring(path, now.AddDate(0, -8, 0))
	st := openAt(path, began)
	season, err := st.NewSeason(workbook.SeasonPlan{Why: workbook.NewCycle, Carry: workbook.Carry{Values: true}})
	must(err)
	must(st.Close())
	st = openAt(path, now)
	defer st.Close()
	fillRuns(st, began, now)
	answers := map[string]string{
		"numbers-or-feelings": "Feelings, mostly. I used to chase splits and every run became a test. Now I leave the watch at home on Sundays, and that is the best run of the week.",
		"places-and-people":   "The ridge path above town, early, while the mist is still down in the valley. Thursdays with the club: we talk the whole way and nobody checks the pace.",
		"competition":         "I hate races. The start line makes me feel sick, and afterwards I stop enjoying running for weeks.",
		"beyond-running":      "Running clears my head after a long shift at the hospital. It is the one hour of the day that is just mine.",
		"busy-life":           "Two kids, night shifts, a garden I never get to. Running has to fit in the gaps, so it has to be worth it.",
		"proud-moment":        "Running the whole ridge loop without stopping last autumn, with my sister waiting at the top with a flask of tea.",
		"big-dream":           "A trail half marathon in the mountains. Not to race it: just to be out there all morning.",
		"next-step":           "Three runs a week, every week, without my knee complaining.",
	}
	for id, text := range answers {
		must(st.SaveAnswer(season.ID, workbook.Answer{Question: id, Text: text, Updated: now}))
	}
	must(st.SaveValues(season.ID, []workbook.ValueChoice{
		{ID: "calm", Serve: "An easy loop after a night shift, with no watch and no plan.", Experiment: "Leave the watch at home for two runs this week."},
		{ID: "friendship", Serve: "Thursdays with the club; running is where I see my friends.", Experiment: "Ask Sam to come on the Sunday loop."},
		{ID: "nature", Serve: "The ridge at first light, and the seasons changing on it."},
	}))
	toward, away := workbook.Toward, workbook.Away
	must(st.SaveThemes(season.ID, workbook.ThemeBoard{
		Marks: []workbook.ThemeMark{
			{Theme: workbook.Theme("coping"), Polarity: toward, Status: workbook.Confirmed},
			{Theme: workbook.Theme("affiliation"), Polarity: toward, Status: workbook.Confirmed},
			{Theme: workbook.Theme("competition"), Polarity: away, Status: workbook.Confirmed},
		},
		Top:        workbook.Theme("coping"),
		Notes:      "Headspace, mostly. The club on Thursdays. Not races: the ridge.",
		Motivation: "An hour that is mine, out on the ridge",
		Updated:    now,
	}))
	id := func(i int) string { return workbook.NewID(now.Add(time.Duration(i) * time.Millisecond)) }
	big, medium, small, stretch := id(1), id(2), id(3), id(4)
	goals := []workbook.Goal{
		{ID: big, Tier: workbook.Big, Text: "A trail half marathon in the mountains next October, at an easy pace",
			Feel: workbook.Scary, Themes: []workbook.Ref{workbook.Theme("coping")}, Values: []workbook.Ref{workbook.Value("nature")}},
		{ID: medium, Tier: workbook.Medium, Text: "Join the club's Thursday group for six weeks, with Sam to keep me going",
			Feel: workbook.Doable, Parent: big, Themes: []workbook.Ref{workbook.Theme("affiliation")}, Values: []workbook.Ref{workbook.Value("friendship")}},
		{ID: small, Tier: workbook.Small, Text: "Run Tuesday and Thursday at 7am, before my shift",
			Feel: workbook.Doable, Parent: medium, Themes: []workbook.Ref{workbook.Theme("coping")}, Values: []workbook.Ref{workbook.Value("calm")}},
		{ID: stretch, Tier: workbook.Small, Text: "Stretch for ten minutes after every run", Order: 1},
	}
	for _, g := range goals {
		g.Status, g.Created, g.Updated = workbook.Draft, now, now
		must(st.PutGoal(season.ID, g))
	}
	must(st.SavePlace(season.ID, workbook.Place{
		Screen: "reflect", Question: 2, Theme: workbook.Theme("competition"), Goal: medium, Updated: now,
	}))
}

// fillSpring writes the season begun at t: the answers of a runner still
// drawn to races, a value, and their themes.
func fillSpring(path string, t time.Time) {
	st := openAt(path, t)
	defer st.Close()
	season, err := st.NewSeason(workbook.SeasonPlan{})
	must(err)
	answers := map[string]string{
		"numbers-or-feelings": "Numbers. I check my splits every kilometre and I like seeing the line go down.",
		"places-and-people":   "The track on Tuesdays, and the park when it is light enough.",
		"competition":         "I love a race. A parkrun PB on a cold Saturday keeps me honest all week.",
		"beyond-running":      "It is how I deal with work. A hard session and the day is gone.",
		"big-dream":           "A sub-50 10k before I turn forty.",
		"next-step":           "Four runs a week, one of them intervals.",
	}
	for id, text := range answers {
		must(st.SaveAnswer(season.ID, workbook.Answer{Question: id, Text: text, Updated: t}))
	}
	must(st.SaveValues(season.ID, []workbook.ValueChoice{
		{ID: "calm", Serve: "A hard session clears my head."},
		{ID: "achievement", Serve: "A time on the clock that is mine."},
	}))
	toward := workbook.Toward
	must(st.SaveThemes(season.ID, workbook.ThemeBoard{
		Marks: []workbook.ThemeMark{
			{Theme: workbook.Theme("competition"), Polarity: toward, Status: workbook.Confirmed},
			{Theme: workbook.Theme("coping"), Polarity: toward, Status: workbook.Confirmed},
		},
		Top:        workbook.Theme("competition"),
		Motivation: "Getting faster, and proving it on race day",
		Updated:    t,
	}))
	must(st.PutGoal(season.ID, workbook.Goal{
		ID: workbook.NewID(t), Tier: workbook.Big, Text: "A sub-50 10k in the autumn", Feel: workbook.Scary,
		Status: workbook.Draft, Created: t, Updated: t,
	}))
}

// fillRuns writes the runs of the weeks from began to now, as a runner who
// plans three a week (Tuesday, the club's Thursday, a long Sunday) logs
// them, with that plan set.
func fillRuns(st *store.Store, began, now time.Time) {
	settings := workbook.DefaultJournalSettings()
	settings.Plan = 3
	must(st.SaveJournalSettings(settings))
	runs := []struct {
		weeksAgo, day int // day 0 is Monday
		km            float64
		minutes       int
		enjoy, before int
		after         int
		tags          []string
		fit           map[string]int
		note          string
	}{
		{3, 1, 5.2, 31, 3, 2, 3, []string{"solo", "easy"}, map[string]int{"calm": 4}, "First run of the new plan. Stiff, but out."},
		{3, 3, 6, 35, 4, 3, 4, []string{"with others"}, map[string]int{"friendship": 5}, "The club. Talked the whole way."},
		{3, 6, 8.5, 52, 5, 2, 5, []string{"solo", "long"}, map[string]int{"calm": 5, "nature": 5}, "The ridge at first light, mist in the valley."},
		{2, 1, 5, 29, 3, 3, 3, []string{"solo", "easy"}, map[string]int{"calm": 3}, "After a night shift. Slow and quiet."},
		{2, 3, 6.4, 37, 4, 2, 4, []string{"with others", "new route"}, map[string]int{"friendship": 5, "nature": 4}, "Club run past the old mill. Sam came too."},
		{2, 6, 10, 64, 5, 3, 5, []string{"solo", "long"}, map[string]int{"nature": 5, "calm": 5}, "No watch. The whole ridge loop, and my knee said nothing."},
		{1, 1, 5, 30, 2, 2, 3, []string{"solo", "easy"}, nil, "Rain, and tired legs. Glad I went, just."},
		{1, 3, 6, 34, 4, 3, 4, []string{"with others"}, map[string]int{"friendship": 4}, "Thursdays are the best part of the week."},
		{1, 6, 7.5, 45, 5, 2, 5, []string{"solo", "long"}, map[string]int{"calm": 5, "nature": 5}, "Frost on the ridge. Sunrise at the top."},
		{0, 1, 5.5, 33, 4, 2, 4, []string{"solo", "easy"}, map[string]int{"calm": 4}, "Before the shift, head torch on the canal path."},
	}
	local := now.Local()
	monday := time.Date(local.Year(), local.Month(), local.Day(), 7, 0, 0, 0, time.Local).
		AddDate(0, 0, -(int(local.Weekday())+6)%7)
	for i, r := range runs {
		at := monday.AddDate(0, 0, r.day-7*r.weeksAgo)
		if at.Before(began) || at.After(now) {
			continue
		}
		e := workbook.Entry{
			ID: workbook.NewID(at.Add(time.Duration(i) * time.Millisecond)), Day: workbook.DayOf(at),
			Metres: int(r.km * 1000), Duration: time.Duration(r.minutes) * time.Minute,
			Enjoyment: workbook.Score(r.enjoy), Before: workbook.Score(r.before), After: workbook.Score(r.after),
			Tags: r.tags, Note: r.note, Source: workbook.Source{Kind: workbook.Logged},
			Created: at.UTC(), Updated: at.UTC(),
		}
		for id, score := range r.fit {
			if e.Fit == nil {
				e.Fit = map[workbook.Ref]workbook.Score{}
			}
			e.Fit[workbook.Value(id)] = workbook.Score(score)
		}
		must(st.PutEntry(e))
	}
}
