package detect

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// Training the theme model (model.go) from the labelled statements in
// testdata/themes. Everything here is deterministic: fixed fold
// assignment, fixed feature order, a full-batch optimizer (L-BFGS) with a
// fixed iteration budget, and exp and log computed by this file with
// every rounding explicit, so the weights come out byte for byte the same
// on any machine.
//
//	go generate ./detect
//
// runs TestTrainThemeModel with -train: it chooses the regularization,
// the features and the thresholds by cross-validation and writes
// model_weights.go. Run it as
//
//	go test ./detect -run TestTrainThemeModel -train -v
//
// to see the cross-validated scores and the top features as well.
// TestThemeModelWeights checks the committed file is what training gives.
//
// The lexicon features the model learns from are, for the four older
// sets, the lexicon's first-sight readings (model_firstsight_gen_test.go):
// what it said about each statement before it was tuned on it, not what it
// says now. For the two sets in the shapes runners really write they are
// today's readings (trainToday says why).

var trainFlag = flag.Bool("train", false, "train the theme model by cross-validation and write model_weights.go")

// trainSets are the labelled statements the model learns from. The
// held-out sets are not among them, and nothing here may read them.
var trainSets = []string{evalPath, addedPath, devPath, dev2Path, realisticDevPath, realisticPath}

// trainToday are the training sets the model learns today's reading of,
// not the first sight's. The model weighs what the reader says; what it
// learns about how far to trust it should come from the reader it will
// run with. For the four older sets that would flatter the reader badly:
// it was tuned line by line on them (macro F1 0.84 on them against 0.62
// on new writing), so they keep their first sight. The two sets in real
// shapes were studied by category and the reader changed by mechanisms
// (each tested on invented sentences), not line by line: today's reader
// reads realistic-dev at 0.527 and realistic at 0.530, against 0.492 and
// 0.526 at first sight, far from the older sets' flattery. Measured on
// realistic while it was still unseen by this round's reader work (the
// fifth round), a model trained on today's readings of realistic-dev read
// it at 0.577, one trained on the first sight's 0.567.
var trainToday = map[string]bool{realisticDevPath: true, realisticPath: true}

// calibrationSets are the training sets the model's setting, thresholds
// and strengths are chosen on, by their statements' cross-validated (out
// of fold) readings: the ones in the shapes runners really write. The
// other sets are mostly one or two tidy sentences; a setting that reads
// them best reads real answers too eagerly.
var calibrationSets = []string{realisticDevPath, realisticPath}

// calibrationName names the calibration sets in logs and headers.
func calibrationName() string {
	names := make([]string, len(calibrationSets))
	for k, p := range calibrationSets {
		names[k] = p
	}
	return strings.Join(names, " and ")
}

const (
	trainFolds = 5
	// trainIters is the L-BFGS iteration budget per theme.
	trainIters = 300
	// trainJointIters is the budget when every theme is fitted at once.
	trainJointIters = 1000
	trainMemory     = 10
	// trainTolerance: among settings whose cross-validated macro F1 is
	// within this of the best, the simplest is chosen.
	trainTolerance = 0.005
	// trainTauBand: among thresholds whose cross-validated macro F1 is
	// within this of the best, bestTau chooses by aversion and precision.
	trainTauBand = 0.01
	// trainWeightsFile is the generated file.
	trainWeightsFile = "model_weights.go"
)

// A trainExample is one statement, read once.
type trainExample struct {
	c     evalCase
	file  int
	grams []string         // sorted, unique
	view  [nThemes]lexView // the lexicon's reading the model learns from
	lex   [nThemes][modelLexN]float64
	words int
	y     [nThemes]int8 // 0 not there, 1 toward, 2 away
}

// readTrainExamples reads the training sets and extracts each statement's
// features once, with the lexicon features of its first sight or, for the
// sets in trainToday, of today's reader.
func readTrainExamples(t *testing.T) []trainExample {
	t.Helper()
	first := firstSightViews()
	var out []trainExample
	for fi, path := range trainSets {
		for _, c := range loadEvalCases(t, path) {
			ex := extractExample(c, fi)
			if !trainToday[path] {
				ex.view = first[firstSightKey(path, c.ID)]
			}
			for th := range nThemes {
				ex.lex[th] = ex.view[th].features()
			}
			out = append(out, ex)
		}
	}
	return out
}

// withoutNegation returns a copy of the examples with the negation marks
// taken off their words ("¬race" is "race").
func withoutNegation(exs []trainExample) []trainExample {
	out := slices.Clone(exs)
	for i := range out {
		g := make([]string, len(out[i].grams))
		for k, x := range out[i].grams {
			g[k] = strings.TrimPrefix(x, "¬")
		}
		slices.Sort(g)
		out[i].grams = slices.Compact(g)
	}
	return out
}

// extractExample reads one statement as Detect does, with negation marks
// on (withoutNegation takes them off).
func extractExample(c evalCase, file int) trainExample {
	ex := trainExample{c: c, file: file}
	srcs := []Source{{Label: evalLabel(c), Text: c.Text}}
	d := newDetector(1, nil)
	d.grams = &modelGrams{neg: true}
	d.readSource(0, srcs[0])
	if len(d.hits) > 0 {
		d.order() // applies the sentence factors
	}
	tallies := d.sourceTallies(d.bySource(1), 1)
	for th := range nThemes {
		ex.view[th] = tallies[0][th].view()
		ex.lex[th] = ex.view[th].features()
	}
	ex.words = d.srcWords[0]
	if len(d.grams.strs) > 0 {
		g := slices.Clone(d.grams.strs[0])
		slices.Sort(g)
		ex.grams = slices.Compact(g)
	}
	for th, pol := range c.Labels {
		i := themeIndex(catalog.ThemeID(th))
		ex.y[i] = 1
		if pol == "-" {
			ex.y[i] = 2
		}
	}
	return ex
}

