package detect

import (
	"math"
	"slices"
	"strings"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// themes are the catalog's motivation themes, in the catalog's order: a
// hit's theme, and a row of the model, is an index into it.
var themes = catalog.Themes()

// nThemes is how many themes the catalog has, fixed so that tallies and
// the model's scores can be arrays; TestThemesMatchCatalog keeps it true.
const nThemes = 12

// A Source is one piece of the runner's writing, usually one answer.
type Source struct {
	// Label says where the text came from, e.g. the ID of the question it
	// answers. Findings quote it back in Evidence.Source. An answer to the
	// "competition" question may be a bare "Not really.", which is read as
	// an answer to that question.
	Label string
	Text  string
}

// SeasonSources is what theme detection reads for a season, decided once
// for the themes screen, `cairn themes` and the export alike: every
// answer that holds more than white space, labelled by its question ID, in
// the order the questions are asked, then answers to questions this build
// no longer asks (retired questions), by ID. Retired answers are the
// runner's words too, so they count.
func SeasonSources(answers map[string]string) []Source {
	var out []Source
	asked := map[string]bool{}
	for _, q := range catalog.Questions() {
		asked[q.ID] = true
		if text := answers[q.ID]; strings.TrimSpace(text) != "" {
			out = append(out, Source{Label: q.ID, Text: text})
		}
	}
	var retired []string
	for id, text := range answers {
		if !asked[id] && strings.TrimSpace(text) != "" {
			retired = append(retired, id)
		}
	}
	slices.Sort(retired)
	for _, id := range retired {
		out = append(out, Source{Label: id, Text: answers[id]})
	}
	return out
}

// A Span is a range of bytes, [Start, End), in Evidence.Sentence.
type Span struct {
	Start, End int
}

// Evidence is one sentence that suggests a theme, with the words in it that
// did.
type Evidence struct {
	// Source is the Label of the Source the sentence came from.
	Source string
	// Sentence is the whole sentence, trimmed, without a leading bullet.
	Sentence string
	// Triggers are the words and phrases that suggested the theme, including
	// any negation or aversion that turned it around; sorted and
	// non-overlapping.
	Triggers []Span
	// Polarity is the direction this sentence points.
	Polarity workbook.Polarity
}

// Marked returns the sentence with each trigger passed through mark, such
// as a style that highlights it, and the rest left as it is. Spans that
// overlap or fall outside the sentence are skipped rather than trusted.
func (e Evidence) Marked(mark func(string) string) string {
	out := make([]byte, 0, len(e.Sentence)+16)
	at := 0
	for _, sp := range e.Triggers {
		if sp.Start < at || sp.End > len(e.Sentence) || sp.Start >= sp.End {
			continue
		}
		out = append(out, e.Sentence[at:sp.Start]...)
		out = append(out, mark(e.Sentence[sp.Start:sp.End])...)
		at = sp.End
	}
	return string(append(out, e.Sentence[at:]...))
}

// A Finding is one theme proposed from the runner's writing.
type Finding struct {
	Theme catalog.ThemeID
	// Polarity is the net direction of the evidence.
	Polarity workbook.Polarity
	// Score runs from 0 to 1 and is comparable across themes: how likely
	// the writing is to hold the theme this way, as the model reads an
	// answer of some length (calibrated on writing it was not trained
	// on), or for a short answer how much clear evidence the lexicon found
	// (1 - e^(-lead/detScoreScale)); a season's answers combine. Findings
	// come strongest first: by Strength, then Score.
	Score float64
	// Strength says, for the runner, how strong the evidence is: that of
	// the strongest answer that reads the theme this way. A long answer's
	// reading is the model's, and its levels are calibrated (model.go); a
	// short answer's is the lexicon's (lexiconStrength).
	Strength Strength
	// Evidence is strongest first; evidence pointing the other way, if any,
	// follows.
	Evidence []Evidence
}

// Strength says how strong the evidence for a finding is, so the runner
// can read the strongest first and weigh the faint ones lightly.
type Strength int8

// The strengths, from the weakest. A Finding always has one.
const (
	// Faint: the writing may say this; as often as not it does not.
	Faint Strength = iota + 1
	// Clear: the writing most likely says this.
	Clear
	// Strong: the writing says this about as plainly as writing does.
	Strong
)

// String is the word for the strength: "faint", "clear" or "strong".
func (s Strength) String() string {
	switch s {
	case Faint:
		return "faint"
	case Clear:
		return "clear"
	case Strong:
		return "strong"
	}
	return ""
}

// lexiconStrength is the strength of the lexicon's own findings (no
// model): strong from a lead of two clear sentences, clear from one.
func lexiconStrength(score float64) Strength {
	switch {
	case score >= 1-math.Exp(-2*detMinEvidence/detScoreScale):
		return Strong
	case score >= 1-math.Exp(-detMinEvidence/detScoreScale):
		return Clear
	}
	return Faint
}

// Thresholds and weights. Cue weights are ½ (faint), 1 (weak), 2 (medium)
// and 3 (strong); see lexicon.go.
const (
	// detMinEvidence is the cue weight a theme needs on its stronger side
	// before it is proposed: one medium or strong cue, or two different
	// weak cues in two sentences (within one sentence further cues count
	// half, see detSameSentence; the same cue said again counts nothing). A
	// single weak, generic word ("friends", "fast") is never enough, nor
	// are "two kids and a husband" in one breath, nor "race" said three
	// times. Modifiers (contrast, hedges, the past) do not count here: they
	// change how much a cue says, not whether it was said. An explicit
	// aversion adds a unit, so "I hate races" (a weak cue) is enough.
	detMinEvidence = 2.0
	// detMinLead is how far the stronger side must lead the weaker once
	// modifiers are applied: at least one weak cue's worth, so evenly mixed
	// evidence is left for the runner rather than guessed at.
	detMinLead = 1.0
	// detMinWords: an answer of fewer words ("Fun.", "n/a") is too little to
	// read a theme into.
	detMinWords = 2
	// detScoreScale is the lead at which Score reaches 1-1/e ≈ 0.63: about
	// two clear sentences.
	detScoreScale = 5.0
	// detBeforeContrast and detAfterContrast weigh the clauses around "but".
	detBeforeContrast = 0.75
	detAfterContrast  = 1.25
	// detSameSentence is what each further cue for a theme in one sentence
	// adds, relative to the strongest: repetition in one breath counts, but
	// less than a second sentence does.
	detSameSentence = 0.5
	// detBonus is what an explicit aversion adds to its cue: "I hate races"
	// says more than "races".
	detBonus = 1.0
	// detSoften is what a doubled negation leaves of its cue: "I don't
	// hate racing" is lukewarm.
	detSoften = 0.5
	// detOthers is what a cue keeps when it is someone else's: a goal or
	// race ("her first half") or the setting of what someone else did ("he
	// came to watch my first marathon"), too little to propose alone; and
	// the weight (not the base) of any motive but company in a clause
	// about someone else ("my coach says I should race").
	detOthers = 0.5
	// detStory is what a cue keeps in the story before an answer's point:
	// in an answer of four sentences or more, any sentence before its last
	// two. Real answers tell a story, then land; races and weight in the
	// story are often backstory. Measured on realistic-dev (cross-
	// validated, read today, 2026-12-03): 24-class macro F1 0.545 with
	// neither this nor the clauses about someone else discounted, 0.552
	// with this at 0.75, 0.555 with both; discounting the past (0.7)
	// lowered it, so the past is not discounted.
	detStory = 0.75
	// detYield is what an affect cue ("buzz", "half the fun") gives the
	// theme cue it is about.
	detYield = 0.5
	// detThenStory is what a cue pointing toward keeps in the story between
	// a "used to" and the "now" that turns it: the past, told at length.
	detThenStory = 0.3

	// detGlueSkip is how many glue words a phrase may step over at once.
	detGlueSkip = 4
)

// Detect proposes the motivation themes found in the texts, strongest
// first. It is deterministic and needs no network. Themes with thin
// evidence are left out, so short or empty writing gives no findings.
//
// The lexicon reads each answer (see above); a small learned model
// (model.go) then weighs, answer by answer, the lexicon's evidence for
// each theme together with the words and word pairs the answer uses, and
// decides which themes to propose and which way. The evidence shown is
// the lexicon's, or where the lexicon had none, the sentences holding the
// words that weighed most.
func Detect(sources []Source) []Finding {
	m := loadThemeModel()
	d := newDetector(len(sources), m)
	for i := range sources {
		d.readSource(i, sources[i])
	}
	if m == nil {
		return d.findings(sources)
	}
	return d.modelFindings(sources, m)
}

// detectLexicon is Detect with the lexicon's own thresholds deciding, and
// no model: the engine the model is trained on and compared with.
func detectLexicon(sources []Source) []Finding {
	d := newDetector(len(sources), nil)
	for i := range sources {
		d.readSource(i, sources[i])
	}
	return d.findings(sources)
}

func themeIndex(id catalog.ThemeID) int {
	for i, t := range themes {
		if t.ID == id {
			return i
		}
	}
	return len(themes)
}
