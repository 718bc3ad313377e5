package common

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// recordTicks returns an Env whose Tick records the delays it was asked for
// and delivers its message at once.
func recordTicks(delays *[]time.Duration) Env {
	return Env{Tick: func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		*delays = append(*delays, d)
		return func() tea.Msg { return fn(time.Time{}) }
	}}
}

func TestAutosaveDebouncesToTheNewestTick(t *testing.T) {
	var delays []time.Duration
	a := NewAutosave(Reflect, recordTicks(&delays))
	t0 := time.Date(2026, 1, 1, 20, 0, 0, 0, time.UTC)

	first := a.Edited(t0)().(AutosaveMsg)
	second := a.Edited(t0.Add(100 * time.Millisecond))().(AutosaveMsg)

	if a.Due(first, t0.Add(300*time.Millisecond)) {
		t.Error("an older tick triggered a save while typing was within MaxWait")
	}
	if !a.Due(second, t0.Add(400*time.Millisecond)) {
		t.Error("the newest tick did not trigger a save")
	}
	if a.Pending() {
		t.Error("edits still pending after Due handed them over")
	}
	if a.Due(second, t0.Add(500*time.Millisecond)) {
		t.Error("a second save for the same edits")
	}
	if delays[0] != Quiet || delays[1] != Quiet {
		t.Errorf("tick delays = %v, want %v each", delays, Quiet)
	}
}

// TestAutosaveSavesDuringLongTyping checks the promise behind kill -9: while
// typing never pauses, a save still happens within MaxWait of the oldest edit.
func TestAutosaveSavesDuringLongTyping(t *testing.T) {
	var delays []time.Duration
	a := NewAutosave(Reflect, recordTicks(&delays))
	t0 := time.Date(2026, 1, 1, 20, 0, 0, 0, time.UTC)

	var ticks []AutosaveMsg
	for i := range 10 { // a key every 80 ms
		ticks = append(ticks, a.Edited(t0.Add(time.Duration(i)*80*time.Millisecond))().(AutosaveMsg))
	}
	// The tick of the edit at 240 ms was due at min(240+300, 0+500) = 500 ms.
	if got := delays[3]; got != MaxWait-240*time.Millisecond {
		t.Errorf("tick after 240 ms waits %v, want %v", got, MaxWait-240*time.Millisecond)
	}
	if !a.Due(ticks[3], t0.Add(MaxWait)) {
		t.Error("no save at MaxWait while typing went on")
	}
	for _, d := range delays {
		if d > Quiet {
			t.Errorf("a tick waits %v, longer than Quiet", d)
		}
	}
}

// TestAutosaveRetriesTheWriteThatFailed is the case that loses words if it
// is wrong: a screen writes many records, one write fails, and a later write
// of another record succeeds. The failed record must still be retried as it
// was, not forgotten or replaced by whatever is on screen.
func TestAutosaveRetriesTheWriteThatFailed(t *testing.T) {
	var delays []time.Duration
	env := recordTicks(&delays)
	a := NewAutosave(Reflect, env)
	l := NewLedger()
	if a.Wrote() || !a.Clean() {
		t.Fatal("a fresh Autosave should be clean and not have written")
	}

	disk := map[string]string{}
	broken := true
	write := func(key, text string) func() error {
		return func() error {
			if broken {
				return errors.New("disk full")
			}
			disk[key] = text
			return nil
		}
	}
	save := func(key, text string) SavedMsg {
		gen := l.Next()
		a.Writing(gen)
		return l.Save(Reflect, "your answer", key, gen, write(key, text))().(SavedMsg)
	}

	retryTick := a.Saved(save("answer/q1", "first answer"))
	if retryTick == nil || a.Failure() == nil || a.Clean() {
		t.Fatal("a failed write must be remembered and a retry scheduled")
	}
	if got := delays[len(delays)-1]; got != RetryAfter {
		t.Errorf("retry after %v, want %v", got, RetryAfter)
	}
	if _, ok := retryTick().(RetryMsg); !ok {
		t.Fatal("the retry tick is not a RetryMsg")
	}

	broken = false
	a.Saved(save("answer/q2", "second answer")) // another record succeeds
	if a.Failure() == nil || a.Clean() {
		t.Fatal("a success on another record hid the failed one")
	}
	for _, msg := range runAll(a.Retry()) {
		a.Saved(msg.(SavedMsg))
	}
	if disk["answer/q1"] != "first answer" || disk["answer/q2"] != "second answer" {
		t.Errorf("disk = %v", disk)
	}
	if !a.Clean() || a.Failure() != nil || !a.Wrote() {
		t.Error("after the retry the screen should be clean")
	}
}

