package main

import (
	"bytes"
	"io"
)

// asksForHelp reports whether args ask for help: cairn help …, or -h or
// --help anywhere before a lone "--".
func asksForHelp(args []string) bool {
	if len(args) > 0 && args[0] == "help" {
		return true
	}
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "--help":
			return true
		}
	}
	return false
}

// trimmedLines writes what it is given a line at a time, without the
// spaces fang pads each line of its help with to the width of the
// terminal: help read in a pipe, a pager or a man page has no trailing
// blanks.
type trimmedLines struct {
	w    io.Writer
	line []byte
}

func (t *trimmedLines) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			t.line = append(t.line, p...)
			break
		}
		t.line = append(t.line, p[:i]...)
		t.line = append(bytes.TrimRight(t.line, " "), '\n')
		if _, err := t.w.Write(t.line); err != nil {
			return 0, err
		}
		t.line = t.line[:0]
		p = p[i+1:]
	}
	return n, nil
}

// Flush writes a last line that had no newline.
func (t *trimmedLines) Flush() error {
	if len(t.line) == 0 {
		return nil
	}
	_, err := t.w.Write(bytes.TrimRight(t.line, " "))
	t.line = t.line[:0]
	return err
}
