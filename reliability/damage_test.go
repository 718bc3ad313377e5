package reliability

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui"
)

// Suite part 3: damaged files. Each try damages a fresh copy of a real
// workbook one way, then reads it every way cairn does, in a child
// process so that a crash is counted rather than ending the test:
//
//   - cairn check (store.Check);
//   - a reader, as export does (OpenReadOnly, then everything in it);
//   - the app: the quick check at start and, if that passes, the editor's
//     Open and the workbook's own model loading its first screen.
//
// Each try ends one way:
//
//	unharmed      every read gives back exactly what was written
//	reported      the damage is an error: the check finds it (the app opens
//	              its recovery mode), the file is refused with a message, or
//	              the app finds it once open (and then checks the file and
//	              opens the recovery mode)
//	crashed       the child died (a panic, SIGBUS) or hung
//	silent change a read gave back something else without a word
//	wrote         the file changed while it was damaged
//	words shown   a message repeated what the runner wrote

// damageKinds are the ways a copy is damaged, with their share of tries.
var damageKinds = []struct {
	name  string
	share int
	apply func(r *rand.Rand, raw []byte, l *layout) []byte
}{
	{"one byte changed in bytes the file uses", 30, func(r *rand.Rand, raw []byte, l *layout) []byte {
		o := pick(l.used, r.IntN(size(l.used)))
		raw[o] ^= byte(1 + r.IntN(255))
		return raw
	}},
	{"one byte changed in a key", 20, func(r *rand.Rand, raw []byte, l *layout) []byte {
		o := pick(l.keys, r.IntN(size(l.keys)))
		raw[o] ^= byte(1 + r.IntN(255))
		return raw
	}},
	{"truncated at a random length", 17, func(r *rand.Rand, raw []byte, _ *layout) []byte {
		return raw[:r.IntN(len(raw))]
	}},
	{"one page zero-filled", 13, func(r *rand.Rand, raw []byte, l *layout) []byte {
		p := l.pages[r.IntN(len(l.pages))]
		clear(raw[p*l.pageSize : min((p+1)*l.pageSize, len(raw))])
		return raw
	}},
	{"two pages swapped", 10, func(r *rand.Rand, raw []byte, l *layout) []byte {
		a, b := l.pages[r.IntN(len(l.pages))], l.pages[r.IntN(len(l.pages))]
		for a == b {
			b = r.IntN(len(raw) / l.pageSize)
		}
		pa, pb := raw[a*l.pageSize:(a+1)*l.pageSize], raw[b*l.pageSize:(b+1)*l.pageSize]
		tmp := bytes.Clone(pa)
		copy(pa, pb)
		copy(pb, tmp)
		return raw
	}},
	{"both header pages damaged", 5, func(r *rand.Rand, raw []byte, l *layout) []byte {
		for i := range 2 {
			raw[i*l.pageSize+pageHeader+r.IntN(64)] ^= byte(1 + r.IntN(255))
		}
		return raw
	}},
	{"the newest header page damaged", 5, func(r *rand.Rand, raw []byte, l *layout) []byte {
		newest := 0
		if le64(raw[l.pageSize+pageHeader+48:]) > le64(raw[pageHeader+48:]) {
			newest = 1
		}
		raw[newest*l.pageSize+pageHeader+r.IntN(64)] ^= byte(1 + r.IntN(255))
		return raw
	}},
}

func init() { children["damage"] = damageChild }

