package reliability

import (
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/tui"
)

// driver runs the workbook's root model the way the program does, on a
// clock of its own: every command runs at once, and every tick the model
// asks for waits until advance reaches it.
type driver struct {
	m      tea.Model
	now    time.Time
	timers []timer
}

type timer struct {
	due time.Time
	fn  func(time.Time) tea.Msg
}

func newDriver(st tui.Store, w, h int) *driver {
	d := &driver{now: time.Date(2026, 11, 20, 21, 4, 0, 0, time.UTC)}
	d.m = tui.New(st, tui.Options{
		Now:    func() time.Time { return d.now },
		Dark:   true,
		Getenv: func(string) string { return "" },
		Tick: func(wait time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			return func() tea.Msg {
				d.timers = append(d.timers, timer{d.now.Add(wait), fn})
				return nil
			}
		},
	})
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// send delivers msgs and everything they lead to.
func (d *driver) send(msgs ...tea.Msg) {
	for _, msg := range msgs {
		next, cmd := d.m.Update(msg)
		d.m = next
		d.run(cmd)
	}
}

func (d *driver) run(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0 && steps < 100000; steps++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil, tea.QuitMsg:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			next, more := d.m.Update(msg)
			d.m = next
			queue = append(queue, more)
		}
	}
}

// advance moves the clock on by step, delivering each tick as it falls
// due.
func (d *driver) advance(step time.Duration) {
	d.now = d.now.Add(step)
	for {
		i := slices.IndexFunc(d.timers, func(t timer) bool { return !t.due.After(d.now) })
		if i < 0 {
			return
		}
		t := d.timers[i]
		d.timers = slices.Delete(d.timers, i, i+1)
		d.send(t.fn(d.now))
	}
}

// typeText types s a key at a time.
func (d *driver) typeText(s string) {
	for _, r := range s {
		if r == '\n' {
			d.send(tea.KeyPressMsg{Code: tea.KeyEnter})
			continue
		}
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// view is what the window shows, without colour.
func (d *driver) view() string { return ansi.Strip(d.m.View().Content) }
