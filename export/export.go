// Package export turns a whole workbook into a document the runner owns:
// versioned JSON that scripts can read and a later cairn can import. The
// format is described in docs/export.md; change both together.
package export

import (
	"encoding/json"
	"io"
	"slices"
	"time"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// Format and Version identify the document. Version changes only when a
// field is removed or changes meaning; new optional fields keep it.
const (
	Format  = "cairn-export"
	Version = 1
)

// Document is the whole export.
type Document struct {
	Format   string    `json:"format"`
	Version  int       `json:"version"`
	Exported time.Time `json:"exported"`
	// Current is the ID of the season the workbook opens on (added
	// within version 1); absent when there is none.
	Current string   `json:"current,omitempty"`
	Seasons []Season `json:"seasons"`
	// Journal is the after-run journal. WriteJSONWithJournal writes it,
	// entry by entry; it is here for reading a document back.
	Journal *Journal `json:"journal,omitempty"`
}

// Season is one planning cycle and everything written in it.
//
// The export has types of its own rather than the store's: the format is
// documented and versioned, and must not change because storage did.
type Season struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Started time.Time `json:"started"`
	Reason  string    `json:"reason,omitempty"`
	Place   *Place    `json:"place,omitempty"`
	Answers []Answer  `json:"answers"`
	Themes  Themes    `json:"themes"`
	Values  []Value   `json:"values"`
	Goals   []Goal    `json:"goals"`
	// Experiments are the looks back at the values' experiments; absent
	// when there are none.
	Experiments []Experiment `json:"experiments,omitempty"`
	// Origin says why the season began and what it carried (seasons.go).
	Origin
}

// Place is where the runner left off.
type Place struct {
	Screen   string    `json:"screen"`
	Question int       `json:"question"`
	Updated  time.Time `json:"updated"`
}

// Goal is one goal on the board.
type Goal struct {
	ID      string          `json:"id"`
	Tier    string          `json:"tier"`
	Text    string          `json:"text"`
	Feel    string          `json:"feel,omitempty"`
	Themes  []string        `json:"themes,omitempty"`
	Values  []string        `json:"values,omitempty"`
	Parent  string          `json:"parent,omitempty"`
	Status  string          `json:"status,omitempty"`
	Said    map[string]bool `json:"said,omitempty"`
	Purpose map[string]bool `json:"purpose,omitempty"`
	Idea    string          `json:"idea,omitempty"`
	Order   int             `json:"order"`
	Created time.Time       `json:"created"`
	Updated time.Time       `json:"updated"`
	// ThemeNames and ValueNames name the themes and values, in the same
	// order: an own theme or value by the runner's name for it. Added
	// within version 1; an import ignores them.
	ThemeNames []string `json:"theme_names,omitempty"`
	ValueNames []string `json:"value_names,omitempty"`
	// Life is the goal's rest, week, reaching and history (seasons.go).
	Life
}

// ThemeMark is the runner's decision on one theme.
type ThemeMark struct {
	Theme    string `json:"theme"`
	Polarity string `json:"polarity"`
	Status   string `json:"status"`
	// Name is the theme's name (added within version 1).
	Name string `json:"name,omitempty"`
}

// OwnTheme is a theme the runner named.
type OwnTheme struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Polarity string `json:"polarity"`
}

// Answer is one reflection answer with the question it answers.
type Answer struct {
	Question string    `json:"question"`
	Prompt   string    `json:"prompt,omitempty"`
	Text     string    `json:"text"`
	Updated  time.Time `json:"updated"`
}

// Themes is the runner's theme board.
type Themes struct {
	Marks []ThemeMark `json:"marks"`
	Own   []OwnTheme  `json:"own"`
	Top   string      `json:"top,omitempty"`
	// TopName names the top theme (added within version 1).
	TopName    string `json:"top_name,omitempty"`
	Notes      string `json:"notes,omitempty"`
	Motivation string `json:"motivation,omitempty"`
	// Updated is when the runner last changed any of it (added within
	// version 1): an import keeps whichever board is newer.
	Updated time.Time `json:"updated,omitzero"`
}

// Value is one chosen core value.
type Value struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Own is true for a value the runner named (added within version 1).
	Own        bool   `json:"own,omitempty"`
	Serve      string `json:"serve,omitempty"`
	Experiment string `json:"experiment,omitempty"`
}

