package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/detect"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

// These tests run the script-facing subcommands, themes and ideas, as a
// script would: through pipes, reading stdout, stderr and the exit code.

// result is what one run of cairn printed, and how it exited.
type result struct {
	stdout, stderr string
	code           int
}

// runCairn runs the binary with args and stdin in a clean environment: no
// CAIRN_DB, a private data directory, and no colour forced.
func runCairn(t *testing.T, stdin string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), "CAIRN_DB=", "CLICOLOR_FORCE=", "NO_COLOR=",
		"XDG_DATA_HOME="+filepath.Join(t.TempDir(), "data"))
	cmd.Env = append(cmd.Env, env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errOut.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("run cairn %v: %v", args, err)
	}
	return r
}

// ok runs cairn and fails the test unless it exits 0.
func ok(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	r := runCairn(t, stdin, nil, args...)
	if r.code != 0 {
		t.Fatalf("cairn %v exited %d:\n%s", args, r.code, r.stderr)
	}
	return r.stdout
}

// refused runs cairn, expects it to fail, and returns its error message
// with fang's styling stripped.
func refused(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	r := runCairn(t, stdin, nil, args...)
	if r.code == 0 {
		t.Fatalf("cairn %v succeeded:\n%s", args, r.stdout)
	}
	return ansi.Strip(r.stderr)
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func containsAll(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(got, want) {
			t.Errorf("%s lacks %q:\n%s", what, want, got)
		}
	}
}

// finding is the documented core of one `cairn themes --json` element.
type finding struct {
	Theme    string   `json:"theme"`
	Polarity string   `json:"polarity"`
	Score    float64  `json:"score"`
	Strength string   `json:"strength"`
	Evidence []string `json:"evidence"`
}

// themesJSON parses `cairn themes --json` output, checking that every
// element carries the four core fields with the right JSON types.
func themesJSON(t *testing.T, out string) []finding {
	t.Helper()
	var loose []map[string]any
	if err := json.Unmarshal([]byte(out), &loose); err != nil || loose == nil {
		t.Fatalf("themes --json is not an array (%v):\n%s", err, out)
	}
	for i, el := range loose {
		_, isString := el["theme"].(string)
		pol, _ := el["polarity"].(string)
		score, isNumber := el["score"].(float64)
		evidence, isList := el["evidence"].([]any)
		// Only a theme the writing suggests has a score and evidence; the
		// runner's own themes, and themes they decided on that it no longer
		// suggests, come after the findings with neither.
		found := score > 0
		if !isString || (pol != "+" && pol != "-") || !isNumber || !isList || found != (len(evidence) > 0) {
			t.Errorf("element %d lacks the core fields: %v", i, el)
		}
		for _, e := range evidence {
			if _, ok := e.(string); !ok {
				t.Errorf("element %d: evidence %v is not a sentence", i, e)
			}
		}
	}
	var out4 []finding
	if err := json.Unmarshal([]byte(out), &out4); err != nil {
		t.Fatal(err)
	}
	return out4
}

func findingFor(fs []finding, theme string) (finding, bool) {
	i := slices.IndexFunc(fs, func(f finding) bool { return f.Theme == theme })
	if i < 0 {
		return finding{}, false
	}
	return fs[i], true
}

const twoThemes = "I hate races. Running clears my head after a long shift."

func TestThemesOfAFile(t *testing.T) {
	path := writeFile(t, "client.txt", []byte(twoThemes+"\n"))
	out := ok(t, "", "themes", path)
	containsAll(t, "themes", out,
		"Headspace (coping) · drawn to it · ",
		"Competition (competition) · would rather not · ",
		" evidence (0.",
		"“I hate races.”",
		"“Running clears my head after a long shift.”")
	if strings.Contains(out, "\x1b") {
		t.Errorf("a pipe got escape sequences:\n%q", out)
	}
	if strings.Contains(out, "client.txt") {
		t.Errorf("a single paragraph is labelled in the output:\n%s", out)
	}

	fs := themesJSON(t, ok(t, "", "themes", "--json", path))
	coping, found := findingFor(fs, "coping")
	if !found || coping.Polarity != "+" || coping.Score <= 0 || coping.Score > 1 ||
		!slices.Equal(coping.Evidence, []string{"Running clears my head after a long shift."}) {
		t.Errorf("coping: %+v (found %v)", coping, found)
	}
	races, found := findingFor(fs, "competition")
	if !found || races.Polarity != "-" || !slices.Equal(races.Evidence, []string{"I hate races."}) {
		t.Errorf("competition: %+v (found %v)", races, found)
	}
	strength := map[string]int{"faint": 1, "clear": 2, "strong": 3}
	for i := range fs {
		if strength[fs[i].Strength] == 0 {
			t.Errorf("%s: strength %q", fs[i].Theme, fs[i].Strength)
		}
		if i > 0 && strength[fs[i].Strength] > strength[fs[i-1].Strength] {
			t.Errorf("not strongest first: %+v", fs)
		}
	}
}

