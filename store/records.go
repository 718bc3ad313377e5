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

// seasonRecord is version 2 of the season kind: besides the reason in
// words, which of the reasons it is (why), and the season it carried
// things over from and what it carried.
type seasonRecord struct {
	ID      string       `json:"id"`
	Name    string       `json:"name"`
	Started time.Time    `json:"started"`
	Reason  string       `json:"reason,omitempty"`
	Why     string       `json:"why,omitempty"`
	From    string       `json:"from,omitempty"`
	Carried *carryRecord `json:"carried,omitempty"`
}

// carryRecord is what a season carried over from the one before.
type carryRecord struct {
	Values bool `json:"values,omitempty"`
	Themes bool `json:"themes,omitempty"`
	Goals  bool `json:"goals,omitempty"`
}

func seasonToRecord(s workbook.Season) seasonRecord {
	r := seasonRecord{ID: s.ID, Name: s.Name, Started: s.Started, Reason: s.Reason, Why: s.Why.String(), From: s.From}
	if s.Carried.Any() {
		r.Carried = &carryRecord{Values: s.Carried.Values, Themes: s.Carried.Themes, Goals: s.Carried.Goals}
	}
	return r
}

func (r seasonRecord) season() (workbook.Season, error) {
	why, err := workbook.ParseWhy(r.Why)
	if err != nil {
		return workbook.Season{}, err
	}
	s := workbook.Season{ID: r.ID, Name: r.Name, Started: r.Started, Reason: r.Reason, Why: why, From: r.From}
	if r.Carried != nil {
		s.Carried = workbook.Carry{Values: r.Carried.Values, Themes: r.Carried.Themes, Goals: r.Carried.Goals}
	}
	return s, nil
}

// seasonRecordV1 is version 1 of the season kind: the reason in words
// only.
type seasonRecordV1 struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Started time.Time `json:"started"`
	Reason  string    `json:"reason,omitempty"`
}

// upgrade names the reason a version 1 season gave: the words of one of
// the reasons become that reason, any others are the runner's own.
func (r seasonRecordV1) upgrade(upgradeContext) (seasonRecord, error) {
	return seasonRecord{ID: r.ID, Name: r.Name, Started: r.Started, Reason: r.Reason, Why: workbook.WhyOf(r.Reason).String()}, nil
}

// placeRecord is version 2 of the place kind: besides the screen and
// question, the goal selected on the board (and whether its editor was
// open), the theme selected, and the idea picker's filters when it was
// open, so a session resumes exactly where it was left.
type placeRecord struct {
	Screen   string       `json:"screen"`
	Question int          `json:"question"`
	Goal     string       `json:"goal,omitempty"`
	Editing  bool         `json:"editing,omitempty"`
	Theme    *refRecord   `json:"theme,omitempty"`
	Ideas    *ideasRecord `json:"ideas,omitempty"`
	Updated  time.Time    `json:"updated"`
}

// ideasRecord is the idea picker's filters in a place record.
type ideasRecord struct {
	Kind  string `json:"kind,omitempty"`
	Theme string `json:"theme,omitempty"`
	Tier  string `json:"tier,omitempty"`
	Query string `json:"query,omitempty"`
}

func placeToRecord(p workbook.Place) placeRecord {
	r := placeRecord{Screen: p.Screen, Question: p.Question, Goal: p.Goal, Editing: p.Editing, Updated: p.Updated}
	if !p.Theme.IsZero() {
		t := refToRecord(p.Theme)
		r.Theme = &t
	}
	if p.Ideas != nil {
		r.Ideas = &ideasRecord{Kind: p.Ideas.Kind, Theme: p.Ideas.Theme, Tier: string(p.Ideas.Tier), Query: p.Ideas.Query}
	}
	return r
}

