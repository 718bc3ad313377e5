package store

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// pageDB returns a database holding bucket "b" with the given keys, each
// valued "v:<key>", and a nested bucket under any key listed in nested.
func pageDB(t testing.TB, keys []string, nested ...string) *bolt.DB {
	t.Helper()
	db, err := bolt.Open(filepath.Join(t.TempDir(), "page.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("b"))
		if err != nil {
			return err
		}
		for _, k := range keys {
			if slices.Contains(nested, k) {
				if _, err := b.CreateBucket([]byte(k)); err != nil {
					return err
				}
				continue
			}
			if err := b.Put([]byte(k), []byte("v:"+k)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func keysOf(entries []entry) []string {
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		out = append(out, string(e.key))
	}
	return out
}

func TestPage(t *testing.T) {
	db := pageDB(t, []string{"b", "d", "f", "h", "j"})
	cases := []struct {
		name    string
		from    string
		limit   int
		reverse bool
		want    []string
		next    string
	}{
		{"from the start", "", 2, false, []string{"b", "d"}, "f"},
		{"from the end", "", 2, true, []string{"j", "h"}, "f"},
		{"at a key", "d", 2, false, []string{"d", "f"}, "h"},
		{"at a key, going down", "f", 2, true, []string{"f", "d"}, "b"},
		{"between keys", "e", 2, false, []string{"f", "h"}, "j"},
		{"between keys, going down", "e", 2, true, []string{"d", "b"}, ""},
		{"before every key", "a", 3, false, []string{"b", "d", "f"}, "h"},
		{"before every key, going down", "a", 3, true, nil, ""},
		{"past every key", "z", 3, false, nil, ""},
		{"past every key, going down", "z", 3, true, []string{"j", "h", "f"}, "d"},
		{"the page ends with the bucket", "h", 2, false, []string{"h", "j"}, ""},
		{"a limit past the end", "f", 10, false, []string{"f", "h", "j"}, ""},
		{"exactly the last key", "j", 1, false, []string{"j"}, ""},
		{"exactly the first key, going down", "b", 1, true, []string{"b"}, ""},
		{"no limit", "", 0, false, []string{"b", "d", "f", "h", "j"}, ""},
		{"no limit, going down", "", -1, true, []string{"j", "h", "f", "d", "b"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := db.View(func(tx *bolt.Tx) error {
				entries, next := page(tx.Bucket([]byte("b")), []byte(tc.from), tc.limit, tc.reverse)
				if got := keysOf(entries); !slices.Equal(got, tc.want) {
					t.Errorf("keys = %v, want %v", got, tc.want)
				}
				if string(next) != tc.next {
					t.Errorf("next = %q, want %q", next, tc.next)
				}
				if tc.next == "" && next != nil {
					t.Errorf("next = %q at the end, want nil", next)
				}
				for _, e := range entries {
					if want := "v:" + string(e.key); string(e.value) != want {
						t.Errorf("value of %s = %q, want %q", e.key, e.value, want)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestPageWalksWholeBucket follows the cursor both ways across buckets of
// many sizes and page sizes, and checks every key is read once, in order.
func TestPageWalksWholeBucket(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 20, 21, 100} {
		var keys []string
		for i := range n {
			keys = append(keys, fmt.Sprintf("%04x", i*3))
		}
		db := pageDB(t, keys)
		for _, limit := range []int{1, 2, 3, 20} {
			for _, reverse := range []bool{false, true} {
				var got []string
				var from []byte
				pages := 0
				err := db.View(func(tx *bolt.Tx) error {
					for {
						entries, next := page(tx.Bucket([]byte("b")), from, limit, reverse)
						if len(entries) > limit {
							t.Fatalf("a page of %d holds %d", limit, len(entries))
						}
						got = append(got, keysOf(entries)...)
						pages++
						if next == nil {
							return nil
						}
						if pages > n+1 {
							t.Fatal("the cursor does not move")
						}
						from = next
					}
				})
				if err != nil {
					t.Fatal(err)
				}
				want := slices.Clone(keys)
				if reverse {
					slices.Reverse(want)
				}
				if !slices.Equal(got, want) {
					t.Errorf("n=%d limit=%d reverse=%v: read %v, want %v", n, limit, reverse, got, want)
				}
			}
		}
	}
}

// TestPageCursorSurvivesChanges deletes the record a cursor points at and
// adds one behind it between two pages: the next page starts at the
// nearest key still there and reads the new one.
func TestPageCursorSurvivesChanges(t *testing.T) {
	db := pageDB(t, []string{"a", "c", "e", "g"})
	var next []byte
	db.View(func(tx *bolt.Tx) error {
		_, next = page(tx.Bucket([]byte("b")), nil, 2, false)
		return nil
	})
	if string(next) != "e" {
		t.Fatalf("next = %q", next)
	}
	db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("b"))
		b.Delete([]byte("e"))
		return b.Put([]byte("f"), []byte("v:f"))
	})
	db.View(func(tx *bolt.Tx) error {
		entries, next := page(tx.Bucket([]byte("b")), next, 2, false)
		if got := keysOf(entries); !slices.Equal(got, []string{"f", "g"}) || next != nil {
			t.Errorf("after changes: %v, next %q", got, next)
		}
		return nil
	})
}

// TestPageCopiesOutOfTheTransaction reads a page, ends the transaction,
// rewrites every record and checks the page still holds what was read.
func TestPageCopiesOutOfTheTransaction(t *testing.T) {
	keys := []string{"k1", "k2", "k3"}
	db := pageDB(t, keys, "k2")
	var entries []entry
	var next []byte
	db.View(func(tx *bolt.Tx) error {
		entries, next = page(tx.Bucket([]byte("b")), nil, 2, false)
		return nil
	})
	// Rewriting every key, many times over, reuses the pages the first
	// transaction's memory pointed into.
	for i := range 50 {
		db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("b"))
			for _, k := range []string{"k1", "k3"} {
				if err := b.Put([]byte(k), bytes.Repeat([]byte{'x'}, 100+i)); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if got := keysOf(entries); !slices.Equal(got, []string{"k1", "k2"}) {
		t.Errorf("keys = %v", got)
	}
	if string(entries[0].value) != "v:k1" {
		t.Errorf("value read before the rewrites = %q", entries[0].value)
	}
	if entries[1].value != nil {
		t.Errorf("a nested bucket reads as value %q, want nil", entries[1].value)
	}
	if string(next) != "k3" {
		t.Errorf("next = %q", next)
	}
}
