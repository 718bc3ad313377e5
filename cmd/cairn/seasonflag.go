package main

import (
	"fmt"
	"strings"

	"github.com/cairn-run/cairn/workbook"
)

// --season picks seasons by name the same way on every command: the whole
// name or a part of it ("winter 2026"), in any case, or a season's ID,
// or "current", or "all" where a command can show every season.

// seasonUsage is the help of --season, the same everywhere.
const seasonUsage = `the season: its name or part of it ("Winter 2026"), its ID, "current" or "all"`

// pickSeasons returns the seasons name picks among seasons (oldest
// first), current being the one the workbook opens on. all says whether
// "all" is allowed.
func pickSeasons(seasons []workbook.Season, current, name string, all bool) ([]workbook.Season, error) {
	want := strings.ToLower(strings.Join(strings.Fields(name), " "))
	switch want {
	case "all":
		if !all {
			return nil, fmt.Errorf("--season all: this shows one season; name one (%s)", seasonNames(seasons))
		}
		return seasons, nil
	case "", "current":
		for _, s := range seasons {
			if s.ID == current {
				return []workbook.Season{s}, nil
			}
		}
		if len(seasons) == 0 {
			return nil, fmt.Errorf("there are no seasons yet; open cairn to begin the first")
		}
		return seasons[len(seasons)-1:], nil
	}
	var exact, part []workbook.Season
	for _, s := range seasons {
		n := strings.ToLower(s.Name)
		switch {
		case s.ID == name || n == want:
			exact = append(exact, s)
		case strings.Contains(n, want) || strings.HasPrefix(s.ID, name):
			part = append(part, s)
		}
	}
	switch {
	case len(exact) == 1:
		return exact, nil
	case len(exact) == 0 && len(part) == 1:
		return part, nil
	case len(exact)+len(part) == 0:
		return nil, fmt.Errorf("there is no season %q: the seasons are %s", name, seasonNames(seasons))
	}
	found := append(exact, part...)
	var ids []string
	for _, s := range found {
		ids = append(ids, fmt.Sprintf("%s (%s)", s.Name, s.ID))
	}
	return nil, fmt.Errorf("--season %q could be %s: give its ID", name, orList(ids))
}

// seasonNames lists the seasons for a message.
func seasonNames(seasons []workbook.Season) string {
	if len(seasons) == 0 {
		return "none yet"
	}
	var names []string
	for _, s := range seasons {
		names = append(names, fmt.Sprintf("%q", s.Name))
	}
	return orList(names)
}
