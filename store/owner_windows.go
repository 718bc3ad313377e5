//go:build windows

package store

// fileOwner is not known on Windows, where links need privileges to make.
func fileOwner(string) (uid int, ok bool) { return 0, false }

// noFollow is not a flag Windows has.
const noFollow = 0
