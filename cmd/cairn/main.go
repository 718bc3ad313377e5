// Command cairn is a reflection workbook for runners: reflect first, then
// set goals, one quiet screen at a time.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/fang/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/internal/starttrace"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui"
	"github.com/cairn-run/cairn/tui/common"
)

func init() { starttrace.Mark("inits") }

func main() {
	starttrace.Mark("main")
	root := rootCmd()
	help := asksForHelp(os.Args[1:])
	out := &trimmedLines{w: os.Stdout}
	if help {
		root.SetOut(out)
	}
	err := fang.Execute(context.Background(), root, fang.WithErrorHandler(printError))
	if help {
		out.Flush()
	}
	if crash != nil {
		fmt.Fprintf(os.Stderr, "\n  %s.\n\n", strings.ReplaceAll(crash.Error(), "\n", "\n  "))
		os.Exit(crash.code)
	}
	var exit *exitError
	switch {
	case errors.As(err, &exit):
		os.Exit(exit.code)
	case err != nil:
		os.Exit(1)
	}
}

// exitError ends cairn with a status of its own, after printing err (if
// any) as any other error is printed.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// exitWith ends cairn with status code; err, if not nil, says why.
func exitWith(code int, err error) error { return &exitError{code: code, err: err} }

// printError is fang's error layout without its title-casing, which turns
// a path such as /tmp/cairn.db into /Tmp/Cairn.db, and without a fixed
// width that could break a path in two. An exit that has said everything
// already prints nothing.
func printError(w io.Writer, styles fang.Styles, err error) {
	var exit *exitError
	if errors.As(err, &exit) && exit.err == nil {
		return
	}
	fmt.Fprintln(w, styles.ErrorHeader.String())
	// Each line on its own: a block of several would be padded to its
	// widest line, leaving blanks at the end of the others.
	text := styles.ErrorText.UnsetTransform().UnsetWidth()
	for line := range strings.SplitSeq(err.Error()+".", "\n") {
		fmt.Fprintln(w, text.Render(line))
	}
	fmt.Fprintln(w)
}

func rootCmd() *cobra.Command {
	var db string
	root := &cobra.Command{
		Use:   "cairn",
		Short: "A reflection workbook for runners",
		Long: "cairn walks you through a coach's exercise: reflect on why you run, find the themes\n" +
			"in your answers, then draft small, medium and big goals beside them.\n" +
			"Everything is kept in one private file on this computer.\n\n" +
			"With no command, cairn opens the workbook. The commands below read and write it\n" +
			"from the shell; the reading ones work while cairn has it open in another window.",
		Example: "  cairn\n" +
			"  cairn --db ~/coaching/ana.db\n" +
			"  cairn export --format md -o season.md",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := dbPath(db)
			if err != nil {
				return err
			}
			return runWorkbook(path)
		},
	}
	addDB(root, &db)
	root.AddCommand(exportCmd(&db), importCmd(&db), backupCmd(&db), checkCmd(&db))
	root.AddCommand(themesCmd(&db), ideasCmd())
	root.AddCommand(logCmd(&db), journalCmd(&db), importRunsCmd(&db))
	root.AddCommand(statusCmd(&db), seasonCmd(&db))
	root.AddCommand(encryptCmd(&db), decryptCmd(&db), passphraseCmd(&db))
	refuseRepeats(root)
	return root
}

// dbPath picks the workbook file: --db, then CAIRN_DB, then the XDG data
// directory, falling back to ~/.local/share.
func dbPath(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if env := os.Getenv("CAIRN_DB"); env != "" {
		return env, nil
	}
	data := os.Getenv("XDG_DATA_HOME")
	if data == "" || !filepath.IsAbs(data) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find your home folder for the workbook (or pass --db): %w", err)
		}
		data = filepath.Join(home, ".local", "share")
	}
	folder := filepath.Join(data, "cairn")
	if err := privateFolder(folder); err != nil {
		return "", err
	}
	return filepath.Join(folder, "cairn.db"), nil
}

// privateFolder makes cairn's own data folder, if it is there already,
// readable by its owner only (0700), as the file is: a folder made by
// hand or by an older build could be 0755, showing every backup's name
// and date to anyone on the machine. A folder --db points into is the
// runner's to keep as they like, and is left alone.
func privateFolder(folder string) error {
	info, err := os.Lstat(folder)
	if err != nil || !info.IsDir() || info.Mode().Perm()&0o077 == 0 {
		return nil // not there yet (Open makes it 0700), or private already
	}
	if err := os.Chmod(folder, info.Mode().Perm()&0o700); err != nil {
		return fmt.Errorf("make cairn's folder %s private (readable by you only): %w.\nRun chmod 700 on it, or pass --db", folder, errors.Unwrap(err))
	}
	return nil
}

