package detect

import (
	"testing"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// How runners say the "rather not" side, mechanism by mechanism. Every
// sentence is invented for these tests; none comes from a labelled set.
// They read with the lexicon alone (detectLexicon), the reader the model
// builds on, so that a mechanism is tested where it lives.

// readerCase is one text, the themes the reader must propose with their
// polarity, and the themes it must not propose at all.
type readerCase struct {
	text  string
	label string // the question it answers, if any
	want  map[catalog.ThemeID]workbook.Polarity
	not   []catalog.ThemeID
}

func runReaderCases(t *testing.T, cases []readerCase) {
	t.Helper()
	for _, c := range cases {
		fs := detectLexicon([]Source{{Label: c.label, Text: c.text}})
		got := map[catalog.ThemeID]workbook.Polarity{}
		for _, f := range fs {
			got[f.Theme] = f.Polarity
		}
		for theme, pol := range c.want {
			if gp, ok := got[theme]; !ok {
				t.Errorf("%q: %s not found (got %s)", c.text, theme, describe(fs))
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

// drawnTo and ratherNot are the two polarities, for short tables.
const (
	drawnTo   = workbook.Toward
	ratherNot = workbook.Away
)

// want builds a table's expectations from theme, polarity pairs.
func want(kv ...any) map[catalog.ThemeID]workbook.Polarity {
	m := map[catalog.ThemeID]workbook.Polarity{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(catalog.ThemeID)] = kv[i+1].(workbook.Polarity)
	}
	return m
}

// A subject that is itself a denial, "none of us", "neither of us",
// negates its verb as "we don't" would.
func TestReaderDenyingSubjects(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "None of us care about splits on a Sunday.", want: want(catalog.Achievement, ratherNot)},
		{text: "Neither of us bothers with a watch.", want: want(catalog.Achievement, ratherNot)},
		{text: "None of us are in it for the medals.", want: want(catalog.Recognition, ratherNot)},
		// A denial that is not the subject still only reaches its window.
		{text: "I run with none of the pressure I had at work.", not: []catalog.ThemeID{catalog.Coping}},
	})
}

// A cue that carries its own "no" ("no plan", "no watch") is not turned
// again by the "no" that heads its list.
func TestReaderSelfDeniedListItems(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "No races, no plan, no pressure.", want: want(catalog.Competition, ratherNot, catalog.Routine, ratherNot)},
		{text: "No parkrun, no watch, nothing.", want: want(catalog.Achievement, ratherNot)},
	})
}

// A pronoun object points back at what was named: "I avoid them", "I
// gave it up". The nearest cue before it, in its clause's sentence or the
// one before, is what is turned down.
func TestReaderPronounObjects(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "Everyone at work talks about their splits. I ignore them when I'm out.", want: want(catalog.Achievement, ratherNot)},
		{text: "I had a training plan on the fridge for years. I binned it in January and I don't miss it.",
			want: want(catalog.Routine, ratherNot)},
		{text: "The club used to send me race entries. I stopped opening them after a while.",
			want: want(catalog.Competition, ratherNot)},
		// The pronoun is the runner's object; the cue is nearer than the person.
		{text: "My brother keeps sending me marathon links. I delete them.", want: want(catalog.Achievement, ratherNot),
			not: []catalog.ThemeID{catalog.Affiliation}},
		// "it" as a subject of something good stays good.
		{text: "I joined a club last year. I love it.", want: want(catalog.Affiliation, drawnTo)},
	})
}

// After "care", "mind" or "know", a question word opens what is cared
// about, not a new clause: "I don't care who finishes ahead of me".
func TestReaderCareAboutWhat(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "I genuinely don't care who finishes ahead of me.", want: want(catalog.Competition, ratherNot)},
		{text: "I don't care how fast I go as long as I get out.", want: want(catalog.Achievement, ratherNot)},
		{text: "I honestly couldn't tell you what my 10k time is.", want: want(catalog.Achievement, ratherNot)},
		// "when" after a plain verb still opens a clause of its own.
		{text: "I don't run when I'm chasing a deadline at work.", not: []catalog.ThemeID{catalog.Achievement}},
	})
}

