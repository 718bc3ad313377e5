package main

import "time"

// now is the clock the workbook and the commands that date what they
// write (cairn status, cairn season) run on: the wall clock. Tests build
// cairn with the testclock tag, which lets CAIRN_TEST_CLOCK move it
// (clock_testclock.go); no other build reads that variable.
var now = time.Now