func TestDamagedFiles(t *testing.T) {
	n := tries(300, 5100)
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("CAIRN_RELIABILITY_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (CAIRN_RELIABILITY_SEED repeats it)", seed)
	r := rand.New(rand.NewPCG(seed, 12))

	dir := t.TempDir()
	base := filepath.Join(dir, "base", "cairn.db")
	if err := os.MkdirAll(filepath.Dir(base), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := writeFullWorkbook(base); err != nil {
		t.Fatal(err)
	}
	truth, err := readFile(base)
	if err != nil {
		t.Fatal(err)
	}
	truthFile := filepath.Join(dir, "truth.json")
	if err := os.WriteFile(truthFile, []byte(truth), 0o600); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	l, err := readLayout(raw)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("a %d KB workbook: %d pages in use, %d bytes used, %d in keys", len(raw)>>10, len(l.pages), size(l.used), size(l.keys))

	shares := 0
	for _, k := range damageKinds {
		shares += k.share
	}
	var paths, kinds []string
	for i, k := range damageKinds {
		count := n * k.share / shares
		if i == 0 {
			count += n - n/shares*shares // the rounding goes to the first
		}
		for range count {
			path := filepath.Join(dir, fmt.Sprintf("d%05d", len(paths)), "cairn.db")
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := copyWithLock(base, path, k.apply(r, bytes.Clone(raw), l)); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, path)
			kinds = append(kinds, k.name)
		}
	}
	outcomes := runDamageChildren(t, paths, truthFile)

	tallies := map[string]*tally{}
	all := newTally("all damage")
	for i, o := range outcomes {
		tl := tallies[kinds[i]]
		if tl == nil {
			tl = newTally(kinds[i])
			tallies[kinds[i]] = tl
		}
		tl.add(o.outcome)
		all.add(o.outcome)
		switch {
		case o.outcome == "unharmed", strings.HasPrefix(o.outcome, "reported"):
		default:
			t.Errorf("%s (%s, kept at %s): %s", o.outcome, kinds[i], paths[i], o.detail)
			keep(t, paths[i])
		}
	}
	for _, k := range damageKinds {
		if tl := tallies[k.name]; tl != nil {
			t.Log(tl)
		}
	}
	t.Log(all)
}

// keep copies a damaged file that failed out of the temporary folder, so
// it can be looked at after the test.
func keep(t *testing.T, path string) {
	dst := filepath.Join(os.TempDir(), "cairn-reliability-failed", strings.ReplaceAll(strings.TrimPrefix(path, os.TempDir()), "/", "_"))
	os.MkdirAll(filepath.Dir(dst), 0o700)
	if raw, err := os.ReadFile(path); err == nil {
		os.WriteFile(dst, raw, 0o600)
	}
}

// hangAfter is how long a child may take over one file.
const hangAfter = 20 * time.Second

// outcome is how one damaged file ended.
type outcome struct{ outcome, detail string }

