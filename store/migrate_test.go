package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

// The schema 1 fixture (testdata/schema1.db, a copy of the file the first
// landed build wrote; see testdata/README.md) holds one season.
const (
	fixtureSeason   = "01a23b1497f586beecac"
	fixtureOwnTheme = "own-01a1fa6fe6c025b1c4ac"
	fixtureOwnValue = "01a1faa6d540652a7cf1"
)

// migrationDay is the clock the migration tests open files with, which
// names the backup.
var migrationDay = time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)

// copyFixture copies a file from testdata into a fresh folder, so no test
// ever writes to the checked-in copy, and returns the copy's path.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cairn.db")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(raw)
}

var marker = regexp.MustCompile(`fx[a-z0-9]+kx`)

// checkSchema1Words checks that every one of the fixture's fifteen marker
// words is where the first build put it, and that own themes and values are
// still the runner's own.
func checkSchema1Words(t *testing.T, wb workbook.Snapshot) {
	t.Helper()
	answers := map[string]string{
		"numbers-or-feelings": "fxans0kx", "places-and-people": "fxans1kx", "competition": "fxans2kx",
		"beyond-running": "fxans3kx", "busy-life": "fxans4kx", "proud-moment": "fxans5kx",
		"big-dream": "fxans6kx", "next-step": "fxans7kx",
	}
	var found []string
	for q, word := range answers {
		a, ok := wb.Answers[q]
		if !ok || !strings.Contains(a.Text, word) || !strings.HasPrefix(a.Text, "I run on the ridge before work") {
			t.Errorf("answer to %s = %q, want it to hold %s", q, a.Text, word)
		}
	}
	if len(wb.Answers) != len(answers) {
		t.Errorf("%d answers, want %d", len(wb.Answers), len(answers))
	}
	for _, a := range wb.Answers {
		found = append(found, marker.FindAllString(a.Text, -1)...)
	}

	goals := map[workbook.Tier]string{workbook.Small: "fxgoal0kx", workbook.Medium: "fxgoal1kx", workbook.Big: "fxgoal2kx"}
	if len(wb.Goals) != len(goals) {
		t.Errorf("%d goals, want %d", len(wb.Goals), len(goals))
	}
	for _, g := range wb.Goals {
		if want := goals[g.Tier]; g.Text != "Run the ridge loop "+want {
			t.Errorf("%s goal text = %q, want it to hold %s", g.Tier, g.Text, want)
		}
		if g.Feel != workbook.Doable || g.Status != workbook.Draft {
			t.Errorf("%s goal is %s and %s, want doable and draft", g.Tier, g.Feel, g.Status)
		}
		if want := []workbook.Ref{workbook.OwnValueRef(fixtureOwnValue)}; !reflect.DeepEqual(g.Values, want) {
			t.Errorf("%s goal links %+v, want the own value %+v", g.Tier, g.Values, want)
		}
		found = append(found, marker.FindAllString(g.Text, -1)...)
	}

	b := wb.Themes
	if b.Notes != "quiet mornings fxnoteskx" || b.Motivation != "headspace fxmotivkx" {
		t.Errorf("theme notes %q, motivation %q", b.Notes, b.Motivation)
	}
	found = append(found, marker.FindAllString(b.Notes+" "+b.Motivation, -1)...)
	own := workbook.OwnThemeRef(fixtureOwnTheme)
	if want := []workbook.OwnTheme{{ID: fixtureOwnTheme, Name: "Quiet woods", Polarity: workbook.Toward}}; !reflect.DeepEqual(b.Own, want) {
		t.Errorf("own themes = %+v, want %+v", b.Own, want)
	}
	wantMarks := []workbook.ThemeMark{
		{Theme: own, Polarity: workbook.Toward, Status: workbook.Confirmed},
		{Theme: workbook.Theme("competition"), Polarity: workbook.Away, Status: workbook.Confirmed},
	}
	if !reflect.DeepEqual(b.Marks, wantMarks) {
		t.Errorf("marks = %+v, want %+v", b.Marks, wantMarks)
	}
	if b.Top != own || !b.Top.Own {
		t.Errorf("the starred theme is %+v, want the own theme %+v", b.Top, own)
	}

	wantValues := []workbook.ValueChoice{{ID: fixtureOwnValue, Own: true, Name: "Solitude", Serve: "alone on trails fxservekx", Experiment: "one silent run fxexpkx"}}
	if !reflect.DeepEqual(wb.Values, wantValues) {
		t.Errorf("values = %+v, want %+v", wb.Values, wantValues)
	}
	for _, v := range wb.Values {
		found = append(found, marker.FindAllString(v.Serve+" "+v.Experiment, -1)...)
	}

	slices.Sort(found)
	if found = slices.Compact(found); len(found) != 15 {
		t.Errorf("%d distinct marker words survived, want 15: %v", len(found), found)
	}
	if wb.Season.ID != fixtureSeason || wb.Season.Name != "Season of December 2026" {
		t.Errorf("season = %+v", wb.Season)
	}
	if wb.Place.Screen != "goals" {
		t.Errorf("place = %+v, want the goals screen", wb.Place)
	}
}

