package catalog

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cairn-run/cairn/workbook"
)

// seedItem names one item of a seed list by its number and a few of cairn's
// own words that the matching idea must contain, so a misnumbered idea
// fails as surely as a missing one.
type seedItem struct {
	n     int
	words []string
}

// seed000 lists every item of the four lists in seed 000, by position.
// dupOf marks an item that repeats an earlier one in the seed itself.
var seed000 = []struct {
	kind  IdeaKind
	size  int // items in the seed's list, repeats included
	items []seedItem
	dupOf map[int]int
}{
	{Performance, 12, []seedItem{
		{1, []string{"mile"}},
		{2, []string{"break", "__"}},
		{3, []string{"ultra"}},
		{4, []string{"personal best"}},
		{5, []string{"pace a race"}},
		{6, []string{"race day", "food"}},
		{7, []string{"hold", "without a break"}},
		{8, []string{"strava"}},
		{9, []string{"qualifying"}},
		{10, []string{"olympic trials"}},
		{11, []string{"4x4x48"}},
		{12, []string{"negative splits"}},
	}, nil},
	{Milestone, 12, []seedItem{
		{1, []string{"first race"}},
		{2, []string{"first time"}},
		{3, []string{"without stopping"}},
		{4, []string{"rain", "snow"}},
		{5, []string{"further than ever"}},
		{6, []string{"birthday", "age"}},
		{7, []string{"double figures"}},
		{8, []string{"beach"}},
		{9, []string{"each day", "month"}},
		{10, []string{"a week"}},
		{11, []string{"travel", "holiday"}},
		{12, []string{"1,000 miles"}},
	}, nil},
	{Experience, 31, []seedItem{
		{1, []string{"50", "states"}},
		{2, []string{"take part"}},
		{3, []string{"trails"}},
		{4, []string{"raining"}},
		{5, []string{"routes", "weekends"}},
		{6, []string{"50k", "50-mile"}},
		{7, []string{"100k", "100-mile"}},
		{8, []string{"stage race"}},
		{9, []string{"ragnar"}},
		{10, []string{"obstacle"}},
		{11, []string{"theme"}},
		{12, []string{"travel", "race"}},
		{13, []string{"colour run"}},
		{14, []string{"adventure race"}},
		{15, []string{"track", "relay"}},
		{16, []string{"triathlon"}},
		{17, []string{"across"}},
		{18, []string{"every street"}},
		{19, []string{"majors", "tokyo"}},
		{20, []string{"marathon maniac"}},
		{21, []string{"club"}},
		{22, []string{"pace a friend", "achilles"}},
		{23, []string{"raise money"}},
		{24, []string{"30-day running challenge"}},
		{25, []string{"streak"}},
		{26, []string{"cross-country"}},
		{27, []string{"parkrun"}},
		{28, []string{"volunteer"}},
		{29, []string{"young runners"}},
		{30, []string{"neighbour", "take up running"}},
		{31, []string{"great wall"}},
	}, nil},
	{Training, 42, []seedItem{
		{1, []string{"stretch"}},
		{2, []string{"warm up"}},
		{3, []string{"strength", "times a week"}},
		{4, []string{"cross-train"}},
		{5, []string{"yoga", "pilates"}},
		{6, []string{"days a week"}},
		{7, []string{"rest"}},
		{8, []string{"speed"}},
		{9, []string{"trail run"}},
		{10, []string{"foam roll", "mobility"}},
		{11, []string{"strides"}},
		{12, []string{"cadence"}},
		{13, []string{"core"}},
		{14, []string{"30-day fitness"}},
		{15, []string{"route", "each week"}},
		{16, []string{"niggles", "injuries"}},
		{17, []string{"run the year"}},
		{18, []string{"watch", "strava"}},
		{19, []string{"gym", "weights"}},
		{20, []string{"100 squats"}},
		{21, []string{"eat", "fuel"}},
		{22, []string{"physical therapist", "imbalances"}},
		{24, []string{"prehab"}},
		{25, []string{"weight"}},
		{26, []string{"drinking"}},
		{27, []string{"heart rate"}},
		{28, []string{"vo2 max"}},
		{29, []string{"gait"}},
		{30, []string{"real", "natural food"}},
		{31, []string{"coach", "plan"}},
		{32, []string{"personal trainer"}},
		{33, []string{"training log"}},
		{34, []string{"gps watch"}},
		{35, []string{"seven hours", "sleep"}},
		{36, []string{"alcohol"}},
		{37, []string{"smoking"}},
		{38, []string{"drills", "dynamic"}},
		{39, []string{"tempo"}},
		{40, []string{"hill"}},
		{41, []string{"form"}},
		{42, []string{"five days"}},
	}, map[int]int{23: 16}},
}

