package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// Reading an export back
//
// ReadDocument reads a document cairn export wrote (or any that follows
// docs/export.md), and Contents maps it back to the workbook's types,
// checking every field first: an import writes nothing unless all of it
// is sound. The document is walked section by section (seasons, then in
// each season its answers, themes, values, goals and experiments, then
// the journal), each with a function of its own below. A section the
// export gains (the seasons issue's goal histories and weekly check-ins)
// gets its field in Document, a check-and-map function called from
// Contents or contents.season (read_seasons.go holds those of coming
// back: a season's origin, a goal's life and history), and its records in
// Contents, which the store merges (store/import.go).

// MaxImportBytes is the largest document ReadDocument reads: far beyond
// a lifetime of running, small enough to hold in memory.
const MaxImportBytes = 1 << 30

// ErrNewerExport means the document was written by a newer cairn, in a
// version of the format this one does not know.
var ErrNewerExport = errors.New("written by a newer cairn")

// ErrNotExport means the document is not a cairn export.
var ErrNotExport = errors.New("not a cairn export")

// ReadDocument reads a whole export from r. It fails, having read nothing
// into anything, when r does not hold one well-formed JSON document, when
// the document is not a cairn export, or when its version is newer than
// Version.
func ReadDocument(r io.Reader) (Document, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return Document{}, err
	}
	if len(raw) > MaxImportBytes {
		return Document{}, fmt.Errorf("it is over %d MB; cairn reads exports up to that size", MaxImportBytes>>20)
	}
	return parseDocument(raw)
}

// header is what ReadDocument reads first, to know whether it can read
// the rest.
type header struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
}

func parseDocument(raw []byte) (Document, error) {
	if !json.Valid(raw) {
		return Document{}, fmt.Errorf("%w: it is not whole, well-formed JSON (cut short, or changed by hand?)", ErrNotExport)
	}
	var h header
	if err := json.Unmarshal(raw, &h); err != nil || h.Format != Format {
		return Document{}, fmt.Errorf("%w: it does not start with \"format\": %q", ErrNotExport, Format)
	}
	switch {
	case h.Version > Version:
		return Document{}, fmt.Errorf("%w (format version %d; this cairn reads up to %d)", ErrNewerExport, h.Version, Version)
	case h.Version < 1:
		return Document{}, fmt.Errorf("%w: its version %d was never written", ErrNotExport, h.Version)
	}
	var doc Document
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&doc); err != nil {
		return Document{}, fmt.Errorf("%w: %v", ErrNotExport, err)
	}
	return doc, nil
}

// Contents is what a document holds, in the workbook's types, checked.
type Contents struct {
	Seasons []workbook.Snapshot
	// Current is the season the workbook opened on, "" when not said.
	Current string
	// Settings are the journal's settings; nil when the document has no
	// journal.
	Settings *workbook.JournalSettings
	Entries  []workbook.Entry
}

// Problems is every problem Contents found, each naming where it is.
type Problems []string

// maxProblems is how many problems are listed; past that, they are
// counted.
const maxProblems = 20

func (p Problems) Error() string {
	list := p
	more := ""
	if len(list) > maxProblems {
		list = list[:maxProblems]
		more = fmt.Sprintf("\n  …and %d more", len(p)-maxProblems)
	}
	return "the export has " + plural(len(p), "problem", "problems") + ":\n  " + strings.Join(list, "\n  ") + more
}

// contents checks a document as it maps it.
type contents struct {
	out      Contents
	problems Problems
}

func (c *contents) problem(where, format string, args ...any) {
	c.problems = append(c.problems, where+": "+fmt.Sprintf(format, args...))
}

// Contents maps the document to the workbook's types, checking every
// field. It returns Problems when anything is wrong, and then nothing
// else: an import is all or nothing.
func (d Document) Contents() (Contents, error) {
	c := &contents{}
	seen := map[string]bool{}
	for i, s := range d.Seasons {
		where := fmt.Sprintf("seasons[%d]", i)
		if seen[s.ID] {
			c.problem(where, "season %q is in the export twice", s.ID)
		}
		seen[s.ID] = true
		c.season(where, s)
	}
	if d.Current != "" {
		if !seen[d.Current] {
			c.problem("current", "names a season the export does not hold")
		}
		c.out.Current = d.Current
	}
	if d.Journal != nil {
		c.journal(*d.Journal)
	}
	if len(c.problems) > 0 {
		return Contents{}, c.problems
	}
	return c.out, nil
}