// A "not" that opens a clause without a verb rejects what it names, as one
// that opens a sentence does: "..., not the racing".
func TestReaderNotThisButThat(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "It's the people I go for, not the racing.", want: want(catalog.Affiliation, drawnTo, catalog.Competition, ratherNot)},
		{text: "I run to clear my head, not to chase a time on a watch.", want: want(catalog.Coping, drawnTo, catalog.Achievement, ratherNot)},
		{text: "Not races, not medals, just the hills and a flask.", want: want(catalog.Competition, ratherNot)},
		// A "not" with a verb after it describes: "not" + "fast" is no aversion.
		{text: "I like the hills, not that I'm fast on them.", not: []catalog.ThemeID{catalog.Achievement}},
	})
}

// A refusal of the future turns an experience into a choice: "I've never
// raced" reports, "I've never raced and I never will" refuses. "Never
// again" after a story refuses what the story was about.
func TestReaderFutureRefusal(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "I've never raced and I never will.", want: want(catalog.Competition, ratherNot)},
		{text: "I've never done a marathon and I don't intend to.", want: want(catalog.Achievement, ratherNot)},
		{text: "I did one road race in 2019, elbows everywhere at the start. Never again.", want: want(catalog.Competition, ratherNot)},
		{text: "Club time trial? Did it once. Never again.", want: want(catalog.Competition, ratherNot)},
		// Experience alone stays experience.
		{text: "I've never raced before.", not: []catalog.ThemeID{catalog.Competition}},
		{text: "I've never done a marathon but I'd love to.", not: []catalog.ThemeID{catalog.Achievement}},
	})
}

// "Not a ... person": an identity turned down is an aversion, not a
// description.
func TestReaderNotThatKindOfPerson(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "I'm not a numbers person.", want: want(catalog.Achievement, ratherNot)},
		{text: "Honestly I've never been a race person.", want: want(catalog.Competition, ratherNot)},
		{text: "I'm not a group runner, I'm happier alone.", want: want(catalog.Affiliation, ratherNot)},
	})
}

// Quiet aversions: the thing given away, put in a drawer, not missed.
func TestReaderQuietAversions(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "I sold my Garmin last spring.", want: want(catalog.Achievement, ratherNot)},
		{text: "The watch is in a drawer now.", want: want(catalog.Achievement, ratherNot)},
		{text: "Turned the GPS off in March and never looked back.", want: want(catalog.Achievement, ratherNot)},
		{text: "I gave away all my medals years ago.", want: want(catalog.Recognition, ratherNot)},
		// Selling or giving away something else says nothing.
		{text: "I sold my car and run to work now.", not: []catalog.ThemeID{catalog.Achievement}},
	})
}

// "Used to ... now ..." across an answer: the present may come a sentence
// or two later.
func TestReaderThenAndNow(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "It used to be all about my PBs. I had a spreadsheet for everything. Now I just go out and see how I feel.",
			want: want(catalog.Achievement, ratherNot)},
		{text: "Years ago I chased a PB every weekend. I had a spreadsheet for it all. These days I jog with the dog.",
			want: want(catalog.Achievement, ratherNot)},
		// A trouble in the past is still why they run.
		{text: "I used to be so anxious. I barely left the house. Now I run every morning.",
			want: want(catalog.Coping, drawnTo)},
	})
}

// "I'm not." "I don't." A verb left out points back at what was said
// before, often about someone else.
func TestReaderElliptical(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "Everyone at work thinks I'm training for a marathon. I'm not.", want: want(catalog.Achievement, ratherNot)},
		{text: "My coach wants me to race the county champs. I don't.", want: want(catalog.Competition, ratherNot)},
		// A yes is not a no.
		{text: "My coach wants me to race the county champs. I do too.", want: want(catalog.Competition, drawnTo)},
	})
}

