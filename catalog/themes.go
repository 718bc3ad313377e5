package catalog

// A ThemeID names one motivation theme. The first nine are the Motivations
// of Marathoners Scales (Masters, Ogles & Jolton, 1993); exploration, joy
// and routine are cairn's additions for the runners those scales miss.
type ThemeID string

// The motivation themes. Their values are stored with confirmations and
// goal links, so they never change.
const (
	Health      ThemeID = "health"
	Weight      ThemeID = "weight"
	Affiliation ThemeID = "affiliation"
	Recognition ThemeID = "recognition"
	Competition ThemeID = "competition"
	Achievement ThemeID = "achievement"
	Coping      ThemeID = "coping"
	SelfEsteem  ThemeID = "self-esteem"
	Meaning     ThemeID = "meaning"
	Exploration ThemeID = "exploration"
	Joy         ThemeID = "joy"
	Routine     ThemeID = "routine"
)

// Theme describes a motivation in plain language.
type Theme struct {
	ID ThemeID
	// Name is what the runner sees: plain words, not the research label.
	Name string
	// Description is one line on what the motivation looks like.
	Description string
}

var themes = []Theme{
	{Health, "Health", "Running to feel well, stay fit and keep going for years."},
	{Weight, "Weight", "Running to manage weight or change how your body looks."},
	{Affiliation, "Company", "Running with and for other people: friends, a club, family."},
	{Recognition, "Recognition", "Being seen: praise, respect, sharing what you did."},
	{Competition, "Competition", "Racing others: placing, beating someone, the thrill of a race."},
	{Achievement, "Personal goals", "Reaching targets you set yourself: times, distances, firsts."},
	{Coping, "Headspace", "Clearing your head, easing stress, time that is just yours."},
	{SelfEsteem, "Confidence", "Feeling stronger, more capable and better about yourself."},
	{Meaning, "Meaning", "Running as part of who you are, a purpose, giving back."},
	{Exploration, "Exploration", "New places, trails, travel and a bit of adventure."},
	{Joy, "Joy", "Fun, play, and loving how running feels."},
	{Routine, "Routine", "Habit and consistency, fitting running into a busy life."},
}

// Themes returns every motivation theme in the catalog's order.
func Themes() []Theme {
	return append([]Theme(nil), themes...)
}

// LookupTheme returns the theme with the given ID.
func LookupTheme(id ThemeID) (Theme, bool) {
	for _, t := range themes {
		if t.ID == id {
			return t, true
		}
	}
	return Theme{}, false
}

// ThemeName is what the runner sees for a theme: its plain name, or its
// ID when this build does not know it.
func ThemeName(id ThemeID) string {
	if t, ok := LookupTheme(id); ok {
		return t.Name
	}
	return string(id)
}