func TestMigrateSchema1(t *testing.T) {
	path := copyFixture(t, "schema1.db")
	s, err := Open(path, WithClock(func() time.Time { return migrationDay }))
	if err != nil {
		t.Fatal(err)
	}
	if s.schema != SchemaVersion {
		t.Errorf("schema after Open = %d, want %d", s.schema, SchemaVersion)
	}
	season, err := s.CurrentSeason()
	if err != nil || season.ID != fixtureSeason {
		t.Fatalf("CurrentSeason = %+v, %v", season, err)
	}
	wb, err := s.Workbook(season.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkSchema1Words(t, wb)
	if seasons, err := s.Seasons(); err != nil || len(seasons) != 1 || seasons[0] != season {
		t.Errorf("Seasons() = %+v, %v", seasons, err)
	}
	// The season's start is the newest time in the file.
	started := time.Date(2026, 12, 3, 8, 45, 35, 93530206, time.UTC)
	if at, err := s.LastActive(); err != nil || !at.Equal(started) {
		t.Errorf("LastActive = %v, %v; want %v", at, err, started)
	}
	s.Close()

	checkMigratedFile(t, path)

	backup := filepath.Join(filepath.Dir(path), fmt.Sprintf("cairn.db.before-schema-%d-2026-12-03.bak", SchemaVersion))
	info, err := os.Stat(backup)
	if err != nil {
		t.Fatalf("no backup: %v", err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", info.Mode().Perm())
	}
	if got, want := records(t, backup), records(t, filepath.Join("testdata", "schema1.db")); !reflect.DeepEqual(got, want) {
		t.Error("the backup does not hold exactly what the file held before the migration")
	}
	ro, err := OpenReadOnly(backup)
	if err != nil {
		t.Fatal(err)
	}
	if ro.schema != 1 {
		t.Errorf("backup opens as schema %d, want 1", ro.schema)
	}
	old, err := ro.Workbook(fixtureSeason)
	ro.Close()
	if err != nil {
		t.Fatal(err)
	}
	checkSchema1Words(t, old)
	if !reflect.DeepEqual(old, wb) {
		t.Errorf("the backup read in memory differs from the migrated file:\n%+v\n%+v", old, wb)
	}

	// Opening again neither migrates nor copies: not a byte changes.
	before := fileHash(t, path)
	s, err = Open(path, WithClock(func() time.Time { return migrationDay.Add(time.Hour) }))
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.Workbook(fixtureSeason)
	s.Close()
	if err != nil || !reflect.DeepEqual(again, wb) {
		t.Errorf("reopened workbook differs: %v", err)
	}
	if fileHash(t, path) != before {
		t.Error("reopening a migrated file changed it")
	}
	if baks, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.bak")); len(baks) != 1 {
		t.Errorf("backups after reopening: %v, want just the one", baks)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".cairn.db.*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

// checkMigratedFile looks at a migrated file as bytes and buckets: this
// build's schema, every bucket a new file has, every record at its kind's newest
// version, links to own themes and values explicit.
func checkMigratedFile(t *testing.T, path string) {
	t.Helper()
	if got, want := topLevelBuckets(t, path), everyBucket; !slices.Equal(got, want) {
		t.Errorf("buckets = %v, want %v", got, want)
	}
	kinds := map[string]recordKind{}
	for _, k := range []recordKind{kindSchema, kindSeason, kindPlace, kindAnswer, kindGoal, kindThemes, kindValues, kindLastActive, kindGoalEvent} {
		kinds[k.name] = k
	}
	all := records(t, path)
	var sch schema
	for where, raw := range all {
		if where == "meta/current" || strings.HasSuffix(where, "/") {
			continue
		}
		var e envelope
		if err := json.Unmarshal([]byte(raw), &e); err != nil {
			t.Errorf("%s is not a record", where)
			continue
		}
		want := kinds[e.Kind].latest()
		if e.Kind == kindSchema.name {
			want = 1 // version 2 is for sealed workbooks only
		}
		if _, ok := kinds[e.Kind]; !ok || e.V != want {
			t.Errorf("%s is a %s record at version %d, want the newest", where, e.Kind, e.V)
		}
		if where == "meta/schema" {
			json.Unmarshal(e.Data, &sch)
		}
	}
	if sch.Version != SchemaVersion || sch.App != appName {
		t.Errorf("schema record = %+v", sch)
	}
	if all["meta/current"] != fixtureSeason {
		t.Errorf("meta/current = %q", all["meta/current"])
	}
	if _, ok := all["meta/last-active"]; !ok {
		t.Error("meta/last-active was not filled")
	}
	ownValue := `{"id":"` + fixtureOwnValue + `","own":true}`
	goals := 0
	for where, raw := range all {
		if strings.Contains(where, "/goals/") && !strings.HasSuffix(where, "/") {
			goals++
			if !strings.Contains(raw, `"values":[`+ownValue+`]`) {
				t.Errorf("%s does not link the own value explicitly: %s", where, raw)
			}
		}
	}
	if goals != 3 {
		t.Errorf("%d goal records, want 3", goals)
	}
	// Each goal's history begins with its adding, in its own words.
	added := 0
	for where, raw := range all {
		if strings.Contains(where, "/history/") && !strings.HasSuffix(where, "/") {
			added++
			if !strings.Contains(raw, `"kind":"added"`) || !strings.Contains(raw, "Run the ridge loop fxgoal") {
				t.Errorf("%s does not begin the goal's history: %s", where, raw)
			}
		}
	}
	if added != 3 {
		t.Errorf("%d history events, want one for each goal", added)
	}
	themes := all["seasons/"+fixtureSeason+"/themes"]
	if !strings.Contains(themes, `"top":{"id":"`+fixtureOwnTheme+`","own":true}`) ||
		!strings.Contains(themes, `{"theme":{"id":"competition"},"polarity":"-","status":"confirmed"}`) {
		t.Errorf("themes record: %s", themes)
	}
}

// records reads every key and value of a closed file, by bucket path; a
// bucket is listed with a trailing slash and no value.
func records(t *testing.T, path string) map[string]string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string]string{}
	var walk func(b *bolt.Bucket, where string) error
	walk = func(b *bolt.Bucket, where string) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				out[where+string(k)+"/"] = ""
				return walk(b.Bucket(k), where+string(k)+"/")
			}
			out[where+string(k)] = string(v)
			return nil
		})
	}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			out[string(name)+"/"] = ""
			return walk(b, string(name)+"/")
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReadOnlySchema1 reads a schema 1 file without migrating it: every
// word is there, upgraded in memory, and not a byte of the file changes.
func TestReadOnlySchema1(t *testing.T) {
	path := copyFixture(t, "schema1.db")
	before := fileHash(t, path)
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.schema != 1 {
		t.Errorf("schema = %d, want 1", s.schema)
	}
	season, err := s.CurrentSeason()
	if err != nil || season.ID != fixtureSeason {
		t.Fatalf("CurrentSeason = %+v, %v", season, err)
	}
	wb, err := s.Workbook(season.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkSchema1Words(t, wb)
	all, err := s.All()
	if err != nil || len(all) != 1 || !reflect.DeepEqual(all[0], wb) {
		t.Errorf("All() = %d seasons, %v", len(all), err)
	}
	seasons, err := s.Seasons()
	if err != nil || len(seasons) != 1 || seasons[0] != season {
		t.Errorf("Seasons() = %+v, %v", seasons, err)
	}
	// A schema 1 file does not say when it was last used; it is worked out.
	if at, err := s.LastActive(); err != nil || !at.Equal(time.Date(2026, 12, 3, 8, 45, 35, 93530206, time.UTC)) {
		t.Errorf("LastActive = %v, %v", at, err)
	}
	if err := s.SaveAnswer(season.ID, workbook.Answer{Question: "q", Text: "x"}); err == nil {
		t.Error("a read-only store accepted a write")
	}
	s.Close()
	if fileHash(t, path) != before {
		t.Error("a read-only open changed the file")
	}
	if entries := beside(t, filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("a read-only open left files beside the workbook: %v", entries)
	}
}

// TestMigrationNeedsItsBackup makes the copy before a migration fail, at
// the temporary file and at its final name, and checks the open fails
// with the workbook untouched and nothing left behind. File names too long
// for the file system fail the copy the same way for every user,
// including root, for whom permissions would not.
func TestMigrationNeedsItsBackup(t *testing.T) {
	for _, tc := range []struct {
		name    string
		nameLen int
	}{
		{"the copy cannot be written", 250}, // ".<name>.backup-<n>" is over 255 bytes
		{"the copy cannot be named", 230},   // only "<name>.before-schema-N-<day>.bak" is
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, strings.Repeat("w", tc.nameLen-3)+".db")
			raw, err := os.ReadFile(filepath.Join("testdata", "schema1.db"))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			before := fileHash(t, path)
			s, err := Open(path, WithClock(func() time.Time { return migrationDay }))
			if err == nil {
				s.Close()
				t.Fatal("Open migrated without a backup")
			}
			if !strings.Contains(err.Error(), "the copy could not be made, so nothing was changed") || !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not say what happened to which file", err)
			}
			if fileHash(t, path) != before {
				t.Error("the workbook changed")
			}
			if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
				t.Errorf("mode changed to %v", info.Mode().Perm())
			}
			if entries := beside(t, dir); len(entries) != 1 {
				t.Errorf("files left beside the workbook: %v", entries)
			}
		})
	}
}