// id checks a stable ID: a key in the workbook.
func (c *contents) id(where, id string) {
	switch {
	case id == "":
		c.problem(where, "has no ID")
	case len(id) > 100 || strings.ContainsAny(id, "/\x00") || !utf8.ValidString(id):
		c.problem(where, "has an ID cairn never makes")
	}
}

// text checks writing against what a text area holds.
func (c *contents) text(where, s string) {
	if len(s) > workbook.MaxAnswerBytes || strings.Count(s, "\n") >= workbook.MaxAnswerLines {
		c.problem(where, "is longer than cairn holds in one piece of writing (%d KB, %d lines)", workbook.MaxAnswerBytes>>10, workbook.MaxAnswerLines)
	}
}

// line checks a one-line field of at most limit characters.
func (c *contents) line(where, s string, limit int) {
	if utf8.RuneCountInString(s) > limit {
		c.problem(where, "is longer than %d characters", limit)
	}
}

// refs maps the document's links, by ID, to references: own when the
// season names it as the runner's, or when no catalog entry has the ID.
func (c *contents) refs(where string, ids []string, kind workbook.RefKind, own map[string]bool) []workbook.Ref {
	var out []workbook.Ref
	for _, id := range ids {
		if id == "" {
			c.problem(where, "links to nothing")
			continue
		}
		out = append(out, ref(id, kind, own))
	}
	return out
}

func ref(id string, kind workbook.RefKind, own map[string]bool) workbook.Ref {
	switch kind {
	case workbook.ThemeKind:
		if _, known := catalog.LookupTheme(catalog.ThemeID(id)); own[id] || !known {
			return workbook.OwnThemeRef(id)
		}
		return workbook.Theme(id)
	default:
		if _, known := catalog.LookupValue(id); own[id] || !known {
			return workbook.OwnValueRef(id)
		}
		return workbook.Value(id)
	}
}

func (c *contents) season(where string, s Season) {
	c.id(where, s.ID)
	if strings.TrimSpace(s.Name) == "" {
		c.problem(where, "has no name")
	}
	c.line(where+".name", s.Name, workbook.MaxLineRunes)
	c.line(where+".reason", s.Reason, workbook.MaxLineRunes)
	if s.Started.IsZero() {
		c.problem(where, "does not say when it started")
	}
	wb := workbook.Snapshot{
		Season:  workbook.Season{ID: s.ID, Name: s.Name, Started: s.Started, Reason: s.Reason},
		Answers: map[string]workbook.Answer{},
	}
	c.origin(where, s.Origin, &wb.Season)
	if s.Place != nil {
		wb.Place = workbook.Place{Screen: s.Place.Screen, Question: s.Place.Question, Updated: s.Place.Updated}
		if s.Place.Question < 0 {
			c.problem(where+".place", "names question %d", s.Place.Question)
		}
	}
	for i, a := range s.Answers {
		aw := fmt.Sprintf("%s.answers[%d]", where, i)
		c.id(aw, a.Question)
		if _, dup := wb.Answers[a.Question]; dup {
			c.problem(aw, "answers %q a second time", a.Question)
		}
		c.text(aw, a.Text)
		wb.Answers[a.Question] = workbook.Answer{Question: a.Question, Text: a.Text, Updated: a.Updated}
	}
	ownThemes := c.themes(where+".themes", s.Themes, &wb)
	ownValues := c.values(where+".values", s.Values, &wb)
	c.goals(where+".goals", s.Goals, ownThemes, ownValues, &wb)
	for i, e := range s.Experiments {
		ew := fmt.Sprintf("%s.experiments[%d]", where, i)
		if e.Value == "" {
			c.problem(ew, "names no value")
		}
		d, err := workbook.ParseDecision(e.Decision)
		if err != nil {
			c.problem(ew, "%v", err)
		}
		f, err := workbook.ParseStillFits(e.StillFits)
		if err != nil {
			c.problem(ew, "%v", err)
		}
		if e.Tries < 0 {
			c.problem(ew, "counts %d tries", e.Tries)
		}
		c.text(ew+".felt", e.Felt)
		wb.Reviews = append(wb.Reviews, workbook.ExperimentReview{
			Value: ref(e.Value, workbook.ValueKind, ownValues), Experiment: e.Experiment, Tries: e.Tries,
			Felt: e.Felt, Decision: d, StillFits: f, At: e.At,
		})
	}
	c.out.Seasons = append(c.out.Seasons, wb)
}

