package workbook

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestPolarityRoundTrip(t *testing.T) {
	cases := []struct {
		p     Polarity
		name  string
		words string
		flip  Polarity
	}{
		{Toward, "+", "drawn to it", Away},
		{Away, "-", "rather not", Toward},
	}
	for _, tc := range cases {
		if got := tc.p.String(); got != tc.name {
			t.Errorf("%d.String() = %q, want %q", tc.p, got, tc.name)
		}
		if got := tc.p.Words(); got != tc.words {
			t.Errorf("%d.Words() = %q, want %q", tc.p, got, tc.words)
		}
		if got := tc.p.Flip(); got != tc.flip {
			t.Errorf("%d.Flip() = %d, want %d", tc.p, got, tc.flip)
		}
		back, err := ParsePolarity(tc.name)
		if err != nil || back != tc.p {
			t.Errorf("ParsePolarity(%q) = %d, %v; want %d", tc.name, back, err, tc.p)
		}
	}
	var none Polarity
	if none.String() != "" || none.Words() != "" || none.Flip() != 0 {
		t.Errorf("the zero polarity has a direction: %q %q %d", none.String(), none.Words(), none.Flip())
	}
}

func TestParsePolarityRejects(t *testing.T) {
	for _, s := range []string{"", "toward", "away", "++", " +", "+1", "−"} {
		if p, err := ParsePolarity(s); err == nil {
			t.Errorf("ParsePolarity(%q) = %d, want an error", s, p)
		}
	}
}

func TestMarkStatusRoundTrip(t *testing.T) {
	for _, s := range []MarkStatus{Confirmed, Dismissed} {
		back, err := ParseMarkStatus(s.String())
		if err != nil || back != s {
			t.Errorf("ParseMarkStatus(%q) = %d, %v; want %d", s.String(), back, err, s)
		}
	}
	if got := Confirmed.String(); got != "confirmed" {
		t.Errorf("Confirmed.String() = %q", got)
	}
	if got := Dismissed.String(); got != "dismissed" {
		t.Errorf("Dismissed.String() = %q", got)
	}
	if got := Undecided.String(); got != "" {
		t.Errorf("Undecided.String() = %q, want empty", got)
	}
	if got := MarkStatus(9).String(); got != "" {
		t.Errorf("an unknown MarkStatus prints %q, want empty", got)
	}
}

func TestParseMarkStatusRejects(t *testing.T) {
	// Undecided is the absence of a mark and is never stored, so its empty
	// name does not parse either.
	for _, s := range []string{"", "Confirmed", "undecided", "dismiss", "yes"} {
		if m, err := ParseMarkStatus(s); err == nil {
			t.Errorf("ParseMarkStatus(%q) = %d, want an error", s, m)
		}
	}
}

func TestFeelRoundTrip(t *testing.T) {
	cases := []struct {
		f     Feel
		name  string
		words string
	}{
		{Unmarked, "", "not marked"},
		{Doable, "doable", "doable"},
		{Scary, "scary", "a little scary"},
	}
	for _, tc := range cases {
		if got := tc.f.String(); got != tc.name {
			t.Errorf("%d.String() = %q, want %q", tc.f, got, tc.name)
		}
		if got := tc.f.Words(); got != tc.words {
			t.Errorf("%d.Words() = %q, want %q", tc.f, got, tc.words)
		}
		back, err := ParseFeel(tc.name)
		if err != nil || back != tc.f {
			t.Errorf("ParseFeel(%q) = %d, %v; want %d", tc.name, back, err, tc.f)
		}
	}
	if got := Feel(7).String(); got != "" {
		t.Errorf("an unknown Feel prints %q, want empty", got)
	}
}

func TestParseFeelRejects(t *testing.T) {
	for _, s := range []string{"Doable", "a little scary", "scared", "unmarked", " "} {
		if f, err := ParseFeel(s); err == nil {
			t.Errorf("ParseFeel(%q) = %d, want an error", s, f)
		}
	}
}

