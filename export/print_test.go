package export

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/cairn-run/cairn/workbook"
)

// The printed documents' fixture: one season with something of everything
// in it, an own theme and an own value among them, and five weeks of runs.
const (
	ownTheme = "01a3ffc816400000a1b2"
	ownValue = "01a3ffc816400000c3d4"
)

var printDay = workbook.MakeDay(2026, time.December, 10)

func printSeason() workbook.Snapshot {
	started := time.Date(2026, 11, 2, 20, 0, 0, 0, time.Local)
	at := started.Add(time.Hour).UTC()
	return workbook.Snapshot{
		Season: workbook.Season{ID: "01a3ffc8164000000001", Name: "Season of November 2026", Started: started, Reason: "a new training cycle"},
		Answers: map[string]workbook.Answer{
			"numbers-or-feelings": {Text: "Feelings first. But I do love a new PB.\n\n# not a heading\n1. not a list either", Updated: at},
			"beyond-running":      {Text: "Running clears my head after a long shift. I hate races, the start line makes me feel sick.", Updated: at},
			"big-dream":           {Text: "The ridge ultra, one day.", Updated: at},
			"retired-question":    {Text: "An answer to a question no longer asked.", Updated: at},
		},
		Themes: workbook.ThemeBoard{
			Marks: []workbook.ThemeMark{
				{Theme: workbook.Theme("coping"), Polarity: workbook.Toward, Status: workbook.Confirmed},
				{Theme: workbook.Theme("competition"), Polarity: workbook.Away, Status: workbook.Confirmed},
				{Theme: workbook.Theme("affiliation"), Polarity: workbook.Toward, Status: workbook.Dismissed},
			},
			Own:        []workbook.OwnTheme{{ID: ownTheme, Name: "Time with my dad", Polarity: workbook.Toward}},
			Top:        workbook.Theme("coping"),
			Notes:      "Mostly I run to think.",
			Motivation: "Time that is just mine",
		},
		Values: []workbook.ValueChoice{
			{ID: "calm", Serve: "A quiet loop before work", Experiment: "No watch on Sundays"},
			{ID: ownValue, Own: true, Name: "Slow mornings", Serve: "Run before the house wakes"},
		},
		Reviews: []workbook.ExperimentReview{{Value: workbook.Value("calm"), Experiment: "No watch on Sundays", Tries: 3, Felt: "lighter", Decision: workbook.Keep, StillFits: workbook.FitsYes, At: at.Add(20 * 24 * time.Hour)}},
		Goals: []workbook.Goal{
			{ID: "g1", Tier: workbook.Big, Text: "Run the ridge ultra in September", Feel: workbook.Scary, Status: workbook.Committed,
				Themes: []workbook.Ref{workbook.Theme("coping"), workbook.OwnThemeRef(ownTheme)}, Values: []workbook.Ref{workbook.OwnValueRef(ownValue)},
				Said: map[string]bool{"attainable": true}, Purpose: map[string]bool{"excited": true, "smile": true}, Order: 0},
			{ID: "g2", Tier: workbook.Medium, Text: "Run 20 km a week with the Tuesday group", Parent: "g1", Feel: workbook.Doable, Status: workbook.Draft, Order: 0},
			{ID: "g3", Tier: workbook.Small, Text: "Tuesday 6:30, the long hill", Parent: "g2", Status: workbook.Draft, Order: 0, Week: printDay.WeekStart()},
			{ID: "g4", Tier: workbook.Small, Text: "Stretch on *Thursday* evening", Status: workbook.Resting, Order: 1,
				Rest: workbook.Rest{Since: at, Until: printDay.AddDays(2), From: workbook.Draft}},
			{ID: "g5", Tier: workbook.Small, Text: "Run a parkrun", Status: workbook.Achieved, Order: 2, Week: printDay.WeekStart().AddDays(-7),
				Check: workbook.WeekCheck{Week: printDay.WeekStart().AddDays(-7), Outcome: workbook.Done, At: at}},
			{ID: "g6", Tier: workbook.Small, Text: "Hills on Thursday", Status: workbook.Draft, Order: 3, Week: printDay.WeekStart().AddDays(-7),
				Check: workbook.WeekCheck{Week: printDay.WeekStart().AddDays(-7), Outcome: workbook.Partly, At: at}},
		},
		History: map[string][]workbook.GoalEvent{
			"g1": {
				{ID: "e1", At: at, Kind: workbook.EventAdded, Text: "Run the ridge ultra", To: workbook.Draft, Tier: workbook.Big},
				{ID: "e2", At: at.Add(48 * time.Hour), Kind: workbook.EventEdited, Text: "Run the ridge ultra in September", Was: "Run the ridge ultra", Tier: workbook.Big, Why: "after the race calendar came out"},
				{ID: "e3", At: at.Add(96 * time.Hour), Kind: workbook.EventMoved, From: workbook.Draft, To: workbook.Committed, Text: "Run the ridge ultra in September", Tier: workbook.Big},
			},
		},
	}
}

