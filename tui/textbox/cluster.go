package textbox

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// The cursor moves, and deletes, a grapheme cluster at a time: a letter
// with its accents, an emoji with its skin tone, a family joined by ZWJs,
// a flag. Moving by rune (as the Bubbles textarea does) put it inside an
// emoji, where the next letter typed split the emoji in two ("💪X🏽").

// maxClusterRunes bounds how far one cluster is looked for; real clusters
// are far shorter (see maxCluster).
const maxClusterRunes = 64

// simple reports a rune that always begins a cluster of its own and is
// never a prepended mark: printable ASCII and the common CJK ideographs.
func simple(r rune) bool {
	return r >= 0x20 && r < 0x7f || r >= 0x4e00 && r <= 0x9fff
}

// hardStart reports whether a cluster certainly begins at rune i of rs:
// the ends of the line, or a simple rune after anything but a prepended
// mark (all of which lie above U+0600).
func hardStart(rs []rune, i int) bool {
	return i <= 0 || i >= len(rs) || simple(rs[i]) && (rs[i-1] < 0x600 || simple(rs[i-1]))
}

// clusterEnd returns where the cluster that begins at rune i ends.
func clusterEnd(rs []rune, i int) int {
	switch {
	case i >= len(rs):
		return len(rs)
	case hardStart(rs, i+1):
		return i + 1
	}
	c, _ := ansi.FirstGraphemeCluster(string(rs[i:min(len(rs), i+maxClusterRunes)]), ansi.GraphemeWidth)
	return i + max(utf8.RuneCountInString(c), 1)
}

// clusterAt returns the start of the cluster that holds rune col (col
// itself when a cluster begins there) and the start of the one before it.
func clusterAt(rs []rune, col int) (at, before int) {
	col = max(0, min(col, len(rs)))
	s := max(col-1, 0)
	for !hardStart(rs, s) {
		s--
	}
	at, before = s, s
	for at < col {
		end := clusterEnd(rs, at)
		if end > col {
			return at, before
		}
		before, at = at, end
	}
	return at, before
}

// prevBoundary is where the cluster before rune col begins: one step left.
func prevBoundary(rs []rune, col int) int {
	if col <= 0 {
		return 0
	}
	at, before := clusterAt(rs, col)
	if at < col {
		return at // col was inside a cluster: to its start
	}
	return before
}

// snap moves col back to the start of the cluster that holds it.
func snap(rs []rune, col int) int {
	at, _ := clusterAt(rs, col)
	return at
}

// clusterCells is how wide the cluster [from, to) of rs is drawn.
func clusterCells(rs []rune, from, to int) int {
	if to-from == 1 {
		return runeCells(rs[from])
	}
	return ansi.StringWidth(string(rs[from:to]))
}