// runWorkbook opens the store and runs the workbook until the runner quits
// or a signal arrives; either way everything typed is saved first.
//
// A workbook already there is checked as the app opens it, in a child
// process (check.go), once cairn holds the editor's lock (a second window
// is told at once, without checking), and just after the first frame
// (atstart.go): nothing is written to it until the check has passed, every
// read meanwhile is guarded, and a damaged one opens in the recovery mode
// instead, read-only, never written to. One that passes gets today's copy
// beside it (store.DailyBackup), made while the runner starts writing.
func runWorkbook(path string) error {
	starttrace.Mark("run")
	defer starttrace.Write()
	if !haveTerminal() {
		return errors.New("cairn needs a terminal to open the workbook, and there is none here, so nothing was opened or created.\n" +
			"From a script, use the commands instead: cairn export, cairn log, cairn status (cairn --help lists them all)")
	}
	if ok, err := unlockApp(path); err != nil || !ok {
		return err
	}
	// cairn's own copies left plain beside an encrypted workbook are
	// encrypted now, before the workbook is opened (and locked); what was
	// found is said on the status line.
	notes := sweepCopies(path)
	opts := []store.Option{store.WithClock(now), store.AsWindow()}
	var check *startCheck
	if _, err := os.Lstat(path); err == nil {
		check = checkAtStart(path)
		opts = append(opts, store.WithGate(check.gate))
	}
	st, err := store.Open(path, opts...)
	if err != nil {
		if mayBeDamage(err) {
			if r, damaged := check.damaged(); damaged {
				return runRecovery(path, r)
			}
		}
		return explain(err)
	}
	defer st.Close()
	starttrace.Mark("opened")

	colors, allColors := startColors(os.Environ())
	// A workbook whose state cannot be read is taken as encrypted: the
	// editor, which writes the text to a file, stays off.
	encrypted, err := store.Encrypted(path)
	encrypted = encrypted || err != nil
	topts := tui.Options{Now: now, Dark: true, FrameEvery: time.Second / 60, Checking: check != nil, OfferPassphrase: !encrypted, Encrypted: encrypted}
	if check != nil {
		topts.Drawn = check.start
	}
	g := newGuard(tui.New(st, topts), filepath.Dir(path))
	p := tea.NewProgram(g, tea.WithoutSignalHandler(), tea.WithColorProfile(colors), tea.WithFPS(120))
	upgradeColors(p, colors, allColors)
	if len(notes) > 0 {
		go p.Send(common.StatusMsg{Text: strings.Join(notes, " "), Err: true})
	}
	if check != nil {
		go func() {
			p.Send(tui.CheckedMsg{Damage: check.wait()})
			if !check.passed() {
				return
			}
			if _, err := st.DailyBackup(); err != nil {
				p.Send(common.StatusMsg{Text: "Today's copy of the workbook could not be made: " + err.Error(), Err: true})
			}
		}()
	}

	// Bubble Tea does not catch SIGHUP (the terminal window closing), and
	// its own SIGTERM handling quits without a word to the model. cairn
	// asks the workbook to save and quit, and kills it if that stalls.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	defer signal.Stop(sigs)
	finished := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			p.Send(tui.Shutdown())
		case <-finished:
			return
		}
		select {
		case <-time.After(3 * time.Second):
			p.Kill()
		case <-finished:
		}
	}()

	starttrace.Mark("program")
	final, runErr := p.Run()
	close(finished)
	hit, crashFile, crashErr, last := g.state.outcome()
	if hit || errors.Is(runErr, tea.ErrProgramPanic) {
		// Said by main, past fang: fang asks the terminal for its colours
		// before it prints an error, and after a panic Bubble Tea's reader
		// of the keyboard may still be running and take the answer, which
		// left cairn waiting for it for good. What is saved comes from the
		// last model that finished an update: Run returns none after a
		// panic.
		crash = crashExit(last, crashFile, crashErr)
		return nil
	}
	root := last
	if f, ok := final.(guard); ok {
		root = f.root
	}
	if err := root.Err(); mayBeDamage(err) {
		// The check at start found damage (the program ended unwritten),
		// or a read met damage before it was done: its verdict decides.
		if r, damaged := check.damaged(); damaged {
			st.Close()
			return runRecovery(path, r)
		}
	}
	if err := root.Err(); errors.Is(err, store.ErrDamaged) {
		// Found while reading, past what the check at start saw: the file
		// is checked whole, and a damaged one gets nothing more written.
		if r, _, cerr := readInChild(path, "check"); cerr == nil && !r.Healthy() {
			st.Close()
			return runRecovery(path, r)
		}
	}
	if !root.Done() {
		if salvage := root.Salvage(); salvage != nil {
			salvage()
		}
	}
	if err := root.Err(); err != nil {
		return explain(err)
	}
	if runErr != nil && !errors.Is(runErr, tea.ErrProgramKilled) {
		return runErr
	}
	if root.WantsPassphrase() {
		st.Close()
		if err := setupPassphrase(path); err != nil {
			return err
		}
		return runWorkbook(path)
	}
	return nil
}

