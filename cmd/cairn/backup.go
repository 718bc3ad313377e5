package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/store"
)

func backupCmd(db *string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "backup [PATH]",
		Short: "Copy the workbook, whole, even while cairn has it open",
		Long: "Copy the workbook to PATH (a file, or a folder to put the copy in), or beside the\n" +
			"workbook as cairn.db.backup-DATE-TIME.bak when no PATH is given. The copy is the\n" +
			"workbook as it stands at one moment, never a mix of before and after a save, so it\n" +
			"can be made while cairn has the workbook open. It is written whole or not at all,\n" +
			"readable only by you, and checked (cairn check) once written.\n\n" +
			"cairn also keeps copies by itself, beside the workbook: one a day when the app\n" +
			"starts (the last 7 days), and one before any update of the file's layout. A copy is\n" +
			"an ordinary workbook: open it with cairn --db FILE, or put it in the workbook's place.",
		Example: "  cairn backup\n" +
			"  cairn backup ~/Dropbox/cairn-copy.db\n" +
			"  cairn backup /media/usb/\n" +
			"  cairn backup --json | jq -r .path",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := dbPath(*db)
			if err != nil {
				return err
			}
			st, err := openForReading(*db)
			if err != nil {
				return err
			}
			dest := st.DefaultBackup()
			if len(args) == 1 {
				dest = args[0]
			}
			written, err := st.Backup(dest)
			st.Close()
			if err != nil {
				return explain(err)
			}
			r, _, err := readInChild(written, "check")
			healthy := err == nil && r.Healthy()
			size := int64(0)
			if info, err := os.Stat(written); err == nil {
				size = info.Size()
			}
			if asJSON {
				out := struct {
					Path     string       `json:"path"`
					Bytes    int64        `json:"bytes"`
					Healthy  bool         `json:"healthy"`
					Readable store.Counts `json:"readable"`
				}{written, size, healthy, r.Readable}
				if err := json.NewEncoder(cmd.OutOrStdout()).Encode(out); err != nil {
					return err
				}
			} else if healthy {
				fmt.Fprintf(cmd.OutOrStdout(), "Copied %s to %s (%d KB): %s, and the copy passes cairn check.\n",
					path, written, (size+1023)/1024, readableWords(r.Readable))
			}
			if !healthy {
				return exitWith(exitDamaged, fmt.Errorf("the copy at %s does not pass cairn check, so the workbook itself may be damaged; cairn check says what is wrong", written))
			}
			return nil
		},
	}
	addDB(cmd, db)
	addJSON(cmd, &asJSON, "print where the copy went, and what it holds, as JSON")
	return cmd
}
