//go:build testclock

package main

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// A test build (go build -tags testclock, as the terminal tests make)
// reads CAIRN_TEST_CLOCK, so a journey can open cairn weeks after it last
// wrote without waiting for them: "+672h" runs the clock four weeks
// ahead of the wall clock, "2027-01-04T08:00:00Z" starts it at that
// time; either way it ticks on from there. An ordinary build never reads
// the variable: setting it by accident changes nothing.
func init() {
	v := strings.TrimSpace(os.Getenv("CAIRN_TEST_CLOCK"))
	if v == "" {
		return
	}
	var shift time.Duration
	if d, err := time.ParseDuration(v); err == nil {
		shift = d
	} else if at, err := time.Parse(time.RFC3339, v); err == nil {
		shift = time.Until(at)
	} else {
		fmt.Fprintf(os.Stderr, "CAIRN_TEST_CLOCK=%q is neither a duration (+672h) nor a time (2027-01-04T08:00:00Z)\n", v)
		os.Exit(2)
	}
	now = func() time.Time { return time.Now().Add(shift) }
}
