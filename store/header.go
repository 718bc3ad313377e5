package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
)

// The header of a bbolt file
//
// A bbolt file starts with two meta pages. Each commit writes the whole
// tree first, then the meta page its transaction ID picks (ID mod 2), so
// one meta page always describes the last commit and the other the one
// before. Each carries an FNV-64a checksum; bbolt uses the newest page
// that checks out, and falls back to the older one without a word when
// the newest does not. It also maps the file without checking that it is
// as long as the meta page says, so a truncated file is read past its end
// (SIGBUS) or as garbage (panics). cairn reads the two pages itself,
// with plain reads that cannot fault, to catch both before bbolt maps
// anything.

// The meta page, as bbolt v1 lays it out (internal/common/meta.go and
// page.go): a 16-byte page header, then magic, version, page size, flags,
// the root bucket (root page, sequence), the freelist page, the high
// water mark (pages in use), the transaction ID and the checksum of
// everything before it.
const (
	boltMagic   = 0xED0CDAED
	boltVersion = 2

	metaAt         = 16 // the meta after the page header
	metaMagic      = metaAt + 0
	metaVersion    = metaAt + 4
	metaPageSize   = metaAt + 8
	metaRoot       = metaAt + 16
	metaFreelist   = metaAt + 32
	metaPgid       = metaAt + 40
	metaTxid       = metaAt + 48
	metaChecksum   = metaAt + 56
	metaEnd        = metaAt + 64
	firstPageBytes = 4096
)

// notBolt is the problem of a page that is not a bbolt header at all.
const notBolt = "it does not start as a bbolt header does"

// metaPage is what one meta page says.
type metaPage struct {
	// ok is true when magic, version and checksum are right.
	ok bool
	// problem says what is wrong when not ok, in plain words.
	problem  string
	pageSize int
	root     uint64
	freelist uint64
	// pages is the high water mark: how many pages the file uses.
	pages uint64
	txid  uint64
}

// header is the two meta pages of a bbolt file.
type header struct {
	// pageSize is the file's page size, 0 when neither meta page says.
	pageSize int
	metas    [2]metaPage
	size     int64
}

// current returns the meta page bbolt will use: the valid one with the
// higher transaction ID. ok is false when neither is valid.
func (h header) current() (m metaPage, slot int, ok bool) {
	a, b := h.metas[0], h.metas[1]
	switch {
	case a.ok && b.ok && b.txid > a.txid:
		return b, 1, true
	case a.ok:
		return a, 0, true
	case b.ok:
		return b, 1, true
	}
	return metaPage{}, -1, false
}

// want is how many bytes the current meta page says the file holds.
func (h header) want() int64 {
	m, _, ok := h.current()
	if !ok {
		return 0
	}
	return int64(m.pages) * int64(h.pageSize)
}

// parseMeta reads one meta page from the bytes of its page.
func parseMeta(p []byte) metaPage {
	if len(p) < metaEnd {
		return metaPage{problem: notBolt} // too short to be one
	}
	u32 := func(at int) uint32 { return binary.NativeEndian.Uint32(p[at:]) }
	u64 := func(at int) uint64 { return binary.NativeEndian.Uint64(p[at:]) }
	m := metaPage{
		pageSize: int(u32(metaPageSize)),
		root:     u64(metaRoot),
		freelist: u64(metaFreelist),
		pages:    u64(metaPgid),
		txid:     u64(metaTxid),
	}
	sum := fnv.New64a()
	sum.Write(p[metaAt:metaChecksum])
	switch {
	case u32(metaMagic) != boltMagic:
		m.problem = notBolt
	case u32(metaVersion) != boltVersion:
		m.problem = fmt.Sprintf("it names bbolt format version %d", u32(metaVersion))
	case u64(metaChecksum) != sum.Sum64():
		m.problem = "its checksum does not match"
	case m.pageSize < 512 || m.pageSize > 1<<20 || m.pageSize&(m.pageSize-1) != 0:
		m.problem = "it names an impossible page size"
	default:
		m.ok = true
	}
	return m
}

// pageSizes are the page sizes bbolt uses, for finding the second meta
// page when the first does not say where it is.
var pageSizes = []int{4096, 8192, 16384, 32768, 65536}

// readHeader reads the two meta pages of a file of size bytes.
func readHeader(r io.ReaderAt, size int64) header {
	h := header{size: size}
	first := make([]byte, firstPageBytes)
	n, _ := r.ReadAt(first, 0)
	h.metas[0] = parseMeta(first[:n])
	if h.metas[0].ok {
		h.pageSize = h.metas[0].pageSize
		h.metas[1] = readMetaAt(r, h.pageSize)
		return h
	}
	// The first page does not say how big a page is: look for the second
	// where each page size would put it, as bbolt does.
	h.metas[1] = metaPage{problem: "it could not be found"}
	for _, ps := range pageSizes {
		if m := readMetaAt(r, ps); m.ok && m.pageSize == ps {
			h.pageSize, h.metas[1] = ps, m
			break
		}
	}
	return h
}

// headerPageMark reports whether the file still begins as a bbolt file
// does, whatever its header pages say: the first page's own header names
// it page 0 and a meta page. Damage to both header pages' contents leaves
// that mark, so such a file is a damaged workbook (for the recovery mode),
// not another kind of file.
func headerPageMark(r io.ReaderAt) bool {
	p := make([]byte, 10)
	if n, _ := r.ReadAt(p, 0); n < len(p) {
		return false
	}
	return binary.LittleEndian.Uint64(p) == 0 && binary.LittleEndian.Uint16(p[8:]) == 0x04
}

func readMetaAt(r io.ReaderAt, pageSize int) metaPage {
	p := make([]byte, metaEnd)
	n, _ := r.ReadAt(p, int64(pageSize))
	return parseMeta(p[:n])
}

// checkLength refuses a file shorter than its header says it is, before
// bbolt maps it: reading past the end of a mapped file kills the process.
// A file without a readable header is left for bbolt to refuse.
func checkLength(r io.ReaderAt, size int64) error {
	h := readHeader(r, size)
	if want := h.want(); want > size {
		return &DamagedError{Where: "the file", Err: fmt.Errorf("%w: it is %d bytes long, and its header says it holds %d: it was cut short", ErrDamaged, size, want)}
	}
	return nil
}
