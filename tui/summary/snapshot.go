package summary

import (
	"github.com/cairn-run/cairn/seasons"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// FromSnapshot is the summary of a season as it is on disk: what the
// history of past seasons shows, through the same Render as the season
// being written. from is the name of the season it carried things over
// from, if any.
func FromSnapshot(wb workbook.Snapshot, from string) Season {
	answers := make(map[string]string, len(wb.Answers))
	for id, a := range wb.Answers {
		answers[id] = a.Text
	}
	toward, averse := seasons.Themes(wb.Themes)
	var values []Value
	for i, n := range seasons.Values(wb.Values) {
		v := wb.Values[i]
		values = append(values, Value{Name: n.Name, Serve: v.Serve, Experiment: v.Experiment})
	}
	return Season{
		Season:  wb.Season,
		Answers: answers,
		Themes:  wb.Themes,
		Toward:  refs(toward),
		Averse:  refs(averse),
		Values:  values,
		Goals:   wb.Goals,
		From:    from,
	}
}

func refs(named []seasons.Named) []common.Ref {
	out := make([]common.Ref, 0, len(named))
	for _, n := range named {
		out = append(out, common.Ref{Ref: n.Ref, Name: n.Name})
	}
	return out
}