// trainParams are the choices cross-validation makes.
type trainParams struct {
	lambda float64 // L2 strength on the words' weights
	lexL2  float64 // L2 strength on the lexicon features' weights
	l1     float64 // L1 strength on the words' weights
	// shared, when above zero, fits the themes together with the lexicon
	// features' weights shared and each theme's departure from them held
	// by an L2 of this strength (fitJoint).
	shared   float64
	minDF    int     // a word or pair must occur in this many statements
	prune    float64 // weights smaller than this are dropped
	negation bool    // words after a negation are features of their own
	tau      [2]float64
	// strong and clear are the scores from which a finding is Strong
	// and Clear (bestStrengths).
	strong, clear float64
}

func (p trainParams) String() string {
	return fmt.Sprintf("L1 %g, L2 %g, lexicon L2 %g, shared %g, min df %d, prune %g, negation %v, tau %g/%g",
		p.l1, p.lambda, p.lexL2, p.shared, p.minDF, p.prune, p.negation, p.tau[0], p.tau[1])
}

// ---------------------------------------------------------------- arithmetic

// mexp and mlog are exp and log with every rounding explicit (no fused
// multiply-add, no assembly), so training gives the same bits everywhere.
func mexp(x float64) float64 {
	switch {
	case x > 700:
		return math.Inf(1)
	case x < -700:
		return 0
	}
	const ln2hi, ln2lo = 6.93147180369123816490e-01, 1.90821492927058770002e-10
	k := math.Floor(float64(x*math.Log2E) + 0.5)
	r := float64(x-float64(k*ln2hi)) - float64(k*ln2lo)
	p := 1.0 / 6227020800 // 1/13!
	for n := 12; n >= 1; n-- {
		p = float64(p*r) + 1/factorial(n-1)
	}
	return math.Ldexp(p, int(k))
}

func factorial(n int) float64 {
	f := 1.0
	for k := 2; k <= n; k++ {
		f *= float64(k)
	}
	return f
}

func mlog(x float64) float64 {
	if x <= 0 {
		return math.Inf(-1)
	}
	const ln2hi, ln2lo = 6.93147180369123816490e-01, 1.90821492927058770002e-10
	f, e := math.Frexp(x)
	if f < math.Sqrt2/2 {
		f *= 2
		e--
	}
	s := float64(f-1) / float64(f+1)
	s2 := float64(s * s)
	p := 1.0 / 25
	for n := 23; n >= 1; n -= 2 {
		p = float64(p*s2) + 1/float64(n)
	}
	lm := float64(2 * float64(s*p))
	return float64(float64(e)*ln2hi) + float64(lm+float64(float64(e)*ln2lo))
}

// ---------------------------------------------------------------- one theme

// A trainSet is the design for one fit: examples as sparse rows over the
// vocabulary, then the lexicon features of the theme.
type trainSet struct {
	vocab []string       // grams, sorted
	at    map[string]int // gram → column
	rows  [][]int32      // per example: gram columns, sorted
	bias  int            // the column of modelBias
}

func newTrainSet(exs []trainExample, idx []int, minDF int) *trainSet {
	df := map[string]int{}
	for _, i := range idx {
		for _, g := range exs[i].grams {
			df[g]++
		}
	}
	ts := &trainSet{at: map[string]int{}, bias: -1}
	for g, n := range df {
		if n >= minDF || strings.HasPrefix(g, "#") {
			ts.vocab = append(ts.vocab, g)
		}
	}
	slices.Sort(ts.vocab)
	for k, g := range ts.vocab {
		ts.at[g] = k
	}
	ts.bias = ts.at[modelBias]
	ts.rows = make([][]int32, len(exs))
	for i := range exs {
		ts.rows[i] = ts.columns(exs[i].grams)
	}
	return ts
}

func (ts *trainSet) columns(grams []string) []int32 {
	var r []int32
	for _, g := range grams {
		if k, ok := ts.at[g]; ok {
			r = append(r, int32(k))
		}
	}
	return r
}

// dims is the number of weights per class: grams, then lexicon features.
func (ts *trainSet) dims() int { return len(ts.vocab) + modelLexN }

// A themeFit is the weights for one theme: w[c*dims+j] for class c (0
// toward, 1 away) and feature j.
type themeFit struct {
	w []float64
}

func (ts *trainSet) scores(w []float64, ex *trainExample, th int, row []int32) (a, b float64) {
	n := ts.dims()
	for _, j := range row {
		a += w[j]
		b += w[n+int(j)]
	}
	off := len(ts.vocab)
	for k, v := range ex.lex[th] {
		if v != 0 {
			a += float64(w[off+k] * v)
			b += float64(w[n+off+k] * v)
		}
	}
	return a, b
}

