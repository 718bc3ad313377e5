package catalog

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
)

// The theme model is a small learned layer over the lexicon. For each
// answer (each Source) and each theme it chooses one of three readings:
// the theme is not there, the runner is drawn to it, or the runner pushes
// it away. It is a linear model, one per theme (multinomial logistic
// regression, "not there" the reference class), over two kinds of
// feature:
//
//   - what the lexicon engine found for that theme in that answer: whether
//     it would propose the theme and which way, how much evidence each side
//     has, whether the strongest cue was a strong one, whether a negation
//     or aversion turned a cue ("#lexicon ..." features);
//   - the words of the answer, lightly stemmed as the lexicon stems them,
//     and the pairs of neighbouring words ("clear head", "don't care");
//     a word after a negation in its clause is its own feature ("¬race").
//
// The weights are learned from the labelled statements in
// testdata/themes by TestTrainThemeModel (run it with -train to write
// model_weights.go); the regularization and the thresholds were chosen by
// cross-validation, see eval_test.go for the measured numbers.
//
// Findings across several answers: each answer proposes a theme on its
// own when the probability of a side passes the threshold; the answers
// that agree combine (1 - Π(1-p)), and the side with the most support wins
// if what the other side has leaves it above the threshold.

// modelNoNeg turns the negation marking of words off, for training a
// variant; the shipped model uses it.
var modelNoNeg = false

// The lexicon features, in the order lexFeatures fills them.
var modelLexNames = [...]string{
	"#lexicon proposes +",
	"#lexicon proposes -",
	"#lexicon + weight",
	"#lexicon - weight",
	"#lexicon + cue",
	"#lexicon - cue",
	"#lexicon + turned",
	"#lexicon - turned",
	"#lexicon + strong cue",
	"#lexicon - strong cue",
	"#lexicon + in two sentences",
	"#lexicon - in two sentences",
}

const (
	modelLexN = len(modelLexNames)
	// modelBias is the feature every answer has.
	modelBias = "#bias"
	// modelShort and modelLong mark answers of fewer than modelShortWords
	// words, or at least modelLongWords.
	modelShort      = "#short answer"
	modelLong       = "#long answer"
	modelShortWords = 8
	modelLongWords  = 60
	// modelMaxTriggers is how many words a sentence the model chose (with
	// no lexicon cue) shows as its triggers.
	modelMaxTriggers = 4
)

const nThemes = 12

// lexFeatures turns one theme's lexicon evidence in one answer into the
// model's lexicon features.
func lexFeatures(t *detTally) (f [modelLexN]float64) {
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	pol, _, ok := t.decide()
	f[0] = b(ok && pol == Toward)
	f[1] = b(ok && pol == Away)
	f[2] = min(t[0].strength, 6) / 3
	f[3] = min(t[1].strength, 6) / 3
	f[4] = b(t[0].sents > 0)
	f[5] = b(t[1].sents > 0)
	f[6] = b(t[0].turned > 0)
	f[7] = b(t[1].turned > 0)
	f[8] = b(t[0].top >= strong.units())
	f[9] = b(t[1].top >= strong.units())
	f[10] = b(t[0].sents >= 2)
	f[11] = b(t[1].sents >= 2)
	return f
}

// ---------------------------------------------------------------- words

// modelGrams collects the words and word pairs of each answer: every one
// of them (strs) when training, or the ones the model knows (occ).
type modelGrams struct {
	model *themeModel
	strs  [][]string // per source, when training
	occ   []modelOcc
	key   []byte
}

// A modelOcc is one place a feature the model knows occurs.
type modelOcc struct {
	src  int
	sent int32
	row  int32
	span Span
}

func (g *modelGrams) emit(src int, sent int32, sp Span) {
	if g.model == nil {
		for len(g.strs) <= src {
			g.strs = append(g.strs, nil)
		}
		g.strs[src] = append(g.strs[src], string(g.key))
		return
	}
	if row, ok := g.model.index[string(g.key)]; ok {
		g.occ = append(g.occ, modelOcc{src: src, sent: sent, row: row, span: sp})
	}
}

// gramWord is the form a token takes in a feature: its stem, or a class.
func gramWord(t *detToken) string {
	switch {
	case t.ord:
		return "<ord>"
	case t.num:
		return "<num>"
	}
	return t.stem
}

// negator reports a word that negates what follows it in its clause.
func negator(w string) bool {
	switch w {
	case "not", "no", "never", "without", "nothing", "none", "nobody", "nor", "neither",
		"hardly", "barely", "cannot", "nah", "nope":
		return true
	}
	return strings.HasSuffix(w, "n't")
}

