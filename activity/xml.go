package activity

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// GPX and TCX are read with the standard library's XML decoder, token by
// token: a long run is tens of thousands of points, and nothing but a
// handful of numbers is kept from them.

// newXMLDecoder returns a decoder that reads UTF-8 and, when a file says
// so, Latin-1 (some older exporters write it).
func newXMLDecoder(r io.Reader) (*xml.Decoder, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(64)
	if !sniff(head) {
		return nil, errors.New("not XML")
	}
	d := xml.NewDecoder(br)
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252":
			return &latin1{r: bufio.NewReader(in)}, nil
		}
		return nil, fmt.Errorf("text in %s, which cairn cannot read", label)
	}
	return d, nil
}

// latin1 turns Latin-1 bytes into UTF-8.
type latin1 struct {
	r   *bufio.Reader
	buf []byte
}

func (l *latin1) Read(p []byte) (int, error) {
	for len(l.buf) < len(p) {
		b, err := l.r.ReadByte()
		if err != nil {
			if len(l.buf) > 0 {
				break
			}
			return 0, err
		}
		l.buf = utf8.AppendRune(l.buf, rune(b))
	}
	n := copy(p, l.buf)
	l.buf = l.buf[n:]
	return n, nil
}

// xmlError says a file's XML is broken without quoting it.
func xmlError(err error) error {
	var syn *xml.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Errorf("its XML is broken at line %d", syn.Line)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("it ends too soon")
	}
	return err
}

// earthRadius is the mean radius of the Earth in metres, as GPS tools use.
const earthRadius = 6371008.8

// haversine is the distance in metres between two points on the Earth.
func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadius * math.Asin(math.Min(1, math.Sqrt(a)))
}

// track sums a GPS track as its points arrive.
type track struct {
	first, last time.Time
	metres      float64
	prev        [2]float64
	havePrev    bool
	points      int
}

// point adds a point; a new segment starts with newSegment, so a pause
// that moved the runner (a train home) is not counted as running.
func (t *track) point(lat, lon float64, at time.Time, newSegment bool) {
	t.points++
	if t.havePrev && !newSegment {
		t.metres += haversine(t.prev[0], t.prev[1], lat, lon)
	}
	t.prev, t.havePrev = [2]float64{lat, lon}, true
	if !at.IsZero() {
		if t.first.IsZero() || at.Before(t.first) {
			t.first = at
		}
		if at.After(t.last) {
			t.last = at
		}
	}
}

func parseTime(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
	if err != nil {
		// Some exporters leave out the zone; GPX times are UTC.
		t, err = time.Parse("2006-01-02T15:04:05", strings.TrimSpace(s))
	}
	return t, err == nil
}

func parseFloat(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return f, err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
}

