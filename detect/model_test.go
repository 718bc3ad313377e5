package detect

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// TestThemeModelWellFormed checks the generated weights load: known
// themes, finite weights, each feature once, and the features Detect
// relies on present.
func TestThemeModelWellFormed(t *testing.T) {
	if len(modelWeights) == 0 {
		t.Skip("no model weights")
	}
	seen := map[string]bool{}
	for _, r := range modelWeights {
		if seen[r.Feature] {
			t.Errorf("feature %q appears twice", r.Feature)
		}
		seen[r.Feature] = true
		if len(r.Cells) == 0 {
			t.Errorf("feature %q has no weights", r.Feature)
		}
		for _, c := range r.Cells {
			if _, ok := catalog.LookupTheme(c.Theme); !ok {
				t.Errorf("feature %q: unknown theme %q", r.Feature, c.Theme)
			}
			if c.Pol != workbook.Toward && c.Pol != workbook.Away {
				t.Errorf("feature %q: polarity %d", r.Feature, c.Pol)
			}
			if math.IsNaN(c.W) || math.IsInf(c.W, 0) || c.W == 0 {
				t.Errorf("feature %q: weight %v", r.Feature, c.W)
			}
		}
	}
	for _, f := range append([]string{modelBias}, modelLexNames[:]...) {
		if !seen[f] {
			t.Errorf("feature %q is missing", f)
		}
	}
	m := loadThemeModel()
	if m == nil {
		t.Fatal("the model does not load")
	}
	if !(m.tau[0] > 0 && m.tau[0] < 1 && m.tau[1] > 0 && m.tau[1] < 1) {
		t.Errorf("thresholds %v", m.tau)
	}
	t.Logf("%d features, %d weights", len(modelWeights), countCells())
}

func countCells() int {
	n := 0
	for _, r := range modelWeights {
		n += len(r.Cells)
	}
	return n
}

// TestThemeModelFeatures checks the shipped weights read as a model of
// runners' words should, whatever a retraining gives:
//
//   - every word or pair it weighs is one the reader emits today, in at
//     least modelMinDF training statements (a stemmer or tokenizer change
//     leaves no dead features behind), and every other feature is one the
//     model computes;
//   - no single word or pair proposes a theme on its own: with the bias,
//     at any length, one feature stays below the threshold;
//   - it listens to the lexicon: a lexicon cue on a side makes that side
//     more likely for every theme;
//   - what it learned agrees with the lexicon: among each theme's ten
//     heaviest words toward it is one of the lexicon's own cues for it.
//
// Run with -v for a reviewer's log of the heaviest words.
func TestThemeModelFeatures(t *testing.T) {
	if len(modelWeights) == 0 {
		t.Skip("no model weights")
	}
	m := loadThemeModel()
	exs := readTrainExamples(t)
	if !modelNegation {
		exs = withoutNegation(exs)
	}
	df := map[string]int{}
	for _, ex := range exs {
		for _, g := range ex.grams {
			df[g]++
		}
	}
	for _, r := range modelWeights {
		if strings.HasPrefix(r.Feature, "#") {
			// Training keeps these whatever their count.
			_, question := catalog.LookupQuestion(strings.TrimPrefix(r.Feature, modelQuestion))
			if !slices.Contains(append([]string{modelBias, modelShort, modelLong}, modelLexNames[:]...), r.Feature) &&
				!(strings.HasPrefix(r.Feature, modelQuestion) && question) {
				t.Errorf("feature %q is not one the model reads", r.Feature)
			}
			continue
		}
		if n := df[r.Feature]; n < modelMinDF {
			t.Errorf("feature %q is in %d training statements as the reader reads them now; training needs %d", r.Feature, n, modelMinDF)
		}
	}

	var none [nThemes]detTally
	bias, long := m.index[modelBias], m.index[modelLong]
	for f, r := range m.index {
		if strings.HasPrefix(f, "#") {
			continue
		}
		for _, rows := range [][]int32{{bias, r}, {bias, long, r}} {
			p := m.probs(rows, &none)
			for th := range nThemes {
				for side := range 2 {
					if p[th][side] >= m.tau[side] {
						t.Errorf("%q alone proposes %s %s (p %.2f)", f, themes[th].ID, polOf(side), p[th][side])
					}
				}
			}
		}
	}

	alone := m.probs([]int32{bias}, &none)
	for th := range nThemes {
		for side := range 2 {
			var lean [nThemes]detTally
			lean[th][side] = detSide{strength: 1, base: 1, sents: 1}
			if p := m.probs([]int32{bias}, &lean); p[th][side] <= alone[th][side] {
				t.Errorf("a lexicon cue %s %s leaves it at p %.4f (%.4f without)", polOf(side), themes[th].ID, p[th][side], alone[th][side])
			}
		}
	}

	cues := map[int8]map[string]bool{}
	for _, e := range loadLexicon().entries {
		for _, lt := range e.themes {
			if e.kind != opTheme || lt.sense != toward {
				continue
			}
			if cues[lt.theme] == nil {
				cues[lt.theme] = map[string]bool{}
			}
			for _, el := range e.elems {
				if el.kind == elemStem || el.kind == elemExact {
					cues[lt.theme][el.s] = true
				}
			}
		}
	}
	for th := range nThemes {
		top := topWords(themes[th].ID, workbook.Toward, 10)
		if !slices.ContainsFunc(top, func(g string) bool {
			return slices.ContainsFunc(strings.Fields(g), func(w string) bool { return cues[int8(th)][w] })
		}) {
			t.Errorf("none of the heaviest words toward %s is a lexicon cue for it: %q", themes[th].ID, top)
		}
	}

	if testing.Verbose() {
		logTopWords(t)
	}
}

