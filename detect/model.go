package detect

import (
	"math"
	"strings"
	"sync"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// The theme model is a small learned layer over the lexicon. For each
// answer (each Source) and each theme it chooses one of three readings:
// the theme is not there, the runner is drawn to it, or the runner pushes
// it away. It is a linear model, one per theme (multinomial logistic
// regression, "not there" the reference class), over two kinds of
// feature:
//
//   - what the lexicon's findings say about that theme in that answer:
//     whether it proposes the theme and which way, which way its cues lean
//     without its thresholds and by how much, and whether cues on each side
//     came in one sentence or more ("#lexicon ..." features);
//   - the words of the answer, lightly stemmed as the lexicon stems them,
//     and the pairs of neighbouring words ("my knees", "couldn't give"),
//     but no word or pair made only of words too common to mean anything
//     (modelStopWords), plus "<person>" and "<bad>" for the lexicon's words
//     for people and bad feelings, and the answer's length. With
//     modelNegation a word after a negation in its clause is a feature of
//     its own ("¬race"); cross-validation left that off.
//
// The weights are learned from the labelled statements in testdata/themes
// by TestTrainThemeModel, which `go generate ./detect` runs to write
// model_weights.go (README.md). For the four older sets it learns from
// what the lexicon said about each statement the first time it read it,
// before it was tuned on it (model_firstsight_gen_test.go): today's
// lexicon was tuned line by line on those statements, so its readings of
// them would teach the model to trust it far more than it deserves on new
// writing. For the two sets in the shapes runners really write it learns
// from today's reading, so that it learns how far to trust the reader it
// runs with (trainToday in model_train_test.go says why that is safe
// there). The themes are fitted together, the lexicon features' weights
// shared between them with each theme's own a regularized step away, so a
// theme with few aversions to learn from borrows what "the lexicon turns
// this down" is worth from the others; the words stay each theme's own.
// The regularization and the thresholds were chosen by cross-validation;
// model_weights.go's header and eval_test.go have the numbers.
//
// In an answer of modelMinWords words or more the model decides every
// theme: a side is proposed when its probability passes the side's
// threshold, whatever the lexicon would propose (it can turn down a race
// that is only backstory). A shorter answer keeps what the lexicon
// proposes. The thresholds are calibrated, and the levels of Strength
// set, on the out-of-fold readings of realistic-dev and realistic, the
// sets in the shapes runners really write: among the thresholds close to
// the best macro F1, those that keep both aversion figures highest, then
// the most precise. The answers of a season that agree
// combine (1 - Π(1-p)), and the side with the most support wins if what
// the other side has leaves it above the threshold. The finding's
// evidence is the lexicon's cues for the theme in those answers if it has
// any on that side, else the sentence whose words weigh most for that
// reading (never one the lexicon reads the other way), with those words as
// triggers.

// The lexicon features, in the order lexView.features fills them. They
// are what the lexicon's findings say about one theme in one answer, once
// with the lexicon's thresholds ("proposes") and once without them
// ("leans": the side with more evidence, and by how much). (Where the
// cues stand, as features of their own, was measured and left out: the
// share of their weight in the answer's point, in clauses about someone
// else and in the past lowered the cross-validated macro F1 on
// realistic-dev from 0.553 to 0.502; the detector discounts the story
// and someone else's clauses instead, detStory and detOthers.)
var modelLexNames = [...]string{
	"#lexicon proposes +",
	"#lexicon proposes -",
	"#lexicon leans +",
	"#lexicon leans -",
	"#lexicon + cue",
	"#lexicon - cue",
	"#lexicon + in two sentences",
	"#lexicon - in two sentences",
}

const (
	modelLexN = len(modelLexNames)
	// modelBias is the feature every answer has.
	modelBias = "#bias"
	// modelShort and modelLong mark answers of fewer than modelShortWords
	// words, or at least modelLongWords.
	modelShort = "#short answer"
	modelLong  = "#long answer"
	// modelQuestion, then a question's ID, marks an answer to it.
	modelQuestion   = "#question "
	modelShortWords = 8
	modelLongWords  = 60
	// modelMaxTriggers is how many words a sentence the model chose (with
	// no lexicon cue) shows as its triggers.
	modelMaxTriggers = 4
	// modelMinWords is the length an answer needs before the model decides
	// its themes: a line or two is read by the lexicon alone, whose rules
	// know when a short answer says something ("Racing? Not for me.") and
	// when it does not ("I'm not fast."). Cross-validated with the
	// setting of 2026-12-03 (24-class macro F1 on realistic-dev, pooled
	// over every training statement): from 10 words 0.552, 0.575; from 20
	// 0.548, 0.583; from 30 0.540, 0.572; from 40 0.513, 0.561.
	modelMinWords = 20
	// modelMaxLead is where the lean features stop growing.
	modelMaxLead = 6.0
)

// Short names for the polarities in the generated tables (model_weights.go).
const (
	polToward = workbook.Toward
	polAway   = workbook.Away
)

// A lexView is what the lexicon's findings say about one theme in one
// answer.
type lexView struct {
	proposes workbook.Polarity // 0 when not proposed
	lean     workbook.Polarity // 0 when there is no cue at all
	lead     float64           // how far the leaning side leads
	sents    [2]int            // sentences with a cue: [0] toward, [1] away
}

// view reads a tally as the lexicon's findings would show it.
func (t *detTally) view() lexView {
	var v lexView
	if pol, _, ok := t.decide(); ok {
		v.proposes = pol
	}
	v.sents = [2]int{t[0].sents, t[1].sents}
	if t[0].sents+t[1].sents > 0 {
		pol, lead, _ := t.decide()
		v.lean, v.lead = pol, lead
	}
	return v
}

// features turns the view into the model's lexicon features.
func (v lexView) features() (f [modelLexN]float64) {
	b := func(x bool) float64 {
		if x {
			return 1
		}
		return 0
	}
	lead := min(v.lead, modelMaxLead) / 3
	f[0] = b(v.proposes == workbook.Toward)
	f[1] = b(v.proposes == workbook.Away)
	if v.lean == workbook.Toward {
		f[2] = lead
	}
	if v.lean == workbook.Away {
		f[3] = lead
	}
	f[4] = b(v.sents[0] > 0)
	f[5] = b(v.sents[1] > 0)
	f[6] = b(v.sents[0] >= 2)
	f[7] = b(v.sents[1] >= 2)
	return f
}

// ---------------------------------------------------------------- words

// modelGrams collects the words and word pairs of each answer: every one
// of them (strs) when training, or the ones the model knows (occ).
type modelGrams struct {
	model *themeModel
	neg   bool       // mark the words after a negation ("¬race")
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

// modelStopWords are words too common to mean anything on their own: the
// model does not weigh them alone, nor pairs of two of them ("in the"),
// only pairs with a word that means something ("clear my" is no pair, but
// "my head" is). Negations, "with", and words for people stay: they carry
// aversion and company.
var modelStopWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the my your our its some this these those that
		really just very quite bit little of all more even actually too ever always truly
		honestly totally particularly especially whole lot lots few couple any much many own
		i i'm i've i'd i'll you it it's is am are was were be been being to in on at for and
		or so as by from up out about into than then there here what which when where how if
		because but me what's that's there's do did does doing have has had get got go goes
		went going can could would will should might may also still`) {
		m[lexStem(lexNormal(w))] = true
	}
	return m
})

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
	neg, prevStop := false, false
	prev, prevStart := "", 0
	for k := range toks {
		t := &toks[k]
		if t.brk || t.norm == "but" {
			neg, prev = false, ""
		}
		w := gramWord(t)
		sp := Span{t.start, t.end}
		stop := modelStopWords()[w]
		if !stop {
			g.key = g.key[:0]
			if neg && g.neg {
				g.key = append(g.key, "¬"...)
			}
			g.key = append(g.key, w...)
			g.emit(src, sent, sp)
		}
		if prev != "" && !(stop && prevStop) {
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
		prev, prevStart, prevStop = w, t.start, stop
		if negator(t.norm) {
			neg = true
		}
	}
}

// whole emits the features of a whole answer of the given length, and
// the question it answers when its label names one: what a question asks
// is a strong prior on what its answers are about ("Do you come alive in
// competition?" draws most of the aversions to racing).
func (g *modelGrams) whole(src, words int, label string) {
	for _, k := range []string{modelBias, modelShort, modelLong} {
		if k == modelShort && words >= modelShortWords || k == modelLong && words < modelLongWords {
			continue
		}
		g.key = append(g.key[:0], k...)
		g.emit(src, -1, Span{})
	}
	if _, ok := catalog.LookupQuestion(label); ok {
		g.key = append(append(g.key[:0], modelQuestion...), label...)
		g.emit(src, -1, Span{})
	}
}

// ---------------------------------------------------------------- weights

// A modelCell is one weight: what a feature adds to the score of a theme
// read one way (against "not there").
type modelCell struct {
	Theme catalog.ThemeID
	Pol   workbook.Polarity
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
	// strong and clear are the scores from which a finding is Strong or
	// Clear.
	strong, clear float64
}

// strength names a finding's score.
func (m *themeModel) strength(score float64) Strength {
	switch {
	case score >= m.strong:
		return Strong
	case score >= m.clear:
		return Clear
	}
	return Faint
}

// Training writes model_weights.go; see README.md.
//go:generate go test -run=^TestTrainThemeModel$ -train -count=1 .

// loadThemeModel builds the model from the generated weights on first
// use; nil when there are none.
var loadThemeModel = sync.OnceValue(func() *themeModel {
	if len(modelWeights) == 0 {
		return nil
	}
	m := buildThemeModel(modelWeights, [2]float64{modelTauToward, modelTauAway})
	m.strong, m.clear = modelStrong, modelClear
	return m
})

func buildThemeModel(rows []modelRow, tau [2]float64) *themeModel {
	m := &themeModel{index: make(map[string]int32, len(rows)), tau: tau, strong: 1, clear: 1}
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
			if c.Pol == workbook.Away {
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
		f := tallies[t].view().features()
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

// A modelVote is one answer's reading of one theme.
type modelVote struct {
	side     int8 // 0 toward, 1 away, -1 not there
	p        float64
	strength Strength
}

func sideOf(p workbook.Polarity) int {
	if p == workbook.Away {
		return 1
	}
	return 0
}

func polOf(side int) workbook.Polarity {
	if side == 1 {
		return workbook.Away
	}
	return workbook.Toward
}
