// Package starttrace marks the moments of cairn's start-up, for
// scripts/bench's breakdown of where the time to the first frame goes
// (docs/PERFORMANCE.md). An ordinary build compiles every Mark to nothing.
// A build with the starttrace tag records the time of each moment's
// first Mark and, at Write, writes them to the file named by
// CAIRN_STARTTRACE, one "moment microseconds" line each, counted from
// CAIRN_STARTTRACE_T0 (Unix nanoseconds: when the harness asked for the
// program to start) or, without it, from the first mark.
package starttrace