// topWords returns the n words and pairs that weigh most toward reading
// theme th with polarity pol, heaviest first.
func topWords(th catalog.ThemeID, pol workbook.Polarity, n int) []string {
	type fw struct {
		g string
		w float64
	}
	var fws []fw
	for _, r := range modelWeights {
		if strings.HasPrefix(r.Feature, "#") {
			continue
		}
		for _, c := range r.Cells {
			if c.Theme == th && c.Pol == pol && c.W > 0 {
				fws = append(fws, fw{r.Feature, c.W})
			}
		}
	}
	slices.SortStableFunc(fws, func(a, b fw) int { return cmp.Compare(b.w, a.w) })
	var out []string
	for _, x := range fws[:min(len(fws), n)] {
		out = append(out, x.g)
	}
	return out
}

// logTopWords logs, for a reviewer, the words that weigh most for each
// theme and side in the shipped weights, in the form runners wrote them
// most often, and how the model weighs the lexicon.
func logTopWords(t *testing.T) {
	var exs []trainExample
	for _, path := range trainSets {
		for _, c := range loadEvalCases(t, path) {
			exs = append(exs, trainExample{c: c})
		}
	}
	forms := surfaceForms(exs)
	show := func(g string) string {
		parts := strings.Split(g, " ")
		for k, w := range parts {
			neg := strings.HasPrefix(w, "¬")
			if f, ok := forms[strings.TrimPrefix(w, "¬")]; ok {
				parts[k] = f
				if neg {
					parts[k] = "¬" + f
				}
			}
		}
		return strings.Join(parts, " ")
	}
	type fw struct {
		g string
		w float64
	}
	var b strings.Builder
	b.WriteString("the words that weigh most toward each reading (against the theme not being there):\n")
	for _, th := range themes {
		for _, pol := range []workbook.Polarity{workbook.Toward, workbook.Away} {
			var fws []fw
			var lex []string
			for _, r := range modelWeights {
				for _, c := range r.Cells {
					if c.Theme != th.ID || c.Pol != pol {
						continue
					}
					if strings.HasPrefix(r.Feature, "#") {
						lex = append(lex, fmt.Sprintf("%s %+.2f", strings.TrimPrefix(r.Feature, "#"), c.W))
					} else if c.W > 0 {
						fws = append(fws, fw{r.Feature, c.W})
					}
				}
			}
			slices.SortStableFunc(fws, func(a, b fw) int { return cmp.Compare(b.w, a.w) })
			var top []string
			for _, x := range fws[:min(len(fws), 15)] {
				top = append(top, fmt.Sprintf("%s %.2f", show(x.g), x.w))
			}
			fmt.Fprintf(&b, "%-12s %s words: %s\n", th.ID, pol, strings.Join(top, ", "))
			fmt.Fprintf(&b, "%-12s %s other: %s\n", "", pol, strings.Join(lex, ", "))
		}
	}
	t.Log(b.String())
}