// runDamageChildren has children examine paths in order, a new child
// after each crash, and returns each path's outcome.
func runDamageChildren(t *testing.T, paths []string, truthFile string) []outcome {
	list := filepath.Join(t.TempDir(), "list")
	if err := os.WriteFile(list, []byte(strings.Join(paths, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	out := make([]outcome, len(paths))
	for next := 0; next < len(paths); {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"=damage", "CAIRN_LIST="+list, "CAIRN_TRUTH="+truthFile, "CAIRN_FROM="+strconv.Itoa(next))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		begun := -1
		// A file that takes a child longer than hangAfter is a hang.
		alive := make(chan struct{}, 1)
		hung := false
		go func() {
			for {
				select {
				case _, ok := <-alive:
					if !ok {
						return
					}
				case <-time.After(hangAfter):
					hung = true
					cmd.Process.Kill()
					return
				}
			}
		}()
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			alive <- struct{}{}
			f := strings.SplitN(sc.Text(), " ", 4)
			i, _ := strconv.Atoi(f[1])
			switch f[0] {
			case "begin":
				begun = i
			case "result":
				detail := ""
				if len(f) == 4 {
					detail = f[3]
				}
				out[i] = outcome{strings.ReplaceAll(f[2], "_", " "), detail}
				begun = -1
				next = i + 1
			}
		}
		close(alive)
		err = cmd.Wait()
		if begun >= 0 && hung {
			out[begun] = outcome{"crashed", fmt.Sprintf("hung: no answer in %v", hangAfter)}
			next = begun + 1
		} else if begun >= 0 {
			last := stderr.String()
			if j := strings.Index(last, "panic"); j >= 0 {
				last = last[j:min(len(last), j+300)]
			} else {
				last = last[:min(len(last), 300)]
			}
			out[begun] = outcome{"crashed", fmt.Sprintf("%v: %s", err, last)}
			next = begun + 1
		} else if err != nil && next < len(paths) {
			t.Fatalf("the child failed between files: %v\n%s", err, stderr.String())
		}
	}
	return out
}

// damageChild examines each file in $CAIRN_LIST from line $CAIRN_FROM.
func damageChild() int {
	rawList, err := os.ReadFile(os.Getenv("CAIRN_LIST"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	truth, err := os.ReadFile(os.Getenv("CAIRN_TRUTH"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	from, _ := strconv.Atoi(os.Getenv("CAIRN_FROM"))
	paths := strings.Split(string(rawList), "\n")
	for i := from; i < len(paths); i++ {
		fmt.Printf("begin %d\n", i)
		o := examine(paths[i], string(truth))
		fmt.Printf("result %d %s %s\n", i, strings.ReplaceAll(o.outcome, " ", "_"), strings.ReplaceAll(o.detail, "\n", " "))
	}
	return 0
}

// examine reads the damaged workbook at path every way cairn does and
// says how that ended.
func examine(path, truth string) outcome {
	before := fileSum(path)
	var messages []string
	note := func(err error) {
		if err != nil {
			messages = append(messages, err.Error())
		}
	}

	// cairn check.
	report, cerr := store.Check(path, nil)
	note(cerr)
	for _, p := range report.Problems {
		messages = append(messages, p.Where+": "+p.What)
	}
	checkFound := cerr != nil || !report.Healthy()

	// A reader, as export.
	got, rerr := readFile(path)
	note(rerr)
	if rerr == nil && got != truth {
		return outcome{"silent change", "a reader read something else without an error" + checkWords(checkFound)}
	}

	// The app: the quick check, then the editor and the first screen.
	quick, qerr := store.CheckQuick(path, nil)
	note(qerr)
	recovery := qerr == nil && !quick.Healthy()
	refused := qerr != nil && !errors.Is(qerr, store.ErrNotCairn) && !errors.Is(qerr, store.ErrNewerSchema) && !errors.Is(qerr, store.ErrNotFound)
	appSaw := ""
	if !recovery && !refused {
		var err error
		appSaw, err = openApp(path)
		note(err)
		if err == nil && appSaw != truth {
			return outcome{"silent change", "the app opened on something else" + checkWords(checkFound)}
		}
	}
	if fileSum(path) != before {
		if rerr != nil || checkFound {
			return outcome{"wrote", "the damaged file was written to"}
		}
	}
	if words := holdsWords(strings.Join(messages, "\n")); len(words) > 0 {
		return outcome{"words shown", fmt.Sprintf("a message repeats %q", words)}
	}
	if rerr == nil && !checkFound && !recovery && !refused {
		return outcome{"unharmed", ""}
	}
	switch {
	case recovery:
		return outcome{"reported, recovery mode", ""}
	case qerr != nil:
		return outcome{"reported, refused as " + refusal(qerr), ""}
	}
	return outcome{"reported, by the app once open", ""}
}

// refusal names the kind of error the app refused a file with.
func refusal(err error) string {
	switch {
	case errors.Is(err, store.ErrNotCairn):
		return "not a workbook"
	case errors.Is(err, store.ErrNewerSchema):
		return "from a newer cairn"
	case errors.Is(err, store.ErrNotFound):
		return "not there"
	case errors.Is(err, store.ErrDamaged):
		return "damaged"
	}
	return "unreadable"
}

func checkWords(found bool) string {
	if found {
		return " (cairn check finds the damage)"
	}
	return " (and cairn check finds nothing)"
}

// openApp opens the workbook as the app does once its check has passed:
// the editor's Open, then the workbook's model, loading its first screen
// and drawing it. It returns what the editor then reads.
func openApp(path string) (string, error) {
	st, err := store.Open(path, store.AsWindow())
	if err != nil {
		return "", err
	}
	defer st.Close()
	m := tui.New(st, tui.Options{
		Now:    time.Now,
		Dark:   true,
		Tick:   func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil },
		Getenv: func(string) string { return "" },
	})
	var model tea.Model = m
	queue := []tea.Cmd{m.Init()}
	model, cmd := model.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	queue = append(queue, cmd)
	for steps := 0; len(queue) > 0 && steps < 500; steps++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			var more tea.Cmd
			model, more = model.Update(msg)
			queue = append(queue, more)
		}
	}
	_ = model.View()
	if err := model.(tui.Model).Err(); err != nil {
		return "", err
	}
	return readContents(st)
}
