package textbox

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
)

// prose returns about n bytes of writing: sentences of common words in
// paragraphs of a few hundred bytes, separated by blank lines, as runners
// write answers.
func prose(n int) string {
	words := strings.Fields("the run felt easy today and I kept a steady pace up the long hill " +
		"my legs were tired after work but the evening light was good so I went out anyway " +
		"I want to enjoy running again without checking my watch every minute")
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < n {
		para := 300 + r.IntN(400)
		start := b.Len()
		for b.Len()-start < para {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(12) == 0 {
				b.WriteString(". ")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString("\n\n")
	}
	return b.String()[:n]
}

// editor is what the benchmarks drive: the Bubbles textarea or a Model.
type editor interface {
	update(tea.Msg)
	view() string
	value() string
}

type bubbles struct{ m textarea.Model }

func (e *bubbles) update(msg tea.Msg) { e.m, _ = e.m.Update(msg) }
func (e *bubbles) view() string       { return e.m.View() }
func (e *bubbles) value() string      { return e.m.Value() }

type box struct{ m Model }

func (e *box) update(msg tea.Msg) { e.m, _ = e.m.Update(msg) }
func (e *box) view() string       { return e.m.View() }
func (e *box) value() string      { return e.m.Value() }

// editors builds both, set up as cairn's reflection screen sets up its
// answer: 80 cells wide, 18 rows high, text loaded and the cursor at the
// end.
func editors(text string) map[string]editor {
	ta := cairnTextArea("Write whatever comes up.")
	tb := cairnBox("Write whatever comes up.")
	ta.SetWidth(80)
	tb.SetWidth(80)
	ta.SetHeight(18)
	tb.SetHeight(18)
	ta.Focus()
	tb.Focus()
	ta.SetValue(text)
	tb.SetValue(text)
	ta.MoveToEnd()
	tb.MoveToEnd()
	return map[string]editor{"bubbles": &bubbles{ta}, "textbox": &box{tb}}
}

// timed runs op b.N times and reports the median and 99th percentile of
// single runs besides the mean.
func timed(b *testing.B, op func(i int)) {
	took := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		op(i)
		took = append(took, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(took[len(took)*99/100].Nanoseconds()), "p99-ns")
}

// BenchmarkKey is one key at the end of an answer of each size: Update,
// then View, as the program does for a key and its frame. Keys alternate
// between a letter and backspace so the answer keeps its size.
func BenchmarkKey(b *testing.B) {
	letter, back := press("a"), press("backspace")
	for _, size := range []int{200, 8 << 10, 60 << 10} {
		text := prose(size)
		for _, name := range []string{"textbox", "bubbles"} {
			b.Run(fmt.Sprintf("%s/%dB", name, size), func(b *testing.B) {
				e := editors(text)[name]
				timed(b, func(i int) {
					if i%2 == 0 {
						e.update(letter)
					} else {
						e.update(back)
					}
					_ = e.view()
				})
			})
		}
	}
}

// BenchmarkKeyLongLine is the worst shape for a Model: a 60 KB answer that
// is one line, so every key lays out the whole line again.
func BenchmarkKeyLongLine(b *testing.B) {
	text := strings.ReplaceAll(prose(60<<10), "\n", " ")
	letter, back := press("a"), press("backspace")
	e := editors(text)["textbox"]
	timed(b, func(i int) {
		if i%2 == 0 {
			e.update(letter)
		} else {
			e.update(back)
		}
		_ = e.view()
	})
}

// BenchmarkPlainPaste is a 3.5 KB paste into an empty answer from a
// terminal without bracketed paste: one key message per character (enter
// for a line break), each passed to Update and followed by Value as the
// screens do to notice the change, with one frame drawn at the end.
func BenchmarkPlainPaste(b *testing.B) {
	var keys []tea.Msg
	for _, r := range prose(3584) {
		switch r {
		case '\n':
			keys = append(keys, press("enter"))
		case ' ':
			keys = append(keys, press("space"))
		default:
			keys = append(keys, press(string(r)))
		}
	}
	for _, name := range []string{"textbox", "bubbles"} {
		b.Run(name, func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				e := editors("")[name]
				b.StartTimer()
				for _, k := range keys {
					e.update(k)
					_ = e.value()
				}
				_ = e.view()
			}
		})
	}
}