// sentence emits the features of one sentence: words, words after a
// negation, pairs of neighbouring words, and the lexicon's word classes.
func (g *modelGrams) sentence(src int, sent int32, toks []detToken) {
	neg := false
	prev, prevStart := "", 0
	for k := range toks {
		t := &toks[k]
		if t.brk || t.norm == "but" {
			neg, prev = false, ""
		}
		w := gramWord(t)
		sp := Span{t.start, t.end}
		g.key = g.key[:0]
		if neg && !modelNoNeg {
			g.key = append(g.key, "¬"...)
		}
		g.key = append(g.key, w...)
		g.emit(src, sent, sp)
		if prev != "" {
			g.key = append(append(append(g.key[:0], prev...), ' '), w...)
			g.emit(src, sent, Span{prevStart, t.end})
		}
		if t.person {
			g.key = append(g.key[:0], "<person>"...)
			g.emit(src, sent, sp)
		}
		if t.bad {
			g.key = append(g.key[:0], "<bad>"...)
			g.emit(src, sent, sp)
		}
		prev, prevStart = w, t.start
		if negator(t.norm) {
			neg = true
		}
	}
}

// whole emits the features of a whole answer of the given length.
func (g *modelGrams) whole(src, words int) {
	for _, k := range []string{modelBias, modelShort, modelLong} {
		if k == modelShort && words >= modelShortWords || k == modelLong && words < modelLongWords {
			continue
		}
		g.key = append(g.key[:0], k...)
		g.emit(src, -1, Span{})
	}
}

// ---------------------------------------------------------------- weights

// A modelCell is one weight: what a feature adds to the score of a theme
// read one way (against "not there").
type modelCell struct {
	Theme ThemeID
	Pol   Polarity
	W     float64
}

// A modelRow is one feature and its weights.
type modelRow struct {
	Feature string
	Cells   []modelCell
}

type modelSlot struct {
	slot int16 // theme*2 + side (0 toward, 1 away)
	w    float64
}

type themeModel struct {
	index map[string]int32
	rows  [][]modelSlot
	lex   [nThemes][2][modelLexN]float64
	tau   [2]float64 // the probability a side needs: [0] toward, [1] away
}

// loadThemeModel builds the model from the generated weights on first
// use; nil when there are none.
var loadThemeModel = sync.OnceValue(func() *themeModel {
	if len(modelWeights) == 0 {
		return nil
	}
	return buildThemeModel(modelWeights, [2]float64{modelTauToward, modelTauAway})
})

func buildThemeModel(rows []modelRow, tau [2]float64) *themeModel {
	m := &themeModel{index: make(map[string]int32, len(rows)), tau: tau}
	lexAt := map[string]int{}
	for k, n := range modelLexNames {
		lexAt[n] = k
	}
	for _, r := range rows {
		var slots []modelSlot
		for _, c := range r.Cells {
			ti := themeIndex(c.Theme)
			if ti >= nThemes {
				continue
			}
			side := 0
			if c.Pol == Away {
				side = 1
			}
			if k, ok := lexAt[r.Feature]; ok {
				m.lex[ti][side][k] = c.W
				continue
			}
			slots = append(slots, modelSlot{int16(ti*2 + side), c.W})
		}
		if len(slots) > 0 {
			m.index[r.Feature] = int32(len(m.rows))
			m.rows = append(m.rows, slots)
		}
	}
	return m
}

// probs gives, per theme, the probability of each reading: [0] toward,
// [1] away ("not there" is the rest).
func (m *themeModel) probs(rows []int32, tallies *[nThemes]detTally) (p [nThemes][2]float64) {
	var s [nThemes * 2]float64
	for _, r := range rows {
		for _, c := range m.rows[r] {
			s[c.slot] += c.w
		}
	}
	for t := range nThemes {
		f := lexFeatures(&tallies[t])
		for side := range 2 {
			for k, v := range f {
				s[t*2+side] += m.lex[t][side][k] * v
			}
		}
		a, b := s[t*2], s[t*2+1]
		top := max(0, a, b)
		e0, ea, eb := math.Exp(-top), math.Exp(a-top), math.Exp(b-top)
		z := e0 + ea + eb
		p[t] = [2]float64{ea / z, eb / z}
	}
	return p
}

// ---------------------------------------------------------------- findings

// sourceTallies weighs each theme's lexicon evidence answer by answer.
// order is the hits sorted as d.order sorts them.
func (d *detector) sourceTallies(order []int, nsrc int, sources []Source) [][nThemes]detTally {
	out := make([][nThemes]detTally, nsrc)
	hits := d.hits
	var sub []int
	for start := 0; start < len(order); {
		theme := hits[order[start]].theme
		end := start
		for end < len(order) && hits[order[end]].theme == theme {
			end++
		}
		for s := range nsrc {
			sub = sub[:0]
			for _, k := range order[start:end] {
				if d.sentences[hits[k].sent].src == s {
					sub = append(sub, k)
				}
			}
			if len(sub) > 0 {
				out[s][theme], _ = d.weigh(hits, sub, sources, nil)
			}
		}
		start = end
	}
	return out
}

