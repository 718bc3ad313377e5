package main

import (
	"bytes"
	"compress/gzip"
	"context"
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

	"github.com/muktihari/fit/encoder"
	"github.com/muktihari/fit/profile/filedef"
	"github.com/muktihari/fit/profile/mesgdef"
	"github.com/muktihari/fit/profile/typedef"

	"github.com/cairn-run/cairn/export"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

// These tests run `cairn log`, `cairn journal` and `cairn import-runs` as a
// runner's shell would, and read what they wrote back through the other
// commands and the export.

// day says a date relative to today the way --date takes it.
func day(offset int) string { return time.Now().AddDate(0, 0, offset).Format(time.DateOnly) }

// entriesOf parses `cairn journal --json`.
func entriesOf(t *testing.T, out string) []export.Entry {
	t.Helper()
	var es []export.Entry
	if err := json.Unmarshal([]byte(out), &es); err != nil || es == nil {
		t.Fatalf("journal --json is not an array (%v):\n%s", err, out)
	}
	return es
}

func notes(es []export.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Note)
	}
	return out
}

func lines(out string) []string {
	return strings.Split(strings.TrimSuffix(out, "\n"), "\n")
}

func TestLogThenReadTheJournal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	out := ok(t, "", "--db", db, "log", "5k", "28:30", "--enjoy", "4", "--before", "2", "--after", "4", "--tag", "group", "--note", "hill loop")
	if want := "5 km in 28:30 (5:42 /km) · enjoyment 4 · felt 2 → 4. New kind of run: group.\n"; !strings.HasPrefix(out, "Logged ") || !strings.HasSuffix(out, want) || strings.Count(out, "\n") != 1 {
		t.Errorf("log said %q, want one calm line ending %q", out, want)
	}
	ok(t, "", "--db", db, "log", "10k", "52:10", "--date", "yesterday", "--tag", "long", "--note", "river")
	ok(t, "", "--db", db, "log", "half", "1:58:03", "--date", day(-20), "--tag", "race", "--tag", "With Others", "--note", "the Hill race")
	ok(t, "", "--db", db, "log", "45m", "--date", "2 weeks ago", "--enjoy", "5", "--note", "no watch")

	text := ok(t, "", "--db", db, "journal")
	got := lines(text)
	if len(got) != 4 {
		t.Fatalf("journal printed %d lines:\n%s", len(got), text)
	}
	containsAll(t, "the oldest line", got[0], day(-20), "21.1 km in 1:58:03 (5:36 /km)", "[race, with others]", "the Hill race")
	containsAll(t, "the newest line", got[3], day(0), "5 km in 28:30", "[group]", "hill loop")

	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"-n", "2"}, []string{"river", "hill loop"}}, // the latest two, oldest first
		{[]string{"-n", "10"}, []string{"the Hill race", "no watch", "river", "hill loop"}},
		{[]string{"--from", "3 weeks ago", "--to", "last week"}, []string{"the Hill race", "no watch"}},
		{[]string{"--from", "yesterday"}, []string{"river", "hill loop"}},
		{[]string{"--to", day(-20)}, []string{"the Hill race"}},
		{[]string{"--contains", "HILL"}, []string{"the Hill race", "hill loop"}},
		{[]string{"--contains", "others"}, []string{"the Hill race"}}, // a kind counts too
		{[]string{"--tag", "race"}, []string{"the Hill race"}},
		{[]string{"--tag", "with others", "--tag", "RACE"}, []string{"the Hill race"}}, // every kind named
		{[]string{"--tag", "race", "--tag", "long"}, nil},                              // never just the last one
		{[]string{"--contains", "hill", "-n", "1"}, []string{"hill loop"}},
	}
	for _, tc := range cases {
		args := append([]string{"--db", db, "journal", "--json"}, tc.args...)
		es := entriesOf(t, ok(t, "", args...))
		if !slices.Equal(notes(es), tc.want) {
			t.Errorf("journal %v = %v, want %v", tc.args, notes(es), tc.want)
		}
	}

	es := entriesOf(t, ok(t, "", "--db", db, "journal", "--json", "--tag", "group"))
	if e := es[0]; e.Metres != 5000 || e.Seconds != 1710 || e.Enjoyment != 4 || e.Before != 2 || e.After != 4 || e.Source != "log" || e.Date != day(0) {
		t.Errorf("the logged run reads back as %+v", e)
	}
	r := runCairn(t, "", nil, "--db", db, "journal", "--tag", "race", "--tag", "long")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "No runs to show") {
		t.Errorf("no match: %+v", r)
	}
}

