package values

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/workbook"
)

// SetExperiment rewords the experiment of the chosen value ref, or drops it
// when text is empty, and saves the values through this screen's own save
// path. The journal calls it when the runner looks back at an experiment
// and decides to change or drop it. A value no longer chosen is left alone.
func (m *Model) SetExperiment(ref workbook.Ref, text string) tea.Cmd {
	i := slices.IndexFunc(m.chosen, func(c workbook.ValueChoice) bool { return c.Ref() == ref })
	if i < 0 {
		return nil
	}
	m.chosen = slices.Clone(m.chosen)
	m.chosen[i].Experiment = text
	m.load()
	return m.Saver.Write(m.record())
}
