package store

import (
	"errors"
	"reflect"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cairn-run/cairn/workbook"
)

// importSet reads everything in the workbook at path back as an Import,
// as an export followed by its reading would.
func importSet(t *testing.T, path string) Import {
	t.Helper()
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.All()
	if err != nil {
		t.Fatal(err)
	}
	settings, err := s.JournalSettings()
	if err != nil {
		t.Fatal(err)
	}
	var entries []workbook.Entry
	s.JournalScan(FirstDay, LastDay, false, func(e workbook.Entry) bool { entries = append(entries, e); return true })
	current, _ := s.CurrentSeason()
	return Import{Seasons: all, Current: current.ID, Settings: &settings, Entries: entries}
}

func tallyOf(r ImportReport, kind string) Tally {
	if t, ok := r.Counts[kind]; ok {
		return *t
	}
	return Tally{}
}

func TestImportIntoAnEmptyWorkbookThenAgain(t *testing.T) {
	from, _ := checkWorkbook(t)
	in := importSet(t, from)

	to, _ := openTemp(t)
	report, err := to.Import(in)
	if err != nil {
		t.Fatal(err)
	}
	for kind, want := range map[string]Tally{
		"seasons": {Added: 1}, "answers": {Added: 3}, "goals": {Added: 2}, "values": {Added: 1},
		"themes": {Added: 1}, "runs": {Added: 2}, "settings": {Added: 1},
	} {
		if got := tallyOf(report, kind); got != want {
			t.Errorf("%s: %+v, want %+v", kind, got, want)
		}
	}
	if !reflect.DeepEqual(importSet(t, to.Path()), in) {
		// importSet opens read-only beside the editor: that is allowed.
		t.Errorf("the workbook does not hold what was imported")
	}
	again, err := to.Import(in)
	if err != nil {
		t.Fatal(err)
	}
	if again.Changed() {
		t.Errorf("importing the same again changed something: %+v", again.Counts)
	}
	if got := tallyOf(again, "answers"); got != (Tally{Same: 3}) {
		t.Errorf("answers the second time: %+v", got)
	}
}

func TestImportKeepsWhateverChangedLater(t *testing.T) {
	s, _ := openTemp(t)
	season := startSeason(t, s, "")
	early, late := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC), time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SaveAnswer(season.ID, workbook.Answer{Question: "proud-moment", Text: "mine, newer", Updated: late}))
	must(s.SaveAnswer(season.ID, workbook.Answer{Question: "big-dream", Text: "mine, older", Updated: early}))
	must(s.SaveValues(season.ID, []workbook.ValueChoice{{ID: "calm", Serve: "mine"}}))
	in := Import{Seasons: []workbook.Snapshot{{
		Season: season,
		Answers: map[string]workbook.Answer{
			"proud-moment": {Text: "theirs, older", Updated: early},
			"big-dream":    {Text: "theirs, newer", Updated: late},
		},
		Values: []workbook.ValueChoice{{ID: "calm", Serve: "theirs"}, {ID: "joy", Serve: "new"}},
	}}}
	report, err := s.Import(in)
	if err != nil {
		t.Fatal(err)
	}
	wb, _ := s.Workbook(season.ID)
	if wb.Answers["proud-moment"].Text != "mine, newer" || wb.Answers["big-dream"].Text != "theirs, newer" {
		t.Errorf("answers %+v", wb.Answers)
	}
	if len(wb.Values) != 2 || wb.Values[0].Serve != "mine" || wb.Values[1].ID != "joy" {
		t.Errorf("values %+v", wb.Values)
	}
	if got := tallyOf(report, "answers"); got != (Tally{Updated: 1, Kept: 1}) {
		t.Errorf("answers %+v", got)
	}
	if got := tallyOf(report, "values"); got != (Tally{Added: 1, Kept: 1}) {
		t.Errorf("values %+v", got)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	s, path := openTemp(t)
	season := startSeason(t, s, "")
	if err := s.SaveAnswer(season.ID, workbook.Answer{Question: "proud-moment", Text: "x"}); err != nil {
		t.Fatal(err)
	}
	// A damaged answer the import would have to merge with.
	s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSeasons).Bucket([]byte(season.ID)).Bucket(bucketAnswers).Put([]byte("big-dream"), []byte(`{"kind":"answer","v":1,"sum":"00000000","data":{}}`))
	})
	before := fileHash(t, path)
	in := Import{
		Seasons: []workbook.Snapshot{
			{Season: workbook.Season{ID: "01a3ffc8164000000009", Name: "Another", Started: time.Now()}, Answers: map[string]workbook.Answer{"q": {Text: "new"}}},
			{Season: season, Answers: map[string]workbook.Answer{"big-dream": {Text: "over the damage", Updated: time.Now()}}},
		},
		Entries: []workbook.Entry{{ID: "01a3ffc816400000e0aa", Day: workbook.MakeDay(2026, 11, 30)}},
	}
	_, err := s.Import(in)
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("import over a damaged record: %v", err)
	}
	if fileHash(t, path) != before {
		t.Error("a failed import changed the workbook")
	}
	if seasons, _ := s.Seasons(); len(seasons) != 1 {
		t.Errorf("a failed import left a season: %+v", seasons)
	}
}
