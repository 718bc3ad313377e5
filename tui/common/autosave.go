package common

import (
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Autosave timing. Quiet is how long typing must pause before a save; MaxWait
// bounds how long an edit can stay unsaved while typing goes on, so a killed
// process loses at most about half a second of words.
const (
	Quiet   = 300 * time.Millisecond
	MaxWait = 500 * time.Millisecond
	// RetryAfter is how soon a failed save is tried again.
	RetryAfter = 2 * time.Second
)

// AutosaveMsg is the debounce tick of one screen's Autosave.
type AutosaveMsg struct {
	Screen Screen
	tag    int
}

// RouteTo sends the tick back to the screen that scheduled it.
func (m AutosaveMsg) RouteTo() Screen { return m.Screen }

// SavedMsg reports that a write finished. Gen is the write's generation
// from the Ledger; Err is nil on success.
type SavedMsg struct {
	Screen Screen
	// Key is the record the write was for, such as "answer/proud-moment".
	Key string
	Gen uint64
	Err error
	// What names what was saved, for the status line ("your answer").
	What string
	// redo builds the same write again, for a retry after Err.
	redo func() tea.Cmd
}

// RouteTo sends the result back to the screen that asked for the write.
func (m SavedMsg) RouteTo() Screen { return m.Screen }

// RetryMsg is the tick that tries a screen's failed writes again.
type RetryMsg struct{ Screen Screen }

// RouteTo sends the tick back to the screen whose writes failed.
func (m RetryMsg) RouteTo() Screen { return m.Screen }

// Autosave tracks one screen's unsaved edits and writes in flight, using the
// debounce-tag pattern: every edit schedules a tick carrying a new tag, and
// only the newest tick (or one past MaxWait) triggers a save.
//
// A write that fails is kept, by record, and tried again as it was: a
// screen writes many records (every answer, every goal), and retrying
// "whatever is on screen now" would drop the one that failed.
type Autosave struct {
	screen Screen
	after  func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	tag    int
	since  time.Time // oldest unsaved edit; zero when there is none
	issued uint64    // newest write handed out
	done   uint64    // newest write confirmed
	failed map[string]SavedMsg
}

// NewAutosave returns the autosave state for screen, scheduling its ticks
// with env.Tick.
func NewAutosave(screen Screen, env Env) Autosave {
	return Autosave{screen: screen, after: env.Tick}
}

// Edited records an edit at now and returns the tick that will save it.
func (a *Autosave) Edited(now time.Time) tea.Cmd {
	a.tag++
	if a.since.IsZero() {
		a.since = now
	}
	wait := min(Quiet, MaxWait-now.Sub(a.since))
	return a.tick(max(wait, 0))
}

func (a *Autosave) tick(wait time.Duration) tea.Cmd {
	msg := AutosaveMsg{Screen: a.screen, tag: a.tag}
	return a.after(wait, func(time.Time) tea.Msg { return msg })
}

// Due reports whether the tick means the edits should be saved now. When it
// returns true the edits count as handed over: the caller must save them.
func (a *Autosave) Due(msg AutosaveMsg, now time.Time) bool {
	if a.since.IsZero() {
		return false // already flushed
	}
	if msg.tag != a.tag && now.Sub(a.since) < MaxWait {
		return false // a newer tick is on its way
	}
	a.since = time.Time{}
	return true
}

// Pending reports whether there are edits not yet handed to a write.
func (a Autosave) Pending() bool { return !a.since.IsZero() }

// Take hands all pending edits over to a write the caller is about to make,
// as when leaving a question or quitting.
func (a *Autosave) Take() bool {
	pending := a.Pending()
	a.since = time.Time{}
	return pending
}

// Writing records that the write with generation gen has been handed out.
func (a *Autosave) Writing(gen uint64) {
	if gen > a.issued {
		a.issued = gen
	}
}

// Saved takes a finished write's result. A failed write is kept for a retry
// (a newer failure of the same record replaces it) and a retry tick is
// returned; a success clears any older failure of its record.
func (a *Autosave) Saved(msg SavedMsg) tea.Cmd {
	failed := maps.Clone(a.failed)
	if failed == nil {
		failed = map[string]SavedMsg{}
	}
	defer func() { a.failed = failed }()
	if msg.Err != nil {
		if old, ok := failed[msg.Key]; !ok || msg.Gen >= old.Gen {
			failed[msg.Key] = msg
		}
		screen := a.screen
		return a.after(RetryAfter, func(time.Time) tea.Msg { return RetryMsg{Screen: screen} })
	}
	if msg.Gen > a.done {
		a.done = msg.Gen
	}
	if old, ok := failed[msg.Key]; ok && msg.Gen >= old.Gen {
		delete(failed, msg.Key)
	}
	return nil
}

// Retry returns the commands that try every failed write again, each
// exactly as it was. The ledger skips a retry that a newer write of the
// same record has overtaken.
func (a *Autosave) Retry() tea.Cmd {
	var cmds []tea.Cmd
	for _, key := range slices.Sorted(maps.Keys(a.failed)) {
		if redo := a.failed[key].redo; redo != nil {
			cmds = append(cmds, redo())
		}
	}
	return tea.Batch(cmds...)
}

// Clean reports whether everything edited has been written.
func (a Autosave) Clean() bool {
	return !a.Pending() && a.done >= a.issued && len(a.failed) == 0
}

// Wrote reports whether any write of this screen has returned successfully,
// so a "saved" mark is never shown before something was saved.
func (a Autosave) Wrote() bool { return a.done > 0 }

// Failure returns an error of a write that has not yet succeeded on retry.
func (a Autosave) Failure() error {
	for _, key := range slices.Sorted(maps.Keys(a.failed)) {
		return a.failed[key].Err
	}
	return nil
}

// Ledger numbers writes and runs them in order per record: a write for a key
// never overwrites a newer write for the same key, whatever order the
// goroutines of their commands happen to run in.
type Ledger struct {
	gen      atomic.Uint64
	mu       sync.Mutex
	last     map[string]uint64
	inflight counter // handed out and not yet run
	running  counter // running right now
}

// NewLedger returns an empty ledger.
func NewLedger() *Ledger { return &Ledger{last: map[string]uint64{}} }

// Next returns a new, higher generation.
func (l *Ledger) Next() uint64 { return l.gen.Add(1) }

// Write runs write for key unless a write of a later generation for the same
// key has already run. It holds the ledger while writing, so writes are
// serialised the same way the database serialises them anyway.
func (l *Ledger) Write(key string, gen uint64, write func() error) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if gen <= l.last[key] {
		return nil
	}
	if err := write(); err != nil {
		return err
	}
	l.last[key] = gen
	return nil
}

