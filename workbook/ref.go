package workbook

// RefKind says what a Ref points at.
type RefKind uint8

// The kinds of reference.
const (
	ThemeKind RefKind = iota + 1
	ValueKind
)

// Ref points at a theme or a value a goal can be linked to: one from the
// catalog (ID is the catalog's) or one the runner named (Own, ID is the
// own theme's or own value's). The zero Ref points at nothing.
type Ref struct {
	Kind RefKind
	ID   string
	Own  bool
}

// Theme refers to a catalog theme.
func Theme(id string) Ref { return Ref{Kind: ThemeKind, ID: id} }

// OwnThemeRef refers to a theme the runner named.
func OwnThemeRef(id string) Ref { return Ref{Kind: ThemeKind, ID: id, Own: true} }

// Value refers to a catalog value.
func Value(id string) Ref { return Ref{Kind: ValueKind, ID: id} }

// OwnValueRef refers to a value the runner named.
func OwnValueRef(id string) Ref { return Ref{Kind: ValueKind, ID: id, Own: true} }

// IsZero reports whether r points at nothing.
func (r Ref) IsZero() bool { return r == Ref{} }

// IsTheme reports whether r points at a theme.
func (r Ref) IsTheme() bool { return r.Kind == ThemeKind }

// IsValue reports whether r points at a value.
func (r Ref) IsValue() bool { return r.Kind == ValueKind }