// themes maps the theme board and returns which theme IDs are the
// runner's own.
func (c *contents) themes(where string, t Themes, wb *workbook.Snapshot) map[string]bool {
	own := map[string]bool{}
	board := workbook.ThemeBoard{Notes: t.Notes, Motivation: t.Motivation, Updated: t.Updated}
	for i, o := range t.Own {
		ow := fmt.Sprintf("%s.own[%d]", where, i)
		c.id(ow, o.ID)
		if own[o.ID] {
			c.problem(ow, "names theme %q a second time", o.ID)
		}
		own[o.ID] = true
		if strings.TrimSpace(o.Name) == "" {
			c.problem(ow, "has no name")
		}
		c.line(ow+".name", o.Name, workbook.MaxNameRunes)
		pol, err := workbook.ParsePolarity(o.Polarity)
		if err != nil {
			c.problem(ow, "%v", err)
		}
		board.Own = append(board.Own, workbook.OwnTheme{ID: o.ID, Name: o.Name, Polarity: pol})
	}
	marked := map[string]bool{}
	for i, m := range t.Marks {
		mw := fmt.Sprintf("%s.marks[%d]", where, i)
		if m.Theme == "" {
			c.problem(mw, "names no theme")
		}
		if marked[m.Theme] {
			c.problem(mw, "decides on theme %q a second time", m.Theme)
		}
		marked[m.Theme] = true
		pol, err := workbook.ParsePolarity(m.Polarity)
		if err != nil {
			c.problem(mw, "%v", err)
		}
		status := workbook.Undecided
		if m.Status != "undecided" {
			if status, err = workbook.ParseMarkStatus(m.Status); err != nil {
				c.problem(mw, "%v", err)
			}
		}
		board.Marks = append(board.Marks, workbook.ThemeMark{Theme: ref(m.Theme, workbook.ThemeKind, own), Polarity: pol, Status: status})
	}
	if t.Top != "" {
		board.Top = ref(t.Top, workbook.ThemeKind, own)
	}
	c.text(where+".notes", t.Notes)
	c.line(where+".motivation", t.Motivation, workbook.MaxLineRunes)
	wb.Themes = board
	return own
}

// values maps the chosen values and returns which value IDs are the
// runner's own.
func (c *contents) values(where string, vs []Value, wb *workbook.Snapshot) map[string]bool {
	own := map[string]bool{}
	seen := map[string]bool{}
	for i, v := range vs {
		vw := fmt.Sprintf("%s[%d]", where, i)
		c.id(vw, v.ID)
		if seen[v.ID] {
			c.problem(vw, "chooses value %q a second time", v.ID)
		}
		seen[v.ID] = true
		_, known := catalog.LookupValue(v.ID)
		choice := workbook.ValueChoice{ID: v.ID, Own: v.Own || !known, Serve: v.Serve, Experiment: v.Experiment}
		if choice.Own {
			own[v.ID] = true
			choice.Name = v.Name
			if strings.TrimSpace(v.Name) == "" {
				c.problem(vw, "is a value of the runner's own without a name")
			}
			c.line(vw+".name", v.Name, workbook.MaxNameRunes)
		}
		c.text(vw+".serve", v.Serve)
		c.text(vw+".experiment", v.Experiment)
		wb.Values = append(wb.Values, choice)
	}
	return own
}

