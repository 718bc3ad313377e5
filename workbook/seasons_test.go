package workbook

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

func TestWhyRoundTrip(t *testing.T) {
	for _, w := range append(Whys(), FirstSeason, OwnWords) {
		back, err := ParseWhy(w.String())
		if err != nil || back != w {
			t.Errorf("ParseWhy(%q) = %v, %v", w.String(), back, err)
		}
	}
	if _, err := ParseWhy("bored"); err == nil {
		t.Error("ParseWhy took a name cairn does not know")
	}
	cases := map[string]Why{
		"": FirstSeason, "  ": FirstSeason,
		"back after a break": BackAfterBreak, "Back after a  break": BackAfterBreak, "break": BackAfterBreak,
		"a new training cycle": NewCycle, "cycle": NewCycle,
		"a goal reached": GoalReached, "goal-reached": GoalReached,
		"a plateau or low motivation": Plateau, "plateau": Plateau,
		"just a new season": JustNew, "new-season": JustNew,
		"my knee is better": OwnWords, "own": OwnWords,
	}
	for words, want := range cases {
		if got := WhyOf(words); got != want {
			t.Errorf("WhyOf(%q) = %v, want %v", words, got, want)
		}
	}
}

func TestSeasonBecause(t *testing.T) {
	for _, tc := range []struct {
		s    Season
		want string
	}{
		{Season{}, ""},
		{Season{Why: BackAfterBreak}, "back after a break"},
		{Season{Why: OwnWords, Reason: "my knee is better"}, "my knee is better"},
		{Season{Why: NewCycle, Reason: "a new training cycle"}, "a new training cycle"},
	} {
		if got := tc.s.Because(); got != tc.want {
			t.Errorf("%+v.Because() = %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestSeasonNames(t *testing.T) {
	cases := map[time.Month]string{
		time.January: "Winter 2026", time.February: "Winter 2026", time.March: "Spring 2026",
		time.June: "Summer 2026", time.September: "Autumn 2026", time.November: "Autumn 2026",
		time.December: "Winter 2026",
	}
	for m, want := range cases {
		if got := SeasonName(time.Date(2026, m, 15, 12, 0, 0, 0, time.UTC)); got != want {
			t.Errorf("SeasonName(%s) = %q, want %q", m, got, want)
		}
	}
	if got := UniqueName("Winter 2026", []string{"Autumn 2025", "Winter 2026", "Winter 2026 (2)"}); got != "Winter 2026 (3)" {
		t.Errorf("UniqueName = %q", got)
	}
	if got := UniqueName("Spring 2026", []string{"Winter 2026"}); got != "Spring 2026" {
		t.Errorf("UniqueName = %q", got)
	}
}

func TestCarryWordsAndParse(t *testing.T) {
	cases := []struct {
		in    string
		carry Carry
		words string
	}{
		{"values,themes,goals", CarryAll, "values, themes and goals"},
		{"all", CarryAll, "values, themes and goals"},
		{"values", Carry{Values: true}, "values"},
		{"themes goals", Carry{Themes: true, Goals: true}, "themes and goals"},
		{"none", Carry{}, ""},
		{"", Carry{}, ""},
	}
	for _, tc := range cases {
		c, err := ParseCarry(tc.in)
		if err != nil || c != tc.carry {
			t.Errorf("ParseCarry(%q) = %+v, %v", tc.in, c, err)
		}
		if got := c.Words(); got != tc.words {
			t.Errorf("%+v.Words() = %q, want %q", c, got, tc.words)
		}
	}
	if _, err := ParseCarry("values,answers"); err == nil {
		t.Error("ParseCarry carried answers")
	}
}

// TestCarryForward starts a season from one with every kind of goal: the
// open ones come across with new IDs and their ladder, the rest stay.
func TestCarryForward(t *testing.T) {
	at := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) // a Monday
	thisWeek := DayOf(at)
	lastWeek := thisWeek - 7
	own := OwnThemeRef("own1")
	from := Snapshot{
		Season: Season{ID: "old", Name: "Autumn 2026"},
		Values: []ValueChoice{{ID: "calm", Serve: "quiet", Experiment: "no watch"}},
		Themes: ThemeBoard{
			Marks: []ThemeMark{
				{Theme: own, Polarity: Toward, Status: Confirmed},
				{Theme: Theme("competition"), Polarity: Away, Status: Confirmed},
				{Theme: Theme("joy"), Polarity: Toward, Status: Dismissed},
				{Theme: Theme("health"), Polarity: Away, Status: Undecided},
			},
			Own:   []OwnTheme{{ID: "own1", Name: "Woods", Polarity: Toward}, {ID: "own2", Name: "Gone"}},
			Top:   own,
			Notes: "notes stay behind", Motivation: "so does this",
		},
		Goals: []Goal{
			{ID: "big", Tier: Big, Text: "Half marathon", Status: Committed, Values: []Ref{Value("calm")}},
			{ID: "med", Tier: Medium, Text: "20 km a week", Status: Resting, Parent: "big", Rest: Rest{Until: thisWeek + 2, From: Committed}},
			{ID: "done", Tier: Medium, Text: "Join a club", Status: Achieved},
			{ID: "gone", Tier: Big, Text: "Ultra", Status: LetGo},
			{ID: "small", Tier: Small, Text: "Tuesday hills", Status: Draft, Parent: "med", Week: lastWeek},
			{ID: "checked", Tier: Small, Text: "Thursday tempo", Status: Committed, Parent: "med", Week: lastWeek, Check: WeekCheck{Week: lastWeek, Outcome: Missed}},
			{ID: "under-done", Tier: Small, Text: "Saturday long", Status: Draft, Parent: "done", Week: thisWeek},
		},
	}
	to := Season{ID: "new", Name: "Winter 2026"}
	got := CarryForward(from, CarryAll, to, at)

	if !reflect.DeepEqual(got.Values, from.Values) {
		t.Errorf("values = %+v", got.Values)
	}
	wantThemes := ThemeBoard{
		Marks:   from.Themes.Marks[:2],
		Own:     from.Themes.Own[:1],
		Top:     own,
		Updated: at,
	}
	if !reflect.DeepEqual(got.Themes, wantThemes) {
		t.Errorf("themes =\n%+v\nwant\n%+v", got.Themes, wantThemes)
	}
	byText := map[string]GoalChange{}
	for _, c := range got.Goals {
		byText[c.Goal.Text] = c
	}
	for _, text := range []string{"Half marathon", "20 km a week", "Tuesday hills", "Saturday long"} {
		c, ok := byText[text]
		if !ok {
			t.Errorf("%q was not carried", text)
			continue
		}
		if c.Goal.ID == "" || !IsNewID(c.Goal.ID) || c.Goal.From.Season != "old" || c.Goal.From.Goal == c.Goal.ID {
			t.Errorf("%q carried as %+v", text, c.Goal)
		}
		if c.Event.Kind != EventCarried || c.Event.Season != "Autumn 2026" || c.Event.Text != text || !c.Event.At.Equal(at) {
			t.Errorf("%q's history begins %+v", text, c.Event)
		}
	}
	if len(got.Goals) != 4 {
		t.Errorf("%d goals carried, want 4", len(got.Goals))
	}
	big, med, small := byText["Half marathon"].Goal, byText["20 km a week"].Goal, byText["Tuesday hills"].Goal
	if med.Parent != big.ID || small.Parent != med.ID {
		t.Errorf("the ladder broke: big %s, med %s → %s, small → %s", big.ID, med.ID, med.Parent, small.Parent)
	}
	if p := byText["Saturday long"].Goal.Parent; p != "" {
		t.Errorf("a step toward a goal left behind still points at %q", p)
	}
	if med.Status != Resting || med.Rest.Until != thisWeek+2 || small.Week != lastWeek {
		t.Errorf("rests and weeks changed on the way: %+v %+v", med, small)
	}
	// Nothing in the old season changed.
	if from.Goals[0].ID != "big" || from.Goals[1].Parent != "big" || len(from.Themes.Marks) != 4 {
		t.Error("carrying changed the old season")
	}

	if none := CarryForward(from, Carry{}, to, at); len(none.Values)+len(none.Goals)+len(none.Themes.Marks) != 0 {
		t.Errorf("carrying nothing carried %+v", none)
	}
}

func TestGoalMovesKeepTheirHistory(t *testing.T) {
	at := time.Date(2026, 12, 3, 21, 0, 0, 0, time.UTC)
	later := at.Add(72 * time.Hour)
	g := Goal{ID: "g", Tier: Medium, Text: "20 km a week", Status: Committed}

	rested, ev, err := g.RestFor(0, "", at)
	if err != nil || rested.Status != Resting || rested.Rest.From != Committed || rested.Rest.Until != DayOf(at)+DefaultRestDays {
		t.Fatalf("RestFor = %+v, %v", rested, err)
	}
	if ev.Kind != EventMoved || ev.From != Committed || ev.To != Resting || ev.Until != rested.Rest.Until {
		t.Errorf("rest event = %+v", ev)
	}
	if rested.Due(DayOf(at)+2) || !rested.Due(DayOf(at)+3) {
		t.Error("the rest fell due on the wrong day")
	}
	if long, _, _ := g.RestFor(1000, "", at); long.Rest.Until != DayOf(at)+MaxRestDays {
		t.Errorf("a rest of 1000 days ends %s", long.Rest.Until)
	}

	kept, ev, err := rested.Keep(later)
	if err != nil || kept.Status != Committed || kept.Rest != (Rest{}) || ev.From != Resting || ev.To != Committed {
		t.Errorf("Keep = %+v, %+v, %v", kept, ev, err)
	}
	draft := Goal{Status: Draft}
	restedDraft, _, _ := draft.RestFor(2, "", at)
	if back, _, _ := restedDraft.Keep(later); back.Status != Draft {
		t.Errorf("a draft kept after its rest is %s", back.Status)
	}

	reached, ev, err := rested.Reach("  like flying ", later)
	if err != nil || reached.Status != Achieved || reached.Reached.Felt != "like flying" || ev.Felt != "like flying" || ev.From != Resting {
		t.Errorf("Reach = %+v, %+v, %v", reached, ev, err)
	}
	if _, _, err := reached.Reach("again", later); err == nil {
		t.Error("reached a goal twice")
	}
	undone, _, err := reached.Move(Committed, "miscounted", later)
	if err != nil || undone.Reached != (Reached{}) {
		t.Errorf("un-reaching kept the line: %+v, %v", undone, err)
	}
	gone, ev, err := g.Move(LetGo, "the calf", later)
	if err != nil || gone.Status != LetGo || ev.Why != "the calf" {
		t.Errorf("Move(LetGo) = %+v, %+v, %v", gone, ev, err)
	}
	var me *MoveError
	if _, _, err := gone.Move(Achieved, "", later); !errors.As(err, &me) {
		t.Errorf("a goal let go was reached: %v", err)
	}
}

func TestTheWeeklyLoop(t *testing.T) {
	monday := MakeDay(2026, 11, 30)
	now := monday.AddDays(7).Time().Add(8 * time.Hour)
	thisWeek := DayOf(now).WeekStart()
	g := Goal{ID: "s", Tier: Small, Text: "Tuesday hills", Status: Committed, Parent: "m", Week: monday, Feel: Scary, Order: 2}
	if !g.Unchecked(thisWeek) || !g.Open(thisWeek) || !g.OnBoard(thisWeek) {
		t.Fatal("last week's step is not waiting to be looked back on")
	}
	if g.Unchecked(monday) {
		t.Error("a step is waiting to be looked back on in its own week")
	}
	for _, tc := range []struct {
		o      Outcome
		status GoalStatus
	}{{Done, Achieved}, {Partly, Committed}, {Missed, Committed}, {Dropped, LetGo}} {
		c, ev := g.CheckWeek(tc.o, now)
		if c.Status != tc.status || c.Check.Outcome != tc.o || c.Check.Week != monday {
			t.Errorf("%s: %+v", tc.o, c)
		}
		if ev.Kind != EventChecked || ev.Outcome != tc.o || ev.Week != monday || ev.From != Committed || ev.To != tc.status {
			t.Errorf("%s: event %+v", tc.o, ev)
		}
		if c.Unchecked(thisWeek) || c.Open(thisWeek) || c.OnBoard(thisWeek) {
			t.Errorf("%s: a step looked back on is still open", tc.o)
		}
	}
	for _, st := range []GoalStatus{Achieved, LetGo} {
		done := g
		done.Status = st
		if done.Unchecked(thisWeek) || done.OnBoard(thisWeek) || !done.OnBoard(monday) {
			t.Errorf("a step of last week already %s is still waiting, or gone from its own week's board", st)
		}
	}
	again, ev := g.TryAgain(thisWeek, 5, now)
	if again.ID == g.ID || again.Text != g.Text || again.Week != thisWeek || again.Again != g.ID || again.Parent != "m" ||
		again.Status != Committed || again.Feel != Scary || again.Order != 5 || again.Check != (WeekCheck{}) {
		t.Errorf("TryAgain = %+v", again)
	}
	if ev.Kind != EventAgain || ev.Week != monday || ev.Text != g.Text {
		t.Errorf("TryAgain event = %+v", ev)
	}
	for _, o := range append(Outcomes(), NotChecked) {
		if back, err := ParseOutcome(o.String()); err != nil || back != o {
			t.Errorf("ParseOutcome(%q) = %v, %v", o.String(), back, err)
		}
	}
}

func TestEditEvent(t *testing.T) {
	at := time.Date(2026, 10, 12, 9, 0, 0, 0, time.UTC)
	before := Goal{Text: "sub-25 5k", Tier: Medium, Feel: Doable}
	if _, ok := EditEvent(before, before, "", at); ok {
		t.Error("an edit that changed nothing was kept")
	}
	after := before
	after.Text = "sub-26 5k"
	ev, ok := EditEvent(before, after, " after the calf strain ", at)
	if !ok || ev.Kind != EventEdited || ev.Was != "sub-25 5k" || ev.Text != "sub-26 5k" || ev.Why != "after the calf strain" || ev.Feel != Unmarked {
		t.Errorf("EditEvent = %+v, %v", ev, ok)
	}
	after.Feel = Scary
	if ev, _ := EditEvent(before, after, "", at); ev.Feel != Scary {
		t.Errorf("a new feel was not kept: %+v", ev)
	}
	for k := EventAdded; k <= EventAgain; k++ {
		if back, err := ParseEventKind(k.String()); err != nil || back != k {
			t.Errorf("ParseEventKind(%q) = %v, %v", k.String(), back, err)
		}
	}
}

// TestEventIDsKeepTheOrderOfOneMillisecond: events made in the same
// millisecond sort in the order they were made.
func TestEventIDsKeepTheOrderOfOneMillisecond(t *testing.T) {
	at := time.Date(2026, 12, 3, 21, 0, 0, 0, time.UTC)
	prev := NewEventID(at)
	for range 1000 {
		id := NewEventID(at)
		if id <= prev || !IsNewID(id) || id[:12] != prev[:12] {
			t.Fatalf("%s after %s", id, prev)
		}
		prev = id
	}
	if later := NewEventID(at.Add(time.Millisecond)); later <= prev {
		t.Errorf("an event a millisecond later sorts before: %s <= %s", later, prev)
	}
}

// TestARestEndsOnTheRunnersCalendar: late on Monday in Auckland is
// Monday morning in London; a three-day rest ends on Thursday, Auckland's
// Thursday, and the times kept are in UTC.
func TestARestEndsOnTheRunnersCalendar(t *testing.T) {
	auckland := time.FixedZone("NZDT", 13*3600)
	late := time.Date(2026, 11, 30, 23, 30, 0, 0, auckland)
	g, ev, err := Goal{Status: Draft}.RestFor(3, "", late)
	if err != nil || g.Rest.Until != MakeDay(2026, 12, 3) {
		t.Errorf("rest until %s, %v; want 2026-12-03", g.Rest.Until, err)
	}
	if g.Rest.Since.Location() != time.UTC || g.Updated.Location() != time.UTC || ev.At.Location() != time.UTC || !ev.At.Equal(late) {
		t.Errorf("times kept: since %v, updated %v, event %v", g.Rest.Since, g.Updated, ev.At)
	}
}
