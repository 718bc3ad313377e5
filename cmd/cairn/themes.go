package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/detect"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

// maxTextBytes is the most text `cairn themes FILE` reads: far more than
// anyone writes about their running, and little enough to read at once.
const maxTextBytes = 4 << 20

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

// printStyled writes styled text through lipgloss, which drops the styling
// when w is not a terminal or NO_COLOR is set.
func printStyled(w io.Writer, text string) error {
	_, err := lipgloss.Fprint(w, text)
	return err
}

func themesCmd(db *string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "themes [FILE|-]",
		Short: "Show the motivation themes in some writing",
		Long: "Show the motivation themes cairn reads in your answers, strongest first, with the\n" +
			"sentences and words behind each, and whether you are drawn to a theme or would\n" +
			"rather not.\n\n" +
			"With no FILE, cairn reads the answers of your current season and shows what you\n" +
			"confirmed or set aside. With a FILE (or - for standard input), it reads any plain\n" +
			"text, such as a client's written answers; paragraphs separated by a blank line are\n" +
			"read as separate answers. The workbook file is only read, never changed.",
		Example: "  cairn themes\n" +
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
			if len(args) == 1 {
				sources, err = readTextArg(cmd, args[0])
			} else {
				season, err = currentSeason(*db)
				if season != nil {
					sources = seasonSources(*season)
				}
			}
			if err != nil {
				return err
			}
			findings := detect.Detect(sources)
			if asJSON {
				return writeThemesJSON(cmd.OutOrStdout(), findings, season)
			}
			return printStyled(cmd.OutOrStdout(), themesText(findings, sources, season, newOutStyles()))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the themes as a JSON array")
	return cmd
}

