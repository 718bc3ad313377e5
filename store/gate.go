package store

import (
	"sync"
)

// The check at start, beside the first frame
//
// The app checks a workbook every time it opens it (Check, in a child
// process). That check reads the whole file, so it takes as long as the
// file is big: 7 ms for a season, 0.3 s for 100,000 runs. The first
// screen reads a few records, the same on a file of any size. So the app
// does not wait for the check before its first frame: it opens the store
// with a Gate, which the check decides, and
//
//   - every write waits at the gate (a migration's included): nothing is
//     written to a file before the whole of it is known to be whole, and
//     when the check finds damage the write fails and nothing is written;
//   - every read runs guarded (guard, damage.go): a fault in the mapped
//     file becomes a panic, and a panic inside bbolt (its assertions on a
//     damaged page) becomes ErrDamaged, so damage in what the first
//     screen reads is an error, as the check would have found it, and
//     never a crash; opening the file is guarded too until the gate has
//     passed. Records are checksummed as they are read.
//
// A file shorter than its header says is still refused before it is
// mapped (header.go), gate or no gate.

// Gate holds a store's writes until a check of the whole file has
// decided.
type Gate struct {
	once    sync.Once
	decided chan struct{}
	err     error
	// wanted is closed by the first Wait: a write is waiting.
	wantOnce sync.Once
	wanted   chan struct{}
}

// NewGate returns a gate that holds writes until Decide.
func NewGate() *Gate { return &Gate{decided: make(chan struct{}), wanted: make(chan struct{})} }

// Wanted is closed as soon as a write waits at the gate, so that a check
// that has not begun yet knows it is needed now.
func (g *Gate) Wanted() <-chan struct{} { return g.wanted }

// Decide lets writes through (err nil) or refuses them for good with err.
// Only the first call counts.
func (g *Gate) Decide(err error) {
	g.once.Do(func() {
		g.err = err
		close(g.decided)
	})
}

// Wait waits for Decide and returns what it was told.
func (g *Gate) Wait() error {
	g.wantOnce.Do(func() { close(g.wanted) })
	<-g.decided
	return g.err
}

// Passed reports, without waiting, whether writes have been let through.
func (g *Gate) Passed() bool {
	select {
	case <-g.decided:
		return g.err == nil
	default:
		return false
	}
}

// guardedUnless runs fn guarded (guard, damage.go) while g is set and has
// not passed: opening a file not yet checked.
func guardedUnless(g *Gate, fn func() error) error {
	if g == nil || g.Passed() {
		return fn()
	}
	return guard(fn)
}
