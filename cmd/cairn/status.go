package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/seasons"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

// cairn status: the season at a glance, in a few lines, quick enough for a
// shell's greeting. It reads the current season and the journal's runs of
// the last year, never more.

func statusCmd(db *string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "The season at a glance: goals, this week, what is due",
		Long: "Print the active season in a few lines: its goals by state, this week's small\n" +
			"goals, what has rested long enough for another look, last week's steps still to\n" +
			"look back on, and progress from the journal on goals with a number in them. It\n" +
			"only reads the workbook. --json prints the same for scripts.",
		Example: "  cairn status\n" +
			"  cairn status --json | jq -r '.this_week[].text'\n" +
			"  echo 'cairn status 2>/dev/null' >> ~/.bashrc   # a greeting in every new shell",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := openForReading(*db)
			if err != nil {
				return err
			}
			s, err := readStatus(st, now())
			// Closed before printing: the output may be a pipe, and the
			// app's saves wait while the workbook is open here.
			st.Close()
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(s)
			}
			return s.print(cmd.OutOrStdout(), now())
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts")
	addDB(cmd, db)
	return cmd
}

// status is what `cairn status` says, in the shape --json prints.
type status struct {
	Season     statusSeason   `json:"season"`
	LastActive *time.Time     `json:"last_active,omitempty"`
	AwayDays   int            `json:"away_days"`
	Goals      map[string]int `json:"goals"`
	ThisWeek   []statusGoal   `json:"this_week"`
	Due        []statusGoal   `json:"due"`
	Resting    []statusGoal   `json:"resting"`
	LookBack   []statusGoal   `json:"look_back"`
	Progress   []statusGoal   `json:"progress"`
	// Offer is the reason a new season is offered for ("break",
	// "goal-reached"), as the app's welcome offers it; absent when none is.
	Offer string `json:"offer,omitempty"`
}

type statusSeason struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Started time.Time `json:"started"`
	Why     string    `json:"why,omitempty"`
	Reason  string    `json:"reason,omitempty"`
}

type statusGoal struct {
	ID     string `json:"id"`
	Tier   string `json:"tier"`
	Text   string `json:"text"`
	Status string `json:"status"`
	// Until is the day a rest ends; Week the Monday of a small goal's week.
	Until string `json:"until,omitempty"`
	Week  string `json:"week,omitempty"`
	// Progress says where a measurable goal stands, from the journal.
	Progress string   `json:"progress,omitempty"`
	Fraction *float64 `json:"fraction,omitempty"`
	Met      bool     `json:"met,omitempty"`
}

func goalOf(g workbook.Goal) statusGoal {
	s := statusGoal{ID: g.ID, Tier: string(g.Tier), Text: g.Text, Status: g.Status.String()}
	if g.Status == workbook.Resting && g.Rest.Until != 0 {
		s.Until = g.Rest.Until.String()
	}
	if g.Week != 0 {
		s.Week = g.Week.String()
	}
	return s
}

