package detect

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// Theme detection reads a runner's answers and proposes the motivation
// themes in them, with the sentences and words behind each. It is a mirror,
// not an oracle: every finding carries its evidence so the runner can see
// why it was proposed, then confirm or dismiss it.
//
// The reading is plain and deterministic. Text is split into sentences and
// words; words are matched against the lexicon (lexicon.go), longest phrase
// first; then the function words around each cue decide its direction and
// weight:
//
//   - a negation ("not", "never", "don't") flips the theme cues after it,
//     within a few content words and never past a comma, a contrast word or
//     a new subject ("I never thought I'd love it" leaves "love it" alone);
//   - an aversion ("hate", "sick of", "don't care about") flips the cues
//     after it and counts as evidence itself; "is not for me" and "bores
//     me" do the same to the cues before them;
//   - a negation with nothing after it reaches back: "Racing? Not really.",
//     "Weight loss isn't why I run" (only the copula's own subject turns);
//   - a contrast ("but", "however") makes the clause after it the speaker's
//     point: cues before it count less, cues after it count more;
//   - hedges ("maybe", "sort of"), suppositions ("if") and the past ("used
//     to") weaken their clause; a negation inside "if" is not an aversion,
//     and "used to ... now" turns the past clause around;
//   - a general good feeling ("buzz", "half the fun") is joy only on its
//     own; next to another theme's cue it strengthens that cue.
//
// Each theme then adds up its evidence on each side, and is proposed only
// when the evidence on its stronger side is enough (see the thresholds).
// A small learned model (model.go) then reads each answer of some length
// again, with the lexicon's evidence and the answer's words, and adds the
// themes the lexicon left out.

// themes are the catalog's motivation themes, in the catalog's order: a
// hit's theme, and a row of the model, is an index into it.
var themes = catalog.Themes()

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
	// Score runs from 0 to 1 and is comparable across themes: higher means
	// more, clearer and more emphatic evidence.
	Score float64
	// Evidence is strongest first; evidence pointing the other way, if any,
	// follows.
	Evidence []Evidence
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
	// detOthers is what a goal or race cue keeps when it is someone else's
	// ("her first half") or the setting of what someone else did ("he came
	// to watch my first marathon"): too little to propose alone.
	detOthers = 0.5
	// detYield is what an affect cue ("buzz", "half the fun") gives the
	// theme cue it is about.
	detYield = 0.5

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

func newDetector(nsrc int, m *themeModel) *detector {
	d := &detector{lex: loadLexicon()}
	d.toks = make([]detToken, 0, 128)
	d.matches = make([]detMatch, 0, 64)
	d.hits = make([]detHit, 0, 256)
	d.sentences = make([]detSentence, 0, 64)
	d.sentHits = make([]detHit, 0, 16)
	d.srcWords = make([]int, nsrc)
	if m != nil {
		d.grams = &modelGrams{model: m, neg: modelNegation, occ: make([]modelOcc, 0, 512)}
	}
	return d
}

// ---------------------------------------------------------------- reading

type detSentence struct {
	src    int
	text   string
	factor float64 // set by a contrast that opens the next sentence
	// hits [hitFrom, hitTo) in detector.hits are this sentence's.
	hitFrom, hitTo int32
	words          int
	question       bool // ends with "?": a topic a short answer may follow
}

// A detHit is one theme suggested by one cue in one sentence.
type detHit struct {
	theme  int8
	sense  cueSense
	pol    workbook.Polarity
	base   float64 // cue weight plus any bonus
	weight float64 // base times the modifiers
	sent   int32
	tok    int32 // first token of the cue, for order
	tokEnd int32
	entry  int32 // the lexicon entry, to tell repetition from corroboration
	seg    int16
	clause int16
	flipBy int32 // index of the match that flipped it, or -1
	drop   bool
	firm   bool // a negated cue a dismissal has settled: "never fast, and I don't care"
	person bool // the cue is a word for a person ("my sister")
	spans  [3]Span
	nspans int8
}

func (h *detHit) addSpan(s Span) {
	if int(h.nspans) < len(h.spans) {
		h.spans[h.nspans] = s
		h.nspans++
	}
}

type detMatch struct {
	e       *lexEntry
	i, j    int // tokens [i, j)
	applied int // theme cues this operator acted on
	inert   bool
}

type detector struct {
	lex       *compiledLexicon
	sentences []detSentence
	hits      []detHit
	// scratch, reused across sentences
	spans    []detSpan
	toks     []detToken
	matches  []detMatch
	matchAt  []int32
	clause   []int16
	seg      []int16
	clauseF  []float64
	sentHits []detHit
	segCount int     // contrast segments in the current sentence
	cond     []int16 // conditional clauses in the current sentence
	text     string  // the current sentence
	verdicts []int   // matches in the current sentence that judge the sentence before
	// srcWords counts the words of each source.
	srcWords []int
	// grams collects the words and word pairs the model weighs, when a
	// model is used.
	grams *modelGrams
}

func (d *detector) readSource(si int, src Source) {
	text := src.Text
	if strings.TrimSpace(text) == "" {
		return
	}
	low := lowerSameLength(text)
	d.spans = splitSentences(text, d.spans[:0])
	firstSent, firstHit := len(d.sentences), len(d.hits)
	words := 0
	for k, sp := range d.spans {
		sent := int32(len(d.sentences))
		st := text[sp.start:sp.end]
		d.sentences = append(d.sentences, detSentence{src: si, text: st, factor: 1,
			question: strings.HasSuffix(strings.TrimRight(st, " \"')”’)"), "?")})
		nowNext := k+1 < len(d.spans) && opensWithNow(text[d.spans[k+1].start:d.spans[k+1].end])
		words += d.readSentence(sent, text[sp.start:sp.end], low[sp.start:sp.end], nowNext)
		if k == 0 && src.Label == "competition" {
			d.answerCue(sent)
		}
	}
	d.srcWords[si] = words
	if d.grams != nil {
		d.grams.whole(si, words)
	}
	if words < detMinWords {
		// Too short to read, except as a yes or no to the question.
		keep := d.hits[firstHit:firstHit]
		for _, h := range d.hits[firstHit:] {
			if h.flipBy == -2 {
				keep = append(keep, h)
			}
		}
		d.hits = d.hits[:firstHit+len(keep)]
		if len(keep) == 0 {
			d.sentences = d.sentences[:firstSent]
		}
	}
}

// readSentence finds the theme cues in one sentence and records them as
// hits. nowNext says the next sentence opens with "now" or "these days",
// which turns a "used to" in this one into the past. It returns the number
// of words read.
func (d *detector) readSentence(sent int32, text, low string, nowNext bool) int {
	lex := d.lex
	toks := tokenize(text, low, d.toks[:0])
	words := 0
	for k := range toks {
		t := &toks[k]
		if !t.num && !t.ord {
			t.norm = lexNormal(t.norm)
			t.stem = lexStem(t.norm)
		} else {
			t.stem = t.norm
		}
		if w, ok := lex.words[t.norm]; ok {
			t.glue, t.subject = w.glue, w.subject
			t.num = t.num || w.num
		}
		t.person = lex.persons[t.stem]
		t.bad = lex.bad[t.stem] || lex.bad[t.norm]
		if !t.emoji {
			words++
		}
	}
	d.toks = toks
	d.text = text
	d.sentences[sent].words = words
	if d.grams != nil {
		d.grams.sentence(d.sentences[sent].src, sent, toks)
	}
	d.sentences[sent].hitFrom = int32(len(d.hits))
	d.sentences[sent].hitTo = int32(len(d.hits))
	n := len(toks)
	if n == 0 {
		return 0
	}
	d.match(toks)
	ms := d.matches
	d.layout(sent, toks, ms)

	// Theme hits, in token order.
	sh := d.sentHits[:0]
	for mi := range ms {
		m := &ms[mi]
		if m.e.kind != opTheme {
			continue
		}
		for _, lt := range m.e.themes {
			pol := workbook.Toward
			if lt.sense == away {
				pol = workbook.Away
			}
			h := detHit{
				theme: lt.theme, sense: lt.sense, pol: pol, base: lt.weight.units(),
				sent: sent, tok: int32(m.i), tokEnd: int32(m.j), entry: int32(m.e.index),
				seg: d.seg[m.i], clause: d.clause[m.i], flipBy: -1,
			}
			if m.e.with && h.base > weak.units() && !d.activeNear(toks, m) {
				// "snappy with the kids": company only when something is
				// run or done together.
				h.base = weak.units()
			}
			if (themes[lt.theme].ID == catalog.Achievement || themes[lt.theme].ID == catalog.Competition) && d.othersEvent(toks, m) {
				// "her first sub-2 half", "my dad came to watch my first
				// marathon": someone else's goal, or the setting of what
				// someone else did, says less about the runner's own.
				h.base *= detOthers
			}
			h.addSpan(Span{toks[m.i].start, toks[m.j-1].end})
			h.person = toks[m.j-1].person
			sh = append(sh, h)
		}
	}
	d.sentHits = sh
	d.verdicts = d.verdicts[:0]
	d.scopeForward(toks, ms)
	d.scopeBackward(toks, ms)
	d.pastNow(toks, ms, nowNext)
	d.yieldAffect(toks)
	for k := range d.sentHits {
		h := &d.sentHits[k]
		if h.drop {
			continue
		}
		h.weight = h.base * d.segFactor(int(h.seg)) * d.clauseF[h.clause]
		d.hits = append(d.hits, *h)
	}
	d.sentences[sent].hitTo = int32(len(d.hits))
	for _, mi := range d.verdicts {
		d.judgePrevious(sent, toks, ms, mi)
	}
	return words
}