// lossGrad computes the regularized negative log-likelihood of theme th
// over the examples idx, and its gradient into g.
func (ts *trainSet) lossGrad(w, g []float64, exs []trainExample, idx []int, th int, lambda, lexL2 float64) float64 {
	n := ts.dims()
	clear(g)
	loss := 0.0
	off := len(ts.vocab)
	for _, i := range idx {
		ex := &exs[i]
		a, b := ts.scores(w, ex, th, ts.rows[i])
		top := max(0, a, b)
		e0, ea, eb := mexp(-top), mexp(a-top), mexp(b-top)
		z := e0 + ea + eb
		lz := top + mlog(z)
		pa, pb := ea/z, eb/z
		switch ex.y[th] {
		case 0:
			loss += lz
		case 1:
			loss += lz - a
			pa--
		case 2:
			loss += lz - b
			pb--
		}
		for _, j := range ts.rows[i] {
			g[j] += pa
			g[n+int(j)] += pb
		}
		for k, v := range ex.lex[th] {
			if v != 0 {
				g[off+k] += float64(pa * v)
				g[n+off+k] += float64(pb * v)
			}
		}
	}
	for c := range 2 {
		for j := range n {
			if j == ts.bias {
				continue
			}
			l := lambda
			if j >= off {
				l = lexL2
			}
			x := w[c*n+j]
			loss += float64(float64(l*0.5) * float64(x*x))
			g[c*n+j] += float64(l * x)
		}
	}
	return loss
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += float64(a[i] * b[i])
	}
	return s
}

// axpy sets y += alpha*x.
func axpy(alpha float64, x, y []float64) {
	for i := range x {
		y[i] += float64(alpha * x[i])
	}
}

// fitTheme minimizes the loss plus l1 times the absolute weights of the
// words (not the lexicon features, not the bias) with OWL-QN: L-BFGS kept
// to one orthant at a time, so that weights the words do not need come
// out exactly zero. It runs for a fixed budget of iterations or until the
// objective stops moving.
func (ts *trainSet) fitTheme(exs []trainExample, idx []int, th int, lambda, lexL2, l1 float64) []float64 {
	dims := ts.dims()
	n := 2 * dims
	off := len(ts.vocab)
	penalized := func(j int) bool {
		jj := j % dims
		return l1 > 0 && jj < off && jj != ts.bias
	}
	w := make([]float64, n)
	g := make([]float64, n)
	pg := make([]float64, n)
	objective := func(w, g []float64) float64 {
		f := ts.lossGrad(w, g, exs, idx, th, lambda, lexL2)
		for j, x := range w {
			if penalized(j) {
				f += float64(l1 * math.Abs(x))
			}
		}
		return f
	}
	pseudo := func() {
		for j := range g {
			switch {
			case !penalized(j):
				pg[j] = g[j]
			case w[j] > 0:
				pg[j] = g[j] + l1
			case w[j] < 0:
				pg[j] = g[j] - l1
			case g[j]+l1 < 0:
				pg[j] = g[j] + l1
			case g[j]-l1 > 0:
				pg[j] = g[j] - l1
			default:
				pg[j] = 0
			}
		}
	}
	f := objective(w, g)
	var ss, ys [][]float64
	var rhos []float64
	d := make([]float64, n)
	wNew := make([]float64, n)
	gNew := make([]float64, n)
	orth := make([]float64, n)
	alpha := make([]float64, trainMemory)
	for it := 0; it < trainIters; it++ {
		pseudo()
		gnorm := math.Sqrt(dot(pg, pg))
		if gnorm < 1e-7 {
			break
		}
		// Two-loop recursion: d = -H pg.
		copy(d, pg)
		for k := len(ss) - 1; k >= 0; k-- {
			alpha[k] = rhos[k] * dot(ss[k], d)
			axpy(-alpha[k], ys[k], d)
		}
		if k := len(ss) - 1; k >= 0 {
			gamma := dot(ss[k], ys[k]) / dot(ys[k], ys[k])
			for i := range d {
				d[i] *= gamma
			}
		} else {
			for i := range d {
				d[i] /= max(gnorm, 1)
			}
		}
		for k := range ss {
			beta := rhos[k] * dot(ys[k], d)
			axpy(alpha[k]-beta, ss[k], d)
		}
		for i := range d {
			d[i] = -d[i]
			if penalized(i) && d[i]*pg[i] >= 0 {
				d[i] = 0 // stay with the steepest descent's sign
			}
		}
		slope := dot(pg, d)
		if slope >= 0 {
			// Not a descent direction: start the memory again.
			ss, ys, rhos = ss[:0], ys[:0], rhos[:0]
			for i := range d {
				d[i] = -pg[i] / max(gnorm, 1)
			}
		}
		for j := range orth {
			switch {
			case w[j] != 0:
				orth[j] = math.Copysign(1, w[j])
			default:
				orth[j] = math.Copysign(1, -pg[j])
			}
		}
		step := 1.0
		var fNew float64
		for ls := 0; ; ls++ {
			copy(wNew, w)
			axpy(step, d, wNew)
			for j := range wNew {
				if penalized(j) && wNew[j]*orth[j] <= 0 {
					wNew[j] = 0
				}
			}
			fNew = objective(wNew, gNew)
			moved := 0.0
			for j := range wNew {
				moved += float64(pg[j] * float64(wNew[j]-w[j]))
			}
			if fNew <= f+float64(1e-4*moved) || ls >= 30 {
				break
			}
			step *= 0.5
		}
		s := make([]float64, n)
		y := make([]float64, n)
		for i := range s {
			s[i] = wNew[i] - w[i]
			y[i] = gNew[i] - g[i]
		}
		if sy := dot(s, y); sy > 1e-12 {
			if len(ss) == trainMemory {
				ss, ys, rhos = ss[1:], ys[1:], rhos[1:]
			}
			ss, ys, rhos = append(ss, s), append(ys, y), append(rhos, 1/sy)
		}
		copy(w, wNew)
		copy(g, gNew)
		done := f-fNew < 1e-9*max(1, math.Abs(f))
		f = fNew
		if done {
			break
		}
	}
	return w
}

// A trainModel is every theme's fit over one trainSet.
type trainModel struct {
	ts *trainSet
	w  [nThemes][]float64
}