func (r placeRecord) place() workbook.Place {
	p := workbook.Place{Screen: r.Screen, Question: r.Question, Goal: r.Goal, Editing: r.Editing, Updated: r.Updated}
	if r.Theme != nil {
		p.Theme = r.Theme.theme()
	}
	if r.Ideas != nil {
		p.Ideas = &workbook.IdeaSearch{Kind: r.Ideas.Kind, Theme: r.Ideas.Theme, Tier: workbook.Tier(r.Ideas.Tier), Query: r.Ideas.Query}
	}
	return p
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

// refRecord is a link to a theme or a value, saying whose it is: one from
// the catalog, or one the runner named. Whether it is a theme or a value
// follows from where it is stored.
type refRecord struct {
	ID  string `json:"id"`
	Own bool   `json:"own,omitempty"`
}

func refToRecord(r workbook.Ref) refRecord { return refRecord{ID: r.ID, Own: r.Own} }

func refsToRecord(refs []workbook.Ref) []refRecord {
	var out []refRecord
	for _, r := range refs {
		out = append(out, refToRecord(r))
	}
	return out
}

func (r refRecord) theme() workbook.Ref {
	if r.Own {
		return workbook.OwnThemeRef(r.ID)
	}
	return workbook.Theme(r.ID)
}

func (r refRecord) value() workbook.Ref {
	if r.Own {
		return workbook.OwnValueRef(r.ID)
	}
	return workbook.Value(r.ID)
}

// goalRecord is version 3 of the goal kind: theme and value links say
// whose they are (from version 2); a resting goal keeps its rest, a small
// goal its week and how that week went, a reached goal the runner's line
// about it, and a carried goal where it came from (from version 3).
type goalRecord struct {
	ID      string          `json:"id"`
	Tier    string          `json:"tier"`
	Text    string          `json:"text"`
	Feel    string          `json:"feel,omitempty"`
	Themes  []refRecord     `json:"themes,omitempty"`
	Values  []refRecord     `json:"values,omitempty"`
	Parent  string          `json:"parent,omitempty"`
	Status  string          `json:"status,omitempty"`
	Said    map[string]bool `json:"said,omitempty"`
	Purpose map[string]bool `json:"purpose,omitempty"`
	Idea    string          `json:"idea,omitempty"`
	Order   int             `json:"order"`
	Rest    *restRecord     `json:"rest,omitempty"`
	Week    string          `json:"week,omitempty"`
	Check   *checkRecord    `json:"check,omitempty"`
	Reached *reachedRecord  `json:"reached,omitempty"`
	From    *goalRefRecord  `json:"from,omitempty"`
	Again   string          `json:"again,omitempty"`
	Created time.Time       `json:"created"`
	Updated time.Time       `json:"updated"`
}

// restRecord is a resting goal's rest: since when, the day it ends, and
// the state it rested from.
type restRecord struct {
	Since time.Time `json:"since"`
	Until string    `json:"until"`
	From  string    `json:"from"`
}

// checkRecord is the look back at a small goal's week.
type checkRecord struct {
	Week    string    `json:"week"`
	Outcome string    `json:"outcome"`
	At      time.Time `json:"at"`
}

// reachedRecord is the runner's line on reaching a goal.
type reachedRecord struct {
	At   time.Time `json:"at"`
	Felt string    `json:"felt,omitempty"`
}

// goalRefRecord names a goal in another season.
type goalRefRecord struct {
	Season string `json:"season"`
	Goal   string `json:"goal"`
}

func goalToRecord(g workbook.Goal) goalRecord {
	r := goalRecord{
		ID: g.ID, Tier: string(g.Tier), Text: g.Text, Feel: g.Feel.String(),
		Themes: refsToRecord(g.Themes), Values: refsToRecord(g.Values),
		Parent: g.Parent, Status: g.Status.String(), Said: g.Said, Purpose: g.Purpose,
		Idea: g.Idea, Order: g.Order, Again: g.Again, Created: g.Created, Updated: g.Updated,
	}
	if g.Rest != (workbook.Rest{}) {
		r.Rest = &restRecord{Since: g.Rest.Since, Until: dayString(g.Rest.Until), From: g.Rest.From.String()}
	}
	r.Week = dayString(g.Week)
	if g.Check != (workbook.WeekCheck{}) {
		r.Check = &checkRecord{Week: dayString(g.Check.Week), Outcome: g.Check.Outcome.String(), At: g.Check.At}
	}
	if g.Reached != (workbook.Reached{}) {
		r.Reached = &reachedRecord{At: g.Reached.At, Felt: g.Reached.Felt}
	}
	if !g.From.IsZero() {
		r.From = &goalRefRecord{Season: g.From.Season, Goal: g.From.Goal}
	}
	return r
}

// dayString stores a day as 2026-11-30, and no day as "".
func dayString(d workbook.Day) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

// parseDay reads what dayString wrote.
func parseDay(s string) (workbook.Day, error) {
	if s == "" {
		return 0, nil
	}
	return workbook.ParseDay(s)
}

// upgradeGoalV2 takes a version 2 goal to version 3. A small goal was for
// the week it was written in; a resting goal rested from a draft since it
// was last changed, for the usual few days, which is over by now, so the
// runner is asked for the other look it was waiting for.
func upgradeGoalV2(r goalRecord, _ upgradeContext) (goalRecord, error) {
	if r.Tier == string(workbook.Small) && r.Week == "" && !r.Created.IsZero() {
		r.Week = workbook.DayOf(r.Created).WeekStart().String()
	}
	if r.Status == workbook.Resting.String() && r.Rest == nil {
		since := r.Updated
		r.Rest = &restRecord{Since: since, Until: workbook.DayOf(since).AddDays(workbook.DefaultRestDays).String(), From: workbook.Draft.String()}
	}
	return r, nil
}

func (r goalRecord) goal() (workbook.Goal, error) {
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
	for _, t := range r.Themes {
		g.Themes = append(g.Themes, t.theme())
	}
	for _, v := range r.Values {
		g.Values = append(g.Values, v.value())
	}
	g.Again = r.Again
	if g.Week, err = parseDay(r.Week); err != nil {
		return g, err
	}
	if r.Rest != nil {
		from, err := workbook.ParseGoalStatus(r.Rest.From)
		if err != nil {
			return g, err
		}
		until, err := parseDay(r.Rest.Until)
		if err != nil {
			return g, err
		}
		g.Rest = workbook.Rest{Since: r.Rest.Since, Until: until, From: from}
	}
	if r.Check != nil {
		o, err := workbook.ParseOutcome(r.Check.Outcome)
		if err != nil {
			return g, err
		}
		week, err := parseDay(r.Check.Week)
		if err != nil {
			return g, err
		}
		g.Check = workbook.WeekCheck{Week: week, Outcome: o, At: r.Check.At}
	}
	if r.Reached != nil {
		g.Reached = workbook.Reached{At: r.Reached.At, Felt: r.Reached.Felt}
	}
	if r.From != nil {
		g.From = workbook.GoalRef{Season: r.From.Season, Goal: r.From.Goal}
	}
	return g, nil
}

// themeMarkRecord is one decision in version 3 of the themes kind. Its
// status is "confirmed", "dismissed" or, from version 3, "undecided": the
// runner turned the theme's direction round without deciding on it yet,
// and the mark keeps only that direction.
type themeMarkRecord struct {
	Theme    refRecord `json:"theme"`
	Polarity string    `json:"polarity"`
	Status   string    `json:"status"`
}

type ownThemeRecord struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Polarity string `json:"polarity"`
}

