package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

func ideasCmd() *cobra.Command {
	var (
		kind, theme, tier string
		asJSON            bool
	)
	cmd := &cobra.Command{
		Use:   "ideas [WORDS...]",
		Short: "List the goal ideas cairn can start a goal from",
		Long: "List the catalog of goal ideas: performance, milestone, experience and training\n" +
			"goals, each with the themes it serves and the goal columns (small, medium, big)\n" +
			"it suits. Blanks such as a target time are shown as __.\n\n" +
			"Narrow the list with --kind, --theme and --tier, and with a few words that must\n" +
			"all appear in an idea, its kind or its themes. No workbook is read.",
		Example: "  cairn ideas --tier small\n" +
			"  cairn ideas --theme headspace --kind training\n" +
			"  cairn ideas trail\n" +
			"  cairn ideas --json | jq -r '.[].id'",
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := ideaFilter(kind, theme, tier)
			if err != nil {
				return err
			}
			f.Query = strings.Join(args, " ")
			ideas := catalog.FilterIdeas(catalog.Ideas(), f)
			if asJSON {
				return writeIdeasJSON(cmd.OutOrStdout(), ideas)
			}
			return printStyled(cmd.OutOrStdout(), ideasText(ideas, newOutStyles()))
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "", "only ideas of this kind: "+orList(kindNames()))
	cmd.Flags().StringVar(&theme, "theme", "", "only ideas that serve this theme (an ID such as coping, or a name such as Headspace)")
	cmd.Flags().StringVar(&tier, "tier", "", "only ideas that suit this goal column: small, medium or big")
	addJSON(cmd, &asJSON, "print the ideas as a JSON array")
	return cmd
}

// ideaFilter checks the flag values and turns them into a filter. Each
// error lists what would have been accepted.
func ideaFilter(kind, theme, tier string) (catalog.IdeaFilter, error) {
	var f catalog.IdeaFilter
	if kind != "" {
		k, ok := catalog.ParseIdeaKind(kind)
		if !ok {
			return f, fmt.Errorf("there is no kind %q: choose %s", kind, orList(kindNames()))
		}
		f.Kind = k
	}
	if theme != "" {
		id, ok := parseTheme(theme)
		if !ok {
			return f, fmt.Errorf("there is no theme %q: choose %s", theme, orList(themeChoices()))
		}
		f.Theme = id
	}
	if tier != "" {
		t, ok := workbook.ParseTier(strings.ToLower(strings.TrimSpace(tier)))
		if !ok {
			return f, fmt.Errorf("there is no tier %q: choose small, medium or big", tier)
		}
		f.Tier = t
	}
	return f, nil
}

// parseTheme accepts a theme's ID or its plain-language name, in any case.
func parseTheme(s string) (catalog.ThemeID, bool) {
	s = strings.TrimSpace(s)
	for _, t := range catalog.Themes() {
		if strings.EqualFold(s, string(t.ID)) || strings.EqualFold(s, t.Name) {
			return t.ID, true
		}
	}
	return "", false
}

func kindNames() []string {
	var out []string
	for _, k := range catalog.IdeaKinds() {
		out = append(out, string(k))
	}
	return out
}

// themeChoices lists the theme IDs, with the plain name beside an ID it
// differs from: "affiliation (Company)".
func themeChoices() []string {
	var out []string
	for _, t := range catalog.Themes() {
		s := string(t.ID)
		if !strings.EqualFold(t.Name, s) {
			s += " (" + t.Name + ")"
		}
		out = append(out, s)
	}
	return out
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// ideasText lists the ideas grouped by kind, in catalog order, with a
// count at the end.
func ideasText(ideas []catalog.Idea, st outStyles) string {
	if len(ideas) == 0 {
		return "No ideas match that. Try fewer filters or other words.\n"
	}
	var b strings.Builder
	for _, k := range catalog.IdeaKinds() {
		var group []catalog.Idea
		for _, idea := range ideas {
			if idea.Kind == k {
				group = append(group, idea)
			}
		}
		if len(group) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(st.Title.Render(k.Name()) + "\n")
		for _, idea := range group {
			b.WriteString("  " + idea.Display() + "  " + st.Muted.Render(ideaDetails(idea)) + "\n")
		}
	}
	total := len(catalog.Ideas())
	if len(ideas) == total {
		fmt.Fprintf(&b, "\n%s\n", st.Muted.Render(plural(total, "idea")))
	} else {
		fmt.Fprintf(&b, "\n%s\n", st.Muted.Render(fmt.Sprintf("%d of %s", len(ideas), plural(total, "idea"))))
	}
	return b.String()
}

// ideaDetails is the muted line after an idea: its tiers, its themes by
// name, and whether it means entering a race.
func ideaDetails(idea catalog.Idea) string {
	var tiers, themes []string
	for _, t := range idea.Tiers {
		tiers = append(tiers, string(t))
	}
	for _, id := range idea.Themes {
		themes = append(themes, catalog.ThemeName(id))
	}
	s := strings.Join(tiers, ", ") + " · " + strings.Join(themes, ", ")
	if idea.Race {
		s += " · race"
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// ideaJSON is one idea in `cairn ideas --json`.
type ideaJSON struct {
	ID      string      `json:"id"`
	Kind    string      `json:"kind"`
	Text    string      `json:"text"`
	Display string      `json:"display"`
	Blanks  []blankJSON `json:"blanks"`
	Themes  []string    `json:"themes"`
	Tiers   []string    `json:"tiers"`
	Race    bool        `json:"race"`
}

type blankJSON struct {
	Key     string `json:"key"`
	Label   string `json:"label"`
	Example string `json:"example"`
}

func writeIdeasJSON(w io.Writer, ideas []catalog.Idea) error {
	out := make([]ideaJSON, 0, len(ideas))
	for _, idea := range ideas {
		j := ideaJSON{
			ID:      idea.ID,
			Kind:    string(idea.Kind),
			Text:    idea.Text,
			Display: idea.Display(),
			Blanks:  make([]blankJSON, 0, len(idea.Blanks)),
			Themes:  make([]string, 0, len(idea.Themes)),
			Tiers:   make([]string, 0, len(idea.Tiers)),
			Race:    idea.Race,
		}
		for _, bl := range idea.Blanks {
			j.Blanks = append(j.Blanks, blankJSON{Key: bl.Key, Label: bl.Label, Example: bl.Example})
		}
		for _, t := range idea.Themes {
			j.Themes = append(j.Themes, string(t))
		}
		for _, t := range idea.Tiers {
			j.Tiers = append(j.Tiers, string(t))
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