// What a goal does to the runner says how they feel about it: "if I
// chased times I'd end up hating it", "whenever I set a target I start
// dreading my runs".
func TestReaderBadConsequence(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "If I chased times I'd end up hating it.", want: want(catalog.Achievement, ratherNot)},
		{text: "Whenever I set a target I start dreading my runs.", want: want(catalog.Achievement, ratherNot)},
		{text: "Every time I enter a race I feel sick for a week.", want: want(catalog.Competition, ratherNot)},
		// A bad feeling running eases is still why they run.
		{text: "Whenever I'm stressed I go for a run and it clears my head.", want: want(catalog.Coping, drawnTo)},
		{text: "If I miss a run I feel awful.", not: []catalog.ThemeID{catalog.Routine}},
	})
}

// Sarcasm says the opposite of its words: a wink (🙃, 🙄), "said no one",
// "nothing says ... like", a claim taken back ("(It isn't.)").
func TestReaderSarcasm(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "Oh yes, I live for the age group results 🙃", want: want(catalog.Competition, ratherNot)},
		{text: "Nothing says fun like a club captain shouting splits at you.", want: want(catalog.Achievement, ratherNot),
			not: []catalog.ThemeID{catalog.Joy}},
		{text: "A marathon in the sleet with four thousand strangers. Said no one ever.", want: want(catalog.Achievement, ratherNot)},
		{text: "My dream weekend is obviously a mass start road race. (It isn't.)", want: want(catalog.Competition, ratherNot)},
		{text: "Posting every run for the likes, because that's so healthy 🙄", want: want(catalog.Recognition, ratherNot)},
		// A plain smile is no wink.
		{text: "I love the age group results 🙂", want: want(catalog.Competition, drawnTo)},
	})
}

// "I'm not." "I don't." A verb left out points back at what was said

// A verdict on a cue that carries its own "no" settles it rather than
// turning it back: "No watch, no splits, I'm not interested in any of
// that" is against numbers twice over.
func TestReaderDeniedCuesSettle(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "No watch, no splits, I'm not interested in any of that.", want: want(catalog.Achievement, ratherNot)},
		{text: "Mostly on my own and I hate it, honestly.", want: want(catalog.Affiliation, drawnTo)},
	})
}

// Not doing something to what a pronoun points back at: "I try not to
// look at it", "I never check them".
func TestReaderNotDoingItToIt(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "My weekly mileage used to rule me. Now I try not to look at it.", want: want(catalog.Achievement, ratherNot)},
		{text: "The app sends me my splits after every run. I never check them.", want: want(catalog.Achievement, ratherNot)},
		// Looking at something good stays good.
		{text: "I got a medal at the weekend. I keep looking at it.", want: want(catalog.Recognition, drawnTo)},
	})
}

// What running is for, turned down: "I don't run for X" says X is not
// the motive, as "I don't race" says racing is not.
func TestReaderNotWhatItsFor(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "I don't run for the medals, I run for my head.", want: want(catalog.Recognition, ratherNot, catalog.Coping, drawnTo)},
		{text: "I don't do it for the fitness, never have.", want: want(catalog.Health, ratherNot)},
		{text: "It's not a weight thing, I just like being out.", want: want(catalog.Weight, ratherNot)},
		// How long one runs is no motive turned down.
		{text: "I don't run for long, twenty minutes or so.", not: []catalog.ThemeID{catalog.Achievement, catalog.Routine}},
	})
}

// Someone else's trouble is the setting, not the runner's motive: "his
// stroke", "my dad's heart attack".
func TestReaderOthersTroubles(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "I look after my husband since his stroke, so the run is my hour off.", not: []catalog.ThemeID{catalog.Health}},
		{text: "After my stroke I wanted my heart strong again.", want: want(catalog.Health, drawnTo)},
	})
}