func TestThemesHighlightTriggersOnATerminal(t *testing.T) {
	path := writeFile(t, "a.txt", []byte(twoThemes))
	r := runCairn(t, "", []string{"CLICOLOR_FORCE=1"}, "themes", path)
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	if !strings.Contains(r.stdout, "\x1b[") {
		t.Fatalf("no styling with CLICOLOR_FORCE:\n%q", r.stdout)
	}
	plain := ok(t, "", "themes", path)
	if got := ansi.Strip(r.stdout); got != plain {
		t.Errorf("styled output reads differently from the plain one:\n%s\n---\n%s", got, plain)
	}
}

func TestThemesOfStdinSplitIntoParagraphs(t *testing.T) {
	in := "I love my running club, we meet every Saturday.\r\n\r\n" + strings.ReplaceAll(twoThemes, ". ", ".\r\n") + "\r\n"
	out := ok(t, in, "themes", "-")
	containsAll(t, "themes -", out, "Headspace (coping)", "— paragraph 2", "— paragraph 1", "“I hate races.”")
	if strings.Contains(out, "\r") {
		t.Errorf("carriage returns survived:\n%q", out)
	}

	one := ok(t, twoThemes, "themes", "-", "--json")
	for _, f := range themesJSON(t, one) {
		if f.Theme == "" {
			t.Errorf("a finding without a theme: %+v", f)
		}
	}
	var details []struct {
		Details []struct{ Source string } `json:"details"`
	}
	if err := json.Unmarshal([]byte(one), &details); err != nil || len(details) == 0 || details[0].Details[0].Source != "stdin" {
		t.Errorf("one paragraph on stdin is not labelled stdin: %v\n%s", err, one)
	}
}

func TestThemesOfNothing(t *testing.T) {
	for name, text := range map[string]string{"empty": "", "blank lines": "\n\n  \n", "no themes": "The kettle is on."} {
		t.Run(name, func(t *testing.T) {
			if out := ok(t, text, "themes", "-"); !strings.Contains(out, "No clear themes yet — more writing helps.") {
				t.Errorf("themes of nothing: %q", out)
			}
			if out := ok(t, text, "themes", "-", "--json"); strings.TrimSpace(out) != "[]" {
				t.Errorf("themes --json of nothing: %q", out)
			}
		})
	}
}

func TestThemesRefusesWhatIsNotText(t *testing.T) {
	binaryFile := writeFile(t, "photo.jpg", []byte("\xff\xd8\xff\xe0 JFIF \x00\x10 running clears my head"))
	containsAll(t, "error", refused(t, "", "themes", binaryFile), binaryFile, "does not look like plain text")
	latin1 := writeFile(t, "latin1.txt", []byte("Je d\xe9teste les courses."))
	containsAll(t, "error", refused(t, "", "themes", latin1), "does not look like plain text")
	containsAll(t, "error", refused(t, "\x00\x01\x02", "themes", "-"), "standard input does not look like plain text")

	huge := writeFile(t, "huge.txt", bytes.Repeat([]byte("I run to clear my head. "), maxTextBytes/24+1))
	containsAll(t, "error", refused(t, "", "themes", huge), "is over 1 MB", "split it")
	// At the limit, many paragraphs or one long line, it reads.
	paras := bytes.Repeat([]byte("I run to clear my head, and the hills with friends are the best of it.\n\n"), maxTextBytes/72)
	ok(t, "", "themes", writeFile(t, "paragraphs.txt", paras))
	ok(t, "", "themes", "--json", writeFile(t, "line.txt", bytes.ReplaceAll(paras, []byte("\n\n"), []byte("  "))))

	missing := filepath.Join(t.TempDir(), "nope.txt")
	containsAll(t, "error", refused(t, "", "themes", missing), "there is no file at "+missing)
	containsAll(t, "error", refused(t, "", "themes", t.TempDir()), "is a folder")
	refused(t, "", "themes", "a.txt", "b.txt")
}

