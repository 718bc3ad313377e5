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
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/fang/v2"
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
	fmt.Fprintln(w, styles.ErrorText.UnsetTransform().UnsetWidth().Render(err.Error()+"."))
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
	return filepath.Join(data, "cairn", "cairn.db"), nil
}

// runWorkbook opens the store and runs the workbook until the runner quits
// or a signal arrives; either way everything typed is saved first.
//
// A workbook already there is checked as the app opens it, in a child
// process (check.go), just after the first frame (atstart.go): nothing is
// written to it until the check has passed, and a damaged one opens in
// the recovery mode instead, read-only, never written to. One that passes
// gets today's copy beside it (store.DailyBackup), made while the runner
// starts writing.
func runWorkbook(path string) error {
	starttrace.Mark("run")
	defer starttrace.Write()
	opts := []store.Option{store.WithClock(now)}
	var check *startCheck
	if _, err := os.Stat(path); err == nil {
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
	topts := tui.Options{Now: now, Dark: true, FrameEvery: time.Second / 60, Checking: check != nil}
	if check != nil {
		topts.Drawn = check.start
	}
	p := tea.NewProgram(tui.New(st, topts),
		tea.WithoutSignalHandler(), tea.WithColorProfile(colors), tea.WithFPS(120))
	upgradeColors(p, colors, allColors)
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
	root, ok := final.(tui.Model)
	if !ok {
		return runErr
	}
	if !root.Done() {
		if salvage := root.Salvage(); salvage != nil {
			salvage()
		}
	}
	if err := root.Err(); err != nil {
		if mayBeDamage(err) {
			st.Close()
			if r, damaged := check.damaged(); damaged {
				return runRecovery(path, r)
			}
		}
		if errors.Is(err, store.ErrDamaged) {
			// Found while reading, past what the check at start saw.
			if r, _, cerr := readInChild(path, "check"); cerr == nil && !r.Healthy() {
				return runRecovery(path, r)
			}
		}
		return explain(err)
	}
	if runErr != nil && !errors.Is(runErr, tea.ErrProgramKilled) {
		return runErr
	}
	return nil
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
	case errors.Is(err, store.ErrDamaged):
		return fmt.Errorf("part of your workbook could not be read: %w.\nNothing was changed. Keep a copy of the file before trying anything else", err)
	}
	return err
}
