package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"
)

// Reading in pages
//
// Whatever can grow to thousands of records (seasons over the years, the
// journal, a goal's history) is read a page at a time through one
// primitive, page, over a bucket whose keys sort in the order the records
// are wanted (times in hex, see workbook.NewID). A caller names where the
// page starts, how many records it wants, and which way to go; it gets the
// records, copied out of the transaction, and the key the next page starts
// at. SeasonsPage is the public shape of it, and the one the journal's
// entries will follow:
//
//	page, next, err := st.SeasonsPage("", 20, true)    // the newest 20
//	page, next, err = st.SeasonsPage(next, 20, true)   // the 20 before them
//
// next is "" when there is nothing more. A page starts at its key
// inclusively, so a cursor stays valid when records are added or deleted
// between two pages: at worst the next page starts at the nearest key
// still there.

// entry is one key and value read by page, both copied out of the
// transaction. value is nil when the key holds a nested bucket.
type entry struct {
	key, value []byte
}

// page reads up to limit entries of b in key order, starting at the first
// key at or after from, or, when reverse is set, at the last key at or
// before from and going down. An empty from starts at the first key (the
// last, when reverse). limit < 1 reads to the end. next is the key the
// following page starts at, nil when there is nothing more. Nothing
// returned points into the transaction's memory, so it stays valid after
// the transaction ends.
func page(b *bolt.Bucket, from []byte, limit int, reverse bool) (entries []entry, next []byte) {
	c := b.Cursor()
	var k, v []byte
	switch {
	case len(from) == 0 && !reverse:
		k, v = c.First()
	case len(from) == 0:
		k, v = c.Last()
	case !reverse:
		k, v = c.Seek(from)
	default:
		// Seek finds the first key at or after from; going down, the page
		// starts there only if it is from itself, otherwise one before.
		switch k, v = c.Seek(from); {
		case k == nil:
			k, v = c.Last()
		case !bytes.Equal(k, from):
			k, v = c.Prev()
		}
	}
	move := c.Next
	if reverse {
		move = c.Prev
	}
	if limit > 0 {
		entries = make([]entry, 0, limit)
	}
	for ; k != nil; k, v = move() {
		if limit > 0 && len(entries) == limit {
			return entries, bytes.Clone(k)
		}
		entries = append(entries, entry{key: bytes.Clone(k), value: bytes.Clone(v)})
	}
	return entries, nil
}
