package common

import (
	"maps"
	"slices"
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

// Record is one write a screen asks for.
type Record struct {
	// Key names the record, such as "answer/proud-moment". The ledger lands
	// the writes of one key in the order they were handed out.
	Key string
	// What names it for the status line ("your answer").
	What string
	// Save writes the record. It must use only copies made when the Record
	// was built, never the live model: it runs later, in another goroutine.
	Save func() error
}

// AutosaveMsg is the debounce tick of one screen's Saver.
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
	// rec is the write itself, for a retry after Err.
	rec Record
}

// RouteTo sends the result back to the screen that asked for the write.
func (m SavedMsg) RouteTo() Screen { return m.Screen }

// RetryMsg is the tick that tries a screen's failed writes again.
type RetryMsg struct{ Screen Screen }

// RouteTo sends the tick back to the screen whose writes failed.
func (m RetryMsg) RouteTo() Screen { return m.Screen }

// Saver is the one save path of a screen that keeps the runner's words.
// A screen embeds one and tells it two things: an edit happened (Edited,
// with the Record that would save it) or a decision must be written now
// (Write). The Saver does the rest, the same way on every screen:
//
//   - Typing is debounced with the tag pattern, one tick per burst: the
//     first edit of a burst schedules a tick carrying the edit count, and
//     later edits only count. A tick that finds no edit since it was set
//     (the tags match), typing quiet for Quiet, or the oldest unsaved edit
//     MaxWait old, hands the edits to a write; otherwise it sets itself
//     again for when one of those will be true. Every tick is a message
//     the program handles and a frame it draws: a tick per key made a fast
//     typist, or a paste arriving as keys, pay for every key twice.
//   - Every write goes through the Ledger, so an older draft of a record
//     never lands after a newer one.
//   - A write that fails is kept by record and tried again exactly as it
//     was; retrying "whatever is on screen now" would drop the record that
//     failed when a screen writes many (every answer, every goal).
//   - Clean, Wrote and Failure feed the header's save mark; Flush writes
//     at once (leaving a screen, quitting); Salvage writes everything not
//     seen to land, for main after the program ended abruptly.
//   - Refuse keeps the reason an insertion was turned away, for the status
//     line: nothing is cut to fit without a word.
//
// A Saver is a value inside a screen's Model, copied with it; its maps are
// copied on write, so an older copy of the model never sees later changes.
type Saver struct {
	screen Screen
	ledger *Ledger
	now    func() time.Time
	after  func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

	tag     int       // counts edits; a tick carries the count when it was set
	ticking bool      // a tick is on its way
	since   time.Time // the oldest edit not yet handed to a write; zero when none
	last    time.Time // the latest edit
	pending Record    // what writes those edits, built at the latest edit
	flying  map[uint64]Record
	failed  map[string]SavedMsg // the newest failed write of each record
	wrote   bool
	refusal string
}

// NewSaver returns the save path of screen, writing through env.Ledger and
// scheduling its ticks with env.Tick.
func NewSaver(screen Screen, env Env) Saver {
	return Saver{screen: screen, ledger: env.Ledger, now: env.Now, after: env.Tick}
}

// Edited records an edit and the Record that saves the screen's state
// after it, and returns the tick that will hand it to a write, or nil when
// a tick is already on its way. A later edit of the same record replaces
// r; an edit of another record first sends the waiting one on its way, so
// no edit is ever dropped.
func (s *Saver) Edited(r Record) tea.Cmd {
	var first tea.Cmd
	if s.Pending() && s.pending.Key != r.Key {
		first = s.handOut()
	}
	now := s.now()
	s.tag++
	if s.since.IsZero() {
		s.since = now
	}
	s.last = now
	s.pending = r
	if s.ticking {
		return first
	}
	return tea.Batch(first, s.tick(min(Quiet, MaxWait-now.Sub(s.since))))
}

// tick sets the one tick of a burst to arrive after wait.
func (s *Saver) tick(wait time.Duration) tea.Cmd {
	s.ticking = true
	msg := AutosaveMsg{Screen: s.screen, tag: s.tag}
	return s.after(max(wait, 0), func(time.Time) tea.Msg { return msg })
}

// Write hands r to the ledger now, as a decision is saved: at once, not
// after a pause. r must hold the live state, so edits of the same record
// still waiting for their tick go with it.
func (s *Saver) Write(r Record) tea.Cmd {
	if s.Pending() && s.pending.Key == r.Key {
		s.since, s.pending = time.Time{}, Record{}
	}
	return s.issue(s.ledger.Next(), r)
}

// Update takes the Saver's own messages (AutosaveMsg, SavedMsg, RetryMsg)
// and returns what follows: a write when a tick is due, a retry tick after
// a failure. Other messages return nil.
func (s *Saver) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case AutosaveMsg:
		s.ticking = false
		if !s.Pending() {
			return nil // already flushed
		}
		if !s.due(msg) {
			now := s.now()
			return s.tick(min(Quiet-now.Sub(s.last), MaxWait-now.Sub(s.since)))
		}
		return s.handOut()
	case SavedMsg:
		return s.saved(msg)
	case RetryMsg:
		return s.retry()
	}
	return nil
}

