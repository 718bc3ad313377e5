package detect

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// A detector is one reading of a set of sources. Detect makes one, reads
// each source with it (readSource), then asks it for findings.
//
// Reading goes a sentence at a time: split into words (text.go), the
// words matched against the compiled lexicon (compile.go), then the passes
// that turn the theme cues found: scopeForward (negations, aversions and
// boosts reaching ahead), scopeBackward (verdicts reaching back, as in
// "Racing? Not for me."), pastNow ("used to ... now") and yieldAffect
// (good feelings given to the cue they are about). What survives is kept
// as hits, with their weights and the words behind them. A verdict that
// opens a sentence may still turn the sentence before (judgePrevious).
//
// Findings weigh the hits theme by theme: findings applies the lexicon's
// thresholds alone; modelFindings keeps those and adds what the learned
// model reads answer by answer (model.go). The helpers the rules consult
// about single words and runs of tokens are in words.go.
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
	curSent  int32   // and its index
	verdicts []int   // matches in the current sentence that judge the sentence before
	// srcWords counts the words of each source.
	srcWords []int
	// grams collects the words and word pairs the model weighs, when a
	// model is used.
	grams *modelGrams
	// seen and stamp tell which lexicon entries weigh has counted in the
	// source it is weighing (see counted).
	seen  [2][]int32
	stamp int32
	// weighE, weighW and weighB are weigh's scratch, per side.
	weighE [2][]int32
	weighW [2][]float64
	weighB [2][]float64
}

// counted returns the per-entry stamps weigh marks counted entries with,
// one slice per side, as long as the lexicon has entries.
func (d *detector) counted() [2][]int32 {
	if n := len(d.lex.entries); len(d.seen[0]) < n {
		d.seen = [2][]int32{make([]int32, n), make([]int32, n)}
	}
	return d.seen
}

// newDetector makes a detector for nsrc sources; with a model it also
// collects the words of each source that the model knows.
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

// A detSentence is one sentence read, and where its hits are.
type detSentence struct {
	src    int
	text   string
	factor float64 // set by a contrast that opens the next sentence
	// hits [hitFrom, hitTo) in detector.hits are this sentence's.
	hitFrom, hitTo int32
	words          int
	question       bool // ends with "?": a topic a short answer may follow
	// point: among the last two sentences of an answer of four or more,
	// or in a shorter answer: where an answer usually lands, after the
	// story that leads up to it.
	point bool
	// past: a "used to" here is turned by a "now" in a later sentence.
	past bool
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
	// denied: the cue carries its own "no" ("no plan", "no watch"); no
	// other negation turns it again.
	denied bool
	// others: the cue's clause is about someone else ("my husband does it
	// for the medals", "my coach says I should race").
	others bool
	spans  [3]Span
	nspans int8
}

// addSpan records one of the words behind the hit; a hit keeps three.
func (h *detHit) addSpan(s Span) {
	if int(h.nspans) < len(h.spans) {
		h.spans[h.nspans] = s
		h.nspans++
	}
}

// A detMatch is one lexicon entry found in a sentence.
type detMatch struct {
	e       *lexEntry
	i, j    int // tokens [i, j)
	applied int // theme cues this operator acted on
	inert   bool
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
	opens  bool // direct only because it opens a clause: not for a person
}