// A line that ends with a colon and turns something down heads the list
// under it: each item is turned down.
func TestReaderListHeads(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "Would not love:\n- a big city marathon\n- anything with a start pen", want: want(catalog.Competition, ratherNot)},
		{text: "Hate:\n- medals\n- people posting their kudos", want: want(catalog.Recognition, ratherNot)},
		{text: "Would love:\n- the coast path\n- a trail in the Alps", want: want(catalog.Exploration, drawnTo)},
		// A line after the list is no longer an item.
		{text: "Not for me:\n- crowds\nI love my club runs though.", want: want(catalog.Affiliation, drawnTo)},
	})
}

// A bare verdict answering the competition question answers it: "Not my
// thing." To another question it says nothing.
func TestReaderVerdictAnswers(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "Not my thing.", label: "competition", want: want(catalog.Competition, ratherNot)},
		{text: "Hard pass, sorry.", label: "competition", want: want(catalog.Competition, ratherNot)},
		{text: "Not my thing.", label: "busy-life", not: []catalog.ThemeID{catalog.Competition}},
	})
}

// Ways of turning something down that the lexicon lacked: refusals ("said
// no to", "couldn't face"), understatements ("isn't my idea of fun"),
// nobody looking, the past of the past.
func TestReaderTurnDownPhrases(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "Racing in the rain isn't my idea of fun.", want: want(catalog.Competition, ratherNot)},
		{text: "I said no to the spring marathon.", want: want(catalog.Achievement, ratherNot)},
		{text: "After the injury I couldn't face a start line.", want: want(catalog.Competition, ratherNot)},
		{text: "Please don't ask me about my PB.", want: want(catalog.Achievement, ratherNot)},
		{text: "I just didn't care about the pace anymore.", want: want(catalog.Achievement, ratherNot)},
		{text: "My best runs are the ones nobody saw.", want: want(catalog.Recognition, ratherNot)},
		{text: "I won't be telling anyone about it.", want: want(catalog.Recognition, ratherNot)},
		{text: "Sometimes a run is just a run.", want: want(catalog.Meaning, ratherNot)},
		{text: "I'd been chasing a sub-3 marathon for years. Now I run for fun.", want: want(catalog.Achievement, ratherNot)},
		// Not against is not averse; an idiom is no audience.
		{text: "I'm not against a race now and then.", not: []catalog.ThemeID{catalog.Competition}},
		{text: "She won the whole thing, which nobody saw coming.", not: []catalog.ThemeID{catalog.Recognition}},
	})
}

// A cue said twice in a sentence counts once, as its strongest
// occurrence, not its first: "I used to race most months, but I'd rather
// not turn up to races now" turns racing down.
func TestReaderRepeatedCueCountsAtItsStrongest(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "I used to race most months, but I'd rather not turn up to races now.", want: want(catalog.Competition, ratherNot)},
	})
}

// "... and so do I", "Neither do I.": the runner takes someone else's
// stance as their own, in full.
func TestReaderEcho(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "My partner hates all the race talk and so do I.", want: want(catalog.Competition, ratherNot)},
		{text: "My sister never bothers with a watch. Neither do I.", want: want(catalog.Achievement, ratherNot)},
	})
}

// A want that never was is not an experience: "I've never wanted to
// race" turns racing down where "I've never raced" only reports.
func TestReaderNeverWanted(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "I've never really wanted to race.", want: want(catalog.Competition, ratherNot)},
		{text: "I've never fancied a marathon, and I still don't.", want: want(catalog.Achievement, ratherNot)},
		{text: "If I had to plan a trip around a race I wouldn't bother.", want: want(catalog.Exploration, ratherNot)},
		{text: "Mountains or the coast, honestly not fussy.", want: want(catalog.Exploration, drawnTo)},
		{text: "The club asked me to do the relay. No chance.", want: want(catalog.Affiliation, ratherNot)},
	})
}

// The story between a "used to" and the "now" that turns it is the past
// too, and weighs little.
func TestReaderThenStoryNow(t *testing.T) {
	runReaderCases(t, []readerCase{
		{text: "I used to be all about the numbers. Splits, PBs, a spreadsheet for every run. These days I go by feel.",
			want: want(catalog.Achievement, ratherNot)},
	})
}