// othersEvent reports a goal or race cue that belongs to someone else
// ("her first half", "his PB") or is only where someone else did something
// ("mum came to cheer at my first 10k", "he came to watch my first
// marathon").
func (d *detector) othersEvent(toks []detToken, m *detMatch) bool {
	for k := m.i - 1; k >= 0 && k >= m.i-2 && !toks[k+1].brk; k-- {
		switch w := toks[k].norm; {
		case w == "her" || w == "his" || w == "their":
			return true
		case toks[k].person && strings.HasSuffix(w, "'s"):
			return true
		case !toks[k].glue:
			k = -1
		}
	}
	// The clause's subject is someone else, and the cue is where they were.
	c := d.clause[m.i]
	third := false
	for k := 0; k < m.i; k++ {
		if d.clause[k] != c {
			continue
		}
		t := &toks[k]
		if t.subject {
			switch t.norm {
			case "he", "she", "they", "he's", "she's", "they're", "they've":
				third = true
			}
			break
		}
		if t.person && k > 0 && toks[k-1].norm == "my" {
			// "my mum came", but not "my husband and I".
			third = !(k+2 < len(toks) && toks[k+1].norm == "and" && toks[k+2].subject)
			break
		}
	}
	if !third {
		return false
	}
	for k := m.i - 1; k >= 0 && k >= m.i-4 && d.clause[k] == c; k-- {
		switch toks[k].norm {
		case "at", "watch", "watched", "watching", "cheer", "cheered", "cheering", "see", "saw", "to":
			return true
		}
	}
	return false
}

// activeNear reports something run or done in the sentence of match m:
// "I run with my sister", "a 5k with my dad", "Sunday mornings with the
// girls".
func (d *detector) activeNear(toks []detToken, m *detMatch) bool {
	for k := range toks {
		if k >= m.i && k < m.j {
			continue
		}
		if t := &toks[k]; d.lex.active[t.stem] || d.lex.active[t.norm] || t.num && !t.emoji {
			return true
		}
	}
	return false
}

// match finds the lexicon entries in the tokens, longest first, left to
// right, and fills d.matches and d.matchAt.
func (d *detector) match(toks []detToken) {
	lex := d.lex
	d.matches = d.matches[:0]
	n := len(toks)
	d.matchAt = growInt32(d.matchAt, n)
	for k := range d.matchAt {
		d.matchAt[k] = -1
	}
	for i := 0; i < n; {
		t := &toks[i]
		b := detBest{entry: -1}
		b.try(lex, lex.byStem[t.stem], toks, i)
		b.try(lex, lex.byExact[t.norm], toks, i)
		if len(t.norm) >= 3 {
			b.try(lex, lex.byPrefix[t.norm[:3]], toks, i)
		}
		if t.num {
			b.try(lex, lex.byNum, toks, i)
		}
		if t.ord {
			b.try(lex, lex.byOrd, toks, i)
		}
		if t.person {
			b.try(lex, lex.byPerson, toks, i)
		}
		best, bestEnd := b.entry, b.end
		if best < 0 {
			i++
			continue
		}
		d.matchAt[i] = int32(len(d.matches))
		d.matches = append(d.matches, detMatch{e: &lex.entries[best], i: i, j: bestEnd})
		i = bestEnd
	}
}

// detBest keeps the best lexicon match at one place: the longest (glue it
// stepped over counts), then the one with more, and more specific,
// elements, then the earlier entry.
type detBest struct {
	entry int32
	end   int
	rank  int
}

func (b *detBest) try(lex *compiledLexicon, cands []int32, toks []detToken, i int) {
	for _, ei := range cands {
		e := &lex.entries[ei]
		if len(e.elems) > len(toks)-i {
			continue
		}
		if len(e.elems) > 1 {
			// Most phrases fail on their second word: check it before the
			// full walk, unless glue may stand in between.
			next := &toks[i+1]
			if next.brk || !next.glue && !e.elems[1].matches(next) {
				continue
			}
		}
		j := matchEntry(e, toks, i)
		if j == 0 || j < b.end || j == b.end && (e.rank < b.rank || e.rank == b.rank && ei > b.entry) {
			continue
		}
		b.entry, b.end, b.rank = ei, j, e.rank
	}
}

// matchEntry reports where entry e ends if it matches at token i, or 0.
func matchEntry(e *lexEntry, toks []detToken, i int) int {
	j := i
	for k, el := range e.elems {
		if k > 0 {
			skips := 0
			for j < len(toks) && !toks[j].brk && toks[j].glue && skips < detGlueSkip &&
				(el.kind == elemAny || !el.matches(&toks[j])) {
				j++
				skips++
			}
			if j >= len(toks) || toks[j].brk {
				return 0
			}
		}
		if j >= len(toks) || !el.matches(&toks[j]) {
			return 0
		}
		j++
	}
	return j
}

func (el lexElem) matches(t *detToken) bool {
	switch el.kind {
	case elemStem:
		return t.stem == el.s
	case elemExact:
		return t.norm == el.s
	case elemPrefix:
		return strings.HasPrefix(t.norm, el.s)
	case elemNum:
		return t.num
	case elemOrd:
		return t.ord
	case elemPerson:
		return t.person
	case elemBad:
		return t.bad
	case elemAny:
		return true
	}
	return false
}

// layout assigns every token a clause and a contrast segment, and works
// out the factors hedges and the past give each clause.
func (d *detector) layout(sent int32, toks []detToken, ms []detMatch) {
	n := len(toks)
	d.cond = d.cond[:0]
	d.clause = growInt16(d.clause, n)
	d.seg = growInt16(d.seg, n)
	var clause, seg int16
	concedeEnd := -1
	for i := 0; i < n; i++ {
		if i > 0 && toks[i].brk {
			clause++
		}
		if i == concedeEnd {
			seg++
		}
		if mi := d.matchAt[i]; mi >= 0 {
			m := &ms[mi]
			switch m.e.kind {
			case opContrast:
				atStart := i == 0 || toks[i].brk
				switch {
				case m.j >= n:
					// "I like it, though." says nothing about what follows.
					m.inert = true
				case m.e.flags&flagConcede != 0 && i == 0:
					// "Although I like medals, racing stresses me out."
					concedeEnd = n
					for k := m.j; k < n; k++ {
						if toks[k].brk {
							concedeEnd = k
							break
						}
					}
					if concedeEnd == n {
						m.inert = true
						concedeEnd = -1
					}
				case m.e.flags&flagConcede != 0 && !isConcedingBut(m.e.phrase):
					// "while", "despite" in mid-sentence: a clause boundary.
					m.inert = true
					clause++
				case m.e.flags&flagStart != 0 && !atStart:
					m.inert = true
					clause++
				default:
					if i == 0 {
						d.weakenPrevious(sent)
					}
					if i > 0 && !toks[i].brk {
						clause++
					}
					seg++
				}
			case opBoundary:
				if i > 0 && !toks[i].brk {
					clause++
				}
			case opHedge:
				if m.e.flags&flagClause != 0 && i > 0 && !toks[i].brk {
					clause++
				}
			}
			if m.e.kind == opHedge && m.e.flags&flagClause != 0 {
				d.cond = append(d.cond, clause) // "if I don't show up"
			}
		}
		d.clause[i] = clause
		d.seg[i] = seg
	}
	d.segCount = int(seg) + 1
	d.clauseF = growFloat(d.clauseF, int(clause)+1)
	for k := range d.clauseF {
		d.clauseF[k] = 1
	}
	for mi := range ms {
		m := &ms[mi]
		if m.e.kind == opHedge || m.e.kind == opPast {
			c := d.clause[m.i]
			d.clauseF[c] = min(d.clauseF[c], m.e.factor)
		}
	}
}

