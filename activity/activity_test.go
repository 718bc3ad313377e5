package activity

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/muktihari/fit/encoder"
	"github.com/muktihari/fit/profile/filedef"
	"github.com/muktihari/fit/profile/mesgdef"
	"github.com/muktihari/fit/profile/typedef"
)

// start is when the test run began: 30 November 2026, 06:12:03 UTC.
var start = time.Date(2026, 11, 30, 6, 12, 3, 0, time.UTC)

// GPXRun writes a GPX file of a run north along a meridian: points every
// 10 seconds, step metres apart, in the given number of segments.
func GPXRun(points int, step float64, segments int, sport string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<gpx version="1.1" creator="StravaGPX" xmlns="http://www.topografix.com/GPX/1/1">` + "\n")
	b.WriteString(" <metadata><time>" + start.Format(time.RFC3339) + "</time></metadata>\n")
	b.WriteString(" <trk><name>Morning Run</name>")
	if sport != "" {
		b.WriteString("<type>" + sport + "</type>")
	}
	b.WriteString("\n  <trkseg>\n")
	degPerMetre := 1 / (earthRadius * math.Pi / 180)
	per := points / segments
	for i := range points {
		if i > 0 && i%per == 0 && i/per < segments {
			b.WriteString("  </trkseg>\n  <trkseg>\n")
		}
		fmt.Fprintf(&b, `   <trkpt lat="%.9f" lon="-3.1883"><ele>45.2</ele><time>%s</time></trkpt>`+"\n",
			51.5+float64(i)*step*degPerMetre, start.Add(time.Duration(i)*10*time.Second).Format(time.RFC3339))
	}
	b.WriteString("  </trkseg>\n </trk>\n</gpx>\n")
	return b.Bytes()
}

// FITRun writes a FIT activity file with the SDK's encoder: a session of
// metres in the timer time given, and a record every ten seconds.
func FITRun(t *testing.T, metres float64, timer time.Duration, sport typedef.Sport, session bool) []byte {
	t.Helper()
	a := filedef.NewActivity()
	a.FileId.SetType(typedef.FileActivity).SetTimeCreated(start).SetManufacturer(typedef.ManufacturerGarmin).SetProduct(3992)
	n := int(timer / (10 * time.Second))
	for i := 0; i <= n; i++ {
		a.Records = append(a.Records, mesgdef.NewRecord(nil).
			SetTimestamp(start.Add(time.Duration(i)*10*time.Second)).
			SetDistanceScaled(metres*float64(i)/float64(n)))
	}
	if session {
		a.Laps = append(a.Laps, mesgdef.NewLap(nil).SetTimestamp(start.Add(timer)).SetStartTime(start))
		a.Sessions = append(a.Sessions, mesgdef.NewSession(nil).
			SetTimestamp(start.Add(timer)).SetStartTime(start).SetSport(sport).
			SetTotalDistanceScaled(metres).SetTotalTimerTimeScaled(timer.Seconds()).
			SetTotalElapsedTimeScaled(timer.Seconds()+42))
		a.Activity = mesgdef.NewActivity(nil).SetTimestamp(start.Add(timer)).SetNumSessions(1).SetType(typedef.ActivityManual)
	}
	fit := a.ToFIT(nil)
	var b bytes.Buffer
	if err := encoder.New(&b).Encode(&fit); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TCXRun(laps int, lapMetres, lapSeconds float64) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
 <Activities><Activity Sport="Running"><Id>` + start.Format(time.RFC3339) + "</Id>\n")
	for i := range laps {
		fmt.Fprintf(&b, `  <Lap StartTime="%s"><TotalTimeSeconds>%.1f</TotalTimeSeconds><DistanceMeters>%.1f</DistanceMeters><Track><Trackpoint><DistanceMeters>1</DistanceMeters></Trackpoint></Track></Lap>`+"\n",
			start.Add(time.Duration(float64(i)*lapSeconds)*time.Second).Format(time.RFC3339), lapSeconds, lapMetres)
	}
	b.WriteString(" </Activity></Activities>\n</TrainingCenterDatabase>\n")
	return b.Bytes()
}

