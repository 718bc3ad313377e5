// Package activity reads the files a watch or a running app records — GPX,
// TCX and FIT, gzipped or not, as a Strava bulk export holds them in its
// activities/ folder — into the few facts the journal keeps of a run: when
// it started, how far and how long. It imports neither bbolt nor Bubble
// Tea; `cairn import-runs` turns each Run into a journal entry.
package activity

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Run is what an activity file says about one run.
type Run struct {
	// Start is when the activity began; zero if the file does not say.
	Start time.Time
	// Metres is the distance covered.
	Metres float64
	// Duration is the time moving when the file says (a watch's timer),
	// otherwise from the first point to the last.
	Duration time.Duration
	// Sport is what the file says the activity was, in lower case
	// ("running", "cycling"); "" when it does not say.
	Sport string
	// Fingerprint is the same for the same activity however it is exported
	// (GPX, FIT or TCX, gzipped or not): its start time to the second, or,
	// for a file without times, a hash of its bytes.
	Fingerprint string
}

// IsRun reports whether the activity was a run, as far as the file says.
// A file that does not say is taken to be a run: the runner chose to
// import it.
func (r Run) IsRun() bool {
	switch r.Sport {
	case "", "running", "run", "trail_running", "trail running", "treadmill", "virtualrun", "virtual_run", "generic", "9":
		// "9" is how Strava's GPX files say running.
		return true
	}
	return strings.Contains(r.Sport, "run")
}

// Format is the kind of an activity file.
type Format int

// The formats Read understands.
const (
	Unknown Format = iota
	GPX
	TCX
	FIT
)

func (f Format) String() string {
	return [...]string{"unknown", "gpx", "tcx", "fit"}[f]
}

// ErrNotActivity means a file is not one of the formats Read understands.
var ErrNotActivity = errors.New("not a GPX, TCX or FIT file")

// FormatOf says what kind of file name is, from its extension, looking
// past a .gz: "Morning_Run.fit.gz" is FIT.
func FormatOf(name string) (f Format, gzipped bool) {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".gz") {
		gzipped, lower = true, strings.TrimSuffix(lower, ".gz")
	}
	switch filepath.Ext(lower) {
	case ".gpx":
		return GPX, gzipped
	case ".tcx":
		return TCX, gzipped
	case ".fit":
		return FIT, gzipped
	}
	return Unknown, gzipped
}

// MaxFileBytes is the largest activity file Read takes, after
// decompression: a day-long run recorded every second is a few MB.
const MaxFileBytes = 64 << 20

// Read reads one activity from r, whose file is called name. The format
// follows the name's extension; the bytes decide whether it is gzipped.
func Read(r io.Reader, name string) (Run, error) {
	format, _ := FormatOf(name)
	if format == Unknown {
		return Run{}, ErrNotActivity
	}
	br := bufio.NewReaderSize(r, 64<<10)
	var in io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return Run{}, fmt.Errorf("not a readable gzip file: %w", err)
		}
		defer gz.Close()
		in = gz
	}
	hash := sha256.New()
	limited := &limitReader{r: io.TeeReader(in, hash), left: MaxFileBytes}
	run, err := parse(format, limited)
	if limited.over {
		return Run{}, fmt.Errorf("larger than %d MB; not an activity cairn can read", MaxFileBytes>>20)
	}
	if err != nil {
		return Run{}, err
	}
	if run.Metres <= 0 && run.Duration <= 0 {
		return Run{}, errors.New("holds no distance and no time")
	}
	if run.Start.IsZero() {
		_, _ = io.Copy(io.Discard, limited) // the whole file's hash
		run.Fingerprint = "sha256:" + hex.EncodeToString(hash.Sum(nil))
	} else {
		run.Start = run.Start.UTC()
		run.Fingerprint = "start:" + run.Start.Format(time.RFC3339)
	}
	return run, nil
}

// parse reads one format. A file damaged in a way a decoder does not
// expect must not take the rest of an import down with it: a panic in a
// decoder is this file's error.
func parse(format Format, r io.Reader) (run Run, err error) {
	defer func() {
		if p := recover(); p != nil {
			run, err = Run{}, fmt.Errorf("could not be read (the %s decoder gave up)", format)
		}
	}()
	switch format {
	case GPX:
		return readGPX(r)
	case TCX:
		return readTCX(r)
	}
	return readFIT(r)
}

// ReadFile reads the activity in the file at path.
func ReadFile(path string) (Run, error) {
	f, err := os.Open(path)
	if err != nil {
		return Run{}, err
	}
	defer f.Close()
	return Read(f, filepath.Base(path))
}

// limitReader fails once more than left bytes are read, and says so.
type limitReader struct {
	r    io.Reader
	left int64
	over bool
}

var errTooLarge = errors.New("file too large")

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		l.over = true
		return 0, errTooLarge
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// Files lists the activity files at path: path itself if it is a file, or
// every GPX, TCX and FIT file (gzipped or not) in the folder and the
// folders inside it, in name order. Other files in a folder (a Strava
// export's photos and CSV) are left out.
func Files(path string) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{path}, nil
	}
	var out []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if f, _ := FormatOf(d.Name()); f != Unknown && d.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

// sniff reports whether data starts like XML, past any byte order mark and
// white space, so a binary file named .gpx is refused plainly.
func sniff(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return bytes.HasPrefix(data, []byte("<"))
}
