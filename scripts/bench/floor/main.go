// Command floor is the floor scripts/bench measures cairn against: a Go
// program that draws one frame and does nothing else. It switches to the
// alternate screen, writes a frame of the window's size with the word
// "Begin" in it, as cairn's first screen has, and waits for ctrl+c (the
// terminal is left in its ordinary mode, so ctrl+c ends it). No terminal
// library, no queries, no input reading: what is left is starting a Go
// process and the terminal showing what it wrote.
package main

import (
	"os"
	"strings"

	"golang.org/x/sys/unix"
)

func main() {
	w, h := 80, 24
	if ws, err := unix.IoctlGetWinsize(1, unix.TIOCGWINSZ); err == nil {
		w, h = int(ws.Col), int(ws.Row)
	}
	var b strings.Builder
	b.WriteString("\x1b[?1049h\x1b[H\x1b[2J")
	for i := range h {
		line := strings.Repeat(" ", w)
		if i == h/2 {
			line = " Begin" + strings.Repeat(" ", max(w-6, 0))
		}
		b.WriteString(line)
		if i < h-1 {
			b.WriteString("\r\n")
		}
	}
	os.Stdout.WriteString(b.String())
	var buf [1]byte
	for {
		if _, err := os.Stdin.Read(buf[:]); err != nil {
			return
		}
	}
}
