package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// The records below are the JSON shapes stored on disk, one per record
// kind and version. They are separate from the workbook's types so that
// the file format changes only when this file does; each kind maps to and
// from its workbook type by hand.

type seasonRecord struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Started time.Time `json:"started"`
	Reason  string    `json:"reason,omitempty"`
}

func seasonToRecord(s workbook.Season) seasonRecord {
	return seasonRecord{ID: s.ID, Name: s.Name, Started: s.Started, Reason: s.Reason}
}

func (r seasonRecord) season() workbook.Season {
	return workbook.Season{ID: r.ID, Name: r.Name, Started: r.Started, Reason: r.Reason}
}

type placeRecord struct {
	Screen   string    `json:"screen"`
	Question int       `json:"question"`
	Updated  time.Time `json:"updated"`
}

func placeToRecord(p workbook.Place) placeRecord {
	return placeRecord{Screen: p.Screen, Question: p.Question, Updated: p.Updated}
}

func (r placeRecord) place() workbook.Place {
	return workbook.Place{Screen: r.Screen, Question: r.Question, Updated: r.Updated}
}

type answerRecord struct {
	Question string    `json:"question"`
	Text     string    `json:"text"`
	Updated  time.Time `json:"updated"`
}

func answerToRecord(a workbook.Answer) answerRecord {
	return answerRecord{Question: a.Question, Text: a.Text, Updated: a.Updated}
}

func (r answerRecord) answer() workbook.Answer {
	return workbook.Answer{Question: r.Question, Text: r.Text, Updated: r.Updated}
}

// ownThemePrefix marks an own theme's ID in version 1 records, where
// a theme reference was a bare string.
const ownThemePrefix = "own-"

type goalRecord struct {
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
}

func goalToRecord(g workbook.Goal) goalRecord {
	return goalRecord{
		ID: g.ID, Tier: string(g.Tier), Text: g.Text, Feel: g.Feel.String(),
		Themes: themeRefsToRecord(g.Themes), Values: valueRefsToRecord(g.Values),
		Parent: g.Parent, Status: g.Status.String(), Said: g.Said, Purpose: g.Purpose,
		Idea: g.Idea, Order: g.Order, Created: g.Created, Updated: g.Updated,
	}
}

// goal maps the record to a Goal. ownValues says which value IDs are the
// runner's own, which a version 1 goal record does not say itself.
func (r goalRecord) goal(ownValues map[string]bool) (workbook.Goal, error) {
	feel, err := workbook.ParseFeel(r.Feel)
	if err != nil {
		return workbook.Goal{}, err
	}
	status, err := workbook.ParseGoalStatus(r.Status)
	if err != nil {
		return workbook.Goal{}, err
	}
	g := workbook.Goal{
		ID: r.ID, Tier: workbook.Tier(r.Tier), Text: r.Text, Feel: feel,
		Parent: r.Parent, Status: status, Said: r.Said, Purpose: r.Purpose,
		Idea: r.Idea, Order: r.Order, Created: r.Created, Updated: r.Updated,
	}
	for _, id := range r.Themes {
		g.Themes = append(g.Themes, themeRefFromRecord(id))
	}
	for _, id := range r.Values {
		if ownValues[id] {
			g.Values = append(g.Values, workbook.OwnValueRef(id))
		} else {
			g.Values = append(g.Values, workbook.Value(id))
		}
	}
	return g, nil
}

func themeRefFromRecord(id string) workbook.Ref {
	if strings.HasPrefix(id, ownThemePrefix) {
		return workbook.OwnThemeRef(id)
	}
	return workbook.Theme(id)
}

// themeRefToRecord writes a theme reference as version 1 stores it: an own
// theme's ID starts with ownThemePrefix, which is how version 1 tells it
// from a catalog theme. IDs read from disk already carry it.
func themeRefToRecord(r workbook.Ref) string {
	if r.Own {
		return ownThemeID(r.ID)
	}
	return r.ID
}

