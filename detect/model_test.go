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

// TestThemeModelFeatures logs, for a reviewer, the words that weigh most
// for each theme and side in the shipped weights, in the form runners
// wrote them most often, and how the model weighs the lexicon. Run with
// -v.
func TestThemeModelFeatures(t *testing.T) {
	if len(modelWeights) == 0 {
		t.Skip("no model weights")
	}
	if !testing.Verbose() {
		t.Skip("a log for reviewers; run with -v")
	}
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
