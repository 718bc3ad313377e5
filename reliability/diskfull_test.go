package reliability

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/store"
)

// Suite part 4: the disk fills, or the file turns read-only, while the
// runner writes. The workbook's own model runs in a child process, on its
// own clock: after a first save, the child limits the size of files it
// may write (RLIMIT_FSIZE, as a full disk refuses) or makes the workbook
// read-only, and types on. Within a second the header must say "not saved
// yet" and the status line why, the words must stay on screen, and once
// the fault is lifted the retry must save every word.

func init() { children["diskfull"] = diskfullChild }

const (
	firstWords = "First words."
	laterWords = " Then the hill, in the rain."
)

// diskfullChild plays the runner in the workbook at $CAIRN_DB while the
// fault $CAIRN_FAULT (fsize or readonly) comes and goes. It prints "ok"
// and how soon the failure showed, or what went wrong.
func diskfullChild() int {
	path, fault := os.Getenv("CAIRN_DB"), os.Getenv("CAIRN_FAULT")
	fail := func(format string, args ...any) int {
		fmt.Printf("fail "+format+"\n", args...)
		return 1
	}
	st, err := store.Open(path)
	if err != nil {
		return fail("open: %v", err)
	}
	d := newDriver(st, 100, 30)
	d.send(tea.KeyPressMsg{Code: tea.KeyEnter})
	d.typeText(firstWords)
	for range 20 {
		d.advance(50 * time.Millisecond)
	}
	if !strings.Contains(d.view(), "✓ saved") {
		return fail("the first words never saved:\n%s", d.view())
	}

	var lift func() error
	switch fault {
	case "fsize":
		var old syscall.Rlimit
		syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old)
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: 8192, Max: old.Max}); err != nil {
			return fail("setrlimit: %v", err)
		}
		lift = func() error { return syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old) }
	case "readonly":
		if err := os.Chmod(path, 0o400); err != nil {
			return fail("chmod: %v", err)
		}
		lift = func() error { return os.Chmod(path, 0o600) }
	default:
		return fail("no fault %q", fault)
	}
	typed := d.now
	d.typeText(laterWords)
	shown := time.Duration(-1)
	for range 40 {
		d.advance(25 * time.Millisecond)
		v := d.view()
		if shown < 0 && strings.Contains(v, "not saved yet") && strings.Contains(v, "Could not save") {
			shown = d.now.Sub(typed)
		}
	}
	if shown < 0 {
		return fail("the failure was never shown:\n%s", d.view())
	}
	if !strings.Contains(d.view(), "in the rain") {
		return fail("the words left the screen:\n%s", d.view())
	}
	if err := lift(); err != nil {
		return fail("lift the fault: %v", err)
	}
	for range 50 {
		d.advance(100 * time.Millisecond)
	}
	if !strings.Contains(d.view(), "✓ saved") {
		return fail("the retry never saved:\n%s", d.view())
	}
	st.Close()
	r, err := store.OpenReadOnly(path)
	if err != nil {
		return fail("reopen: %v", err)
	}
	defer r.Close()
	cur, err := r.CurrentSeason()
	if err != nil {
		return fail("reopen: %v", err)
	}
	wb, err := r.Workbook(cur.ID)
	if err != nil {
		return fail("reopen: %v", err)
	}
	if got := wb.Answers["numbers-or-feelings"].Text; got != firstWords+laterWords {
		return fail("the answer on disk is %q", got)
	}
	fmt.Printf("ok %v\n", shown)
	return 0
}

func TestDiskFullAndReadOnly(t *testing.T) {
	n := tries(1, 25)
	for _, fault := range []string{"fsize", "readonly"} {
		t.Run(fault, func(t *testing.T) {
			for range n {
				diskFault(t, fault)
			}
			t.Logf("%s: %d tried, %d survived (shown within a second, kept on screen, saved by the retry)", fault, n, n)
		})
	}
}

// diskFault runs one child through fault.
func diskFault(t *testing.T, fault string) {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if fault == "readonly" && os.Geteuid() == 0 {
		// Root writes to read-only files: the child runs as another
		// user, from a copy of this binary it can run.
		dir, cmd = asNobody(t)
	}
	cmd.Env = append(os.Environ(), childEnv+"=diskfull", "CAIRN_DB="+filepath.Join(dir, "cairn.db"), "CAIRN_FAULT="+fault)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if err != nil || !strings.HasPrefix(out.String(), "ok ") {
		t.Fatalf("%v\n%s", err, out.String())
	}
	t.Logf("the failure showed %s after the keys", strings.TrimPrefix(strings.TrimSpace(out.String()), "ok "))
}

// nobody is the other user children run as, where root would not be
// refused.
const nobody = 65534

// asNobody returns a folder anyone may write in and a command that runs
// a copy of this test binary, there, as another user.
func asNobody(t *testing.T) (string, *exec.Cmd) {
	t.Helper()
	dir, err := os.MkdirTemp("", "cairn-reliability")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o1777); err != nil {
		t.Fatal(err)
	}
	src, err := os.Open(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	bin := filepath.Join(dir, "reliability.test")
	dst, err := os.OpenFile(bin, os.O_WRONLY|os.O_CREATE, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	dst.Close()
	cmd := exec.Command(bin, "-test.run=^$")
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	return dir, cmd
}
