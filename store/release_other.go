//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// releaseMapped does nothing here: the pages of the map are left to the
// system (release_linux.go).
func releaseMapped(*bolt.Tx) {}
