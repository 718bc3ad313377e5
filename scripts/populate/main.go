// Command populate fills a workbook with a full season of realistic size,
// for the measurements in scripts/measure.sh. It is not part of cairn.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: populate FILE")
		os.Exit(2)
	}
	st, err := store.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer st.Close()
	season, err := st.CurrentSeason()
	if errors.Is(err, store.ErrNotFound) {
		season, err = st.StartSeason("")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	now := time.Now().UTC()
	paragraph := "I run early, before the house wakes, and it is the only hour that is mine. " +
		"Some weeks I chase a pace, most weeks I chase the quiet. My club meets on Thursdays. "
	for _, q := range catalog.Questions() {
		text := strings.Repeat(paragraph, 12) // about 2 KB: a long, honest answer
		must(st.SaveAnswer(season.ID, workbook.Answer{Question: q.ID, Text: text, Updated: now}))
	}
	tiers := workbook.Tiers()
	for i := range 12 {
		must(st.PutGoal(season.ID, workbook.Goal{
			ID: workbook.NewID(now.Add(time.Duration(i) * time.Millisecond)), Tier: tiers[i%3],
			Text: fmt.Sprintf("Goal %d: run three mornings a week before work, with a friend on Thursdays", i+1),
			Feel: workbook.Doable, Status: workbook.Draft, Order: i / 3, Created: now, Updated: now,
		}))
	}
	must(st.SavePlace(season.ID, workbook.Place{Screen: "goals", Updated: now}))
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
