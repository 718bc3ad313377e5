package common

import (
	"errors"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// testEnv returns an Env on a fresh ledger whose clock reads *now and whose
// Tick records the delays it was asked for and delivers its message at once.
func testEnv(now *time.Time, delays *[]time.Duration) Env {
	return Env{
		Ledger: NewLedger(),
		Now:    func() time.Time { return *now },
		Tick: func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			*delays = append(*delays, d)
			return func() tea.Msg { return fn(time.Time{}) }
		},
	}
}

// disk is a fake store for records, which fails while broken.
type disk struct {
	broken bool
	data   map[string]string
}

func newDisk() *disk { return &disk{data: map[string]string{}} }

// record returns the Record that writes text to key.
func (d *disk) record(key, text string) Record {
	return Record{Key: key, What: "your answer", Save: func() error {
		if d.broken {
			return errors.New("disk full")
		}
		d.data[key] = text
		return nil
	}}
}

// deliver runs cmd and hands every result back to s, the way the root
// routes a screen's results to it, until nothing follows.
func deliver(s *Saver, cmd tea.Cmd) {
	for _, msg := range runAll(cmd) {
		if _, retry := msg.(RetryMsg); retry {
			continue // retries are driven by hand in these tests
		}
		deliver(s, s.Update(msg))
	}
}

var t0 = time.Date(2026, 1, 1, 20, 0, 0, 0, time.UTC)

func TestSaverDebouncesWithOneTickPerBurst(t *testing.T) {
	var delays []time.Duration
	now := t0
	s := NewSaver(Reflect, testEnv(&now, &delays))
	d := newDisk()

	first := s.Edited(d.record("answer/q1", "a"))().(AutosaveMsg)
	now = t0.Add(100 * time.Millisecond)
	if s.Edited(d.record("answer/q1", "ab")) != nil {
		t.Error("a second tick was set while the first was on its way")
	}

	// The tick finds typing 200 ms quiet: it sets itself again for when
	// the pause reaches Quiet, and saves nothing yet.
	now = t0.Add(300 * time.Millisecond)
	again := s.Update(first)
	if again == nil || !s.Pending() {
		t.Fatal("an early tick saved, or was not set again")
	}
	second, ok := again().(AutosaveMsg)
	if !ok {
		t.Fatalf("the tick set again is %T", again())
	}
	now = t0.Add(400 * time.Millisecond)
	save := s.Update(second)
	if save == nil {
		t.Fatal("the tick after the pause did not trigger a save")
	}
	if s.Pending() {
		t.Error("edits still pending after the tick handed them over")
	}
	now = t0.Add(500 * time.Millisecond)
	if s.Update(second) != nil {
		t.Error("a second save for the same edits")
	}
	deliver(&s, save)
	if d.data["answer/q1"] != "ab" {
		t.Errorf("saved %q, want the newest text", d.data["answer/q1"])
	}
	if len(delays) != 2 || delays[0] != Quiet || delays[1] != 100*time.Millisecond {
		t.Errorf("tick delays = %v, want %v then 100ms", delays, Quiet)
	}

	// The next burst sets a tick of its own.
	if s.Edited(d.record("answer/q1", "abc")) == nil {
		t.Error("the first edit after a save set no tick")
	}
}

