package main

import (
	"bytes"
	"io"
	"os"
)

// spool holds a document made for standard output until the workbook is
// closed: standard output may be a pager the runner reads at leisure, and
// the workbook must not stay open (holding off the app's saves) while it
// waits. A small document stays in memory; past spoolInMemory it goes to
// a file without a name in the workbook's own folder, so that an export
// of any size takes the same memory, and the runner's words are never
// put anywhere the workbook is not.
type spool struct {
	dir  string
	mem  bytes.Buffer
	file *os.File
	name string // the file's name, while it still has one
}

// spoolInMemory is how much of a document stays in memory.
const spoolInMemory = 4 << 20

func (s *spool) Write(p []byte) (int, error) {
	if s.file == nil && s.mem.Len()+len(p) <= spoolInMemory {
		return s.mem.Write(p)
	}
	if s.file == nil {
		f, err := os.CreateTemp(s.dir, ".cairn-export-*")
		if err != nil {
			return 0, err
		}
		s.file, s.name = f, f.Name()
		if os.Remove(s.name) == nil {
			s.name = "" // nameless now: nothing can be left behind
		}
		if _, err := s.mem.WriteTo(f); err != nil {
			return 0, err
		}
		s.mem = bytes.Buffer{}
	}
	return s.file.Write(p)
}

// WriteTo writes the whole document to w.
func (s *spool) WriteTo(w io.Writer) (int64, error) {
	if s.file == nil {
		return s.mem.WriteTo(w)
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	return io.Copy(w, s.file)
}

// Close lets the spooled document go.
func (s *spool) Close() error {
	if s.file == nil {
		return nil
	}
	err := s.file.Close()
	if s.name != "" {
		// A system that cannot remove an open file (Windows).
		os.Remove(s.name)
	}
	return err
}