func TestRetryNeverOverwritesNewerText(t *testing.T) {
	a := NewAutosave(Reflect, recordTicks(new([]time.Duration)))
	l := NewLedger()
	disk := ""
	broken := true
	write := func(text string) func() error {
		return func() error {
			if broken {
				return errors.New("no")
			}
			disk = text
			return nil
		}
	}
	old := l.Next()
	a.Saved(l.Save(Reflect, "x", "answer/q1", old, write("old draft"))().(SavedMsg))
	broken = false
	newer := l.Next()
	a.Saved(l.Save(Reflect, "x", "answer/q1", newer, write("new draft"))().(SavedMsg))
	for _, msg := range runAll(a.Retry()) {
		a.Saved(msg.(SavedMsg))
	}
	if disk != "new draft" {
		t.Errorf("disk = %q, want the newer draft", disk)
	}
}

// runAll runs cmd and any batch it returns.
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

func TestLedgerNeverLetsAnOlderWriteWin(t *testing.T) {
	l := NewLedger()
	var mu sync.Mutex
	stored := map[string]string{}
	write := func(key, text string) func() error {
		return func() error {
			mu.Lock()
			defer mu.Unlock()
			stored[key] = text
			return nil
		}
	}
	older, newer := l.Next(), l.Next()
	// The newer write's goroutine happens to run first.
	if err := l.Write("answer/a", newer, write("answer/a", "second draft")); err != nil {
		t.Fatal(err)
	}
	if err := l.Write("answer/a", older, write("answer/a", "first draft")); err != nil {
		t.Fatal(err)
	}
	if stored["answer/a"] != "second draft" {
		t.Errorf("stored %q, want the newer text", stored["answer/a"])
	}
	// Other keys are independent.
	if err := l.Write("answer/b", older, write("answer/b", "b")); err != nil || stored["answer/b"] != "b" {
		t.Errorf("write to another key was skipped: %v", err)
	}
}

func TestLedgerFailedWriteCanBeRetried(t *testing.T) {
	l := NewLedger()
	gen := l.Next()
	if err := l.Write("k", gen, func() error { return errors.New("no") }); err == nil {
		t.Fatal("error was swallowed")
	}
	ran := false
	if err := l.Write("k", gen, func() error { ran = true; return nil }); err != nil || !ran {
		t.Error("a failed write must not mark its generation as written")
	}
}

func TestLedgerWaitCoversSavesInFlight(t *testing.T) {
	l := NewLedger()
	release := make(chan struct{})
	cmd := l.Save(Reflect, "your answer", "k", l.Next(), func() error { <-release; return nil })
	if l.Wait(10 * time.Millisecond) {
		t.Error("Wait returned true while a save had not run")
	}
	done := make(chan tea.Msg)
	go func() { done <- cmd() }()
	close(release)
	if msg := (<-done).(SavedMsg); msg.Err != nil || msg.Screen != Reflect {
		t.Errorf("SavedMsg = %+v", msg)
	}
	if !l.Wait(time.Second) {
		t.Error("Wait did not see the save finish")
	}
}

// TestLedgerWaitLeavesNothingBehind: a write handed out but never run (its
// command dropped as the program ended) must not leave a goroutine behind
// for every Wait that times out on it.
func TestLedgerWaitLeavesNothingBehind(t *testing.T) {
	l := NewLedger()
	l.Save(Reflect, "your answer", "k", l.Next(), func() error { return nil }) // never run
	before := runtime.NumGoroutine()
	const waits = 50
	for range waits {
		if l.Wait(time.Microsecond) {
			t.Fatal("Wait returned true while a save had not run")
		}
		l.WaitRunning(time.Microsecond)
	}
	// A little slack for goroutines the runtime or the test framework
	// starts on its own; a leak adds one per Wait.
	if after := runtime.NumGoroutine(); after > before+waits/10 {
		t.Errorf("%d goroutines after %d timed-out waits, %d before", after, waits, before)
	}
}

