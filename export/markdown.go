package export

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/detect"
	"github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/seasons"
	"github.com/cairn-run/cairn/workbook"
)

// Markdown writes the seasons of p as a document a runner would keep:
// for each season, what matters most, the answers, the values and their
// experiments, the themes with the sentences behind them, the goal ladder
// with its checks, and the journal's weeks. Seasons are separated by a
// rule. The runner's words are written as they typed them, with only the
// marks that would turn a line into a heading or a list escaped. Each
// season is written to w as soon as it is made, and with p.Load only one
// season is held at a time.
func Markdown(w io.Writer, p Print) error {
	var b strings.Builder
	for i, s := range p.Seasons {
		if p.Load != nil {
			snap, err := p.Load(i)
			if err != nil {
				return err
			}
			s.Snapshot = snap
		}
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		md := mdSeason{b: &b, p: p, s: s}
		md.write()
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
		b.Reset()
	}
	if len(p.Seasons) == 0 {
		b.WriteString("# Your workbook\n\nNo seasons yet: open cairn to begin the first.\n")
		if len(p.Journal) > 0 {
			// The journal alone: the runs logged so far.
			started := p.Journal[0].Day.Time()
			journalOnly := PrintSeason{Snapshot: workbook.Snapshot{Season: workbook.Season{Started: time.Date(started.Year(), started.Month(), started.Day(), 12, 0, 0, 0, time.Local)}}, Last: p.Today}
			mdSeason{b: &b, p: p, s: journalOnly, window: "your journal"}.journal()
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdSeason writes one season.
type mdSeason struct {
	b *strings.Builder
	p Print
	s PrintSeason
	// window names the span of days in the journal's sentences; "this
	// season" when empty.
	window string
}

func (m mdSeason) f(format string, args ...any) { fmt.Fprintf(m.b, format, args...) }

func (m mdSeason) write() {
	s := m.s
	m.f("# %s\n\n", inline(s.Season.Name))
	intro := "Started " + longDay(s.First())
	if r := oneLine(s.Season.Reason); r != "" {
		intro += ". Why you came back: " + inline(r)
	}
	m.f("*%s. Written out by cairn on %s.*\n", intro, longDay(m.p.Today))
	m.matters()
	m.answers()
	m.values()
	m.themes()
	m.goals()
	m.journal()
}

func (m mdSeason) section(title string) { m.f("\n## %s\n\n", title) }

func (m mdSeason) matters() {
	m.section("What matters most")
	board := m.s.Themes
	motivation := oneLine(board.Motivation)
	if motivation != "" {
		m.f("> %s\n", inline(motivation))
	}
	if !board.Top.IsZero() {
		if motivation != "" {
			m.f("\n")
		}
		m.f("Of your themes, **%s** matters most.\n", inline(m.p.Names.Of(board.Top)))
	}
	if motivation == "" && board.Top.IsZero() {
		m.f("*Not named yet.*\n")
	}
}

func (m mdSeason) answers() {
	m.section("Your answers")
	asked := map[string]bool{}
	for i, q := range catalog.Questions() {
		asked[q.ID] = true
		if i > 0 {
			m.f("\n")
		}
		m.f("### %s\n\n", inline(q.Prompt))
		if text := strings.TrimSpace(m.s.Answers[q.ID].Text); text != "" {
			m.f("%s\n", block(text))
		} else {
			m.f("*Not answered yet.*\n")
		}
	}
	// Answers to questions this cairn no longer asks are still the
	// runner's words.
	for _, id := range sortedKeys(m.s.Answers) {
		if text := strings.TrimSpace(m.s.Answers[id].Text); !asked[id] && text != "" {
			m.f("\n### An earlier question (%s)\n\n%s\n", inline(id), block(text))
		}
	}
}

func (m mdSeason) values() {
	m.section("Your values")
	if len(m.s.Values) == 0 {
		m.f("*No values chosen yet.*\n")
	}
	chosen := map[workbook.Ref]bool{}
	for i, v := range m.s.Values {
		chosen[v.Ref()] = true
		if i > 0 {
			m.f("\n")
		}
		title := inline(m.p.Names.Of(v.Ref()))
		if v.Own {
			title += " *(your own)*"
		}
		m.f("### %s\n\n", title)
		wrote := false
		if serve := oneLine(v.Serve); serve != "" {
			m.f("- **How running could serve it:** %s\n", inline(serve))
			wrote = true
		}
		if exp := oneLine(v.Experiment); exp != "" {
			m.f("- **A small experiment:** %s\n", inline(exp))
			wrote = true
		}
		for _, r := range m.s.Reviews {
			if r.Value == v.Ref() {
				m.f("- %s\n", reviewWords(r))
				wrote = true
			}
		}
		if !wrote {
			m.f("*Nothing written about it yet.*\n")
		}
	}
	var other []workbook.ExperimentReview
	for _, r := range m.s.Reviews {
		if !chosen[r.Value] {
			other = append(other, r)
		}
	}
	if len(other) > 0 {
		m.f("\n### Experiments of values no longer chosen\n\n")
		for _, r := range other {
			m.f("- **%s:** %s\n", inline(m.p.Names.Of(r.Value)), reviewWords(r))
		}
	}
}

// reviewWords says a look back at an experiment in a sentence.
func reviewWords(r workbook.ExperimentReview) string {
	s := fmt.Sprintf("**Looked back** on %s, after %s", longDay(workbook.DayOf(r.At.Local())), plural(r.Tries, "run", "runs"))
	if exp := oneLine(r.Experiment); exp != "" {
		s += " of “" + inline(exp) + "”"
	}
	if felt := oneLine(r.Felt); felt != "" {
		s += ": it felt " + inline(felt)
	}
	s += "."
	switch r.Decision {
	case workbook.Keep:
		s += " Keep it."
	case workbook.Change:
		s += " Change it."
	case workbook.Drop:
		s += " Drop it."
	}
	switch r.StillFits {
	case workbook.FitsYes:
		s += " The value still fits."
	case workbook.FitsUnsure:
		s += " Not sure the value still fits."
	case workbook.FitsNo:
		s += " The value no longer fits."
	}
	return s
}

func (m mdSeason) themes() {
	m.section("Themes")
	board := m.s.Themes
	found := findings(m.s.Snapshot)
	byRef := map[workbook.Ref]detect.Finding{}
	for _, f := range found {
		byRef[workbook.Theme(string(f.Theme))] = f
	}
	toward, averse := heldThemes(board)
	held := append(append([]workbook.Ref(nil), toward...), averse...)
	if len(held) > 0 {
		m.f("### You hold to\n\n")
		for _, ref := range held {
			pol := workbook.Toward
			for _, r := range averse {
				if r == ref {
					pol = workbook.Away
				}
			}
			m.themeLine(ref, pol, byRef)
		}
	}
	var aside []string
	for _, mk := range board.Marks {
		if mk.Status == workbook.Dismissed {
			aside = append(aside, inline(m.p.Names.Of(mk.Theme))+" ("+polarityWords(mk.Polarity)+")")
		}
	}
	if len(aside) > 0 {
		m.f("\n### You set aside\n\n%s.\n", strings.Join(aside, ", "))
	}
	decided := map[workbook.Ref]bool{}
	for _, mk := range board.Marks {
		if mk.Status != workbook.Undecided {
			decided[mk.Theme] = true
		}
	}
	first := true
	for _, f := range found {
		ref := workbook.Theme(string(f.Theme))
		if decided[ref] {
			continue
		}
		if first {
			m.f("\n### cairn also reads in your answers\n\n")
			first = false
		}
		m.themeLine(ref, f.Polarity, byRef)
	}
	if notes := strings.TrimSpace(board.Notes); notes != "" {
		m.f("\n### Your notes\n\n%s\n", block(notes))
	}
	if len(held) == 0 && len(aside) == 0 && len(found) == 0 && strings.TrimSpace(board.Notes) == "" {
		m.f("*No themes yet: they come from your answers.*\n")
	}
}

// themeLine writes one theme with the sentences behind it.
func (m mdSeason) themeLine(ref workbook.Ref, pol workbook.Polarity, byRef map[workbook.Ref]detect.Finding) {
	words := []string{polarityWords(pol)}
	if ref == m.s.Themes.Top {
		words = append(words, "matters most")
	}
	if ref.Own {
		words = append(words, "your own")
	}
	f, ok := byRef[ref]
	if ok {
		words = append(words, strengthWords(f.Strength))
	}
	m.f("- **%s**: %s\n", inline(m.p.Names.Of(ref)), strings.Join(words, " · "))
	if !ok {
		return
	}
	for _, ev := range f.Evidence {
		m.f("  - “%s” — *%s*\n", inline(ev.Sentence), inline(sourceWords(ev.Source, true)))
	}
}

func (m mdSeason) goals() {
	m.section("Goals")
	goals := m.s.Goals
	if len(goals) == 0 {
		m.f("*No goals drafted yet.*\n")
		return
	}
	m.f("*Big goals first; each step toward a bigger goal sits beneath it.*\n\n")
	toward, _ := heldThemes(m.s.Themes)
	order, depth := ladder(goals)
	runs := m.p.runs(m.p.Today.AddDays(-366), m.p.Today)
	for i, g := range order {
		pad := strings.Repeat("  ", depth[i])
		m.f("%s- **%s** — %s\n", pad, inline(g.Text), goalWords(g))
		pad += "  "
		if links := m.p.Names.all(g.Links()); len(links) > 0 {
			m.f("%s- For: %s\n", pad, inline(strings.Join(links, ", ")))
		}
		var checks []string
		for _, c := range catalog.GoalChecks(g, linked(g, toward, m.s.Values)) {
			checks = append(checks, tick(c.Met)+" "+strings.ToLower(c.Name))
		}
		m.f("%s- Checks: %s\n", pad, strings.Join(checks, " · "))
		var purpose []string
		for _, q := range catalog.PurposeChecks() {
			purpose = append(purpose, tick(g.Purpose[q.ID])+" "+purposeName(q.ID))
		}
		m.f("%s- Purpose: %s\n", pad, strings.Join(purpose, " · "))
		if pr, ok := journal.GoalProgress(g, runs, m.p.Today); ok {
			m.f("%s- Progress: %s\n", pad, pr.Text)
		}
		if g.Tier != workbook.Small && g.Status.Active() {
			if step, ok := workbook.NextStep(goals, g.ID); ok {
				m.f("%s- Next step this week: %s\n", pad, inline(step.Text))
			}
		}
		if history := m.s.History[g.ID]; len(history) > 0 {
			m.f("%s- History:\n", pad)
			for _, ev := range history {
				m.f("%s  - %s\n", pad, inline(seasons.Diary(ev, m.p.Made)))
			}
		}
	}
}

// goalWords says a goal's column, feel and state, and for a small goal its
// week and how it went: "small · doable · draft · week of Mon 30 Nov ·
// partly done".
func goalWords(g workbook.Goal) string {
	words := []string{strings.ToLower(catalog.AboutTier(g.Tier).Name)}
	if g.Feel != workbook.Unmarked {
		words = append(words, g.Feel.Words())
	}
	words = append(words, g.Status.Words())
	if g.Status == workbook.Resting && g.Rest.Until != 0 {
		words[len(words)-1] += " until " + seasons.DayName(g.Rest.Until)
	}
	if g.Weekly() {
		words = append(words, "week of "+seasons.DayName(g.Week))
	}
	if g.Check.Outcome != workbook.NotChecked {
		words = append(words, g.Check.Outcome.Words())
	}
	return strings.Join(words, " · ")
}

// tick is ✓ for a check met and ○ for one still open.
func tick(met bool) string {
	if met {
		return "✓"
	}
	return "○"
}

// purposeName is a purpose check's ID as a few words: "out the door".
func purposeName(id string) string { return strings.ReplaceAll(id, "-", " ") }

func (m mdSeason) journal() {
	m.section("Journal")
	first, last := m.s.First(), max(m.s.Last, m.s.First())
	name := m.window
	if name == "" {
		name = "this season"
	}
	w := journal.Window{Name: name, First: first, Last: last}
	runs := m.p.runs(first, last)
	if len(runs) == 0 {
		m.f("*No runs logged this season.*\n")
		return
	}
	before := w.Before()
	var refs []workbook.Ref
	for _, v := range m.s.Values {
		refs = append(refs, v.Ref())
	}
	// The weeks before the first run are not counted against the plan.
	// The journal printed reaches a year before the first season printed;
	// its oldest run stands for the first when none came before that.
	began := m.p.Journal[0].Day
	mirror := journal.Reflect(w, began, runs, m.p.runs(before.First, before.Last), m.p.Settings, refs, m.p.Names.Of)
	for _, s := range mirror.Sentences {
		m.f("- %s\n", s)
	}
	unit, plan := m.p.Settings.Unit, m.p.Settings.Plan
	m.f("\n| Week of | Runs | Distance | Time |\n|---|---|---|---|\n")
	for _, wk := range mirror.Weeks {
		took := ""
		if wk.Duration > 0 {
			took = journal.FormatDuration(wk.Duration)
		}
		m.f("| %s | %s | %s | %s |\n", journal.ShortDate(wk.Start), journal.PlannedRuns(wk, plan), distance(wk.Metres, unit), took)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// inline makes text safe inside a line of Markdown: on one line, with the
// marks that would start emphasis, code or a link escaped.
func inline(s string) string {
	var b strings.Builder
	for _, r := range oneLine(s) {
		switch r {
		case '\\', '*', '_', '`', '[', ']', '<':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// block writes the runner's text as Markdown paragraphs, line for line,
// escaping only what would turn a line into a heading, a quote, a list, a
// table or a rule.
func block(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		l = strings.TrimRight(l, " \t")
		body := strings.TrimLeft(l, " ")
		lead := l[:len(l)-len(body)]
		if n := listNumber(body); n > 0 {
			body = body[:n] + `\` + body[n:]
		} else if needsEscape(body) {
			body = `\` + body
		}
		lines[i] = lead + body
	}
	return strings.Join(lines, "\n")
}

// needsEscape reports whether a line's first mark makes it something other
// than a paragraph.
func needsEscape(l string) bool {
	if l == "" {
		return false
	}
	switch l[0] {
	case '#', '>', '-', '+', '*', '=', '|', '`', '~', '<':
		return true
	}
	return false
}

// listNumber is the length of the number that starts an ordered list
// item ("12." or "3)"), whose mark is escaped after it; 0 for other lines.
func listNumber(l string) int {
	i := 0
	for i < len(l) && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	if i > 0 && i < len(l) && (l[i] == '.' || l[i] == ')') {
		return i
	}
	return 0
}
