package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/detect"
	"github.com/cairn-run/cairn/workbook"
)

// The findings here are written by hand, not detected, so these tests
// check the layout alone.

func span(start, end int) detect.Span { return detect.Span{Start: start, End: end} }

func coping() detect.Finding {
	return detect.Finding{
		Theme: catalog.Coping, Polarity: workbook.Toward, Score: 0.7049, Strength: detect.Clear,
		Evidence: []detect.Evidence{
			{Source: "beyond-running", Sentence: "Running clears my head.", Triggers: []detect.Span{span(8, 22)}, Polarity: workbook.Toward},
			{Source: "beyond-running", Sentence: "It is the only hour that is mine.", Triggers: []detect.Span{span(10, 19), span(28, 32)}, Polarity: workbook.Toward},
			{Source: "busy-life", Sentence: "I don't need it to unwind.", Triggers: []detect.Span{span(2, 12), span(19, 25)}, Polarity: workbook.Away},
		},
	}
}

func competition() detect.Finding {
	return detect.Finding{
		Theme: catalog.Competition, Polarity: workbook.Away, Score: 0.455, Strength: detect.Faint,
		Evidence: []detect.Evidence{
			{Source: "competition", Sentence: "I hate races.", Triggers: []detect.Span{span(2, 12)}, Polarity: workbook.Away},
		},
	}
}

func seasonOf(board workbook.ThemeBoard) *workbook.Snapshot {
	return &workbook.Snapshot{Season: workbook.Season{ID: "s1", Name: "Season of March 2026", Started: at}, Themes: board}
}

// board is a season's decisions as the themes screen stores them: a theme
// the runner named has no mark (naming it confirms it), and a theme
// decided on may no longer be found in the writing (joy, routine).
var board = workbook.ThemeBoard{
	Marks: []workbook.ThemeMark{
		{Theme: workbook.Theme("coping"), Polarity: workbook.Toward, Status: workbook.Confirmed},
		{Theme: workbook.Theme("competition"), Polarity: workbook.Toward, Status: workbook.Dismissed},
		{Theme: workbook.Theme("joy"), Polarity: workbook.Away, Status: workbook.Dismissed},
		{Theme: workbook.Theme("routine"), Polarity: workbook.Toward, Status: workbook.Confirmed},
		{Theme: workbook.Theme("health"), Polarity: workbook.Away, Status: workbook.Undecided},
	},
	Own: []workbook.OwnTheme{{ID: "own-1", Name: "Time outdoors", Polarity: workbook.Toward}},
	Top: workbook.Theme("coping"),
}

// mark styles every kind of text visibly, so the layout shows where each
// style applies.
var mark = TextStyles{
	Title:   func(s string) string { return "<" + s + ">" },
	Muted:   func(s string) string { return "{" + s + "}" },
	Trigger: func(s string) string { return "[" + s + "]" },
}

func TestThemesTextOfASeason(t *testing.T) {
	r := ThemesReport{Findings: []detect.Finding{coping(), competition()}, Sources: 3, Season: seasonOf(board)}
	want := `<Season of March 2026>
{themes read from 3 answers}

<Headspace> {(coping)} · drawn to it · clear evidence {(0.70)} · <you confirmed it>
  “Running [clears my head].”
  “It is the [only hour] that is [mine].”
    {— Is running a way to work on something else, like confidence…}
  “I [don't need] it to [unwind].” {(points the other way)}
    {— How full is your life right now, and what part does running…}

<Competition> {(competition)} · would rather not · faint evidence {(0.46)} · <you set it aside, as drawn to it>
  “I [hate races].”
    {— Do you come alive in competition?}

<You confirmed>
  Headspace {(matters most)} {· drawn to it}
  Routine {· drawn to it}
  Time outdoors {(yours)} {· drawn to it}

<You set aside>
  Competition {· drawn to it}
  Joy {· would rather not}
`
	if got := r.Text(mark); got != want {
		t.Errorf("season text:\n%s\nwant:\n%s", got, want)
	}
}

