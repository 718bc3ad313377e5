package detect

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
// (Those are the old per-theme macro F1.) Per theme and polarity, 24
// classes: 0.646 before the fourth round (2026-12-03), 0.645 after it,
// aversion P 0.552 -> 0.701, R 0.615 -> 0.603; after the fifth 0.653,
// aversion P 0.667 R 0.667.
//
// For scale, a second careful labeller, working blind from the texts and
// the labelling policy, agreed with its labels at macro F1 0.966 (aversion
// P 0.975 R 0.987); that labeller had seen the README's label counts.
const holdoutPath = "testdata/themes/holdout.jsonl"

// realisticDevPath holds 300 answers in the shapes runners really write
// (a story before the point, other people's motives, "used to ... now",
// aversions), written blind by a third writer and labelled before the
// detector saw them, as the set to tune on: the reader was studied on it
// and the model learns from it. testdata/themes/README.md says how it was
// written. First sight (commit 7fd3a98, each answer labelled by its ID):
// macro F1 0.492 per theme and polarity, theme-only 0.589, aversion P
// 0.524 R 0.514.
const realisticDevPath = "testdata/themes/realistic-dev.jsonl"

// realisticPath holds 222 answers written blind to the same brief by
// another writer, labelled twice and by a second blind labeller (macro F1
// 0.948 between them). It was held out until the fourth round measured it
// during tuning; from the fifth round (2026-12-03) it is a development
// set: its misses were studied and the model learns from it. First sight
// (commit 7fd3a98, each answer labelled by its ID): macro F1 0.526 per
// theme and polarity, micro 0.557, theme-only 0.659, aversion P 0.534 R
// 0.530.
const realisticPath = "testdata/themes/realistic.jsonl"

