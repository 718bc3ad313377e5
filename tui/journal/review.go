package journal

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// Experiments followed up (seed 003): once a value's experiment has been
// tried on a few runs, cairn asks how it felt, whether to keep, change or
// drop it, and whether the value still fits. Values evolve; a value running
// does not serve is worth another look, and saying so is part of the
// exercise, not a failure.

// The look back's questions, in order.
const (
	askFelt = iota
	askDecision
	askWording // only when changing
	askFits
)

type review struct {
	value    Value
	tries    int
	focus    int
	felt     textinput.Model
	decision workbook.Decision
	wording  textinput.Model
	fits     workbook.StillFits
}

var (
	decisions  = []workbook.Decision{workbook.Keep, workbook.Change, workbook.Drop}
	fitAnswers = []workbook.StillFits{workbook.FitsYes, workbook.FitsUnsure, workbook.FitsNo}
)

func decisionWords(d workbook.Decision) string {
	switch d {
	case workbook.Change:
		return "change it"
	case workbook.Drop:
		return "drop it"
	}
	return "keep it"
}

func fitsWords(f workbook.StillFits) string {
	switch f {
	case workbook.FitsUnsure:
		return "not sure"
	case workbook.FitsNo:
		return "not any more"
	}
	return "yes"
}

// openReview asks about value v's experiment.
func (m *Model) openReview(v Value) {
	s := m.env.Styles
	r := review{value: v, tries: m.tries[v.Ref], decision: workbook.Keep, fits: workbook.FitsYes}
	r.felt = newLine(s, "lighter, freer, a chore, a good excuse to call Sam…")
	r.wording = newLine(s, "the experiment, as you would try it now")
	r.wording.SetValue(v.Experiment)
	r.setWidth(m.width)
	r.felt.Focus()
	m.review = r
	m.mode = modeReview
}

func (r review) kind() fieldKind {
	if r.focus == askDecision || r.focus == askFits {
		return kindChoice
	}
	return kindLine
}

func (r *review) setStyles(s *common.Styles) {
	if r.value.Ref.IsZero() {
		return // not open
	}
	r.felt.SetStyles(s.TextInput)
	r.wording.SetStyles(s.TextInput)
}

func (r *review) setWidth(w int) {
	if r.value.Ref.IsZero() {
		return
	}
	r.felt.SetWidth(max(min(w-4, 70), 10))
	r.wording.SetWidth(max(min(w-4, 70), 10))
}

// questions are the questions asked, given the decision so far.
func (r review) questions() []int {
	if r.decision == workbook.Change {
		return []int{askFelt, askDecision, askWording, askFits}
	}
	return []int{askFelt, askDecision, askFits}
}

func (r *review) move(forward bool) tea.Cmd {
	qs := r.questions()
	i := slices.Index(qs, r.focus)
	if forward {
		i = min(i+1, len(qs)-1)
	} else {
		i = max(i-1, 0)
	}
	r.focus = qs[i]
	r.felt.Blur()
	r.wording.Blur()
	switch r.focus {
	case askFelt:
		return r.felt.Focus()
	case askWording:
		return r.wording.Focus()
	}
	return nil
}

func (m *Model) updateReview(msg tea.KeyPressMsg) tea.Cmd {
	r := &m.review
	k := m.keys
	last := r.focus == askFits
	switch {
	case key.Matches(msg, k.Cancel):
		m.mode = modeList
		return common.Status("Another time, then. r in the journal looks back at it whenever you like.")
	case key.Matches(msg, k.Save), msg.String() == "enter" && last:
		return m.saveReview()
	case msg.String() == "enter", msg.String() == "tab", msg.String() == "down":
		return r.move(true)
	case msg.String() == "shift+tab", msg.String() == "up":
		return r.move(false)
	}
	switch r.focus {
	case askDecision:
		i := slices.Index(decisions, r.decision)
		switch {
		case key.Matches(msg, k.Less):
			r.decision = decisions[(i+len(decisions)-1)%len(decisions)]
		case key.Matches(msg, k.More):
			r.decision = decisions[(i+1)%len(decisions)]
		}
		return nil
	case askFits:
		i := slices.Index(fitAnswers, r.fits)
		switch {
		case key.Matches(msg, k.Less):
			r.fits = fitAnswers[(i+len(fitAnswers)-1)%len(fitAnswers)]
		case key.Matches(msg, k.More):
			r.fits = fitAnswers[(i+1)%len(fitAnswers)]
		}
		return nil
	}
	return m.reviewInput(msg)
}