func fitModel(exs []trainExample, idx []int, p trainParams) *trainModel {
	ts := newTrainSet(exs, idx, p.minDF)
	m := &trainModel{ts: ts}
	if p.shared > 0 {
		ws := ts.fitJoint(exs, idx, p.lambda, p.lexL2, p.shared)
		for th := range nThemes {
			m.w[th] = ws[th]
		}
	} else {
		for th := range nThemes {
			m.w[th] = ts.fitTheme(exs, idx, th, p.lambda, p.lexL2, p.l1)
		}
	}
	for th := range nThemes {
		for j, x := range m.w[th] {
			if math.Abs(x) < p.prune {
				m.w[th][j] = 0
			}
		}
	}
	return m
}

// fitJoint fits every theme at once, with the lexicon features' weights
// shared between the themes and each theme's own weights for them only a
// regularized step away (dev): what "the lexicon turns this down" is worth
// is much the same for every theme, and a theme with few aversions to
// learn from borrows it from the others. The words stay each theme's own.
// It returns each theme's weights with the shared ones folded in, laid out
// as fitTheme's.
func (ts *trainSet) fitJoint(exs []trainExample, idx []int, lambda, lexL2, dev float64) [nThemes][]float64 {
	dims := ts.dims()
	per := 2 * dims
	off := len(ts.vocab)
	n := nThemes*per + 2*modelLexN
	objective := func(w, g []float64) float64 {
		sh := w[nThemes*per:]
		var losses [nThemes]float64
		var wg sync.WaitGroup
		for th := range nThemes {
			wg.Go(func() {
				wt := slices.Clone(w[th*per : (th+1)*per])
				for c := range 2 {
					for k := range modelLexN {
						wt[c*dims+off+k] += sh[c*modelLexN+k]
					}
				}
				gt := g[th*per : (th+1)*per]
				losses[th] = ts.lossGrad(wt, gt, exs, idx, th, lambda, 0)
			})
		}
		wg.Wait()
		gs := g[nThemes*per:]
		clear(gs)
		f := 0.0
		for th := range nThemes {
			f += losses[th]
			for c := range 2 {
				for k := range modelLexN {
					j := th*per + c*dims + off + k
					gs[c*modelLexN+k] += g[j]
					x := w[j]
					f += float64(float64(dev*0.5) * float64(x*x))
					g[j] += float64(dev * x)
				}
			}
		}
		for j, x := range sh {
			f += float64(float64(lexL2*0.5) * float64(x*x))
			gs[j] += float64(lexL2 * x)
		}
		return f
	}
	w := minimize(n, objective)
	var out [nThemes][]float64
	sh := w[nThemes*per:]
	for th := range nThemes {
		wt := slices.Clone(w[th*per : (th+1)*per])
		for c := range 2 {
			for k := range modelLexN {
				wt[c*dims+off+k] += sh[c*modelLexN+k]
			}
		}
		out[th] = wt
	}
	return out
}

// minimize runs L-BFGS on objective (which fills the gradient into its
// second argument) from zero, for a fixed budget of iterations or until
// the objective stops moving.
func minimize(n int, objective func(w, g []float64) float64) []float64 {
	w := make([]float64, n)
	g := make([]float64, n)
	f := objective(w, g)
	var ss, ys [][]float64
	var rhos []float64
	d := make([]float64, n)
	wNew := make([]float64, n)
	gNew := make([]float64, n)
	alpha := make([]float64, trainMemory)
	for it := 0; it < trainJointIters; it++ {
		gnorm := math.Sqrt(dot(g, g))
		if gnorm < 1e-7 {
			break
		}
		copy(d, g)
		for k := len(ss) - 1; k >= 0; k-- {
			alpha[k] = rhos[k] * dot(ss[k], d)
			axpy(-alpha[k], ys[k], d)
		}
		if k := len(ss) - 1; k >= 0 {
			gamma := dot(ss[k], ys[k]) / dot(ys[k], ys[k])
			for i := range d {
				d[i] *= gamma
			}
		} else {
			for i := range d {
				d[i] /= max(gnorm, 1)
			}
		}
		for k := range ss {
			beta := rhos[k] * dot(ys[k], d)
			axpy(alpha[k]-beta, ss[k], d)
		}
		for i := range d {
			d[i] = -d[i]
		}
		slope := dot(g, d)
		if slope >= 0 {
			ss, ys, rhos = ss[:0], ys[:0], rhos[:0]
			for i := range d {
				d[i] = -g[i] / max(gnorm, 1)
			}
			slope = dot(g, d)
		}
		step := 1.0
		var fNew float64
		for ls := 0; ; ls++ {
			copy(wNew, w)
			axpy(step, d, wNew)
			fNew = objective(wNew, gNew)
			if fNew <= f+float64(1e-4*float64(step*slope)) || ls >= 30 {
				break
			}
			step *= 0.5
		}
		s := make([]float64, n)
		y := make([]float64, n)
		for i := range s {
			s[i] = wNew[i] - w[i]
			y[i] = gNew[i] - g[i]
		}
		if sy := dot(s, y); sy > 1e-12 {
			if len(ss) == trainMemory {
				ss, ys, rhos = ss[1:], ys[1:], rhos[1:]
			}
			ss, ys, rhos = append(ss, s), append(ys, y), append(rhos, 1/sy)
		}
		copy(w, wNew)
		copy(g, gNew)
		done := f-fNew < 1e-9*max(1, math.Abs(f))
		f = fNew
		if done {
			break
		}
	}
	return w
}