// seed002 lists seed 002's example goals for each tier.
var seed002 = []struct {
	level string
	tier  workbook.Tier
	items []seedItem
}{
	{"macro", workbook.Big, []seedItem{
		{1, []string{"half marathon"}},
		{2, []string{"faster"}},
		{3, []string{"mileage"}},
		{4, []string{"week after week"}},
		{5, []string{"this year"}},
		{6, []string{"stronger"}},
		{7, []string{"states", "50"}},
		{8, []string{"marathon", "personal best"}},
	}},
	{"meso", workbook.Medium, []seedItem{
		{1, []string{"build from"}},
		{2, []string{"strength", "next __ weeks"}},
		{3, []string{"cross-training"}},
		{4, []string{"follow the __ plan"}},
		{5, []string{"group"}},
		{6, []string{"vegetables", "lunch"}},
	}},
	{"micro", workbook.Small, []seedItem{
		{1, []string{"this week"}},
		{2, []string{"mileage", "next __ weeks"}},
		{3, []string{"batch cook", "lunch"}},
		{4, []string{"week __ of the __ plan"}},
		{5, []string{"two strength sessions"}},
		{6, []string{"go long"}},
	}},
}

func ideasBySeed() map[string][]Idea {
	m := map[string][]Idea{}
	for _, idea := range Ideas() {
		m[idea.Seed] = append(m[idea.Seed], idea)
	}
	return m
}

// checkSeedItem asserts that at least one idea carries the seed tag and
// that one of them contains every key word of the item.
func checkSeedItem(t *testing.T, bySeed map[string][]Idea, tag string, words []string) []Idea {
	t.Helper()
	got := bySeed[tag]
	if len(got) == 0 {
		t.Errorf("no idea for %s (%s)", tag, strings.Join(words, ", "))
		return nil
	}
	for _, idea := range got {
		text := strings.ToLower(idea.Display())
		if containsAllWords(text, words) {
			return got
		}
	}
	t.Errorf("ideas for %s do not mention %q: %q", tag, words, got[0].Display())
	return got
}

func TestIdeasCoverSeed000(t *testing.T) {
	bySeed := ideasBySeed()
	for _, list := range seed000 {
		t.Run(string(list.kind), func(t *testing.T) {
			listed := map[int]bool{}
			for _, it := range list.items {
				listed[it.n] = true
				tag := fmt.Sprintf("000:%s:%d", list.kind, it.n)
				for _, idea := range checkSeedItem(t, bySeed, tag, it.words) {
					if idea.Kind != list.kind {
						t.Errorf("%s: kind %q, want %q", idea.ID, idea.Kind, list.kind)
					}
				}
			}
			for dup, of := range list.dupOf {
				listed[dup] = true
				if !listed[of] {
					t.Errorf("item %d repeats %d, which is not listed", dup, of)
				}
				if got := bySeed[fmt.Sprintf("000:%s:%d", list.kind, dup)]; len(got) > 0 {
					t.Errorf("item %d repeats item %d and should not have its own idea: %s", dup, of, got[0].ID)
				}
			}
			// The table must number every position of the seed list,
			// 1..N without gaps, or an item could be silently skipped.
			if len(listed) != list.size {
				t.Errorf("table numbers %d items, the seed list has %d", len(listed), list.size)
			}
			for n := 1; n <= list.size; n++ {
				if !listed[n] {
					t.Errorf("table skips item %d of %d", n, list.size)
				}
			}
		})
	}
}

