// Package tui is cairn's terminal interface. The root model (root.go)
// routes messages between the screens, each of which lives in its own
// package: welcome, reflection, values, themes, goals and summary.
package tui
