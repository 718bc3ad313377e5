package reliability

import (
	"bytes"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/cairn-run/cairn/export"
	"github.com/cairn-run/cairn/store"
)

// FuzzImport is suite part 8's JSON import: whatever bytes cairn import
// is given, it reads them as cairn import does (which kind of file,
// then the export or jrnl reader, then the contents) and, where they
// make a workbook's contents, imports them into a store: never a panic,
// and the store passes the check after. The seeds are an empty export, a
// jrnl file and the export of a real workbook.
func FuzzImport(f *testing.F) {
	f.Add([]byte(`{"format":"cairn-export","version":1,"exported":"2026-12-01T10:00:00Z","seasons":[],"journal":{"unit":"km","tags":[],"plan":3,"entries":[]}}`))
	f.Add([]byte(`{"tags":{"@run":1},"entries":[{"date":"2026-11-30","time":"07:10","title":"5k easy","body":"hills","tags":["@run"],"starred":false}]}`))
	f.Add(fullExport(f))
	dir := f.TempDir()
	var once sync.Once
	var st *store.Store
	f.Fuzz(func(t *testing.T, raw []byte) {
		kind, err := export.Sniff(raw)
		if err != nil {
			return
		}
		var in store.Import
		switch kind {
		case export.CairnExport:
			doc, err := export.ReadDocument(bytes.NewReader(raw))
			if err != nil {
				return
			}
			c, err := doc.Contents()
			if err != nil {
				return
			}
			in = store.Import{Seasons: c.Seasons, Current: c.Current, Settings: c.Settings, Entries: c.Entries}
		case export.JrnlExport:
			entries, err := export.ReadJrnl(raw, "fuzz.json", time.Now())
			if err != nil {
				return
			}
			in = store.Import{Entries: entries}
		}
		once.Do(func() {
			var err error
			if st, err = store.Open(filepath.Join(dir, "cairn.db")); err != nil {
				t.Fatal(err)
			}
		})
		if _, err := st.Import(in); err != nil && errors.Is(err, store.ErrDamaged) {
			t.Fatalf("an import damaged the workbook: %v", err)
		}
		if report, err := store.Check(st.Path(), nil); err != nil || !report.Healthy() {
			t.Fatalf("after an import the workbook fails the check: %v %+v", err, report.Problems)
		}
	})
}

// fullExport is the JSON export of the full workbook, made by the cairn
// export writes.
func fullExport(f *testing.F) []byte {
	path := filepath.Join(f.TempDir(), "cairn.db")
	if err := writeFullWorkbook(path); err != nil {
		f.Fatal(err)
	}
	st, err := store.OpenReadOnly(path)
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	all, err := st.All()
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.WriteJSON(&buf, export.Build(all, time.Now())); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}