// themeBoardRecord is version 3 of the themes kind: marks and the top
// theme say whose theme they name (from version 2; an own theme's ID is
// whatever it was made with, only version 1 gave it a prefix), and a mark
// may be undecided (from version 3).
type themeBoardRecord struct {
	Marks      []themeMarkRecord `json:"marks,omitempty"`
	Own        []ownThemeRecord  `json:"own,omitempty"`
	Top        refRecord         `json:"top,omitzero"`
	Notes      string            `json:"notes,omitempty"`
	Motivation string            `json:"motivation,omitempty"`
	Updated    time.Time         `json:"updated"`
}

func themeBoardToRecord(b workbook.ThemeBoard) themeBoardRecord {
	r := themeBoardRecord{Notes: b.Notes, Motivation: b.Motivation, Updated: b.Updated}
	if !b.Top.IsZero() {
		r.Top = refToRecord(b.Top)
	}
	for _, mk := range b.Marks {
		r.Marks = append(r.Marks, themeMarkRecord{Theme: refToRecord(mk.Theme), Polarity: mk.Polarity.String(), Status: markStatusToRecord(mk.Status)})
	}
	for _, o := range b.Own {
		r.Own = append(r.Own, ownThemeRecord{ID: o.ID, Name: o.Name, Polarity: o.Polarity.String()})
	}
	return r
}

