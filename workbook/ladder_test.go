package workbook

import (
	"maps"
	"slices"
	"testing"
)

func TestParentTier(t *testing.T) {
	cases := []struct {
		tier Tier
		want Tier
		ok   bool
	}{
		{Small, Medium, true},
		{Medium, Big, true},
		{Big, "", false},
		{"", "", false},
		{"huge", "", false},
	}
	for _, tc := range cases {
		got, ok := ParentTier(tc.tier)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParentTier(%q) = %q, %v; want %q, %v", tc.tier, got, ok, tc.want, tc.ok)
		}
	}
}

func TestValidParent(t *testing.T) {
	small := Goal{ID: "s", Tier: Small}
	medium := Goal{ID: "m", Tier: Medium}
	big := Goal{ID: "b", Tier: Big}
	cases := []struct {
		name string
		g, p Goal
		want bool
	}{
		{"small under medium", small, medium, true},
		{"medium under big", medium, big, true},
		{"small under big skips a rung", small, big, false},
		{"small under small", small, Goal{ID: "s2", Tier: Small}, false},
		{"medium under medium", medium, Goal{ID: "m2", Tier: Medium}, false},
		{"medium under small", medium, small, false},
		{"big has nothing above it", big, Goal{ID: "b2", Tier: Big}, false},
		{"big under small", big, small, false},
		{"its own parent", Goal{ID: "x", Tier: Small}, Goal{ID: "x", Tier: Medium}, false},
		{"no tier", Goal{ID: "n"}, medium, false},
	}
	for _, tc := range cases {
		if got := ValidParent(tc.g, tc.p); got != tc.want {
			t.Errorf("%s: ValidParent = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// ladder is a board with two full ladders, one goal whose parent is gone,
// one hung under the wrong tier, and loops that only damaged or imported
// data could hold.
func ladder() []Goal {
	return []Goal{
		{ID: "big", Tier: Big, Order: 0},
		{ID: "med-b", Tier: Medium, Parent: "big", Order: 1},
		{ID: "med-a", Tier: Medium, Parent: "big", Order: 0},
		{ID: "small-2", Tier: Small, Parent: "med-a", Order: 2},
		{ID: "small-1", Tier: Small, Parent: "med-a", Order: 1},
		{ID: "small-b", Tier: Small, Parent: "med-b", Order: 0},
		{ID: "skips", Tier: Small, Parent: "big", Order: 3},         // wrong rung: not a child
		{ID: "orphan", Tier: Small, Parent: "deleted", Order: 4},    // its parent is gone
		{ID: "big-empty", Tier: Big, Order: 5},                      // nothing beneath it
		{ID: "med-alone", Tier: Medium, Parent: "big-empty"},        // no small step beneath
		{ID: "loop-a", Tier: Medium, Parent: "loop-b"},              // medium under medium...
		{ID: "loop-b", Tier: Medium, Parent: "loop-a"},              // ...both ways
		{ID: "self", Tier: Small, Parent: "self"},                   // its own parent
		{ID: "dup", Tier: Big},                                      // two goals share an ID:
		{ID: "dup-mid", Tier: Medium, Parent: "dup"},                // big dup ← medium dup-mid
		{ID: "dup", Tier: Small, Parent: "dup-mid", Order: 1},       // ← small dup
		{ID: "dup-2", Tier: Medium, Parent: "dup", Order: 2},        // a second rung under dup
		{ID: "dup-2-small", Tier: Small, Parent: "dup-2", Order: 0}, //
	}
}

func ids(goals []Goal) []string {
	out := make([]string, 0, len(goals))
	for _, g := range goals {
		out = append(out, g.ID)
	}
	return out
}

func TestChildren(t *testing.T) {
	cases := []struct {
		id   string
		want []string
	}{
		{"big", []string{"med-a", "med-b"}},       // by Order, not board position
		{"med-a", []string{"small-1", "small-2"}}, //
		{"med-b", []string{"small-b"}},            //
		{"small-1", nil},                          // nothing below the smallest rung
		{"deleted", nil},                          // no such goal
		{"big-empty", []string{"med-alone"}},      //
		{"loop-a", nil},                           // medium cannot hold medium
		{"self", nil},                             // not its own child
		{"dup", []string{"dup-mid", "dup-2"}},     // the first goal with the ID decides
		{"dup-mid", []string{"dup"}},              //
	}
	goals := ladder()
	for _, tc := range cases {
		if got := ids(Children(goals, tc.id)); !slices.Equal(got, tc.want) {
			t.Errorf("Children(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}

func TestRelated(t *testing.T) {
	set := func(ids ...string) map[string]bool {
		m := map[string]bool{}
		for _, id := range ids {
			m[id] = true
		}
		return m
	}
	cases := []struct {
		id   string
		want map[string]bool
	}{
		{"big", set("med-a", "med-b", "small-1", "small-2", "small-b")},
		{"med-a", set("big", "small-1", "small-2")},
		{"small-2", set("med-a", "big")},
		{"small-b", set("med-b", "big")},
		{"skips", set()},        // hung under the wrong rung: on no ladder
		{"orphan", set()},       // its parent is gone
		{"deleted", set()},      // no such goal
		{"loop-a", set()},       // the loop is not a ladder
		{"self", set()},         //
		{"dup-mid", set("dup")}, // above and below share an ID; terminates
	}
	goals := ladder()
	for _, tc := range cases {
		if got := Related(goals, tc.id); !maps.Equal(got, tc.want) {
			t.Errorf("Related(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}

func TestNextStep(t *testing.T) {
	cases := []struct {
		id   string
		want string
		ok   bool
	}{
		{"small-2", "small-2", true}, // a small goal is its own next step
		{"orphan", "orphan", true},
		{"med-a", "small-1", true}, // the first by Order
		{"big", "small-1", true},   // through the first medium goal
		{"med-b", "small-b", true},
		{"big-empty", "", false}, // a medium goal with no small step
		{"med-alone", "", false},
		{"loop-a", "", false},
		{"deleted", "", false},
		{"dup", "dup", true}, // reaches the small goal that shares the big one's ID, and stops
		{"dup-mid", "dup", true},
	}
	goals := ladder()
	for _, tc := range cases {
		got, ok := NextStep(goals, tc.id)
		if ok != tc.ok || got.ID != tc.want {
			t.Errorf("NextStep(%q) = %q, %v; want %q, %v", tc.id, got.ID, ok, tc.want, tc.ok)
		}
		if ok && got.Tier != Small {
			t.Errorf("NextStep(%q) is a %s goal", tc.id, got.Tier)
		}
	}
}

// TestNextStepSkipsEmptyRungs finds a small step under the second medium
// goal when the first has none.
func TestNextStepSkipsEmptyRungs(t *testing.T) {
	goals := []Goal{
		{ID: "b", Tier: Big},
		{ID: "m1", Tier: Medium, Parent: "b", Order: 0},
		{ID: "m2", Tier: Medium, Parent: "b", Order: 1},
		{ID: "s", Tier: Small, Parent: "m2"},
	}
	if got, ok := NextStep(goals, "b"); !ok || got.ID != "s" {
		t.Errorf("NextStep = %q, %v; want s", got.ID, ok)
	}
}

func TestGoalByID(t *testing.T) {
	goals := ladder()
	if g, ok := GoalByID(goals, "med-b"); !ok || g.Parent != "big" {
		t.Errorf("GoalByID(med-b) = %+v, %v", g, ok)
	}
	if g, ok := GoalByID(goals, "dup"); !ok || g.Tier != Big {
		t.Errorf("GoalByID(dup) = %+v, %v; want the first goal with the ID", g, ok)
	}
	if _, ok := GoalByID(goals, "nope"); ok {
		t.Error("GoalByID found a goal that is not there")
	}
	if _, ok := GoalByID(nil, ""); ok {
		t.Error("GoalByID found something on an empty board")
	}
}
