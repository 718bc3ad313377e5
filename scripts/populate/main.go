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
	empty := flag.Bool("empty", false, "begin the first season and write nothing in it")
	seasons := flag.Int("seasons", 1, "how many full seasons to write")
	goals := flag.Int("goals", 12, "how many goals each season has")
	answer := flag.Int("answer", 0, "the size of each answer in bytes (0: about 2 KB), the workbook open on the first question")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: populate [-evening | -empty | -seasons N | -goals N | -answer BYTES] FILE")
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
	switch {
	case *empty:
		return
	case *evening:
		fillEvening(st, season, now)
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
