package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/detect"
	"github.com/cairn-run/cairn/export"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

// maxTextBytes is the most text `cairn themes FILE` reads: about 170,000
// words, far more than anyone writes about their running. The reader keeps
// what it learns of every sentence until it has read them all, about 40
// bytes for each byte read: at 4 MB that was 140 MB (and 2 minutes and
// 300 MB before the reader was rewritten), at 1 MB it is about 50 MB and a
// third of a second. scripts/measure-themes.sh measures it.
const maxTextBytes = 1 << 20

// outStyles are the few styles the script-facing subcommands print with.
// They use weight and underline rather than hues, so they read the same on
// light and dark terminals, and a pipe gets plain text (see printStyled).
type outStyles struct {
	Title   lipgloss.Style
	Muted   lipgloss.Style
	Trigger lipgloss.Style
}

func newOutStyles() outStyles {
	return outStyles{
		Title:   lipgloss.NewStyle().Bold(true),
		Muted:   lipgloss.NewStyle().Faint(true),
		Trigger: lipgloss.NewStyle().Bold(true).Underline(true),
	}
}

// text gives the styles to the themes report, which leaves styling to
// its caller.
func (st outStyles) text() export.TextStyles {
	render := func(s lipgloss.Style) func(string) string {
		return func(t string) string { return s.Render(t) }
	}
	return export.TextStyles{Title: render(st.Title), Muted: render(st.Muted), Trigger: render(st.Trigger)}
}

// printStyled writes styled text through lipgloss, which drops the styling
// when w is not a terminal or NO_COLOR is set.
func printStyled(w io.Writer, text string) error {
	_, err := lipgloss.Fprint(w, text)
	return err
}

func themesCmd(db *string) *cobra.Command {
	var (
		asJSON     bool
		seasonName string
	)
	cmd := &cobra.Command{
		Use:   "themes [FILE|-]",
		Short: "Show the motivation themes in some writing",
		Long: "Show the motivation themes cairn reads in your answers, strongest first, with how\n" +
			"strong the evidence is (strong, clear or faint), the sentences and words behind\n" +
			"each, and whether you are drawn to a theme or would rather not.\n\n" +
			"With no FILE, cairn reads the answers of your current season (or the one --season\n" +
			"names) and shows what you confirmed or set aside. With a FILE (or - for standard input), it reads any plain\n" +
			"text, such as a client's written answers; paragraphs separated by a blank line are\n" +
			"read as separate answers. The workbook file is only read, never changed.",
		Example: "  cairn themes\n" +
			"  cairn themes --season \"autumn 2026\"\n" +
			"  cairn themes answers.txt\n" +
			"  cat notes/*.txt | cairn themes -\n" +
			"  cairn themes --json | jq '.[].theme'",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var (
				sources []detect.Source
				season  *workbook.Snapshot
				err     error
			)
			if len(args) == 1 && seasonName != "" {
				return fmt.Errorf("--season reads a season's answers, and %s is read instead: give one or the other", args[0])
			}
			if len(args) == 1 {
				sources, err = readTextArg(cmd, args[0])
			} else {
				var wb *workbook.Snapshot
				wb, err = seasonToRead(*db, seasonName)
				season = wb
				if season != nil {
					sources = seasonSources(*season)
				}
			}
			if err != nil {
				return err
			}
			report := export.ThemesReport{Findings: detect.Detect(sources), Sources: len(sources), Season: season}
			if asJSON {
				return report.WriteJSON(cmd.OutOrStdout())
			}
			return printStyled(cmd.OutOrStdout(), report.Text(newOutStyles().text()))
		},
	}
	addJSON(cmd, &asJSON, "print the themes as a JSON array")
	cmd.Flags().StringVar(&seasonName, "season", "", seasonUsage)
	addDB(cmd, db)
	return cmd
}

// seasonToRead reads the season --season names, by default the one the
// workbook opens on (the same one the themes screen shows), or nil when
// the workbook has no season yet. Only that season is decoded.
func seasonToRead(db, name string) (*workbook.Snapshot, error) {
	path, err := dbPath(db)
	if err != nil {
		return nil, err
	}
	if err := unlockWorkbook(path); err != nil {
		return nil, err
	}
	st, err := store.OpenReadOnly(path)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("no workbook at %s yet — run cairn first, or pass a file of text", path)
	}
	if err != nil {
		return nil, explain(err)
	}
	defer st.Close()
	current, err := st.CurrentSeason()
	switch {
	case errors.Is(err, store.ErrNotFound) && name == "":
		return nil, nil
	case err != nil && !errors.Is(err, store.ErrNotFound):
		return nil, explain(err)
	}
	seasons, err := st.Seasons()
	if err != nil {
		return nil, explain(err)
	}
	chosen, err := pickSeasons(seasons, current.ID, name, false)
	if err != nil {
		return nil, err
	}
	wb, err := st.Workbook(chosen[0].ID)
	if err != nil {
		return nil, explain(err)
	}
	return &wb, nil
}

// seasonSources turns a season's answers into what detection reads.
func seasonSources(wb workbook.Snapshot) []detect.Source {
	answers := make(map[string]string, len(wb.Answers))
	for id, a := range wb.Answers {
		answers[id] = a.Text
	}
	return detect.SeasonSources(answers)
}

// readTextArg reads the text named on the command line, "-" being standard
// input, and splits it into sources.
func readTextArg(cmd *cobra.Command, arg string) ([]detect.Source, error) {
	if arg == "-" {
		text, err := readText(cmd.InOrStdin(), "standard input")
		if err != nil {
			return nil, err
		}
		return textSources(text, "stdin"), nil
	}
	f, err := os.Open(arg)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("there is no file at %s", arg)
		}
		return nil, fmt.Errorf("read %s: %w", arg, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, fmt.Errorf("%s is a folder; pass a file of text", arg)
	}
	text, err := readText(f, arg)
	if err != nil {
		return nil, err
	}
	return textSources(text, filepath.Base(arg)), nil
}

// readText reads plain UTF-8 text of at most maxTextBytes, without a byte
// order mark and with every line ending turned into "\n". name says what
// was read, for errors; they never quote the text itself.
func readText(r io.Reader, name string) (string, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxTextBytes+1))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > maxTextBytes {
		return "", fmt.Errorf("%s is over %d MB (about 170,000 words); cairn reads up to %d MB of text at a time, so split it and read each part", name, maxTextBytes>>20, maxTextBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		return "", fmt.Errorf("%s does not look like plain text (UTF-8); save it as text and try again", name)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	return strings.ReplaceAll(text, "\r", "\n"), nil
}

// textSources splits text into paragraphs at blank lines, each one source
// labelled "paragraph N". A single paragraph is labelled single instead.
func textSources(text, single string) []detect.Source {
	paras := paragraphs(text)
	if len(paras) == 1 {
		if _, ok := catalog.LookupQuestion(single); ok {
			// A label that names a question changes how Detect reads a
			// short answer; a file that happens to share the name must not.
			single += " (file)"
		}
		return []detect.Source{{Label: single, Text: paras[0]}}
	}
	out := make([]detect.Source, len(paras))
	for i, p := range paras {
		out[i] = detect.Source{Label: fmt.Sprintf("paragraph %d", i+1), Text: p}
	}
	return out
}

// paragraphs returns the runs of lines between blank (or all-space) lines.
func paragraphs(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}
