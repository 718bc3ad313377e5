package main

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/cairn-run/cairn/store"
)

// The check at start, just after the first frame
//
// The app checks a workbook every time it opens it, in a child (check.go).
// That check reads the whole file, so it takes as long as the file is big,
// while the first screen reads the same few records whatever the size. So
// the check runs after the first frame rather than before it, and decides
// the store's gate (store/gate.go): no write reaches the file before it has
// passed, and until then the app holds the runner's keys (tui/checking.go).
// Damage it finds ends the program and opens the recovery mode, exactly as
// when it ran first.
//
// It begins once the first frame is drawn (tui.Options.Drawn), not beside
// it: on two cores a child starting its runtime and reading the file took
// the processor from the first frame (and from the terminal drawing it).
// Anything that needs its verdict sooner starts it at once: a write
// waiting at the gate (a migration while opening), or an error that may
// be damage. checkBeginsAfter is the latest it begins, whatever happens.

// checkBeginsAfter is how long after start-up the check begins if nothing
// has begun it.
const checkBeginsAfter = 250 * time.Millisecond

// startCheck is the check at start, running or about to.
type startCheck struct {
	path  string
	gate  *store.Gate
	begin chan struct{} // closed to begin the check
	once  sync.Once
	done  chan struct{}
	// Set once done is closed.
	report store.Report
	err    error // the file could not be checked at all
}

// checkAtStart prepares the quick check of the workbook at path in a
// child, to begin as soon as start is called, a write waits at the gate,
// or checkBeginsAfter has passed. The check decides the gate when it ends.
func checkAtStart(path string) *startCheck {
	c := &startCheck{path: path, gate: store.NewGate(), begin: make(chan struct{}), done: make(chan struct{})}
	go func() {
		select {
		case <-c.begin:
		case <-c.gate.Wanted():
		case <-time.After(checkBeginsAfter):
		}
		c.report, _, c.err = readInChild(path, "quick")
		c.gate.Decide(c.damage())
		close(c.done)
	}()
	return c
}

// start begins the check now, if it has not begun.
func (c *startCheck) start() {
	c.once.Do(func() { close(c.begin) })
}

// damage is the error writes fail with when the check found damage, or
// could not check the file, or nil. A file that is not a workbook at all,
// or is newer, is left to store.Open to refuse in its own words, as
// checkFirst leaves it; one that could not be checked gets nothing
// written, and the app ends saying so (checkFirst does not open it).
func (c *startCheck) damage() error {
	switch {
	case c.err == nil && c.report.Healthy():
		return nil
	case c.err == nil:
		return &store.DamagedError{Where: "the file", File: c.report.Path, Err: fmt.Errorf("%w: the check at start found damage", store.ErrDamaged)}
	case errors.Is(c.err, store.ErrNotCairn), errors.Is(c.err, store.ErrNewerSchema), errors.Is(c.err, store.ErrNotFound):
		return nil
	}
	return fmt.Errorf("cairn could not check %s, so it wrote nothing to it: %w", c.path, c.err)
}

// wait waits for the check and returns the damage it found, or nil.
func (c *startCheck) wait() error {
	<-c.done
	return c.damage()
}

// damaged begins the check if it has not begun, waits for it, and reports
// whether it found damage, with its report.
func (c *startCheck) damaged() (store.Report, bool) {
	if c == nil {
		return store.Report{}, false
	}
	c.start()
	<-c.done
	return c.report, c.err == nil && !c.report.Healthy()
}

// passed reports whether the check ran and found the workbook whole.
func (c *startCheck) passed() bool {
	<-c.done
	return c.err == nil && c.report.Healthy()
}

// mayBeDamage reports whether an error that ended the app could be the
// damage the check at start is looking for, so that it is worth waiting
// for its verdict rather than saying the error at once.
func mayBeDamage(err error) bool {
	return errors.Is(err, store.ErrDamaged) || errors.Is(err, store.ErrNotCairn)
}
