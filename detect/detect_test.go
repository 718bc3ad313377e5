package detect

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// Every sentence in these tests is invented for them, in the way runners
// write: run-on, lower case, with emoji and bullets.

// detectText runs Detect on one text and returns the polarity of each theme
// found.
func detectText(text string) map[catalog.ThemeID]workbook.Polarity {
	got := map[catalog.ThemeID]workbook.Polarity{}
	for _, f := range Detect([]Source{{Label: "test", Text: text}}) {
		got[f.Theme] = f.Polarity
	}
	return got
}

// detectCase says which themes must be found (with their polarity) and
// which must not be found at all.
type detectCase struct {
	text string
	want map[catalog.ThemeID]workbook.Polarity
	not  []catalog.ThemeID
}

func runDetectCases(t *testing.T, cases []detectCase) {
	t.Helper()
	for _, c := range cases {
		got := detectText(c.text)
		for theme, pol := range c.want {
			if gp, ok := got[theme]; !ok {
				t.Errorf("%q: %s not found (got %v)", c.text, theme, got)
			} else if gp != pol {
				t.Errorf("%q: %s is %s, want %s", c.text, theme, gp, pol)
			}
		}
		for _, theme := range c.not {
			if gp, ok := got[theme]; ok {
				t.Errorf("%q: %s found (%s), want nothing", c.text, theme, gp)
			}
		}
	}
}

// TestThemesMatchCatalog checks the detector's fixed theme count and
// indexes agree with the catalog, which the model's rows are laid out by.
func TestThemesMatchCatalog(t *testing.T) {
	all := catalog.Themes()
	if len(all) != nThemes {
		t.Fatalf("the catalog has %d themes; the detector is built for %d", len(all), nThemes)
	}
	for i, th := range all {
		if themeIndex(th.ID) != i {
			t.Errorf("theme %s is at %d in the catalog, %d in the detector", th.ID, i, themeIndex(th.ID))
		}
	}
	if themeIndex("no-such-theme") != nThemes {
		t.Error("an unknown theme has an index")
	}
}

func TestEvidenceMarked(t *testing.T) {
	ev := Evidence{Sentence: "I hate races, honestly.", Triggers: []Span{{2, 6}, {7, 12}, {5, 9}, {20, 40}}}
	got := ev.Marked(func(s string) string { return "[" + s + "]" })
	if got != "I [hate] [races], honestly." {
		t.Errorf("Marked = %q", got)
	}
	if plain := (Evidence{Sentence: "no triggers"}).Marked(strings.ToUpper); plain != "no triggers" {
		t.Errorf("Marked without triggers = %q", plain)
	}
}

// ---------------------------------------------------------------- text

func TestSplitSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"I love it. I run daily! Do you? ", []string{"I love it.", "I run daily!", "Do you?"}},
		{"first line\nsecond line\n\n  third  ", []string{"first line", "second line", "third"}},
		{"I wasn't sure... Then I finished.", []string{"I wasn't sure...", "Then I finished."}},
		{"I wasn't sure… then I finished", []string{"I wasn't sure… then I finished"}},
		{"I wasn't sure...and then I was", []string{"I wasn't sure...and then I was"}},
		{"- clear my head\n* see my friends\n• trails\n1. a PB\n2) fun", []string{
			"clear my head", "see my friends", "trails", "a PB", "fun"}},
		{"I ran a 5k. It was hard.", []string{"I ran a 5k.", "It was hard."}},
		{"i ran a 5k. it was hard", []string{"i ran a 5k.", "it was hard"}},
		{"Things like e.g. trails and hills. Also vs. roads.", []string{
			"Things like e.g. trails and hills.", "Also vs. roads."}},
		{"My loop is 10.5 km at 5:30 pace.", []string{"My loop is 10.5 km at 5:30 pace."}},
		{"Best day ever!!! 😊 So happy", []string{"Best day ever!!!", "😊 So happy"}},
		{"Racing? Not for me. Trails? Yes!", []string{"Racing? Not for me.", "Trails? Yes!"}},
		{"Do I race? I do.", []string{"Do I race?", "I do."}},
		{"I run, I work, I sleep, then I run again and it is fine", []string{
			"I run, I work, I sleep, then I run again and it is fine"}},
		{"He said \"go.\" So I went.", []string{"He said \"go.\"", "So I went."}},
		{"", nil},
		{"   \n\n ", nil},
	}
	for _, c := range cases {
		var got []string
		for _, sp := range splitSentences(c.in, nil) {
			got = append(got, c.in[sp.start:sp.end])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("split %q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"I Don't RUN", []string{"i", "don't", "run"}},
		{"I don’t race, I’m slow", []string{"i", "don't", "race", "|i'm", "slow"}},
		{"self-esteem and post-run coffee", []string{"self", "esteem", "and", "post", "run", "coffee"}},
		{"a 5k, a 10 km and a sub-4 (PB!)", []string{"a", "5", "k", "|a", "10", "km", "and", "a", "sub", "4", "|pb"}},
		{"sub4 3:30:00 21.1k 1,000", []string{"sub", "4", "3:30:00", "21.1", "k", "1,000"}},
		{"3rd place, 1st PR", []string{"3rd", "place", "|1st", "pr"}},
		{"runners' high — runner's high", []string{"runners", "high", "|runner's", "high"}},
		{"love it 😊❤️ fun", []string{"love", "it", "😊", "❤", "fun"}},
		{"Café CRÊPE", []string{"café", "crêpe"}},
	}
	for _, c := range cases {
		toks := tokenize(c.in, lowerSameLength(c.in), nil)
		var got []string
		for _, tk := range toks {
			w := tk.norm
			if tk.brk {
				w = "|" + w
			}
			got = append(got, w)
			if tk.emoji {
				continue
			}
			if !strings.EqualFold(strings.ReplaceAll(c.in[tk.start:tk.end], "’", "'"), tk.norm) {
				t.Errorf("%q: token %q does not match its bytes %q", c.in, tk.norm, c.in[tk.start:tk.end])
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("tokenize %q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestLexStem(t *testing.T) {
	same := [][]string{
		{"run", "runs", "running", "ran", "runner", "runners", "runner's"},
		{"race", "races", "racing", "raced"},
		{"compete", "competes", "competing", "competed"},
		{"explore", "explores", "exploring", "explored"},
		{"love", "loves", "loved", "loving"},
		{"buddy", "buddies"},
		{"fast", "faster", "fastest"},
		{"strong", "stronger", "strongest"},
		{"fit", "fits", "fitter", "fitting"},
		{"win", "wins", "winning", "won", "winner"},
		{"lose", "losing", "lost"},
		{"feel", "feels", "feeling", "felt"},
		{"consistent", "consistently"},
		{"happy", "happier", "happiest"},
		{"stress", "stressed", "stresses"},
		{"swim", "swimming", "swam"},
		{"schedule", "scheduled", "scheduling"},
		{"interest", "interests", "interested", "interesting"},
		{"weight", "weights"},
		{"place", "places", "placed", "placing"},
		{"trail", "trails"},
		{"morning", "mornings"},
		{"family", "families"},
		{"holiday", "holidays"},
		{"child", "children"},
	}
	for _, group := range same {
		want := lexStem(group[0])
		for _, w := range group[1:] {
			if got := lexStem(w); got != want {
				t.Errorf("stem(%q) = %q, want %q like %q", w, got, want, group[0])
			}
		}
	}
	differ := [][2]string{
		{"hat", "hate"}, {"evening", "even"}, {"quite", "quit"}, {"news", "new"},
		{"moment", "mom"}, {"lovely", "love"}, {"speed", "sped"}, {"needs", "ne"},
		{"thing", "th"}, {"being", "be"},
	}
	for _, p := range differ {
		if lexStem(p[0]) == lexStem(p[1]) {
			t.Errorf("stem(%q) == stem(%q) == %q; they should differ", p[0], p[1], lexStem(p[0]))
		}
	}
}

func TestLexiconCompiles(t *testing.T) {
	c, err := compileLexicon()
	if err != nil {
		t.Fatal(err)
	}
	perTheme := map[int8]int{}
	for _, e := range c.entries {
		if e.kind == opTheme && len(e.themes) == 0 {
			t.Errorf("%q has no theme", e.phrase)
		}
		for _, lt := range e.themes {
			perTheme[lt.theme]++
		}
	}
	for i, th := range themes {
		if n := perTheme[int8(i)]; n < 40 {
			t.Errorf("theme %s has only %d cues", th.ID, n)
		}
	}
	// Every glue word is safe to skip: none is a cue on its own.
	for _, w := range lexGlue {
		for _, ei := range append(c.byExact[w], c.byStem[lexStem(w)]...) {
			if e := c.entries[ei]; len(e.elems) == 1 && e.kind != opBlock {
				t.Errorf("glue word %q is also the cue %q", w, e.phrase)
			}
		}
	}
}

// ---------------------------------------------------------------- detection

func TestDetectInflections(t *testing.T) {
	runDetectCases(t, []detectCase{
		{text: "I love competing.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Toward}},
		{text: "Competition brings out the best in me.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Toward}},
		{text: "I'm a really competitive person.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Toward}},
		{text: "I hate racing.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "I hated every race I ever did.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "Exploring new paths keeps it fresh.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Exploration: workbook.Toward}},
		{text: "Exploration is the whole point for me.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Exploration: workbook.Toward}},
		{text: "I lost two stone in my first year.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Weight: workbook.Toward}},
		{text: "I'm losing weight slowly.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Weight: workbook.Toward}},
		{text: "Running with my buddies on Sundays.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward}},
		{text: "I want to get fitter and healthier.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Health: workbook.Toward}},
		{text: "I'm trying to be more consistent.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Routine: workbook.Toward}},
	})
}

func TestDetectPhrases(t *testing.T) {
	cases := []struct {
		text    string
		theme   catalog.ThemeID
		trigger string
	}{
		{"Chasing a new personal best this spring.", catalog.Achievement, "personal best"},
		{"It's how I clear my head.", catalog.Coping, "clear my head"},
		{"I mostly run with friends.", catalog.Affiliation, "with friends"},
		{"It's the only time for myself all week.", catalog.Coping, "time for myself"},
		{"I'd like to lose weight.", catalog.Weight, "lose weight"},
		{"I placed third in my age group.", catalog.Competition, "age group"},
		{"Crossing the finish line of my first half was amazing.", catalog.Achievement, "Crossing the finish line"},
		{"I feel most alive out in nature.", catalog.Exploration, "out in nature"},
		{"Some days it's hard to get out the door.", catalog.Routine, "get out the door"},
		{"Running is part of who I am.", catalog.Meaning, "part of who I am"},
		{"I want to see new places.", catalog.Exploration, "new places"},
	}
	for _, c := range cases {
		found := false
		for _, f := range Detect([]Source{{Text: c.text}}) {
			if f.Theme != c.theme {
				continue
			}
			found = true
			ev := f.Evidence[0]
			var trig []string
			for _, sp := range ev.Triggers {
				trig = append(trig, ev.Sentence[sp.Start:sp.End])
			}
			if !slices.ContainsFunc(trig, func(s string) bool { return strings.Contains(s, c.trigger) }) {
				t.Errorf("%q: %s triggers %q, want the phrase %q", c.text, c.theme, trig, c.trigger)
			}
		}
		if !found {
			t.Errorf("%q: %s not found", c.text, c.theme)
		}
	}
}

func TestDetectNegation(t *testing.T) {
	runDetectCases(t, []detectCase{
		{text: "I'm not running to lose weight.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Weight: workbook.Away}},
		{text: "I don't care about pace.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "I dont really care how fast I go", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "I hate races.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "I can't stand racing against people.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "I dread race day.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "Racing is not for me.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "Racing? Nope.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "Racing, not really.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "I'm not interested in medals.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Away}},
		{text: "Honestly I'm sick of chasing PBs.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "I'd rather not race.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "I have no desire to run a marathon.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "I no longer race.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "I don't race.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "I'm not a competitive person at all.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "Weight loss isn't why I run.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Weight: workbook.Away}},
		{text: "My weight has never been the point.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Weight: workbook.Away}},
		{text: "Medals don't motivate me.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Away}},
		{text: "Pace doesn't matter to me.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "I don't run for the medals or the t-shirts.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Away}},
		{text: "I don't care about pace, distance or medals.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Achievement: workbook.Away, catalog.Recognition: workbook.Away}},
		{text: "I run not because I want to lose weight but because it clears my head.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Weight: workbook.Away, catalog.Coping: workbook.Toward}},
		{text: "I'd rather explore a new trail than chase a PB.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Exploration: workbook.Toward, catalog.Achievement: workbook.Away}},
		{text: "I could never run with other people, I'd hate it.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Away}},
		{text: "I hate running alone, I need people to chat to.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward}},
		{text: "No watch, no pace, just running.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "Speed isn't important to me, consistency is.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away, catalog.Routine: workbook.Toward}},
	})
}

// The negation's scope: the clause, in the right direction, and never the
// word a negated thought leads to.
func TestDetectNegationScope(t *testing.T) {
	runDetectCases(t, []detectCase{
		{text: "I never thought I'd love it.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Joy: workbook.Toward}},
		{text: "I didn't think I'd enjoy running with a club, but I love it.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward, catalog.Joy: workbook.Toward}},
		{text: "I don't race, I run with my friends.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Competition: workbook.Away, catalog.Affiliation: workbook.Toward}},
		{text: "I don't need a medal to feel good.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Recognition: workbook.Away, catalog.Joy: workbook.Toward}},
		{text: "Not for the medal, for my mum.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Recognition: workbook.Away, catalog.Meaning: workbook.Toward}},
		{text: "I can't wait for my first marathon!", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Toward}},
		{text: "I've never run a marathon but it's my big dream.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Achievement: workbook.Toward}},
		{text: "I'd never raced before this year and I loved the start line buzz.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Toward}},
		{text: "Without my running group I'd be lost.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward}},
		{text: "I never miss my Tuesday club run.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Routine: workbook.Toward, catalog.Affiliation: workbook.Toward}},
		{text: "I couldn't run for a minute when I started and now I run 10k.",
			not: []catalog.ThemeID{catalog.Achievement}},
		{text: "I don't hate racing.", not: []catalog.ThemeID{catalog.Competition}},
		{text: "I don't think I'd enjoy racing.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away},
			not: []catalog.ThemeID{catalog.Joy}},
		// A negated problem is not an aversion; an aversion to a problem is a reason to run.
		{text: "I'm not anxious anymore.", not: []catalog.ThemeID{catalog.Coping}},
		{text: "I hate feeling anxious, so I run.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Coping: workbook.Toward}},
		{text: "I don't want to get injured again, so I do my strength work.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Health: workbook.Toward}},
	})
}

// How a cue is read around it: who the good feeling is about, wishes,
// suppositions, the past, and whose subject a negation has.
func TestDetectReading(t *testing.T) {
	runDetectCases(t, []detectCase{
		// A general good feeling goes to what it is about, and is joy only alone.
		{text: "The buzz on the start line of a fell race is addictive.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Competition: workbook.Toward}, not: []catalog.ThemeID{catalog.Joy}},
		{text: "Uploading my runs to Strava is the best bit.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Recognition: workbook.Toward}, not: []catalog.ThemeID{catalog.Joy}},
		{text: "It's fun. Simple as that.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Joy: workbook.Toward}},
		// A wish is not the joy of running.
		{text: "I'd love to run the coast path with my dad.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Affiliation: workbook.Toward}, not: []catalog.ThemeID{catalog.Joy}},
		// A negation inside a supposition is not an aversion.
		{text: "If I don't show up on Tuesday the group texts me.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Routine: workbook.Toward}},
		// "used to ... now" says where the runner is now.
		{text: "I used to chase PBs. These days I run for the view.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Achievement: workbook.Away}},
		{text: "I used to be really anxious and running sorted that out.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Coping: workbook.Toward}},
		// A copula negation turns its own subject, not the rest of the clause.
		{text: "Speed was never the point for me.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "Running with the club became part of who I am in a way work isn't.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Meaning: workbook.Toward, catalog.Affiliation: workbook.Toward}},
		// An object put first: "X I can't stand".
		{text: "The hill sessions I enjoy, the races I can't stand.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Competition: workbook.Away}},
		// A person, any person.
		{text: "This year I'm going to beat my neighbour at the Boxing Day 10k.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Competition: workbook.Toward}},
		{text: "Most Saturdays I run with my cousin.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward}},
		{text: "I didn't want to let my running partner down.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Affiliation: workbook.Toward}},
		// Days and times are description, habit is motive.
		{text: "I run Tuesdays, Thursdays and Saturdays at 7pm.", not: []catalog.ThemeID{catalog.Routine}},
		{text: "It's a habit, like brushing my teeth.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Routine: workbook.Toward}},
		// A body-size target is weight, not a time goal.
		{text: "I want to get under 70kg by summer.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Weight: workbook.Toward},
			not: []catalog.ThemeID{catalog.Achievement}},
		// Volunteering is meaning.
		{text: "I volunteer at parkrun most weeks, it matters to me.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Meaning: workbook.Toward}},
	})
	// Saying the same weak word again is not more evidence.
	if fs := Detect([]Source{{Text: "Races. I said races. Races again."}}); len(fs) > 0 {
		t.Errorf("a repeated weak word should not make a theme: %s", describe(fs))
	}
}

func TestDetectContrast(t *testing.T) {
	runDetectCases(t, []detectCase{
		{text: "I like the medals but I hate the racing part.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Recognition: workbook.Toward, catalog.Competition: workbook.Away}},
		{text: "Although I like getting a medal, the crowds at big races stress me out.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "I started running to lose weight, but now I run because it makes me happy.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Joy: workbook.Toward}},
		{text: "Competing stresses me out, however I love my club.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Competition: workbook.Away, catalog.Affiliation: workbook.Toward}},
	})
	// The clause after "but" is the speaker's point: it scores higher.
	fs := Detect([]Source{{Text: "I like the medals but I hate the racing part."}})
	if len(fs) < 2 || fs[0].Theme != catalog.Competition {
		t.Errorf("after the contrast, competition should lead: %+v", fs)
	}
	// Weakened, not erased: the same cue scores lower before "but".
	before := score(Detect([]Source{{Text: "I love my club but work is hectic."}}), catalog.Affiliation)
	alone := score(Detect([]Source{{Text: "I love my club and work is hectic."}}), catalog.Affiliation)
	if !(before > 0 && before < alone) {
		t.Errorf("club before 'but' scores %.2f, alone %.2f; want 0 < before < alone", before, alone)
	}
}

// A bad feeling said about a cue turns it away: the affect binds to what
// it is about, with the affect's direction.
func TestDetectAffectAboutCue(t *testing.T) {
	runDetectCases(t, []detectCase{
		{text: "Race day makes me feel sick.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "Race day gives me the fear, all those people.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "Chasing PBs made me feel like a failure.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "Sharing my runs on Instagram makes me feel like a fraud.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Away}},
		{text: "Big marathons fill me with dread.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "Club nights make me want to hide.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Away}},
		{text: "Running solo makes me feel lonely.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward}},
		// A good feeling is not turned: "makes me feel strong" is a reason.
		{text: "Hill reps make me feel strong.", want: map[catalog.ThemeID]workbook.Polarity{catalog.SelfEsteem: workbook.Toward}},
		// "Less anxious" is relief, not a bad feeling about running.
		{text: "Running makes me less anxious.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Coping: workbook.Toward}},
	})
}

// A dismissal at the end of its clause reaches back to what it dismisses:
// the clause before, a list, or a short topic sentence before it.
func TestDetectVerdicts(t *testing.T) {
	runDetectCases(t, []detectCase{
		{text: "Pace targets, not interested.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "Kudos, likes on Instagram, all that stuff - not bothered.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Away}},
		{text: "Medals? Couldn't care less.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Away}},
		{text: "Racing. Meh.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "Losing weight? I'm done with that.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Weight: workbook.Away}},
		{text: "Group runs? Hard pass.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Away}},
		{text: "Age group prizes, not my thing really.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "Meh, personal bests.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "Everyone assumes I run to get slim. Far from it.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Weight: workbook.Away}},
		{text: "My heart health, longevity and so on - but honestly that's not why.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Health: workbook.Away}},
		// A verdict turned round: "which is exactly why".
		{text: "An ultra scares me, which is exactly why I want one.", not: []catalog.ThemeID{catalog.Achievement}},
		// A long sentence before is no topic for a bare verdict.
		{text: "I run with my club on Tuesdays and we get chips after the run. Not for me, the racing though.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward}},
		// Someone else's "doesn't" is not a verdict on the runner's cue.
		{text: "Work moves around, my Saturday parkrun with the club doesn't.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward}},
	})
}

// "It" is what was named last: "I'm dreading it" turns the half marathon
// away, not the sister. (The model may read the sister as company; that is
// a weak reading of its own, not the verdict reaching her.)
func TestDetectVerdictIt(t *testing.T) {
	text := "My sister signed me up for a half marathon. I'm dreading it."
	for name, fs := range map[string][]Finding{
		"Detect":        Detect([]Source{{Text: text}}),
		"detectLexicon": detectLexicon([]Source{{Text: text}}),
	} {
		if p, ok := polarityOf(fs, catalog.Achievement); !ok || p != workbook.Away {
			t.Errorf("%s: achievement should be averse: %s", name, describe(fs))
		}
		if p, ok := polarityOf(fs, catalog.Affiliation); ok && p == workbook.Away {
			t.Errorf("%s: the verdict reached the sister: %s", name, describe(fs))
		}
	}
	if _, ok := polarityOf(detectLexicon([]Source{{Text: text}}), catalog.Affiliation); ok {
		t.Errorf("the lexicon alone should not propose company here")
	}
}

// A dismissal after a cue a negation has turned settles it; so does
// accepting it.
func TestDetectSettledNegation(t *testing.T) {
	runDetectCases(t, []detectCase{
		{text: "I'm not fast and I don't care.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "I've never been quick and I'm fine with that.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "Not a racer, and that's ok.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		// Acceptance alone turns nothing.
		{text: "I'm quick and I'm fine with that.", not: []catalog.ThemeID{catalog.Achievement}},
	})
}

// Lists: a head with a colon or dash reaches every item; an aversion gives
// every item its weight.
func TestDetectLists(t *testing.T) {
	runDetectCases(t, []detectCase{
		{text: "hate: crowds, medals, anyone going on about splits", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Recognition: workbook.Away, catalog.Achievement: workbook.Away}},
		{text: "Love - my club, the trails, the hills", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Affiliation: workbook.Toward, catalog.Exploration: workbook.Toward}},
		{text: "I really couldn't care less about placings or times.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Competition: workbook.Away, catalog.Achievement: workbook.Away}},
		// The bonus goes to what a cue says most clearly: a medal is
		// recognition first.
		{text: "Not bothered about medals.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Away},
			not: []catalog.ThemeID{catalog.Achievement}},
	})
}

// Negated actions: a verb of doing or attending in between still rejects.
func TestDetectNegatedActions(t *testing.T) {
	runDetectCases(t, []detectCase{
		{text: "I don't look at my times.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "I don't do Instagram.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Away}},
		{text: "I'm not chasing anything this year.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "Not races.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "I've no big goal.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "I stopped pretending I'd ever get faster.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "I've never raced and I've no plan to.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		// Two negations cancel.
		{text: "I haven't stopped racing.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Toward}},
		// A trouble that stops is what running is for.
		{text: "Running made me stop hating myself.", want: map[catalog.ThemeID]workbook.Polarity{catalog.SelfEsteem: workbook.Toward}},
		{text: "Too much chat for me.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Away}},
		{text: "There's too much stress at work, running is my outlet.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Coping: workbook.Toward}},
		// "I'm not fast" describes; alone it is not an aversion.
		{text: "I'm not fast.", not: []catalog.ThemeID{catalog.Achievement}},
	})
}

// "used to hate X ... now" undoes the old aversion.
func TestDetectPastAversion(t *testing.T) {
	runDetectCases(t, []detectCase{
		{text: "I used to hate club runs, now they're the highlight of my week.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward}},
		{text: "I used to dread racing. Now I can't get enough of it.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Toward}},
		// What comes after "now" is the present.
		{text: "I used to hate my legs and now I feel strong and capable.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.SelfEsteem: workbook.Toward}},
	})
}

// Cues whose words appear in other talk: company needs something run or
// done together, a yardstick is not a motive, someone else's goal is not
// the runner's.
func TestDetectOtherTalk(t *testing.T) {
	runDetectCases(t, []detectCase{
		{text: "I'm so much calmer with the kids since I started.", not: []catalog.ThemeID{catalog.Affiliation}},
		{text: "Saturday parkrun with my brother is sacred.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward}},
		{text: "Seeing her cross the line was better than any PB.", not: []catalog.ThemeID{catalog.Achievement}},
		{text: "I paced my neighbour round her first half marathon.", want: map[catalog.ThemeID]workbook.Polarity{
			catalog.Affiliation: workbook.Toward}, not: []catalog.ThemeID{catalog.Achievement}},
		{text: "My dad came to watch my first marathon.", not: []catalog.ThemeID{catalog.Achievement}},
		{text: "I'd love for my partner to take it up.", not: []catalog.ThemeID{catalog.Meaning}},
		{text: "I could cry without anyone seeing me out there.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Away}},
		// Words that only look like cues.
		{text: "It doesn't matter what the weather does, I think it's good for me.",
			not: []catalog.ThemeID{catalog.Affiliation, catalog.Coping}},
		{text: "That means a lot, I suppose.", not: []catalog.ThemeID{catalog.Meaning}},
		{text: "A glass of wine after the long run.", not: []catalog.ThemeID{catalog.Competition}},
		{text: "I keep notes on every run.", not: []catalog.ThemeID{catalog.Competition, catalog.Achievement, catalog.Joy}},
		{text: "I'd never beat myself up about a bad run.", not: []catalog.ThemeID{catalog.Achievement}},
		{text: "I run on purpose at lunch.", not: []catalog.ThemeID{catalog.Meaning}},
	})
}

// How runners say it without the theme's name.
func TestDetectPhraseFamilies(t *testing.T) {
	runDetectCases(t, []detectCase{
		{text: "Phone off, out the door, nobody can get hold of me for an hour.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Coping: workbook.Toward}},
		{text: "It's my pressure valve after a long shift.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Coping: workbook.Toward}},
		{text: "I'm a much nicer person to be around when I've run.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Coping: workbook.Toward}},
		{text: "Honestly it's my happy place.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Joy: workbook.Toward}},
		{text: "On a good day I lose track of time out there.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Joy: workbook.Toward}},
		{text: "Everyone at the office knows me as the runner now.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Toward}},
		{text: "The captain gave me a shout-out in the club newsletter.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Toward}},
		{text: "I had no confidence when I started.", want: map[catalog.ThemeID]workbook.Polarity{catalog.SelfEsteem: workbook.Toward}},
		{text: "Running his old route keeps him close.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Meaning: workbook.Toward}},
		{text: "It's not that deep, it's just exercise.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Meaning: workbook.Away}},
		{text: "I'm on 40 days in a row.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Routine: workbook.Toward}},
		{text: "Some days I don't fancy it and I go anyway.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Routine: workbook.Toward}},
		{text: "I couldn't care less where I come.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Away}},
		{text: "I do the big ones for the atmosphere.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Joy: workbook.Toward}},
		{text: "I want to take ten minutes off my marathon time.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Toward}},
		{text: "Used to chase times, but I couldn't tell you my PB now.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
	})
}

func score(fs []Finding, theme catalog.ThemeID) float64 {
	for _, f := range fs {
		if f.Theme == theme {
			return f.Score
		}
	}
	return 0
}

func TestDetectStaysQuiet(t *testing.T) {
	for _, text := range []string{
		"", "   ", "n/a", "N/A", "not sure", "Not sure.", "idk", "Fun", "Friends.", "yes", "no",
		"Nothing really.", "I don't know yet.", "...", "😊", "-", "Maybe.",
		"I have a dog.", "My friends are nice.", "It was fast.", "I like it.",
		"Two kids, full time job and my husband works shifts.",
		"I'd love to try a parkrun one day.",
		"Meh.", "Not for me.", "Hard pass.", "Couldn't care less.", "I'm fine with that.",
		"My phone died halfway round.", "It doesn't matter.", "I think so.",
	} {
		if fs := Detect([]Source{{Text: text}}); len(fs) > 0 {
			t.Errorf("%q: want no findings, got %s", text, describe(fs))
		}
	}
	if fs := Detect(nil); fs != nil {
		t.Errorf("Detect(nil) = %v", fs)
	}
}

func describe(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(string(f.Theme) + f.Polarity.String() + " ")
	}
	return b.String()
}

// Runners rarely use the theme's own name; the lexicon has to know how they
// do write.
func TestDetectLexiconReach(t *testing.T) {
	runDetectCases(t, []detectCase{
		// coping
		{text: "It's where I switch off from work.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Coping: workbook.Toward}},
		{text: "Running is cheaper than therapy.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Coping: workbook.Toward}},
		{text: "It keeps me sane with three kids.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Coping: workbook.Toward}},
		{text: "The one hour a day when nobody needs anything from me.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Coping: workbook.Toward}},
		{text: "I need the head space after a long week.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Coping: workbook.Toward}},
		{text: "I decompress on the way home.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Coping: workbook.Toward}},
		// joy
		{text: "I come back with a massive grin every time.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Joy: workbook.Toward}},
		{text: "On a good day I feel like I'm flying.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Joy: workbook.Toward}},
		{text: "I just love the feeling of moving.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Joy: workbook.Toward}},
		{text: "Splashing through puddles like a kid is so much fun.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Joy: workbook.Toward}},
		// routine
		{text: "It's a habit now, like brushing my teeth.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Routine: workbook.Toward}},
		{text: "I run every morning before the kids wake up.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Routine: workbook.Toward}},
		{text: "I'm on a 200 day streak.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Routine: workbook.Toward}},
		{text: "I fit it in on my lunch break.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Routine: workbook.Toward}},
		{text: "3 times a week, rain or shine.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Routine: workbook.Toward}},
		// affiliation
		{text: "My running club is my second family.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward}},
		{text: "The Saturday crew keeps me coming back.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward}},
		{text: "I love running with my kids.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward}},
		{text: "Half the fun is the chat on the way round.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward}},
		{text: "My parkrun friends are the best part of my week.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Affiliation: workbook.Toward}},
		// recognition
		{text: "I'll admit the kudos on Strava keeps me going.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Toward}},
		{text: "I like it when people notice how far I've come.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Toward}},
		{text: "My parents were so proud of me.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Toward}},
		{text: "I love a bit of bling at the end.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Recognition: workbook.Toward}},
		// competition
		{text: "I want to podium in my age group.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Toward}},
		{text: "Beating my rival at the club champs was the best.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Toward}},
		{text: "I came 3rd place overall!", want: map[catalog.ThemeID]workbook.Polarity{catalog.Competition: workbook.Toward}},
		// achievement
		{text: "Going for a sub-50 10k in the autumn.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Toward}},
		{text: "I want a new PB at parkrun.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Toward}},
		{text: "My goal time is 3:45.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Toward}},
		{text: "My first marathon is in April.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Toward}},
		{text: "I love seeing the data after a run.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Toward}},
		// health
		{text: "My doctor said my blood pressure was too high.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Health: workbook.Toward}},
		{text: "I want to live longer for my grandkids.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Health: workbook.Toward}},
		{text: "I sleep better and have more energy.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Health: workbook.Toward}},
		{text: "After the diabetes diagnosis I had to change something.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Health: workbook.Toward}},
		// weight
		{text: "I've dropped 12 kg since January.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Weight: workbook.Toward}},
		{text: "I'd like to get back to a healthy BMI.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Weight: workbook.Toward}},
		{text: "I want to slim down for the wedding.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Weight: workbook.Toward}},
		// self-esteem
		{text: "It has given me so much confidence.", want: map[catalog.ThemeID]workbook.Polarity{catalog.SelfEsteem: workbook.Toward}},
		{text: "I finally believe in myself.", want: map[catalog.ThemeID]workbook.Polarity{catalog.SelfEsteem: workbook.Toward}},
		{text: "It showed me I'm capable of more than I thought.", want: map[catalog.ThemeID]workbook.Polarity{catalog.SelfEsteem: workbook.Toward}},
		{text: "I'm proud of my body for the first time.", want: map[catalog.ThemeID]workbook.Polarity{catalog.SelfEsteem: workbook.Toward}},
		// meaning
		{text: "Running is who I am now.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Meaning: workbook.Toward}},
		{text: "I'm raising money for the hospice that cared for my dad.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Meaning: workbook.Toward}},
		{text: "I run for my brother, every step.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Meaning: workbook.Toward}},
		{text: "It gives my week a sense of purpose.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Meaning: workbook.Toward}},
		// exploration
		{text: "I'd love to run the trails in the Alps.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Exploration: workbook.Toward}},
		{text: "I always pack my shoes when I travel.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Exploration: workbook.Toward}},
		{text: "Finding new routes around town is half the fun.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Exploration: workbook.Toward}},
		{text: "I run wherever we go on holiday.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Exploration: workbook.Toward}},
		{text: "A bit of adventure in the mountains.", want: map[catalog.ThemeID]workbook.Polarity{catalog.Exploration: workbook.Toward}},
	})
}

func TestDetectQuestionContext(t *testing.T) {
	for _, c := range []struct {
		text string
		want workbook.Polarity
	}{
		{"Not really.", workbook.Away},
		{"No.", workbook.Away},
		{"Nope, I just run.", workbook.Away},
		{"Absolutely!", workbook.Toward},
		{"Yes, I love it.", workbook.Toward},
	} {
		fs := Detect([]Source{{Label: "competition", Text: c.text}})
		if p, ok := polarityOf(fs, catalog.Competition); !ok || p != c.want {
			t.Errorf("competition answer %q: got %v, want %s", c.text, describe(fs), c.want)
		}
	}
	// The same words to another question say nothing.
	if fs := Detect([]Source{{Label: "busy-life", Text: "Not really."}}); len(fs) > 0 {
		t.Errorf("busy-life answer 'Not really.': got %s", describe(fs))
	}
}

func polarityOf(fs []Finding, theme catalog.ThemeID) (workbook.Polarity, bool) {
	for _, f := range fs {
		if f.Theme == theme {
			return f.Polarity, true
		}
	}
	return 0, false
}

func TestDetectEvidence(t *testing.T) {
	sources := []Source{
		{Label: "places-and-people", Text: "- I love running with my club on Thursdays.\n- Trails!"},
		{Label: "competition", Text: "  Racing? I hate it... the pressure of racing stresses me out.  "},
		{Label: "busy-life", Text: "My club runs keep me going. I don't race."},
	}
	fs := Detect(sources)
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	for i, f := range fs {
		if f.Score <= 0 || f.Score > 1 {
			t.Errorf("%s: score %v out of (0, 1]", f.Theme, f.Score)
		}
		if f.Strength < Faint || f.Strength > Strong {
			t.Errorf("%s: strength %d", f.Theme, f.Strength)
		}
		if i > 0 {
			p := fs[i-1]
			if f.Strength > p.Strength || f.Strength == p.Strength && f.Score > p.Score {
				t.Errorf("findings not strongest first: %s %s %.3f after %s %s %.3f", f.Theme, f.Strength, f.Score, p.Theme, p.Strength, p.Score)
			}
		}
		if len(f.Evidence) == 0 || f.Evidence[0].Polarity != f.Polarity {
			t.Errorf("%s: first evidence should share the finding's polarity", f.Theme)
		}
		opposite := false
		for _, ev := range f.Evidence {
			if ev.Polarity != f.Polarity {
				opposite = true
			} else if opposite {
				t.Errorf("%s: evidence of the finding's polarity after the opposite", f.Theme)
			}
			if ev.Sentence != strings.TrimSpace(ev.Sentence) || strings.HasPrefix(ev.Sentence, "- ") {
				t.Errorf("%s: sentence %q not trimmed", f.Theme, ev.Sentence)
			}
			if !slices.ContainsFunc(sources, func(s Source) bool { return s.Label == ev.Source }) {
				t.Errorf("%s: unknown source %q", f.Theme, ev.Source)
			}
			if len(ev.Triggers) == 0 {
				t.Errorf("%s: %q has no triggers", f.Theme, ev.Sentence)
			}
			for k, sp := range ev.Triggers {
				if sp.Start < 0 || sp.End > len(ev.Sentence) || sp.Start >= sp.End {
					t.Errorf("%s: bad span %v in %q", f.Theme, sp, ev.Sentence)
					continue
				}
				if k > 0 && sp.Start < ev.Triggers[k-1].End {
					t.Errorf("%s: spans overlap or are unsorted in %q: %v", f.Theme, ev.Sentence, ev.Triggers)
				}
			}
		}
	}
	aff, _ := findingOf(fs, catalog.Affiliation)
	if aff.Polarity != workbook.Toward || len(aff.Evidence) != 2 {
		t.Fatalf("affiliation: %+v", aff)
	}
	ev := aff.Evidence[0]
	if ev.Source != "places-and-people" || ev.Sentence != "I love running with my club on Thursdays." {
		t.Errorf("strongest affiliation evidence = %q from %q", ev.Sentence, ev.Source)
	}
	comp, _ := findingOf(fs, catalog.Competition)
	if comp.Polarity != workbook.Away {
		t.Errorf("competition should be averse: %+v", comp)
	}
	var words []string
	for _, ev := range comp.Evidence {
		for _, sp := range ev.Triggers {
			words = append(words, ev.Sentence[sp.Start:sp.End])
		}
	}
	for _, w := range []string{"racing", "stresses me out", "don't", "race"} {
		if !slices.Contains(words, w) {
			t.Errorf("competition triggers %q lack %q", words, w)
		}
	}
}

func findingOf(fs []Finding, theme catalog.ThemeID) (Finding, bool) {
	for _, f := range fs {
		if f.Theme == theme {
			return f, true
		}
	}
	return Finding{}, false
}

func TestDetectMixedEvidence(t *testing.T) {
	// Both directions in one set of answers: the net direction wins and the
	// other side is still shown.
	fs := Detect([]Source{
		{Label: "a", Text: "I hate racing and I never want to race again."},
		{Label: "b", Text: "The one race I loved was a trail relay with friends."},
	})
	comp, ok := findingOf(fs, catalog.Competition)
	if !ok || comp.Polarity != workbook.Away {
		t.Fatalf("competition: %+v", fs)
	}
	last := comp.Evidence[len(comp.Evidence)-1]
	if last.Polarity != workbook.Toward || last.Source != "b" {
		t.Errorf("opposite evidence should come last: %+v", comp.Evidence)
	}
	// Evenly mixed: left for the runner.
	if _, ok := findingOf(Detect([]Source{{Text: "I love racing. I hate racing."}}), catalog.Competition); ok {
		t.Errorf("evenly mixed evidence should not be proposed")
	}
}

func TestDetectDeterministic(t *testing.T) {
	sources := benchSources()
	first := Detect(sources)
	if len(first) < 5 {
		t.Fatalf("the benchmark season should show several themes, got %s", describe(first))
	}
	for range 5 {
		if again := Detect(sources); !reflect.DeepEqual(first, again) {
			t.Fatalf("Detect is not deterministic:\n%+v\n%+v", first, again)
		}
	}
}

// TestDetectNeverBothSides: one sentence is never evidence both for and
// against a theme, and words that only look like a motive turned around
// are not one.
func TestDetectNeverBothSides(t *testing.T) {
	for _, c := range []struct {
		text  string
		theme catalog.ThemeID
		want  workbook.Polarity // the side the sentence may be evidence for; 0: none
	}{
		// Running alone is not being drawn to company; the friend is.
		{"Mostly I run alone, but now and then with a friend from work.", catalog.Affiliation, workbook.Toward},
		{"Mostly I run alone, early, before anyone else is up.", catalog.Affiliation, workbook.Away},
		// Lost without the group is praise of it.
		{"My running club got me through last winter and I would be lost without the group.", catalog.Affiliation, workbook.Toward},
		{"I'd be lost without the girls from the club.", catalog.Affiliation, workbook.Toward},
		// "not" and "mind" are not a denial of head space.
		{"Nobody was there and I did not have a time in mind, I just ran.", catalog.Coping, 0},
	} {
		sides := evidenceSides(Detect([]Source{{Label: "test", Text: c.text}}), c.theme)
		switch {
		case len(sides) > 1:
			t.Errorf("%q is evidence both ways for %s", c.text, c.theme)
		case c.want == 0 && len(sides) > 0:
			t.Errorf("%q is evidence for %s (%v), want none", c.text, c.theme, sides)
		case c.want != 0 && !sides[c.want]:
			t.Errorf("%q: %s evidence %v, want %s", c.text, c.theme, sides, c.want)
		}
	}
}

// evidenceSides gives the sides a theme's evidence points to.
func evidenceSides(fs []Finding, theme catalog.ThemeID) map[workbook.Polarity]bool {
	out := map[workbook.Polarity]bool{}
	for _, f := range fs {
		if f.Theme == theme {
			for _, ev := range f.Evidence {
				out[ev.Polarity] = true
			}
		}
	}
	return out
}

// TestEvidenceOneSidePerSentence checks, over every labelled set, that no
// sentence is evidence on both sides of one theme: each statement read on
// its own, and each set read at once as one long season of answers. It
// looks only at Detect's output, never at the labels.
func TestEvidenceOneSidePerSentence(t *testing.T) {
	check := func(name string, heldOut bool, fs []Finding) {
		t.Helper()
		for _, f := range fs {
			side := map[[2]string]workbook.Polarity{}
			for _, ev := range f.Evidence {
				k := [2]string{ev.Source, ev.Sentence}
				if p, ok := side[k]; ok && p != ev.Polarity {
					if heldOut {
						// Never quote a held-out set.
						t.Errorf("%s: a sentence is evidence both ways for %s", name, f.Theme)
					} else {
						t.Errorf("%s: %q is evidence both ways for %s", name, ev.Sentence, f.Theme)
					}
				}
				side[k] = ev.Polarity
			}
		}
	}
	for _, set := range evalSets {
		cases := loadEvalCases(t, set.path)
		season := make([]Source, len(cases))
		for i, c := range cases {
			season[i] = Source{Label: c.ID, Text: c.Text}
			check(c.ID, set.heldOut, Detect(season[i:i+1]))
		}
		check(set.path, set.heldOut, Detect(season))
	}
}

// TestDetectVerdictsInRealAnswers: dismissals as real answers put them,
// after a "so", or said of what comes first.
func TestDetectVerdictsInRealAnswers(t *testing.T) {
	runDetectCases(t, []detectCase{
		{text: "Pace is all over the place depending on shifts so I stopped caring about it.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
		{text: "Numbers don't drive me, I'm not going to pretend they do.",
			want: map[catalog.ThemeID]workbook.Polarity{catalog.Achievement: workbook.Away}},
	})
}

// TestDetectVerdictBeforeANewSubject: a verdict that ends its clause with
// "and I ..." (no comma) still judges the list before it. The fresh walk
// found the start pen read as a reason to race, under a "rather not"
// Competition, because the verdict was followed by "and I stop".
func TestDetectVerdictBeforeANewSubject(t *testing.T) {
	for _, text := range []string{
		"The crowds, the start pen, the pressure of a number on my chest: it all makes me anxious and I stop enjoying running.",
		"The crowds, the start pen, the pressure of a number on my chest: it all makes me anxious so I stay home.",
		"I hate races. The crowds, the start pen, the pressure of a number on my chest: it all makes me anxious and I stop enjoying running.",
	} {
		for name, fs := range map[string][]Finding{
			"Detect":        Detect([]Source{{Text: text}}),
			"detectLexicon": detectLexicon([]Source{{Text: text}}),
		} {
			for _, f := range fs {
				if f.Theme != catalog.Competition {
					continue
				}
				for _, e := range f.Evidence {
					if e.Polarity == workbook.Toward {
						t.Errorf("%s %q: evidence for racing: %+v", name, text, e)
					}
				}
			}
			if p, ok := polarityOf(fs, catalog.Competition); !ok || p != workbook.Away {
				t.Errorf("%s %q: competition should be averse: %s", name, text, describe(fs))
			}
		}
	}
}

// TestEvidenceSaysEachSentenceOnce: an answer that repeats itself, or two
// answers that share a sentence, show that sentence once.
func TestEvidenceSaysEachSentenceOnce(t *testing.T) {
	srcs := []Source{
		{Label: "beyond-running", Text: strings.Repeat("Running keeps me sane. ", 8) + "It is the one hour that clears my head after work, every single day of the week."},
		{Label: "busy-life", Text: "Running keeps me  sane."},
	}
	for name, fs := range map[string][]Finding{"Detect": Detect(srcs), "detectLexicon": detectLexicon(srcs)} {
		f, ok := findingOf(fs, catalog.Coping)
		if !ok {
			t.Fatalf("%s: no coping: %s", name, describe(fs))
		}
		n := 0
		for _, e := range f.Evidence {
			if strings.EqualFold(strings.Join(strings.Fields(e.Sentence), " "), "Running keeps me sane.") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %q shown %d times", name, "Running keeps me sane.", n)
		}
	}
}