// currentSeason reads the newest season of the workbook, or nil when the
// workbook has no season yet. Seasons are read oldest first, and their IDs
// sort by start time, so the newest is the last.
func currentSeason(db string) (*workbook.Snapshot, error) {
	path, err := dbPath(db)
	if err != nil {
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
	all, err := st.All()
	if err != nil {
		return nil, explain(err)
	}
	if len(all) == 0 {
		return nil, nil
	}
	return &all[len(all)-1], nil
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
		return "", fmt.Errorf("%s is over %d MB; cairn reads up to %d MB of text at a time", name, maxTextBytes>>20, maxTextBytes>>20)
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

// themeJSON is one finding in `cairn themes --json`. Theme, Polarity, Score
// and Evidence are the documented core; the rest help scripts.
type themeJSON struct {
	Theme    string   `json:"theme"`
	Polarity string   `json:"polarity"`
	Score    float64  `json:"score"`
	Evidence []string `json:"evidence"`
	// Name is the theme's plain-language name.
	Name string `json:"name"`
	// Details repeats the evidence with where each sentence came from, the
	// words that suggested the theme, and the way the sentence points.
	Details []evidenceJSON `json:"details"`
	// Status is the runner's decision, "confirmed" or "dismissed", when
	// reading a season and the runner has made one.
	Status string `json:"status,omitempty"`
	// RunnerPolarity is the direction the runner gave the theme with that
	// decision, which may differ from what the writing suggests.
	RunnerPolarity string `json:"runner_polarity,omitempty"`
	// Top is true for the theme the runner said matters most.
	Top bool `json:"top,omitempty"`
}

type evidenceJSON struct {
	Sentence string   `json:"sentence"`
	Source   string   `json:"source"`
	Triggers []string `json:"triggers"`
	Polarity string   `json:"polarity"`
}

func writeThemesJSON(w io.Writer, findings []detect.Finding, season *workbook.Snapshot) error {
	out := make([]themeJSON, 0, len(findings))
	for _, f := range findings {
		j := themeJSON{
			Theme:    string(f.Theme),
			Polarity: f.Polarity.String(),
			Score:    roundScore(f.Score),
			Evidence: make([]string, 0, len(f.Evidence)),
			Name:     themeName(f.Theme),
			Details:  make([]evidenceJSON, 0, len(f.Evidence)),
		}
		for _, ev := range f.Evidence {
			j.Evidence = append(j.Evidence, ev.Sentence)
			d := evidenceJSON{
				Sentence: ev.Sentence,
				Source:   ev.Source,
				Triggers: make([]string, 0, len(ev.Triggers)),
				Polarity: ev.Polarity.String(),
			}
			for _, sp := range ev.Triggers {
				d.Triggers = append(d.Triggers, ev.Sentence[sp.Start:sp.End])
			}
			j.Details = append(j.Details, d)
		}
		if season != nil {
			ref := workbook.Theme(string(f.Theme))
			if m, ok := markFor(season.Themes, ref); ok {
				j.Status, j.RunnerPolarity = m.Status.String(), m.Polarity.String()
			}
			j.Top = season.Themes.Top == ref
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// roundScore keeps two decimals, as the text output shows.
func roundScore(s float64) float64 {
	return math.Round(s*100) / 100
}

// themesText lays out the findings for reading: one block per theme,
// strongest first, each sentence quoted with its trigger words marked.
func themesText(findings []detect.Finding, sources []detect.Source, season *workbook.Snapshot, st outStyles) string {
	var b strings.Builder
	if season != nil {
		fmt.Fprintf(&b, "%s\n", st.Title.Render(season.Season.Name))
		fmt.Fprintf(&b, "%s\n\n", st.Muted.Render(answerCount(len(sources))))
	}
	if len(findings) == 0 {
		b.WriteString("No clear themes yet — more writing helps.\n")
	}
	// Where a sentence came from is worth saying only when there is a
	// choice: a season's questions, or a file of several paragraphs.
	showSource := season != nil || len(sources) > 1
	for i, f := range findings {
		if i > 0 {
			b.WriteString("\n")
		}
		head := st.Title.Render(themeName(f.Theme)) + " " + st.Muted.Render("("+string(f.Theme)+")") +
			" · " + polarityWords(f.Polarity) + " · " + fmt.Sprintf("%.2f", f.Score)
		if season != nil {
			if m, ok := markFor(season.Themes, workbook.Theme(string(f.Theme))); ok {
				head += " · " + st.Title.Render(decisionWords(m, f.Polarity))
			}
		}
		b.WriteString(head + "\n")
		for k, ev := range f.Evidence {
			line := "  “" + ev.Marked(func(t string) string { return st.Trigger.Render(t) }) + "”"
			if ev.Polarity != f.Polarity {
				line += " " + st.Muted.Render("(points the other way)")
			}
			b.WriteString(line + "\n")
			// A source is named once, under the last of its sentences in a row.
			next := k + 1
			if showSource && (next == len(f.Evidence) || f.Evidence[next].Source != ev.Source) {
				b.WriteString("    " + st.Muted.Render("— "+sourceWords(ev.Source, season != nil)) + "\n")
			}
		}
	}
	if season != nil {
		b.WriteString(decisionsText(season.Themes, st))
	}
	return b.String()
}

func answerCount(n int) string {
	if n == 1 {
		return "themes read from 1 answer"
	}
	return fmt.Sprintf("themes read from %d answers", n)
}

// decisionsText lists what the runner confirmed and set aside, including
// themes of their own and themes the detector did not find this time.
func decisionsText(board workbook.ThemeBoard, st outStyles) string {
	var confirmed, dismissed []string
	for _, m := range board.Marks {
		name := markName(board, m.Theme)
		if board.Top == m.Theme {
			name += " " + st.Muted.Render("(matters most)")
		}
		entry := "  " + name + " " + st.Muted.Render("· "+polarityWords(m.Polarity))
		switch m.Status {
		case workbook.Confirmed:
			confirmed = append(confirmed, entry)
		case workbook.Dismissed:
			dismissed = append(dismissed, entry)
		}
	}
	if len(confirmed) == 0 && len(dismissed) == 0 {
		return ""
	}
	var b strings.Builder
	if len(confirmed) > 0 {
		b.WriteString("\n" + st.Title.Render("You confirmed") + "\n")
		b.WriteString(strings.Join(confirmed, "\n") + "\n")
	}
	if len(dismissed) > 0 {
		b.WriteString("\n" + st.Title.Render("You set aside") + "\n")
		b.WriteString(strings.Join(dismissed, "\n") + "\n")
	}
	return b.String()
}

// markFor returns the runner's decision on a theme, if any.
func markFor(board workbook.ThemeBoard, theme workbook.Ref) (workbook.ThemeMark, bool) {
	i := slices.IndexFunc(board.Marks, func(m workbook.ThemeMark) bool { return m.Theme == theme })
	if i < 0 {
		return workbook.ThemeMark{}, false
	}
	return board.Marks[i], true
}

// markName names a marked theme: a catalog theme by its plain name, the
// runner's own theme by what they called it.
func markName(board workbook.ThemeBoard, ref workbook.Ref) string {
	if !ref.Own {
		if t, ok := catalog.LookupTheme(catalog.ThemeID(ref.ID)); ok {
			return t.Name
		}
	}
	for _, own := range board.Own {
		if own.Ref() == ref {
			return own.Name
		}
	}
	return ref.ID
}

// decisionWords says what the runner decided about a theme, and which way,
// when that differs from what the writing suggests.
func decisionWords(m workbook.ThemeMark, detected workbook.Polarity) string {
	var s string
	switch m.Status {
	case workbook.Confirmed:
		s = "you confirmed it"
	case workbook.Dismissed:
		s = "you set it aside"
	default:
		return ""
	}
	if m.Polarity != 0 && m.Polarity != detected {
		s += ", as " + polarityWords(m.Polarity)
	}
	return s
}

func themeName(id catalog.ThemeID) string {
	if t, ok := catalog.LookupTheme(id); ok {
		return t.Name
	}
	return string(id)
}

func polarityWords(p workbook.Polarity) string {
	if p == workbook.Away {
		return "would rather not"
	}
	return "drawn to it"
}

// sourceWords names where a sentence came from: a season's question by its
// prompt, shortened, or a file's paragraph by its label.
func sourceWords(label string, season bool) string {
	if season {
		if q, ok := catalog.LookupQuestion(label); ok {
			return shorten(q.Prompt, 60)
		}
	}
	return label
}

// shorten cuts s to at most n runes at a word boundary, with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n-1])
	// Step back to the last whole word, unless the cut fell between words.
	if r[n-1] != ' ' {
		if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
			cut = cut[:i]
		}
	}
	return strings.TrimRight(cut, " ,;:—-") + "…"
}
