package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cairn-run/cairn/export"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

// The runner's data in and out through the commands, as a script would
// use them: export, import, backup and check on real workbooks, damaged
// copies among them.

const (
	ownValue = "01a3ffc816400000c3d4"
	ownTheme = "01a3ffc816400000a1b2"
)

// fullWorkbook writes two seasons with something of everything in them
// (own themes and values, a goal ladder, looks back at experiments) and a
// journal of runs linked to the own value, and returns its path.
func fullWorkbook(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "cairn.db")
	day := time.Date(2026, 6, 1, 7, 0, 0, 0, time.UTC)
	clock := func() time.Time { day = day.Add(10 * 24 * time.Hour); return day }
	st, err := store.Open(db, store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	first, err := st.NewSeason(workbook.SeasonPlan{Name: "Spring base"})
	must(err)
	must(st.SaveAnswer(first.ID, workbook.Answer{Question: "big-dream", Text: "An ultra, one day.", Updated: clock()}))
	season, err := st.NewSeason(workbook.SeasonPlan{Name: "Summer build", Why: workbook.NewCycle, Reason: "a new training cycle"})
	must(err)
	at := clock()
	for q, text := range map[string]string{
		"numbers-or-feelings": "Feelings first.\nBut I do love a new PB.",
		"beyond-running":      "Running clears my head after a long shift.",
		"retired-question":    "Kept from an older cairn.",
	} {
		must(st.SaveAnswer(season.ID, workbook.Answer{Question: q, Text: text, Updated: at}))
	}
	must(st.SaveValues(season.ID, []workbook.ValueChoice{
		{ID: "calm", Serve: "A quiet loop", Experiment: "No watch on Sundays"},
		{ID: ownValue, Own: true, Name: "Slow mornings", Serve: "Before the house wakes"},
	}))
	must(st.SaveThemes(season.ID, workbook.ThemeBoard{
		Marks:      []workbook.ThemeMark{{Theme: workbook.Theme("coping"), Polarity: workbook.Toward, Status: workbook.Confirmed}},
		Own:        []workbook.OwnTheme{{ID: ownTheme, Name: "Time with my dad", Polarity: workbook.Toward}},
		Top:        workbook.OwnThemeRef(ownTheme),
		Motivation: "Time that is just mine",
		Updated:    at,
	}))
	for _, g := range []workbook.Goal{
		{ID: "01a3ffc816400000b001", Tier: workbook.Big, Text: "Run the ridge ultra in September", Feel: workbook.Scary, Status: workbook.Committed,
			Themes: []workbook.Ref{workbook.OwnThemeRef(ownTheme)}, Values: []workbook.Ref{workbook.OwnValueRef(ownValue), workbook.Value("calm")},
			Said: map[string]bool{"attainable": true}, Purpose: map[string]bool{"smile": true}, Created: at, Updated: at},
		{ID: "01a3ffc816400000b002", Tier: workbook.Small, Text: "Tuesday 6:30, the long hill", Parent: "01a3ffc816400000b001", Order: 0, Created: at, Updated: at},
	} {
		must(st.PutGoal(season.ID, g))
	}
	// What coming back keeps: a week looked back on, a rest, their history.
	step := workbook.Goal{ID: "01a3ffc816400000b003", Tier: workbook.Small, Text: "Thursday tempo at 7", Week: workbook.DayOf(at).WeekStart(),
		Order: 1, Created: at, Updated: at}
	must(st.SaveGoalChange(season.ID, step, workbook.AddedEvent(step, at)))
	checked, ev := step.CheckWeek(workbook.Partly, at.Add(time.Hour))
	must(st.SaveGoalChange(season.ID, checked, ev))
	resting, ev, err := workbook.Goal{ID: "01a3ffc816400000b004", Tier: workbook.Medium, Text: "Hill repeats for six weeks",
		Created: at, Updated: at}.RestFor(5, "after the calf strain", at.Add(2*time.Hour))
	must(err)
	must(st.SaveGoalChange(season.ID, resting, ev))
	must(st.SavePlace(season.ID, workbook.Place{Screen: "goals", Question: 7, Updated: at}))
	must(st.SaveExperimentReview(season.ID, workbook.ExperimentReview{Value: workbook.OwnValueRef(ownValue), Experiment: "Before the house wakes",
		Tries: 3, Felt: "lighter", Decision: workbook.Keep, StillFits: workbook.FitsYes, At: at}))
	settings := workbook.DefaultJournalSettings()
	settings.Plan = 4
	settings, _ = settings.AddTags("hills")
	must(st.SaveJournalSettings(settings))
	for i := range 6 {
		e := workbook.Entry{ID: workbook.NewID(day.Add(time.Duration(i) * time.Hour)), Day: workbook.DayOf(day).AddDays(-i), Metres: 5000 + 123*i,
			Duration: 28*time.Minute + time.Duration(i)*1300*time.Millisecond, Enjoyment: 4, Before: 2, After: 4, Tags: []string{"hills"},
			Fit: map[workbook.Ref]workbook.Score{workbook.OwnValueRef(ownValue): 5}, Experiment: workbook.OwnValueRef(ownValue),
			Note: "hill loop " + string(rune('a'+i)), Source: workbook.Source{Kind: workbook.Logged}, Created: at, Updated: at}
		if i == 5 {
			e.Source = workbook.Source{Kind: workbook.Imported, File: "run.fit", Fingerprint: "start:abc"}
		}
		must(st.PutEntry(e))
	}
	return db
}

