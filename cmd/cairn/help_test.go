package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"charm.land/fang/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cairn-run/cairn/tui"
)

// Every command's help, walked: examples that run as written, flags that
// mean the same everywhere, and help that never contradicts itself.

// commands lists every command under root, root first.
func commands(root *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{root}
	for _, c := range root.Commands() {
		out = append(out, commands(c)...)
	}
	return out
}

// flagsIn finds the flags an example line uses: --name and -x.
var flagsIn = regexp.MustCompile(`(?:^|\s)(--?[a-z][a-z-]*)`)

// exampleRuns reads an example: the command its words name (cairn, then
// each subcommand word in turn) and the flags it gives, up to a pipe.
func exampleRuns(line string) (*cobra.Command, []string) {
	_, line, _ = strings.Cut(line, "cairn")
	line, _, _ = strings.Cut(line, "|")
	run := rootCmd()
	var flags []string
	for _, word := range strings.Fields(line) {
		if m := flagsIn.FindStringSubmatch(" " + word); m != nil {
			flag, _, _ := strings.Cut(strings.TrimLeft(m[1], "-"), "=")
			flags = append(flags, flag)
			continue
		}
		for _, sub := range run.Commands() {
			if sub.Name() == word {
				run = sub
			}
		}
	}
	return run, flags
}

func TestEveryCommandsHelpIsConsistent(t *testing.T) {
	usage := map[string]string{"db": dbUsage, "season": seasonUsage}
	for _, c := range commands(rootCmd()) {
		name := c.CommandPath()
		if c.Hidden {
			continue
		}
		if c.Short == "" || c.Long == "" || c.Example == "" {
			t.Errorf("%s: a short line, a long description and examples, please", name)
		}
		for _, line := range strings.Split(c.Example, "\n") {
			line = strings.TrimSpace(line)
			if !strings.Contains(line, "cairn ") && line != "cairn" {
				t.Errorf("%s: example %q does not run cairn", name, line)
			}
			// The flags an example gives exist on the command it runs.
			run, flags := exampleRuns(line)
			for _, flag := range flags {
				var f *pflag.Flag
				if len(flag) == 1 {
					f = run.Flags().ShorthandLookup(flag)
				} else {
					f = run.Flags().Lookup(flag)
				}
				if f == nil {
					t.Errorf("%s: example %q gives %s --%s, which it does not have", name, line, run.CommandPath(), flag)
				}
			}
		}
		readsWorkbook := c.Flags().Lookup("db") != nil
		if strings.Contains(c.Long, "No workbook is read") && readsWorkbook {
			t.Errorf("%s: says no workbook is read, and takes --db", name)
		}
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if want, ok := usage[f.Name]; ok && f.Usage != want {
				t.Errorf("%s --%s: %q, where every other command says %q", name, f.Name, f.Usage, want)
			}
			if f.Name == "json" && !strings.HasPrefix(f.Usage, "print ") {
				t.Errorf("%s --json: %q does not say what it prints", name, f.Usage)
			}
			if _, refuses := f.Value.(*once); !refuses && !collects(f) {
				t.Errorf("%s --%s keeps only the last of two values", name, f.Name)
			}
			if collects(f) && !strings.Contains(f.Usage, "repeat") {
				t.Errorf("%s --%s collects values and does not say so", name, f.Name)
			}
		})
	}
	// Only the catalog reads no workbook.
	for _, c := range commands(rootCmd()) {
		if c.Flags().Lookup("db") == nil && c.Name() != "ideas" && c.Name() != "help" {
			t.Errorf("%s does not take --db", c.CommandPath())
		}
	}
}