// isConcedingBut reports the concession words that work like "but" in
// mid-sentence: "I love running, although racing stresses me out".
func isConcedingBut(phrase string) bool {
	return phrase == "though" || phrase == "although" || phrase == "even though"
}

// weakenPrevious lowers the sentence before sent, when sent opens with a
// contrast ("... But I hate racing.") and both come from the same source.
func (d *detector) weakenPrevious(sent int32) {
	if sent == 0 {
		return
	}
	prev := &d.sentences[sent-1]
	if prev.src != d.sentences[sent].src {
		return
	}
	prev.factor *= detBeforeContrast
	d.sentences[sent].factor *= detAfterContrast
}

func (d *detector) segFactor(seg int) float64 {
	f := 1.0
	if seg < d.segCount-1 {
		f *= detBeforeContrast
	}
	if seg > 0 {
		f *= detAfterContrast
	}
	return f
}

// A detOp is a negation, aversion or boost reaching forward over the words
// after it.
type detOp struct {
	m      int // match index, -1 when none
	kind   opKind
	window int
	count  int  // content words since the operator
	plain  bool // a counted word was not a verb of doing or attending ("look at", "track")
	cross  bool // reaches past a new subject
	bonus  bool // still has its bonus to give
	direct bool // a negated action: evidence if its cue comes next
	hit    bool // has acted on a cue; from here it only follows a list
	soften bool // a doubled negation ("don't hate"): halves its cue
	list   bool // heads a list ("hate: crowds, races"): reaches every item
	cease  bool // "stop", "no longer": a problem that stops is a gain
	drop   bool // "better than": what follows is a yardstick, not a motive
}

// scopeForward applies negations, aversions and boosts to the theme cues
// after them.
func (d *detector) scopeForward(toks []detToken, ms []detMatch) {
	n := len(toks)
	op := detOp{m: -1}
	hit := 0 // next sentence hit to look at
	for i := 0; i < n; {
		mi := d.matchAt[i]
		if toks[i].brk && op.m >= 0 {
			switch {
			case op.list && !toks[i].subject && (mi < 0 || ms[mi].e.kind == opTheme):
				// "hate: treadmills, races, anyone talking about splits".
				op.count, op.plain = 0, false
			case !op.hit || mi < 0 || ms[mi].e.kind != opTheme || restarts(toks[i].norm) || toks[i].subject:
				// After its first cue a negation goes on through a list: "I
				// don't care about pace, distance or medals".
				op.m = -1
			}
		}
		if mi < 0 {
			if op.m >= 0 {
				switch {
				case toks[i].subject && !op.cross:
					op.m = -1
				case toks[i].glue:
				case op.hit && !op.list:
					// ... but not into what comes next: "I don't need a medal
					// to feel good".
					switch toks[i].norm {
					case "and", "or", "nor", "&":
					default:
						op.m = -1
					}
				default:
					op.count++
					if !engaging(toks[i].stem) && !preposition(toks[i].norm) && !lightAdjective(toks[i].norm) {
						op.plain = true
					}
					if op.count > op.window {
						op.m = -1
					}
				}
			}
			i++
			continue
		}
		m := &ms[mi]
		switch m.e.kind {
		case opTheme:
			for hit < len(d.sentHits) && int(d.sentHits[hit].tok) < i {
				hit++
			}
			if op.m >= 0 {
				for k := hit; k < len(d.sentHits) && int(d.sentHits[k].tok) == i; k++ {
					d.applyOp(&d.sentHits[k], &op, ms, toks)
				}
				ms[op.m].applied++
				// An aversion gives every item of its list its weight: "I
				// couldn't care less about placings or times".
				op.bonus = op.kind == opAverse
				op.hit = true
				if op.kind == opBoost || op.soften || op.drop {
					op.m = -1
				}
			}
		case opNegate:
			switch {
			case op.m >= 0 && op.kind == opAverse && !op.hit:
				// "I hate not ...": a doubled negation softens, never flips.
				op = detOp{m: int(mi), kind: opNegate, window: 5, soften: true}
			case op.m >= 0 && op.kind == opNegate && !op.hit && op.count == 0 && m.e.flags&flagDirect != 0:
				// "I didn't stop", "not no": two negations cancel.
				m.inert = true
				ms[op.m].inert = true
				op.m = -1
			case m.j < len(toks) && d.matchAt[m.j] >= 0 && ms[d.matchAt[m.j]].e.kind == opNegate &&
				ms[d.matchAt[m.j]].e.flags&flagCease != 0:
				// "I haven't stopped racing": the stop is negated.
				m.inert = true
				ms[d.matchAt[m.j]].inert = true
				op.m = -1
				i = ms[d.matchAt[m.j]].j
				continue
			case m.e.flags&flagExperience != 0 && experience(toks, m.i, m.j):
				// "I've never run a marathon", "I'd never raced before".
				m.inert = true
				op.m = -1
			case m.e.flags&flagCounterfactual != 0 && counterfactual(toks, m.j):
				// "Without my club I'd be lost."
				m.inert = true
				op.m = -1
			case slices.Contains(d.cond, d.clause[m.i]):
				// "If I don't show up, someone messages me": supposed, not averse.
				m.inert = true
				op.m = -1
			default:
				f := m.e.flags
				// A fragment that opens with a negation rejects what it names:
				// "Not people.", "No racing for me."
				direct := f&flagDirect != 0 || m.i == 0
				op = detOp{m: int(mi), kind: opNegate, window: int(m.e.window),
					cross: f&flagCross != 0, direct: direct, bonus: true, cease: f&flagCease != 0}
				op.list = d.listHead(toks, m, false)
			}
		case opAverse:
			if op.m >= 0 && op.kind == opNegate && !op.hit {
				// "I don't hate racing": lukewarm, not averse.
				m.inert = true
				op = detOp{m: int(mi), kind: opNegate, window: 5, soften: true}
			} else {
				op = detOp{m: int(mi), kind: opAverse, window: int(m.e.window), bonus: true,
					cross: m.e.flags&flagCross != 0}
				op.list = d.listHead(toks, m, true)
			}
		case opBoost:
			if op.m < 0 {
				op = detOp{m: int(mi), kind: opBoost, window: int(m.e.window), bonus: true}
			} else {
				op.count++
			}
		case opThan:
			switch {
			case preferBefore(toks, i):
				op = detOp{m: int(mi), kind: opNegate, window: 3}
			case betterBefore(toks, i):
				op = detOp{m: int(mi), kind: opNegate, window: 3, drop: true}
			default:
				op.m = -1
			}
		case opHedge:
			if m.e.flags&flagClause != 0 {
				op.m = -1
			}
		case opPast:
		case opContrast, opBoundary, opBlock, opPostAverse, opPostNegate, opAccept:
			op.m = -1
		}
		i = m.j
	}
}

// listHead reports an operator that heads a list: followed by a colon or a
// spaced dash ("hate: crowds, races"), or, for an aversion that opens its
// clause, a comma ("Meh, numbers.").
func (d *detector) listHead(toks []detToken, m *detMatch, averse bool) bool {
	if m.j >= len(toks) || !toks[m.j].brk {
		return false
	}
	between := d.text[toks[m.j-1].end:toks[m.j].start]
	if strings.ContainsAny(between, ":") || strings.Contains(between, "- ") || strings.Contains(between, "–") {
		return true
	}
	if !averse || !strings.Contains(between, ",") {
		return false
	}
	for k := m.i - 1; k >= 0 && !toks[k+1].brk; k-- {
		if !toks[k].glue && !toks[k].subject && !filler(toks[k].norm) {
			return false
		}
	}
	return true
}

// preposition reports the small words a negated verb reaches its cue
// through: "I don't look at my times".
func preposition(w string) bool {
	switch w {
	case "at", "about", "on", "into", "in", "for", "of", "with", "to", "up", "over":
		return true
	}
	return false
}

// lightAdjective reports the adjectives that leave a negation direct: "no
// big goal", "no real interest".
func lightAdjective(w string) bool {
	switch w {
	case "big", "real", "particular", "specific", "special", "huge", "great", "massive",
		"burning", "actual", "single":
		return true
	}
	return false
}

// engaging reports a verb of doing or attending: negated right before its
// cue it rejects the cue as clearly as "no" does: "I don't look at my
// times", "I don't do Strava", "I don't wear a watch".
func engaging(stem string) bool {
	switch stem {
	case "do", "look", "check", "track", "wear", "use", "follow", "count", "bother",
		"care", "chase", "enter", "sign", "pay", "attention", "think", "worry", "own", "need":
		return true
	}
	return false
}

