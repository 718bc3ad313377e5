package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/export"
	"github.com/cairn-run/cairn/store"
)

func exportCmd(db *string) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the whole workbook to standard output",
		Long: "Write every season of the workbook to standard output, in a versioned format\n" +
			"described in docs/export.md. The workbook file is only read, never changed.",
		Example: "  cairn export --format json > cairn.json",
		Args:    cobra.NoArgs,
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
			return export.WriteJSON(cmd.OutOrStdout(), export.Build(all, time.Now()))
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "output format: json")
	return cmd
}
