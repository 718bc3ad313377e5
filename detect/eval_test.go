package detect

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// evalPath is the labelled evaluation set: one JSON object a line,
//
//	{"id":"e001","text":"...","labels":{"coping":"+","competition":"-"},"note":"..."}
//
// written by someone who had not seen the detector, so its first score was
// an honest measure of how well cairn reads runners' answers. (It has been
// read since: see the floors below.)
const evalPath = "testdata/themes/eval.jsonl"

// addedPath holds statements in the same format written by the detector's
// author after the first evaluation run, to exercise what was added to the
// lexicon and the engine then. They are kept apart, as the set's README
// asks, and scored apart: they test the additions, they do not measure the
// detector.
const addedPath = "testdata/themes/added.jsonl"

// devPath is the second round's development set: statements written and
// labelled before the detector was run on them, then used to study errors
// by category. Its first-sight score is the honest one (see the floors).
const devPath = "testdata/themes/dev.jsonl"

// dev2Path holds fresh statements written after the lexicon grew in the
// second round, labelled before the detector was run on them, to test
// whether the kinds of phrasing added carry beyond the lines that
// prompted them.
const dev2Path = "testdata/themes/dev2.jsonl"

// holdoutPath is the held-out set: 264 statements written blind to the
// detector and to every other set, never read by anyone working on the
// detector, and never trained on. It is how new writing is measured. Do not
// tune against it: if it falls, find the general cause with the other sets
// and cross-validation. Its misses are never listed, not even with
// -eval.detail, so that nobody reads them by accident.
//
// Measured 2026-11-22, once per version of the detector:
//   - lexicon after the first round:            macro F1 0.584, aversion P 0.696 R 0.410
//   - lexicon after the second round:           macro F1 0.620, aversion P 0.651 R 0.526
//   - lexicon with the learned layer (shipped): macro F1 0.663, aversion P 0.552 R 0.615
//
// For scale, a second careful labeller, working blind from the texts and
// the labelling policy, agreed with its labels at macro F1 0.966 (aversion
// P 0.975 R 0.987); that labeller had seen the README's label counts.
const holdoutPath = "testdata/themes/holdout.jsonl"

// Floors on the held-out set, a little under what the shipped detector
// measured.
const (
	holdoutMinMacroF1   = 0.64
	holdoutMinAversionP = 0.52
	holdoutMinAversionR = 0.58
)

// TestThemeEvaluationHoldout scores the detector on writing it has never
// seen: the figure the README and the notes quote for new writing.
func TestThemeEvaluationHoldout(t *testing.T) {
	macro, ap, ar := evaluateThemes(t, holdoutPath)
	if macro < holdoutMinMacroF1 {
		t.Errorf("held-out macro F1 %.3f is below the floor %.3f", macro, holdoutMinMacroF1)
	}
	if ap < holdoutMinAversionP || ar < holdoutMinAversionR {
		t.Errorf("held-out aversion P %.3f R %.3f is below the floor P %.3f R %.3f", ap, ar, holdoutMinAversionP, holdoutMinAversionR)
	}
}