func TestOnThisDay(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	now := time.Now()
	for years, note := range map[int]string{-3: "three years ago", -1: "a year ago", 0: "today"} {
		d := now.AddDate(years, 0, 0)
		if d.Day() != now.Day() {
			t.Skip("today is 29 February; the years before have none")
		}
		ok(t, "", "--db", db, "log", "5k", "--date", d.Format(time.DateOnly), "--note", note)
	}
	ok(t, "", "--db", db, "log", "5k", "--date", "yesterday", "--note", "yesterday")
	es := entriesOf(t, ok(t, "", "--db", db, "journal", "--on-this-day", "--json"))
	if want := []string{"three years ago", "a year ago", "today"}; !slices.Equal(notes(es), want) {
		t.Errorf("on this day: %v, want %v", notes(es), want)
	}
	es = entriesOf(t, ok(t, "", "--db", db, "journal", "--on-this-day", "--json", "-n", "1"))
	if want := []string{"today"}; !slices.Equal(notes(es), want) {
		t.Errorf("on this day, -n 1: %v", notes(es))
	}
}

func TestLogRefusesWhatCannotBe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	cases := []struct {
		args []string
		says string
	}{
		{[]string{"marathon", "3:00"}, "42.2 km in 3:00 would be 0:04 /km, faster than anyone has run"},
		{[]string{"5k", "--enjoy", "9"}, "--enjoy goes from 1 to 5, not 9"},
		{[]string{"5k", "--after", "0"}, "--after goes from 1 to 5, not 0"},
		{[]string{"5k", "--date", "tomorrow"}, "is still to come"},
		{[]string{"5k", "--date", "someday"}, "--date: \"someday\" is not a date"},
		{[]string{"5m", "28:30"}, "could be metres or miles"},
		{[]string{"5k", "28:3"}, "not a time"},
		{[]string{"5k", "--fit", "calm"}, "write it as VALUE=1..5"},
		{[]string{"5k", "--fit", "nonsense=3"}, `there is no value "nonsense"`},
		{nil, "nothing to log"},
		{[]string{"--note", "   "}, "nothing to log"},
	}
	for _, tc := range cases {
		msg := refused(t, "", append([]string{"--db", db, "log"}, tc.args...)...)
		containsAll(t, fmt.Sprint(tc.args), msg, tc.says)
	}
	if out := ok(t, "", "--db", db, "journal", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("something was logged:\n%s", out)
	}
}

// TestLogRefusesAValueNeverPicked: --fit and --tried take the runner's
// own values, as the journal's form does; one of the catalog's never
// picked is refused with the way to pick it, and nothing is logged.
func TestLogRefusesAValueNeverPicked(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	msg := refused(t, "", "--db", db, "log", "45m", "--fit", "belonging=5")
	containsAll(t, "with no values picked", msg, "--fit belonging=5: Belonging is not one of your values (you have not picked any yet)",
		"pick it in the values step")
	pickValues(t, db, "calm", "nature")
	msg = refused(t, "", "--db", db, "log", "45m", "--fit", "belonging=5")
	containsAll(t, "--fit", msg, "Belonging is not one of your values (yours are Calm or Nature)")
	msg = refused(t, "", "--db", db, "log", "45m", "--fit", "calm=4", "--tried", "Belonging")
	containsAll(t, "--tried", msg, "--tried Belonging: Belonging is not one of your values")
	if out := ok(t, "", "--db", db, "journal", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("something was logged:\n%s", out)
	}
	ok(t, "", "--db", db, "log", "45m", "--fit", "Nature=5", "--tried", "calm")
	if es := entriesOf(t, ok(t, "", "--db", db, "journal", "--json")); len(es) != 1 || es[0].Experiment != "calm" ||
		len(es[0].Fit) != 1 || es[0].Fit[0].Value != "nature" || es[0].Fit[0].Score != 5 {
		t.Errorf("entries = %+v", es)
	}
}