// crash is how cairn ends after a fault of its own, for main to say.
var crash *exitError

// crashExit ends cairn after a fault of its own: what the runner typed
// is saved from the last model that finished an update, and the message
// names the crash file, never what the panic held.
func crashExit(root tui.Model, file string, fileErr error) *exitError {
	saved := "What you typed is saved"
	if !root.Done() {
		if !salvageSafely(root) {
			saved = "What you typed up to the last ✓ saved is kept"
		}
	}
	var where string
	switch {
	case file != "":
		where = "The details, for a bug report (none of your words are in it), are in " + file
	case fileErr != nil:
		where = "Its details could not be written down: " + fileErr.Error()
	default:
		where = "Bubble Tea printed its details above"
	}
	return &exitError{code: exitCrashed, err: fmt.Errorf("cairn stopped on a fault of its own, not anything you did. %s.\n%s", saved, where)}
}

// salvageSafely saves what root has not saved yet; false if that
// panicked too.
func salvageSafely(root tui.Model) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	if salvage := root.Salvage(); salvage != nil {
		salvage()
	}
	return true
}

// haveTerminal reports whether there is a terminal to open the workbook
// in: Bubble Tea draws on standard output, and reads keys from standard
// input or, when that is not a terminal, from the controlling terminal.
// It is asked before anything is created: without it, a cron job made the
// folder and the workbook and only then failed to open a TTY.
func haveTerminal() bool {
	if !term.IsTerminal(os.Stdout.Fd()) {
		return false
	}
	if term.IsTerminal(os.Stdin.Fd()) {
		return true
	}
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return false
	}
	tty.Close()
	return true
}

// explain turns store errors into sentences a runner can act on. It never
// includes anything the runner wrote.
func explain(err error) error {
	switch {
	case errors.Is(err, store.ErrLocked):
		return fmt.Errorf("%w.\nIt is open in another window or program; close it there and try again. Nothing was changed", err)
	case errors.Is(err, store.ErrNewerSchema):
		return fmt.Errorf("%w.\nUpdate cairn to open it. The file was not changed", err)
	case errors.Is(err, store.ErrNotCairn):
		return fmt.Errorf("%w.\nThe file was left exactly as it was. Use --db to choose another file", err)
	case errors.Is(err, store.ErrEncrypted):
		return fmt.Errorf("%w.\nIt asks for its passphrase in a terminal, or reads it from the file %s names. Nothing was read", err, passphraseFileEnv)
	case errors.Is(err, store.ErrWrongPassphrase):
		return fmt.Errorf("%w. Nothing was read or changed", err)
	case errors.Is(err, store.ErrDamaged):
		return damaged(err)
	}
	return err
}

// damaged says that reading the workbook found damage. Where the store
// names the file, the whole file is checked in a child process, as cairn
// check does, bbolt's consistency check and all: what one read stumbled
// on is seldom all there is.
func damaged(err error) error {
	var d *store.DamagedError
	if !errors.As(err, &d) || d.File == "" {
		return fmt.Errorf("part of your workbook could not be read: %w.\nNothing was changed. Keep a copy of the file before trying anything else", err)
	}
	msg := fmt.Sprintf("%s is damaged: %s", d.File, damageWords(d))
	if r, _, cerr := readInChild(d.File, "check"); cerr == nil && len(r.Problems) > 0 {
		msg += fmt.Sprintf(".\ncairn check finds %s, the first %s: %s", problemWords(r), placeWords(r.Problems[0].Where), r.Problems[0].What)
	}
	msg += ".\nNothing was changed, and cairn will not write to it. Keep a copy of the file; cairn check says what to do, and cairn export --salvage writes everything that still reads back"
	return &wrapped{msg: msg, err: err}
}

// damageWords is where the store found damage and what it was, without
// the sentinel's words in the middle.
func damageWords(d *store.DamagedError) string {
	what := strings.TrimPrefix(d.Err.Error(), store.ErrDamaged.Error()+": ")
	return placeWords(d.Where) + ": " + what
}
