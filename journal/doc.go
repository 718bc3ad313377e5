// Package journal is the after-run journal's logic, pure Go: reading what
// runners type (durations, distances, dates said the way people say them),
// checking an entry before it is kept, and the arithmetic of the mirror
// the journal holds up — lift, weekly sums, averages by kind of run and by
// value, weeks counted against the runner's own plan, and progress toward
// a goal with a number in it.
//
// It imports neither bbolt nor Bubble Tea: the store keeps entries, the
// screens and commands show what this package works out, and `cairn
// status` (a later issue) calls GoalProgress as the board does.
package journal
