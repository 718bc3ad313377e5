package reliability

import (
	"flag"
	"fmt"
	"os"
	"testing"
)

// long runs the long tier: thousands of tries instead of hundreds.
var long = flag.Bool("long", os.Getenv("CAIRN_RELIABILITY") == "long", "run the long tier (thousands of tries)")

// childEnv names the part a child process of this test binary plays; the
// risky work (reading damaged files, being killed, running out of disk)
// happens in children, so a crash is counted instead of ending the test.
const childEnv = "CAIRN_RELIABILITY_CHILD"

// children are the parts a child can play, by name.
var children = map[string]func() int{}

func TestMain(m *testing.M) {
	if role := os.Getenv(childEnv); role != "" {
		play, ok := children[role]
		if !ok {
			fmt.Fprintf(os.Stderr, "no child role %q\n", role)
			os.Exit(2)
		}
		os.Exit(play())
	}
	flag.Parse()
	os.Exit(m.Run())
}

// tries is n in the fast tier and more in the long one.
func tries(fast, longTier int) int {
	if *long {
		return longTier
	}
	return fast
}

// tally counts what happened to each try of a scenario, for the log and
// docs/RELIABILITY.md.
type tally struct {
	name   string
	counts map[string]int
	order  []string
}

func newTally(name string) *tally { return &tally{name: name, counts: map[string]int{}} }

func (t *tally) add(outcome string) {
	if _, ok := t.counts[outcome]; !ok {
		t.order = append(t.order, outcome)
	}
	t.counts[outcome]++
}

func (t *tally) total() int {
	n := 0
	for _, c := range t.counts {
		n += c
	}
	return n
}

func (t *tally) String() string {
	s := fmt.Sprintf("%s: %d tried", t.name, t.total())
	for _, o := range t.order {
		s += fmt.Sprintf(", %d %s", t.counts[o], o)
	}
	return s
}