// A modelVote is one answer's reading of one theme.
type modelVote struct {
	side int8 // 0 toward, 1 away, -1 not there
	p    float64
}

// modelFindings lets the model decide, answer by answer, and gathers the
// evidence for what it proposes.
func (d *detector) modelFindings(sources []Source, m *themeModel) []Finding {
	var order []int
	if len(d.hits) > 0 {
		order = d.order()
	}
	tallies := d.sourceTallies(order, len(sources), sources)
	votes := make([][nThemes]modelVote, len(sources))
	var rows []int32
	occ := d.grams.occ
	for s := range sources {
		for t := range nThemes {
			votes[s][t].side = -1
		}
		if d.srcWords[s] < detMinWords {
			// Too short to read, except as a yes or no to the question,
			// which the lexicon reads.
			for t := range nThemes {
				tl := &tallies[s][t]
				if !tl[0].answer && !tl[1].answer {
					continue
				}
				if pol, lead, ok := tl.decide(); ok {
					side := sideOf(pol)
					votes[s][t] = modelVote{int8(side), max(m.tau[side], 1-math.Exp(-lead/detScoreScale))}
				}
			}
			continue
		}
		rows = rows[:0]
		for _, o := range occ {
			if o.src == s {
				rows = append(rows, o.row)
			}
		}
		for _, k := range []string{modelBias, modelShort, modelLong} {
			if k == modelShort && d.srcWords[s] >= modelShortWords || k == modelLong && d.srcWords[s] < modelLongWords {
				continue
			}
			if r, ok := m.index[k]; ok {
				rows = append(rows, r)
			}
		}
		slices.Sort(rows)
		rows = slices.Compact(rows)
		p := m.probs(rows, &tallies[s])
		for t := range nThemes {
			side := 0
			if p[t][1] > p[t][0] {
				side = 1
			}
			if p[t][side] >= m.tau[side] {
				votes[s][t] = modelVote{int8(side), p[t][side]}
			}
		}
	}

	var out []Finding
	for t := range nThemes {
		var miss [2]float64 // Π(1-p) per side
		miss[0], miss[1] = 1, 1
		for s := range votes {
			if v := votes[s][t]; v.side >= 0 {
				miss[v.side] *= 1 - v.p
			}
		}
		w := [2]float64{1 - miss[0], 1 - miss[1]}
		side := 0
		if w[1] > w[0] {
			side = 1
		}
		score := w[side] * (1 - w[1-side])
		if w[side] == 0 || score < m.tau[side] {
			continue
		}
		pol := polOf(side)
		var evs []detEvidence
		for s := range votes {
			v := votes[s][t]
			if v.side < 0 {
				continue
			}
			n := len(evs)
			evs = d.themeEvidence(d.themeHits(order, t, s), sources, evs)
			if !slices.ContainsFunc(evs[n:], func(e detEvidence) bool { return e.ev.Polarity == polOf(int(v.side)) }) {
				if e, ok := d.gramEvidence(m, sources, s, t, int(v.side)); ok {
					evs = append(evs, e)
				}
			}
		}
		sortEvidence(evs, pol)
		if len(evs) == 0 || evs[0].ev.Polarity != pol {
			continue // nothing to show for it: not proposed
		}
		f := Finding{Theme: themes[t].ID, Polarity: pol, Score: score, Evidence: make([]Evidence, len(evs))}
		for k := range evs {
			f.Evidence[k] = evs[k].ev
		}
		out = append(out, f)
	}
	sortFindings(out)
	return out
}

func sideOf(p Polarity) int {
	if p == Away {
		return 1
	}
	return 0
}

func polOf(side int) Polarity {
	if side == 1 {
		return Away
	}
	return Toward
}

// themeHits returns the hits of theme t in source s, in order.
func (d *detector) themeHits(order []int, t, s int) []int {
	var out []int
	for _, k := range order {
		if int(d.hits[k].theme) == t && d.sentences[d.hits[k].sent].src == s {
			out = append(out, k)
		}
	}
	return out
}

// themeEvidence appends the lexicon's evidence from the given hits.
func (d *detector) themeEvidence(sub []int, sources []Source, evs []detEvidence) []detEvidence {
	if len(sub) == 0 {
		return evs
	}
	_, evs = d.weigh(d.hits, sub, sources, evs)
	return evs
}

// gramEvidence finds, in source s, the sentence whose words weigh most
// toward reading theme t on the given side, with those words as triggers.
func (d *detector) gramEvidence(m *themeModel, sources []Source, s, t, side int) (detEvidence, bool) {
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
	for _, o := range d.grams.occ {
		if o.src != s || o.sent < 0 {
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
	for _, o := range d.grams.occ {
		if o.src == s && o.sent == best {
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
	}, true
}