// TestMigrationStopsAtDamage checks a schema 1 file with a damaged record
// is not migrated: the open names the record (not its text), the file is
// left as it was, and the copy made first is still there.
func TestMigrationStopsAtDamage(t *testing.T) {
	path := copyFixture(t, "schema1.db")
	raw, _ := os.ReadFile(path)
	// Every copy of the answer, the live one and any in freed pages.
	raw = bytes.ReplaceAll(raw, []byte("fxans5kx"), []byte("fxXns5kx"))
	os.WriteFile(path, raw, 0o600)
	before := fileHash(t, path)

	_, err := Open(path, WithClock(func() time.Time { return migrationDay }))
	var d *DamagedError
	if !errors.As(err, &d) || d.Where != "seasons/"+fixtureSeason+"/answers/proud-moment" {
		t.Fatalf("Open = %v, want damage at the proud-moment answer", err)
	}
	if strings.Contains(err.Error(), "ridge") || strings.Contains(err.Error(), "fx") {
		t.Errorf("error %q holds the runner's words", err)
	}
	if !strings.Contains(err.Error(), "a copy from before is at") {
		t.Errorf("error %q does not say where the copy is", err)
	}
	if fileHash(t, path) != before {
		t.Error("a failed migration changed the file")
	}
	if baks, _ := filepath.Glob(path + ".before-schema-*.bak"); len(baks) != 1 {
		t.Errorf("backups: %v", baks)
	}
	// A second try makes a second copy rather than overwriting the first.
	Open(path, WithClock(func() time.Time { return migrationDay }))
	if _, err := os.Stat(path + fmt.Sprintf(".before-schema-%d-2026-12-03-2.bak", SchemaVersion)); err != nil {
		t.Errorf("second backup: %v", err)
	}
}