func (c *contents) goals(where string, gs []Goal, ownThemes, ownValues map[string]bool, wb *workbook.Snapshot) {
	seen := map[string]bool{}
	for i, g := range gs {
		gw := fmt.Sprintf("%s[%d]", where, i)
		c.id(gw, g.ID)
		if seen[g.ID] {
			c.problem(gw, "holds goal %q a second time", g.ID)
		}
		seen[g.ID] = true
		tier, ok := workbook.ParseTier(g.Tier)
		if !ok {
			c.problem(gw, "is in column %q, not small, medium or big", g.Tier)
		}
		feel, err := workbook.ParseFeel(g.Feel)
		if err != nil {
			c.problem(gw, "%v", err)
		}
		status, err := workbook.ParseGoalStatus(g.Status)
		if err != nil {
			c.problem(gw, "%v", err)
		}
		c.text(gw+".text", g.Text)
		goal := workbook.Goal{
			ID: g.ID, Tier: tier, Text: g.Text, Feel: feel,
			Themes: c.refs(gw+".themes", g.Themes, workbook.ThemeKind, ownThemes),
			Values: c.refs(gw+".values", g.Values, workbook.ValueKind, ownValues),
			Parent: g.Parent, Status: status, Said: g.Said, Purpose: g.Purpose,
			Idea: g.Idea, Order: g.Order, Created: g.Created, Updated: g.Updated,
		}
		if history := c.life(gw, g.Life, &goal); len(history) > 0 {
			if wb.History == nil {
				wb.History = map[string][]workbook.GoalEvent{}
			}
			wb.History[g.ID] = history
		}
		wb.Goals = append(wb.Goals, goal)
	}
}

func (c *contents) journal(j Journal) {
	unit, err := workbook.ParseUnit(j.Unit)
	if err != nil {
		c.problem("journal.unit", "%v", err)
	}
	if j.Plan < 0 || j.Plan > 21 {
		c.problem("journal.plan", "plans %d runs a week", j.Plan)
	}
	var tags []string
	for i, t := range j.Tags {
		if workbook.Tag(t) == "" || utf8.RuneCountInString(t) > 40 {
			c.problem(fmt.Sprintf("journal.tags[%d]", i), "is not a kind of run")
		}
		tags = append(tags, t)
	}
	if tags == nil {
		tags = []string{}
	}
	c.out.Settings = &workbook.JournalSettings{Unit: unit, Tags: tags, Plan: j.Plan}
	seen := map[string]bool{}
	for i, e := range j.Entries {
		ew := fmt.Sprintf("journal.entries[%d]", i)
		c.id(ew, e.ID)
		if seen[e.ID] {
			c.problem(ew, "holds run %q a second time", e.ID)
		}
		seen[e.ID] = true
		if entry, ok := c.entry(ew, e); ok {
			c.out.Entries = append(c.out.Entries, entry)
		}
	}
}

// score checks a 1–5 score, 0 being not given.
func (c *contents) score(where string, n int) workbook.Score {
	if n < 0 || n > int(workbook.MaxScore) {
		c.problem(where, "is %d, where a score goes from 1 to 5", n)
		return 0
	}
	return workbook.Score(n)
}

func (c *contents) entry(where string, e Entry) (workbook.Entry, bool) {
	day, err := workbook.ParseDay(e.Date)
	if err != nil {
		c.problem(where+".date", "%v", err)
		return workbook.Entry{}, false
	}
	if e.Metres < 0 || e.Seconds < 0 || e.Seconds > 1e9 || math.IsNaN(e.Seconds) {
		c.problem(where, "has a distance or time below zero, or past any run")
	}
	kind, err := workbook.ParseSourceKind(e.Source)
	if err != nil {
		c.problem(where+".source", "%v", err)
	}
	out := workbook.Entry{
		ID: e.ID, Day: day, Metres: e.Metres, Duration: time.Duration(math.Round(e.Seconds * float64(time.Second))),
		Enjoyment: c.score(where+".enjoyment", e.Enjoyment),
		Before:    c.score(where+".before", e.Before),
		After:     c.score(where+".after", e.After),
		Tags:      e.Tags, Note: e.Note,
		Source:  workbook.Source{Kind: kind, File: e.File, Fingerprint: e.Fingerprint},
		Created: e.Created, Updated: e.Updated,
	}
	if e.Start != nil {
		out.Start = *e.Start
	}
	for i, t := range e.Tags {
		if workbook.Tag(t) == "" {
			c.problem(fmt.Sprintf("%s.tags[%d]", where, i), "is not a kind of run")
		}
	}
	for i, f := range e.Fit {
		fw := fmt.Sprintf("%s.fit[%d]", where, i)
		if f.Value == "" {
			c.problem(fw, "names no value")
			continue
		}
		s := c.score(fw, f.Score)
		if out.Fit == nil {
			out.Fit = map[workbook.Ref]workbook.Score{}
		}
		out.Fit[ref(f.Value, workbook.ValueKind, nil)] = s
	}
	if e.Experiment != "" {
		out.Experiment = ref(e.Experiment, workbook.ValueKind, nil)
	}
	c.text(where+".note", e.Note)
	return out, true
}