func printJournal() []workbook.Entry {
	var out []workbook.Entry
	for i := range 12 {
		d := printDay.AddDays(-3 * i)
		e := workbook.Entry{ID: "e" + d.String(), Day: d, Metres: 5000 + 500*i, Duration: time.Duration(28+i) * time.Minute,
			Enjoyment: workbook.Score(3 + i%2), Before: 2, After: 4}
		if i%3 == 0 {
			e.Tags = []string{"with others"}
			e.Fit = map[workbook.Ref]workbook.Score{workbook.OwnValueRef(ownValue): 5}
		}
		out = append([]workbook.Entry{e}, out...)
	}
	return out
}

func printFixture() Print {
	s := printSeason()
	return Print{
		Seasons:  []PrintSeason{{Snapshot: s, Last: printDay}},
		Names:    NamesOf([]workbook.Snapshot{s}),
		Settings: workbook.JournalSettings{Unit: workbook.Kilometres, Plan: 3},
		Journal:  printJournal(),
		Today:    printDay,
		Made:     printDay.Time(),
	}
}

func TestMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := Markdown(&b, printFixture()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	golden.RequireEqual(t, out)
	for _, want := range []string{"Time with my dad", "Slow mornings", "\\# not a heading", "1\\. not a list", "Stretch on \\*Thursday\\*"} {
		if !strings.Contains(out, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	for _, id := range []string{ownTheme, ownValue} {
		if strings.Contains(out, id) {
			t.Errorf("the Markdown shows the ID %s, not a name", id)
		}
	}
}

func TestCard(t *testing.T) {
	var b bytes.Buffer
	if err := Card(&b, printFixture()); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.String())
	cardFits(t, b.String())
	if strings.Contains(b.String(), "Run a parkrun") {
		t.Error("the card shows an achieved goal")
	}
}

// cardFits holds a card to its page.
func cardFits(t *testing.T, card string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(card, "\n"), "\n")
	if len(lines) > CardLines {
		t.Errorf("the card is %d lines long", len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > CardWidth {
			t.Errorf("line %d is %d columns wide: %q", i+1, w, l)
		}
	}
}

func TestCardFitsWhateverIsWritten(t *testing.T) {
	p := printFixture()
	s := &p.Seasons[0]
	s.Themes.Motivation = strings.Repeat("Because the hills are where I think most clearly ", 20)
	s.Season.Name = strings.Repeat("A very long season name ", 10)
	s.Goals = nil
	for i := range 30 {
		for _, tier := range workbook.Tiers() {
			s.Goals = append(s.Goals, workbook.Goal{ID: string(tier) + string(rune('a'+i)), Tier: tier,
				Text: strings.Repeat("長い目標 and a long goal ", 12), Order: i})
		}
	}
	var b bytes.Buffer
	if err := Card(&b, p); err != nil {
		t.Fatal(err)
	}
	cardFits(t, b.String())
	if !strings.Contains(b.String(), "…and 24 more") {
		t.Errorf("the goals left out are not counted:\n%s", b.String())
	}
}

func TestCardIsOneSeason(t *testing.T) {
	p := printFixture()
	p.Seasons = append(p.Seasons, p.Seasons[0])
	if err := Card(&bytes.Buffer{}, p); err == nil {
		t.Error("a card of two seasons")
	}
}

// Seasons read as they are written make the document read up front, each
// read once, in order, and the card reads its one season the same way.
func TestSeasonsLoadedAsTheyAreWritten(t *testing.T) {
	eager := printFixture()
	second := printSeason()
	second.Season.ID, second.Season.Name = "s2", "Second season"
	eager.Seasons = append(eager.Seasons, PrintSeason{Snapshot: second, Last: printDay})
	var want bytes.Buffer
	if err := Markdown(&want, eager); err != nil {
		t.Fatal(err)
	}

	lazy := eager
	lazy.Seasons = nil
	for _, s := range eager.Seasons {
		lazy.Seasons = append(lazy.Seasons, PrintSeason{Snapshot: workbook.Snapshot{Season: s.Season}, Last: s.Last})
	}
	var loaded []int
	lazy.Load = func(i int) (workbook.Snapshot, error) {
		loaded = append(loaded, i)
		return eager.Seasons[i].Snapshot, nil
	}
	var got bytes.Buffer
	if err := Markdown(&got, lazy); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("loaded as written:\n%s\nread up front:\n%s", got.String(), want.String())
	}
	if !slices.Equal(loaded, []int{0, 1}) {
		t.Errorf("seasons loaded: %v", loaded)
	}

	lazy.Seasons, loaded = lazy.Seasons[:1], nil
	var card, wantCard bytes.Buffer
	eager.Seasons = eager.Seasons[:1]
	if err := Card(&card, lazy); err != nil {
		t.Fatal(err)
	}
	if err := Card(&wantCard, eager); err != nil {
		t.Fatal(err)
	}
	if card.String() != wantCard.String() || len(loaded) != 1 {
		t.Errorf("the card loaded %v:\n%s\nread up front:\n%s", loaded, card.String(), wantCard.String())
	}

	lazy.Load = func(int) (workbook.Snapshot, error) { return workbook.Snapshot{}, errors.New("damaged") }
	if err := Markdown(&got, lazy); err == nil {
		t.Error("a season that could not be read made a document")
	}
}