// pickValues begins a season in the workbook at db with the catalog's
// values ids picked.
func pickValues(t *testing.T, db string, ids ...string) {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	season, err := st.CurrentSeason()
	if errors.Is(err, store.ErrNotFound) {
		season, err = st.NewSeason(workbook.SeasonPlan{})
	}
	if err != nil {
		t.Fatal(err)
	}
	var picked []workbook.ValueChoice
	for _, id := range ids {
		picked = append(picked, workbook.ValueChoice{ID: id})
	}
	if err := st.SaveValues(season.ID, picked); err != nil {
		t.Fatal(err)
	}
}

func TestLogReadsTheNoteFromStandardInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	pickValues(t, db, "calm")
	ok(t, "Legs heavy at first.\r\nThen light by the river.\n", "--db", db, "log", "8k", "--note", "-", "--fit", "calm=4", "--tried", "Calm")
	es := entriesOf(t, ok(t, "", "--db", db, "journal", "--json"))
	if len(es) != 1 || es[0].Note != "Legs heavy at first.\nThen light by the river." || es[0].Experiment != "calm" ||
		len(es[0].Fit) != 1 || es[0].Fit[0] != (export.Fit{Value: "calm", Score: 4, Name: "Calm"}) || es[0].ExperimentName != "Calm" {
		t.Errorf("entries = %+v", es)
	}
	if got := ok(t, "", "--db", db, "journal"); !strings.Contains(got, "Legs heavy at first. Then light by the river.") || strings.Count(got, "\n") != 1 {
		t.Errorf("a two-line note is not on one line:\n%s", got)
	}
}

// TestExportHoldsTheJournal: everything logged is in the export, with the
// kinds of run the runner added.
func TestExportHoldsTheJournal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	ok(t, "", "--db", db, "log", "5k", "25:00", "--tag", "Parkrun", "--note", "first")
	ok(t, "", "--db", db, "log", "3mi", "--date", "yesterday", "--note", "second")
	var doc export.Document
	if err := json.Unmarshal([]byte(ok(t, "", "--db", db, "export", "--format", "json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != export.Version || doc.Journal == nil || !slices.Equal(notes(doc.Journal.Entries), []string{"second", "first"}) {
		t.Fatalf("export: %+v", doc.Journal)
	}
	if !slices.Contains(doc.Journal.Tags, "parkrun") || doc.Journal.Unit != "km" || doc.Journal.Entries[0].Metres != 4828 {
		t.Errorf("journal: %+v", doc.Journal)
	}
}

// TestCommandsWhileTheWorkbookIsOpen holds the workbook open, as the app
// does, and runs the commands that write: each says at once that nothing
// was written and what to do, and never hangs.
func TestCommandsWhileTheWorkbookIsOpen(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	ok(t, "", "--db", db, "log", "5k")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	gpx := filepath.Join(t.TempDir(), "run.gpx")
	os.WriteFile(gpx, gpxRun(time.Now().Add(-time.Hour), 20, 50), 0o600)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"log", "5k", "28:30"}, []string{"open in another cairn", "the run was not logged", "Quit cairn there", "log it there with ctrl+l"}},
		{[]string{"import-runs", gpx}, []string{"open in another cairn", "nothing was imported", "Quit cairn there"}},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		cmd := exec.CommandContext(ctx, binary, append([]string{"--db", db}, tc.args...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		err := cmd.Run()
		hung := ctx.Err() != nil
		cancel()
		if hung {
			t.Fatalf("%v hung", tc.args)
		}
		if err == nil {
			t.Errorf("%v succeeded while the workbook was open", tc.args)
		}
		containsAll(t, fmt.Sprint(tc.args), stderr.String(), tc.want...)
		t.Logf("%v was told in %v", tc.args[0], time.Since(start).Round(time.Millisecond))
	}
}

