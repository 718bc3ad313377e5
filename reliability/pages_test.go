package reliability

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// A reader of bbolt's file format, just enough to know which bytes a
// workbook uses: the header (meta) pages, the pages reachable from the
// newest header's root, their element tables, keys and values, and the
// freelist. A random byte changed elsewhere (a page bbolt has freed, the
// slack after a page's last value) changes nothing anyone reads; changed
// here, it is damage the store must see or survive.

const (
	pageHeader = 16
	leafElem   = 16
	branchElem = 16

	flagBranch   = 0x01
	flagLeaf     = 0x02
	flagMeta     = 0x04
	flagFreelist = 0x10

	bucketLeaf = 0x01
)

// span is a run of bytes [from, to) in the file.
type span struct{ from, to int }

// layout is what the file uses.
type layout struct {
	pageSize int
	used     []span // every byte the newest state reads
	keys     []span // the keys, within used
	pages    []int  // the reachable pages, headers included
}

func le64(b []byte) uint64 { return binary.LittleEndian.Uint64(b) }
func le32(b []byte) uint32 { return binary.LittleEndian.Uint32(b) }
func le16(b []byte) uint16 { return binary.LittleEndian.Uint16(b) }

// readLayout reads the layout of the bbolt file raw.
func readLayout(raw []byte) (*layout, error) {
	if len(raw) < 2*pageHeader+128 {
		return nil, errors.New("too short")
	}
	ps := int(le32(raw[pageHeader+8:]))
	if ps < 512 || len(raw) < 2*ps {
		return nil, fmt.Errorf("page size %d", ps)
	}
	l := &layout{pageSize: ps}
	// The newest header: the one with the higher txid.
	newest, best := 0, uint64(0)
	for i := range 2 {
		m := raw[i*ps+pageHeader:]
		l.used = append(l.used, span{i * ps, i*ps + pageHeader + 64})
		l.pages = append(l.pages, i)
		if tx := le64(m[48:]); tx >= best {
			newest, best = i, tx
		}
	}
	m := raw[newest*ps+pageHeader:]
	root, freelist := int(le64(m[16:])), int(le64(m[32:]))
	if err := l.freelist(raw, freelist); err != nil {
		return nil, err
	}
	return l, l.walk(raw, root, 0)
}

func (l *layout) freelist(raw []byte, id int) error {
	off := id * l.pageSize
	if off+pageHeader > len(raw) {
		return fmt.Errorf("freelist page %d past the end", id)
	}
	count := int(le16(raw[off+10:]))
	start := off + pageHeader
	if count == 0xFFFF {
		count = int(le64(raw[start:]))
		start += 8
	}
	l.used = append(l.used, span{off, start + 8*count})
	l.pages = append(l.pages, id)
	return nil
}

// walk adds the page id (or an inline page at raw[off:], when id is 0 and
// inline is set) and every page below it.
func (l *layout) walk(raw []byte, id, depth int) error {
	if depth > 32 {
		return errors.New("too deep")
	}
	off := id * l.pageSize
	if off+pageHeader > len(raw) {
		return fmt.Errorf("page %d past the end", id)
	}
	l.pages = append(l.pages, id)
	end, err := l.elements(raw, off, depth)
	if err != nil {
		return err
	}
	l.used = append(l.used, span{off, end})
	return nil
}

// elements adds the elements of the page at off and returns where its
// last byte in use ends.
func (l *layout) elements(raw []byte, off, depth int) (int, error) {
	flags, count := le16(raw[off+8:]), int(le16(raw[off+10:]))
	end := off + pageHeader
	for i := range count {
		e := off + pageHeader + i*16
		if e+16 > len(raw) {
			return 0, errors.New("element past the end")
		}
		switch {
		case flags&flagBranch != 0:
			pos, ksize, child := int(le32(raw[e:])), int(le32(raw[e+4:])), int(le64(raw[e+8:]))
			k := e + pos
			l.keys = append(l.keys, span{k, k + ksize})
			end = max(end, k+ksize, e+branchElem)
			if err := l.walk(raw, child, depth+1); err != nil {
				return 0, err
			}
		case flags&flagLeaf != 0:
			fl, pos, ksize, vsize := le32(raw[e:]), int(le32(raw[e+4:])), int(le32(raw[e+8:])), int(le32(raw[e+12:]))
			k := e + pos
			l.keys = append(l.keys, span{k, k + ksize})
			end = max(end, k+ksize+vsize, e+leafElem)
			if fl&bucketLeaf != 0 && vsize >= 16 {
				v := k + ksize
				if v+16 > len(raw) {
					return 0, errors.New("bucket past the end")
				}
				if root := int(le64(raw[v:])); root != 0 {
					if err := l.walk(raw, root, depth+1); err != nil {
						return 0, err
					}
				} else if vsize > 16 {
					if _, err := l.elements(raw, v+16, depth+1); err != nil {
						return 0, err
					}
				}
			}
		default:
			return 0, fmt.Errorf("page at %d is neither branch nor leaf (flags %#x)", off, flags)
		}
	}
	return end, nil
}

// pick returns the byte offset n bytes into spans, counted as one run.
func pick(spans []span, n int) int {
	for _, s := range spans {
		if n < s.to-s.from {
			return s.from + n
		}
		n -= s.to - s.from
	}
	return -1
}

// size is the number of bytes in spans.
func size(spans []span) int {
	n := 0
	for _, s := range spans {
		n += s.to - s.from
	}
	return n
}
