// Package reliability holds cairn's reliability suite (issue 12): the ways
// a runner's words could be lost, changed without a word, or crash the
// program, tried on purpose and counted.
//
// It has no code of its own beyond this comment; everything is in its
// tests, beside the packages they exercise where a scenario needs their
// insides:
//
//	kill_test.go        1. a writer killed (SIGKILL) at random points
//	cmd/cairn/wayout_test.go
//	                    2. every way out while typing in a real terminal
//	damage_test.go      3. damaged files: bytes, keys, truncation, pages, headers
//	diskfull_test.go    4. a full disk (RLIMIT_FSIZE) and a read-only folder
//	create_test.go      5. a crash while the first workbook is created
//	tui/sizes_test.go   6. every window size from 1×1 to 240×80
//	text_test.go        7. odd text saved and read back
//	Fuzz* targets       8. the JSON import, record decoding, the theme
//	                       engine, the journal's parsers, the root model
//	privacy_test.go     9. file modes under umask 000, and a canary
//
// `go test ./...` runs the fast tier: a few hundred tries of each, well
// under a minute here. The long tier runs thousands of each and fuzzes
// every target for a while:
//
//	scripts/reliability            # or: go test ./reliability -long
//
// docs/RELIABILITY.md has the long tier's figures.
package reliability
