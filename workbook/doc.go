// Package workbook holds the words of the product as types: the season and
// what a runner writes in it, the polarity of a theme, how a goal feels, the
// states a goal moves through and the moves allowed between them, references
// to themes and values (from the catalog or the runner's own), the rules
// of the goal ladder, coming back (why a season began, what it carries
// over, a goal's rest, the weekly loop, a goal's history), and the
// after-run journal: the calendar day of a run,
// an entry with its scores, where it came from, the runner's journal
// settings and their look back at a value's experiment.
//
// It is pure Go: it imports neither Bubble Tea nor bbolt, and no content.
// The store maps its records to and from these types, the screens show them,
// and the export maps them to its own documented types.
package workbook
