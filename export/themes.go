package export

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/detect"
	"github.com/cairn-run/cairn/workbook"
)

// The themes report is the second document here: what `cairn themes`
// prints, as text to read or as JSON for scripts. It sits beside the
// export because it is the same kind of thing, the runner's data laid out
// as a document, and shares its rule: the document has types of its own,
// mapped from the detector's findings and the workbook explicitly.

// ThemesReport is the themes found in some writing and, when that writing
// is a season's answers, the season with what the runner decided.
type ThemesReport struct {
	// Findings are what detect.Detect proposed, strongest first.
	Findings []detect.Finding
	// Sources is how many answers or paragraphs were read.
	Sources int
	// Season is the season the answers come from; nil when the writing
	// is any other text.
	Season *workbook.Snapshot
}

// ThemeFinding is one theme in `cairn themes --json`. Theme, Polarity,
// Score and Evidence are the documented core; the rest help scripts.
type ThemeFinding struct {
	Theme    string  `json:"theme"`
	Polarity string  `json:"polarity"`
	Score    float64 `json:"score"`
	// Strength is how strong the evidence is: "strong", "clear" or
	// "faint". Findings come strongest first.
	Strength string   `json:"strength,omitempty"`
	Evidence []string `json:"evidence"`
	// Name is the theme's plain-language name.
	Name string `json:"name"`
	// Details repeats the evidence with where each sentence came from, the
	// words that suggested the theme, and the way the sentence points.
	Details []ThemeEvidence `json:"details"`
	// Status is the runner's decision, "confirmed" or "dismissed", when
	// reading a season and the runner has made one.
	Status string `json:"status,omitempty"`
	// RunnerPolarity is the direction the runner gave the theme with that
	// decision, which may differ from what the writing suggests.
	RunnerPolarity string `json:"runner_polarity,omitempty"`
	// Top is true for the theme the runner said matters most.
	Top bool `json:"top,omitempty"`
	// Own is true for a theme the runner named themselves. It and a
	// decided theme the writing no longer suggests follow the findings,
	// with a score of 0 and no evidence.
	Own bool `json:"own,omitempty"`
}

// ThemeEvidence is one sentence behind a theme in `cairn themes --json`.
type ThemeEvidence struct {
	Sentence string   `json:"sentence"`
	Source   string   `json:"source"`
	Triggers []string `json:"triggers"`
	Polarity string   `json:"polarity"`
}

// JSON maps the report to its JSON document: one ThemeFinding per
// finding, in order, never nil.
func (r ThemesReport) JSON() []ThemeFinding {
	out := make([]ThemeFinding, 0, len(r.Findings))
	for _, f := range r.Findings {
		j := ThemeFinding{
			Theme:    string(f.Theme),
			Polarity: f.Polarity.String(),
			Score:    roundScore(f.Score),
			Strength: f.Strength.String(),
			Evidence: make([]string, 0, len(f.Evidence)),
			Name:     catalog.ThemeName(f.Theme),
			Details:  make([]ThemeEvidence, 0, len(f.Evidence)),
		}
		for _, ev := range f.Evidence {
			j.Evidence = append(j.Evidence, ev.Sentence)
			d := ThemeEvidence{
				Sentence: ev.Sentence,
				Source:   ev.Source,
				Triggers: make([]string, 0, len(ev.Triggers)),
				Polarity: ev.Polarity.String(),
			}
			for _, sp := range ev.Triggers {
				d.Triggers = append(d.Triggers, ev.Sentence[sp.Start:sp.End])
			}
			j.Details = append(j.Details, d)
		}
		if r.Season != nil {
			ref := workbook.Theme(string(f.Theme))
			if m, ok := markFor(r.Season.Themes, ref); ok {
				j.Status, j.RunnerPolarity = m.Status.String(), m.Polarity.String()
			}
			j.Top = r.Season.Themes.Top == ref
		}
		out = append(out, j)
	}
	if r.Season != nil {
		out = append(out, r.decidedOnly()...)
	}
	return out
}