// probs gives the model's probabilities for an example: [theme][side].
func (m *trainModel) probs(ex *trainExample) (p [nThemes][2]float64) {
	row := m.ts.columns(ex.grams)
	for th := range nThemes {
		a, b := m.ts.scores(m.w[th], ex, th, row)
		top := max(0, a, b)
		e0, ea, eb := mexp(-top), mexp(a-top), mexp(b-top)
		z := e0 + ea + eb
		p[th] = [2]float64{ea / z, eb / z}
	}
	return p
}

// decideProbs turns probabilities into findings as Detect does for one
// answer: in an answer of minWords words or more the model decides every
// theme; a shorter one keeps what the lexicon proposes.
func decideProbs(p [nThemes][2]float64, ex *trainExample, tau [2]float64, minWords int) map[catalog.ThemeID]workbook.Polarity {
	// (minWords is modelMinWords; a parameter so that its cost can be measured.)
	out := map[catalog.ThemeID]workbook.Polarity{}
	for th := range nThemes {
		if ex.words < minWords {
			if pol := ex.view[th].proposes; pol != 0 && ex.words >= detMinWords {
				out[themes[th].ID] = pol
			}
			continue
		}
		side := 0
		if p[th][1] > p[th][0] {
			side = 1
		}
		if p[th][side] >= tau[side] {
			out[themes[th].ID] = polOf(side)
		}
	}
	return out
}

// ---------------------------------------------------------------- cross-validation

// stratifiedFolds assigns each example a fold: examples are ordered by
// their rarest label (over all the sets), then by place, and dealt out in
// turn, so every fold gets its share of the rare aversions.
func stratifiedFolds(exs []trainExample, k int) []int {
	freq := map[string]int{}
	key := func(th int, y int8) string { return fmt.Sprintf("%02d%d", th, y) }
	for i := range exs {
		for th, y := range exs[i].y {
			if y != 0 {
				freq[key(th, y)]++
			}
		}
	}
	type item struct {
		i    int
		rare int
		key  string
	}
	items := make([]item, len(exs))
	for i := range exs {
		it := item{i: i, rare: 1 << 30, key: "~"}
		for th, y := range exs[i].y {
			if y == 0 {
				continue
			}
			if f := freq[key(th, int8(y))]; f < it.rare || f == it.rare && key(th, y) < it.key {
				it.rare, it.key = f, key(th, y)
			}
		}
		items[i] = it
	}
	slices.SortStableFunc(items, func(a, b item) int {
		if a.rare != b.rare {
			return a.rare - b.rare
		}
		return strings.Compare(a.key, b.key)
	})
	folds := make([]int, len(exs))
	for r, it := range items {
		folds[it.i] = r % k
	}
	return folds
}

// cvProbs fits on all folds but one and predicts the one left out, in
// turn, and returns each example's out-of-fold probabilities. The folds
// are fitted in parallel; each fit is deterministic on its own.
func cvProbs(exs []trainExample, idx []int, folds []int, p trainParams) map[int][nThemes][2]float64 {
	return cvProbsOn(exs, exs, idx, folds, p)
}

// cvProbsOn is cvProbs fitting on exs and predicting on test, the same
// statements read another way.
func cvProbsOn(exs, testExs []trainExample, idx []int, folds []int, p trainParams) map[int][nThemes][2]float64 {
	nf := 0
	for _, i := range idx {
		nf = max(nf, folds[i]+1)
	}
	type pred struct {
		i int
		p [nThemes][2]float64
	}
	preds := make([][]pred, nf)
	var wg sync.WaitGroup
	for f := range nf {
		var train, test []int
		for _, i := range idx {
			if folds[i] == f {
				test = append(test, i)
			} else {
				train = append(train, i)
			}
		}
		if len(test) == 0 || len(train) == 0 {
			continue
		}
		wg.Go(func() {
			m := fitModel(exs, train, p)
			for _, i := range test {
				preds[f] = append(preds[f], pred{i, m.probs(&testExs[i])})
			}
		})
	}
	wg.Wait()
	out := map[int][nThemes][2]float64{}
	for _, ps := range preds {
		for _, x := range ps {
			out[x.i] = x.p
		}
	}
	return out
}

// scorePredictions scores predictions against labels, as the
// evaluation does (eval_score_test.go).
func scorePredictions(cases []evalCase, preds []map[catalog.ThemeID]workbook.Polarity) *evalScore {
	s := &evalScore{}
	for i, c := range cases {
		s.add(c.Labels, preds[i])
	}
	return s
}

func scoreProbs(exs []trainExample, idx []int, probs map[int][nThemes][2]float64, tau [2]float64) *evalScore {
	cases := make([]evalCase, len(idx))
	preds := make([]map[catalog.ThemeID]workbook.Polarity, len(idx))
	for k, i := range idx {
		cases[k] = exs[i].c
		preds[k] = decideProbs(probs[i], &exs[i], tau, modelMinWords)
	}
	return scorePredictions(cases, preds)
}

// lexiconScore scores the lexicon alone on the examples.
func lexiconScore(exs []trainExample, idx []int) *evalScore {
	cases := make([]evalCase, len(idx))
	preds := make([]map[catalog.ThemeID]workbook.Polarity, len(idx))
	for k, i := range idx {
		cases[k] = exs[i].c
		preds[k] = map[catalog.ThemeID]workbook.Polarity{}
		for _, f := range detectLexicon([]Source{{Label: evalLabel(exs[i].c), Text: exs[i].c.Text}}) {
			preds[k][f.Theme] = f.Polarity
		}
	}
	return scorePredictions(cases, preds)
}

var trainTaus = []float64{0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7}