// sameExport compares two JSON exports, all but the time they were made.
func sameExport(t *testing.T, a, b []byte) {
	t.Helper()
	exported := regexp.MustCompile(`"exported": "[^"]*"`)
	a, b = exported.ReplaceAll(a, nil), exported.ReplaceAll(b, nil)
	if !bytes.Equal(a, b) {
		t.Errorf("the exports differ:\n%s\n---\n%s", a, b)
	}
}

func hash(t *testing.T, path string) [32]byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(raw)
}

func TestExportImportExportIsTheSame(t *testing.T) {
	db := fullWorkbook(t)
	dir := t.TempDir()
	first := filepath.Join(dir, "first.json")
	ok(t, "", "--db", db, "export", "--format", "json", "-o", first)
	if info, err := os.Stat(first); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the export file: %v, %v", info, err)
	}
	fresh := filepath.Join(dir, "fresh", "cairn.db")
	said := ok(t, "", "--db", fresh, "import", first)
	containsAll(t, "import", said, "Imported", "added 2 seasons", "6 runs", "3 events of goals' histories")
	again := filepath.Join(dir, "again.json")
	ok(t, "", "--db", fresh, "export", "-o", again)
	a, _ := os.ReadFile(first)
	b, _ := os.ReadFile(again)
	sameExport(t, a, b)

	// The same file again changes nothing, and says so.
	before := hash(t, fresh)
	containsAll(t, "a second import", ok(t, "", "--db", fresh, "import", first), "Nothing new")
	if hash(t, fresh) != before {
		t.Error("importing the same export twice changed the workbook")
	}
	// Names stand beside the IDs of the runner's own themes and values.
	var doc export.Document
	json.Unmarshal(a, &doc)
	g := doc.Seasons[1].Goals[0]
	if strings.Join(g.ValueNames, ",") != "Slow mornings,Calm" || strings.Join(g.ThemeNames, ",") != "Time with my dad" ||
		doc.Seasons[1].Themes.TopName != "Time with my dad" || doc.Journal.Entries[0].Fit[0].Name != "Slow mornings" {
		t.Errorf("names beside IDs: %+v %+v", g, doc.Seasons[1].Themes)
	}
}

