package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The flags every command shares mean the same everywhere: --db is the
// workbook file, --json prints JSON instead of text, --season picks a
// season (seasonflag.go). A flag given twice is refused, unless it is one
// that collects (--tag, --fit), which says so in its help.

// dbUsage is the help of --db, the same on every command that reads or
// writes a workbook.
const dbUsage = "the workbook file (default $CAIRN_DB, else $XDG_DATA_HOME/cairn/cairn.db)"

// addDB gives cmd the --db flag, bound to db.
func addDB(cmd *cobra.Command, db *string) {
	cmd.Flags().Var((*dbFlag)(db), "db", dbUsage)
}

// dbFlag is the value of --db. An empty one is refused: a script whose
// variable is empty (--db "$WORKBOOK") would otherwise open the default
// workbook, the runner's own, instead of the one it meant.
type dbFlag string

func (d *dbFlag) String() string { return string(*d) }
func (d *dbFlag) Type() string   { return "string" }

func (d *dbFlag) Set(s string) error {
	if s == "" {
		return errors.New("--db was given an empty path; give the workbook's file, or leave --db out for the default one")
	}
	*d = dbFlag(s)
	return nil
}

// addJSON gives cmd the --json flag; usage says what it prints, starting
// "print".
func addJSON(cmd *cobra.Command, to *bool, usage string) {
	cmd.Flags().BoolVar(to, "json", false, usage)
}

// collects reports whether a flag gathers every value it is given.
func collects(f *pflag.Flag) bool {
	t := f.Value.Type()
	return strings.HasSuffix(t, "Array") || strings.HasSuffix(t, "Slice")
}

// once is a flag's value that refuses to be set twice: a script that
// repeats a filter must not silently get only the last one.
type once struct {
	pflag.Value
	name string
	set  bool
}

func (o *once) Set(s string) error {
	if o.set {
		return fmt.Errorf("--%s was given more than once; give it once", o.name)
	}
	o.set = true
	return o.Value.Set(s)
}

// refuseRepeats makes every flag of cmd and the commands under it refuse
// a second value, except those that collect values.
func refuseRepeats(cmd *cobra.Command) {
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if _, done := f.Value.(*once); !done && !collects(f) {
			f.Value = &once{Value: f.Value, name: f.Name}
		}
	})
	for _, c := range cmd.Commands() {
		refuseRepeats(c)
	}
}