func TestIdeasCoverSeed002(t *testing.T) {
	bySeed := ideasBySeed()
	for _, level := range seed002 {
		t.Run(level.level, func(t *testing.T) {
			for i, it := range level.items {
				if it.n != i+1 {
					t.Fatalf("table item %d numbered %d", i+1, it.n)
				}
				tag := fmt.Sprintf("002:%s:%d", level.level, it.n)
				for _, idea := range checkSeedItem(t, bySeed, tag, it.words) {
					if !slices.Equal(idea.Tiers, []workbook.Tier{level.tier}) {
						t.Errorf("%s: tiers %v, want just %v", idea.ID, idea.Tiers, level.tier)
					}
				}
			}
		})
	}
}

// TestIdeaSeedTags catches tags the coverage tables do not know about: a
// typo in a tag would otherwise leave an item covered twice and another
// not at all without anyone noticing.
func TestIdeaSeedTags(t *testing.T) {
	known := map[string]bool{"": true}
	for _, list := range seed000 {
		for _, it := range list.items {
			known[fmt.Sprintf("000:%s:%d", list.kind, it.n)] = true
		}
	}
	for _, level := range seed002 {
		for _, it := range level.items {
			known[fmt.Sprintf("002:%s:%d", level.level, it.n)] = true
		}
	}
	for _, idea := range Ideas() {
		if !known[idea.Seed] {
			t.Errorf("%s: unknown seed tag %q", idea.ID, idea.Seed)
		}
	}
}

var ideaSlugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestIdeasWellFormed(t *testing.T) {
	all := Ideas()
	if len(all) < 100 {
		t.Errorf("%d ideas, want at least 100", len(all))
	}
	ids := map[string]bool{}
	texts := map[string]string{}
	for _, idea := range all {
		if !ideaSlugRE.MatchString(idea.ID) {
			t.Errorf("ID %q is not a slug", idea.ID)
		}
		if ids[idea.ID] {
			t.Errorf("ID %q used twice", idea.ID)
		}
		ids[idea.ID] = true
		if other, ok := texts[idea.Text]; ok {
			t.Errorf("%s and %s share the text %q", idea.ID, other, idea.Text)
		}
		texts[idea.Text] = idea.ID
		if !idea.Kind.Valid() {
			t.Errorf("%s: kind %q", idea.ID, idea.Kind)
		}
		if n := len(idea.Themes); n < 1 || n > 3 {
			t.Errorf("%s: %d themes, want 1 to 3", idea.ID, n)
		}
		for i, th := range idea.Themes {
			if _, ok := LookupTheme(th); !ok {
				t.Errorf("%s: unknown theme %q", idea.ID, th)
			}
			if slices.Contains(idea.Themes[:i], th) {
				t.Errorf("%s: theme %q twice", idea.ID, th)
			}
		}
		if len(idea.Tiers) == 0 {
			t.Errorf("%s: no tiers", idea.ID)
		}
		for i, tier := range idea.Tiers {
			if !tier.Valid() {
				t.Errorf("%s: tier %q", idea.ID, tier)
			}
			if slices.Contains(idea.Tiers[:i], tier) {
				t.Errorf("%s: tier %q twice", idea.ID, tier)
			}
		}
		var keys []string
		for _, p := range splitIdeaText(idea.Text) {
			if p.isKey {
				keys = append(keys, p.text)
			}
		}
		var blanks []string
		for _, b := range idea.Blanks {
			blanks = append(blanks, b.Key)
			if b.Label == "" || b.Example == "" {
				t.Errorf("%s: blank %q needs a label and an example", idea.ID, b.Key)
			}
		}
		if !slices.Equal(keys, blanks) {
			t.Errorf("%s: text has blanks %q, Blanks has %q (want one each, same order)", idea.ID, keys, blanks)
		}
		if strings.ContainsAny(idea.Display(), "{}") {
			t.Errorf("%s: stray brace in %q", idea.ID, idea.Display())
		}
	}
}

