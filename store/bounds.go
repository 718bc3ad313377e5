package store

import (
	"encoding/binary"
	"fmt"
	"os"
)

// Page bounds
//
// bbolt's own consistency check (Tx.Check) runs in a goroutine of its
// own, where a fault in the mapped file cannot be turned into a panic: an
// element whose key length was damaged sends it reading megabytes past
// its page, and the process dies. Before it runs, pageBounds reads the
// file's pages as plain bytes (never the map) from the newest header
// page's root down, and finds what would send bbolt astray: a child page
// past the end of the file, an element, key or value past the end of its
// page. Only a file that passes is handed to bbolt's check.

const (
	pageHeaderSize = 16
	elementSize    = 16
	pageBranch     = 0x01
	pageLeaf       = 0x02
	pageFreelist   = 0x10
	elementBucket  = 0x01
)

// pageBounds returns where raw, a bbolt file whose current header page
// is m, has a page or an element that points outside the file or its
// page, or a page reached twice (a loop, which bbolt's cursors follow
// forever), in words; "" if none does.
func pageBounds(raw []byte, m metaPage) string {
	return walkPages(len(raw), m, func(off, n int) []byte { return raw[off : off+n] })
}

// walkPages is pageBounds over a file of size bytes whose pages read
// returns: n bytes from offset off, or fewer if the file ends sooner.
func walkPages(size int, m metaPage, read func(off, n int) []byte) string {
	le64 := binary.LittleEndian.Uint64
	le32 := binary.LittleEndian.Uint32
	le16 := binary.LittleEndian.Uint16
	ps := m.pageSize
	if ps < 512 || size < 2*ps {
		return "the header page gives a page size the file cannot have"
	}
	pages := size / ps
	seen := make([]bool, pages)
	var visit func(id, depth int) string
	var elements func(p []byte, at string, depth int) string
	visit = func(id, depth int) string {
		if depth > 16 {
			return "the pages nest deeper than any workbook"
		}
		if id < 2 || id >= pages {
			return fmt.Sprintf("a page refers to page %d, past the end of the file (%d pages)", id, pages)
		}
		if seen[id] {
			return fmt.Sprintf("page %d is reached twice, a loop", id)
		}
		seen[id] = true
		off := id * ps
		head := read(off, pageHeaderSize)
		if len(head) < pageHeaderSize {
			return fmt.Sprintf("page %d runs past the end of the file", id)
		}
		span := (1 + int(le32(head[12:]))) * ps
		if off+span > size {
			return fmt.Sprintf("page %d runs past the end of the file", id)
		}
		p := read(off, span)
		if len(p) < span {
			return fmt.Sprintf("page %d runs past the end of the file", id)
		}
		return elements(p, fmt.Sprintf("page %d", id), depth)
	}
	elements = func(p []byte, at string, depth int) string {
		flags, count := le16(p[8:]), int(le16(p[10:]))
		if pageHeaderSize+count*elementSize > len(p) {
			return at + " lists more entries than it can hold"
		}
		if flags&pageBranch != 0 && count == 0 {
			// bbolt's cursor would follow an element that is not there.
			return at + " is a branch to nothing"
		}
		for i := range count {
			e := pageHeaderSize + i*elementSize
			switch {
			case flags&pageBranch != 0:
				pos, ksize := int(le32(p[e:])), int(le32(p[e+4:]))
				if e+pos+ksize > len(p) {
					return at + " has a key that runs past its end"
				}
				if where := visit(int(le64(p[e+8:])), depth+1); where != "" {
					return where
				}
			case flags&pageLeaf != 0:
				fl, pos, ksize, vsize := le32(p[e:]), int(le32(p[e+4:])), int(le32(p[e+8:])), int(le32(p[e+12:]))
				if e+pos+ksize+vsize > len(p) {
					return at + " has a key or value that runs past its end"
				}
				if fl&elementBucket == 0 {
					continue
				}
				v := p[e+pos+ksize : e+pos+ksize+vsize]
				if len(v) < 16 {
					return at + " has a bucket too short to be one"
				}
				if root := int(le64(v)); root != 0 {
					if where := visit(root, depth+1); where != "" {
						return where
					}
				} else if len(v) > 16 {
					if len(v) < 16+pageHeaderSize {
						return at + " has a bucket too short to be one"
					}
					if le16(v[16+8:])&pageLeaf == 0 {
						return at + " has a bucket inside it that is not a leaf"
					}
					if where := elements(v[16:], at, depth+1); where != "" {
						return where
					}
				}
			default:
				return at + " is neither a branch nor a leaf"
			}
		}
		return ""
	}
	if where := visit(int(m.root), 0); where != "" {
		return where
	}
	return freelistBounds(size, m, read)
}

// freelistBounds finds what in the list of free pages would send bbolt
// astray: bbolt reads it whole when a transaction begins (and in its own
// check's goroutine), so a damaged count there reads past the file's map.
func freelistBounds(size int, m metaPage, read func(off, n int) []byte) string {
	const noFreelist = ^uint64(0) // bbolt keeps no list in the file
	if m.freelist == noFreelist {
		return ""
	}
	ps := m.pageSize
	if m.freelist < 2 || m.freelist >= uint64(size/ps) {
		return fmt.Sprintf("the list of free pages is said to be on page %d, past the end of the file (%d pages)", m.freelist, size/ps)
	}
	off := int(m.freelist) * ps
	head := read(off, pageHeaderSize+8)
	if len(head) < pageHeaderSize+8 {
		return fmt.Sprintf("page %d, the list of free pages, runs past the end of the file", m.freelist)
	}
	if binary.LittleEndian.Uint16(head[8:])&pageFreelist == 0 {
		return fmt.Sprintf("page %d is not the list of free pages the header page says it is", m.freelist)
	}
	span := (1 + int(binary.LittleEndian.Uint32(head[12:]))) * ps
	if off+span > size {
		return fmt.Sprintf("page %d, the list of free pages, runs past the end of the file", m.freelist)
	}
	// A count of 0xFFFF says the true count is the first eight bytes
	// after the header, and the page IDs follow it.
	count, first := uint64(binary.LittleEndian.Uint16(head[10:])), uint64(0)
	if count == 0xFFFF {
		count, first = binary.LittleEndian.Uint64(head[pageHeaderSize:]), 1
	}
	if count > uint64(span-pageHeaderSize)/8-first {
		return fmt.Sprintf("page %d, the list of free pages, lists more pages than it can hold", m.freelist)
	}
	return ""
}

// boundsOf checks the pages of the bbolt file at path with pageBounds,
// from the header page bbolt will use, and returns what it finds.
func boundsOf(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return "" // the open that follows says what is wrong
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return ""
	}
	m, _, ok := readHeader(f, info.Size()).current()
	if !ok {
		return "" // no header page to go by: bbolt and the check say so
	}
	// Each page is read as the walk reaches it, never the whole file at
	// once: a workbook of 100,000 runs is 96 MB, and holding it made every
	// command that opened it (and the app) that much bigger.
	var scratch [pageHeaderSize]byte
	return walkPages(int(info.Size()), m, func(off, n int) []byte {
		b := scratch[:]
		if n > len(scratch) {
			b = make([]byte, n) // kept by the walk below this page
		}
		k, _ := f.ReadAt(b[:n], int64(off))
		return b[:k]
	})
}