// TestSaverSavesDuringLongTyping checks the promise behind kill -9: while
// typing never pauses, a save still happens within MaxWait of the oldest
// edit, with a tick or two for the whole burst rather than one a key.
func TestSaverSavesDuringLongTyping(t *testing.T) {
	var delays []time.Duration
	now := t0
	s := NewSaver(Reflect, testEnv(&now, &delays))
	d := newDisk()

	// Time runs in steps of 10 ms: a key every 80 ms for 800 ms, and each
	// tick delivered when it is due.
	type timer struct {
		due time.Duration
		cmd tea.Cmd
	}
	var timers []timer
	set := func(cmd tea.Cmd, before int) {
		if cmd != nil && len(delays) > before {
			timers = append(timers, timer{now.Sub(t0) + delays[len(delays)-1], cmd})
		}
	}
	var saved time.Duration
	for ms := 0; ms <= 1000; ms += 10 {
		now = t0.Add(time.Duration(ms) * time.Millisecond)
		if ms%80 == 0 && ms < 800 {
			n := len(delays)
			set(s.Edited(d.record("answer/q1", "x")), n)
		}
		for len(timers) > 0 && timers[0].due <= now.Sub(t0) {
			tm := timers[0]
			timers = timers[1:]
			n := len(delays)
			next := s.Update(tm.cmd())
			if next != nil && len(delays) == n && saved == 0 {
				saved = now.Sub(t0) // not a tick: the edits went to a write
			}
			set(next, n)
		}
	}
	if saved == 0 || saved > MaxWait {
		t.Errorf("first save at %v while typing went on, want by MaxWait (%v)", saved, MaxWait)
	}
	if len(delays) > 4 {
		t.Errorf("%d ticks for 10 keys: %v", len(delays), delays)
	}
	for _, d := range delays {
		if d > Quiet {
			t.Errorf("a tick waits %v, longer than Quiet", d)
		}
	}
}

// TestSaverRetriesTheWriteThatFailed is the case that loses words if it is
// wrong: a screen writes many records, one write fails, and a later write
// of another record succeeds. The failed record must still be retried as it
// was, not forgotten or replaced by whatever is on screen.
func TestSaverRetriesTheWriteThatFailed(t *testing.T) {
	var delays []time.Duration
	now := t0
	s := NewSaver(Reflect, testEnv(&now, &delays))
	if s.Wrote() || !s.Clean() {
		t.Fatal("a fresh Saver should be clean and not have written")
	}
	d := newDisk()
	d.broken = true

	retryTick := s.Update(s.Write(d.record("answer/q1", "first answer"))())
	if retryTick == nil || s.Failure() == nil || s.Clean() {
		t.Fatal("a failed write must be remembered and a retry scheduled")
	}
	if got := delays[len(delays)-1]; got != RetryAfter {
		t.Errorf("retry after %v, want %v", got, RetryAfter)
	}
	if _, ok := retryTick().(RetryMsg); !ok {
		t.Fatal("the retry tick is not a RetryMsg")
	}

	d.broken = false
	deliver(&s, s.Write(d.record("answer/q2", "second answer"))) // another record succeeds
	if s.Failure() == nil || s.Clean() {
		t.Fatal("a success on another record hid the failed one")
	}
	deliver(&s, s.Update(RetryMsg{Screen: Reflect}))
	if d.data["answer/q1"] != "first answer" || d.data["answer/q2"] != "second answer" {
		t.Errorf("disk = %v", d.data)
	}
	if !s.Clean() || s.Failure() != nil || !s.Wrote() {
		t.Error("after the retry the screen should be clean")
	}
}

func TestRetryNeverOverwritesNewerText(t *testing.T) {
	now := t0
	s := NewSaver(Reflect, testEnv(&now, new([]time.Duration)))
	d := newDisk()
	d.broken = true
	s.Update(s.Write(d.record("answer/q1", "old draft"))())
	d.broken = false
	deliver(&s, s.Write(d.record("answer/q1", "new draft")))
	deliver(&s, s.Update(RetryMsg{Screen: Reflect}))
	if d.data["answer/q1"] != "new draft" {
		t.Errorf("disk = %q, want the newer draft", d.data["answer/q1"])
	}
	if !s.Clean() {
		t.Error("a retry overtaken by a newer write should leave the screen clean")
	}
}