// seasonWorkbook writes a workbook with one season of answers and theme
// decisions through the store, as the workbook screens would.
func seasonWorkbook(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "cairn.db")
	// Seasons sort by start time, to the millisecond: give each its own day.
	day := time.Date(2026, 3, 1, 7, 0, 0, 0, time.UTC)
	clock := func() time.Time { day = day.AddDate(0, 0, 1); return day }
	st, err := store.Open(db, store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// An older season first: themes reads the newest one only.
	old, err := st.StartSeason("")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveAnswer(old.ID, workbook.Answer{Question: "competition", Text: "I love racing and winning medals, I live for race day."}); err != nil {
		t.Fatal(err)
	}
	season, err := st.StartSeason("a new training cycle")
	if err != nil {
		t.Fatal(err)
	}
	if season.ID == old.ID {
		t.Fatal("the two seasons share an ID")
	}
	answers := map[string]string{
		"competition":    "I hate races. Racing is not for me.",
		"beyond-running": "Running clears my head after a long shift.\nIt is the only hour of the day that is just mine.",
		"busy-life":      "Two kids and night shifts.",
	}
	for q, text := range answers {
		if err := st.SaveAnswer(season.ID, workbook.Answer{Question: q, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	board := workbook.ThemeBoard{
		Marks: []workbook.ThemeMark{
			{Theme: workbook.Theme("coping"), Polarity: workbook.Toward, Status: workbook.Confirmed},
			{Theme: workbook.Theme("competition"), Polarity: workbook.Away, Status: workbook.Dismissed},
		},
		// As the themes screen stores it: naming a theme confirms it, with
		// no mark of its own.
		Own: []workbook.OwnTheme{{ID: "own-1", Name: "Time outdoors", Polarity: workbook.Toward}},
		Top: workbook.Theme("coping"),
	}
	if err := st.SaveThemes(season.ID, board); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestThemesOfTheCurrentSeason(t *testing.T) {
	db := seasonWorkbook(t)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}

	out := ok(t, "", "--db", db, "themes")
	containsAll(t, "season themes", out,
		"Spring 2026 (2)", "themes read from 3 answers",
		"Headspace (coping) · drawn to it · ", "you confirmed it",
		"Competition (competition) · would rather not · ", "you set it aside",
		"“I hate races.”",
		"— Is running a way to work on something else, like confidence…",
		"— Do you come alive in competition?",
		"You confirmed", "Time outdoors (yours) · drawn to it", "(matters most)",
		"You set aside")
	if strings.Contains(out, "medals") {
		t.Errorf("an older season's answer was read:\n%s", out)
	}

	raw := ok(t, "", "--db", db, "themes", "--json")
	fs := themesJSON(t, raw)
	if f, found := findingFor(fs, "competition"); !found || f.Polarity != "-" {
		t.Errorf("competition in the season: %+v", fs)
	}
	var marked []struct {
		Theme  string `json:"theme"`
		Status string `json:"status"`
		Top    bool   `json:"top"`
	}
	if err := json.Unmarshal([]byte(raw), &marked); err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	for _, m := range marked {
		status[m.Theme] = m.Status
		if m.Top != (m.Theme == "coping") {
			t.Errorf("top on %s: %v", m.Theme, m.Top)
		}
	}
	if status["coping"] != "confirmed" || status["competition"] != "dismissed" || status["own-1"] != "confirmed" {
		t.Errorf("statuses in JSON: %v\n%s", status, raw)
	}

	after, err := os.ReadFile(db)
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("themes changed the workbook (%v)", err)
	}
}

// TestThemesFollowTheCurrentSeason checks the command reads the season the
// workbook opens on, as the themes screen does, not merely the newest.
func TestThemesFollowTheCurrentSeason(t *testing.T) {
	db := seasonWorkbook(t)
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	seasons, err := st.Seasons()
	if err != nil || len(seasons) != 2 {
		t.Fatalf("Seasons() = %+v, %v", seasons, err)
	}
	if err := st.SetCurrent(seasons[0].ID); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out := ok(t, "", "--db", db, "themes")
	containsAll(t, "older season's themes", out, "themes read from 1 answer", "medals")
	if f, found := findingFor(themesJSON(t, ok(t, "", "--db", db, "themes", "--json")), "competition"); !found || f.Polarity != "+" {
		t.Errorf("competition in the older season: %+v, %v", f, found)
	}
}

// TestCommandsReadAnOlderWorkbook runs export and themes on a workbook
// written by the first build (schema 1): they read every word without
// migrating or changing the file.
func TestCommandsReadAnOlderWorkbook(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "store", "testdata", "schema1.db"))
	if err != nil {
		t.Fatal(err)
	}
	db := writeFile(t, "cairn.db", raw)
	out := ok(t, "", "--db", db, "export", "--format", "json")
	for _, word := range []string{"fxans0kx", "fxans7kx", "fxgoal0kx", "fxgoal2kx", "fxnoteskx", "fxmotivkx", "fxservekx", "fxexpkx", "Quiet woods", "Solitude"} {
		if !strings.Contains(out, word) {
			t.Errorf("export of a schema 1 workbook lacks %q", word)
		}
	}
	containsAll(t, "themes of a schema 1 workbook", ok(t, "", "--db", db, "themes"), "Quiet woods", "(matters most)")
	after, err := os.ReadFile(db)
	if err != nil || !bytes.Equal(raw, after) {
		t.Errorf("reading changed the workbook (%v)", err)
	}
	if baks, _ := filepath.Glob(db + ".*"); len(baks) != 0 {
		t.Errorf("reading made files: %v", baks)
	}
}