func TestIdeasAreCopies(t *testing.T) {
	a := Ideas()
	a[0].Themes[0] = "changed"
	a[1].Blanks[0].Label = "changed"
	b := Ideas()
	if b[0].Themes[0] == "changed" || b[1].Blanks[0].Label == "changed" {
		t.Error("changing the result of Ideas changed the catalog")
	}
	got, ok := LookupIdea(b[1].ID)
	if !ok || got.Blanks[0].Label == "changed" {
		t.Errorf("LookupIdea(%q) = %v, %v", b[1].ID, got, ok)
	}
	if _, ok := LookupIdea("no-such-idea"); ok {
		t.Error("LookupIdea found an idea that does not exist")
	}
}

func TestParseIdeaKind(t *testing.T) {
	tests := []struct {
		in   string
		want IdeaKind
		ok   bool
	}{
		{"performance", Performance, true},
		{" Milestone ", Milestone, true},
		{"EXPERIENCE", Experience, true},
		{"training", Training, true},
		{"", "", false},
		{"race", "race", false},
	}
	for _, tt := range tests {
		got, ok := ParseIdeaKind(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseIdeaKind(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if got := IdeaKinds(); !slices.Equal(got, []IdeaKind{Performance, Milestone, Experience, Training}) {
		t.Errorf("IdeaKinds() = %v", got)
	}
	for _, k := range IdeaKinds() {
		if k.Name() == string(k) {
			t.Errorf("%q has no display name", k)
		}
	}
}

func TestDisplayAndFill(t *testing.T) {
	race := Idea{
		ID:   "t",
		Text: "Break {time} in the {distance}",
		Blanks: []Blank{
			{"time", "target time", "25:00"},
			{"distance", "race distance", "5K"},
		},
	}
	tests := []struct {
		name        string
		idea        Idea
		values      map[string]string
		display     string
		want        string
		wantMissing string // label named by the error, "" for none
	}{
		{
			name:    "all filled",
			idea:    race,
			values:  map[string]string{"time": "25:00", "distance": "5K"},
			display: "Break __ in the __",
			want:    "Break 25:00 in the 5K",
		},
		{
			name:    "values trimmed",
			idea:    race,
			values:  map[string]string{"time": "  sub-50 ", "distance": "\t10K\n"},
			display: "Break __ in the __",
			want:    "Break sub-50 in the 10K",
		},
		{
			name:        "second blank missing",
			idea:        race,
			values:      map[string]string{"time": "25:00"},
			display:     "Break __ in the __",
			wantMissing: "race distance",
		},
		{
			name:        "only space counts as missing",
			idea:        race,
			values:      map[string]string{"time": "   ", "distance": "5K"},
			display:     "Break __ in the __",
			wantMissing: "target time",
		},
		{
			name:        "nil map",
			idea:        race,
			display:     "Break __ in the __",
			wantMissing: "target time",
		},
		{
			name:    "braces in a value are kept as typed",
			idea:    race,
			values:  map[string]string{"time": "{distance}", "distance": "5K"},
			display: "Break __ in the __",
			want:    "Break {distance} in the 5K",
		},
		{
			name:    "no blanks",
			idea:    Idea{Text: "Run on a beach"},
			display: "Run on a beach",
			want:    "Run on a beach",
		},
		{
			name:    "unclosed and empty braces stay literal",
			idea:    Idea{Text: "Odd {} text {oops"},
			display: "Odd {} text {oops",
			want:    "Odd {} text {oops",
		},
		{
			name:        "key without a blank is reported, not printed",
			idea:        Idea{Text: "Run {distance}"},
			display:     "Run __",
			wantMissing: "distance",
		},
		{
			name:    "extra values are ignored",
			idea:    Idea{Text: "Run {d}", Blanks: []Blank{{"d", "distance", "5K"}}},
			values:  map[string]string{"d": "5K", "x": "y"},
			display: "Run __",
			want:    "Run 5K",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.idea.Display(); got != tt.display {
				t.Errorf("Display() = %q, want %q", got, tt.display)
			}
			got, err := tt.idea.Fill(tt.values)
			if tt.wantMissing != "" {
				var missing *MissingBlankError
				if !errors.As(err, &missing) || missing.Blank.Label != tt.wantMissing {
					t.Fatalf("Fill() error = %v, want missing %q", err, tt.wantMissing)
				}
				if !strings.Contains(err.Error(), tt.wantMissing) {
					t.Errorf("error %q does not name %q", err, tt.wantMissing)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Fill() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestFillEveryIdea fills each catalog idea with its own examples: every
// idea must come out whole, with no marks or braces left.
func TestFillEveryIdea(t *testing.T) {
	for _, idea := range Ideas() {
		values := map[string]string{}
		for _, b := range idea.Blanks {
			values[b.Key] = b.Example
		}
		got, err := idea.Fill(values)
		if err != nil {
			t.Errorf("%s: %v", idea.ID, err)
			continue
		}
		if strings.ContainsAny(got, "{}") || strings.Contains(got, BlankMark) {
			t.Errorf("%s: filled text %q still has a blank", idea.ID, got)
		}
	}
}

func ideaIDs(ideas []Idea) []string {
	out := make([]string, len(ideas))
	for i, idea := range ideas {
		out[i] = idea.ID
	}
	return out
}

func sampleIdeas() []Idea {
	return []Idea{
		{ID: "a", Kind: Performance, Text: "Break {time} in the 5K", Blanks: []Blank{{"time", "target time", "25:00"}},
			Themes: []ThemeID{Achievement, Competition}, Tiers: []workbook.Tier{workbook.Medium, workbook.Big}, Race: true},
		{ID: "b", Kind: Experience, Text: "Run a parkrun", Themes: []ThemeID{Affiliation, Joy, Routine},
			Tiers: []workbook.Tier{workbook.Small, workbook.Medium}, Race: true},
		{ID: "c", Kind: Training, Text: "Run without a watch", Themes: []ThemeID{Joy, Coping},
			Tiers: []workbook.Tier{workbook.Small}},
		{ID: "d", Kind: Experience, Text: "Volunteer at a race", Themes: []ThemeID{Meaning, Affiliation},
			Tiers: []workbook.Tier{workbook.Small, workbook.Medium}},
	}
}

func TestFilterIdeas(t *testing.T) {
	tests := []struct {
		name string
		f    IdeaFilter
		want []string
	}{
		{"zero filter keeps all", IdeaFilter{}, []string{"a", "b", "c", "d"}},
		{"kind", IdeaFilter{Kind: Experience}, []string{"b", "d"}},
		{"theme", IdeaFilter{Theme: Joy}, []string{"b", "c"}},
		{"tier", IdeaFilter{Tier: workbook.Big}, []string{"a"}},
		{"kind and tier", IdeaFilter{Kind: Experience, Tier: workbook.Small}, []string{"b", "d"}},
		{"all fields", IdeaFilter{Kind: Experience, Theme: Meaning, Tier: workbook.Medium, Query: "race"}, []string{"d"}},
		{"query any case", IdeaFilter{Query: "PARKRUN"}, []string{"b"}},
		{"query words all needed", IdeaFilter{Query: "run watch"}, []string{"c"}},
		{"query words in any order", IdeaFilter{Query: "watch run"}, []string{"c"}},
		{"query matches a blank as shown", IdeaFilter{Query: "break __"}, []string{"a"}},
		{"query matches kind", IdeaFilter{Query: "training"}, []string{"c"}},
		{"query matches theme id", IdeaFilter{Query: "coping"}, []string{"c"}},
		{"query matches theme name", IdeaFilter{Query: "company"}, []string{"b", "d"}},
		{"query spaces only matches all", IdeaFilter{Query: "   "}, []string{"a", "b", "c", "d"}},
		{"nothing matches", IdeaFilter{Query: "swim"}, nil},
		{"no such kind", IdeaFilter{Kind: "race"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ideaIDs(FilterIdeas(sampleIdeas(), tt.f))
			if !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("FilterIdeas(%+v) = %v, want %v", tt.f, got, tt.want)
			}
		})
	}
}

func TestFilterCatalog(t *testing.T) {
	// Every idea in each kind, theme and tier: the filters partition and
	// cover the catalog the way the board browses it.
	all := Ideas()
	total := 0
	for _, k := range IdeaKinds() {
		total += len(FilterIdeas(all, IdeaFilter{Kind: k}))
	}
	if total != len(all) {
		t.Errorf("kinds cover %d of %d ideas", total, len(all))
	}
	for _, tier := range []workbook.Tier{workbook.Small, workbook.Medium, workbook.Big} {
		if n := len(FilterIdeas(all, IdeaFilter{Tier: tier})); n < 20 {
			t.Errorf("only %d ideas suit the %s column", n, tier)
		}
	}
	for _, th := range Themes() {
		if len(FilterIdeas(all, IdeaFilter{Theme: th.ID})) == 0 {
			t.Errorf("no idea serves theme %q", th.ID)
		}
	}
	if got := FilterIdeas(all, IdeaFilter{Query: "parkrun"}); len(got) == 0 || got[0].ID != "parkrun" {
		t.Errorf("query parkrun = %v", ideaIDs(got))
	}
}

func TestRankIdeas(t *testing.T) {
	tests := []struct {
		name      string
		confirmed []ThemeID
		averse    []ThemeID
		top       ThemeID
		want      []string // order of IDs
		fit       map[string]int
		clash     []string
	}{
		{
			name: "no themes keeps order",
			want: []string{"a", "b", "c", "d"},
			fit:  map[string]int{},
		},
		{
			name:      "more fit first, ties stable",
			confirmed: []ThemeID{Joy, Affiliation},
			want:      []string{"b", "c", "d", "a"},
			fit:       map[string]int{"b": 2, "c": 1, "d": 1},
		},
		{
			name:   "averse theme marks, keeps and sinks",
			averse: []ThemeID{Coping},
			want:   []string{"a", "b", "d", "c"},
			fit:    map[string]int{},
			clash:  []string{"c"},
		},
		{
			name:      "averse to competition marks every race and puts them last",
			confirmed: []ThemeID{Affiliation},
			averse:    []ThemeID{Competition},
			want:      []string{"d", "c", "b", "a"},
			fit:       map[string]int{"b": 1, "d": 1},
			clash:     []string{"a", "b"},
		},
		{
			name:      "the starred theme's ideas first, then more fit",
			confirmed: []ThemeID{Joy, Affiliation, Meaning},
			top:       Meaning,
			want:      []string{"d", "b", "c", "a"},
			fit:       map[string]int{"b": 2, "c": 1, "d": 2},
		},
		{
			name:      "a starred theme the runner would rather not changes nothing",
			confirmed: []ThemeID{Joy, Affiliation},
			averse:    []ThemeID{Coping},
			top:       Coping,
			want:      []string{"b", "d", "a", "c"},
			fit:       map[string]int{"b": 2, "c": 1, "d": 1},
			clash:     []string{"c"},
		},
		{
			name:      "confirmed duplicates count once",
			confirmed: []ThemeID{Meaning, Meaning},
			want:      []string{"d", "a", "b", "c"},
			fit:       map[string]int{"d": 1},
		},
		{
			name:      "a theme both confirmed and averse fits and clashes",
			confirmed: []ThemeID{Joy},
			averse:    []ThemeID{Joy},
			want:      []string{"a", "d", "b", "c"},
			fit:       map[string]int{"b": 1, "c": 1},
			clash:     []string{"b", "c"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := RankIdeas(sampleIdeas(), tt.confirmed, tt.averse, tt.top)
			var order, clash []string
			for _, r := range got {
				order = append(order, r.Idea.ID)
				if r.Fit != tt.fit[r.Idea.ID] {
					t.Errorf("%s: fit %d, want %d", r.Idea.ID, r.Fit, tt.fit[r.Idea.ID])
				}
				if r.Clash {
					clash = append(clash, r.Idea.ID)
				}
			}
			if !slices.Equal(order, tt.want) {
				t.Errorf("order %v, want %v", order, tt.want)
			}
			slices.Sort(clash)
			if !slices.Equal(clash, tt.clash) && !(len(clash) == 0 && len(tt.clash) == 0) {
				t.Errorf("clash %v, want %v", clash, tt.clash)
			}
		})
	}
}

func TestRankCatalogKeepsEverything(t *testing.T) {
	all := Ideas()
	ranked := RankIdeas(all, []ThemeID{Joy}, []ThemeID{Competition}, "")
	if len(ranked) != len(all) {
		t.Fatalf("ranked %d of %d ideas", len(ranked), len(all))
	}
	seen := map[string]bool{}
	for i, r := range ranked {
		seen[r.Idea.ID] = true
		if i > 0 && !r.Clash && ranked[i-1].Clash {
			t.Errorf("%s (no clash) after %s, which clashes", r.Idea.ID, ranked[i-1].Idea.ID)
		}
		if i > 0 && r.Clash == ranked[i-1].Clash && r.Fit > ranked[i-1].Fit {
			t.Errorf("%s (fit %d) after %s (fit %d)", r.Idea.ID, r.Fit, ranked[i-1].Idea.ID, ranked[i-1].Fit)
		}
		if r.Idea.Race && !r.Clash {
			t.Errorf("%s is a race but not marked for a competition-averse runner", r.Idea.ID)
		}
	}
	if len(seen) != len(all) {
		t.Errorf("ranking lost or duplicated ideas: %d distinct of %d", len(seen), len(all))
	}
	if ranked[0].Fit != 1 {
		t.Errorf("first idea %s has fit %d, want 1", ranked[0].Idea.ID, ranked[0].Fit)
	}
}

// TestSeedTagFormat keeps tags parseable: kind lists in seed 000, tier
// levels in seed 002, positive item numbers.
func TestSeedTagFormat(t *testing.T) {
	for _, idea := range Ideas() {
		if idea.Seed == "" {
			continue
		}
		parts := strings.Split(idea.Seed, ":")
		if len(parts) != 3 {
			t.Errorf("%s: seed %q", idea.ID, idea.Seed)
			continue
		}
		n, err := strconv.Atoi(parts[2])
		if err != nil || n < 1 {
			t.Errorf("%s: seed %q has no item number", idea.ID, idea.Seed)
		}
		switch parts[0] {
		case "000":
			if parts[1] != string(idea.Kind) {
				t.Errorf("%s: seed list %q but kind %q", idea.ID, parts[1], idea.Kind)
			}
		case "002":
			if !slices.Contains([]string{"macro", "meso", "micro"}, parts[1]) {
				t.Errorf("%s: seed level %q", idea.ID, parts[1])
			}
		default:
			t.Errorf("%s: seed %q", idea.ID, idea.Seed)
		}
	}
}
