package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestDamagedCopiesInTheRealApp opens damaged copies of a real workbook in
// the real app, in a real terminal (issue 12: 33 of 593 such copies
// crashed it, 19 of them exiting 0, 33 opened on changed data and 2 were
// written to). Each copy has a random byte changed, is cut short, or has a
// page zeroed. The app must open the recovery mode and write nothing,
// refuse with a message and write nothing, or open a workbook that reads
// back exactly as the undamaged one; never crash. The reliability package
// tries thousands of copies every way cairn reads them; this is the
// window itself. The fast tier tries 20; the long tier (CAIRN_RELIABILITY=long) 600.
func TestDamagedCopiesInTheRealApp(t *testing.T) {
	n := 20
	if os.Getenv("CAIRN_RELIABILITY") == "long" {
		n = 600
	}
	needTmux(t)
	base := fullWorkbook(t)
	want := ok(t, "", "--db", base, "export", "--format", "json")
	seed := uint64(time.Now().UnixNano())
	r := rand.New(rand.NewPCG(seed, 7))
	t.Logf("seed %d", seed)
	tally := map[string]int{}
	for i := range n {
		how, db := "", ""
		db = damagedCopy(t, base, func(b []byte) []byte {
			switch r.IntN(3) {
			case 0:
				at := r.IntN(len(b))
				b[at] ^= byte(1 + r.IntN(255))
				how = fmt.Sprintf("byte %d changed", at)
			case 1:
				cut := r.IntN(len(b))
				b = b[:cut]
				how = fmt.Sprintf("cut at %d", cut)
			default:
				page := r.IntN(len(b) / 4096)
				clear(b[page*4096 : (page+1)*4096])
				how = fmt.Sprintf("page %d zeroed", page)
			}
			return b
		})
		before := hash(t, db)
		outcome := openDamaged(t, db, want)
		tally[outcome]++
		switch outcome {
		case "recovery mode", "refused":
			if hash(t, db) != before {
				t.Errorf("copy %d (%s): the damaged file was written to", i, how)
			}
		case "opened, unharmed":
		default:
			t.Errorf("copy %d (%s): %s", i, how, outcome)
		}
	}
	t.Logf("damaged copies in the real app: %d tried: %v", n, tally)
}

// openDamaged opens db in the app and says how that went.
func openDamaged(t *testing.T, db string, want string) string {
	t.Helper()
	tm := startTerminal(t, 100, 30, "--db", db)
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := tm.screen()
		dead := strings.TrimSpace(tm.tmux("display-message", "-p", "-t", "main", "#{pane_dead} #{pane_dead_status}"))
		switch {
		case strings.Contains(s, "goroutine ") || strings.Contains(s, "panic"):
			return "crashed:\n" + s
		case strings.Contains(s, "read-only"):
			tm.keys("q")
			tm.waitDead()
			return "recovery mode"
		case strings.Contains(s, "Welcome back"):
			if !strings.Contains(s, "answered 2 of 8") || !strings.Contains(s, "drafted 4 goals") {
				return "opened on changed data:\n" + s
			}
			// The check at start runs just after the first frame
			// (atstart.go): damage the first screen did not read shows
			// its welcome for a moment, then the recovery mode. A key
			// sent before the verdict could reach the recovery mode
			// instead, so the test waits for it.
			if verdictIsRecovery(tm, db) {
				tm.keys("q")
				tm.waitDead()
				return "recovery mode"
			}
			tm.keys("q")
			tm.waitDead()
			r := runCairn(t, "", nil, "--db", db, "export", "--format", "json")
			exported := regexp.MustCompile(`"exported": "[^"]*"`)
			if r.code != 0 || !bytes.Equal(exported.ReplaceAll([]byte(r.stdout), nil), exported.ReplaceAll([]byte(want), nil)) {
				return "opened, and the file then read back differently"
			}
			return "opened, unharmed"
		case strings.HasPrefix(dead, "1 0"):
			return "exited 0 without opening:\n" + s
		case strings.HasPrefix(dead, "1"):
			return "refused"
		case time.Now().After(deadline):
			return "neither opened nor refused:\n" + s
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// verdictIsRecovery waits for the check at start's verdict in the app:
// the recovery mode on the screen, or today's copy of the workbook made
// beside it, which the app makes only once the check has passed.
func verdictIsRecovery(tm *terminal, db string) bool {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(tm.screen(), "read-only") {
			return true
		}
		if copies, _ := filepath.Glob(db + ".daily-*"); len(copies) > 0 {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}