// A detEvidence is one sentence's evidence for a theme, with what it is
// ranked by.
type detEvidence struct {
	ev       Evidence
	strength float64
	base     float64
	first    int // index of its first hit, for a stable order
	sent     int32
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

// ---------------------------------------------------------------- reading

// readSource reads source si: its sentences and their hits, and, for the
// model, its words. An answer of fewer than detMinWords words keeps only a
// bare yes or no to the competition question.
func (d *detector) readSource(si int, src Source) {
	text := src.Text
	if strings.TrimSpace(text) == "" {
		return
	}
	low := lowerSameLength(text)
	d.spans = splitSentences(text, d.spans[:0])
	firstSent, firstHit := len(d.sentences), len(d.hits)
	words := 0
	// nowFrom: the first sentence after which one says where the runner
	// is now ("Now I ...", "These days ..."): a "used to" before it is
	// the past, however many sentences of story come between.
	nowFrom := len(d.spans)
	for k := len(d.spans) - 1; k > 0; k-- {
		if opensWithNow(text[d.spans[k].start:d.spans[k].end]) {
			nowFrom = k
		}
	}
	head := headNone
	for k, sp := range d.spans {
		sent := int32(len(d.sentences))
		st := text[sp.start:sp.end]
		d.sentences = append(d.sentences, detSentence{src: si, text: st, factor: 1,
			question: strings.HasSuffix(strings.TrimRight(st, " \"')”’)"), "?")})
		words += d.readSentence(sent, text[sp.start:sp.end], low[sp.start:sp.end], nowFrom < len(d.spans) && k < nowFrom)
		if k == 0 && src.Label == "competition" {
			d.answerCue(sent)
		}
		switch {
		case k > 0 && head != headNone && bulletBefore(text, d.spans[k-1].end, sp.start):
			d.underHead(sent, head)
		case strings.HasSuffix(st, ":"):
			head = d.listHeadKind(sent)
		default:
			head = headNone
		}
	}
	d.srcWords[si] = words
	d.thenAndNow(firstSent, nowFrom)
	n := len(d.sentences) - firstSent
	for k := firstSent; k < len(d.sentences); k++ {
		d.sentences[k].point = n < 4 || k >= len(d.sentences)-2
	}
	if d.grams != nil {
		d.grams.whole(si, words, src.Label)
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

// thenAndNow reads the story between a "used to" and the "now" that
// turns it as the past too: "I used to be all about the numbers. Club
// champs, age-grading, a PB to the second. These days ..." The cues that
// point toward in the sentences between them count detThenStory of their
// weight.
func (d *detector) thenAndNow(first, nowFrom int) {
	from := -1
	for k := first; k < len(d.sentences) && k-first < nowFrom; k++ {
		s := &d.sentences[k]
		switch {
		case s.past:
			from = k
		case from >= 0:
			for h := s.hitFrom; h < s.hitTo; h++ {
				if hit := &d.hits[h]; hit.pol == workbook.Toward && hit.sense != problem && hit.sense != fixed {
					hit.weight *= detThenStory
				}
			}
		}
	}
}

// readSentence finds the theme cues in one sentence and records them as
// hits. nowNext says a later sentence of the answer opens with "now" or
// "these days", which turns a "used to" in this one into the past. It
// returns the number of words read.
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
	d.curSent = sent
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

	others := d.voice(toks)

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
				others: others&(1<<min(d.clause[m.i], 63)) != 0,
			}
			if m.e.with && h.base > weak.units() && !d.activeNear(toks, m) {
				// "snappy with the kids": company only when something is
				// run or done together.
				h.base = weak.units()
			}
			if lt.sense == problem && othersOwn(toks, m) {
				// "I'm caring for my husband after his stroke": someone
				// else's trouble is the setting, not the runner's motive.
				h.base *= detOthers
			} else if (themes[lt.theme].ID == catalog.Achievement || themes[lt.theme].ID == catalog.Competition) && d.othersEvent(toks, m) {
				// "her first sub-2 half", "my dad came to watch my first
				// marathon": someone else's goal, or the setting of what
				// someone else did, says less about the runner's own.
				h.base *= detOthers
			}
			h.addSpan(Span{toks[m.i].start, toks[m.j-1].end})
			h.person = toks[m.j-1].person
			h.denied = negator(toks[m.i].norm)
			sh = append(sh, h)
		}
	}
	d.sentHits = sh
	d.verdicts = d.verdicts[:0]
	d.scopeForward(toks, ms)
	d.scopeBackward(toks, ms)
	d.pastNow(toks, ms, nowNext)
	d.consequence(toks, ms)
	d.echo(sent, toks)
	d.yieldAffect(toks)
	d.irony(sent, toks)
	for k := range d.sentHits {
		h := &d.sentHits[k]
		if h.drop {
			continue
		}
		h.weight = h.base * d.segFactor(int(h.seg)) * d.clauseF[h.clause]
		if h.others && themes[h.theme].ID != catalog.Affiliation {
			// "My husband does it for the medals", "my coach says I should
			// race": someone else's motive weighs less. (Company cues are
			// about the person: "my sister and I".)
			h.weight *= detOthers
		}
		d.hits = append(d.hits, *h)
	}
	d.sentences[sent].hitTo = int32(len(d.hits))
	for _, mi := range d.verdicts {
		d.judgePrevious(sent, toks, ms, mi)
	}
	return words
}

// voice says, clause by clause (bit c for clause c), which clauses are
// about someone else: those whose subject is a third person ("he",
// "she", "they", "everyone") or a person of the runner's ("my coach says
// I should race", "my sister does it to lose weight"), but not "my
// husband and I" nor "with my sister".
func (d *detector) voice(toks []detToken) (others uint64) {
	seen := uint64(0) // clauses whose subject has been read
	for k := range toks {
		c := min(d.clause[k], 63)
		bit := uint64(1) << c
		t := &toks[k]
		if seen&bit != 0 {
			continue
		}
		switch {
		case t.subject:
			seen |= bit
			switch t.norm {
			case "he", "she", "they", "he's", "she's", "they're", "they've":
				others |= bit
			}
		case t.norm == "everyone" || t.norm == "everybody":
			seen |= bit
			others |= bit
		case t.person && t.stem != "run" && k > 0 && (toks[k-1].norm == "my" || toks[k-1].norm == "our") && !toks[k].brk:
			seen |= bit
			// "my sister does", but not "my sister and I", nor "with my sister".
			and := k+2 < len(toks) && toks[k+1].norm == "and" && toks[k+2].subject
			prep := k > 1 && d.clause[k-2] == d.clause[k] && preposition(toks[k-2].norm)
			if !and && !prep && k+1 < len(toks) && d.clause[k+1] == d.clause[k] && !toks[k+1].glue {
				others |= bit
			}
		}
	}
	return others
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
	// A verdict with nothing to judge answers the question itself: "Not
	// my thing.", "Hard pass, I'm afraid."
	if d.sentences[sent].hitTo > d.sentences[sent].hitFrom {
		return
	}
	for mi := range d.matches {
		m := &d.matches[mi]
		if m.e.kind != opPostAverse && m.e.kind != opPostNegate || m.i > 1 || !clauseEndsAt(toks, d.clause, m.j) {
			continue
		}
		if m.i == 1 && !toks[0].subject && !pronoun(toks[0].norm) && !filler(toks[0].norm) {
			continue
		}
		h := detHit{
			theme: ci, pol: workbook.Away, base: medium.units(), sent: sent, entry: -1,
			tok: int32(m.i), tokEnd: int32(m.j), flipBy: -2,
		}
		h.weight = h.base
		h.addSpan(Span{toks[m.i].start, toks[m.j-1].end})
		d.hits = append(d.hits, h)
		d.sentences[sent].hitTo = int32(len(d.hits))
		return
	}
}