// restarts reports a word that opens a new phrase rather than continuing a
// list: "Not for the medal, for my mum".
func restarts(w string) bool {
	switch w {
	case "for", "with", "to", "in", "on", "at", "about", "by", "from", "because", "just":
		return true
	}
	return false
}

// applyOp turns one theme hit the way the operator says.
func (d *detector) applyOp(h *detHit, op *detOp, ms []detMatch, toks []detToken) {
	m := &ms[op.m]
	span := Span{toks[m.i].start, toks[m.j-1].end}
	if h.sense == fixed {
		return
	}
	switch {
	case op.soften:
		h.base *= detSoften
		h.flipBy = int32(op.m)
		return
	case op.drop:
		h.drop = true
		return
	case op.kind == opNegate:
		if h.sense == problem {
			if op.cease {
				// "Running made me stop hating myself": what it is for.
				h.addSpan(span)
				return
			}
			// "I'm not anxious": says nothing either way.
			h.drop = true
			return
		}
		h.pol = -h.pol
		h.flipBy = int32(op.m)
		// A negated action right before its cue rejects it: "I don't race",
		// "I'm not chasing anything", "I don't look at my times".
		action := op.direct || op.count == 0 && strings.HasSuffix(toks[h.tok].norm, "ing")
		if action && op.bonus && (op.count == 0 || op.count <= 2 && !op.plain) && d.primary(h) {
			h.base += detBonus
		}
	case op.kind == opAverse:
		if h.sense != problem {
			h.pol = -h.pol
		}
		h.flipBy = int32(op.m)
		if op.bonus && d.primary(h) {
			h.base += detBonus
		}
	case op.kind == opBoost:
		if !op.bonus {
			return
		}
		h.base += m.e.factor
	}
	h.addSpan(span)
}

// scopeBackward applies the cues that look back: "Racing is not for me",
// "Racing? Nope.", "Weight loss isn't why I run". A verdict that stands in
// a clause of its own reaches further: back over a list ("Medals, finisher
// photos, all that - not bothered"), or, with nothing before it in its
// sentence, to the sentence before ("PBs? Couldn't care less.").
func (d *detector) scopeBackward(toks []detToken, ms []detMatch) {
	for mi := range ms {
		m := &ms[mi]
		kind := m.e.kind
		idle := !m.inert && m.applied == 0
		anaphor := anaphorAfter(toks, m.j)
		ends := clauseEndsAt(toks, m.j) || anaphor
		switch {
		case kind == opPostAverse || kind == opPostNegate || kind == opAccept:
		case kind == opNegate && idle && m.e.flags&flagFinal != 0 && ends:
			if doAux(toks[m.i].norm) && m.i > 0 && !toks[m.i].brk && d.hitEndsAt(d.clause[m.i], m.i) {
				// "my Tuesday 6am doesn't": the cue is the subject of a
				// verb left out, not what is turned down.
				continue
			}
		case kind == opAverse && idle && ends:
			// The object comes first: "the racing bit I can't stand".
		case kind == opNegate && idle && m.e.flags&flagCopula != 0 && copulaBefore(m.e, toks, m.i):
			// "Weight loss isn't why I run": only the subject right before
			// the verb turns, not whatever else the clause holds ("it's part
			// of me now in a way it wasn't before").
			c := d.clause[m.i]
			if k := subjectEnd(toks, m.i); k >= 0 && d.hitEndsAt(c, k+1) {
				d.flipBack(m, mi, toks, func(h *detHit) bool { return h.clause == c && int(h.tokEnd) <= k+1 })
			} else if k >= 0 && pronoun(toks[k].norm) && d.verdict(toks, m) {
				// "That's not why I run": about what came before.
				d.reachBack(m, mi, toks)
			}
			continue
		default:
			continue
		}
		if m.applied > 0 && kind != opAccept {
			continue
		}
		if turnedRound(toks, m.j) {
			// "An ultra scares me, which is exactly why I want one."
			continue
		}
		c, s := d.clause[m.i], d.seg[m.i]
		found := d.flipBack(m, mi, toks, func(h *detHit) bool { return h.clause == c && h.seg == s })
		switch {
		case found:
		case d.verdict(toks, m):
			found = d.reachBack(m, mi, toks)
		case c > 0 && kind != opAverse && kind != opAccept:
			// "Racing, not for me": one clause back, but a fronted object
			// ("the time trials I can't stand") is always in its own clause.
			found = d.flipBack(m, mi, toks, func(h *detHit) bool { return h.clause == c-1 && h.seg == s })
		}
		if !found && kind == opPostAverse {
			// "It doesn't matter what my time is": look ahead instead.
			d.flipAhead(m, mi, toks)
		}
	}
}

// verdict reports a dismissal standing in a clause of its own: nothing
// before it but a subject and light words, nothing after it but closing
// words or "that": "not bothered", "I couldn't care less", "I'm done with
// that".
func (d *detector) verdict(toks []detToken, m *detMatch) bool {
	if !clauseEndsAt(toks, m.j) && !anaphorAfter(toks, m.j) || turnedRound(toks, m.j) {
		return false
	}
	for k := m.i - 1; k >= 0; k-- {
		if toks[k+1].brk {
			break
		}
		t := &toks[k]
		if mi := d.matchAt[k]; mi >= 0 && d.matches[mi].e.kind == opTheme {
			return false
		}
		if !t.glue && !t.emoji && !filler(t.norm) && !(t.subject && t.norm != "he" && t.norm != "she" &&
			t.norm != "he's" && t.norm != "she's") {
			return false
		}
	}
	return true
}

// reachBack applies a verdict to what it judges: the nearest clause before
// it that holds a cue, and the list that clause ends ("Medals, finisher
// photos, all that - not bothered"). A contrast is crossed only when the
// verdict's side of it holds no cue ("Longevity, heart health - but
// honestly that's not why"). With nothing before it in its sentence the
// verdict is kept for the sentence before (see judgePrevious).
func (d *detector) reachBack(m *detMatch, mi int, toks []detToken) bool {
	c0, s0 := d.clause[m.i], d.seg[m.i]
	segHits := false
	for k := range d.sentHits {
		if h := &d.sentHits[k]; h.seg == s0 && int(h.tok) < m.i && d.judgeable(h, m) {
			segHits = true
		}
	}
	found := false
	for c := c0 - 1; c >= 0; c-- {
		in := func(h *detHit) bool { return h.clause == c && (h.seg == s0 || !segHits) }
		has := false
		for k := range d.sentHits {
			if h := &d.sentHits[k]; in(h) && d.judgeable(h, m) {
				has = true
			}
		}
		switch {
		case has:
			d.flipBack(m, mi, toks, in)
			found = true
			if d.clauseHasSubject(toks, c) {
				return true
			}
		case found || !d.lightClause(toks, c):
			return found
		}
	}
	if !found && c0 == 0 || !found && d.lightBefore(toks, c0) {
		d.verdicts = append(d.verdicts, mi)
	}
	return found
}

// judgeable reports a hit a verdict can act on: one that points toward its
// theme as written, or one a negation has already turned ("I've never been
// fast and I don't care"), which an aversion or acceptance settles.
func (d *detector) judgeable(h *detHit, m *detMatch) bool {
	if h.drop || h.sense == fixed {
		return false
	}
	if h.flipBy == -1 {
		return m.e.kind != opAccept
	}
	return h.pol == workbook.Away && !h.firm && h.sense != away && h.flipBy >= 0 &&
		d.matches[h.flipBy].e.kind == opNegate && settles(m.e.kind)
}

// settles reports the verdicts that make a negation firmer.
func settles(k opKind) bool {
	return k == opAverse || k == opPostAverse || k == opAccept
}

func (d *detector) clauseHasSubject(toks []detToken, c int16) bool {
	for k := range toks {
		if d.clause[k] == c && toks[k].subject {
			return true
		}
	}
	return false
}

// lightClause reports a clause of only light words: "all that", "I know".
func (d *detector) lightClause(toks []detToken, c int16) bool {
	for k := range toks {
		if d.clause[k] != c {
			continue
		}
		if t := &toks[k]; !t.glue && !t.emoji && !t.subject && !filler(t.norm) && !anaphorWord(t.norm) {
			return false
		}
	}
	return true
}

// lightBefore reports only light clauses before clause c.
func (d *detector) lightBefore(toks []detToken, c int16) bool {
	for k := int16(0); k < c; k++ {
		if !d.lightClause(toks, k) {
			return false
		}
	}
	return true
}