// decidedOnly lists what the runner holds to that the writing does not
// show: the themes they named, and themes they decided on that the
// detector does not find this time. Leaving them out would have the
// runner's own words missing from what they confirmed.
func (r ThemesReport) decidedOnly() []ThemeFinding {
	board := r.Season.Themes
	found := map[workbook.Ref]bool{}
	for _, f := range r.Findings {
		found[workbook.Theme(string(f.Theme))] = true
	}
	entry := func(ref workbook.Ref, pol workbook.Polarity, status workbook.MarkStatus) ThemeFinding {
		return ThemeFinding{
			Theme: ref.ID, Polarity: pol.String(), Evidence: []string{}, Name: markName(board, ref),
			Details: []ThemeEvidence{}, Status: status.String(), RunnerPolarity: pol.String(),
			Top: board.Top == ref, Own: ref.Own,
		}
	}
	var out []ThemeFinding
	for _, m := range board.Marks {
		if !found[m.Theme] && !m.Theme.Own && m.Status != workbook.Undecided {
			out = append(out, entry(m.Theme, m.Polarity, m.Status))
		}
	}
	for _, o := range board.Own {
		if _, marked := markFor(board, o.Ref()); !marked {
			out = append(out, entry(o.Ref(), o.Polarity, workbook.Confirmed))
		}
	}
	return out
}

// WriteJSON writes the report as an indented JSON array.
func (r ThemesReport) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r.JSON())
}

// roundScore keeps two decimals, as the text shows.
func roundScore(s float64) float64 {
	return math.Round(s*100) / 100
}

// TextStyles say how Text marks its words: titles, muted asides and the
// words that suggested a theme. A nil style leaves its words plain.
type TextStyles struct {
	Title, Muted, Trigger func(string) string
}

func apply(style func(string) string, s string) string {
	if style == nil {
		return s
	}
	return style(s)
}

// Text lays the report out for reading: one block per theme, strongest
// first, its head saying how strong the evidence is, each sentence quoted
// with its trigger words marked; for a season, its name first and what
// the runner confirmed and set aside last.
func (r ThemesReport) Text(st TextStyles) string {
	var b strings.Builder
	season := r.Season
	if season != nil {
		fmt.Fprintf(&b, "%s\n", apply(st.Title, season.Season.Name))
		fmt.Fprintf(&b, "%s\n\n", apply(st.Muted, answerCount(r.Sources)))
	}
	if len(r.Findings) == 0 {
		b.WriteString("No clear themes yet — more writing helps.\n")
	}
	// Where a sentence came from is worth saying only when there is a
	// choice: a season's questions, or a file of several paragraphs.
	showSource := season != nil || r.Sources > 1
	for i, f := range r.Findings {
		if i > 0 {
			b.WriteString("\n")
		}
		head := apply(st.Title, catalog.ThemeName(f.Theme)) + " " + apply(st.Muted, "("+string(f.Theme)+")") +
			" · " + polarityWords(f.Polarity) + " · " + strengthWords(f.Strength) + " " + apply(st.Muted, fmt.Sprintf("(%.2f)", f.Score))
		if season != nil {
			if m, ok := markFor(season.Themes, workbook.Theme(string(f.Theme))); ok {
				head += " · " + apply(st.Title, decisionWords(m, f.Polarity))
			}
		}
		b.WriteString(head + "\n")
		for k, ev := range f.Evidence {
			line := "  “" + ev.Marked(func(t string) string { return apply(st.Trigger, t) }) + "”"
			if ev.Polarity != f.Polarity {
				line += " " + apply(st.Muted, "(points the other way)")
			}
			b.WriteString(line + "\n")
			// A source is named once, under the last of its sentences in a row.
			next := k + 1
			if showSource && (next == len(f.Evidence) || f.Evidence[next].Source != ev.Source) {
				b.WriteString("    " + apply(st.Muted, "— "+sourceWords(ev.Source, season != nil)) + "\n")
			}
		}
	}
	if season != nil {
		b.WriteString(decisionsText(season.Themes, st))
	}
	return b.String()
}

