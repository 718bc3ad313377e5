package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/seasons"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

// cairn season: start a season and list them, as the app does.

func seasonCmd(db *string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "season",
		Short: "List your seasons, or start a new one",
		Long: "Each pass through the exercise is a season. cairn season (or cairn season list)\n" +
			"lists them, oldest first, the current one starred; cairn season new starts\n" +
			"another, carrying over what you choose. An old season is never changed.",
		Example: "  cairn season list\n" +
			"  cairn season new --reason break --carry values,goals\n" +
			"  cairn season list --json | jq -r '.[] | .name'",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return listSeasons(cmd.OutOrStdout(), *db, asJSON) },
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts")
	addDB(cmd, db)
	cmd.AddCommand(seasonListCmd(db), seasonNewCmd(db))
	return cmd
}

func seasonListCmd(db *string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List every season, oldest first",
		Long: "List every season, oldest first, the one cairn opens on starred: when it began,\n" +
			"why, and what it carried over from the season before. It only reads the workbook.",
		Example: "  cairn season list\n" +
			"  cairn season list --json",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return listSeasons(cmd.OutOrStdout(), *db, asJSON) },
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts")
	addDB(cmd, db)
	return cmd
}

// seasonJSON is one season in `cairn season list --json`.
type seasonJSON struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Started time.Time `json:"started"`
	Why     string    `json:"why,omitempty"`
	Reason  string    `json:"reason,omitempty"`
	From    string    `json:"from,omitempty"`
	Carried []string  `json:"carried,omitempty"`
	Current bool      `json:"current"`
}

