package seasons

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// Season over season: what changed from one pass through the exercise to
// the next, in plain sentences.

// Named is a theme or value with the name the runner sees.
type Named struct {
	Ref  workbook.Ref
	Name string
}

// Themes returns the themes a board confirmed, drawn to them and rather
// not, the one that matters most first, each named as the runner sees it:
// the catalog's name or the runner's own.
func Themes(b workbook.ThemeBoard) (toward, averse []Named) {
	for _, mk := range b.Marks {
		if mk.Status != workbook.Confirmed {
			continue
		}
		n := Named{Ref: mk.Theme, Name: ThemeName(b, mk.Theme)}
		list := &toward
		if mk.Polarity == workbook.Away {
			list = &averse
		}
		if mk.Theme == b.Top {
			*list = append([]Named{n}, *list...)
		} else {
			*list = append(*list, n)
		}
	}
	return toward, averse
}

// ThemeName names a theme of board b: an own theme by the runner's name
// for it, a catalog theme by the catalog's.
func ThemeName(b workbook.ThemeBoard, ref workbook.Ref) string {
	if ref.Own {
		if i := slices.IndexFunc(b.Own, func(o workbook.OwnTheme) bool { return o.ID == ref.ID }); i >= 0 {
			return b.Own[i].Name
		}
		return "a theme of your own"
	}
	return catalog.ThemeName(catalog.ThemeID(ref.ID))
}

// Values names a season's chosen values.
func Values(vs []workbook.ValueChoice) []Named {
	out := make([]Named, 0, len(vs))
	for _, v := range vs {
		out = append(out, Named{Ref: v.Ref(), Name: catalog.ValueName(v.ID, v.Name)})
	}
	return out
}

// Changes says what changed from season prev to season cur: the themes
// new, faded and kept, what matters most, the values, the goals carried
// over, reached and let go, and how many questions were answered. Each is
// a sentence of its own; nothing is said of what did not change but is
// also not there.
func Changes(prev, cur workbook.Snapshot) []string {
	var out []string
	pt, pa := Themes(prev.Themes)
	ct, ca := Themes(cur.Themes)
	if s := compare(pt, ct, themeWords); s != "" {
		out = append(out, s)
	}
	if s := compare(pa, ca, averseWords); s != "" {
		out = append(out, s)
	}
	if a, b := prev.Themes.Top, cur.Themes.Top; a != b && !a.IsZero() && !b.IsZero() {
		out = append(out, fmt.Sprintf("What matters most moved from %s to %s.", ThemeName(prev.Themes, a), ThemeName(cur.Themes, b)))
	}
	if s := compare(Values(prev.Values), Values(cur.Values), valueWords); s != "" {
		out = append(out, s)
	}
	if s := goalChanges(prev, cur); s != "" {
		out = append(out, s)
	}
	if a, b := answered(prev), answered(cur); a+b > 0 {
		out = append(out, fmt.Sprintf("You answered %s this season, %d last season.", plural(b, "question", "questions"), a))
	}
	return out
}

// changeWords says what became of some names between two seasons; one is
// set when there is a single name.
type changeWords struct {
	added, gone, kept func(names string, one bool) string
}

var (
	themeWords = changeWords{
		added: func(n string, one bool) string { return n + pick(one, " is", " are") + " new this season" },
		gone:  func(n string, _ bool) string { return n + " faded" },
		kept:  func(n string, _ bool) string { return n + " stayed" },
	}
	averseWords = changeWords{
		added: func(n string, _ bool) string { return "you'd now rather not have " + n },
		gone:  func(n string, _ bool) string { return "you no longer set " + n + " aside" },
		kept:  func(n string, _ bool) string { return "you'd still rather not have " + n },
	}
	valueWords = changeWords{
		added: func(n string, one bool) string { return n + pick(one, " is a new value", " are new values") },
		gone:  func(n string, one bool) string { return n + pick(one, " was", " were") + " left behind" },
		kept:  func(n string, _ bool) string { return "you kept " + n },
	}
)

// compare says what is new in cur, gone from prev and kept in both, as
// one sentence of clauses joined by semicolons; what was kept alone, when
// nothing changed; "" when neither season has any.
func compare(prev, cur []Named, w changeWords) string {
	in := func(list []Named, r workbook.Ref) bool {
		return slices.ContainsFunc(list, func(n Named) bool { return n.Ref == r })
	}
	var newNames, goneNames, keptNames []string
	for _, n := range cur {
		if in(prev, n.Ref) {
			keptNames = append(keptNames, n.Name)
		} else {
			newNames = append(newNames, n.Name)
		}
	}
	for _, n := range prev {
		if !in(cur, n.Ref) {
			goneNames = append(goneNames, n.Name)
		}
	}
	var clauses []string
	if len(newNames) > 0 {
		clauses = append(clauses, w.added(list(newNames), len(newNames) == 1))
	}
	if len(goneNames) > 0 {
		clauses = append(clauses, w.gone(list(goneNames), len(goneNames) == 1))
	}
	if len(keptNames) > 0 {
		clauses = append(clauses, w.kept(list(keptNames), len(keptNames) == 1))
	}
	if len(clauses) == 0 {
		return ""
	}
	return capital(strings.Join(clauses, "; ")) + "."
}

// goalChanges says how the goals moved on: carried over into cur, and
// reached or let go in prev.
func goalChanges(prev, cur workbook.Snapshot) string {
	carried := 0
	for _, g := range cur.Goals {
		if g.From.Season == prev.Season.ID && prev.Season.ID != "" {
			carried++
		}
	}
	var reached []string
	let := 0
	for _, g := range prev.Goals {
		switch {
		case g.Status == workbook.Achieved && g.Tier != workbook.Small:
			reached = append(reached, quote(g.Text, 32))
		case g.Status == workbook.LetGo:
			let++
		}
	}
	var clauses []string
	if carried > 0 {
		clauses = append(clauses, fmt.Sprintf("%s carried over", plural(carried, "goal", "goals")))
	}
	if len(reached) > 0 {
		clauses = append(clauses, "reached last season: "+list(reached))
	}
	if let > 0 {
		clauses = append(clauses, fmt.Sprintf("%s let go", plural(let, "goal", "goals")))
	}
	if len(clauses) == 0 {
		return ""
	}
	return capital(strings.Join(clauses, "; ")) + "."
}

// answered counts a season's answers to the questions asked today.
func answered(wb workbook.Snapshot) int {
	n := 0
	for _, q := range catalog.Questions() {
		if strings.TrimSpace(wb.Answers[q.ID].Text) != "" {
			n++
		}
	}
	return n
}