func ownThemeID(id string) string {
	if strings.HasPrefix(id, ownThemePrefix) {
		return id
	}
	return ownThemePrefix + id
}

func themeRefsToRecord(refs []workbook.Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, themeRefToRecord(r))
	}
	return out
}

func valueRefsToRecord(refs []workbook.Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.ID)
	}
	return out
}

type themeMarkRecord struct {
	Theme    string `json:"theme"`
	Polarity string `json:"polarity"`
	Status   string `json:"status"`
}

type ownThemeRecord struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Polarity string `json:"polarity"`
}

type themeBoardRecord struct {
	Marks      []themeMarkRecord `json:"marks,omitempty"`
	Own        []ownThemeRecord  `json:"own,omitempty"`
	Top        string            `json:"top,omitempty"`
	Notes      string            `json:"notes,omitempty"`
	Motivation string            `json:"motivation,omitempty"`
	Updated    time.Time         `json:"updated"`
}

func themeBoardToRecord(b workbook.ThemeBoard) themeBoardRecord {
	r := themeBoardRecord{Notes: b.Notes, Motivation: b.Motivation, Updated: b.Updated}
	if !b.Top.IsZero() {
		r.Top = themeRefToRecord(b.Top)
	}
	for _, mk := range b.Marks {
		r.Marks = append(r.Marks, themeMarkRecord{Theme: themeRefToRecord(mk.Theme), Polarity: mk.Polarity.String(), Status: mk.Status.String()})
	}
	for _, o := range b.Own {
		r.Own = append(r.Own, ownThemeRecord{ID: ownThemeID(o.ID), Name: o.Name, Polarity: o.Polarity.String()})
	}
	return r
}

func (r themeBoardRecord) board() (workbook.ThemeBoard, error) {
	b := workbook.ThemeBoard{Notes: r.Notes, Motivation: r.Motivation, Updated: r.Updated}
	if r.Top != "" {
		b.Top = themeRefFromRecord(r.Top)
	}
	for _, mk := range r.Marks {
		pol, err := workbook.ParsePolarity(mk.Polarity)
		if err != nil {
			return b, err
		}
		status, err := workbook.ParseMarkStatus(mk.Status)
		if err != nil {
			return b, err
		}
		b.Marks = append(b.Marks, workbook.ThemeMark{Theme: themeRefFromRecord(mk.Theme), Polarity: pol, Status: status})
	}
	for _, o := range r.Own {
		pol, err := workbook.ParsePolarity(o.Polarity)
		if err != nil {
			return b, err
		}
		b.Own = append(b.Own, workbook.OwnTheme{ID: o.ID, Name: o.Name, Polarity: pol})
	}
	return b, nil
}

// valueRecord is one chosen value. Version 1 marks an own value only by
// giving it a name; catalog values take theirs from the catalog.
type valueRecord struct {
	ID         string `json:"id"`
	Name       string `json:"name,omitempty"`
	Serve      string `json:"serve,omitempty"`
	Experiment string `json:"experiment,omitempty"`
}

func valuesToRecord(vs []workbook.ValueChoice) []valueRecord {
	out := make([]valueRecord, 0, len(vs))
	for _, v := range vs {
		r := valueRecord{ID: v.ID, Serve: v.Serve, Experiment: v.Experiment}
		if v.Own {
			r.Name = v.Name
		}
		out = append(out, r)
	}
	return out
}

func valuesFromRecord(rs []valueRecord) []workbook.ValueChoice {
	var out []workbook.ValueChoice
	for _, r := range rs {
		out = append(out, workbook.ValueChoice{ID: r.ID, Own: r.Name != "", Name: r.Name, Serve: r.Serve, Experiment: r.Experiment})
	}
	return out
}

// undecodable wraps a record that decoded as JSON but holds a value this
// build cannot map, such as an unknown goal state.
func undecodable(kind string, err error) error {
	return fmt.Errorf("%w: %s record: %v", ErrDamaged, kind, err)
}