func TestThemesWithoutAWorkbook(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none", "cairn.db")
	containsAll(t, "error", refused(t, "", "--db", db, "themes"),
		"no workbook at "+db+" yet — run cairn first, or pass a file of text")
	if _, err := os.Stat(filepath.Dir(db)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("themes created something: %v", err)
	}
	notes := writeFile(t, "cairn.db", []byte("dear diary\n"))
	containsAll(t, "error", refused(t, "", "--db", notes, "themes"), "not a cairn workbook")
}

// ideaOut is one element of `cairn ideas --json`.
type ideaOut struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Text    string `json:"text"`
	Display string `json:"display"`
	Blanks  []struct {
		Key, Label, Example string
	} `json:"blanks"`
	Themes []string `json:"themes"`
	Tiers  []string `json:"tiers"`
	Race   bool     `json:"race"`
}

func ideasJSON(t *testing.T, args ...string) []ideaOut {
	t.Helper()
	out := ok(t, "", append([]string{"ideas", "--json"}, args...)...)
	var ideas []ideaOut
	if err := json.Unmarshal([]byte(out), &ideas); err != nil || ideas == nil {
		t.Fatalf("ideas --json %v is not an array (%v):\n%s", args, err, out)
	}
	for _, idea := range ideas {
		if idea.ID == "" || idea.Kind == "" || idea.Display == "" || idea.Blanks == nil {
			t.Errorf("an idea with a missing field: %+v", idea)
		}
		if strings.ContainsAny(idea.Display, "{}") {
			t.Errorf("%s: a blank left in braces: %q", idea.ID, idea.Display)
		}
	}
	return ideas
}

func TestIdeasJSON(t *testing.T) {
	all := ideasJSON(t)
	if len(all) != len(catalog.Ideas()) {
		t.Fatalf("%d ideas, the catalog has %d", len(all), len(catalog.Ideas()))
	}
	for i, idea := range catalog.Ideas() {
		got := all[i]
		if got.ID != idea.ID || got.Kind != string(idea.Kind) || got.Text != idea.Text ||
			got.Display != idea.Display() || len(got.Blanks) != len(idea.Blanks) || got.Race != idea.Race {
			t.Errorf("idea %d: %+v, want %+v", i, got, idea)
		}
	}

	for _, idea := range ideasJSON(t, "--kind", "Training") {
		if idea.Kind != "training" {
			t.Errorf("--kind training gave %s", idea.ID)
		}
	}
	small := ideasJSON(t, "--tier", "small")
	for _, idea := range small {
		if !slices.Contains(idea.Tiers, "small") {
			t.Errorf("--tier small gave %s", idea.ID)
		}
	}
	byID := ideasJSON(t, "--theme", "coping")
	byName := ideasJSON(t, "--theme", "headSPACE")
	if len(byID) == 0 || len(byID) != len(byName) {
		t.Errorf("--theme coping gave %d ideas, --theme headSPACE %d", len(byID), len(byName))
	}
	for _, idea := range byID {
		if !slices.Contains(idea.Themes, "coping") {
			t.Errorf("--theme coping gave %s", idea.ID)
		}
	}
	both := ideasJSON(t, "--theme", "coping", "--tier", "small", "--kind", "training")
	if len(both) == 0 || len(both) >= len(byID) || len(both) >= len(small) {
		t.Errorf("filters do not narrow together: %d", len(both))
	}
	beach := ideasJSON(t, "beach")
	if !slices.ContainsFunc(beach, func(i ideaOut) bool { return i.ID == "beach-run" }) {
		t.Errorf("the words \"beach\" miss beach-run: %+v", beach)
	}
	if none := ok(t, "", "ideas", "--json", "zzz-nothing-like-this"); strings.TrimSpace(none) != "[]" {
		t.Errorf("no match in JSON: %q", none)
	}
}