// TestAnEditOfAnotherRecordSendsTheWaitingOneOnItsWay: the Saver holds one
// record's edits at a time, so an edit of another record must not replace
// them unwritten.
func TestAnEditOfAnotherRecordSendsTheWaitingOneOnItsWay(t *testing.T) {
	now := t0
	s := NewSaver(Values, testEnv(&now, new([]time.Duration)))
	s.after = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil } // ticks never fire
	d := newDisk()
	s.Edited(d.record("goal/a", "first goal"))
	deliver(&s, s.Edited(d.record("goal/b", "second goal")))
	if d.data["goal/a"] != "first goal" {
		t.Errorf("the first record's edits were dropped: %v", d.data)
	}
	deliver(&s, s.Flush())
	if d.data["goal/b"] != "second goal" || !s.Clean() {
		t.Errorf("after Flush: %v, clean %v", d.data, s.Clean())
	}
}

// TestAWriteTakesTheWaitingEditsOfItsRecord: a decision written at once
// holds the live state, typing included; a tick arriving later must not
// write the older, typed-only state over it.
func TestAWriteTakesTheWaitingEditsOfItsRecord(t *testing.T) {
	now := t0
	s := NewSaver(Goals, testEnv(&now, new([]time.Duration)))
	d := newDisk()
	tick := s.Edited(d.record("goal/a", "typed"))
	deliver(&s, s.Write(d.record("goal/a", "typed, and marked doable")))
	if s.Pending() {
		t.Error("the write left the typing pending")
	}
	deliver(&s, tick)
	if got := d.data["goal/a"]; got != "typed, and marked doable" {
		t.Errorf("disk = %q, a late tick wrote an older state", got)
	}
}

// TestCleanWaitsForEveryWriteInFlight: a newer write of one record landing
// says nothing of an older write of another still on its way.
func TestCleanWaitsForEveryWriteInFlight(t *testing.T) {
	now := t0
	s := NewSaver(Goals, testEnv(&now, new([]time.Duration)))
	d := newDisk()
	slow := s.Write(d.record("goal/a", "a"))
	deliver(&s, s.Write(d.record("goal/b", "b")))
	if s.Clean() {
		t.Error("clean while the write of goal/a has not come back")
	}
	deliver(&s, slow)
	if !s.Clean() || !s.Wrote() {
		t.Error("not clean once every write came back")
	}
}

// TestSalvageWritesWhatNeverLanded covers main's last resort: a flush
// handed out but dropped as the program ended, a failed write, and typing
// still waiting for its tick are all written.
func TestSalvageWritesWhatNeverLanded(t *testing.T) {
	now := t0
	s := NewSaver(Reflect, testEnv(&now, new([]time.Duration)))
	s.after = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	d := newDisk()
	d.broken = true
	s.Update(s.Write(d.record("answer/q1", "failed once")))
	d.broken = false
	s.Edited(d.record("answer/q2", "in a dropped flush"))
	_ = s.Flush() // dropped: the program ended before it ran
	s.Edited(d.record("answer/q3", "still typing"))
	if s.Clean() {
		t.Fatal("clean with nothing written")
	}
	deliver(&s, s.Salvage())
	want := map[string]string{"answer/q1": "failed once", "answer/q2": "in a dropped flush", "answer/q3": "still typing"}
	for k, v := range want {
		if d.data[k] != v {
			t.Errorf("%s = %q, want %q", k, d.data[k], v)
		}
	}
	if !s.Clean() {
		t.Error("not clean after the salvage landed")
	}
}

func TestARefusalIsTakenOnce(t *testing.T) {
	var s Saver
	if s.TakeRefusal() != "" {
		t.Fatal("a refusal out of nowhere")
	}
	s.Refuse("Not added.")
	if got := s.TakeRefusal(); got != "Not added." {
		t.Errorf("TakeRefusal = %q", got)
	}
	if s.TakeRefusal() != "" {
		t.Error("a refusal was taken twice")
	}
}

// runAll runs cmd and any batch it returns, one after another.
func runAll(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, runAll(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}
