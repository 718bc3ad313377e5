// Package detect reads motivation themes in a runner's writing: Detect
// takes the answers (Sources) and proposes the catalog's themes in them,
// each drawn to or pushed away, with the sentences and words behind it.
//
// Everything about reading themes lives here: the lexicon and its
// stemmer, the rules that turn cues around, the small learned model and
// its generated weights, the labelled statements it is measured and
// trained on (testdata/themes) and the training itself. The themes
// themselves, their names and what they mean, are content: they live in
// the catalog package, which this package reads and which never imports
// it.
//
// # How it reads
//
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
//     own; next to another theme's cue it strengthens that cue;
//   - a cue in a clause about someone else ("my coach says I should race",
//     "my husband does it for the medals") weighs half, company cues apart,
//     and so does someone else's trouble ("after his stroke"); in an
//     answer of four sentences or more, a cue in the story before its last
//     two sentences weighs three quarters: answers land at the end;
//   - a pronoun or demonstrative points back to the cue it stands for, in
//     an earlier clause or sentence: "I avoid them when I'm out", "I binned
//     it in January", "I stopped opening them"; so do "Never again." and
//     a verb left out ("Everyone thinks I'm training for a marathon. I'm
//     not."), which makes someone else's idea the runner's own, as an echo
//     does ("... and neither do I");
//   - a refusal of the future turns an experience into a choice ("I've
//     never raced and I never will"), and so does a want that never was
//     ("I've never wanted to race"); an identity or a motive turned down
//     is an aversion, not a description ("not a numbers person", "I don't
//     run for the medals"); what a goal does to the runner says how they
//     feel about it ("whenever I set a target I start dreading my runs");
//   - sarcasm says the opposite of its words: a wink (🙃, 🙄), "nothing
//     says fun like ...", "said no one", "(It isn't.)";
//   - a line that ends with a colon and turns something down heads the
//     bullets under it ("Would not love:"); "used to ..." is the past
//     whenever a later sentence says where the runner is now, and so is
//     the story between the two.
//
// Each theme then adds up its evidence on each side, and is proposed only
// when the evidence on its stronger side is enough (see the thresholds).
// A sentence is evidence for one side of a theme, never both: when its
// cues point both ways, the side they point to more takes it, and a tie
// leaves it out. A cue counts once in an answer, however often it recurs.
//
// A short answer (under 20 words) is read by those rules alone. In a
// longer one, a small learned model (model.go) decides which themes the
// answer holds and which way, weighing the lexicon's evidence, the
// answer's words and the question it answers: it turns down what the
// lexicon reads into a story as readily as it adds what the lexicon
// missed. Its thresholds are calibrated on real answers' out-of-fold
// readings, for both sides of "rather not" and then for precision. A
// season's answers then combine, and each finding says how strong its
// evidence is (Strength: strong, clear or faint), so the runner reads the
// strongest first.
//
// # Files
//
//   - detect.go: what callers use (Detect, Source, SeasonSources, Finding,
//     Strength, Evidence) and the thresholds.
//   - detector.go: the detector type and all of its methods, from reading a
//     sentence to weighing findings, with and without the model.
//   - words.go: the word classes and token patterns the rules consult.
//   - text.go: splitting text into sentences and sentences into words.
//   - aversion_test.go: the mechanisms of "rather not", one table test each.
//   - lexicon.go: the lexicon, as data; stem.go: the stemmer and spellings;
//     compile.go: the lexicon compiled for matching, and matching it.
//   - model.go: the learned model's features and scores; model_weights.go:
//     its weights, generated by training.
//
// Training, the labelled sets, the evaluation (per theme and polarity,
// beside a keyword baseline) and how to check that the committed weights
// are what training gives are described in README.md.
package detect