func TestEverySubcommandHelpRuns(t *testing.T) {
	for _, c := range commands(rootCmd()) {
		if c.Hidden {
			continue
		}
		args := append(strings.Fields(strings.TrimPrefix(c.CommandPath(), "cairn")), "--help")
		out := ansi.Strip(ok(t, "", args...))
		first, _, _ := strings.Cut(strings.TrimSpace(c.Example), "\n")
		if !strings.Contains(out, strings.TrimSpace(first)) {
			t.Errorf("cairn %v does not show its first example %q:\n%s", args, first, out)
		}
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden && !strings.Contains(out, "--"+f.Name) {
				t.Errorf("cairn %v does not list --%s", args, f.Name)
			}
			if f.Hidden && strings.Contains(out, "--"+f.Name) {
				t.Errorf("cairn %v lists the hidden --%s", args, f.Name)
			}
		})
	}
	// What fang adds: completion and a man page.
	for _, args := range [][]string{{"completion", "--help"}, {"completion", "bash", "--help"}} {
		ok(t, "", args...)
	}
	if out := ok(t, "", "completion", "bash"); !strings.Contains(out, "cairn") || !strings.Contains(out, "complete") {
		t.Errorf("completion bash:\n%.300s", out)
	}
	if out := ok(t, "", "completion", "zsh"); !strings.Contains(out, "#compdef cairn") {
		t.Errorf("completion zsh:\n%.300s", out)
	}
	man := ok(t, "", "man")
	for _, want := range []string{".TH CAIRN", "export", "backup", "check", "import"} {
		if !strings.Contains(man, want) {
			t.Errorf("the man page lacks %q", want)
		}
	}
}

func TestAFlagGivenTwiceIsRefused(t *testing.T) {
	db := fullWorkbook(t)
	for _, args := range [][]string{
		{"--db", db, "journal", "--from", "2026-01-01", "--from", "2026-02-01"},
		{"ideas", "--kind", "training", "--kind", "milestone"},
		{"--db", db, "export", "--season", "all", "--season", "current"},
		{"--db", db, "log", "5k", "--enjoy", "3", "--enjoy", "4"},
	} {
		containsAll(t, strings.Join(args, " "), refused(t, "", args...), "more than once; give it once")
	}
	// --tag collects: a run of every kind named.
	ok(t, "", "--db", db, "journal", "--tag", "hills", "--tag", "long")
}

// TestTheREADMEIsTrue holds the README to the command: how to install it,
// the smallest window, every command and the editor's key.
func TestTheREADMEIsTrue(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := strings.Join(strings.Fields(string(raw)), " ")
	for _, want := range []string{
		"go install ./cmd/cairn",
		"go install github.com/cairn-run/cairn/cmd/cairn@latest",
		fmt.Sprintf("at least %d columns by %d lines", tui.MinWidth, tui.MinHeight),
		"cairn completion bash", "cairn man",
		"`ctrl+e`",
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("the README does not say %q", want)
		}
	}
	for _, c := range rootCmd().Commands() {
		if !c.Hidden && !strings.Contains(readme, "cairn "+c.Name()) {
			t.Errorf("the README has no example of cairn %s", c.Name())
		}
	}
}

// Help read in a pipe ends its lines where their words end: fang pads
// every line to the terminal's width.
func TestHelpHasNoTrailingBlanks(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"export", "--help"}, {"help", "log"}, {"ideas", "-h"}} {
		out := ok(t, "", args...)
		if out == "" {
			t.Fatalf("cairn %v printed nothing", args)
		}
		for i, line := range strings.Split(out, "\n") {
			if strings.HasSuffix(line, " ") {
				t.Errorf("cairn %v: line %d ends in blanks: %q", args, i+1, line)
			}
		}
	}
}

func TestTrimmedLinesKeepsWhatIsNotABlankAtTheEnd(t *testing.T) {
	var b strings.Builder
	w := &trimmedLines{w: &b}
	for _, part := range []string{"  two  words  ", "\n\n  ", "x", "  \nlast  "} {
		fmt.Fprint(w, part)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "  two  words\n\n  x\nlast"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// An error of several lines ends each where its words end: rendered as
// one block, its lines were padded to the widest.
func TestAnErrorOfSeveralLinesHasNoTrailingBlanks(t *testing.T) {
	var b strings.Builder
	printError(&b, fang.Styles{ErrorText: lipgloss.NewStyle().MarginLeft(2)}, errors.New("the workbook is locked\nrun this in a terminal, or name a file in CAIRN_PASSPHRASE_FILE"))
	for i, line := range strings.Split(b.String(), "\n") {
		if strings.HasSuffix(line, " ") {
			t.Errorf("line %d ends in blanks: %q", i+1, line)
		}
	}
	if !strings.Contains(b.String(), "CAIRN_PASSPHRASE_FILE.") {
		t.Errorf("the error's words are missing:\n%s", b.String())
	}
}
