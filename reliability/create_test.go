package reliability

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cairn-run/cairn/store"
)

// Suite part 5: a crash while the first workbook is created. A child
// creates a workbook in an empty folder and is killed (SIGKILL) a random
// moment after it starts; the next start must find no file, or a good
// one, and open it.

func init() { children["create"] = createChild }

func createChild() int {
	fmt.Println("ready")
	st, err := store.Open(os.Getenv("CAIRN_DB"))
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	if _, err := st.StartSeason(""); err != nil {
		fmt.Println("error", err)
		return 1
	}
	st.Close()
	fmt.Println("done")
	return 0
}

func TestKilledWhileCreating(t *testing.T) {
	n := tries(100, 1000)
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 5))
	tl := newTally("killed while creating the workbook")
	litter := 0
	for i := range n {
		dir := filepath.Join(t.TempDir(), "cairn")
		path := filepath.Join(dir, "cairn.db")
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"=create", "CAIRN_DB="+path)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(stdout)
		sc.Scan() // ready
		time.Sleep(time.Duration(r.IntN(6000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		for sc.Scan() {
		}
		cmd.Wait()

		existed := true
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			existed = false
		}
		st, err := store.Open(path)
		if err != nil {
			tl.add("could not open after")
			t.Errorf("kill %d: the next start: %v", i, err)
			continue
		}
		st.Close()
		if report, err := store.Check(path, nil); err != nil || !report.Healthy() {
			tl.add("damaged after")
			t.Errorf("kill %d: the file fails the check: %v %+v", i, err, report.Problems)
			continue
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".new-") {
				litter++
			}
		}
		if existed {
			tl.add("found a good file")
		} else {
			tl.add("found no file")
		}
	}
	if litter > 0 {
		t.Errorf("%d half-made temporary files were left beside the workbook", litter)
	}
	t.Log(tl)
}

// TestFirstWorkbookInAReadOnlyFolder: creating the first workbook where
// nothing can be written is refused with a message, and leaves nothing.
func TestFirstWorkbookInAReadOnlyFolder(t *testing.T) {
	dir, cmd := asNobodyOrMe(t)
	folder := filepath.Join(dir, "locked")
	if err := os.Mkdir(folder, 0o555); err != nil {
		t.Fatal(err)
	}
	cmd.Env = append(os.Environ(), childEnv+"=create", "CAIRN_DB="+filepath.Join(folder, "cairn.db"))
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), "error") || !strings.Contains(string(out), folder) {
		t.Errorf("creating in a read-only folder:\n%s", out)
	}
	if entries, _ := os.ReadDir(folder); len(entries) > 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// asNobodyOrMe is asNobody for root, and this binary as it is otherwise.
func asNobodyOrMe(t *testing.T) (string, *exec.Cmd) {
	if os.Geteuid() == 0 {
		return asNobody(t)
	}
	return t.TempDir(), exec.Command(os.Args[0], "-test.run=^$")
}