// judgePrevious applies a verdict that opens its sentence to the sentence
// before, from the same answer, when that one is a topic: a question
// ("PBs? Couldn't care less."), a few words ("Weight. Meh."), or anything
// the verdict points back at ("... I'm done with that."). A question two
// sentences back is the topic of both ("Trail running? Mud, roots,
// getting lost. Hard pass.").
func (d *detector) judgePrevious(sent int32, toks []detToken, ms []detMatch, mi int) {
	m := &ms[mi]
	cur := &d.sentences[sent]
	anaphor := anaphorAfter(toks, m.j) || d.pronounBefore(toks, m) || denial(toks, m)
	targets := make([]int32, 0, 2)
	if p := sent - 1; p >= 0 && d.sentences[p].src == cur.src {
		prev := &d.sentences[p]
		q := sent - 2
		switch {
		case !prev.question && prev.words <= 8 && q >= 0 && d.sentences[q].src == cur.src &&
			d.sentences[q].question:
			targets = append(targets, p, q)
		case prev.question || prev.words <= 6 || anaphor:
			targets = append(targets, p)
		}
	}
	span := Span{toks[m.i].start, toks[m.j-1].end}
	averse := m.e.kind == opAverse || m.e.kind == opPostAverse
	var done [16]bool // by theme index
	for _, t := range targets {
		ts := &d.sentences[t]
		from := ts.hitFrom
		if !ts.question && ts.words > 8 {
			// A long sentence: "it" is what was named last. "... signed
			// us both up for a 10k. I'm dreading it."
			for k := ts.hitTo - 1; k >= ts.hitFrom; k-- {
				if h := &d.hits[k]; !h.drop && h.sense != fixed && h.sense != affect && !h.person {
					from = k
					for from > ts.hitFrom && d.hits[from-1].tok == h.tok {
						from--
					}
					break
				}
			}
		}
		// The bonus goes to what the sentence says most clearly: "Mud,
		// roots, getting lost" is about getting lost more than roots.
		top := 0.0
		for k := from; k < ts.hitTo; k++ {
			if h := &d.hits[k]; !h.drop && h.sense != fixed && h.sense != problem && h.sense != away {
				top = max(top, h.base)
			}
		}
		for k := from; k < ts.hitTo; k++ {
			h := &d.hits[k]
			if h.drop || h.sense == fixed || h.sense == problem || h.sense == away || h.person && anaphor {
				// "It" is never a person: "my sister signed me up for a
				// half marathon. I'm dreading it."
				continue
			}
			factor := 1.0
			if h.base > 0 {
				factor = h.weight / h.base
			}
			switch {
			case h.pol == workbook.Toward && m.e.kind != opAccept:
				h.pol = workbook.Away
				h.flipBy = -3
			case h.pol == workbook.Away && !h.firm && settles(m.e.kind):
				h.firm = true
			default:
				continue
			}
			if (averse || m.e.kind == opAccept) && d.primary(h) && h.base >= top {
				h.base += detBonus
			}
			h.weight = h.base * factor
			done[h.theme] = true
		}
	}
	for th, ok := range done {
		if !ok {
			continue
		}
		// The verdict is evidence too, in its own sentence.
		h := detHit{theme: int8(th), sense: toward, pol: workbook.Away, sent: sent, tok: int32(m.i),
			tokEnd: int32(m.j), entry: -1, seg: d.seg[m.i], clause: d.clause[m.i], flipBy: int32(mi)}
		h.addSpan(span)
		d.hits = append(d.hits, h)
		m.applied++
	}
	cur.hitTo = int32(len(d.hits))
}

// turnedRound reports a later "which is exactly why" or "that's the
// appeal": the dismissal before it is the draw.
func turnedRound(toks []detToken, j int) bool {
	for k := j; k < len(toks); k++ {
		switch toks[k].norm {
		case "why", "appeal", "point":
			for b := k - 1; b >= j && b >= k-3; b-- {
				switch toks[b].norm {
				case "exactly", "which", "that's", "precisely", "half":
					return true
				}
			}
		}
	}
	return false
}

// pronounBefore reports a pronoun subject right before a verdict: "it's
// not why", "that was never the point".
func (d *detector) pronounBefore(toks []detToken, m *detMatch) bool {
	for k := m.i - 1; k >= 0 && !toks[k+1].brk; k-- {
		if pronoun(toks[k].norm) {
			return true
		}
	}
	return false
}

// denial reports a verdict that by its words answers what was said
// before: "far from it", "not true", "couldn't be further from the truth".
func denial(toks []detToken, m *detMatch) bool {
	for k := m.i; k < m.j; k++ {
		switch toks[k].norm {
		case "it", "that", "true", "truth", "case":
			return true
		}
	}
	return false
}

func pronoun(w string) bool {
	switch w {
	case "it", "it's", "that", "that's", "this", "those", "these", "they", "they're", "which",
		"mine's", "mine":
		return true
	}
	return false
}

// anaphorWord reports a word that points back at something already said.
func anaphorWord(w string) bool {
	switch w {
	case "that", "it", "them", "those", "this", "these", "whole", "thing", "things", "stuff",
		"game", "side", "lark", "business", "malarkey", "nonsense", "all", "one", "ones":
		return true
	}
	return false
}

// anaphorAfter reports "that", "it", "all that", "that whole game" right
// after j, ending its clause: "I'm done with that", "couldn't care less
// about any of it".
func anaphorAfter(toks []detToken, j int) bool {
	seen := false
	for k := j; k < len(toks); k++ {
		t := &toks[k]
		if t.brk && k > j {
			break
		}
		switch {
		case t.norm == "that" || t.norm == "it" || t.norm == "them" || t.norm == "those" || t.norm == "this":
			seen = true
		case anaphorWord(t.norm) || t.glue || t.emoji:
		case t.norm == "about" || t.norm == "with" || t.norm == "of" || t.norm == "for" || t.norm == "on":
			if seen {
				return false
			}
		default:
			if !closing(t.norm) {
				return false
			}
		}
	}
	return seen
}

// filler reports light words that may stand around a verdict: "honestly
// I'm not bothered", "yeah, nah", "I know, I know".
func filler(w string) bool {
	switch w {
	case "it", "it's", "that's", "that", "this", "they", "they're", "honestly", "frankly",
		"personally", "tbh", "and", "but", "so", "am", "is", "was", "are", "were", "well", "oh",
		"yeah", "ok", "okay", "though", "hmm", "lol", "haha", "know", "mean", "guess", "suppose",
		"admit", "sure", "right", "mine's", "i'll", "be", "been", "to", "say", "said", "must",
		"i'd", "would", "will", "has", "have", "had", "do", "does", "did", "now", "anyway",
		"mostly", "pretty", "simply", "kind", "sort", "bit", "eh", "um", "erm", "ugh", "nah",
		"somewhere", "along", "way", "gradually", "slowly", "eventually", "soon", "then", "on",
		"etc", "stuff", "whatever":
		return true
	}
	return false
}

// doAux reports the do-auxiliaries: "I don't", "it doesn't".
func doAux(w string) bool {
	switch w {
	case "don't", "doesn't", "didn't", "won't":
		return true
	}
	return false
}

func (d *detector) flipBack(m *detMatch, mi int, toks []detToken, in func(*detHit) bool) bool {
	nearest := -1
	for k := range d.sentHits {
		h := &d.sentHits[k]
		if int(h.tokEnd) <= m.i && in(h) && d.judgeable(h, m) {
			nearest = k
		}
	}
	if nearest < 0 {
		return false
	}
	// The nearest cue gets the bonus, with the cues it runs on from: "race
	// mornings make me want to throw up".
	near := d.sentHits[nearest].tok
	for moved := true; moved; {
		moved = false
		for k := range d.sentHits {
			if h := &d.sentHits[k]; h.tokEnd == near && in(h) && d.judgeable(h, m) {
				near, moved = h.tok, true
			}
		}
	}
	for k := range d.sentHits {
		h := &d.sentHits[k]
		if int(h.tokEnd) <= m.i && in(h) && d.judgeable(h, m) {
			d.flipOne(h, m, mi, toks, h.tok >= near)
		}
	}
	return true
}

func (d *detector) flipAhead(m *detMatch, mi int, toks []detToken) {
	count := 0
	for k := range d.sentHits {
		h := &d.sentHits[k]
		if int(h.tok) < m.j || h.flipBy != -1 {
			continue
		}
		// Stop at punctuation or a contrast, and after four content words.
		stop := false
		count = 0
		for t := m.j; t < int(h.tok); t++ {
			if toks[t].brk || (d.matchAt[t] >= 0 && d.matches[d.matchAt[t]].e.kind == opContrast) {
				stop = true
				break
			}
			if !toks[t].glue {
				count++
			}
		}
		if toks[h.tok].brk || stop || count > 4 {
			return
		}
		d.flipOne(h, m, mi, toks, true)
	}
}

