package export

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/workbook"
)

// jrnl's JSON export (`jrnl --export json`), read so a jrnl user can move
// in: each jrnl entry becomes a run in the journal waiting for how it
// felt, its title and body the note, its tags (without the @) the kinds
// of run, a star the kind "starred".
//
//	{"tags": {"@hills": 2},
//	 "entries": [{"date": "2026-11-30", "time": "07:05", "title": "Hill loop.",
//	              "body": "Legs heavy.", "tags": ["@hills"], "starred": false}]}
//
// Each entry carries a fingerprint of its date, time and words, so
// importing the same jrnl export again adds nothing, as with a watch's
// files.

// Kind says what an import file holds.
type Kind int

// What ReadImport found.
const (
	CairnExport Kind = iota + 1
	JrnlExport
)

// jrnlDocument is the part of jrnl's export cairn reads.
type jrnlDocument struct {
	Entries []jrnlEntry `json:"entries"`
}

type jrnlEntry struct {
	Date    string   `json:"date"`
	Time    string   `json:"time"`
	Title   string   `json:"title"`
	Body    string   `json:"body"`
	Tags    []string `json:"tags"`
	Starred bool     `json:"starred"`
}

// Sniff says whether raw is a cairn export or a jrnl export, by its
// fields. It only looks; ReadDocument and ReadJrnl check the rest.
func Sniff(raw []byte) (Kind, error) {
	var top map[string]json.RawMessage
	if !json.Valid(raw) || json.Unmarshal(raw, &top) != nil {
		return 0, fmt.Errorf("%w: it is not whole, well-formed JSON (cut short, or changed by hand?)", ErrNotExport)
	}
	if _, ok := top["format"]; ok {
		return CairnExport, nil
	}
	if _, ok := top["entries"]; ok {
		return JrnlExport, nil
	}
	return 0, fmt.Errorf("%w, nor one of jrnl's (jrnl --export json)", ErrNotExport)
}

// ReadJrnl reads a jrnl JSON export into journal entries, checking each
// as the journal would: a problem anywhere fails the whole read. file is
// the export's name, kept as each run's source; now dates the entries.
func ReadJrnl(raw []byte, file string, now time.Time) ([]workbook.Entry, error) {
	var doc jrnlDocument
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%w: its entries do not read as jrnl's (%v)", ErrNotExport, err)
	}
	var problems Problems
	var out []workbook.Entry
	today := workbook.DayOf(now).AddDays(1) // a run logged across a time zone
	for i, j := range doc.Entries {
		where := fmt.Sprintf("entries[%d]", i)
		day, err := workbook.ParseDay(j.Date)
		if err != nil {
			problems = append(problems, where+".date: "+err.Error())
			continue
		}
		note := strings.TrimSpace(j.Title)
		if body := strings.TrimSpace(j.Body); body != "" {
			note = strings.TrimSpace(note + "\n\n" + body)
		}
		var tags []string
		for _, t := range j.Tags {
			if t = workbook.Tag(strings.TrimLeft(t, "@#")); t != "" && !contains(tags, t) {
				tags = append(tags, t)
			}
		}
		if j.Starred && !contains(tags, "starred") {
			tags = append(tags, "starred")
		}
		sum := sha256.Sum256([]byte(j.Date + "\x00" + j.Time + "\x00" + j.Title + "\x00" + j.Body))
		at := day.Time()
		if t, err := time.Parse("15:04", j.Time); err == nil {
			at = at.Add(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute)
		}
		e := workbook.Entry{
			ID: workbook.NewID(at), Day: day, Tags: tags, Note: note,
			Source:  workbook.Source{Kind: workbook.Imported, File: file, Fingerprint: "jrnl:" + hex.EncodeToString(sum[:12])},
			Created: now.UTC(), Updated: now.UTC(),
		}
		for _, p := range journal.Check(e, today, workbook.Kilometres) {
			problems = append(problems, where+": "+p.Text)
		}
		out = append(out, e)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