func TestThemesTextOfAFile(t *testing.T) {
	one := ThemesReport{Findings: []detect.Finding{competition()}, Sources: 1}
	if got, want := one.Text(TextStyles{}), "Competition (competition) · would rather not · faint evidence (0.46)\n  “I hate races.”\n"; got != want {
		t.Errorf("one paragraph, plain:\n%q\nwant\n%q", got, want)
	}
	f := competition()
	f.Evidence[0].Source = "paragraph 2"
	several := ThemesReport{Findings: []detect.Finding{f}, Sources: 2}
	if got := several.Text(TextStyles{}); !strings.HasSuffix(got, "“I hate races.”\n    — paragraph 2\n") {
		t.Errorf("several paragraphs name their source by label:\n%s", got)
	}
	if got := (ThemesReport{Sources: 4}).Text(TextStyles{}); got != "No clear themes yet — more writing helps.\n" {
		t.Errorf("no findings: %q", got)
	}
	empty := ThemesReport{Season: seasonOf(workbook.ThemeBoard{})}
	if got, want := empty.Text(TextStyles{}), "Season of March 2026\nthemes read from 0 answers\n\nNo clear themes yet — more writing helps.\n"; got != want {
		t.Errorf("a season with nothing yet:\n%q\nwant\n%q", got, want)
	}
}

func TestThemesJSON(t *testing.T) {
	var buf bytes.Buffer
	r := ThemesReport{Findings: []detect.Finding{coping(), competition()}, Sources: 3, Season: seasonOf(board)}
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	// The shape scripts read: every key, in order, and the season's
	// decisions only where there are some. What the runner holds to that
	// the writing does not show (their own theme, themes decided on that
	// are not found this time) follows the findings.
	want := `[
  {
    "theme": "coping",
    "polarity": "+",
    "score": 0.7,
    "strength": "clear",
    "evidence": [
      "Running clears my head.",
      "It is the only hour that is mine.",
      "I don't need it to unwind."
    ],
    "name": "Headspace",
    "details": [
      {
        "sentence": "Running clears my head.",
        "source": "beyond-running",
        "triggers": [
          "clears my head"
        ],
        "polarity": "+"
      },
      {
        "sentence": "It is the only hour that is mine.",
        "source": "beyond-running",
        "triggers": [
          "only hour",
          "mine"
        ],
        "polarity": "+"
      },
      {
        "sentence": "I don't need it to unwind.",
        "source": "busy-life",
        "triggers": [
          "don't need",
          "unwind"
        ],
        "polarity": "-"
      }
    ],
    "status": "confirmed",
    "runner_polarity": "+",
    "top": true
  },
  {
    "theme": "competition",
    "polarity": "-",
    "score": 0.46,
    "strength": "faint",
    "evidence": [
      "I hate races."
    ],
    "name": "Competition",
    "details": [
      {
        "sentence": "I hate races.",
        "source": "competition",
        "triggers": [
          "hate races"
        ],
        "polarity": "-"
      }
    ],
    "status": "dismissed",
    "runner_polarity": "+"
  },
  {
    "theme": "joy",
    "polarity": "-",
    "score": 0,
    "evidence": [],
    "name": "Joy",
    "details": [],
    "status": "dismissed",
    "runner_polarity": "-"
  },
  {
    "theme": "routine",
    "polarity": "+",
    "score": 0,
    "evidence": [],
    "name": "Routine",
    "details": [],
    "status": "confirmed",
    "runner_polarity": "+"
  },
  {
    "theme": "own-1",
    "polarity": "+",
    "score": 0,
    "evidence": [],
    "name": "Time outdoors",
    "details": [],
    "status": "confirmed",
    "runner_polarity": "+",
    "own": true
  }
]
`
	if got := buf.String(); got != want {
		t.Errorf("themes JSON:\n%s\nwant:\n%s", got, want)
	}
}

func TestThemesJSONOfAFile(t *testing.T) {
	var buf bytes.Buffer
	if err := (ThemesReport{}).WriteJSON(&buf); err != nil || buf.String() != "[]\n" {
		t.Errorf("no findings: %q, %v", buf.String(), err)
	}
	buf.Reset()
	f := competition()
	f.Evidence[0].Triggers = nil
	if err := (ThemesReport{Findings: []detect.Finding{f}, Sources: 1}).WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"status", "runner_polarity", "top"} {
		if _, ok := got[0][key]; ok {
			t.Errorf("%q is set without a season: %s", key, buf.String())
		}
	}
	if d := got[0]["details"].([]any)[0].(map[string]any); d["triggers"] == nil {
		t.Errorf("triggers should be an empty list, not null: %s", buf.String())
	}
}

func TestShorten(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"Do you come alive in competition?", 60, "Do you come alive in competition?"},
		{"Are there places you'd love to run, or people you'd love to run with?", 60, "Are there places you'd love to run, or people you'd love to…"},
		{"Is there a big dream, an itch, that you're ready to chase?", 30, "Is there a big dream, an…"},
		{"Averyveryverylongwordwithoutanyspaces at all", 12, "Averyveryve…"},
		{"héllo wörld ünïcode", 12, "héllo wörld…"},
	} {
		if got := shorten(tc.s, tc.n); got != tc.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}
