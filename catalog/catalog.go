// Package catalog is the workbook's content, held as data: the reflection
// questions and their guidance, the goal tiers, the motivation themes and
// what they mean, the values, the goal ideas, the goal checks and the
// hints, with the pure logic that serves them. Reading themes in a
// runner's writing is the detect package's work, which reads this one.
//
// It imports neither Bubble Tea nor bbolt, so a coach can read it, a test can
// table it, and every screen and subcommand shows the same words.
//
// The content is drawn from four coaching articles and written in cairn's
// own words: the facts and lists are theirs, the sentences are ours.
package catalog