func answerCount(n int) string {
	if n == 1 {
		return "themes read from 1 answer"
	}
	return fmt.Sprintf("themes read from %d answers", n)
}

// decisionsText lists what the runner confirmed and set aside, including
// themes of their own and themes the detector did not find this time.
func decisionsText(board workbook.ThemeBoard, st TextStyles) string {
	var confirmed, dismissed []string
	line := func(ref workbook.Ref, pol workbook.Polarity) string {
		name := markName(board, ref)
		if ref.Own {
			name += " " + apply(st.Muted, "(yours)")
		}
		if board.Top == ref {
			name += " " + apply(st.Muted, "(matters most)")
		}
		return "  " + name + " " + apply(st.Muted, "· "+polarityWords(pol))
	}
	for _, m := range board.Marks {
		switch m.Status {
		case workbook.Confirmed:
			confirmed = append(confirmed, line(m.Theme, m.Polarity))
		case workbook.Dismissed:
			dismissed = append(dismissed, line(m.Theme, m.Polarity))
		}
	}
	// A theme the runner named is theirs, confirmed by naming it; it has
	// no mark of its own.
	for _, o := range board.Own {
		if _, marked := markFor(board, o.Ref()); !marked {
			confirmed = append(confirmed, line(o.Ref(), o.Polarity))
		}
	}
	if len(confirmed) == 0 && len(dismissed) == 0 {
		return ""
	}
	var b strings.Builder
	if len(confirmed) > 0 {
		b.WriteString("\n" + apply(st.Title, "You confirmed") + "\n")
		b.WriteString(strings.Join(confirmed, "\n") + "\n")
	}
	if len(dismissed) > 0 {
		b.WriteString("\n" + apply(st.Title, "You set aside") + "\n")
		b.WriteString(strings.Join(dismissed, "\n") + "\n")
	}
	return b.String()
}

// markFor returns the runner's decision on a theme, if any.
func markFor(board workbook.ThemeBoard, theme workbook.Ref) (workbook.ThemeMark, bool) {
	i := slices.IndexFunc(board.Marks, func(m workbook.ThemeMark) bool { return m.Theme == theme })
	if i < 0 {
		return workbook.ThemeMark{}, false
	}
	return board.Marks[i], true
}

// markName names a marked theme: a catalog theme by its plain name, the
// runner's own theme by what they called it.
func markName(board workbook.ThemeBoard, ref workbook.Ref) string {
	if !ref.Own {
		if t, ok := catalog.LookupTheme(catalog.ThemeID(ref.ID)); ok {
			return t.Name
		}
	}
	for _, own := range board.Own {
		if own.Ref() == ref {
			return own.Name
		}
	}
	return ref.ID
}

// decisionWords says what the runner decided about a theme, and which way,
// when that differs from what the writing suggests.
func decisionWords(m workbook.ThemeMark, detected workbook.Polarity) string {
	var s string
	switch m.Status {
	case workbook.Confirmed:
		s = "you confirmed it"
	case workbook.Dismissed:
		s = "you set it aside"
	default:
		return ""
	}
	if m.Polarity != 0 && m.Polarity != detected {
		s += ", as " + polarityWords(m.Polarity)
	}
	return s
}

// strengthWords says how strong a finding's evidence is.
func strengthWords(s detect.Strength) string {
	if s == 0 {
		return "evidence"
	}
	return s.String() + " evidence"
}

func polarityWords(p workbook.Polarity) string {
	if p == workbook.Away {
		return "would rather not"
	}
	return "drawn to it"
}

// sourceWords names where a sentence came from: a season's question by its
// prompt, shortened, or a file's paragraph by its label.
func sourceWords(label string, season bool) string {
	if season {
		if q, ok := catalog.LookupQuestion(label); ok {
			return shorten(q.Prompt, 60)
		}
	}
	return label
}

// shorten cuts s to at most n runes at a word boundary, with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n-1])
	// Step back to the last whole word, unless the cut fell between words.
	if r[n-1] != ' ' {
		if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
			cut = cut[:i]
		}
	}
	return strings.TrimRight(cut, " ,;:—-") + "…"
}