// Build makes a Document from every season's workbook.
func Build(workbooks []workbook.Snapshot, now time.Time) Document {
	return BuildNamed(workbooks, NamesOf(workbooks), now)
}

// BuildNamed makes a Document from the seasons in workbooks, naming own
// themes and values with names: those of every season, when workbooks
// holds only some of them.
func BuildNamed(workbooks []workbook.Snapshot, names Names, now time.Time) Document {
	doc := Document{Format: Format, Version: Version, Exported: now.UTC(), Seasons: []Season{}}
	for _, wb := range workbooks {
		doc.Seasons = append(doc.Seasons, season(wb, names))
	}
	return doc
}

func season(wb workbook.Snapshot, names Names) Season {
	s := Season{
		ID:      wb.Season.ID,
		Name:    wb.Season.Name,
		Started: wb.Season.Started,
		Reason:  wb.Season.Reason,
		Answers: []Answer{},
		Themes: Themes{
			Marks:      []ThemeMark{},
			Own:        []OwnTheme{},
			Top:        wb.Themes.Top.ID,
			Notes:      wb.Themes.Notes,
			Motivation: wb.Themes.Motivation,
			Updated:    wb.Themes.Updated,
		},
		Values: []Value{},
		Goals:  []Goal{},
	}
	if !wb.Themes.Top.IsZero() {
		s.Themes.TopName = names.Of(wb.Themes.Top)
	}
	for _, mk := range wb.Themes.Marks {
		status := mk.Status.String()
		if mk.Status == workbook.Undecided {
			status = "undecided"
		}
		s.Themes.Marks = append(s.Themes.Marks, ThemeMark{Theme: mk.Theme.ID, Polarity: mk.Polarity.String(), Status: status, Name: names.Of(mk.Theme)})
	}
	for _, o := range wb.Themes.Own {
		s.Themes.Own = append(s.Themes.Own, OwnTheme{ID: o.ID, Name: o.Name, Polarity: o.Polarity.String()})
	}
	for _, g := range wb.Goals {
		s.Goals = append(s.Goals, goal(g, names))
	}
	if wb.Place.Screen != "" {
		s.Place = &Place{Screen: wb.Place.Screen, Question: wb.Place.Question, Updated: wb.Place.Updated}
	}
	// Answers in the order the questions are asked, then any whose
	// question this build no longer knows, so nothing is left out.
	seen := map[string]bool{}
	for _, q := range catalog.Questions() {
		if a, ok := wb.Answers[q.ID]; ok {
			s.Answers = append(s.Answers, Answer{Question: q.ID, Prompt: q.Prompt, Text: a.Text, Updated: a.Updated})
			seen[q.ID] = true
		}
	}
	var rest []string
	for id := range wb.Answers {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	slices.Sort(rest)
	for _, id := range rest {
		a := wb.Answers[id]
		s.Answers = append(s.Answers, Answer{Question: id, Text: a.Text, Updated: a.Updated})
	}
	for _, v := range wb.Values {
		s.Values = append(s.Values, Value{ID: v.ID, Name: catalog.ValueName(v.ID, v.Name), Own: v.Own, Serve: v.Serve, Experiment: v.Experiment})
	}
	if len(wb.Reviews) > 0 {
		s.Experiments = experiments(wb.Reviews, names)
	}
	comingBack(&s, wb)
	return s
}

func goal(g workbook.Goal, names Names) Goal {
	return Goal{
		ID: g.ID, Tier: string(g.Tier), Text: g.Text, Feel: g.Feel.String(),
		Themes: refIDs(g.Themes), Values: refIDs(g.Values),
		Parent: g.Parent, Status: g.Status.String(), Said: g.Said, Purpose: g.Purpose,
		Idea: g.Idea, Order: g.Order, Created: g.Created, Updated: g.Updated,
		ThemeNames: names.all(g.Themes), ValueNames: names.all(g.Values),
	}
}

// refIDs lists the IDs the document uses for links: a catalog ID, or the
// ID of an own theme or value listed in the same season.
func refIDs(refs []workbook.Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.ID)
	}
	return out
}

// WriteJSON writes doc as indented JSON.
func WriteJSON(w io.Writer, doc Document) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
