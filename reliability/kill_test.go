package reliability

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

// Suite part 1: a writer killed at random points. A child saves answers,
// moves and edits goals and writes journal entries as fast as it can,
// saying "try" before each save and "ack" once the save has returned; the
// parent kills it (SIGKILL) after a random few milliseconds, then opens
// the workbook. Every acknowledged save must be there byte for byte (or
// the one the child was making when it died, which may or may not have
// landed), and the file must pass the check. The same file lives on
// through every kill, as a runner's does.

func init() { children["writer"] = writerChild }

// questions are the answers the writer keeps rewriting.
var questions = []string{"numbers-or-feelings", "beyond-running", "proud-moment", "big-dream"}

// goalIDs are the goals the writer keeps moving.
var goalIDs = []string{"01a3ffc816400000b001", "01a3ffc816400000b002", "01a3ffc816400000b003"}

var tiers = []workbook.Tier{workbook.Small, workbook.Medium, workbook.Big}

// writerChild writes to the workbook at $CAIRN_DB, season $CAIRN_SEASON,
// until it is killed: it never ends on its own.
func writerChild() int {
	st, err := store.Open(os.Getenv("CAIRN_DB"))
	if err != nil {
		fmt.Println("error", strings.ReplaceAll(err.Error(), "\n", " "))
		return 1
	}
	season := os.Getenv("CAIRN_SEASON")
	seed, _ := strconv.ParseUint(os.Getenv("CAIRN_SEED"), 10, 64)
	r := rand.New(rand.NewPCG(seed, 1))
	out := bufio.NewWriter(os.Stdout)
	say := func(format string, args ...any) {
		fmt.Fprintf(out, format+"\n", args...)
		out.Flush()
	}
	for n := 0; ; n++ {
		text := fmt.Sprintf("%d %s %x", n, strings.Repeat("words ", r.IntN(200)), r.Uint64())
		var key string
		var err error
		switch r.IntN(3) {
		case 0:
			q := questions[r.IntN(len(questions))]
			key = "answer/" + q
			say("try %s %s", key, text)
			err = st.SaveAnswer(season, workbook.Answer{Question: q, Text: text, Updated: time.Now().UTC()})
		case 1:
			id := goalIDs[r.IntN(len(goalIDs))]
			tier := tiers[r.IntN(len(tiers))]
			key = "goal/" + id
			say("try %s %s|%s", key, tier, text)
			now := time.Now().UTC()
			err = st.PutGoal(season, workbook.Goal{ID: id, Tier: tier, Text: text, Created: now, Updated: now})
		default:
			id := workbook.NewID(time.Now())
			key = "entry/" + id
			say("try %s %s", key, text)
			now := time.Now().UTC()
			err = st.PutEntry(workbook.Entry{ID: id, Day: workbook.DayOf(now), Metres: 5000 + n, Note: text,
				Source: workbook.Source{Kind: workbook.Logged}, Created: now, Updated: now})
		}
		if err != nil {
			say("error %s", strings.ReplaceAll(err.Error(), "\n", " "))
			return 1
		}
		say("ack %s", key)
	}
}

// onDisk reads what the workbook holds under every key the writer uses.
func onDisk(path, season string) (map[string]string, error) {
	st, err := store.OpenReadOnly(path)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	wb, err := st.Workbook(season)
	if err != nil {
		return nil, err
	}
	got := map[string]string{}
	for q, a := range wb.Answers {
		got["answer/"+q] = a.Text
	}
	for _, g := range wb.Goals {
		got["goal/"+g.ID] = string(g.Tier) + "|" + g.Text
	}
	entries, _, err := st.JournalPage("", 1<<20, false)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		got["entry/"+e.ID] = e.Note
	}
	return got, nil
}

func TestKilledWhileSaving(t *testing.T) {
	n := tries(200, 2000)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 2))
	path := filepath.Join(t.TempDir(), "cairn.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	season, err := st.StartSeason("")
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	acked := map[string]string{} // the last acknowledged value of each key
	tl := newTally("killed while saving")
	saves := 0
	for i := range n {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"=writer", "CAIRN_DB="+path, "CAIRN_SEASON="+season.ID, "CAIRN_SEED="+strconv.Itoa(i)+strconv.FormatUint(seed%1000, 10))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(1+r.IntN(60)) * time.Millisecond
		timer := time.AfterFunc(delay, func() { cmd.Process.Signal(syscall.SIGKILL) })
		// The child's lines are read as they come; those it wrote before
		// it died are all there to read after.
		inFlight := map[string]string{}
		var lines []string
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			lines = append(lines, sc.Text())
		}
		cmd.Wait()
		timer.Stop()
		for _, line := range lines {
			f := strings.SplitN(line, " ", 3)
			switch f[0] {
			case "try":
				if len(f) == 3 {
					inFlight[f[1]] = f[2]
				}
			case "ack":
				acked[f[1]] = inFlight[f[1]]
				delete(inFlight, f[1])
				saves++
			case "error":
				t.Fatalf("the writer failed: %s", line)
			}
		}
		report, err := store.Check(path, nil)
		if err != nil || !report.Healthy() {
			tl.add("failed the check")
			t.Fatalf("after kill %d (at %v) the file fails the check: %v %+v", i, delay, err, report.Problems)
		}
		got, err := onDisk(path, season.ID)
		if err != nil {
			t.Fatalf("after kill %d: %v", i, err)
		}
		lost := 0
		for key, want := range acked {
			have := got[key]
			switch {
			case have == want:
			case inFlight[key] != "" && have == inFlight[key]:
				acked[key] = have // the save in flight landed
			default:
				lost++
				t.Errorf("after kill %d: %s holds %.40q, acknowledged %.40q", i, key, have, want)
			}
		}
		// A save in flight to a key never acknowledged may have landed.
		for key, v := range inFlight {
			if _, ok := acked[key]; !ok && got[key] == v {
				acked[key] = v
			}
		}
		if lost > 0 {
			tl.add("lost an acknowledged save")
		} else {
			tl.add("survived")
		}
	}
	t.Logf("%v; %d acknowledged saves, %d keys", tl, saves, len(acked))
}