func TestGoalStatusRoundTrip(t *testing.T) {
	cases := []struct {
		s      GoalStatus
		name   string
		words  string
		active bool
	}{
		{Draft, "draft", "draft", true},
		{Resting, "resting", "resting", true},
		{Committed, "committed", "committed", true},
		{Achieved, "achieved", "achieved", false},
		{LetGo, "let-go", "let go", false},
	}
	for _, tc := range cases {
		if got := tc.s.String(); got != tc.name {
			t.Errorf("%d.String() = %q, want %q", tc.s, got, tc.name)
		}
		if got := tc.s.Words(); got != tc.words {
			t.Errorf("%d.Words() = %q, want %q", tc.s, got, tc.words)
		}
		if got := tc.s.Active(); got != tc.active {
			t.Errorf("%s.Active() = %v, want %v", tc.name, got, tc.active)
		}
		back, err := ParseGoalStatus(tc.name)
		if err != nil || back != tc.s {
			t.Errorf("ParseGoalStatus(%q) = %d, %v; want %d", tc.name, back, err, tc.s)
		}
	}
	// Goals written before states existed have none: they are drafts.
	if s, err := ParseGoalStatus(""); err != nil || s != Draft {
		t.Errorf(`ParseGoalStatus("") = %d, %v; want Draft`, s, err)
	}
	if got := GoalStatus(42).String(); got != "unknown" {
		t.Errorf("an unknown GoalStatus prints %q", got)
	}
}

func TestParseGoalStatusRejects(t *testing.T) {
	for _, s := range []string{"let go", "Draft", "done", "rest", "committed "} {
		if g, err := ParseGoalStatus(s); err == nil {
			t.Errorf("ParseGoalStatus(%q) = %d, want an error", s, g)
		}
	}
}

// TestGoalStatusMoves checks every pair of states, written out by hand so
// a change to the allowed moves has to change this table too.
func TestGoalStatusMoves(t *testing.T) {
	all := []GoalStatus{Draft, Resting, Committed, Achieved, LetGo}
	allowed := map[GoalStatus]map[GoalStatus]bool{
		Draft:     {Resting: true, Committed: true, LetGo: true},
		Resting:   {Draft: true, Committed: true, LetGo: true},
		Committed: {Resting: true, Achieved: true, LetGo: true},
		Achieved:  {Committed: true},
		LetGo:     {Draft: true},
	}
	for _, from := range all {
		var want []GoalStatus
		for _, to := range all {
			ok := allowed[from][to]
			if ok {
				want = append(want, to)
			}
			if got := from.CanMove(to); got != ok {
				t.Errorf("%s → %s: CanMove = %v, want %v", from, to, got, ok)
			}
			got, err := from.Move(to)
			switch {
			case ok && (err != nil || got != to):
				t.Errorf("%s → %s: Move = %s, %v; want %s", from, to, got, err, to)
			case !ok:
				var me *MoveError
				if !errors.As(err, &me) || me.From != from || me.To != to {
					t.Errorf("%s → %s: Move error = %v, want a *MoveError", from, to, err)
				}
				if got != from {
					t.Errorf("%s → %s refused but returned %s, want the state unchanged", from, to, got)
				}
			}
		}
		if got := from.Moves(); !slices.Equal(got, want) {
			t.Errorf("%s.Moves() = %v, want %v", from, got, want)
		}
	}
}

func TestGoalStatusMovesAreCopies(t *testing.T) {
	m := Draft.Moves()
	m[0] = Achieved
	if Draft.CanMove(Achieved) {
		t.Error("changing the slice Moves returned changed the rules")
	}
}

func TestMoveErrorSpeaksPlainly(t *testing.T) {
	_, err := LetGo.Move(Achieved)
	if err == nil || err.Error() != "a let go goal cannot become achieved" {
		t.Errorf("error = %v", err)
	}
}

