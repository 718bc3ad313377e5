package journal

import (
	"math"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/tui/common"
)

// Charts drawn with block characters and Lip Gloss: a sparkline for the
// header and bar charts for insights. Pure functions of their numbers.

var blocks = []rune(" ▁▂▃▄▅▆▇█")

// sparkline draws values as one line of blocks, the largest a full block.
// A zero is a baseline, so an empty week still shows as a week.
func sparkline(values []float64) string {
	top := 0.0
	for _, v := range values {
		top = math.Max(top, v)
	}
	var b strings.Builder
	for _, v := range values {
		switch {
		case top <= 0 || v <= 0:
			b.WriteRune('▁')
		default:
			b.WriteRune(blocks[max(1, int(math.Round(v/top*8)))])
		}
	}
	return b.String()
}

// barChart draws values as vertical bars, height rows tall, each bar
// barWidth wide with a gap between, the tallest bar full. Bars are drawn
// in eighths of a row, so small differences still show. labels, one per
// bar, go beneath when they fit.
func barChart(values []float64, labels []string, height, width int, s *common.Styles) string {
	n := len(values)
	if n == 0 || height < 1 || width < n {
		return ""
	}
	barWidth := max(min((width+1)/n-1, 6), 1)
	gap := 1
	if barWidth == 1 && 2*n-1 > width {
		gap = 0
	}
	top := 0.0
	for _, v := range values {
		top = math.Max(top, v)
	}
	rows := make([]string, height)
	for r := range height {
		var b strings.Builder
		// Row r from the top covers eighths (height-1-r)*8 .. (height-r)*8.
		floor := float64(height-1-r) * 8
		for i, v := range values {
			eighths := 0.0
			if top > 0 {
				eighths = v / top * float64(height*8)
			}
			fill := eighths - floor
			var c rune
			switch {
			case fill >= 8:
				c = '█'
			case fill > 0:
				c = blocks[max(1, int(math.Round(fill)))]
			case r == height-1:
				c = '▁' // a week without runs is still a week
			default:
				c = ' '
			}
			b.WriteString(strings.Repeat(string(c), barWidth))
			if i < n-1 {
				b.WriteString(strings.Repeat(" ", gap))
			}
		}
		rows[r] = s.Accent.Render(b.String())
	}
	if axis := axisLabels(labels, barWidth, gap, width); axis != "" {
		rows = append(rows, s.Muted.Render(axis))
	}
	return lipgloss.JoinVertical(lipgloss.Left, rows...)
}

// axisLabels places labels under their bars, skipping those that would
// run into the one before.
func axisLabels(labels []string, barWidth, gap, width int) string {
	line := []rune(strings.Repeat(" ", width))
	next := 0
	for i, l := range labels {
		at := i * (barWidth + gap)
		r := []rune(l)
		if at < next || at+len(r) > width {
			continue
		}
		copy(line[at:], r)
		next = at + len(r) + 1
	}
	return strings.TrimRight(string(line), " ")
}
