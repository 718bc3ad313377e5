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

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui"
)

func main() {
	if err := fang.Execute(context.Background(), rootCmd(), fang.WithErrorHandler(printError)); err != nil {
		os.Exit(1)
	}
}

// printError is fang's error layout without its title-casing, which turns
// a path such as /tmp/cairn.db into /Tmp/Cairn.db, and without a fixed
// width that could break a path in two.
func printError(w io.Writer, styles fang.Styles, err error) {
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
			"Everything is kept in one private file on this computer.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := dbPath(db)
			if err != nil {
				return err
			}
			return runWorkbook(path)
		},
	}
	root.PersistentFlags().StringVar(&db, "db", "", "workbook file (default $CAIRN_DB, else $XDG_DATA_HOME/cairn/cairn.db)")
	root.AddCommand(exportCmd(&db))
	root.AddCommand(themesCmd(&db), ideasCmd())
	root.AddCommand(logCmd(&db), journalCmd(&db), importRunsCmd(&db))
	root.AddCommand(statusCmd(&db), seasonCmd(&db))
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
func runWorkbook(path string) error {
	st, err := store.Open(path, store.WithClock(now))
	if err != nil {
		return explain(err)
	}
	defer st.Close()

	p := tea.NewProgram(tui.New(st, tui.Options{Now: now, Dark: true, FrameEvery: time.Second / 60}), tea.WithoutSignalHandler())

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