func gz(data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func TestReadGPX(t *testing.T) {
	// 181 points, 27.7 m apart: 5,013 m in 30 minutes.
	run, err := Read(bytes.NewReader(GPXRun(181, 27.7, 1, "running")), "Morning_Run.gpx")
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(run.Metres-180*27.7) > 1 || run.Duration != 30*time.Minute || !run.Start.Equal(start) || run.Sport != "running" || !run.IsRun() {
		t.Errorf("run = %+v", run)
	}
	if run.Fingerprint != "start:2026-11-30T06:12:03Z" {
		t.Errorf("fingerprint = %q", run.Fingerprint)
	}
	// Gzipped, the same run.
	again, err := Read(bytes.NewReader(gz(GPXRun(181, 27.7, 1, "running"))), "Morning_Run.gpx.gz")
	if err != nil || again != run {
		t.Errorf("gzipped: %+v, %v", again, err)
	}
}

// TestGPXSegmentsAreRunApart: the gap between two segments (a pause, a
// lift home) is not counted as distance.
func TestGPXSegmentsAreRunApart(t *testing.T) {
	one, _ := Read(bytes.NewReader(GPXRun(100, 10, 1, "")), "a.gpx")
	two, err := Read(bytes.NewReader(GPXRun(100, 10, 2, "")), "a.gpx")
	if err != nil || math.Abs(one.Metres-two.Metres-10) > 0.01 {
		t.Errorf("one segment %.2f m, two segments %.2f m (%v)", one.Metres, two.Metres, err)
	}
	if !two.IsRun() {
		t.Error("a GPX without a type is not taken as a run")
	}
}

func TestReadFIT(t *testing.T) {
	data := FITRun(t, 10012.5, 52*time.Minute+31*time.Second, typedef.SportRunning, true)
	run, err := Read(bytes.NewReader(data), "Evening_Run.fit")
	if err != nil {
		t.Fatal(err)
	}
	if run.Metres != 10012.5 || run.Duration != 52*time.Minute+31*time.Second || !run.Start.Equal(start) || run.Sport != "running" {
		t.Errorf("run = %+v", run)
	}
	again, err := Read(bytes.NewReader(gz(data)), "Evening_Run.fit.gz")
	if err != nil || again != run {
		t.Errorf("gzipped: %+v, %v", again, err)
	}
	gpx, _ := Read(bytes.NewReader(GPXRun(10, 1, 1, "")), "x.gpx")
	if gpx.Fingerprint != run.Fingerprint {
		t.Errorf("the same run as GPX and FIT: %q and %q", gpx.Fingerprint, run.Fingerprint)
	}
}

// TestReadFITWithoutASession reads a recording cut short: its records say
// how far and how long.
func TestReadFITWithoutASession(t *testing.T) {
	run, err := Read(bytes.NewReader(FITRun(t, 3000, 15*time.Minute, typedef.SportRunning, false)), "cut.fit")
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(run.Metres-3000) > 0.01 || run.Duration != 15*time.Minute || !run.Start.Equal(start) {
		t.Errorf("run = %+v", run)
	}
}

func TestReadFITRide(t *testing.T) {
	run, err := Read(bytes.NewReader(FITRun(t, 40000, time.Hour, typedef.SportCycling, true)), "ride.fit")
	if err != nil || run.Sport != "cycling" || run.IsRun() {
		t.Errorf("a ride: %+v, %v", run, err)
	}
}

func TestReadTCX(t *testing.T) {
	run, err := Read(bytes.NewReader(TCXRun(3, 1000, 300)), "run.tcx")
	if err != nil {
		t.Fatal(err)
	}
	if run.Metres != 3000 || run.Duration != 15*time.Minute || !run.Start.Equal(start) || run.Sport != "running" {
		t.Errorf("run = %+v", run)
	}
}

func TestReadRefusesWhatIsNotAnActivity(t *testing.T) {
	fit := FITRun(t, 5000, 25*time.Minute, typedef.SportRunning, true)
	flipped := bytes.Clone(fit)
	flipped[len(flipped)/2] ^= 0xff
	cases := []struct {
		name string
		data []byte
		says string
	}{
		{"notes.txt", []byte("ran 5k"), "not a GPX, TCX or FIT file"},
		{"empty.gpx", nil, "not XML"},
		{"binary.gpx", fit, "not XML"},
		{"broken.gpx", GPXRun(10, 10, 1, "")[:300], "ends too soon"},
		{"nested.gpx", []byte(`<gpx><trk></gpx>`), "do not nest"},
		{"html.gpx", []byte(`<html><body>Strava</body></html>`), "not a GPX file"},
		{"nopoints.gpx", []byte(`<gpx version="1.1"><trk><trkseg></trkseg></trk></gpx>`), "no track points"},
		{"badpoint.gpx", []byte(`<gpx><trk><trkseg><trkpt lat="north" lon="1"/></trkseg></trk></gpx>`), "good position"},
		{"still.gpx", []byte(`<gpx><trk><trkseg><trkpt lat="1" lon="1"/></trkseg></trk></gpx>`), "no distance and no time"},
		{"short.fit", fit[:40], "ends too soon"},
		{"flipped.fit", flipped, "not a FIT file"},
		{"text.fit", []byte("this is not a fit file at all, not even close"), "not a FIT file"},
		{"fake.fit.gz", []byte{0x1f, 0x8b, 1, 2, 3}, "gzip"},
		{"notcx.tcx", []byte(`<TrainingCenterDatabase></TrainingCenterDatabase>`), "not a TCX activity"},
		{"latin.gpx", []byte("<?xml version=\"1.0\" encoding=\"EBCDIC\"?><gpx/>"), "cannot read"},
	}
	for _, tc := range cases {
		_, err := Read(bytes.NewReader(tc.data), tc.name)
		if err == nil || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.says)
		}
	}
}