// bestTau picks the thresholds on the probabilities of the statements idx
// (the calibration sets', out of fold). Across thresholds the macro F1 is
// flat (within a hundredth over a wide range) while what the runner sees
// is not, so the choice is made on what the detector is for: among the
// thresholds whose 24-class macro F1 is within trainTauBand of the best,
// the one whose weaker aversion figure (precision or recall) is highest,
// then the most precise overall, then the higher thresholds (the quieter
// detector). It returns the thresholds, their scores, and the best macro
// F1 of any thresholds, which is what settings are compared by.
func bestTau(exs []trainExample, idx []int, probs map[int][nThemes][2]float64) ([2]float64, *evalScore, float64) {
	type cand struct {
		tau [2]float64
		s   *evalScore
	}
	var cands []cand
	best := -1.0
	for _, ta := range trainTaus {
		for _, tb := range trainTaus {
			tau := [2]float64{ta, tb}
			s := scoreProbs(exs, idx, probs, tau)
			cands = append(cands, cand{tau, s})
			best = max(best, s.macro())
		}
	}
	var pick cand
	bestKey := [3]float64{-1, -1, -1}
	for _, c := range cands {
		if c.s.macro() < best-trainTauBand {
			continue
		}
		ap, ar := c.s.aversion()
		all := c.s.pooled(0, 1)
		p, _, _ := all.scores()
		key := [3]float64{round3(min(ap, ar)), round3(p), c.tau[0] + c.tau[1]}
		if slices.Compare(key[:], bestKey[:]) > 0 {
			pick, bestKey = c, key
		}
	}
	return pick.tau, pick.s, best
}

// round3 rounds to three decimals, so that ties between thresholds are
// ties and not noise in the last bit.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// trainStrengthPrecision are the precisions from which a reading is
// Strong and Clear: at least four in five, at least two in three.
var trainStrengthPrecision = [2]float64{0.8, 2.0 / 3}

// bestStrengths picks the scores from which a finding is Strong and
// Clear: the lowest at which the readings scored that high or higher were
// right that often, out of fold on the statements idx (and at least ten of
// them); 1 when none is.
func bestStrengths(exs []trainExample, idx []int, probs map[int][nThemes][2]float64, tau [2]float64) (strong, clear float64) {
	type reading struct {
		p     float64
		right bool
	}
	var rs []reading
	for _, i := range idx {
		for th, pol := range decideProbs(probs[i], &exs[i], tau, modelMinWords) {
			t := themeIndex(th)
			rs = append(rs, reading{probs[i][t][sideOf(pol)], exs[i].c.Labels[string(th)] == pol.String()})
		}
	}
	level := func(want float64) float64 {
		for x := 0.05; x < 1; x += 0.05 {
			x = math.Round(x*100) / 100
			n, right := 0, 0
			for _, r := range rs {
				if r.p >= x {
					n++
					if r.right {
						right++
					}
				}
			}
			if n >= 10 && float64(right) >= want*float64(n) {
				return x
			}
		}
		return 1
	}
	return level(trainStrengthPrecision[0]), level(trainStrengthPrecision[1])
}