func TestABrokenImportChangesNothing(t *testing.T) {
	db := fullWorkbook(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	ok(t, "", "--db", db, "export", "-o", good)
	raw, _ := os.ReadFile(good)
	target := filepath.Join(dir, "target.db")
	ok(t, "", "--db", target, "log", "5k")
	before := hash(t, target)
	newer := bytes.Replace(raw, []byte(`"version": 1`), []byte(`"version": 2`), 1)
	for name, tc := range map[string]struct {
		data []byte
		want []string
	}{
		"truncated":   {raw[:len(raw)*2/3], []string{"not whole, well-formed JSON", "Nothing was imported"}},
		"corrupted":   {bytes.Replace(raw, []byte(`"tier": "big"`), []byte(`"tier": "huge"`), 1), []string{"column \"huge\"", "Nothing was imported"}},
		"a bad score": {bytes.Replace(raw, []byte(`"enjoyment":4`), []byte(`"enjoyment":9`), 1), []string{"enjoyment", "Nothing was imported"}},
		"newer":       {newer, []string{"newer cairn", "update cairn", "Nothing was imported"}},
		"not cairn":   {[]byte(`{"hello": "world"}`), []string{"not a cairn export", "Nothing was imported"}},
	} {
		t.Run(name, func(t *testing.T) {
			file := writeFile(t, "in.json", tc.data)
			containsAll(t, name, refused(t, "", "--db", target, "import", file), tc.want...)
			if hash(t, target) != before {
				t.Error("the workbook changed")
			}
		})
	}
}

func TestImportAJrnlJournal(t *testing.T) {
	jrnl := `{"tags": {"@hills": 1}, "entries": [
	  {"date": "2025-03-01", "time": "07:05", "title": "Hill loop.", "body": "Legs heavy, then light.", "tags": ["@hills"], "starred": true},
	  {"date": "2025-03-03", "time": "18:30", "title": "Easy with Sam.", "body": "", "tags": [], "starred": false}
	]}`
	file := writeFile(t, "jrnl.json", []byte(jrnl))
	db := filepath.Join(t.TempDir(), "cairn.db")
	containsAll(t, "jrnl import", ok(t, "", "--db", db, "import", file), "2 runs")
	es := entriesOf(t, ok(t, "", "--db", db, "journal", "--json"))
	if len(es) != 2 || es[0].Date != "2025-03-01" || es[0].Note != "Hill loop.\n\nLegs heavy, then light." ||
		strings.Join(es[0].Tags, ",") != "hills,starred" || es[1].Note != "Easy with Sam." {
		t.Errorf("runs: %+v", es)
	}
	containsAll(t, "again", ok(t, "", "--db", db, "import", file), "Nothing new")
	if es := entriesOf(t, ok(t, "", "--db", db, "journal", "--json")); len(es) != 2 {
		t.Errorf("a second import added runs: %d", len(es))
	}
}

func TestExportFormatsAndSeasons(t *testing.T) {
	db := fullWorkbook(t)
	md := ok(t, "", "--db", db, "export", "--format", "md")
	containsAll(t, "md", md, "# Summer build", "Time with my dad", "Slow mornings", "Run the ridge ultra", "## Journal")
	if strings.Contains(md, ownValue) || strings.Contains(md, "An ultra, one day") {
		t.Errorf("the current season's Markdown shows an ID or the other season:\n%s", md)
	}
	all := ok(t, "", "--db", db, "export", "--format", "md", "--season", "all")
	if strings.Count(all, "\n# ") != 1 || !strings.Contains(all, "# Spring base") || !strings.Contains(all, "An ultra, one day") {
		t.Errorf("--season all:\n%s", all)
	}
	card := ok(t, "", "--db", db, "export", "--format", "card")
	containsAll(t, "card", card, "WHAT MATTERS MOST", "Time that is just mine", "[ ] Tuesday 6:30, the long hill")
	for i, l := range strings.Split(strings.TrimRight(card, "\n"), "\n") {
		if len([]rune(l)) > export.CardWidth || i >= export.CardLines {
			t.Errorf("the card overflows its page at line %d: %q", i+1, l)
		}
	}
	var one export.Document
	json.Unmarshal([]byte(ok(t, "", "--db", db, "export", "--json", "--season", "summer build")), &one)
	if len(one.Seasons) != 1 || one.Seasons[0].Reason != "a new training cycle" || len(one.Journal.Entries) == 0 {
		t.Errorf("one season as JSON: %d seasons, %+v", len(one.Seasons), one.Journal)
	}
	containsAll(t, "an unknown season", refused(t, "", "--db", db, "export", "--season", "winter"), `no season "winter"`, "Summer build")
	containsAll(t, "a card of every season", refused(t, "", "--db", db, "export", "--format", "card", "--season", "all"), "one season")
	containsAll(t, "two formats", refused(t, "", "--db", db, "export", "--json", "--format", "md"), "two formats")
	containsAll(t, "over the workbook", refused(t, "", "--db", db, "export", "-o", db), "the workbook itself")
}

// TestAnExportKilledHalfwayLeavesNothing kills export -o of a long journal
// at moments through it: the file is never there half written, and
// nothing else is left beside it.
func TestAnExportKilledHalfwayLeavesNothing(t *testing.T) {
	db := longJournal(t, 30000)
	dir := t.TempDir()
	out := filepath.Join(dir, "export.json")
	killed := 0
	for _, after := range []time.Duration{5, 20, 40, 80, 160} {
		cmd := exec.Command(binary, "--db", db, "export", "-o", out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		raw, err := os.ReadFile(out)
		switch {
		case os.IsNotExist(err):
			killed++
		case err != nil:
			t.Fatal(err)
		case !json.Valid(raw):
			t.Fatalf("killed after %v, the export is there half written", after*time.Millisecond)
		default:
			os.Remove(out) // it finished first: whole
		}
		if entries, _ := os.ReadDir(dir); len(entries) > 0 {
			t.Fatalf("killed after %v, left %v", after*time.Millisecond, entries)
		}
	}
	if killed == 0 {
		t.Error("every export finished before it was killed: the test proved nothing")
	}
}

func TestBackupsPassTheCheck(t *testing.T) {
	db := fullWorkbook(t)
	dir := t.TempDir()
	said := ok(t, "", "--db", db, "backup", dir)
	containsAll(t, "backup", said, "passes cairn check", "2 seasons")
	copies, _ := filepath.Glob(filepath.Join(dir, "cairn.db.backup-*.bak"))
	if len(copies) != 1 {
		t.Fatalf("copies: %v", copies)
	}
	if info, _ := os.Stat(copies[0]); info.Mode().Perm() != 0o600 {
		t.Errorf("the copy's mode is %v", info.Mode().Perm())
	}
	containsAll(t, "check of the copy", ok(t, "", "--db", copies[0], "check"), "Healthy")
	a := ok(t, "", "--db", db, "export")
	b := ok(t, "", "--db", copies[0], "export")
	sameExport(t, []byte(a), []byte(b))
	// By default, beside the workbook.
	ok(t, "", "--db", db, "backup")
	if list := store.Backups(db); len(list) != 1 || list[0].Kind != store.BackupManual {
		t.Errorf("backups beside the workbook: %+v", list)
	}
}

// damagedCopy copies db and damages the copy with fn.
func damagedCopy(t *testing.T, db string, fn func([]byte) []byte) string {
	t.Helper()
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, "cairn.db", fn(bytes.Clone(raw)))
}

func TestCheckReportsDamageInPlainWords(t *testing.T) {
	db := fullWorkbook(t)
	containsAll(t, "a healthy workbook", ok(t, "", "--db", db, "check"), "Healthy", "2 seasons", "6 runs")
	for _, tc := range []struct {
		name   string
		damage func([]byte) []byte
		want   []string
	}{
		{"a flipped byte in an answer", func(raw []byte) []byte {
			i := bytes.Index(raw, []byte("clears my head"))
			raw[i] ^= 0x20
			return raw
		}, []string{"your answer to “Is running a way to work on something else", "checksum does not match"}},
		{"a damaged key", func(raw []byte) []byte {
			i := bytes.Index(raw, []byte(`big-dream{"kind":"answer"`))
			raw[i+2] = 'x'
			return raw
		}, []string{"bix-dream", "unexpected key", "answer to \"big-dream\""}},
		{"a truncated file", func(raw []byte) []byte { return raw[:len(raw)/3] }, []string{"cut short"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			damaged := damagedCopy(t, db, tc.damage)
			before := hash(t, damaged)
			r := runCairn(t, "", nil, "--db", damaged, "check")
			if r.code != exitDamaged {
				t.Fatalf("exit %d:\n%s%s", r.code, r.stdout, r.stderr)
			}
			containsAll(t, tc.name, r.stdout, append(tc.want, "Damaged:", "What to do", "export --salvage")...)
			if strings.Contains(r.stdout, "Feelings first") || strings.Contains(r.stdout, "hill loop") {
				t.Errorf("the report holds the runner's words:\n%s", r.stdout)
			}
			var j checkJSON
			if err := json.Unmarshal([]byte(runCairn(t, "", nil, "--db", damaged, "check", "--json").stdout), &j); err != nil || j.Healthy || len(j.Problems) == 0 {
				t.Errorf("--json: %+v, %v", j, err)
			}
			if hash(t, damaged) != before {
				t.Error("the check changed the file")
			}
		})
	}
	notes := writeFile(t, "notes.db", []byte("dear diary, ran 5k\n"))
	if r := runCairn(t, "", nil, "--db", notes, "check"); r.code != exitUnchecked || !strings.Contains(r.stderr, "not a cairn workbook") {
		t.Errorf("a file that is not a workbook: exit %d, %s", r.code, r.stderr)
	}
	if r := runCairn(t, "", nil, "--db", filepath.Join(t.TempDir(), "none.db"), "check"); r.code != exitUnchecked || !strings.Contains(r.stderr, "no workbook at") {
		t.Errorf("no file: exit %d, %s", r.code, r.stderr)
	}
}

// TestCheckNamesTheLatestGoodBackup: a damaged workbook with copies beside
// it names the newest copy that passes, and salvages the rest.
func TestCheckNamesTheLatestGoodBackupAndSalvages(t *testing.T) {
	db := fullWorkbook(t)
	ok(t, "", "--db", db, "backup")
	raw, _ := os.ReadFile(db)
	i := bytes.Index(raw, []byte("clears my head"))
	raw[i] ^= 0x20
	os.WriteFile(db, raw, 0o600)
	r := runCairn(t, "", nil, "--db", db, "check")
	containsAll(t, "check", r.stdout, "The latest backup that is whole is "+db+".backup-", "cp ")
	md := runCairn(t, "", nil, "--db", db, "export", "--salvage", "--format", "md")
	if md.code != 0 || !strings.Contains(md.stdout, "Feelings first.") || strings.Contains(md.stdout, "clears my head") {
		t.Errorf("the salvage: exit %d\n%s", md.code, md.stdout)
	}
	containsAll(t, "what the salvage says", md.stderr, "The workbook is damaged: 1 problem")
	plain := runCairn(t, "", nil, "--db", db, "export")
	if plain.code == 0 || !strings.Contains(plain.stderr, "cairn export --salvage") {
		t.Errorf("a plain export of a damaged workbook: exit %d, %s", plain.code, plain.stderr)
	}
}

// TestCheckSurvivesADamagedBranchPage sends a key of one of bbolt's
// branch pages far outside the file: reading it faults, or bbolt's own
// check reports it, depending on what lies there in memory. Either way
// the check reports damage, in words, and never crashes itself.
func TestCheckSurvivesADamagedBranchPage(t *testing.T) {
	db := longJournal(t, 3000)
	raw, _ := os.ReadFile(db)
	const page = 4096
	damaged := false
	for p := 2; p*page < len(raw) && !damaged; p++ {
		at := p * page
		// A branch page (flags 0x01) with keys: its first key 64 MB on.
		if raw[at+8] == 0x01 && raw[at+10] > 2 {
			raw[at+16], raw[at+17], raw[at+18], raw[at+19] = 0x00, 0x00, 0x00, 0x04
			damaged = true
		}
	}
	if !damaged {
		t.Fatal("no branch page to damage")
	}
	os.WriteFile(db, raw, 0o600)
	r := runCairn(t, "", nil, "--db", db, "check")
	if r.code != exitDamaged || !strings.Contains(r.stdout, "Damaged:") {
		t.Errorf("exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestCheckReportsAReaderThatDies kills the child reading the workbook,
// held still by a lock this test takes on the file: the check reports the
// file as one it could not read safely, and exits as for damage, rather
// than dying or calling the file healthy.
func TestCheckReportsAReaderThatDies(t *testing.T) {
	db := fullWorkbook(t)
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "--db", db, "check")
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	child := 0
	for deadline := time.Now().Add(5 * time.Second); child == 0 && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		child = childOf(cmd.Process.Pid)
	}
	if child == 0 {
		cmd.Process.Kill()
		t.Skip("the child was never seen (no /proc?)")
	}
	syscall.Kill(child, syscall.SIGKILL)
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitDamaged {
		t.Fatalf("check: %v\n%s", err, out.String())
	}
	containsAll(t, "the report", out.String(), "Damaged:", "stopped cairn's check", "signal: killed", "not known")
}

// childOf finds a process whose parent is pid, through /proc.
func childOf(pid int) int {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, s := range stats {
		raw, err := os.ReadFile(s)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces, so read after ")".
		rest := string(raw[bytes.LastIndexByte(raw, ')')+1:])
		var state string
		var ppid, self int
		fmt.Sscan(rest, &state, &ppid)
		fmt.Sscan(string(raw), &self)
		if ppid == pid {
			return self
		}
	}
	return 0
}

// longJournal writes a workbook whose journal holds n runs.
func longJournal(t *testing.T, n int) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "cairn.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var runs []workbook.Entry
	for i := range n {
		at := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 20 * time.Hour)
		runs = append(runs, workbook.Entry{ID: workbook.NewID(at), Day: workbook.DayOf(at), Metres: 5000, Note: "a steady hour by the river",
			Source: workbook.Source{Kind: workbook.Imported, Fingerprint: at.String()}, Created: at, Updated: at})
	}
	if _, err := st.ImportEntries(runs); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestSeasonPicksTheSameWayEverywhere(t *testing.T) {
	db := fullWorkbook(t)
	if got := lines(ok(t, "", "--db", db, "journal", "--season", "current")); len(got) != 6 {
		t.Errorf("the current season's runs: %v", got)
	}
	r := runCairn(t, "", nil, "--db", db, "journal", "--season", "spring base")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "No runs") {
		t.Errorf("an earlier season's runs: %+v", r)
	}
	if got := lines(ok(t, "", "--db", db, "journal", "--season", "all")); len(got) != 6 {
		t.Errorf("every season's runs: %v", got)
	}
	june := ok(t, "", "--db", db, "themes", "--season", "spring")
	july := ok(t, "", "--db", db, "themes")
	if !strings.Contains(june, "Spring base") || !strings.Contains(july, "Summer build") {
		t.Errorf("themes of June:\n%s\nand of the current season:\n%s", june, july)
	}
	for _, args := range [][]string{
		{"themes", "--season", "winter"}, {"journal", "--season", "winter"}, {"export", "--season", "winter"},
	} {
		containsAll(t, strings.Join(args, " "), refused(t, "", append([]string{"--db", db}, args...)...), `no season "winter"`, "Spring base")
	}
	containsAll(t, "themes of a season and a file", refused(t, "", "--db", db, "themes", "--season", "spring", writeFile(t, "a.txt", []byte("x"))), "one or the other")
}