func TestNormalizeNewlines(t *testing.T) {
	for in, want := range map[string]string{
		"a\r\nb\r\n":  "a\nb\n",
		"old mac\rb":  "old mac\nb",
		"mixed\r\n\r": "mixed\n\n",
		"plain\n":     "plain\n",
	} {
		if got := NormalizeNewlines(in); got != want {
			t.Errorf("NormalizeNewlines(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAdmitChecksTheTextAsItWillBeStored(t *testing.T) {
	enter := func(k tea.KeyPressMsg) bool { return k.Code == tea.KeyEnter }
	lines := func(n int) string { return strings.Repeat("x\n", n-1) + "x" }
	cases := []struct {
		name string
		text string
		msg  tea.Msg
		ok   bool
	}{
		{"a letter", "some words", tea.KeyPressMsg{Code: 'a', Text: "a"}, true},
		{"enter", "some words", tea.KeyPressMsg{Code: tea.KeyEnter}, true},
		{"an arrow at the limit inserts nothing", strings.Repeat("x", MaxAnswerBytes), tea.KeyPressMsg{Code: tea.KeyLeft}, true},
		{"a letter at the limit", strings.Repeat("x", MaxAnswerBytes), tea.KeyPressMsg{Code: 'a', Text: "a"}, false},
		{"a paste that just fits", strings.Repeat("x", MaxAnswerBytes-100), tea.PasteMsg{Content: strings.Repeat("y", 100)}, true},
		{"a paste one byte too long", strings.Repeat("x", MaxAnswerBytes-100), tea.PasteMsg{Content: strings.Repeat("y", 101)}, false},
		{"CRLF counts once", strings.Repeat("x", MaxAnswerBytes-100), tea.PasteMsg{Content: strings.Repeat("y\r\n", 50)}, true},
		// The textarea turns a tab into four spaces: 30 tabs are 120 bytes.
		{"tabs count as they will be stored", strings.Repeat("x", MaxAnswerBytes-100), tea.PasteMsg{Content: strings.Repeat("\t", 30)}, false},
		{"the last line that fits", lines(MaxAnswerLines - 1), tea.KeyPressMsg{Code: tea.KeyEnter}, true},
		{"one line too many", lines(MaxAnswerLines), tea.KeyPressMsg{Code: tea.KeyEnter}, false},
		{"a paste that just fits in lines", lines(MaxAnswerLines - 10), tea.PasteMsg{Content: lines(11)}, true},
		{"a paste one line too many", lines(MaxAnswerLines - 10), tea.PasteMsg{Content: lines(12)}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, why := Admit(tc.msg, tc.text, enter)
			if (why == "") != tc.ok {
				t.Errorf("admitted = %v (%q), want %v", why == "", why, tc.ok)
			}
		})
	}
}

func TestCleanPaste(t *testing.T) {
	for in, want := range map[string]string{
		"a\r\nb\tc":           "a\nb    c",
		"bell\a and \x1b[31m": "bell and [31m",
		"bad \xff byte":       "bad  byte",
		"é 🏃 kept":            "é 🏃 kept",
	} {
		if got := CleanPaste(in); got != want {
			t.Errorf("CleanPaste(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStepsWalkInOrder(t *testing.T) {
	s := Welcome
	var walked []Screen
	for range len(Steps) + 2 {
		s = NextStep(s)
		walked = append(walked, s)
	}
	if walked[0] != Steps[0] || walked[len(walked)-1] != Steps[len(Steps)-1] {
		t.Errorf("walk = %v", walked)
	}
	if PrevStep(Steps[0]) != Steps[0] {
		t.Error("PrevStep left the first step")
	}
	for _, step := range Steps {
		if got, ok := ParseScreen(step.String()); !ok || got != step {
			t.Errorf("ParseScreen(%q) = %v, %v", step, got, ok)
		}
	}
}
