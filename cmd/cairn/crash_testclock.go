//go:build testclock

package main

import (
	"os"

	tea "charm.land/bubbletea/v2"
)

// The terminal tests' build (tags testclock) can crash on purpose:
// CAIRN_TEST_PANIC_KEY names a key (f12) whose press panics inside the
// workbook's update, with CAIRN_TEST_PANIC_WORDS in the panic's value, so
// a test can see that the runner's words never reach the screen or the
// crash file. An ordinary build never reads either variable.
func init() {
	key := os.Getenv("CAIRN_TEST_PANIC_KEY")
	if key == "" {
		return
	}
	words := os.Getenv("CAIRN_TEST_PANIC_WORDS")
	testPanic = func(msg tea.Msg) {
		if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == key {
			panic("a test panic holding " + words)
		}
	}
}
