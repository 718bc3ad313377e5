package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/export"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

func exportCmd(db *string) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the whole workbook to standard output",
		Long: "Write every season of the workbook, and every run in its journal, to standard\n" +
			"output, in a versioned format described in docs/export.md. The workbook file is\n" +
			"only read, never changed.",
		Example: "  cairn export --format json > cairn.json\n" +
			"  cairn export | jq '.journal.entries | length'",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "json" {
				return fmt.Errorf("unknown format %q: cairn exports json", format)
			}
			path, err := dbPath(*db)
			if err != nil {
				return err
			}
			st, err := store.OpenReadOnly(path)
			if err != nil {
				return explain(err)
			}
			defer st.Close()
			all, err := st.All()
			if err != nil {
				return explain(err)
			}
			settings, err := st.JournalSettings()
			if err != nil {
				return explain(err)
			}
			entries := func(yield func(workbook.Entry) bool) error {
				return st.JournalScan(store.FirstDay, store.LastDay, false, yield)
			}
			if err := export.WriteJSONWithJournal(cmd.OutOrStdout(), export.Build(all, time.Now()), settings, entries); err != nil {
				return explain(err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "output format: json")
	return cmd
}
