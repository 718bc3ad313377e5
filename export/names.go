package export

import (
	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// Names says what the runner calls each theme and value: a catalog
// theme or value by its plain name, one of the runner's own by the name
// they gave it. Every document prints names, never bare IDs; the JSON
// puts them beside the IDs it links by.
type Names struct {
	themes map[string]string // own theme ID → name
	values map[string]string // own value ID → name
}

// NamesOf gathers the names the runner gave their own themes and values
// in every season: a run in the journal may be linked to a value named in
// an earlier season.
func NamesOf(seasons []workbook.Snapshot) Names {
	n := NewNames()
	for _, s := range seasons {
		n.Add(s)
	}
	return n
}

// NewNames returns Names that know only the catalog's names, for Add to
// teach the runner's own a season at a time.
func NewNames() Names {
	return Names{themes: map[string]string{}, values: map[string]string{}}
}

// Add learns the names the runner gave their own themes and values in s;
// a later season's name for the same ID wins, as in NamesOf.
func (n Names) Add(s workbook.Snapshot) {
	for _, o := range s.Themes.Own {
		n.themes[o.ID] = o.Name
	}
	for _, v := range s.Values {
		if v.Own && v.Name != "" {
			n.values[v.ID] = v.Name
		}
	}
}

// Of names a theme or value.
func (n Names) Of(r workbook.Ref) string {
	switch {
	case r.IsValue():
		if name, ok := n.values[r.ID]; ok {
			return name
		}
		return catalog.ValueName(r.ID, "")
	case r.IsTheme():
		if name, ok := n.themes[r.ID]; ok {
			return name
		}
		return catalog.ThemeName(catalog.ThemeID(r.ID))
	}
	return r.ID
}

// all names each of refs.
func (n Names) all(refs []workbook.Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, n.Of(r))
	}
	return out
}