// readGPX reads a GPX 1.0 or 1.1 file: the type of its first track, and
// every track point's position and time.
func readGPX(r io.Reader) (Run, error) {
	d, err := newXMLDecoder(r)
	if err != nil {
		return Run{}, err
	}
	var (
		run        Run
		t          track
		path       []string // open elements, by local name
		text       strings.Builder
		lat, lon   float64
		at         time.Time
		inPoint    bool
		newSegment bool
		sawGPX     bool
		metaTime   time.Time
	)
	for {
		tok, err := d.RawToken()
		if err == io.EOF && len(path) > 0 {
			return Run{}, errors.New("it ends too soon")
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return Run{}, xmlError(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			name := tok.Name.Local
			path = append(path, name)
			text.Reset()
			switch name {
			case "gpx":
				sawGPX = true
			case "trkseg":
				newSegment = true
			case "trkpt", "rtept":
				inPoint, at = true, time.Time{}
				var okLat, okLon bool
				for _, a := range tok.Attr {
					switch a.Name.Local {
					case "lat":
						lat, okLat = parseFloat(a.Value)
					case "lon":
						lon, okLon = parseFloat(a.Value)
					}
				}
				if !okLat || !okLon || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
					return Run{}, errors.New("a track point without a good position")
				}
			}
		case xml.CharData:
			if len(path) > 0 && (path[len(path)-1] == "time" || path[len(path)-1] == "type") {
				text.Write(tok)
			}
		case xml.EndElement:
			name := tok.Name.Local
			if len(path) == 0 || path[len(path)-1] != name {
				return Run{}, errors.New("its XML is broken: elements do not nest")
			}
			path = path[:len(path)-1]
			parent := ""
			if len(path) > 0 {
				parent = path[len(path)-1]
			}
			switch {
			case name == "time" && inPoint:
				at, _ = parseTime(text.String())
			case name == "time" && parent == "metadata":
				metaTime, _ = parseTime(text.String())
			case name == "type" && parent == "trk" && run.Sport == "":
				run.Sport = strings.ToLower(strings.TrimSpace(text.String()))
			case name == "trkpt" || name == "rtept":
				t.point(lat, lon, at, newSegment)
				newSegment, inPoint = false, false
			}
		}
	}
	if !sawGPX {
		return Run{}, errors.New("not a GPX file")
	}
	if t.points == 0 {
		return Run{}, errors.New("holds no track points")
	}
	run.Metres = t.metres
	run.Start = t.first
	if run.Start.IsZero() {
		run.Start = metaTime
	}
	if !t.first.IsZero() {
		run.Duration = t.last.Sub(t.first)
	}
	return run, nil
}

// readTCX reads a Garmin Training Center file: its first activity's sport
// and start, and the sum of its laps' times and distances.
func readTCX(r io.Reader) (Run, error) {
	d, err := newXMLDecoder(r)
	if err != nil {
		return Run{}, err
	}
	var (
		run          Run
		path         []string
		text         strings.Builder
		activities   int
		sawTCX       bool
		seconds      float64
		metres       float64
		laps         int
		firstLapTime time.Time
	)
	for {
		tok, err := d.RawToken()
		if err == io.EOF && len(path) > 0 {
			return Run{}, errors.New("it ends too soon")
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return Run{}, xmlError(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			path = append(path, tok.Name.Local)
			text.Reset()
			switch tok.Name.Local {
			case "TrainingCenterDatabase":
				sawTCX = true
			case "Activity":
				activities++
				if activities == 1 {
					for _, a := range tok.Attr {
						if a.Name.Local == "Sport" {
							run.Sport = strings.ToLower(a.Value)
						}
					}
				}
			case "Lap":
				if activities == 1 {
					laps++
					for _, a := range tok.Attr {
						if a.Name.Local == "StartTime" && firstLapTime.IsZero() {
							firstLapTime, _ = parseTime(a.Value)
						}
					}
				}
			}
		case xml.CharData:
			text.Write(tok)
		case xml.EndElement:
			if len(path) == 0 || path[len(path)-1] != tok.Name.Local {
				return Run{}, errors.New("its XML is broken: elements do not nest")
			}
			path = path[:len(path)-1]
			parent := ""
			if len(path) > 0 {
				parent = path[len(path)-1]
			}
			if activities != 1 || parent != "Lap" {
				if tok.Name.Local == "Id" && parent == "Activity" && activities == 1 {
					run.Start, _ = parseTime(text.String())
				}
				continue
			}
			switch tok.Name.Local {
			case "TotalTimeSeconds":
				if f, ok := parseFloat(text.String()); ok && f >= 0 {
					seconds += f
				}
			case "DistanceMeters":
				if f, ok := parseFloat(text.String()); ok && f >= 0 {
					metres += f
				}
			}
		}
	}
	if !sawTCX || activities == 0 {
		return Run{}, errors.New("not a TCX activity")
	}
	if laps == 0 {
		return Run{}, errors.New("holds no laps")
	}
	if run.Start.IsZero() {
		run.Start = firstLapTime
	}
	run.Metres = metres
	run.Duration = time.Duration(seconds * float64(time.Second))
	return run, nil
}