// Save returns a command that writes through the ledger and reports a
// SavedMsg to screen. write must only use values copied before the command
// was made, never the live model. The write counts as in flight from now
// until it has run, so Wait can hold quitting until it lands.
func (l *Ledger) Save(screen Screen, what, key string, gen uint64, write func() error) tea.Cmd {
	l.inflight.add()
	var once sync.Once
	redo := func() tea.Cmd { return l.Save(screen, what, key, gen, write) }
	return func() tea.Msg {
		var err error
		once.Do(func() {
			l.running.add()
			defer l.running.done()
			defer l.inflight.done()
			err = l.Write(key, gen, write)
		})
		return SavedMsg{Screen: screen, Key: key, Gen: gen, Err: err, What: what, redo: redo}
	}
}

// Wait blocks until every write handed out has run, or until timeout. It
// reports whether all writes landed. Quitting uses it: the program is
// still running, so every write it handed out will start.
func (l *Ledger) Wait(timeout time.Duration) bool { return l.inflight.wait(timeout) }

// WaitRunning blocks until the writes running right now have finished, or
// until timeout. After the program has ended, a write it handed out but
// never started will not start, so only these are worth waiting for.
func (l *Ledger) WaitRunning(timeout time.Duration) bool { return l.running.wait(timeout) }

// counter counts writes in some state and lets a caller wait, with a
// timeout, for the count to reach zero. Waiting starts no goroutine: a
// write handed out but never run (its command dropped as the program
// ended) would otherwise leave a goroutine blocked for good on every wait.
type counter struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed when n drops to zero; nil while n is zero
}

func (c *counter) add() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == 0 {
		c.idle = make(chan struct{})
	}
	c.n++
}

func (c *counter) done() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n--
	if c.n == 0 {
		close(c.idle)
		c.idle = nil
	}
}

// wait reports whether the count reached zero within timeout.
func (c *counter) wait(timeout time.Duration) bool {
	c.mu.Lock()
	idle := c.idle
	c.mu.Unlock()
	if idle == nil {
		return true
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-idle:
		return true
	case <-timer.C:
		return false
	}
}
