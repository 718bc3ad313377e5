package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// A document past what stays in memory is written whole and in order,
// and leaves nothing behind in the folder it was spooled to.
func TestSpoolKeepsTheWholeDocumentAndLeavesNothingBehind(t *testing.T) {
	for _, size := range []int{0, 100, spoolInMemory, spoolInMemory + 1, 3*spoolInMemory + 12345} {
		dir := t.TempDir()
		var want bytes.Buffer
		s := &spool{dir: dir}
		for i := 0; want.Len() < size; i++ {
			chunk := []byte(strings.Repeat(string(rune('a'+i%26)), min(70000, size-want.Len())))
			want.Write(chunk)
			if _, err := s.Write(chunk); err != nil {
				t.Fatal(err)
			}
		}
		var got bytes.Buffer
		if _, err := s.WriteTo(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%d bytes spooled, %d came back, or not the same", want.Len(), got.Len())
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("%d bytes: left %v behind", size, left)
		}
	}
}