// TestMigrateSchema1Edges migrates schema 1 files the fixture does not
// cover: one that never had a season, and one whose current season was
// not recorded.
func TestMigrateSchema1Edges(t *testing.T) {
	t.Run("no season yet", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "cairn.db")
		boltFile(t, path, func(tx *bolt.Tx) error {
			meta, _ := tx.CreateBucket(bucketMeta)
			tx.CreateBucket(bucketSeasons)
			return meta.Put(keySchema, seal(kindSchema, 1, []byte(`{"app":"cairn","version":1,"created":"2026-11-01T00:00:00Z"}`)))
		})
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.CurrentSeason(); !errors.Is(err, ErrNotFound) {
			t.Errorf("CurrentSeason = %v, want ErrNotFound", err)
		}
		if at, err := s.LastActive(); err != nil || !at.IsZero() {
			t.Errorf("LastActive = %v, %v; want never", at, err)
		}
		if _, err := s.StartSeason(""); err != nil {
			t.Error(err)
		}
	})
	t.Run("no current season", func(t *testing.T) {
		path := copyFixture(t, "schema1.db")
		db, _ := bolt.Open(path, 0o600, nil)
		db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keyCurrent) })
		db.Close()
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if season, err := s.CurrentSeason(); err != nil || season.ID != fixtureSeason {
			t.Errorf("CurrentSeason = %+v, %v; want the newest season", season, err)
		}
	})
}

func TestOpenReadOnlyRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cairn.db")
	boltFile(t, path, func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket(bucketMeta)
		tx.CreateBucket(bucketSeasons)
		return put(b, "meta", keySchema, kindSchema, schema{App: appName, Version: SchemaVersion + 1})
	})
	before := fileHash(t, path)
	if _, err := OpenReadOnly(path); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("OpenReadOnly = %v, want ErrNewerSchema", err)
	}
	if fileHash(t, path) != before {
		t.Error("the file changed")
	}
}

// TestNewerRecordNamesItsKind checks a record written by a newer cairn in a
// file this build can open is refused by name, not read as damage.
func TestNewerRecordNamesItsKind(t *testing.T) {
	plainOnly(t, "it writes a plain record of a newer version")
	s, _ := openTemp(t)
	season := startSeason(t, s, "")
	s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSeasons).Bucket([]byte(season.ID)).Bucket(bucketGoals)
		return b.Put([]byte("g"), seal(kindGoal, kindGoal.latest()+1, []byte(`{"id":"g","shape":"new"}`)))
	})
	_, err := s.Workbook(season.ID)
	if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), fmt.Sprintf("goal record version %d", kindGoal.latest()+1)) {
		t.Errorf("Workbook = %v, want a newer goal record", err)
	}
}

// TestBackupName pins the name a runner finds beside their workbook.
func TestBackupName(t *testing.T) {
	day := time.Date(2026, 12, 3, 23, 0, 0, 0, time.UTC)
	if got, want := backupName("/data/cairn.db", 2, day, 1), "/data/cairn.db.before-schema-2-2026-12-03.bak"; got != want {
		t.Errorf("backupName = %q, want %q", got, want)
	}
	if got, want := backupName("/data/cairn.db", 3, day, 4), "/data/cairn.db.before-schema-3-2026-12-03-4.bak"; got != want {
		t.Errorf("backupName = %q, want %q", got, want)
	}
}

// TestSchemaStepsReachThisBuild checks there is one step for each schema
// version after the first, in order, ending at SchemaVersion.
func TestSchemaStepsReachThisBuild(t *testing.T) {
	if len(schemaSteps) != SchemaVersion-1 {
		t.Fatalf("%d schema steps for schema %d", len(schemaSteps), SchemaVersion)
	}
	for i, st := range schemaSteps {
		if st.to != i+2 || st.run == nil || st.why == "" {
			t.Errorf("step %d goes to schema %d (run set: %v, why %q)", i, st.to, st.run != nil, st.why)
		}
	}
	if _, err := os.Stat(filepath.Join("testdata", fmt.Sprintf("schema%d.db", SchemaVersion))); err != nil {
		t.Errorf("no file from this schema in testdata: %v", err)
	}
}