// The floors the evaluations hold the detector to, a little under what it
// measured, so a change that makes it read worse fails while the sets can
// still grow.
//
// Measured 2026-11-22. The blind set's first run, before anyone had looked
// at its lines, gave macro F1 0.594 and aversion P 0.818 R 0.537: that is
// the honest figure for writing the detector has not seen. The misses were
// then studied by category (routine read from mere schedules, general good
// feelings counted as joy, negations reaching too far back, aversions with
// the object first, vocabulary for being seen, for head space and for
// self-belief) and the mechanisms fixed. The added statements, written
// fresh after that, gave macro F1 0.763 on their first run.
//
// Measured 2026-11-23, second round. That round's fixes had not carried to
// new writing (0.584 on a later held-out set), so a fresh dev set (devPath,
// 404 statements) was written and labelled before the detector saw it. Its
// first sight gave macro F1 0.523, aversion P 0.800 R 0.374. Its errors
// were studied by category, not line by line (verdicts apart from what
// they judge, bad feelings said about a cue, settled negations, mild and
// slang aversions, negated actions, "used to hate ... now", stem
// collisions, company said with "with", phrase families for implicit
// motives). A second set written after the lexicon grew (dev2Path, 111
// statements) gave 0.725 at first sight (the detector before the round:
// 0.453). After the round the lexicon alone gave, on the sets it had been
// tuned on: blind 0.895 (aversion P 0.909 R 0.896), added 0.943, dev 0.783
// (P 0.837 R 0.777), dev2 0.854; all four pooled 0.840 (P 0.865 R 0.822).
// On the unseen held-out set it gave 0.620 (aversion P 0.65 R 0.53).
//
// Third round, 2026-11-22: a learned layer (model.go). The four sets are
// now its training data, so their scores below are training scores, kept
// only as a sanity floor; the honest measure is cross-validation
// (TestThemeModelCV). Cross-validation with the lexicon's readings of
// today cannot measure the layer: the lexicon was tuned on these very
// statements, so it scores 0.840 on them, and any model trained on its
// readings learns to trust it (hybrid 0.842, no difference). The model
// therefore learns from, and is cross-validated on, what the lexicon said
// about each statement at first sight, before it was tuned on it
// (model_firstsight_gen_test.go). 5-fold cross-validation, 788 statements,
// pooled:
//
//	                                 macro F1   aversion P   aversion R
//	lexicon alone, first sight          0.550        0.784        0.450
//	lexicon + model (chosen setting)    0.605        0.700        0.570
//	  the same, setting chosen inside   0.597        0.705        0.547
//	  each fold (nested)
//	  trained on three sets, tested
//	  on the fourth, pooled             0.606        0.736        0.562
//
// By set, trained on the other three: blind 0.578 -> 0.637, added 0.255
// -> 0.406, dev 0.523 -> 0.557, dev2 0.725 -> 0.792 (dev2's first sight is
// the lexicon nearest to today's). Per theme, cross-validated F1 (lexicon
// at first sight -> hybrid): health 0.686 -> 0.691, weight 0.690 -> 0.753,
// company 0.648 -> 0.664, recognition 0.324 -> 0.450, competition 0.586 ->
// 0.645, personal goals 0.535 -> 0.597, headspace 0.489 -> 0.620,
// confidence 0.451 -> 0.519, meaning 0.432 -> 0.515, exploration 0.689 ->
// 0.683, joy 0.504 -> 0.550, routine 0.569 -> 0.569.
//
// In sample (training scores, Detect as shipped): blind 0.936 (aversion P
// 0.905 R 1.000), added 0.943, dev 0.905 (P 0.855 R 0.935), dev2 0.910
// (P 0.881 R 0.925).
const (
	evalMinMacroF1   = 0.91
	evalMinAversionP = 0.88
	evalMinAversionR = 0.95
	addedMinMacroF1  = 0.92
	devMinMacroF1    = 0.88
	devMinAversionP  = 0.83
	devMinAversionR  = 0.91
	dev2MinMacroF1   = 0.88

	// The cross-validated floors (TestThemeModelCV): the hybrid's macro F1
	// and aversion precision and recall, and how far it must stay ahead of
	// the lexicon alone at first sight.
	cvMinMacroF1   = 0.58
	cvMinGain      = 0.04
	cvMinAversionP = 0.66
	cvMinAversionR = 0.53
)

var evalDetail = flag.Bool("eval.detail", false, "list every statement the theme evaluation gets wrong")

type evalCase struct {
	ID     string            `json:"id"`
	Text   string            `json:"text"`
	Labels map[string]string `json:"labels"`
	Note   string            `json:"note"`
}

type evalCounts struct{ gold, pred, tp, fp, fn int }