// TestLatin1GPX reads a file an older exporter wrote in Latin-1.
func TestLatin1GPX(t *testing.T) {
	data := bytes.Replace(GPXRun(20, 10, 1, "running"), []byte(`encoding="UTF-8"`), []byte(`encoding="ISO-8859-1"`), 1)
	data = bytes.Replace(data, []byte("Morning Run"), []byte("Course \xe0 pied"), 1)
	if run, err := Read(bytes.NewReader(data), "a.gpx"); err != nil || run.Metres < 180 {
		t.Errorf("Latin-1: %+v, %v", run, err)
	}
}

// TestFileWithoutTimesIsKnownByItsBytes: the same file twice has the same
// fingerprint; another file, another.
func TestFileWithoutTimesIsKnownByItsBytes(t *testing.T) {
	a := []byte(`<gpx><trk><trkseg><trkpt lat="51.5" lon="0"/><trkpt lat="51.51" lon="0"/></trkseg></trk></gpx>`)
	b := []byte(`<gpx><trk><trkseg><trkpt lat="51.5" lon="0"/><trkpt lat="51.52" lon="0"/></trkseg></trk></gpx>`)
	r1, err1 := Read(bytes.NewReader(a), "a.gpx")
	r2, _ := Read(bytes.NewReader(a), "copy.gpx")
	r3, _ := Read(bytes.NewReader(b), "b.gpx")
	if err1 != nil || !strings.HasPrefix(r1.Fingerprint, "sha256:") || r1.Fingerprint != r2.Fingerprint || r1.Fingerprint == r3.Fingerprint {
		t.Errorf("fingerprints %q %q %q (%v)", r1.Fingerprint, r2.Fingerprint, r3.Fingerprint, err1)
	}
	if !r1.Start.IsZero() || r1.Duration != 0 || math.Abs(r1.Metres-1112) > 5 {
		t.Errorf("run = %+v", r1)
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.gpx", "a.fit.gz", "activities/c.tcx.gz", "activities/d.GPX", "photo.jpg", "activities.csv", "activities/e.fit"} {
		path := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(path), 0o700)
		os.WriteFile(path, []byte("x"), 0o600)
	}
	got, err := Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, p := range got {
		r, _ := filepath.Rel(dir, p)
		rel = append(rel, r)
	}
	want := []string{"a.fit.gz", "activities/c.tcx.gz", "activities/d.GPX", "activities/e.fit", "b.gpx"}
	if !slices.Equal(rel, want) {
		t.Errorf("Files = %v, want %v", rel, want)
	}
	one, err := Files(filepath.Join(dir, "photo.jpg"))
	if err != nil || len(one) != 1 {
		t.Errorf("a file named on its own: %v, %v", one, err)
	}
	if _, err := Files(filepath.Join(dir, "nope")); err == nil {
		t.Error("a missing path")
	}
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]Format{"a.gpx": GPX, "A.FIT.GZ": FIT, "b.tcx.gz": TCX, "c.txt": Unknown, "d.gz": Unknown, "gpx": Unknown} {
		if got, _ := FormatOf(name); got != want {
			t.Errorf("FormatOf(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestTooLargeIsRefused: a file past MaxFileBytes is refused, however it
// is padded.
func TestTooLargeIsRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 64 MB file")
	}
	big := bytes.Repeat([]byte(" "), MaxFileBytes+1)
	data := append([]byte("<gpx>"), big...)
	if _, err := Read(bytes.NewReader(data), "big.gpx"); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a file over the limit: %v", err)
	}
}

// FuzzRead feeds the readers broken files: they may refuse them, never
// panic, and never read a negative distance or time.
func FuzzRead(f *testing.F) {
	f.Add(GPXRun(5, 10, 1, "running"), "a.gpx")
	f.Add(TCXRun(2, 1000, 300), "a.tcx")
	f.Add([]byte{0x0e, 0x10, 0x43, 0x08, 0x00, 0x00, 0x00, 0x00, '.', 'F', 'I', 'T', 0, 0}, "a.fit")
	f.Add(gz(GPXRun(3, 10, 1, "")), "a.gpx.gz")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		run, err := Read(bytes.NewReader(data), name)
		if err != nil {
			return
		}
		if run.Metres < 0 || run.Duration < 0 || run.Fingerprint == "" {
			t.Errorf("%s read as %+v", name, run)
		}
	})
}