// gpxRun is a GPX run starting at start: points ten seconds apart, step
// metres apart going north.
func gpxRun(start time.Time, points int, step float64) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="test"><trk><type>running</type><trkseg>` + "\n")
	for i := range points {
		fmt.Fprintf(&b, `<trkpt lat="%.8f" lon="-0.1"><time>%s</time></trkpt>`+"\n",
			51.5+float64(i)*step/111195.08, start.Add(time.Duration(i)*10*time.Second).UTC().Format(time.RFC3339))
	}
	b.WriteString("</trkseg></trk></gpx>\n")
	return b.Bytes()
}

// fitRun is a FIT activity made with the SDK's encoder.
func fitRun(t *testing.T, start time.Time, metres float64, timer time.Duration, sport typedef.Sport) []byte {
	t.Helper()
	a := filedef.NewActivity()
	a.FileId.SetType(typedef.FileActivity).SetTimeCreated(start).SetManufacturer(typedef.ManufacturerGarmin)
	a.Records = append(a.Records, mesgdef.NewRecord(nil).SetTimestamp(start).SetDistanceScaled(0),
		mesgdef.NewRecord(nil).SetTimestamp(start.Add(timer)).SetDistanceScaled(metres))
	a.Sessions = append(a.Sessions, mesgdef.NewSession(nil).SetTimestamp(start.Add(timer)).SetStartTime(start).
		SetSport(sport).SetTotalDistanceScaled(metres).SetTotalTimerTimeScaled(timer.Seconds()))
	a.Activity = mesgdef.NewActivity(nil).SetTimestamp(start.Add(timer)).SetNumSessions(1)
	fit := a.ToFIT(nil)
	var b bytes.Buffer
	if err := encoder.New(&b).Encode(&fit); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gzipped(data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func TestImportRuns(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	dir := filepath.Join(t.TempDir(), "export_12345", "activities")
	os.MkdirAll(dir, 0o700)
	morning := time.Now().Add(-26 * time.Hour).Truncate(time.Second)
	evening := time.Now().Add(-50 * time.Hour).Truncate(time.Second)
	files := map[string][]byte{
		"101.gpx":    gpxRun(morning, 181, 27.7), // 5,013 m in 30:00
		"102.fit.gz": gzipped(fitRun(t, evening, 10012, 52*time.Minute+31*time.Second, typedef.SportRunning)),
		"103.fit":    fitRun(t, evening.Add(-72*time.Hour), 40000, time.Hour, typedef.SportCycling), // a ride
		"104.gpx.gz": []byte("not gzip at all"),                                                     // named for the runner
		"105.gpx":    gpxRun(morning, 181, 27.7),                                                    // the same run again
		"photo.jpg":  []byte("\xff\xd8"),
		"notes.txt":  []byte("hello"),
		"106.fit":    []byte("truncated"),
		"107.tcx.gz": gzipped([]byte(`<TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>` + evening.Add(-24*time.Hour).UTC().Format(time.RFC3339) + `</Id><Lap><TotalTimeSeconds>1500</TotalTimeSeconds><DistanceMeters>5000</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>`)),
	}
	for name, data := range files {
		os.WriteFile(filepath.Join(dir, name), data, 0o600)
	}
	r := runCairn(t, "", nil, "--db", db, "import-runs", dir)
	if r.code != 0 {
		t.Fatalf("import exited %d:\n%s", r.code, r.stderr)
	}
	containsAll(t, "import", r.stdout, "Imported 3 runs from 7 files.", "1 was already in your journal.", "1 was not a run (cycling 1).", "waiting for how they felt")
	containsAll(t, "import's problems", r.stderr, "2 files could not be read; the rest were imported:",
		filepath.Join(dir, "104.gpx.gz")+": not XML", filepath.Join(dir, "106.fit")+":")
	if strings.Contains(r.stderr, "\x1b") {
		t.Errorf("a pipe got a progress bar:\n%q", r.stderr)
	}
	es := entriesOf(t, ok(t, "", "--db", db, "journal", "--json"))
	if len(es) != 3 {
		t.Fatalf("the journal holds %d runs: %+v", len(es), es)
	}
	byFile := map[string]export.Entry{}
	for _, e := range es {
		byFile[e.File] = e
		if e.Source != "import" || e.Enjoyment != 0 || !strings.HasPrefix(e.Fingerprint, "start:") {
			t.Errorf("imported entry %+v", e)
		}
	}
	if e := byFile["102.fit.gz"]; e.Metres != 10012 || e.Seconds != 3151 || e.Date != evening.Format(time.DateOnly) || !e.Start.Equal(evening) {
		t.Errorf("the FIT run: %+v", e)
	}
	if e := byFile["101.gpx"]; e.Metres < 4980 || e.Metres > 4990 || e.Seconds != 1800 || e.Date != morning.Format(time.DateOnly) {
		t.Errorf("the GPX run: %+v", e)
	}
	if e := byFile["107.tcx.gz"]; e.Metres != 5000 || e.Seconds != 1500 {
		t.Errorf("the TCX run: %+v", e)
	}
	if text := ok(t, "", "--db", db, "journal"); !strings.Contains(text, "waiting for how it felt") {
		t.Errorf("imported runs do not say they wait for their feelings:\n%s", text)
	}

	again := runCairn(t, "", nil, "--db", db, "import-runs", dir)
	containsAll(t, "a second import", again.stdout, "Imported 0 runs from 7 files.", "4 were already in your journal.")
	if n := len(entriesOf(t, ok(t, "", "--db", db, "journal", "--json"))); n != 3 {
		t.Errorf("a second import left %d runs", n)
	}
	one := runCairn(t, "", nil, "--db", db, "import-runs", filepath.Join(dir, "101.gpx"))
	containsAll(t, "one file", one.stdout, "Imported 0 runs from 1 file. 1 was already in your journal.")
}

func TestImportRunsRefuses(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	dir := t.TempDir()
	containsAll(t, "missing", refused(t, "", "--db", db, "import-runs", filepath.Join(dir, "nope")), "there is no file or folder at")
	containsAll(t, "empty", refused(t, "", "--db", db, "import-runs", dir), "there are no GPX, TCX or FIT files in")
	bad := filepath.Join(dir, "bad.fit")
	os.WriteFile(bad, []byte("nope"), 0o600)
	r := runCairn(t, "", nil, "--db", db, "import-runs", bad)
	if r.code == 0 || !strings.Contains(r.stderr, "none of the 1 file could be read") {
		t.Errorf("a folder of bad files: %+v", r)
	}
}

// TestLogTakesAUnitAsAnArgumentOfItsOwn: the form teaches "3.1 mi", and
// the shell splits it in two; "cairn log 8 mi 1:05:00" said it took at
// most 2 arguments.
func TestLogTakesAUnitAsAnArgumentOfItsOwn(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	ok(t, "", "--db", db, "log", "8", "mi", "1:05:00")
	ok(t, "", "--db", db, "log", "10", "km", "52", "min", "--date", "yesterday")
	ok(t, "", "--db", db, "log", "half", "marathon", "--date", "2 days ago")
	es := entriesOf(t, ok(t, "", "--db", db, "journal", "--json"))
	if len(es) != 3 {
		t.Fatalf("%d runs logged", len(es))
	}
	// Oldest first: the half two days ago, 10 km yesterday, 8 mi today.
	if e := es[2]; e.Metres != 12875 || e.Seconds != 3900 {
		t.Errorf("8 mi 1:05:00 logged as %+v", e)
	}
	if e := es[1]; e.Metres != 10000 || e.Seconds != 52*60 {
		t.Errorf("10 km 52 min logged as %+v", e)
	}
	if e := es[0]; e.Metres != 21098 && e.Metres != 21097 {
		t.Errorf("half marathon logged as %+v", e)
	}
	msg := refused(t, "", "--db", db, "log", "5k", "28:30", "easy")
	containsAll(t, "three arguments", msg, "a distance and a time")
}

func TestJoinUnits(t *testing.T) {
	for _, tc := range []struct {
		in, want []string
	}{
		{[]string{"8", "mi", "1:05:00"}, []string{"8 mi", "1:05:00"}},
		{[]string{"3.1", "miles"}, []string{"3.1 miles"}},
		{[]string{"5k", "45", "min"}, []string{"5k", "45 min"}},
		{[]string{"10", "45m"}, []string{"10", "45m"}}, // ten, and 45 minutes: never 1045 m
		{[]string{"5k", "28:30"}, []string{"5k", "28:30"}},
		{[]string{"half", "marathon", "1:58:03"}, []string{"half marathon", "1:58:03"}},
		{[]string{"5k", "28:30", "easy"}, []string{"5k", "28:30", "easy"}},
	} {
		if got := joinUnits(tc.in, workbook.Kilometres); !slices.Equal(got, tc.want) {
			t.Errorf("joinUnits(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