func listSeasons(w io.Writer, db string, asJSON bool) error {
	st, err := openForReading(db)
	if err != nil {
		return err
	}
	defer st.Close()
	all, err := st.Seasons()
	if err != nil {
		return explain(err)
	}
	cur, err := st.CurrentSeason()
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return explain(err)
	}
	if asJSON {
		out := make([]seasonJSON, 0, len(all))
		for _, s := range all {
			out = append(out, seasonJSON{
				ID: s.ID, Name: s.Name, Started: s.Started, Why: s.Why.String(), Reason: s.Because(),
				From: s.From, Carried: carriedList(s.Carried), Current: s.ID == cur.ID,
			})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	if len(all) == 0 {
		_, err := fmt.Fprintln(w, "No seasons yet: open cairn to begin the first.")
		return err
	}
	names := map[string]string{}
	width := 0
	for _, s := range all {
		names[s.ID] = s.Name
		width = max(width, len([]rune(s.Name)))
	}
	t := now()
	for _, s := range all {
		mark := " "
		if s.ID == cur.ID {
			mark = "*"
		}
		line := fmt.Sprintf("%s %-*s  began %s", mark, width, s.Name, seasons.ShortDate(workbook.DayOf(s.Started.In(t.Location())), t))
		if r := s.Because(); r != "" {
			line += " · " + r
		}
		if c := s.Carried.Words(); c != "" && names[s.From] != "" {
			line += fmt.Sprintf(" · carried %s from %s", c, names[s.From])
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

func carriedList(c workbook.Carry) []string {
	var out []string
	if c.Values {
		out = append(out, "values")
	}
	if c.Themes {
		out = append(out, "themes")
	}
	if c.Goals {
		out = append(out, "goals")
	}
	return out
}

func seasonNewCmd(db *string) *cobra.Command {
	var reason, name, carry string
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Start a new season, carrying over what you choose",
		Long: "Start a new season and make it the one cairn opens on. The season you leave is\n" +
			"kept exactly as it is, to read back and compare.\n\n" +
			"--reason is why you are back: break (back after a break), cycle (a new training\n" +
			"cycle), goal (a goal reached), plateau (a plateau or low motivation), season (just\n" +
			"a new season), or your own words. Without it, cairn picks as the app does: back\n" +
			"after a break after four weeks away, a goal reached once a big goal is, else just\n" +
			"a new season.\n\n" +
			"--name is the season's name; by default the time of year, such as \"Winter 2026\".\n" +
			"--carry lists what to carry over: values (with their experiments), themes (the\n" +
			"confirmed ones), goals (those not yet achieved or let go); all, or none. All by\n" +
			"default, as in the app.",
		Example: "  cairn season new\n" +
			"  cairn season new --reason break\n" +
			"  cairn season new --reason \"my knee is better\" --name \"Comeback\" --carry values,themes\n" +
			"  cairn season new --reason cycle --carry none",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := workbook.ParseCarry(carry)
			if err != nil {
				return fmt.Errorf("--carry: %w", err)
			}
			st, err := openForWriting(*db, "no season was started", ", or start it there from the welcome screen", store.WithClock(now))
			if err != nil {
				return err
			}
			defer st.Close()
			plan := workbook.SeasonPlan{Name: name, Carry: c}
			if plan.Why, plan.Reason, err = whyFlag(st, reason); err != nil {
				return err
			}
			started, err := st.NewSeason(plan)
			if err != nil {
				return explain(err)
			}
			return saySeasonStarted(cmd.OutOrStdout(), st, started)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&reason, "reason", "", "why you are back: break, cycle, goal, plateau, season, or your own words")
	fl.StringVar(&name, "name", "", "the season's name (default: the time of year, such as \"Winter 2026\")")
	fl.StringVar(&carry, "carry", "values,themes,goals", "what to carry over: values, themes, goals, all or none")
	addDB(cmd, db)
	return cmd
}

// whyFlag reads --reason: a reason's short name or words, or the runner's
// own words; when it is not given, the reason the app would offer.
func whyFlag(st *store.Store, reason string) (workbook.Why, string, error) {
	short := map[string]workbook.Why{"goal": workbook.GoalReached, "season": workbook.JustNew, "new": workbook.JustNew}
	if w, ok := short[strings.ToLower(strings.TrimSpace(reason))]; ok {
		return w, "", nil
	}
	if why := workbook.WhyOf(reason); why != workbook.FirstSeason {
		if why == workbook.OwnWords {
			return why, strings.Join(strings.Fields(reason), " "), nil
		}
		return why, "", nil
	}
	cur, err := st.CurrentSeason()
	if errors.Is(err, store.ErrNotFound) {
		return workbook.JustNew, "", nil
	}
	if err != nil {
		return 0, "", explain(err)
	}
	wb, err := st.Workbook(cur.ID)
	if err != nil {
		return 0, "", explain(err)
	}
	last, err := st.LastActive()
	if err != nil {
		return 0, "", explain(err)
	}
	if offer := seasons.Returning(wb.Goals, last, now()).Offer; offer != workbook.FirstSeason {
		return offer, "", nil
	}
	return workbook.JustNew, "", nil
}

// saySeasonStarted says what began and what came with it.
func saySeasonStarted(w io.Writer, st *store.Store, s workbook.Season) error {
	line := fmt.Sprintf("Began %s", s.Name)
	if r := s.Because(); r != "" {
		line += " (" + r + ")"
	}
	if s.From != "" {
		wb, err := st.Workbook(s.ID)
		if err != nil {
			return explain(err)
		}
		from, err := st.Workbook(s.From)
		if err != nil {
			return explain(err)
		}
		toward, averse := seasons.Themes(wb.Themes)
		var parts []string
		if s.Carried.Values {
			parts = append(parts, countOf(len(wb.Values), "value", "values"))
		}
		if s.Carried.Themes {
			parts = append(parts, countOf(len(toward)+len(averse), "theme", "themes"))
		}
		if s.Carried.Goals {
			parts = append(parts, countOf(len(wb.Goals), "goal", "goals"))
		}
		line += fmt.Sprintf(", carrying %s from %s. %s is kept as it was", listOf(parts), from.Season.Name, from.Season.Name)
	}
	_, err := fmt.Fprintln(w, line+".")
	return err
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func listOf(parts []string) string {
	switch len(parts) {
	case 0:
		return "nothing"
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