func TestTiers(t *testing.T) {
	if got := Tiers(); !slices.Equal(got, []Tier{Small, Medium, Big}) {
		t.Errorf("Tiers() = %v", got)
	}
	for _, tier := range Tiers() {
		back, ok := ParseTier(string(tier))
		if !ok || back != tier {
			t.Errorf("ParseTier(%q) = %q, %v", tier, back, ok)
		}
	}
	for _, s := range []string{"", "Small", "huge", "micro", "big "} {
		if tier, ok := ParseTier(s); ok {
			t.Errorf("ParseTier(%q) = %q, want refused", s, tier)
		}
	}
}

func TestRefs(t *testing.T) {
	cases := []struct {
		name         string
		r            Ref
		theme, value bool
		own          bool
	}{
		{"catalog theme", Theme("coping"), true, false, false},
		{"own theme", OwnThemeRef("01a1fa6fe6c025b1c4ac"), true, false, true},
		{"catalog value", Value("calm"), false, true, false},
		{"own value", OwnValueRef("01a1faa6d540652a7cf1"), false, true, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.r.IsTheme() != tc.theme || tc.r.IsValue() != tc.value || tc.r.Own != tc.own {
				t.Errorf("%+v: IsTheme %v, IsValue %v, Own %v", tc.r, tc.r.IsTheme(), tc.r.IsValue(), tc.r.Own)
			}
			if tc.r.IsZero() {
				t.Errorf("%+v reads as the zero Ref", tc.r)
			}
		})
	}
	var zero Ref
	if !zero.IsZero() || zero.IsTheme() || zero.IsValue() {
		t.Errorf("the zero Ref points at something: %+v", zero)
	}
	// The same ID as a theme and as a value are different links, and so
	// are a catalog and an own link with the same ID.
	if Theme("x") == Value("x") || Theme("x") == OwnThemeRef("x") || Value("x") == OwnValueRef("x") {
		t.Error("references of different kinds or owners compare equal")
	}
}

func TestOwnThingsRefer(t *testing.T) {
	o := OwnTheme{ID: "t1", Name: "Quiet woods", Polarity: Toward}
	if got := o.Ref(); got != OwnThemeRef("t1") {
		t.Errorf("OwnTheme.Ref() = %+v", got)
	}
	own := ValueChoice{ID: "v1", Own: true, Name: "Solitude"}
	if got := own.Ref(); got != OwnValueRef("v1") {
		t.Errorf("own ValueChoice.Ref() = %+v", got)
	}
	cat := ValueChoice{ID: "calm"}
	if got := cat.Ref(); got != Value("calm") {
		t.Errorf("catalog ValueChoice.Ref() = %+v", got)
	}
}

func TestGoalLinksThemesThenValues(t *testing.T) {
	g := Goal{Themes: []Ref{Theme("a"), OwnThemeRef("b")}, Values: []Ref{Value("c")}}
	want := []Ref{Theme("a"), OwnThemeRef("b"), Value("c")}
	if got := g.Links(); !slices.Equal(got, want) {
		t.Errorf("Links() = %v, want %v", got, want)
	}
	if got := (Goal{}).Links(); len(got) != 0 {
		t.Errorf("a goal with no links has %v", got)
	}
}

func TestNewIDShape(t *testing.T) {
	at := time.Date(2026, 11, 20, 19, 30, 0, 0, time.UTC)
	id := NewID(at)
	if !IsNewID(id) {
		t.Errorf("IsNewID(%q) = false for an ID NewID made", id)
	}
	if !strings.HasPrefix(id, "01a1fa6fe6c0") {
		t.Errorf("NewID(%v) = %q does not start with the time", at, id)
	}
	for _, s := range []string{
		"", "coping", "own-01a1fa6fe6c025b1c4ac", "01a1fa6fe6c025b1c4a", "01a1fa6fe6c025b1c4acd",
		"01A1FA6FE6C025B1C4AC", "01a1fa6fe6c025b1c4ag", "personal-goal-achievement",
	} {
		if IsNewID(s) {
			t.Errorf("IsNewID(%q) = true", s)
		}
	}
	if !IsNewID("01a1faa6d540652a7cf1") {
		t.Error("an ID from a schema 1 workbook is not recognised")
	}
}
