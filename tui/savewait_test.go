package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/tui/common"
)

// TestNothingTypedWaitsMoreThanHalfASecond types without a pause into an
// answer near the 64 KB limit, on the model's own clock: a key every
// 40 ms for four seconds, each tick the model asks for delivered when that
// clock reaches it. Every key must be on disk within common.MaxWait of
// being typed, however long the answer (issue 12, defect 10: when each
// key cost 66 ms at 60 KB, 200 keys took 15 s to appear, and a kill lost
// that backlog). The time measured is the model's, not the machine's.
func TestNothingTypedWaitsMoreThanHalfASecond(t *testing.T) {
	now := clock
	type timer struct {
		due time.Time
		msg func(time.Time) tea.Msg
	}
	var timers []timer
	h := newHarness(t, 120, 40, func(o *Options) {
		o.Now = func() time.Time { return now }
		o.Tick = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			return func() tea.Msg {
				timers = append(timers, timer{now.Add(d), fn})
				return nil
			}
		}
	})
	h.send(keyEnter)
	long := strings.Repeat("I run before the house wakes and it is the only hour that is mine.\n", 60<<10/68)
	h.send(tea.PasteMsg{Content: long})

	const step = 10 * time.Millisecond
	start := now
	var typedAt []time.Time // when the nth key after the paste was typed
	worst := time.Duration(0)
	onDisk := 0
	for now.Sub(start) < 5*time.Second {
		now = now.Add(step)
		if now.Sub(start) < 4*time.Second && now.Sub(start)%(40*time.Millisecond) == 0 {
			h.send(letter('x'))
			typedAt = append(typedAt, now)
		}
		for i := 0; i < len(timers); {
			if timers[i].due.After(now) {
				i++
				continue
			}
			tm := timers[i]
			timers = append(timers[:i], timers[i+1:]...)
			h.send(tm.msg(now))
		}
		text := h.workbook().Answers["numbers-or-feelings"].Text
		saved := strings.Count(strings.TrimPrefix(text, strings.TrimSuffix(long, "\n")), "x")
		for ; onDisk < saved; onDisk++ {
			worst = max(worst, now.Sub(typedAt[onDisk]))
		}
		for _, at := range typedAt[onDisk:] {
			worst = max(worst, now.Sub(at))
		}
	}
	if onDisk != len(typedAt) {
		t.Fatalf("%d of %d keys reached the disk", onDisk, len(typedAt))
	}
	if worst > common.MaxWait+step {
		t.Errorf("a key waited %v to be saved, past %v", worst, common.MaxWait)
	}
	t.Logf("%d keys into a %d KB answer; the longest wait for the disk was %v", len(typedAt), len(long)>>10, worst)
}