func (d *detector) hitEndsAt(clause int16, end int) bool {
	for k := range d.sentHits {
		if h := &d.sentHits[k]; h.clause == clause && int(h.tokEnd) == end {
			return true
		}
	}
	return false
}

// pastNow turns "used to" into the past when the runner says where they
// are now: "I used to race most weekends, these days I run for fun".
// Problems stay as they are: "I used to be so anxious" is still why they
// run.
func (d *detector) pastNow(toks []detToken, ms []detMatch, nowNext bool) {
	for mi := range ms {
		m := &ms[mi]
		if m.e.kind != opPast {
			continue
		}
		now := nowNext
		until := len(toks) // where the present starts, if in this clause
		for k := m.j; k < len(toks) && !now; k++ {
			switch toks[k].norm {
			case "now", "nowadays", "days":
				now = true
				until = k
			case "anymore":
				now = true
			}
			if d.seg[k] != d.seg[m.i] {
				now = true // "... but I just run for fun"
			}
		}
		if !now {
			continue
		}
		c := d.clause[m.i]
		for k := range d.sentHits {
			h := &d.sentHits[k]
			if int(h.tok) >= until {
				// "I used to be self-conscious and now I feel strong."
				continue
			}
			// An aversion in the past clause is past too: "I used to hate
			// racing, now I live for it".
			turned := h.flipBy >= 0 && int(h.flipBy) != mi && d.clause[ms[h.flipBy].i] == c &&
				(ms[h.flipBy].e.kind == opAverse || ms[h.flipBy].e.kind == opNegate)
			if h.clause == c && (h.flipBy == -1 || turned) && h.sense != problem && h.sense != fixed && !h.drop {
				h.pol = -h.pol
				h.flipBy = int32(mi)
				h.addSpan(Span{toks[m.i].start, toks[m.j-1].end})
			}
		}
	}
}

// yieldAffect gives a general good feeling to the theme it is about: an
// affect cue that shares its clause with another theme's cue strengthens
// that cue rather than counting as joy.
func (d *detector) yieldAffect(toks []detToken) {
	for k := range d.sentHits {
		a := &d.sentHits[k]
		if a.sense != affect || a.drop || a.flipBy != -1 {
			continue
		}
		// The nearest cue of another theme in the clause, else in the
		// sentence up to a contrast ("I love it when people ask how the
		// training's going").
		best, dist := -1, 1<<30
		for o := range d.sentHits {
			h := &d.sentHits[o]
			if h.seg != a.seg || h.theme == a.theme || h.sense == affect || h.drop || h.pol == workbook.Away {
				// Not to a rejected cue: "I don't need a medal to feel good".
				continue
			}
			dd := abs(int(h.tok) - int(a.tok))
			if h.clause != a.clause {
				dd += 1000
			}
			if dd < dist {
				best, dist = o, dd
			}
		}
		if best < 0 {
			continue
		}
		a.drop = true
		h := &d.sentHits[best]
		h.base += detYield
		h.addSpan(Span{toks[a.tok].start, toks[a.tokEnd-1].end})
	}
}

// primary reports whether a hit's theme is what its cue says most
// clearly: an aversion's bonus goes there only. "Not bothered about medals"
// turns recognition away (medals are medium there) more than personal
// goals (weak there).
func (d *detector) primary(h *detHit) bool {
	if h.entry < 0 {
		return true
	}
	var mine, top cueWeight
	for _, lt := range d.lex.entries[h.entry].themes {
		top = max(top, lt.weight)
		if lt.theme == h.theme {
			mine = lt.weight
		}
	}
	return mine >= top
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// subjectEnd finds the last token of the cue a copula negation at i has as
// its subject: back over auxiliaries and light adverbs only. It returns -1
// when a cue does not stand there.
func subjectEnd(toks []detToken, i int) int {
	k := i - 1
	for k >= 0 && !toks[k+1].brk {
		switch t := &toks[k]; {
		case t.glue:
		case t.norm == "has" || t.norm == "have" || t.norm == "had" || isCopula(t.norm):
		case t.norm == "honestly" || t.norm == "definitely" || t.norm == "certainly":
		default:
			return k
		}
		k--
	}
	return -1
}

func (d *detector) flipOne(h *detHit, m *detMatch, mi int, toks []detToken, bonus bool) {
	averse := m.e.kind == opPostAverse || m.e.kind == opAverse
	if h.sense == fixed {
		return
	}
	if h.pol == workbook.Away && h.flipBy >= 0 {
		// Already turned by a negation: the verdict settles it. "I've never
		// been fast and I don't care."
		h.firm = true
		if d.primary(h) {
			h.base += detBonus
		}
		m.applied++
		h.addSpan(Span{toks[m.i].start, toks[m.j-1].end})
		return
	}
	if h.sense == problem {
		if !averse {
			h.drop = true
			return
		}
	} else {
		h.pol = -h.pol
	}
	h.flipBy = int32(mi)
	if averse && bonus && d.primary(h) {
		h.base += detBonus
	}
	m.applied++
	h.addSpan(Span{toks[m.i].start, toks[m.j-1].end})
}

// clauseEndsAt reports whether nothing but glue and a few closing words
// stand between token j and the end of its clause: "Racing? Not really."
func clauseEndsAt(toks []detToken, j int) bool {
	for k := j; k < len(toks); k++ {
		t := &toks[k]
		if t.brk {
			return true
		}
		if t.glue || t.emoji {
			continue
		}
		if closing(t.norm) {
			continue
		}
		return false
	}
	return true
}

// closing reports the words that may close a clause after a verdict:
// "Racing? Not really, thanks.", "not for me anymore".
func closing(w string) bool {
	switch w {
	case "anymore", "either", "at", "personally", "though", "honestly", "lol", "haha",
		"thanks", "thank", "you", "me", "for", "now", "these", "days", "again", "it", "them",
		"tbh", "really", "mate", "tho", "x", "xx", "im", "afraid", "sorry", "ta", "cheers",
		"myself", "to", "be", "truthful", "slightest", "whatsoever", "mostly", "way":
		return true
	}
	return false
}

// copulaBefore reports a negated "to be": "isn't", or "not" right after
// "is", "'s", "are"... "Weight loss is not why I run."
func copulaBefore(e *lexEntry, toks []detToken, i int) bool {
	if len(e.elems) != 1 || e.elems[0].s != "not" && e.elems[0].s != "never" {
		return true // "isn't", "wasn't": a copula in itself
	}
	if i+1 < len(toks) && isCopula(toks[i+1].norm) && e.elems[0].s == "never" {
		return true // "has never been", "was never"
	}
	if i == 0 {
		return false
	}
	p := toks[i-1].norm
	return isCopula(p) || strings.HasSuffix(p, "'s") || strings.HasSuffix(p, "'re") ||
		strings.HasSuffix(p, "'m")
}

func isCopula(w string) bool {
	switch w {
	case "is", "are", "was", "were", "am", "be", "been", "being":
		return true
	}
	return false
}

// experience reports a negation of experience rather than of wanting:
// "I've never run a marathon", "I haven't raced yet", "I'd never raced
// before this year". "I've never been competitive" still negates.
func experience(toks []detToken, i, j int) bool {
	for k := j; k < len(toks) && !toks[k].brk; k++ {
		switch toks[k].norm {
		case "yet", "before", "till", "until":
			return true
		}
	}
	perfect := toks[i].norm != "never" // "haven't", "hadn't"
	if !perfect && i > 0 {
		switch p := toks[i-1].norm; p {
		case "have", "has", "had", "i've", "we've", "they've", "you've":
			perfect = true
		}
	}
	if !perfect {
		return false
	}
	if j < len(toks) && toks[j].norm == "been" {
		return j+1 < len(toks) && toks[j+1].norm == "to" // "never been to a race"
	}
	return true
}

// counterfactual reports "would" or "lost" after "without", which makes it
// praise what it names: "without my club I'd be lost" (but not "I could cry
// without anyone seeing").
func counterfactual(toks []detToken, j int) bool {
	for k := j; k < len(toks); k++ {
		switch toks[k].norm {
		case "would", "i'd", "we'd", "wouldn't", "couldn't", "lost", "could", "can't":
			return true
		}
	}
	return false
}

// betterBefore reports "better than" or "more fun than": what follows is a
// yardstick, not a motive ("her face was better than any PB of mine").
func betterBefore(toks []detToken, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].norm {
		case "better", "nicer", "bigger", "more":
			return k == i-1 || toks[k+1].glue || toks[k].norm == "more"
		}
	}
	return false
}

