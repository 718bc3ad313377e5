// Command populate fills a workbook through the store, the way the
// screens would. It is not part of cairn.
//
//	populate FILE           a full season of realistic size, for the
//	                        measurements in scripts/measure.sh
//	populate -evening FILE  one evening's work as a runner might write it,
//	                        for the pictures scripts/pictures.sh takes
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
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: populate [-evening] FILE")
		os.Exit(2)
	}
	st, err := store.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer st.Close()
	season, err := st.CurrentSeason()
	if errors.Is(err, store.ErrNotFound) {
		season, err = st.StartSeason("")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	now := time.Now().UTC()
	if *evening {
		fillEvening(st, season, now)
		return
	}
	paragraph := "I run early, before the house wakes, and it is the only hour that is mine. " +
		"Some weeks I chase a pace, most weeks I chase the quiet. My club meets on Thursdays. "
	for _, q := range catalog.Questions() {
		text := strings.Repeat(paragraph, 12) // about 2 KB: a long, honest answer
		must(st.SaveAnswer(season.ID, workbook.Answer{Question: q.ID, Text: text, Updated: now}))
	}
	tiers := workbook.Tiers()
	for i := range 12 {
		must(st.PutGoal(season.ID, workbook.Goal{
			ID: workbook.NewID(now.Add(time.Duration(i) * time.Millisecond)), Tier: tiers[i%3],
			Text: fmt.Sprintf("Goal %d: run three mornings a week before work, with a friend on Thursdays", i+1),
			Feel: workbook.Doable, Status: workbook.Draft, Order: i / 3, Created: now, Updated: now,
		}))
	}
	must(st.SavePlace(season.ID, workbook.Place{Screen: "goals", Updated: now}))
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// fillEvening writes a first season as one runner might leave it after an
// evening: answers in their own words, three values with what they wrote,
// their themes decided, a small ladder of goals, and their place on the
// third question, with Competition selected on the themes screen and the
// medium goal on the board.
func fillEvening(st *store.Store, season workbook.Season, now time.Time) {
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