func TestIdeasText(t *testing.T) {
	all := ok(t, "", "ideas")
	containsAll(t, "ideas", all, "Performance\n", "Milestone\n", "Experience\n", "Training\n",
		"  Run a mile in under __  medium, big · Personal goals\n",
		fmt.Sprintf("\n%d ideas\n", len(catalog.Ideas())))
	if strings.Contains(all, "\x1b") {
		t.Errorf("a pipe got escape sequences")
	}

	training := ok(t, "", "ideas", "--kind", "training")
	if strings.Contains(training, "Performance\n") || !strings.Contains(training, "Training\n") {
		t.Errorf("--kind training shows other kinds:\n%s", training)
	}
	want := len(catalog.FilterIdeas(catalog.Ideas(), catalog.IdeaFilter{Kind: catalog.Training}))
	containsAll(t, "ideas --kind training", training, fmt.Sprintf("%d of %d ideas", want, len(catalog.Ideas())))

	if none := ok(t, "", "ideas", "zzz-nothing-like-this"); !strings.Contains(none, "No ideas match") {
		t.Errorf("no match: %q", none)
	}
}

func TestIdeasRefuseUnknownFilters(t *testing.T) {
	containsAll(t, "--kind", refused(t, "", "ideas", "--kind", "speed"),
		`there is no kind "speed"`, "performance, milestone, experience or training")
	containsAll(t, "--tier", refused(t, "", "ideas", "--tier", "huge"),
		`there is no tier "huge"`, "small, medium or big")
	msg := refused(t, "", "ideas", "--theme", "speed")
	containsAll(t, "--theme", msg, `there is no theme "speed"`)
	for _, th := range catalog.Themes() {
		containsAll(t, "--theme", msg, string(th.ID))
	}
}

func TestEverySubcommandHasHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"export", "--help"}, {"themes", "--help"}, {"ideas", "--help"}, {"help", "themes"},
		{"log", "--help"}, {"journal", "--help"}, {"import-runs", "--help"}} {
		r := runCairn(t, "", nil, args...)
		if r.code != 0 {
			t.Errorf("cairn %v exited %d:\n%s", args, r.code, r.stderr)
			continue
		}
		if strings.TrimSpace(r.stdout) == "" {
			t.Errorf("cairn %v printed nothing", args)
		}
	}
	containsAll(t, "themes --help", ansi.Strip(ok(t, "", "themes", "--help")), "cairn themes answers.txt", "--json")
	containsAll(t, "ideas --help", ansi.Strip(ok(t, "", "ideas", "--help")), "--kind", "--theme", "--tier", "cairn ideas --tier small")
	containsAll(t, "log --help", ansi.Strip(ok(t, "", "log", "--help")), "cairn log 5k 28:30", "--date", "--note", "--enjoy", "--tag")
	containsAll(t, "journal --help", ansi.Strip(ok(t, "", "journal", "--help")), "cairn journal -n 10", "--from", "--on-this-day", "--json", "--contains")
	containsAll(t, "import-runs --help", ansi.Strip(ok(t, "", "import-runs", "--help")), "cairn import-runs", "GPX", "FIT", "Strava")
}

// TestThemesCommandReadsTheSeasonAsDetectionDefines pins `cairn themes` to
// detect.SeasonSources, the one definition of what a season's theme
// reading takes in, which the themes screen uses too (its own test pins it
// to the same): both propose the same themes, in the same order, for the
// same season. An answer to a question this build no longer asks counts.
func TestThemesCommandReadsTheSeasonAsDetectionDefines(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	season, err := st.StartSeason("")
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{
		"beyond-running":   "Running clears my head after a long shift.",
		"retired-question": "I hate races, the start line makes me feel sick.",
	}
	for q, text := range texts {
		if err := st.SaveAnswer(season.ID, workbook.Answer{Question: q, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	var want []string
	for _, f := range detect.Detect(detect.SeasonSources(texts)) {
		want = append(want, string(f.Theme)+f.Polarity.String())
	}
	if !slices.Contains(want, "competition-") {
		t.Fatalf("the retired answer should propose competition: %v", want)
	}
	var got []string
	for _, f := range themesJSON(t, ok(t, "", "--db", db, "themes", "--json")) {
		got = append(got, f.Theme+f.Polarity)
	}
	if !slices.Equal(got, want) {
		t.Errorf("cairn themes proposes %v, the season reads as %v", got, want)
	}
}
