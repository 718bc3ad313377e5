package workbook

import "fmt"

// Polarity says whether a runner is drawn to a theme or would rather not
// have it in their running. "I love my club" is Toward company; "I hate
// races" is Away from competition, and just as useful when choosing goals.
type Polarity int8

// The two polarities. The zero Polarity means no direction at all.
const (
	Toward Polarity = 1
	Away   Polarity = -1
)

// String returns "+" for Toward, "-" for Away and "" for neither.
func (p Polarity) String() string {
	switch p {
	case Toward:
		return "+"
	case Away:
		return "-"
	}
	return ""
}

// Words says the polarity the way the runner reads it.
func (p Polarity) Words() string {
	switch p {
	case Toward:
		return "drawn to it"
	case Away:
		return "rather not"
	}
	return ""
}

// Flip returns the other polarity; the zero Polarity stays zero.
func (p Polarity) Flip() Polarity { return -p }

// ParsePolarity reads "+" or "-".
func ParsePolarity(s string) (Polarity, error) {
	switch s {
	case "+":
		return Toward, nil
	case "-":
		return Away, nil
	}
	return 0, fmt.Errorf("polarity %q is neither %q nor %q", s, "+", "-")
}

// MarkStatus is the runner's decision on a proposed theme.
type MarkStatus uint8

// The decisions. A theme without a mark is still undecided.
const (
	Undecided MarkStatus = iota
	Confirmed
	Dismissed
)

var markStatusNames = [...]string{"", "confirmed", "dismissed"}

// String returns the stored name: "confirmed", "dismissed" or "".
func (s MarkStatus) String() string {
	if int(s) < len(markStatusNames) {
		return markStatusNames[s]
	}
	return ""
}

// ParseMarkStatus reads a stored name.
func ParseMarkStatus(s string) (MarkStatus, error) {
	for i, n := range markStatusNames {
		if i > 0 && n == s {
			return MarkStatus(i), nil
		}
	}
	return Undecided, fmt.Errorf("theme decision %q is not one cairn knows", s)
}

// Feel is how a goal feels to the runner: doable, or a little scary.
type Feel uint8

// The feels. A goal starts Unmarked.
const (
	Unmarked Feel = iota
	Doable
	Scary
)

var feelNames = [...]string{"", "doable", "scary"}

// String returns the stored name: "doable", "scary" or "" when unmarked.
func (f Feel) String() string {
	if int(f) < len(feelNames) {
		return feelNames[f]
	}
	return ""
}

// Words says the feel the way the runner reads it.
func (f Feel) Words() string {
	switch f {
	case Doable:
		return "doable"
	case Scary:
		return "a little scary"
	}
	return "not marked"
}

// ParseFeel reads a stored name; "" is Unmarked.
func ParseFeel(s string) (Feel, error) {
	for i, n := range feelNames {
		if n == s {
			return Feel(i), nil
		}
	}
	return Unmarked, fmt.Errorf("feel %q is not one cairn knows", s)
}

// Tier is one of the three goal horizons: small goals for this week,
// medium goals for a few weeks, big goals for the year.
type Tier string

// The three tiers, smallest first. Their values are stored with each goal.
const (
	Small  Tier = "small"
	Medium Tier = "medium"
	Big    Tier = "big"
)

// Tiers returns the three tiers, smallest first.
func Tiers() []Tier { return []Tier{Small, Medium, Big} }

// Valid reports whether t is one of the three tiers.
func (t Tier) Valid() bool { return t == Small || t == Medium || t == Big }

// ParseTier turns a name such as "small" or "big" into a Tier.
func ParseTier(s string) (Tier, bool) {
	t := Tier(s)
	return t, t.Valid()
}