// preferBefore reports a preference that makes "than" point away: "I'd
// rather explore than race", "I care more about how I feel than my time".
func preferBefore(toks []detToken, i int) bool {
	for k := 0; k < i; k++ {
		t := toks[k].norm
		switch {
		case t == "rather" || strings.HasPrefix(t, "prefer"):
			return true
		case t == "more" && k+1 < i:
			switch toks[k+1].norm {
			case "about", "for", "into", "interested", "important", "motivated", "driven":
				return true
			}
			for _, p := range toks[:k] {
				if p.stem == "car" || p.stem == "matter" { // "care more", "matters to me more"
					return true
				}
			}
		}
	}
	return false
}

// answerCue reads a bare yes or no at the start of an answer to the
// competition question.
func (d *detector) answerCue(sent int32) {
	// d.toks still holds the first sentence's tokens.
	toks := d.toks
	if len(toks) == 0 {
		return
	}
	lex := d.lex
	ci, ok := lex.theme[catalog.Competition]
	if !ok {
		return
	}
	for _, set := range []struct {
		idx []int32
		pol workbook.Polarity
	}{{lex.no, workbook.Away}, {lex.yes, workbook.Toward}} {
		for _, ai := range set.idx {
			e := &lex.answers[ai]
			j := matchEntry(e, toks, 0)
			if j == 0 || (j < len(toks) && !toks[j].brk) {
				continue
			}
			h := detHit{
				theme: ci, pol: set.pol, base: medium.units(), sent: sent, entry: -1,
				tok: 0, tokEnd: int32(j), flipBy: -2,
			}
			h.weight = h.base
			h.addSpan(Span{toks[0].start, toks[j-1].end})
			d.hits = append(d.hits, h)
			return
		}
	}
}

// ---------------------------------------------------------------- findings

type detEvidence struct {
	ev       Evidence
	strength float64
	base     float64
	first    int // index of its first hit, for a stable order
}

func (d *detector) findings(sources []Source) []Finding {
	if len(d.hits) == 0 {
		return nil
	}
	return d.findingsFrom(d.order(), sources)
}

// findingsFrom weighs the hits in order (see order) theme by theme.
func (d *detector) findingsFrom(order []int, sources []Source) []Finding {
	hits := d.hits
	var out []Finding
	for start := 0; start < len(order); {
		theme := hits[order[start]].theme
		end := start
		for end < len(order) && hits[order[end]].theme == theme {
			end++
		}
		if f, ok := d.finding(hits, order[start:end], sources); ok {
			out = append(out, f)
		}
		start = end
	}
	sortFindings(out)
	return out
}

// order applies the sentence factors to the hits and returns their
// indexes sorted by theme, polarity (toward first), sentence and place.
func (d *detector) order() []int {
	hits := d.hits
	for k := range hits {
		hits[k].weight *= d.sentences[hits[k].sent].factor
	}
	order := make([]int, len(hits))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, b int) int {
		ha, hb := &hits[a], &hits[b]
		return cmp.Or(
			cmp.Compare(ha.theme, hb.theme),
			cmp.Compare(hb.pol, ha.pol),
			cmp.Compare(ha.sent, hb.sent),
			cmp.Compare(ha.tok, hb.tok),
			cmp.Compare(a, b),
		)
	})
	return order
}

// sortFindings puts the strongest first, then the catalog's order.
func sortFindings(out []Finding) {
	slices.SortStableFunc(out, func(a, b Finding) int {
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		return cmp.Compare(themeIndex(a.Theme), themeIndex(b.Theme))
	})
}

// detSide is what one side of a theme's evidence adds up to.
type detSide struct {
	strength float64 // cue weights times their modifiers
	base     float64 // cue weights alone: whether enough was said
	sents    int     // sentences with a cue on this side
}

// detTally is one theme's evidence, both sides: [0] toward, [1] away.
type detTally [2]detSide

// decide applies the thresholds: the side the evidence proposes, its lead
// over the other side, and whether it is proposed at all.
func (t *detTally) decide() (pol workbook.Polarity, lead float64, ok bool) {
	pol, win, lose := workbook.Toward, t[0], t[1]
	if t[1].strength > t[0].strength ||
		t[1].strength == t[0].strength && t[1].base > t[0].base {
		pol, win, lose = workbook.Away, t[1], t[0]
	}
	lead = win.strength - lose.strength
	return pol, lead, win.base >= detMinEvidence && lead >= detMinLead
}

// weigh adds up one theme's hits (order sorted by polarity, then
// sentence) and, if sources is not nil, appends one piece of evidence per
// sentence and side.
func (d *detector) weigh(hits []detHit, order []int, sources []Source, evs []detEvidence) (detTally, []detEvidence) {
	var tally detTally
	var seen []int32 // entries already counted, per side
	seenPol := workbook.Polarity(0)
	for start := 0; start < len(order); {
		h0 := &hits[order[start]]
		end := start
		strongest, sum, topBase, sumBase := 0.0, 0.0, 0.0, 0.0
		var spans []Span
		for end < len(order) {
			h := &hits[order[end]]
			if h.pol != h0.pol || h.sent != h0.sent {
				break
			}
			if h.pol != seenPol {
				seen, seenPol = seen[:0], h.pol
			}
			b := h.base
			if h.entry >= 0 && slices.Contains(seen, h.entry) {
				b = 0
			} else {
				seen = append(seen, h.entry)
			}
			strongest = max(strongest, h.weight)
			sum += h.weight
			topBase = max(topBase, b)
			sumBase += b
			if sources != nil {
				spans = append(spans, h.spans[:h.nspans]...)
			}
			end++
		}
		strength := strongest + detSameSentence*(sum-strongest)
		base := topBase + detSameSentence*(sumBase-topBase)
		s := &tally[0]
		if h0.pol == workbook.Away {
			s = &tally[1]
		}
		s.strength += strength
		s.base += base
		s.sents++
		if sources == nil {
			start = end
			continue
		}
		sent := d.sentences[h0.sent]
		evs = append(evs, detEvidence{
			ev: Evidence{
				Source:   sources[sent.src].Label,
				Sentence: sent.text,
				Triggers: mergeSpans(spans),
				Polarity: h0.pol,
			},
			strength: strength,
			base:     base,
			first:    order[start],
		})
		start = end
	}
	return tally, evs
}

// sortEvidence puts the evidence for pol first, strongest first, and the
// evidence pointing the other way after it.
func sortEvidence(evs []detEvidence, pol workbook.Polarity) {
	slices.SortStableFunc(evs, func(a, b detEvidence) int {
		if a.ev.Polarity != b.ev.Polarity {
			if a.ev.Polarity == pol {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.strength, a.strength), cmp.Compare(a.first, b.first))
	})
}

// finding weighs one theme's hits (sorted by polarity, then sentence).
func (d *detector) finding(hits []detHit, order []int, sources []Source) (Finding, bool) {
	tally, evs := d.weigh(hits, order, sources, nil)
	pol, lead, ok := tally.decide()
	if !ok {
		return Finding{}, false
	}
	sortEvidence(evs, pol)
	f := Finding{
		Theme:    themes[hits[order[0]].theme].ID,
		Polarity: pol,
		Score:    1 - math.Exp(-lead/detScoreScale),
		Evidence: make([]Evidence, len(evs)),
	}
	for k := range evs {
		f.Evidence[k] = evs[k].ev
	}
	return f, true
}

func themeIndex(id catalog.ThemeID) int {
	for i, t := range themes {
		if t.ID == id {
			return i
		}
	}
	return len(themes)
}