// realistic2Path holds 240 answers written blind by a fourth writer, with
// aversions said in many ways on purpose (understatement, sarcasm,
// pronouns pointing back, refusals of the future, quiet ones): the honest
// measure of how the detector reads new writing. Held out: never tuned on,
// its texts and misses never read, its aggregate figures measured at the
// start of a round and at its end. Before issue 14 (commit 064b33c, by
// ID): macro F1 0.557, aversion P 0.589 R 0.601.
const realistic2Path = "testdata/themes/realistic2.jsonl"

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
// (P 0.881 R 0.925). (Those figures are the old per-theme macro F1.)
//
// Fourth round, 2026-12-03: real shapes. From here every figure is the
// 24-class macro F1 (each theme drawn to and rather not, see
// eval_score_test.go), with theme-only, micro and aversion P/R beside it,
// and the keyword baseline (baseline_test.go) on every set. Two sets in
// the shapes runners really write came in: realistic-dev to tune on and
// realistic held out. Before the round (commit 064b33c, each answer
// labelled by its question as the workbook labels it):
//
//	set            24-class  theme-only  micro  aversion P   R   baseline  margin
//	eval            0.952     0.936     0.935     0.905  1.000   0.213   +0.739
//	added           0.954     0.943     0.940     0.923  1.000   0.165   +0.789
//	dev             0.904     0.922     0.900     0.855  0.935   0.185   +0.719
//	dev2            0.904     0.934     0.903     0.881  0.925   0.150   +0.754
//	realistic-dev   0.495     0.592     0.526     0.532  0.532   0.210   +0.285
//	holdout         0.646     0.711     0.660     0.552  0.615   0.193   +0.453
//	realistic       0.528     0.659     0.559     0.537  0.537   0.193   +0.334
//
// (By ID rather than question, as first sight was read: realistic 0.526,
// realistic-dev 0.492.) What changed: a sentence is evidence for one side
// of a theme only; a cue counts once per answer; cues in the story before
// an answer's last two sentences weigh 3/4 and in clauses about someone
// else 1/2; the model, trained with realistic-dev (at first sight) added,
// decides every theme of an answer of 20 words or more instead of only
// adding to the lexicon, and its thresholds are calibrated for precision
// on realistic-dev's out-of-fold readings. Cross-validated on realistic-
// dev (model_weights.go): 24-class macro F1 0.548, aversion P 0.724 R
// 0.607, against 0.455 for the lexicon at first sight. After the round:
//
//	set            24-class  theme-only  micro  aversion P   R   baseline  margin
//	eval            0.938     0.921     0.926     0.941  0.955   0.213   +0.724
//	added           0.954     0.943     0.940     0.923  1.000   0.165   +0.789
//	dev             0.861     0.866     0.853     0.891  0.827   0.185   +0.676
//	dev2            0.903     0.917     0.883     0.917  0.825   0.150   +0.753
//	realistic-dev   0.897     0.944     0.954     0.975  0.919   0.210   +0.687  (in sample)
//	holdout         0.645     0.686     0.647     0.701  0.603   0.193   +0.452
//	realistic       0.574     0.655     0.615     0.672  0.597   0.193   +0.381
//
// On realistic, drawn-to precision pooled went from 0.42 to 0.61 and the
// aversion precision from 0.54 to 0.67; the aim of 0.7 for both aversion
// figures is not reached (P 0.672 R 0.597), nor macro F1 0.8. The in-
// sample dev figures fell because the model, calibrated on real answers,
// now turns down some of the lexicon's readings of the tidy statements.
//
// Fifth round, 2026-12-03: the "rather not" side as runners say it. A new
// held-out set, realistic2 (240 answers, aversions said in many ways),
// showed the fourth round's gain had not carried: 0.557 before issue 14,
// 0.530 after the fourth round (by ID), aversion R 0.60 -> 0.51. realistic
// became a development set. What changed:
//
//   - The reader marks aversions by mechanism, each with invented table
//     tests (aversion_test.go): pronouns and demonstratives pointing back
//     to a cue in an earlier clause or sentence ("I avoid them when I'm
//     out", "I binned it"); ellipsis that makes someone else's idea the
//     runner's ("Everyone thinks I'm training for a marathon. I'm not.");
//     echoes ("and neither do I"); refusals of the future ("never raced
//     and never will", "Never again."); wants that never were ("never
//     wanted to race"); "not X" opening a clause; identities and things
//     turned down ("not a numbers person", "not a weight thing"); "I don't
//     run for X"; bad consequences ("whenever I set a target I start
//     dreading my runs"); sarcasm (🙃, "nothing says fun like", "said no
//     one", "(It isn't.)"); list heads ("Would not love:" over bullets);
//     then-and-now arcs across sentences and the story between; denying
//     subjects ("none of us care about pace"); quiet aversions (sold, in
//     a drawer, not missed); and fixes: cues carrying their own "no" are
//     not turned again, a cue repeated in a sentence counts at its
//     strongest, verbs of caring were compared with stems the stemmer
//     never makes.
//   - The model learns from today's readings of realistic-dev and
//     realistic and from the first sight of the four older sets
//     (trainToday says why), all themes fitted at once with the lexicon
//     features' weights shared between themes (fitJoint: a theme with few
//     aversions borrows what "the lexicon turns this down" is worth), and
//     its thresholds are chosen on both realistic sets' out-of-fold
//     readings, among those within 0.01 of the best macro F1 the one
//     whose weaker aversion figure is highest (bestTau).
//
// Measured on realistic before it was studied (the reader changed by then
// on realistic-dev alone): the lexicon alone 0.512 -> 0.523, aversion R
// 0.403 -> 0.448; the model trained on realistic-dev's first sight read it
// at 0.567, trained on today's reading 0.577 (0.571 and 0.563 before the
// reader changed). Cross-validated on realistic-dev and realistic
// (model_weights.go): macro F1 0.620, aversion P 0.706 R 0.713, against
// 0.532 for the lexicon alone; pooled over every statement 0.606.
//
// Before the round (commit c334106) and after it, each answer labelled by
// its question:
//
//	set            24-class      theme-only    micro         aversion P    aversion R    margin
//	eval           0.938 0.942   0.921 0.926   0.926 0.930   0.941 0.929   0.955 0.970   +0.724 +0.729
//	added          0.954 0.954   0.943 0.943   0.940 0.940   0.923 0.923   1.000 1.000   +0.789 +0.789
//	dev            0.861 0.861   0.866 0.868   0.853 0.854   0.891 0.885   0.827 0.827   +0.676 +0.677
//	dev2           0.903 0.913   0.917 0.913   0.883 0.888   0.917 0.895   0.825 0.850   +0.753 +0.763
//	realistic-dev  0.897 0.942   0.944 0.964   0.954 0.962   0.975 0.954   0.919 0.965   +0.687 +0.731  (in sample)
//	realistic      0.574 0.969   0.655 0.984   0.615 0.984   0.672 0.992   0.597 0.978   +0.381 +0.776  (in sample after)
//	holdout        0.645 0.653   0.686 0.700   0.647 0.671   0.701 0.667   0.603 0.667   +0.452 +0.460
//	realistic2     0.532 0.592   0.606 0.659   0.576 0.614   0.700 0.651   0.507 0.609   +0.319 +0.379
//
// On realistic2, the honest figure: macro F1 0.592, clearly above the
// detector before issue 14 (0.557), drawn-to precision 0.577 -> 0.614;
// aversion recall rose (0.507 -> 0.609) and precision fell (0.700 ->
// 0.651): the aim of 0.7 for both is not reached, nor macro F1 0.8.
// Cross-validation on the sets the reader was studied on overstates it by
// about 0.03 macro and 0.05 to 0.1 on the aversion figures.
//
// The floors, a little under the figures after the round. The training
// sets' (realistic now among them) are in-sample; holdout's and
// realistic2's are the honest ones.
var (
	evalFloorEval         = evalFloor{macro: 0.92, themeOnly: 0.90, micro: 0.91, aversionP: 0.90, aversionR: 0.94, margin: 0.70}
	evalFloorAdded        = evalFloor{macro: 0.93, themeOnly: 0.92, micro: 0.92, aversionP: 0.90, aversionR: 0.97, margin: 0.76}
	evalFloorDev          = evalFloor{macro: 0.84, themeOnly: 0.84, micro: 0.83, aversionP: 0.86, aversionR: 0.80, margin: 0.65}
	evalFloorDev2         = evalFloor{macro: 0.89, themeOnly: 0.89, micro: 0.86, aversionP: 0.87, aversionR: 0.82, margin: 0.74}
	evalFloorRealisticDev = evalFloor{macro: 0.92, themeOnly: 0.94, micro: 0.94, aversionP: 0.93, aversionR: 0.94, margin: 0.71}
	evalFloorRealistic    = evalFloor{macro: 0.95, themeOnly: 0.96, micro: 0.96, aversionP: 0.97, aversionR: 0.95, margin: 0.75}
	evalFloorHoldout      = evalFloor{macro: 0.63, themeOnly: 0.68, micro: 0.65, aversionP: 0.64, aversionR: 0.64, margin: 0.44}
	evalFloorRealistic2   = evalFloor{macro: 0.57, themeOnly: 0.64, micro: 0.59, aversionP: 0.63, aversionR: 0.59, margin: 0.36}
)

