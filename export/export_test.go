package export

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

var at = time.Date(2026, 11, 20, 21, 4, 0, 0, time.UTC)

func TestBuildKeepsEverythingInQuestionOrder(t *testing.T) {
	wb := workbook.Snapshot{
		Season: workbook.Season{ID: "s1", Name: "Season of November 2026", Started: at},
		Place:  workbook.Place{Screen: "goals", Updated: at},
		Answers: map[string]workbook.Answer{
			"big-dream":           {Question: "big-dream", Text: "An ultra", Updated: at},
			"numbers-or-feelings": {Question: "numbers-or-feelings", Text: "Feelings", Updated: at},
			"retired-question":    {Question: "retired-question", Text: "kept anyway", Updated: at},
		},
		Goals:  []workbook.Goal{{ID: "g1", Tier: workbook.Big, Text: "Half marathon"}},
		Themes: workbook.ThemeBoard{Motivation: "time for me"},
		Values: []workbook.ValueChoice{{ID: "calm", Serve: "quiet loops"}},
	}
	doc := Build([]workbook.Snapshot{wb}, at.Local())
	if doc.Format != Format || doc.Version != Version || !doc.Exported.Equal(at) || doc.Exported.Location() != time.UTC {
		t.Errorf("header = %q %d %v", doc.Format, doc.Version, doc.Exported)
	}
	s := doc.Seasons[0]
	var order []string
	for _, a := range s.Answers {
		order = append(order, a.Question)
	}
	if strings.Join(order, ",") != "numbers-or-feelings,big-dream,retired-question" {
		t.Errorf("answer order = %v", order)
	}
	if s.Answers[0].Prompt == "" || s.Answers[2].Prompt != "" {
		t.Error("prompts: known questions need one, unknown ones have none")
	}
	if s.Values[0].Name == "" {
		t.Error("a catalog value is exported without its name")
	}
	if s.Place == nil || s.Place.Screen != "goals" || s.Themes.Motivation != "time for me" || s.Values[0].Serve != "quiet loops" {
		t.Errorf("season = %+v", s)
	}
}

func TestEmptyListsAreWrittenAsLists(t *testing.T) {
	var buf bytes.Buffer
	doc := Build([]workbook.Snapshot{{Season: workbook.Season{ID: "s"}}}, at)
	if err := WriteJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "null") {
		t.Errorf("null in the export:\n%s", out)
	}
	if strings.Contains(out, `"place"`) {
		t.Error("a place that was never recorded was exported")
	}
	if !json.Valid(buf.Bytes()) {
		t.Error("not valid JSON")
	}
}

func TestTextIsExportedExactly(t *testing.T) {
	text := "Line one <with> & \"quotes\"\nline two\ttabbed, émigré 🏃"
	doc := Build([]workbook.Snapshot{{Season: workbook.Season{ID: "s"}, Answers: map[string]workbook.Answer{
		"proud-moment": {Question: "proud-moment", Text: text},
	}}}, at)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	var back Document
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if got := back.Seasons[0].Answers[0].Text; got != text {
		t.Errorf("round trip: %q, want %q", got, text)
	}
	if !strings.Contains(buf.String(), "<with> &") {
		t.Error("HTML characters were escaped; the export should read as typed")
	}
}

// TestDocsNameEveryField keeps docs/export.md in step with the JSON: every
// field the export writes must be described there.
func TestDocsNameEveryField(t *testing.T) {
	docs, err := os.ReadFile("../docs/export.md")
	if err != nil {
		t.Fatal(err)
	}
	full := workbook.Snapshot{
		Season:  workbook.Season{ID: "s", Reason: "r"},
		Place:   workbook.Place{Screen: "reflect"},
		Answers: map[string]workbook.Answer{"proud-moment": {Question: "proud-moment", Text: "t"}},
		Goals: []workbook.Goal{{ID: "g", Tier: workbook.Big, Text: "t", Feel: workbook.Scary, Themes: []workbook.Ref{workbook.Theme("joy")}, Values: []workbook.Ref{workbook.Value("calm")},
			Parent: "p", Status: workbook.Draft, Said: map[string]bool{"attainable": true}, Purpose: map[string]bool{"smile": true}, Idea: "i"}},
		Themes: workbook.ThemeBoard{Marks: []workbook.ThemeMark{{Theme: workbook.Theme("joy"), Polarity: workbook.Toward, Status: workbook.Confirmed}},
			Own: []workbook.OwnTheme{{ID: "o", Name: "n", Polarity: workbook.Toward}}, Top: workbook.Theme("joy"), Notes: "n", Motivation: "m"},
		Values: []workbook.ValueChoice{{ID: "calm", Serve: "s", Experiment: "e"}},
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, Build([]workbook.Snapshot{full}, at)); err != nil {
		t.Fatal(err)
	}
	keys := regexp.MustCompile(`"([a-z_-]+)":`).FindAllStringSubmatch(buf.String(), -1)
	seen := map[string]bool{}
	for _, k := range keys {
		name := k[1]
		if seen[name] || name == "attainable" || name == "smile" {
			continue // map keys inside said and purpose
		}
		seen[name] = true
		if !bytes.Contains(docs, []byte("`"+name+"`")) {
			t.Errorf("docs/export.md does not describe %q", name)
		}
	}
}