func (c evalCounts) scores() (p, r, f1 float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

func loadEvalCases(t *testing.T, evalPath string) []evalCase {
	t.Helper()
	f, err := os.Open(evalPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s does not exist yet: no labelled set to evaluate against", evalPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []evalCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var c evalCase
		if err := json.Unmarshal([]byte(text), &c); err != nil {
			t.Fatalf("%s:%d: %v", evalPath, line, err)
		}
		for theme, pol := range c.Labels {
			if _, ok := catalog.LookupTheme(catalog.ThemeID(theme)); !ok {
				t.Fatalf("%s:%d (%s): unknown theme %q", evalPath, line, c.ID, theme)
			}
			if pol != "+" && pol != "-" {
				t.Fatalf("%s:%d (%s): polarity %q for %s is neither + nor -", evalPath, line, c.ID, pol, theme)
			}
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Skipf("%s is empty", evalPath)
	}
	return cases
}

// TestThemeEvaluation scores Detect against the blind set, now a training
// set (see the floors). Each
// statement is one Source. A predicted (theme, polarity) pair is right only
// if the label has that theme with that polarity; a theme predicted with
// the wrong polarity counts as both a false positive and a false negative.
// Precision, recall and F1 are per theme, the macro F1 is their mean over
// the themes that occur in the labels or the predictions, and aversion
// (polarity "-") is scored on its own because it steers goals away from
// whole kinds of goal. Run with -v for the table, and with -eval.detail for
// every miss.
func TestThemeEvaluation(t *testing.T) {
	macro, ap, ar := evaluateThemes(t, evalPath)
	if macro < evalMinMacroF1 {
		t.Errorf("macro F1 %.3f is below the floor %.3f", macro, evalMinMacroF1)
	}
	if ap < evalMinAversionP || ar < evalMinAversionR {
		t.Errorf("aversion P %.3f R %.3f is below the floor P %.3f R %.3f", ap, ar, evalMinAversionP, evalMinAversionR)
	}
}

// TestThemeEvaluationAdded scores the detector author's own statements
// (addedPath) the same way.
func TestThemeEvaluationAdded(t *testing.T) {
	if macro, _, _ := evaluateThemes(t, addedPath); macro < addedMinMacroF1 {
		t.Errorf("macro F1 %.3f on the added statements is below the floor %.3f", macro, addedMinMacroF1)
	}
}

// TestThemeEvaluationDev scores the development set (devPath), now a
// training set. Its first-sight score, before the detector was changed for
// it, was macro F1 0.523, aversion P 0.800 R 0.374 (2026-11-23); see the
// floors.
func TestThemeEvaluationDev(t *testing.T) {
	macro, ap, ar := evaluateThemes(t, devPath)
	if macro < devMinMacroF1 {
		t.Errorf("macro F1 %.3f on the dev set is below the floor %.3f", macro, devMinMacroF1)
	}
	if ap < devMinAversionP || ar < devMinAversionR {
		t.Errorf("dev aversion P %.3f R %.3f is below the floor P %.3f R %.3f", ap, ar, devMinAversionP, devMinAversionR)
	}
}

// TestThemeEvaluationDev2 scores the second dev set (dev2Path), now a
// training set: 111 statements. First sight (2026-11-23): macro F1 0.725,
// aversion P 0.839 R 0.650; the detector before that round scored 0.453.
func TestThemeEvaluationDev2(t *testing.T) {
	if macro, _, _ := evaluateThemes(t, dev2Path); macro < dev2MinMacroF1 {
		t.Errorf("macro F1 %.3f on the second dev set is below the floor %.3f", macro, dev2MinMacroF1)
	}
}

// evaluateThemes runs Detect on every statement in path, logs the table
// and returns the macro F1 and the aversion precision and recall.
func evaluateThemes(t *testing.T, path string) (macro, aversionP, aversionR float64) {
	t.Helper()
	cases := loadEvalCases(t, path)
	counts := make(map[catalog.ThemeID]*evalCounts)
	for _, th := range themes {
		counts[th.ID] = &evalCounts{}
	}
	var aversion evalCounts
	var misses []string
	for _, c := range cases {
		pred := map[catalog.ThemeID]workbook.Polarity{}
		for _, f := range Detect([]Source{{Label: c.ID, Text: c.Text}}) {
			pred[f.Theme] = f.Polarity
		}
		var wrong []string
		for theme, pol := range pred {
			k := counts[theme]
			k.pred++
			gold, labelled := c.Labels[string(theme)]
			switch {
			case labelled && gold == pol.String():
				k.tp++
			case labelled:
				k.fp++
				k.fn++
				wrong = append(wrong, fmt.Sprintf("%s%s (label %s)", theme, pol, gold))
			default:
				k.fp++
				wrong = append(wrong, fmt.Sprintf("+extra %s%s", theme, pol))
			}
			if pol == workbook.Away {
				aversion.pred++
				if labelled && gold == "-" {
					aversion.tp++
				} else {
					aversion.fp++
				}
			}
		}
		for theme, gold := range c.Labels {
			k := counts[catalog.ThemeID(theme)]
			k.gold++
			if _, ok := pred[catalog.ThemeID(theme)]; !ok {
				k.fn++
				wrong = append(wrong, fmt.Sprintf("-missed %s%s", theme, gold))
			}
			if gold == "-" {
				aversion.gold++
				if pred[catalog.ThemeID(theme)] != workbook.Away {
					aversion.fn++
				}
			}
		}
		if len(wrong) > 0 {
			slices.Sort(wrong)
			misses = append(misses, fmt.Sprintf("%s: %s\n      %q", c.ID, strings.Join(wrong, ", "), c.Text))
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, "theme evaluation of %s: %d statements\n", path, len(cases))
	fmt.Fprintf(&b, "%-12s %5s %5s %4s %4s %4s %6s %6s %6s\n", "theme", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1")
	n := 0
	for _, th := range themes {
		k := counts[th.ID]
		if k.gold == 0 && k.pred == 0 {
			fmt.Fprintf(&b, "%-12s %5d %5d %4s %4s %4s %6s %6s %6s\n", th.ID, 0, 0, "", "", "", "", "", "")
			continue
		}
		p, r, f1 := k.scores()
		macro += f1
		n++
		fmt.Fprintf(&b, "%-12s %5d %5d %4d %4d %4d %6.3f %6.3f %6.3f\n", th.ID, k.gold, k.pred, k.tp, k.fp, k.fn, p, r, f1)
	}
	if n > 0 {
		macro /= float64(n)
	}
	ap, ar, af := aversion.scores()
	fmt.Fprintf(&b, "macro F1 %.3f over %d themes\n", macro, n)
	fmt.Fprintf(&b, "aversion (-): gold %d, predicted %d, P %.3f R %.3f F1 %.3f", aversion.gold, aversion.pred, ap, ar, af)
	t.Log(b.String())
	if *evalDetail && path != holdoutPath {
		t.Logf("%d statements with a miss:\n  %s", len(misses), strings.Join(misses, "\n  "))
	}
	return macro, ap, ar
}

// TestThemeModelCV cross-validates the model as TestTrainThemeModel chose
// it (5 folds, lexicon features at first sight; see the floors) and
// checks it stays ahead of the lexicon alone. Run with -v for the tables.
func TestThemeModelCV(t *testing.T) {
	if len(modelWeights) == 0 {
		t.Skip("no model weights")
	}
	if testing.Short() {
		t.Skip("cross-validation fits the model five times")
	}
	exs := readTrainExamples(t)
	if !modelNegation {
		exs = withoutNegation(exs)
	}
	idx := allIndexes(len(exs))
	hybrid := crossValidate(exs, committedParams())
	lex := viewScore(exs, idx)
	t.Logf("%d-fold cross-validation, lexicon features at first sight, %d statements\nlexicon alone:\n%s\nlexicon + model:\n%s",
		trainFolds, len(exs), lex.table(), hybrid.table())
	// In sample, as shipped: Detect on every training statement.
	cases := make([]evalCase, len(exs))
	preds := make([]map[catalog.ThemeID]workbook.Polarity, len(exs))
	for i := range exs {
		cases[i] = exs[i].c
		preds[i] = map[catalog.ThemeID]workbook.Polarity{}
		for _, f := range Detect([]Source{{Label: exs[i].c.ID, Text: exs[i].c.Text}}) {
			preds[i][f.Theme] = f.Polarity
		}
	}
	t.Logf("in sample, Detect as shipped: %s", scorePredictions(cases, preds))

	if hybrid.macro < cvMinMacroF1 {
		t.Errorf("cross-validated macro F1 %.3f is below the floor %.3f", hybrid.macro, cvMinMacroF1)
	}
	if gain := hybrid.macro - lex.macro; gain < cvMinGain {
		t.Errorf("the model gains %.3f macro F1 over the lexicon at first sight; the floor is %.3f", gain, cvMinGain)
	}
	if ap, ar, _ := hybrid.aversion.scores(); ap < cvMinAversionP || ar < cvMinAversionR {
		t.Errorf("cross-validated aversion P %.3f R %.3f is below the floor P %.3f R %.3f", ap, ar, cvMinAversionP, cvMinAversionR)
	}
}