// othersEvent reports a goal or race cue that belongs to someone else
// ("her first half", "his PB") or is only where someone else did something
// ("mum came to cheer at my first 10k", "he came to watch my first
// marathon").
func (d *detector) othersEvent(toks []detToken, m *detMatch) bool {
	if othersOwn(toks, m) {
		return true
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

// othersOwn reports a cue that someone else owns: "her first half",
// "his stroke", "my dad's heart attack".
func othersOwn(toks []detToken, m *detMatch) bool {
	for k := m.i - 1; k >= 0 && k >= m.i-2 && !toks[k+1].brk; k-- {
		switch w := toks[k].norm; {
		case w == "her" || w == "his" || w == "their":
			return true
		case toks[k].person && strings.HasSuffix(w, "'s"):
			return true
		case !toks[k].glue:
			return false
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

// segFactor weighs a contrast segment of the current sentence: the ones
// before its last contrast count less, the ones after its first more.
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

// A list head on a line of its own ("Would not love:", "Hate:") and what
// it does to the items on the lines after it.
type headKind int8

const (
	headNone headKind = iota
	headToward
	headAway
)

// listHeadKind reads a line ending with a colon that names no theme:
// an aversion or a negation in it makes it a head that turns its items
// away ("Would not love:", "Not for me:"), a boost one that draws to them
// ("Would love:"). d.matches still holds the line's matches.
func (d *detector) listHeadKind(sent int32) headKind {
	if s := &d.sentences[sent]; s.hitTo > s.hitFrom {
		return headNone
	}
	kind := headNone
	for mi := range d.matches {
		switch d.matches[mi].e.kind {
		case opNegate, opAverse, opPostAverse, opPostNegate:
			return headAway
		case opBoost:
			kind = headToward
		}
	}
	return kind
}

// underHead applies a list head to one of its items: a head that turns
// away turns the item's cues that point toward, with an aversion's weight
// for the clearest of them; one that draws adds nothing, the items say
// it themselves.
func (d *detector) underHead(sent int32, head headKind) {
	if head != headAway {
		return
	}
	s := &d.sentences[sent]
	top := int32(-1)
	for k := s.hitFrom; k < s.hitTo; k++ {
		h := &d.hits[k]
		if h.drop || h.sense != toward || h.pol != workbook.Toward || h.flipBy != -1 {
			continue
		}
		h.pol, h.flipBy = workbook.Away, -3
		if top < 0 || h.base > d.hits[top].base {
			top = k
		}
	}
	if top >= 0 && d.primary(&d.hits[top]) {
		h := &d.hits[top]
		factor := h.weight / h.base
		h.base += detBonus
		h.weight = h.base * factor
	}
}

// ---------------------------------------------------------------- turning cues around

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
					if !engaging(toks[i].stem) && !preposition(toks[i].norm) && !lightAdjective(toks[i].norm) &&
						!motiveFrame(toks, i) && !desire(toks[i].stem) {
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
			if op.m >= 0 && hit < len(d.sentHits) && d.sentHits[hit].denied {
				// "No races, no plan": a cue that carries its own "no" is
				// not turned again; the list goes on past it.
				op.hit = true
			} else if op.m >= 0 {
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
			case m.e.flags&flagExperience != 0 && experience(toks, m.i, m.j) && !refusalAfter(toks, m.j):
				// "I've never run a marathon", "I'd never raced before".
				m.inert = true
				op.m = -1
			case m.e.flags&flagCounterfactual != 0 && counterfactual(toks, m.i, m.j):
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
				// So does one that opens a clause after a comma or a dash:
				// "I run for my head, not the pace" (but not a role, "not a
				// mum, not a wife", nor "not even the pub").
				opens := toks[m.i].brk && !(m.j < len(toks) && toks[m.j].norm == "even")
				direct := f&flagDirect != 0 || m.i == 0 || opens
				op = detOp{m: int(mi), kind: opNegate, window: int(m.e.window),
					cross: f&flagCross != 0, direct: direct, bonus: true, cease: f&flagCease != 0,
					opens: opens && f&flagDirect == 0 && m.i > 0}
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
		case opBoundary:
			if op.m < 0 || !complementizer(toks[i].norm) || !d.openObject(toks, &ms[op.m], i) {
				op.m = -1
			}
		case opContrast, opBlock, opPostAverse, opPostNegate, opAccept:
			op.m = -1
		}
		i = m.j
	}
}

// openObject reports a question word at i that opens what operator m is
// about, rather than a new clause: right after the operator, or after a
// verb of caring or knowing in its reach. "I don't care who finishes
// ahead of me", "I never mind what the watch says".
func (d *detector) openObject(toks []detToken, m *detMatch, i int) bool {
	if i == m.j {
		return true
	}
	for k := i - 1; k >= m.j && k >= i-2; k-- {
		if attitude(toks[k].stem) {
			return true
		}
	}
	return false
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
		action := op.direct && !(op.opens && h.person) || op.count == 0 && strings.HasSuffix(toks[h.tok].norm, "ing")
		switch {
		case action && op.bonus && (op.count == 0 || op.count <= 2 && !op.plain) && d.primary(h):
			h.base += detBonus
		case identityAfter(toks, int(h.tokEnd)) && d.primary(h):
			// "I'm not a numbers person", "never been a race person": an
			// identity turned down is an aversion, not a description.
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
		anaphor := anaphorAfter(toks, d.clause, m.j, d.cueAt)
		ends := clauseEndsAt(toks, d.clause, m.j) || anaphor
		switch {
		case kind == opPostAverse || kind == opPostNegate || kind == opAccept:
		case kind == opNegate && idle && d.actionOnPronoun(toks, m):
			// Stopping or not doing what a pronoun points back at: "I
			// stopped opening them", "I'm trying not to look at it".
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
	ends := clauseEndsAt(toks, d.clause, m.j) || anaphorAfter(toks, d.clause, m.j, d.cueAt) ||
		d.actionOnPronoun(toks, m) || newSubjectAt(toks, m.j)
	if !ends || turnedRound(toks, m.j) {
		return false
	}
	for k := m.i - 1; k >= 0; k-- {
		if toks[k+1].brk || d.clause[k] != d.clause[m.i] {
			// Its clause starts here, after a comma or a word such as "so":
			// "... depending on sleep so I stopped caring about it".
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
	if h.drop || h.sense == fixed || h.denied && (m.e.kind == opNegate || m.e.kind == opPostNegate) {
		return false
	}
	if h.denied {
		return settles(m.e.kind)
	}
	if h.flipBy == -1 {
		return m.e.kind != opAccept
	}
	return h.pol == workbook.Away && !h.firm && h.sense != away && h.flipBy >= 0 &&
		d.matches[h.flipBy].e.kind == opNegate && settles(m.e.kind)
}

// clauseHasSubject reports a subject ("I", "we", "she's") in clause c.
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
	// "I'm not." "I don't." A verb left out points back at what was said,
	// often someone else's idea of the runner, and makes it their own.
	ellipsis := d.elliptical(toks, m)
	action := d.actionOnPronoun(toks, m)
	anaphor := anaphorAfter(toks, d.clause, m.j, d.cueAt) || d.pronounBefore(toks, m) || denial(toks, m) ||
		action || ellipsis
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
	// An aversion is evidence in itself, and so is an action turned down
	// on a pronoun: "I stopped opening them", "I don't need them".
	// "It isn't." on its own after a claim takes the claim back: sarcasm
	// explained ("My dream weekend is a mass start road race. (It
	// isn't.)").
	retract := m.e.kind == opNegate && len(toks) <= m.j+1 && m.i == 1 && pronoun(toks[0].norm) &&
		clauseEndsAt(toks, d.clause, m.j) && len(targets) == 1 && !d.sentences[targets[0]].question
	averse := m.e.kind == opAverse || m.e.kind == opPostAverse || ellipsis || retract || action ||
		m.e.kind == opNegate && m.e.flags&flagDirect != 0 && anaphor && !pronounSubject(toks, m)
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
			if ellipsis && h.others {
				// "Everyone thinks I'm training for a marathon. I'm not."
				h.others = false
				if themes[h.theme].ID != catalog.Affiliation {
					factor /= detOthers
				}
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

// actionOnPronoun reports a negation of doing something to a pronoun
// object: a stop ("I stopped opening them", "gave it up") or a verb of
// engaging ("not to look at it", "I never check them").
func (d *detector) actionOnPronoun(toks []detToken, m *detMatch) bool {
	if m.e.kind != opNegate {
		return false
	}
	if m.e.flags&flagCease != 0 {
		return d.verbOnPronoun(toks, m)
	}
	j := m.j
	for j < len(toks) && (toks[j].norm == "to" || toks[j].norm == "even") && !toks[j].brk {
		j++
	}
	return j < len(toks) && j > m.j-1 && !toks[j].brk && engaging(toks[j].stem) && !d.cueAt(j) &&
		d.verbOnPronoun(toks, &detMatch{e: m.e, i: m.i, j: j})
}

// verbOnPronoun reports a pronoun object ending the clause after match
// m, straight after it or after one verb: "gave it up", "stopped opening
// them after a while".
func (d *detector) verbOnPronoun(toks []detToken, m *detMatch) bool {
	if anaphorAfter(toks, d.clause, m.j, d.cueAt) {
		return true
	}
	j := m.j
	return j+1 < len(toks) && !toks[j].brk && !toks[j+1].brk && !d.cueAt(j) && !toks[j].glue &&
		d.clause[j+1] == d.clause[j] && anaphorAfter(toks, d.clause, j+1, d.cueAt)
}

// cueAt reports a theme cue matched at token k of the current sentence.
func (d *detector) cueAt(k int) bool {
	mi := d.matchAt[k]
	return mi >= 0 && d.matches[mi].e.kind == opTheme
}

// elliptical reports a negation that ends a clause of its own with only
// the runner and an auxiliary before it: "I'm not.", "I don't, though.",
// "we won't". The verb left out is the one said before.
func (d *detector) elliptical(toks []detToken, m *detMatch) bool {
	if m.e.kind != opNegate || !clauseEndsAt(toks, d.clause, m.j) {
		return false
	}
	first := false
	for k := m.i - 1; k >= 0 && d.clause[k] == d.clause[m.i]; k-- {
		switch w := toks[k].norm; {
		case w == "i" || w == "i'm" || w == "we" || w == "we're" || w == "i've" || w == "we've":
			first = true
		case w == "am" || w == "do" || w == "did" || w == "have" || w == "was" || w == "really" ||
			w == "just" || w == "honestly" || w == "but" || w == "and" || w == "so" || w == "definitely":
		default:
			return false
		}
		if toks[k].brk {
			break
		}
	}
	return first
}

// pronounSubject reports a negation whose subject is a pronoun: "it
// doesn't", "that isn't" describe what came before; they do not turn it
// down.
func pronounSubject(toks []detToken, m *detMatch) bool {
	return m.i > 0 && pronoun(toks[m.i-1].norm)
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

// flipBack turns the hits before match m (index mi) that in selects and m
// can judge, and reports whether there were any.
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

// flipAhead turns the cues just after match m, up to punctuation, a
// contrast or four content words: "It doesn't matter what my time is".
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
			// A new clause ends the reach, unless it opens right after the
			// verdict with a question word: "doesn't matter if it's 5k".
			newClause := d.clause[t] != d.clause[t-1] && !(t == m.j && complementizer(toks[t].norm))
			if toks[t].brk || newClause || (d.matchAt[t] >= 0 && d.matches[d.matchAt[t]].e.kind == opContrast) {
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

// hitEndsAt reports a hit in the clause whose cue ends at token end.
func (d *detector) hitEndsAt(clause int16, end int) bool {
	for k := range d.sentHits {
		if h := &d.sentHits[k]; h.clause == clause && int(h.tokEnd) == end {
			return true
		}
	}
	return false
}

// flipOne turns hit h by the verdict m (index mi), or settles it when a
// negation has turned it already; bonus lets an aversion add its bonus.
func (d *detector) flipOne(h *detHit, m *detMatch, mi int, toks []detToken, bonus bool) {
	averse := m.e.kind == opPostAverse || m.e.kind == opAverse
	if h.sense == fixed {
		return
	}
	if h.pol == workbook.Away && (h.flipBy >= 0 || h.denied) {
		// Already turned by a negation, or by its own "no": the verdict
		// settles it. "I've never been fast and I don't care", "No watch,
		// no races, I'm not interested in any of that."
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
		if nowNext && until == len(toks) {
			d.sentences[d.curSent].past = true
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

// echo reads "... and neither do I", "so do I", "me neither": the runner
// takes what someone else said as their own. The cues of the clause
// before (or, opening a sentence, of the sentence before) stop being
// someone else's and weigh in full, the way they were turned there: "she
// hates all that and so do I", "Bramble doesn't care about age-grading
// and neither do I".
func (d *detector) echo(sent int32, toks []detToken) {
	at := echoAt(toks)
	if at < 0 {
		return
	}
	if at > 0 {
		// In its sentence: the weights are not set yet, so clearing the
		// mark is enough.
		for k := range d.sentHits {
			if h := &d.sentHits[k]; int(h.tok) < at {
				h.others = false
			}
		}
		return
	}
	if sent == 0 || d.sentences[sent-1].src != d.sentences[sent].src {
		return
	}
	prev := &d.sentences[sent-1]
	for k := prev.hitFrom; k < prev.hitTo; k++ {
		if h := &d.hits[k]; h.others {
			h.others = false
			if themes[h.theme].ID != catalog.Affiliation {
				h.weight /= detOthers
			}
		}
	}
}

// consequence reads a goal by what it does to the runner: a sentence that
// opens with "if", "whenever" or "every time" and names a cue, then says
// in its main clause that the runner ends up dreading it, hating it or
// feeling bad: "whenever I set a target I start dreading my runs", "every
// time I enter a race I feel sick". The cues of the opening clause turn
// away. Not when the opening clause is itself a loss ("if I miss a run I
// feel awful": the run is wanted), nor for troubles ("whenever I'm
// stressed").
func (d *detector) consequence(toks []detToken, ms []detMatch) {
	start := conditionOpener(toks)
	if start == 0 {
		return
	}
	main, subjects := -1, 0
	for k := start; k < len(toks); k++ {
		if toks[k].brk {
			main = k
			break
		}
		if toks[k].subject {
			if subjects++; subjects == 2 {
				main = k
				break
			}
		}
	}
	if main < 0 || !toks[main].brk && d.clause[main] != d.clause[0] {
		// "Every time I get out the door when I don't want to": the second
		// subject opens a clause of its own, not the main one.
		return
	}
	for k := start; k < main; k++ {
		if negator(toks[k].norm) || losing(toks[k].stem) {
			return
		}
	}
	bad := false
	for k := main; k < len(toks) && !bad; k++ {
		if mi := d.matchAt[k]; mi >= 0 {
			switch ms[mi].e.kind {
			case opAverse, opPostAverse:
				bad = true
			case opContrast:
				return
			}
		}
		bad = bad || toks[k].bad && feeling(toks, k)
	}
	if !bad {
		return
	}
	top := -1
	for k := range d.sentHits {
		h := &d.sentHits[k]
		if int(h.tok) >= main || h.drop || h.sense != toward || h.pol != workbook.Toward || h.flipBy != -1 {
			continue
		}
		h.pol, h.flipBy = workbook.Away, int32(d.matchAt[main])
		if top < 0 || h.base > d.sentHits[top].base {
			top = k
		}
	}
	if top >= 0 && d.primary(&d.sentHits[top]) {
		d.sentHits[top].base += detBonus
	}
}

// irony reads sarcasm, which says the opposite of its words: a wink (🙃,
// 🙄), "nothing says fun like ...", "... said no one ever". The cues the
// sentence praises turn away, and a good feeling said of them is no joy.
// "Said no one" is about the sentence before as well: "A marathon in the
// sleet. Said no one ever."
func (d *detector) irony(sent int32, toks []detToken) {
	wink, said, says := false, -1, false
	for k := range toks {
		t := &toks[k]
		switch {
		case t.emoji && winkEmoji(t.norm):
			wink = true
		case t.norm == "said" && k+1 < len(toks) && (toks[k+1].norm == "nobody" || toks[k+1].norm == "no" &&
			k+2 < len(toks) && (toks[k+2].norm == "one" || toks[k+2].norm == "runner" || toks[k+2].norm == "ever")):
			said = k
		case t.norm == "nothing" && k+2 < len(toks) && (toks[k+1].norm == "says" || toks[k+1].norm == "screams"):
			says = true
		}
	}
	if !wink && said < 0 && !says {
		return
	}
	top := -1
	for k := range d.sentHits {
		h := &d.sentHits[k]
		if h.drop || said >= 0 && int(h.tok) >= said {
			continue
		}
		switch {
		case h.sense == affect || themes[h.theme].ID == catalog.Joy && says:
			h.drop = true
		case h.sense == toward && h.pol == workbook.Toward:
			h.pol, h.flipBy = workbook.Away, -4
			if top < 0 || h.base > d.sentHits[top].base {
				top = k
			}
		}
	}
	if top >= 0 && d.primary(&d.sentHits[top]) {
		d.sentHits[top].base += detBonus
	}
	if said < 0 || sent == 0 || d.sentences[sent-1].src != d.sentences[sent].src {
		return
	}
	prev := &d.sentences[sent-1]
	top = -1
	for k := prev.hitFrom; k < prev.hitTo; k++ {
		h := &d.hits[k]
		if !h.drop && h.sense == toward && h.pol == workbook.Toward {
			factor := 1.0
			if h.base > 0 {
				factor = h.weight / h.base
			}
			h.pol, h.flipBy = workbook.Away, -4
			if top < 0 || h.base > d.hits[top].base {
				top = int(k)
			}
			h.weight = h.base * factor
		}
	}
	if top >= 0 && d.primary(&d.hits[top]) {
		h := &d.hits[top]
		factor := h.weight / h.base
		h.base += detBonus
		h.weight = h.base * factor
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

// ---------------------------------------------------------------- weighing

// findings proposes the themes the lexicon's thresholds allow, with no
// model.
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

// order applies the sentence factors to the hits, and the story's
// (detStory), and returns their indexes sorted by theme, sentence,
// polarity (toward first) and place.
func (d *detector) order() []int {
	hits := d.hits
	for k := range hits {
		hits[k].weight *= d.sentences[hits[k].sent].factor
		if !d.sentences[hits[k].sent].point {
			hits[k].weight *= detStory
		}
	}
	order := make([]int, len(hits))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, b int) int {
		ha, hb := &hits[a], &hits[b]
		return cmp.Or(
			cmp.Compare(ha.theme, hb.theme),
			cmp.Compare(ha.sent, hb.sent),
			cmp.Compare(hb.pol, ha.pol),
			cmp.Compare(ha.tok, hb.tok),
			cmp.Compare(a, b),
		)
	})
	return order
}

// weigh adds up one theme's hits (order sorted by sentence, then
// polarity) and, if sources is not nil, appends one piece of evidence per
// sentence.
//
// A sentence is evidence for one side of a theme, never both: when its
// cues point both ways ("Mostly I run alone, but now and then with a
// friend from work"), the side they point to more takes the sentence, with
// what it leads by, and its triggers are that side's words alone; a tie
// leaves the sentence out. Within one answer a cue counts once, however
// often it recurs: "splits, splits, splits" or "numbers" in three
// sentences are one cue.
func (d *detector) weigh(hits []detHit, order []int, sources []Source, evs []detEvidence) (detTally, []detEvidence) {
	var tally detTally
	// Entries already counted in this source, per side: counted[x][e] is
	// the stamp of the source (d.stamp) that counted entry e, so that
	// checking is constant time however many cues an answer holds.
	counted := d.counted()
	var stamp int32
	src := -1
	var spans [2][]Span
	for start := 0; start < len(order); {
		h0 := &hits[order[start]]
		if s := d.sentences[h0.sent].src; s != src {
			src = s
			d.stamp++
			stamp = d.stamp
		}
		var side [2]struct {
			strongest, sum, topBase, sumBase float64
			n, first                         int
			entries                          []int32
			// w and b are what each of entries counts for: its strongest
			// occurrence in the sentence.
			w, b []float64
		}
		for x := range 2 {
			// Scratch kept across sentences, so weighing allocates once.
			side[x].entries, side[x].w, side[x].b = d.weighE[x][:0], d.weighW[x][:0], d.weighB[x][:0]
		}
		spans[0], spans[1] = spans[0][:0], spans[1][:0]
		end := start
		for end < len(order) && hits[order[end]].sent == h0.sent {
			h := &hits[order[end]]
			x := sideOf(h.pol)
			sd := &side[x]
			if sd.n == 0 {
				sd.first = order[end]
			}
			sd.n++
			w, b := h.weight, h.base
			switch k := slices.Index(sd.entries, h.entry); {
			case h.entry < 0:
				// No lexicon entry (a verdict's own hit, an answer): each
				// counts.
				sd.entries = append(sd.entries, -1)
				sd.w, sd.b = append(sd.w, w), append(sd.b, b)
			case counted[x][h.entry] == stamp:
			case k >= 0:
				// The same cue again in the sentence counts once, as its
				// strongest occurrence: "I used to race, but I'd rather not
				// turn up to races" is the second.
				sd.w[k], sd.b[k] = max(sd.w[k], w), max(sd.b[k], b)
			default:
				sd.entries = append(sd.entries, h.entry)
				sd.w, sd.b = append(sd.w, w), append(sd.b, b)
			}
			if sources != nil {
				spans[x] = append(spans[x], h.spans[:h.nspans]...)
			}
			end++
		}
		start = end
		var strength, base [2]float64
		for x := range 2 {
			sd := &side[x]
			d.weighE[x], d.weighW[x], d.weighB[x] = sd.entries, sd.w, sd.b
			for k := range sd.w {
				sd.strongest = max(sd.strongest, sd.w[k])
				sd.sum += sd.w[k]
				sd.topBase = max(sd.topBase, sd.b[k])
				sd.sumBase += sd.b[k]
			}
			strength[x] = sd.strongest + detSameSentence*(sd.sum-sd.strongest)
			base[x] = sd.topBase + detSameSentence*(sd.sumBase-sd.topBase)
		}
		win := 0
		switch {
		case side[1].n == 0:
		case side[0].n == 0:
			win = 1
		case strength[1] > strength[0] || strength[1] == strength[0] && base[1] > base[0]:
			win = 1
		case strength[1] == strength[0] && base[1] == base[0]:
			continue // evenly both ways: evidence for neither
		}
		lead := strength[win] - strength[1-win]
		if side[win].n == 0 || lead <= 0 && side[1-win].n > 0 {
			continue
		}
		for _, e := range side[win].entries {
			if e >= 0 {
				counted[win][e] = stamp
			}
		}
		s := &tally[win]
		s.strength += lead
		s.base += base[win]
		if lead > 0 {
			s.sents++ // a sentence that only repeats a cue adds nothing
		}
		if sources == nil {
			continue
		}
		sent := d.sentences[h0.sent]
		evs = append(evs, detEvidence{
			ev: Evidence{
				Source:   sources[sent.src].Label,
				Sentence: sent.text,
				Triggers: mergeSpans(slices.Clone(spans[win])),
				Polarity: polOf(win),
			},
			strength: lead,
			base:     base[win],
			first:    side[win].first,
			sent:     h0.sent,
		})
	}
	return tally, evs
}

// finding weighs one theme's hits (sorted by polarity, then sentence).
func (d *detector) finding(hits []detHit, order []int, sources []Source) (Finding, bool) {
	tally, evs := d.weigh(hits, order, sources, nil)
	pol, lead, ok := tally.decide()
	if !ok {
		return Finding{}, false
	}
	sortEvidence(evs, pol)
	score := 1 - math.Exp(-lead/detScoreScale)
	f := Finding{
		Theme:    themes[hits[order[0]].theme].ID,
		Polarity: pol,
		Score:    score,
		Strength: lexiconStrength(score),
	}
	f.Evidence = distinct(evs)
	return f, true
}

// distinct returns the evidence, strongest first as sorted, with each
// sentence once: an answer that says the same thing again (or two answers
// that share a sentence) is read again, but shown once, where it counted
// most. Sentences differing only in case or spacing are the same.
func distinct(evs []detEvidence) []Evidence {
	out := make([]Evidence, 0, len(evs))
	seen := make(map[string]bool, len(evs))
	for _, e := range evs {
		key := e.ev.Polarity.String() + strings.ToLower(strings.Join(strings.Fields(e.ev.Sentence), " "))
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, e.ev)
	}
	return out
}

// ---------------------------------------------------------------- the model's findings

// bySource groups the hits by source and theme: the hits sorted by
// source, theme, sentence, polarity (toward first) and place, and where
// each source's run of them starts (from[s] to from[s+1]). Hits are
// recorded source by source, so this is one sort, never a scan of every
// hit for every source.
type bySource struct {
	order []int
	from  []int
}

func (d *detector) bySource(nsrc int) bySource {
	hits := d.hits
	b := bySource{order: make([]int, len(hits)), from: make([]int, nsrc+1)}
	for k := range b.order {
		b.order[k] = k
	}
	slices.SortFunc(b.order, func(a, c int) int {
		ha, hc := &hits[a], &hits[c]
		return cmp.Or(
			cmp.Compare(d.sentences[ha.sent].src, d.sentences[hc.sent].src),
			cmp.Compare(ha.theme, hc.theme),
			cmp.Compare(ha.sent, hc.sent),
			cmp.Compare(hc.pol, ha.pol),
			cmp.Compare(ha.tok, hc.tok),
			cmp.Compare(a, c),
		)
	})
	for _, k := range b.order {
		b.from[d.sentences[hits[k].sent].src+1]++
	}
	for s := range nsrc {
		b.from[s+1] += b.from[s]
	}
	return b
}

// theme returns the hits of theme t in source s, in order.
func (b bySource) theme(d *detector, s, t int) []int {
	run := b.order[b.from[s]:b.from[s+1]]
	i, _ := slices.BinarySearchFunc(run, t, func(k, t int) int { return cmp.Compare(int(d.hits[k].theme), t) })
	j := i
	for j < len(run) && int(d.hits[run[j]].theme) == t {
		j++
	}
	return run[i:j]
}

// sourceTallies weighs each theme's lexicon evidence answer by answer.
func (d *detector) sourceTallies(b bySource, nsrc int) [][nThemes]detTally {
	out := make([][nThemes]detTally, nsrc)
	for s := range nsrc {
		run := b.order[b.from[s]:b.from[s+1]]
		for start := 0; start < len(run); {
			theme := d.hits[run[start]].theme
			end := start
			for end < len(run) && d.hits[run[end]].theme == theme {
				end++
			}
			out[s][theme], _ = d.weigh(d.hits, run[start:end], nil, nil)
			start = end
		}
	}
	return out
}

// occFrom gives where each source's feature occurrences start in
// d.grams.occ (from[s] to from[s+1]): they are recorded in reading order.
func (d *detector) occFrom(nsrc int) []int {
	from := make([]int, nsrc+1)
	for _, o := range d.grams.occ {
		from[o.src+1]++
	}
	for s := range nsrc {
		from[s+1] += from[s]
	}
	return from
}

// modelFindings reads each answer with the model (model.go). In an answer
// of modelMinWords words or more the model decides which themes the
// answer holds and which way, the lexicon's readings being some of what it
// weighs: it can turn down what the lexicon would propose (a race that is
// backstory, a partner's motive) as well as add what the lexicon missed. A
// shorter answer keeps what the lexicon proposes, whose rules know when a
// line says something ("Racing? Not for me.") and when it does not. Each
// answer's reading is a vote, with the model's probability or, for a
// short answer, the lexicon's score (1 - e^(-lead/detScoreScale)); the
// votes of a season's answers combine per theme (see combineVotes).
func (d *detector) modelFindings(sources []Source, m *themeModel) []Finding {
	if len(d.hits) > 0 {
		d.order() // applies the sentence factors
	}
	bs := d.bySource(len(sources))
	tallies := d.sourceTallies(bs, len(sources))
	occFrom := d.occFrom(len(sources))
	votes := make([][nThemes]modelVote, len(sources))
	var rows []int32
	for s := range sources {
		for t := range nThemes {
			votes[s][t].side = -1
		}
		if strings.TrimSpace(sources[s].Text) == "" {
			continue
		}
		long := d.srcWords[s] >= modelMinWords
		var p [nThemes][2]float64
		if long {
			rows = rows[:0]
			for _, o := range d.grams.occ[occFrom[s]:occFrom[s+1]] {
				rows = append(rows, o.row)
			}
			slices.Sort(rows)
			rows = slices.Compact(rows)
			p = m.probs(rows, &tallies[s])
		}
		for t := range nThemes {
			switch pol, lead, ok := tallies[s][t].decide(); {
			case long:
				side := 0
				if p[t][1] > p[t][0] {
					side = 1
				}
				if p[t][side] >= m.tau[side] {
					votes[s][t] = modelVote{int8(side), p[t][side], m.strength(p[t][side])}
				}
			case ok:
				// The lexicon's reading, scored as the lexicon scores it.
				score := 1 - math.Exp(-lead/detScoreScale)
				votes[s][t] = modelVote{int8(sideOf(pol)), score, lexiconStrength(score)}
			}
		}
	}

	var out []Finding
	for t := range nThemes {
		side, score, ok := combineVotes(votes, t, m.tau)
		if !ok {
			continue
		}
		pol := polOf(side)
		var evs []detEvidence
		for s := range votes {
			v := votes[s][t]
			if int(v.side) != side {
				// What an answer that does not read it this way says the
				// other way follows, pointing the other way.
				n := len(evs)
				evs = d.themeEvidence(bs.theme(d, s, t), sources, evs)
				evs = append(evs[:n], slices.DeleteFunc(evs[n:], func(e detEvidence) bool { return e.ev.Polarity == pol })...)
				continue
			}
			n := len(evs)
			evs = d.themeEvidence(bs.theme(d, s, t), sources, evs)
			if !slices.ContainsFunc(evs[n:], func(e detEvidence) bool { return e.ev.Polarity == pol }) {
				// Never a sentence the lexicon reads the other way.
				read := make(map[int32]bool, len(evs)-n)
				for _, e := range evs[n:] {
					read[e.sent] = true
				}
				other := func(sent int32) bool { return read[sent] }
				if e, ok := d.gramEvidence(m, sources, d.grams.occ[occFrom[s]:occFrom[s+1]], t, side, other); ok {
					evs = append(evs, e)
				}
			}
		}
		sortEvidence(evs, pol)
		if len(evs) == 0 || evs[0].ev.Polarity != pol {
			continue // nothing to show for it: not proposed
		}
		// As strong as the strongest answer that reads it this way.
		var strength Strength
		for s := range votes {
			if v := votes[s][t]; int(v.side) == side {
				strength = max(strength, v.strength)
			}
		}
		out = append(out, Finding{Theme: themes[t].ID, Polarity: pol, Score: score, Strength: strength,
			Evidence: distinct(evs)})
	}
	sortFindings(out)
	return out
}

// combineVotes weighs the answers' votes on theme t: each side's support
// is 1 - Π(1-p) over the answers that read it that way, and the side with
// more support is proposed, scored by its support times what the other
// side leaves of it. A theme read one way only is proposed as its answers
// read it; one read both ways in different answers only when its score
// still reaches the side's threshold.
func combineVotes(votes [][nThemes]modelVote, t int, tau [2]float64) (side int, score float64, ok bool) {
	miss := [2]float64{1, 1} // Π(1-p) per side
	var n [2]int
	for s := range votes {
		if v := votes[s][t]; v.side >= 0 {
			miss[v.side] *= 1 - v.p
			n[v.side]++
		}
	}
	w := [2]float64{1 - miss[0], 1 - miss[1]}
	if w[1] > w[0] || w[1] == w[0] && n[1] > n[0] {
		side = 1
	}
	score = w[side] * (1 - w[1-side])
	switch {
	case n[side] == 0:
		return 0, 0, false
	case n[1-side] > 0 && score < tau[side]:
		return 0, 0, false
	}
	return side, score, true
}

// themeEvidence appends the lexicon's evidence from the given hits.
func (d *detector) themeEvidence(sub []int, sources []Source, evs []detEvidence) []detEvidence {
	if len(sub) == 0 {
		return evs
	}
	_, evs = d.weigh(d.hits, sub, sources, evs)
	return evs
}

// gramEvidence finds, among one source's feature occurrences, the sentence
// whose words weigh most toward reading theme t on the given side, with
// those words as triggers.
func (d *detector) gramEvidence(m *themeModel, sources []Source, occ []modelOcc, t, side int, skip func(int32) bool) (detEvidence, bool) {
	slot := int16(t*2 + side)
	weightOf := func(o modelOcc) float64 {
		for _, c := range m.rows[o.row] {
			if c.slot == slot {
				return c.w
			}
		}
		return 0
	}
	best, bestSum := int32(-1), 0.0
	var sum float64
	cur := int32(-1)
	flush := func() {
		if cur >= 0 && sum > bestSum {
			best, bestSum = cur, sum
		}
	}
	for _, o := range occ {
		if o.sent < 0 || skip(o.sent) {
			continue
		}
		if o.sent != cur {
			flush()
			cur, sum = o.sent, 0
		}
		if w := weightOf(o); w > 0 {
			sum += w
		}
	}
	flush()
	if best < 0 {
		return detEvidence{}, false
	}
	type trig struct {
		sp Span
		w  float64
	}
	var ts []trig
	for _, o := range occ {
		if o.sent == best {
			if w := weightOf(o); w > 0 {
				ts = append(ts, trig{o.span, w})
			}
		}
	}
	slices.SortStableFunc(ts, func(a, b trig) int { return cmp.Compare(b.w, a.w) })
	var spans []Span
	for k, tr := range ts {
		if k >= modelMaxTriggers || tr.w < ts[0].w/4 {
			break
		}
		spans = append(spans, tr.sp)
	}
	sent := d.sentences[best]
	return detEvidence{
		ev: Evidence{
			Source:   sources[sent.src].Label,
			Sentence: sent.text,
			Triggers: mergeSpans(spans),
			Polarity: polOf(side),
		},
		strength: bestSum,
		first:    len(d.hits) + int(best),
		sent:     best,
	}, true
}

// ---------------------------------------------------------------- helpers

// settles reports the verdicts that make a negation firmer.
func settles(k opKind) bool {
	return k == opAverse || k == opPostAverse || k == opAccept
}

// isConcedingBut reports the concession words that work like "but" in
// mid-sentence: "I love running, although racing stresses me out".
func isConcedingBut(phrase string) bool {
	return phrase == "though" || phrase == "although" || phrase == "even though"
}

// sortFindings puts the strongest first: by Strength, then by Score,
// then in the catalog's order.
func sortFindings(out []Finding) {
	slices.SortStableFunc(out, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(b.Strength, a.Strength),
			cmp.Compare(b.Score, a.Score),
			cmp.Compare(themeIndex(a.Theme), themeIndex(b.Theme)),
		)
	})
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

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// growInt32, growInt16 and growFloat give a scratch slice of length n,
// reusing s when it is large enough.
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