// due reports whether the tick means the edits should be saved now: no
// edit came after it was set, typing has paused for Quiet, or the oldest
// edit has waited MaxWait.
func (s *Saver) due(msg AutosaveMsg) bool {
	now := s.now()
	return msg.tag == s.tag || now.Sub(s.last) >= Quiet || now.Sub(s.since) >= MaxWait
}

// handOut writes the edits waiting for their tick, or returns nil.
func (s *Saver) handOut() tea.Cmd {
	if !s.Pending() {
		return nil
	}
	r := s.pending
	s.since, s.pending = time.Time{}, Record{}
	return s.issue(s.ledger.Next(), r)
}

// issue hands r to the ledger as generation gen and counts it in flight
// until its result comes back.
func (s *Saver) issue(gen uint64, r Record) tea.Cmd {
	flying := maps.Clone(s.flying)
	if flying == nil {
		flying = map[uint64]Record{}
	}
	flying[gen] = r
	s.flying = flying
	return s.ledger.Save(s.screen, gen, r)
}

// saved takes a finished write's result. A failed write is kept for a
// retry (a newer failure of the same record replaces it) and a retry tick
// is returned; a success clears any older failure of its record.
func (s *Saver) saved(msg SavedMsg) tea.Cmd {
	if _, ok := s.flying[msg.Gen]; ok {
		s.flying = maps.Clone(s.flying)
		delete(s.flying, msg.Gen)
	}
	failed := maps.Clone(s.failed)
	if failed == nil {
		failed = map[string]SavedMsg{}
	}
	defer func() { s.failed = failed }()
	if msg.Err != nil {
		if old, ok := failed[msg.Key]; !ok || msg.Gen >= old.Gen {
			failed[msg.Key] = msg
		}
		screen := s.screen
		return s.after(RetryAfter, func(time.Time) tea.Msg { return RetryMsg{Screen: screen} })
	}
	s.wrote = true
	if old, ok := failed[msg.Key]; ok && msg.Gen >= old.Gen {
		delete(failed, msg.Key)
	}
	return nil
}

// retry tries every failed write again, each exactly as it was. The ledger
// skips a retry that a newer write of the same record has overtaken.
func (s *Saver) retry() tea.Cmd {
	var cmds []tea.Cmd
	for _, key := range slices.Sorted(maps.Keys(s.failed)) {
		f := s.failed[key]
		cmds = append(cmds, s.issue(f.Gen, f.rec))
	}
	return tea.Batch(cmds...)
}

// Flush returns a command writing now the edits still waiting for their
// tick, and trying every failed write again, or nil when there is nothing
// to do: leaving a screen or quitting does not wait for the debounce.
func (s *Saver) Flush() tea.Cmd {
	save := s.handOut()
	return tea.Batch(save, s.retry())
}

// Salvage returns one command writing everything this screen has not seen
// land: writes handed out whose result never came back (a command the
// program dropped as it ended), failed writes, and edits still waiting for
// their tick. It is the last resort after the program ended abruptly;
// the ledger skips whatever a newer write already overtook, so writing too
// much is harmless.
func (s *Saver) Salvage() tea.Cmd {
	writes := maps.Clone(s.flying)
	if writes == nil {
		writes = map[uint64]Record{}
	}
	for _, f := range s.failed {
		writes[f.Gen] = f.rec
	}
	var cmds []tea.Cmd
	for _, gen := range slices.Sorted(maps.Keys(writes)) {
		cmds = append(cmds, s.issue(gen, writes[gen]))
	}
	cmds = append(cmds, s.handOut())
	return tea.Batch(cmds...)
}

// Pending reports whether there are edits not yet handed to a write.
func (s Saver) Pending() bool { return !s.since.IsZero() }

// Clean reports whether everything edited has been written: nothing waits
// for its tick, nothing is in flight and nothing failed.
func (s Saver) Clean() bool {
	return !s.Pending() && len(s.flying) == 0 && len(s.failed) == 0
}

// Wrote reports whether any write of this screen has returned successfully,
// so a "saved" mark is never shown before something was saved.
func (s Saver) Wrote() bool { return s.wrote }

// Failure returns an error of a write that has not yet succeeded on retry.
func (s Saver) Failure() error {
	for _, key := range slices.Sorted(maps.Keys(s.failed)) {
		return s.failed[key].Err
	}
	return nil
}

// Refuse records why an insertion was turned away, for the status line.
func (s *Saver) Refuse(why string) { s.refusal = why }

// TakeRefusal returns the reason recorded by Refuse during the screen's
// last Update, if any, and clears it. The root takes it as soon as that
// Update returns, the way it takes a navigation request.
func (s *Saver) TakeRefusal() string {
	why := s.refusal
	s.refusal = ""
	return why
}