func allIndexes(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// ---------------------------------------------------------------- choosing

// trainGrid is every setting cross-validation chooses among, simplest
// first: no negation marks, the lexicon's weights shared between the
// themes (fitJoint), then rarer words left out, then stronger
// regularization.
func trainGrid() []trainParams {
	var grid []trainParams
	for _, neg := range []bool{false, true} {
		for _, shared := range []float64{10, 0} {
			for _, df := range []int{3, 2} {
				for _, lam := range []float64{3, 1, 0.3} {
					grid = append(grid, trainParams{lambda: lam, lexL2: 0.3, shared: shared, minDF: df, negation: neg, prune: 0.01})
				}
			}
		}
	}
	return grid
}

// trainPrunes are the pruning levels tried for the chosen setting, most
// pruned first.
var trainPrunes = []float64{0.15, 0.1, 0.05, 0.03, 0.01}

// chooseParams picks the setting (and its thresholds) by cross-validation
// over folds, scored on the calibration statements cal: the simplest
// within trainTolerance of the best 24-class macro F1. With log set it
// logs every setting's score.
func chooseParams(plain, negated []trainExample, idx, cal, folds []int, log func(string, ...any)) (trainParams, *evalScore) {
	grid := trainGrid()
	scores := make([]*evalScore, len(grid))
	macros := make([]float64, len(grid))
	best := -1.0
	for k, p := range grid {
		exs := plain
		if p.negation {
			exs = negated
		}
		probs := cvProbs(exs, idx, folds, p)
		grid[k].tau, scores[k], macros[k] = bestTau(exs, cal, probs)
		best = max(best, macros[k])
		if log != nil {
			log("  %s: best macro F1 %.3f; at these thresholds %s", grid[k], macros[k], scores[k])
		}
	}
	k := slices.IndexFunc(macros, func(m float64) bool { return m >= best-trainTolerance })
	p := grid[k]
	// Then prune as hard as the score allows.
	exs := plain
	if p.negation {
		exs = negated
	}
	for _, pr := range trainPrunes {
		q := p
		q.prune = pr
		probs := cvProbs(exs, idx, folds, q)
		tau, s, m := bestTau(exs, cal, probs)
		if log != nil {
			log("  prune %g: best macro F1 %.3f; tau %g/%g %s", pr, m, tau[0], tau[1], s)
		}
		if m >= best-trainTolerance {
			q.tau = tau
			return q, s
		}
	}
	return p, scores[k]
}

// ---------------------------------------------------------------- the file

// themeModelSource renders the fitted model as model_weights.go.
func themeModelSource(m *trainModel, p trainParams, header string) ([]byte, int) {
	var b bytes.Buffer
	b.WriteString("// Code generated by go generate ./detect (TestTrainThemeModel); DO NOT EDIT.\n\n")
	b.WriteString("package detect\n\nimport \"github.com/cairn-run/cairn/catalog\"\n\n")
	b.WriteString(header)
	fmt.Fprintf(&b, "const (\n\tmodelLambda = %s\n\tmodelLexL2 = %s\n\tmodelShared = %s\n\tmodelMinDF = %d\n\tmodelPrune = %s\n\tmodelNegation = %v\n\tmodelTauToward = %s\n\tmodelTauAway = %s\n\tmodelStrong = %s\n\tmodelClear = %s\n)\n\n",
		fnum(p.lambda), fnum(p.lexL2), fnum(p.shared), p.minDF, fnum(p.prune), p.negation, fnum(p.tau[0]), fnum(p.tau[1]), fnum(p.strong), fnum(p.clear))
	b.WriteString("// modelWeights are the model's weights: for each feature, what it adds to\n")
	b.WriteString("// the score of each theme read each way, against the theme not being there.\n")
	b.WriteString("var modelWeights = []modelRow{\n")
	n := m.ts.dims()
	rows := 0
	emit := func(name string, j int) {
		var cells []string
		for th := range nThemes {
			for side := range 2 {
				if w := m.w[th][side*n+j]; w != 0 {
					cells = append(cells, fmt.Sprintf("{%s, %s, %s}", themeConst(themes[th].ID), polConst(polOf(side)), fnum(w)))
				}
			}
		}
		if len(cells) > 0 {
			fmt.Fprintf(&b, "\t{%q, []modelCell{%s}},\n", name, strings.Join(cells, ", "))
			rows++
		}
	}
	off := len(m.ts.vocab)
	for k, name := range modelLexNames {
		emit(name, off+k)
	}
	for j, g := range m.ts.vocab {
		if strings.HasPrefix(g, "#") {
			emit(g, j)
		}
	}
	for j, g := range m.ts.vocab {
		if !strings.HasPrefix(g, "#") {
			emit(g, j)
		}
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		panic(err)
	}
	return src, rows
}

// fnum writes a weight with four significant digits.
func fnum(x float64) string {
	return strconv.FormatFloat(x, 'g', 4, 64)
}

// roundWeights rounds the weights as the file will hold them, so that
// what training scores is what Detect runs.
func roundWeights(m *trainModel) {
	for th := range nThemes {
		for j, w := range m.w[th] {
			m.w[th][j], _ = strconv.ParseFloat(fnum(w), 64)
		}
	}
}

// fitFinal fits the model on every statement with the given setting.
func fitFinal(t *testing.T, p trainParams) (*trainModel, []trainExample) {
	exs := readTrainExamples(t)
	if !p.negation {
		exs = withoutNegation(exs)
	}
	m := fitModel(exs, allIndexes(len(exs)), p)
	roundWeights(m)
	return m, exs
}

// weightsHeader is the comment at the top of the generated file.
func weightsHeader(p trainParams, cal, all *evalScore, n int) string {
	return fmt.Sprintf(`// The theme model's setting, chosen by %d-fold cross-validation on the %d
// labelled training statements (lexicon features at first sight, or read
// today for the sets in real shapes), its thresholds and strengths
// calibrated on the out-of-fold readings of %s:
// there %s;
// pooled over every training statement %s.
`, trainFolds, n, calibrationName(), cal, all)
}

// committedParams is the setting model_weights.go records.
func committedParams() trainParams {
	return trainParams{lambda: modelLambda, lexL2: modelLexL2, shared: modelShared, minDF: modelMinDF, prune: modelPrune,
		negation: modelNegation, tau: [2]float64{modelTauToward, modelTauAway}, strong: modelStrong, clear: modelClear}
}

// calibrationIndexes are the examples of the calibration sets.
func calibrationIndexes(exs []trainExample) []int {
	var out []int
	for i := range exs {
		if slices.Contains(calibrationSets, trainSets[exs[i].file]) {
			out = append(out, i)
		}
	}
	return out
}

// crossValidate scores setting p by cross-validation over the examples
// (stratified folds, as training deals them), on the calibration set and
// pooled: what training records in the header for the setting it chose.
func crossValidate(exs []trainExample, p trainParams) (cal, all *evalScore, probs map[int][nThemes][2]float64) {
	idx := allIndexes(len(exs))
	probs = cvProbs(exs, idx, stratifiedFolds(exs, trainFolds), p)
	return scoreProbs(exs, calibrationIndexes(exs), probs, p.tau), scoreProbs(exs, idx, probs, p.tau), probs
}

// ---------------------------------------------------------------- tests

// TestTrainThemeModel chooses the model's setting by cross-validation,
// measures it, and writes model_weights.go. Run with -train -v.
func TestTrainThemeModel(t *testing.T) {
	if !*trainFlag {
		t.Skip("trains the theme model; run with -train")
	}
	first := readTrainExamples(t)
	plain := withoutNegation(first)
	idx := allIndexes(len(first))
	cal := calibrationIndexes(first)
	folds := stratifiedFolds(first, trainFolds)

	t.Logf("lexicon alone, today, on the training statements (in sample): %s", lexiconScore(first, idx))
	fs := viewScore(first, cal)
	t.Logf("lexicon alone (read today) on %s: %s\n%s", calibrationName(), fs, fs.table())

	t.Logf("choosing the setting by %d-fold cross-validation, scored on %s:", trainFolds, calibrationName())
	p, _ := chooseParams(plain, first, idx, cal, folds, t.Logf)
	exs := plain
	if p.negation {
		exs = first
	}
	calS, allS, probs := crossValidate(exs, p)
	p.strong, p.clear = bestStrengths(exs, cal, probs, p.tau)
	t.Logf("chosen: %s\ncross-validated on %s: %s\n%s\npooled: %s", p, calibrationName(), calS, calS.table(), allS)
	for fi, path := range trainSets {
		var sub []int
		for i := range exs {
			if exs[i].file == fi {
				sub = append(sub, i)
			}
		}
		t.Logf("%s: cross-validated %s; lexicon alone as the model learns it %s", path, scoreProbs(exs, sub, probs, p.tau), viewScore(exs, sub))
	}

	m := fitModel(exs, idx, p)
	roundWeights(m)
	src, rows := themeModelSource(m, p, weightsHeader(p, calS, allS, len(exs)))
	if err := os.WriteFile(trainWeightsFile, src, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s: %d features, %d bytes", trainWeightsFile, rows, len(src))
	t.Log(topFeatures(m, exs, 12))
}

// viewScore scores the lexicon's proposals in the examples' views.
func viewScore(exs []trainExample, idx []int) *evalScore {
	cases := make([]evalCase, len(idx))
	preds := make([]map[catalog.ThemeID]workbook.Polarity, len(idx))
	for k, i := range idx {
		cases[k] = exs[i].c
		preds[k] = map[catalog.ThemeID]workbook.Polarity{}
		if exs[i].words < detMinWords {
			continue
		}
		for th := range nThemes {
			if p := exs[i].view[th].proposes; p != 0 {
				preds[k][themes[th].ID] = p
			}
		}
	}
	return scorePredictions(cases, preds)
}

// topFeatures lists, per theme and side, the words that weigh most, in the
// form runners most often wrote them, and the lexicon features' weights.
func topFeatures(m *trainModel, exs []trainExample, n int) string {
	forms := surfaceForms(exs)
	show := func(g string) string {
		neg := strings.HasPrefix(g, "¬")
		g = strings.TrimPrefix(g, "¬")
		parts := strings.Split(g, " ")
		for k, w := range parts {
			if f, ok := forms[w]; ok {
				parts[k] = f
			}
		}
		s := strings.Join(parts, " ")
		if neg {
			s = "¬" + s
		}
		return s
	}
	dims := m.ts.dims()
	var b strings.Builder
	b.WriteString("top features (weight against the theme not being there):\n")
	for th := range nThemes {
		for side := range 2 {
			type fw struct {
				g string
				w float64
			}
			var fws []fw
			for j, g := range m.ts.vocab {
				if w := m.w[th][side*dims+j]; w > 0 && !strings.HasPrefix(g, "#") {
					fws = append(fws, fw{g, w})
				}
			}
			slices.SortStableFunc(fws, func(a, b fw) int { return cmp.Compare(b.w, a.w) })
			var parts []string
			for k, x := range fws {
				if k >= n {
					break
				}
				parts = append(parts, fmt.Sprintf("%s %.2f", show(x.g), x.w))
			}
			fmt.Fprintf(&b, "%-12s %s words: %s\n", themes[th].ID, polOf(side), strings.Join(parts, ", "))
		}
		var lw []string
		for side := range 2 {
			for k, name := range modelLexNames {
				if w := m.w[th][side*dims+len(m.ts.vocab)+k]; w != 0 {
					lw = append(lw, fmt.Sprintf("%s→%s %.2f", strings.TrimPrefix(name, "#lexicon "), polOf(side), w))
				}
			}
		}
		fmt.Fprintf(&b, "%-12s   lexicon: %s\n", "", strings.Join(lw, ", "))
	}
	return b.String()
}

// surfaceForms maps each stem to the word form written most often.
func surfaceForms(exs []trainExample) map[string]string {
	counts := map[string]map[string]int{}
	for _, ex := range exs {
		text := ex.c.Text
		low := lowerSameLength(text)
		for _, sp := range splitSentences(text, nil) {
			for _, tk := range tokenize(text[sp.start:sp.end], low[sp.start:sp.end], nil) {
				if tk.num || tk.ord || tk.emoji || !utf8.ValidString(tk.norm) {
					continue
				}
				norm := lexNormal(tk.norm)
				stem := lexStem(norm)
				if counts[stem] == nil {
					counts[stem] = map[string]int{}
				}
				counts[stem][norm]++
			}
		}
	}
	out := map[string]string{}
	for stem, c := range counts {
		best, bn := "", 0
		for w, k := range c {
			if k > bn || k == bn && w < best {
				best, bn = w, k
			}
		}
		out[stem] = best
	}
	return out
}

// TestThemeModelWeights checks that model_weights.go is what training
// gives with its recorded setting, byte for byte: the weights fitted on
// every training statement, and (unless -short) the cross-validated score
// in its header. Only the search for the setting is not repeated; go
// generate ./detect repeats it (README.md).
func TestThemeModelWeights(t *testing.T) {
	if len(modelWeights) == 0 {
		t.Skip("no model weights")
	}
	p := committedParams()
	m, exs := fitFinal(t, p)
	got, err := os.ReadFile(trainWeightsFile)
	if err != nil {
		t.Fatal(err)
	}
	header := ""
	if !testing.Short() {
		cal, all, _ := crossValidate(exs, p)
		header = weightsHeader(p, cal, all, len(exs))
	}
	want, _ := themeModelSource(m, p, header)
	if testing.Short() {
		// Without the cross-validation, compare from the setting on.
		cut := func(b []byte) []byte {
			if i := bytes.Index(b, []byte("const (")); i >= 0 {
				return b[i:]
			}
			return b
		}
		got, want = cut(got), cut(want)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what training gives with its setting (%s); run go generate ./detect", trainWeightsFile, p)
	}
}