// mergeSpans sorts spans and joins the ones that overlap.
func mergeSpans(spans []Span) []Span {
	slices.SortFunc(spans, func(a, b Span) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return slices.Clip(out)
}

// ---------------------------------------------------------------- sentences

type detSpan struct{ start, end int }

// splitSentences splits text into trimmed sentences: at ".", "!", "?", an
// ellipsis followed by a capital, and every line break. A leading bullet
// ("- ", "* ", "• ", "1. ") is left out. Abbreviations ("e.g.", "vs.") and
// numbers ("10.5") do not end a sentence. A question answered in the same
// line stays whole: "Racing? Not for me."
func splitSentences(text string, out []detSpan) []detSpan {
	first := len(out)
	emit := func(s, e int) {
		for s < e {
			r, size := utf8.DecodeRuneInString(text[s:])
			if !unicode.IsSpace(r) {
				break
			}
			s += size
		}
		for e > s {
			r, size := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= size
		}
		if s < e {
			out = append(out, detSpan{s, e})
		}
	}
	for lineStart := 0; lineStart <= len(text); {
		lineEnd := len(text)
		if nl := strings.IndexByte(text[lineStart:], '\n'); nl >= 0 {
			lineEnd = lineStart + nl
		}
		s := skipBullet(text, skipBullet(text, lineStart, lineEnd), lineEnd)
		sentStart := s
		for i := s; i < lineEnd; {
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case r == '.' || r == '…':
				k := i
				dots := 0
				for k < lineEnd {
					if text[k] == '.' {
						k++
						dots++
					} else if strings.HasPrefix(text[k:], "…") {
						k += len("…")
						dots += 3
					} else {
						break
					}
				}
				if dots >= 2 {
					if capitalAfter(text, k, lineEnd) {
						emit(sentStart, k)
						sentStart = k
					}
				} else if sentenceDot(text, sentStart, i, lineEnd) {
					k = skipClosers(text, k, lineEnd)
					emit(sentStart, k)
					sentStart = k
				}
				i = k
			case r == '!' || r == '?':
				k := i
				for k < lineEnd && (text[k] == '!' || text[k] == '?') {
					k++
				}
				k = skipClosers(text, k, lineEnd)
				emit(sentStart, k)
				sentStart = k
				i = k
			default:
				i += size
			}
		}
		emit(sentStart, lineEnd)
		lineStart = lineEnd + 1
	}
	// Keep a question and its short answer together: "Racing? Nope."
	merged := out[:first]
	for _, sp := range out[first:] {
		if n := len(merged); n > first {
			prev := merged[n-1]
			if text[prev.end-1] == '?' && !strings.Contains(text[prev.end:sp.start], "\n") &&
				answerWord(text[sp.start:sp.end]) {
				merged[n-1].end = sp.end
				continue
			}
		}
		merged = append(merged, sp)
	}
	return merged
}

// skipBullet returns where a line's text starts, past spaces and a bullet.
func skipBullet(text string, i, end int) int {
	for i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
		i++
	}
	j := i
	r, size := utf8.DecodeRuneInString(text[j:])
	switch r {
	case '-', '*', '•', '·', '+', '>', '–', '—', '◦', '▪', '‣':
		j += size
	default:
		for j < end && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j == i || j >= end || (text[j] != '.' && text[j] != ')') {
			return i
		}
		j++
	}
	if j < end && text[j] != ' ' && text[j] != '\t' {
		return i // "-5k" or "3.5 miles" is not a bullet
	}
	for j < end && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	return j
}

func skipClosers(text string, k, end int) int {
	for k < end {
		r, size := utf8.DecodeRuneInString(text[k:])
		switch r {
		case '"', '\'', ')', ']', '’', '”', '»':
			k += size
			continue
		}
		break
	}
	return k
}

// capitalAfter reports whether the next word after k starts with a capital
// letter (or a digit), or the line ends: an ellipsis there ends a sentence.
func capitalAfter(text string, k, end int) bool {
	for k < end {
		r, size := utf8.DecodeRuneInString(text[k:])
		if unicode.IsSpace(r) || r == '"' || r == '“' {
			k += size
			continue
		}
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return true
}

// sentenceDot decides whether the "." at i ends a sentence.
func sentenceDot(text string, sentStart, i, end int) bool {
	next := i + 1
	if next < end {
		r, _ := utf8.DecodeRuneInString(text[next:])
		if !unicode.IsSpace(r) && !strings.ContainsRune("\"')]’”»", r) {
			return false // "10.5", "e.g.,", "strava.com"
		}
	}
	// The word before the dot, dots included: "e.g", "etc", "vs".
	w := i
	for w > sentStart {
		c := text[w-1]
		if c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			w--
			continue
		}
		break
	}
	word := strings.ToLower(text[w:i])
	switch word {
	case "e.g", "i.e", "eg", "ie", "vs", "v", "approx", "incl", "esp", "dr", "mr", "mrs",
		"ms", "st", "mt", "cf", "ca":
		return false
	case "etc", "min", "mins", "hr", "hrs", "sec", "secs", "no", "a.m", "p.m":
		return capitalAfter(text, next, end)
	}
	return true
}

// opensWithNow reports a sentence that says where the runner is now:
// "Now I just run.", "These days ...".
func opensWithNow(s string) bool {
	for _, p := range [...]string{"now ", "now,", "nowadays", "these days", "but now", "and now"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// answerWord reports a sentence that opens with a yes or a no.
func answerWord(s string) bool {
	end := 0
	for end < len(s) && (s[end] >= 'a' && s[end] <= 'z' || s[end] >= 'A' && s[end] <= 'Z') {
		end++
	}
	switch strings.ToLower(s[:end]) {
	case "no", "nope", "nah", "not", "never", "yes", "yeah", "yep", "yup", "definitely",
		"absolutely", "hardly", "rarely", "sometimes", "always":
		return true
	}
	return false
}

// ---------------------------------------------------------------- words

// A detToken is one word of a sentence.
type detToken struct {
	start, end int    // bytes in the sentence
	norm       string // lower case, straight apostrophes, common spellings fixed
	stem       string
	brk        bool // punctuation between this token and the one before
	glue       bool
	subject    bool
	num, ord   bool
	person     bool
	bad        bool // a word for a bad feeling (lexBad)
	emoji      bool
}

// tokenize splits a sentence into words. low is the sentence lowered by
// lowerSameLength, so byte offsets agree. Hyphens join nothing: "self-esteem"
// is "self" "esteem", and phrases match across the hyphen. Numbers keep
// their decimal points and colons ("21.1", "3:30") and split from units
// ("10k" is "10" "k"; "sub4" is "sub" "4"); ordinals stay whole ("3rd").
func tokenize(text, low string, toks []detToken) []detToken {
	brk := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
				toks, i = appendWord(text, low, i, brk, toks)
				brk = false
				continue
			case c == '-':
				// A spaced dash breaks a clause; a hyphen inside a word does not.
				if i == 0 || text[i-1] == ' ' || i+1 >= len(text) || text[i+1] == ' ' {
					brk = true
				}
			case strings.IndexByte(",;:.!?()[]{}", c) >= 0:
				brk = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			toks, i = appendWord(text, low, i, brk, toks)
			brk = false
			continue
		case r == 0xFE0F || r == 0x200D || r >= 0x1F3FB && r <= 0x1F3FF:
			// Emoji presentation, joiners and skin tones belong to the emoji before.
		case unicode.Is(unicode.So, r):
			toks = append(toks, detToken{start: i, end: i + size, norm: text[i : i+size], brk: brk, emoji: true})
			brk = false
		case unicode.In(r, unicode.Pi, unicode.Pf):
			// Quotation marks neither join nor break.
		case unicode.IsPunct(r):
			brk = true
		}
		i += size
	}
	return toks
}

// appendWord reads the word starting at i and appends it.
func appendWord(text, low string, i int, brk bool, toks []detToken) ([]detToken, int) {
	start := i
	r, size := utf8.DecodeRuneInString(text[i:])
	digits := unicode.IsDigit(r)
	i += size
	ord, curly := false, false
	for i < len(text) {
		r, size = utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r):
			if digits {
				if sfx := strings.ToLower(safeSlice(text, i, i+2)); (sfx == "st" || sfx == "nd" || sfx == "rd" || sfx == "th") &&
					!letterAt(text, i+2) {
					i += 2
					ord = true
				}
				goto done
			}
			i += size
		case unicode.IsDigit(r):
			if !digits {
				goto done
			}
			i += size
		case !digits && (r == '\'' || r == '’' || r == 'ʼ' || r == '‘') && letterAt(text, i+size):
			curly = curly || r != '\''
			i += size
		case digits && (r == '.' || r == ':' || r == ',') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9':
			i++
		default:
			goto done
		}
	}
done:
	norm := low[start:i]
	if curly {
		norm = strings.Map(func(r rune) rune {
			if r == '’' || r == 'ʼ' || r == '‘' {
				return '\''
			}
			return r
		}, norm)
	}
	t := detToken{start: start, end: i, norm: norm, brk: brk, ord: ord, num: digits && !ord}
	return append(toks, t), i
}

func safeSlice(s string, i, j int) string {
	if j > len(s) {
		return ""
	}
	return s[i:j]
}

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// lowerSameLength lowers s without changing any byte offset: a letter
// whose lower case has a different UTF-8 length is left as it is.
func lowerSameLength(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	b := make([]byte, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if lr := unicode.ToLower(r); lr != r && utf8.RuneLen(lr) == size {
			utf8.EncodeRune(b[i:], lr)
		} else {
			copy(b[i:i+size], s[i:i+size])
		}
		i += size
	}
	return string(b)
}

func growInt32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

func growInt16(s []int16, n int) []int16 {
	if cap(s) < n {
		return make([]int16, n)
	}
	return s[:n]
}

func growFloat(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}