// readStatus reads what status says from st at now.
func readStatus(st *store.Store, now time.Time) (status, error) {
	season, err := st.CurrentSeason()
	if errors.Is(err, store.ErrNotFound) {
		return status{}, errors.New("no season yet: open cairn to begin one")
	}
	if err != nil {
		return status{}, explain(err)
	}
	wb, err := st.Workbook(season.ID)
	if err != nil {
		return status{}, explain(err)
	}
	last, err := st.LastActive()
	if err != nil {
		return status{}, explain(err)
	}
	today := workbook.DayOf(now)
	thisWeek := journal.ThisWeek(today)
	s := status{
		Season:   statusSeason{ID: season.ID, Name: season.Name, Started: season.Started, Why: season.Why.String(), Reason: season.Because()},
		Goals:    map[string]int{},
		ThisWeek: []statusGoal{}, Due: []statusGoal{}, Resting: []statusGoal{}, LookBack: []statusGoal{}, Progress: []statusGoal{},
	}
	for _, st := range []workbook.GoalStatus{workbook.Draft, workbook.Resting, workbook.Committed, workbook.Achieved, workbook.LetGo} {
		s.Goals[st.String()] = 0
	}
	r := seasons.Returning(wb.Goals, last, now)
	if !last.IsZero() {
		s.LastActive, s.AwayDays = &last, r.Days
	}
	if r.Offer != workbook.FirstSeason {
		s.Offer = r.Offer.String()
	}
	for _, g := range wb.Goals {
		if g.OnBoard(thisWeek) {
			s.Goals[g.Status.String()]++
		}
		if g.Tier == workbook.Small && g.Week == thisWeek && g.Status.Active() {
			s.ThisWeek = append(s.ThisWeek, goalOf(g))
		}
	}
	for _, g := range r.Due {
		s.Due = append(s.Due, goalOf(g))
	}
	for _, g := range r.Resting {
		s.Resting = append(s.Resting, goalOf(g))
	}
	for _, g := range r.Unchecked {
		s.LookBack = append(s.LookBack, goalOf(g))
	}
	// Only the runs some open goal's target counts are read: none when no
	// goal has a number in it, a week's for "three runs a week", a year's
	// at most. What status costs grows with those, not with the journal.
	type tracked struct {
		goal   workbook.Goal
		target journal.Target
	}
	var targets []tracked
	first := today + 1
	for _, g := range wb.Goals {
		if !g.Open(thisWeek) {
			continue
		}
		t, ok := journal.TargetOf(g)
		if !ok {
			continue
		}
		targets = append(targets, tracked{g, t})
		from, _ := t.Window(today)
		first = min(first, from)
	}
	if len(targets) == 0 {
		return s, nil
	}
	runs, err := runsFrom(st, first, today)
	if err != nil {
		return status{}, explain(err)
	}
	if len(runs) > 0 {
		for _, tg := range targets {
			p := journal.Track(tg.target, runs, today)
			sg := goalOf(tg.goal)
			sg.Progress, sg.Met = p.Text, p.Met
			f := p.Fraction
			sg.Fraction = &f
			s.Progress = append(s.Progress, sg)
		}
	}
	return s, nil
}

// runsFrom reads the runs from day first to today.
func runsFrom(st *store.Store, first, today workbook.Day) ([]workbook.Entry, error) {
	var runs []workbook.Entry
	err := st.JournalScan(first, today, false, func(e workbook.Entry) bool {
		runs = append(runs, e)
		return true
	})
	return runs, err
}

// print writes the status in a few lines.
func (s status) print(w io.Writer, now time.Time) error {
	var lines []string
	head := fmt.Sprintf("%s · since %s", s.Season.Name, seasons.ShortDate(workbook.DayOf(s.Season.Started.In(now.Location())), now))
	if s.Season.Reason != "" {
		head += " · " + s.Season.Reason
	}
	lines = append(lines, head)
	var counts []string
	for _, st := range []workbook.GoalStatus{workbook.Committed, workbook.Draft, workbook.Resting, workbook.Achieved, workbook.LetGo} {
		if n := s.Goals[st.String()]; n > 0 {
			word := st.Words()
			if st == workbook.Achieved {
				word = "reached"
			}
			counts = append(counts, fmt.Sprintf("%d %s", n, word))
		}
	}
	if len(counts) == 0 {
		lines = append(lines, "Goals: none yet.")
	} else {
		lines = append(lines, "Goals: "+strings.Join(counts, " · "))
	}
	if len(s.ThisWeek) > 0 {
		lines = append(lines, "This week: "+texts(s.ThisWeek))
	} else {
		lines = append(lines, "This week: no small goals yet.")
	}
	if len(s.Due) > 0 {
		lines = append(lines, "Due for another look: "+texts(s.Due))
	}
	for _, g := range s.Resting {
		day, _ := workbook.ParseDay(g.Until)
		lines = append(lines, fmt.Sprintf("Resting: “%s” until %s", oneLine(g.Text), seasons.DayName(day)))
	}
	if n := len(s.LookBack); n > 0 {
		lines = append(lines, fmt.Sprintf("To look back on: %d small %s from earlier weeks (open cairn).", n, map[bool]string{true: "goal", false: "goals"}[n == 1]))
	}
	for _, g := range s.Progress {
		lines = append(lines, fmt.Sprintf("Progress: “%s” — %s", oneLine(g.Text), g.Progress))
	}
	switch s.Offer {
	case workbook.BackAfterBreak.String():
		lines = append(lines, fmt.Sprintf("It has been %s: cairn season new starts a season back after a break.", seasons.HowLong(*s.LastActive, now)))
	case workbook.GoalReached.String():
		lines = append(lines, "A big goal reached: cairn season new starts the next season.")
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n")+"\n")
	return err
}

func texts(goals []statusGoal) string {
	var out []string
	for _, g := range goals {
		out = append(out, "“"+oneLine(g.Text)+"”")
	}
	return strings.Join(out, " · ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