func (r themeBoardRecord) board() (workbook.ThemeBoard, error) {
	b := workbook.ThemeBoard{Notes: r.Notes, Motivation: r.Motivation, Updated: r.Updated}
	if r.Top.ID != "" {
		b.Top = r.Top.theme()
	}
	for _, mk := range r.Marks {
		pol, err := workbook.ParsePolarity(mk.Polarity)
		if err != nil {
			return b, err
		}
		status, err := markStatusFromRecord(mk.Status)
		if err != nil {
			return b, err
		}
		b.Marks = append(b.Marks, workbook.ThemeMark{Theme: mk.Theme.theme(), Polarity: pol, Status: status})
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

// statusUndecided is how a themes record names an undecided mark, which
// workbook.MarkStatus leaves unnamed.
const statusUndecided = "undecided"

func markStatusToRecord(s workbook.MarkStatus) string {
	if s == workbook.Undecided {
		return statusUndecided
	}
	return s.String()
}

func markStatusFromRecord(s string) (workbook.MarkStatus, error) {
	if s == statusUndecided {
		return workbook.Undecided, nil
	}
	return workbook.ParseMarkStatus(s)
}

// valueRecord is one chosen value in version 2 of the values kind. An own
// value says so and carries its name; catalog values take theirs from the
// catalog.
type valueRecord struct {
	ID         string `json:"id"`
	Own        bool   `json:"own,omitempty"`
	Name       string `json:"name,omitempty"`
	Serve      string `json:"serve,omitempty"`
	Experiment string `json:"experiment,omitempty"`
}

func valuesToRecord(vs []workbook.ValueChoice) []valueRecord {
	out := make([]valueRecord, 0, len(vs))
	for _, v := range vs {
		r := valueRecord{ID: v.ID, Own: v.Own, Serve: v.Serve, Experiment: v.Experiment}
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
		out = append(out, workbook.ValueChoice{ID: r.ID, Own: r.Own, Name: r.Name, Serve: r.Serve, Experiment: r.Experiment})
	}
	return out
}

// ownValues says which of a season's chosen values are the runner's own,
// for upgrading the goals written beside them.
func ownValues(rs []valueRecord) map[string]bool {
	out := make(map[string]bool, len(rs))
	for _, r := range rs {
		out[r.ID] = r.Own
	}
	return out
}

// lastActiveRecord is when anything was last saved in the workbook.
type lastActiveRecord struct {
	At time.Time `json:"at"`
}

// Version 1 shapes, kept only to be upgraded. Version 1 said whose a theme
// or value was by convention: an own theme's ID started with "own-", an own
// value was one with a name of its own, and a goal's value links were bare
// IDs that only the season's values could explain.

const ownThemePrefix = "own-"

func themeRefV1(id string) refRecord {
	return refRecord{ID: id, Own: strings.HasPrefix(id, ownThemePrefix)}
}

// placeRecordV1 is version 1 of the place kind: the screen and question.
type placeRecordV1 struct {
	Screen   string    `json:"screen"`
	Question int       `json:"question"`
	Updated  time.Time `json:"updated"`
}

func (r placeRecordV1) upgrade(upgradeContext) (placeRecord, error) {
	return placeRecord{Screen: r.Screen, Question: r.Question, Updated: r.Updated}, nil
}

type goalRecordV1 struct {
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

func (r goalRecordV1) upgrade(c upgradeContext) (goalRecord, error) {
	g := goalRecord{
		ID: r.ID, Tier: r.Tier, Text: r.Text, Feel: r.Feel,
		Parent: r.Parent, Status: r.Status, Said: r.Said, Purpose: r.Purpose,
		Idea: r.Idea, Order: r.Order, Created: r.Created, Updated: r.Updated,
	}
	for _, id := range r.Themes {
		g.Themes = append(g.Themes, themeRefV1(id))
	}
	for _, id := range r.Values {
		g.Values = append(g.Values, refRecord{ID: id, Own: c.ownValue(id)})
	}
	return g, nil
}

type themeMarkRecordV1 struct {
	Theme    string `json:"theme"`
	Polarity string `json:"polarity"`
	Status   string `json:"status"`
}

type themeBoardRecordV1 struct {
	Marks      []themeMarkRecordV1 `json:"marks,omitempty"`
	Own        []ownThemeRecord    `json:"own,omitempty"`
	Top        string              `json:"top,omitempty"`
	Notes      string              `json:"notes,omitempty"`
	Motivation string              `json:"motivation,omitempty"`
	Updated    time.Time           `json:"updated"`
}

// upgradeThemesV2 takes a version 2 themes record to version 3. The shape
// is the same; version 3 only adds the undecided status, which version 2
// never holds, so the data carries over as it is.
func upgradeThemesV2(r themeBoardRecord, _ upgradeContext) (themeBoardRecord, error) { return r, nil }

func (r themeBoardRecordV1) upgrade(upgradeContext) (themeBoardRecord, error) {
	b := themeBoardRecord{Own: r.Own, Notes: r.Notes, Motivation: r.Motivation, Updated: r.Updated}
	if r.Top != "" {
		b.Top = themeRefV1(r.Top)
	}
	for _, mk := range r.Marks {
		b.Marks = append(b.Marks, themeMarkRecord{Theme: themeRefV1(mk.Theme), Polarity: mk.Polarity, Status: mk.Status})
	}
	return b, nil
}

type valueRecordV1 struct {
	ID         string `json:"id"`
	Name       string `json:"name,omitempty"`
	Serve      string `json:"serve,omitempty"`
	Experiment string `json:"experiment,omitempty"`
}

func upgradeValuesV1(rs []valueRecordV1, _ upgradeContext) ([]valueRecord, error) {
	out := make([]valueRecord, 0, len(rs))
	for _, r := range rs {
		out = append(out, valueRecord{ID: r.ID, Own: r.Name != "", Name: r.Name, Serve: r.Serve, Experiment: r.Experiment})
	}
	return out, nil
}

// undecodable wraps a record that decoded as JSON but holds a value this
// build cannot map, such as an unknown goal state.
func undecodable(kind recordKind, err error) error {
	return fmt.Errorf("%w: %s record: %s", ErrDamaged, kind.name, unquoted(err.Error()))
}
