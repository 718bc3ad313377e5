package common

import (
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
)

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

// Save returns a command that writes r through the ledger as generation
// gen and reports a SavedMsg to screen. r.Save must only use values copied
// before the command was made, never the live model. The write counts as
// in flight from now until it has run, so Wait can hold quitting until it
// lands.
func (l *Ledger) Save(screen Screen, gen uint64, r Record) tea.Cmd {
	l.inflight.add()
	var once sync.Once
	return func() tea.Msg {
		var err error
		once.Do(func() {
			l.running.add()
			defer l.running.done()
			defer l.inflight.done()
			err = l.Write(r.Key, gen, r.Save)
		})
		return SavedMsg{Screen: screen, Key: r.Key, Gen: gen, Err: err, What: r.What, rec: r}
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
