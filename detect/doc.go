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
package detect