// reviewInput passes a key or a paste to the line in focus.
func (m *Model) reviewInput(msg tea.Msg) tea.Cmd {
	r := &m.review
	in := &r.felt
	if r.focus == askWording {
		in = &r.wording
	} else if r.focus != askFelt {
		return nil
	}
	msg, why := common.AdmitLine(msg, in.Value(), common.MaxLineRunes, "The answer")
	if why != "" {
		m.Saver.Refuse(why)
		return nil
	}
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	return cmd
}

// saveReview keeps the look back, changes or drops the experiment on the
// values step when asked to, and starts counting the tries again.
func (m *Model) saveReview() tea.Cmd {
	r := m.review
	wording := strings.TrimSpace(r.wording.Value())
	if r.decision == workbook.Change && (wording == "" || wording == strings.TrimSpace(r.value.Experiment)) {
		m.Saver.Refuse("Write the experiment as you would try it now, or choose keep or drop.")
		m.review.focus = askDecision
		return m.review.move(true)
	}
	rev := workbook.ExperimentReview{
		Value: r.value.Ref, Experiment: r.value.Experiment, Tries: r.tries,
		Felt: strings.TrimSpace(r.felt.Value()), Decision: r.decision, StillFits: r.fits, At: m.env.Now().UTC(),
	}
	m.reviews = append(m.reviews, rev)
	m.tries[r.value.Ref] = 0
	m.mode = modeList
	st, season := m.st, m.env.Season
	cmds := []tea.Cmd{m.Saver.Write(common.Record{Key: "review/" + rev.Value.ID, What: "your look back", Save: func() error {
		return st.SaveExperimentReview(season, rev)
	}})}
	change := ""
	switch r.decision {
	case workbook.Change:
		change = wording
	case workbook.Drop:
		change = "-"
	}
	if change != "" {
		text := change
		if text == "-" {
			text = ""
		}
		for i, v := range m.enter.Values {
			if v.Ref == r.value.Ref {
				m.enter.Values[i].Experiment = text
			}
		}
		if m.enter.ChangeExperiment != nil {
			cmds = append(cmds, m.enter.ChangeExperiment(r.value.Ref, text))
		}
	}
	note := "Kept. "
	switch r.decision {
	case workbook.Change:
		note = "Changed; the new experiment is on the values step too. "
	case workbook.Drop:
		note = "Dropped from the values step. "
	}
	if r.fits == workbook.FitsNo {
		note += fmt.Sprintf("Values change; the values step is there whenever %s wants another look.", r.value.Name)
	} else {
		note += "Tries count from here."
	}
	cmds = append(cmds, common.Status(note))
	if m.hasBack {
		m.hasBack = false
		m.goBack()
	}
	return tea.Batch(cmds...)
}

// reviewView asks the questions.
func (m Model) reviewView() string {
	s := m.env.Styles
	r := m.review
	w := m.width
	var b strings.Builder
	line := func(text string) { b.WriteString(text + "\n") }
	line(s.Title.Render(common.Truncate("Looking back: "+r.value.Name, w)))
	line(s.Muted.Render(common.Wrap(fmt.Sprintf("You tried “%s” on %s. Values are tested in practice; what did this one show you?",
		common.OneLine(r.value.Experiment), plural(r.tries, "run", "runs")), w)))
	line("")
	ask := func(q int, question, answer string) {
		style := s.Muted
		mark := "  "
		if q == r.focus {
			style, mark = s.Accent, "› "
		}
		line(mark + style.Render(question))
		line("    " + answer)
	}
	ask(askFelt, "How did it feel?", r.felt.View())
	choice := func(now string, q int) string {
		if q == r.focus {
			return s.Selected.Render("‹ " + now + " ›")
		}
		return s.Text.Render(now)
	}
	ask(askDecision, "Keep the experiment, change it, or drop it?", choice(decisionWords(r.decision), askDecision))
	if r.decision == workbook.Change {
		ask(askWording, "The experiment, as you would try it now:", r.wording.View())
	}
	ask(askFits, fmt.Sprintf("Does %s still fit what matters to you?", r.value.Name), choice(fitsWords(r.fits), askFits))
	line("")
	line(s.Muted.Render(common.Wrap("enter on the last question keeps your answers; esc asks another time.", w)))
	return strings.TrimSuffix(b.String(), "\n")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