// The cross-validated floors (TestThemeModelCV): the hybrid's macro F1
// and aversion precision and recall, and how far it must stay ahead of
// the lexicon alone (as the model learns it: first sight for the older
// sets, today's reading for the sets in real shapes).
//
// Measured 2026-12-03, fifth round, on realistic-dev and realistic: 0.620
// (aversion P 0.706 R 0.713), the lexicon alone 0.532. (Fourth round, on
// realistic-dev alone: 0.548, P 0.724 R 0.607.)
const (
	cvMinMacroF1   = 0.60
	cvMinGain      = 0.07
	cvMinAversionP = 0.68
	cvMinAversionR = 0.69
)

var evalDetail = flag.Bool("eval.detail", false, "list every statement the theme evaluation gets wrong")

type evalCase struct {
	ID       string            `json:"id"`
	Text     string            `json:"text"`
	Labels   map[string]string `json:"labels"`
	Note     string            `json:"note"`
	Question string            `json:"question"`
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

// An evalSet is one labelled set and the floors Detect is held to on it.
type evalSet struct {
	path string
	// heldOut sets are never tuned on: their misses are never listed,
	// not even with -eval.detail, so that nobody reads them by accident.
	heldOut bool
	floor   evalFloor
}

// evalFloor is what Detect must reach on a set: the 24-class macro F1,
// the theme-only macro F1, the micro F1, the aversion precision and
// recall, and the margin of the 24-class macro F1 over the keyword
// baseline. Zero is no floor.
type evalFloor struct {
	macro, themeOnly, micro, aversionP, aversionR, margin float64
}

// evalSets are every labelled set, training sets first.
var evalSets = []evalSet{
	{path: evalPath, floor: evalFloorEval},
	{path: addedPath, floor: evalFloorAdded},
	{path: devPath, floor: evalFloorDev},
	{path: dev2Path, floor: evalFloorDev2},
	{path: realisticDevPath, floor: evalFloorRealisticDev},
	{path: realisticPath, floor: evalFloorRealistic},
	{path: holdoutPath, heldOut: true, floor: evalFloorHoldout},
	{path: realistic2Path, heldOut: true, floor: evalFloorRealistic2},
}

// TestThemeEvaluation scores Detect on every labelled set, each statement
// one Source labelled by the question it answers (as the workbook labels
// an answer) or, where the set names none, by its ID. It logs, per set,
// the per-class table (eval_score_test.go says how classes are counted),
// the keyword baseline's figures (baseline_test.go) and Detect's margin
// over it, and holds Detect to the set's floors. Run with -v for the
// tables, and with -eval.detail for every miss outside the held-out sets.
func TestThemeEvaluation(t *testing.T) {
	for _, set := range evalSets {
		name := strings.TrimSuffix(filepath.Base(set.path), ".jsonl")
		t.Run(name, func(t *testing.T) {
			got, base := evaluateSet(t, set)
			checkFloor(t, got, base, set.floor)
		})
	}
}

func checkFloor(t *testing.T, got, base *evalScore, f evalFloor) {
	t.Helper()
	ap, ar := got.aversion()
	for _, c := range []struct {
		what      string
		got, want float64
	}{
		{"macro F1 (24 classes)", got.macro(), f.macro},
		{"theme-only macro F1", got.themeMacro(), f.themeOnly},
		{"micro F1", got.micro(), f.micro},
		{"aversion precision", ap, f.aversionP},
		{"aversion recall", ar, f.aversionR},
		{"margin over the keyword baseline", got.macro() - base.macro(), f.margin},
	} {
		if c.got < c.want {
			t.Errorf("%s %.3f is below the floor %.3f", c.what, c.got, c.want)
		}
	}
}

// evalLabel is the Source label a statement is read with.
func evalLabel(c evalCase) string {
	if c.Question != "" {
		return c.Question
	}
	return c.ID
}

// detectPolarities runs Detect on one statement.
func detectPolarities(c evalCase) map[catalog.ThemeID]workbook.Polarity {
	pred := map[catalog.ThemeID]workbook.Polarity{}
	for _, f := range Detect([]Source{{Label: evalLabel(c), Text: c.Text}}) {
		pred[f.Theme] = f.Polarity
	}
	return pred
}

// evaluateSet scores Detect and the keyword baseline on one set and logs
// both.
func evaluateSet(t *testing.T, set evalSet) (got, base *evalScore) {
	t.Helper()
	cases := loadEvalCases(t, set.path)
	got, base = &evalScore{}, &evalScore{}
	var misses []string
	for _, c := range cases {
		pred := detectPolarities(c)
		got.add(c.Labels, pred)
		base.add(c.Labels, baselineDetect(c.Text))
		if set.heldOut || !*evalDetail {
			continue
		}
		var wrong []string
		for theme, pol := range pred {
			if gold, ok := c.Labels[string(theme)]; !ok {
				wrong = append(wrong, fmt.Sprintf("+extra %s%s", theme, pol))
			} else if gold != pol.String() {
				wrong = append(wrong, fmt.Sprintf("%s%s (label %s)", theme, pol, gold))
			}
		}
		for theme, gold := range c.Labels {
			if _, ok := pred[catalog.ThemeID(theme)]; !ok {
				wrong = append(wrong, fmt.Sprintf("-missed %s%s", theme, gold))
			}
		}
		if len(wrong) > 0 {
			slices.Sort(wrong)
			misses = append(misses, fmt.Sprintf("%s: %s\n      %q", c.ID, strings.Join(wrong, ", "), c.Text))
		}
	}
	bp, br := base.aversion()
	t.Logf("theme evaluation of %s: %d statements\n%s\nkeyword baseline: %s\n  (aversion P %.3f R %.3f)\nmargin over the baseline: macro %+.3f, theme-only %+.3f, micro %+.3f",
		set.path, len(cases), got.table(), base.String(), bp, br,
		got.macro()-base.macro(), got.themeMacro()-base.themeMacro(), got.micro()-base.micro())
	if len(misses) > 0 {
		t.Logf("%d statements with a miss:\n  %s", len(misses), strings.Join(misses, "\n  "))
	}
	return got, base
}

// TestThemeModelCV cross-validates the model as TestTrainThemeModel chose
// it (5 folds, lexicon features at first sight, scored on the calibration
// set's out-of-fold readings; see the floors) and checks it stays ahead of
// the lexicon alone there. Run with -v for the tables.
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
	hybrid, pooled, _ := crossValidate(exs, committedParams())
	lex := viewScore(exs, calibrationIndexes(exs))
	t.Logf("%d-fold cross-validation, lexicon features as the model learns them (trainToday), %d statements, scored on %s\nlexicon alone:\n%s\nlexicon + model:\n%s\npooled over every training statement: %s",
		trainFolds, len(exs), calibrationName(), lex.table(), hybrid.table(), pooled)

	if hybrid.macro() < cvMinMacroF1 {
		t.Errorf("cross-validated macro F1 %.3f is below the floor %.3f", hybrid.macro(), cvMinMacroF1)
	}
	if gain := hybrid.macro() - lex.macro(); gain < cvMinGain {
		t.Errorf("the model gains %.3f macro F1 over the lexicon at first sight; the floor is %.3f", gain, cvMinGain)
	}
	if ap, ar := hybrid.aversion(); ap < cvMinAversionP || ar < cvMinAversionR {
		t.Errorf("cross-validated aversion P %.3f R %.3f is below the floor P %.3f R %.3f", ap, ar, cvMinAversionP, cvMinAversionR)
	}
}
