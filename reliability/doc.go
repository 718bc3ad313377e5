// Package reliability holds cairn's reliability suite (issue 12): the ways
// a runner's words could be lost, changed without a word, or crash the
// program, tried on purpose and counted.
//
// It has no code of its own beyond this comment; everything is in its
// tests, here or beside the packages they exercise where a scenario needs
// their insides or the built binary:
//
//	kill_test.go        1. a writer killed (SIGKILL) at random points
//	cmd/cairn/wayout_test.go
//	                    2. every way out while typing in a real terminal
//	damage_test.go      3. damaged files: bytes, keys, truncation, pages, headers
//	cmd/cairn/damaged_app_test.go
//	                       the same, opened in the real app in tmux
//	diskfull_test.go    4. a full disk (RLIMIT_FSIZE) and a read-only file
//	create_test.go         and a read-only folder for the first workbook
//	create_test.go      5. a crash while the first workbook is created
//	tui/sizes_test.go   6. every window size from 1×1 to 240×80
//	text_test.go        7. odd text saved and read back
//	fuzz_test.go        8. the JSON import here; record decoding (store),
//	                       the theme engine (detect), the journal's parsers
//	                       (journal), the root model (tui), the text box
//	                       (tui/textbox): each package's fuzz_test.go
//	cmd/cairn/privacy_test.go
//	                    9. file modes under umask 000, and a canary
//
// `go test ./...` runs the fast tier: a few hundred tries of each, about
// 35 s of test time here. The long tier runs thousands of each and fuzzes
// every target for a while:
//
//	scripts/reliability            # or: go test ./reliability -long
//
// docs/RELIABILITY.md has the long tier's figures.
package reliability
