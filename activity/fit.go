package activity

import (
	"errors"
	"io"
	"math"
	"strings"
	"time"

	"github.com/muktihari/fit/decoder"
	"github.com/muktihari/fit/profile/basetype"
	"github.com/muktihari/fit/profile/mesgdef"
	"github.com/muktihari/fit/profile/typedef"
	"github.com/muktihari/fit/profile/untyped/mesgnum"
	"github.com/muktihari/fit/proto"
)

// FIT files are read with github.com/muktihari/fit, a maintained FIT SDK
// for Go. Only three kinds of message matter: the session (the summary a
// watch writes at the end: start, sport, timer time, distance), the
// file's id (when it was made, if there is no session) and the records
// (distance and time as the run went, for a file cut short before its
// session was written).

// fitSummary collects what a FIT file says, message by message, without
// keeping the messages.
type fitSummary struct {
	sessions     int
	start        time.Time
	metres       float64
	timer        time.Duration
	sport        string
	created      time.Time
	firstRecord  time.Time
	lastRecord   time.Time
	lastDistance float64
}

func (s *fitSummary) OnMesg(m proto.Message) {
	switch m.Num {
	case mesgnum.Session:
		sess := mesgdef.NewSession(&m)
		s.sessions++
		if s.sessions == 1 || (!sess.StartTime.IsZero() && sess.StartTime.Before(s.start)) {
			s.start = sess.StartTime
		}
		if sess.Sport != typedef.SportInvalid && s.sport == "" {
			s.sport = strings.ToLower(sess.Sport.String())
		}
		if d := sess.TotalDistanceScaled(); !math.IsNaN(d) && d > 0 {
			s.metres += d
		}
		t := sess.TotalTimerTimeScaled()
		if math.IsNaN(t) || t <= 0 {
			t = sess.TotalElapsedTimeScaled()
		}
		if !math.IsNaN(t) && t > 0 {
			s.timer += time.Duration(t * float64(time.Second))
		}
	case mesgnum.FileId:
		if f := mesgdef.NewFileId(&m); !f.TimeCreated.IsZero() {
			s.created = f.TimeCreated
		}
	case mesgnum.Record:
		r := mesgdef.NewRecord(&m)
		if r.Timestamp.IsZero() {
			return
		}
		if s.firstRecord.IsZero() {
			s.firstRecord = r.Timestamp
		}
		s.lastRecord = r.Timestamp
		if r.Distance != basetype.Uint32Invalid {
			s.lastDistance = r.DistanceScaled()
		}
	}
}

// readFIT reads a FIT activity file. A file whose checksum fails is
// refused rather than half-read.
func readFIT(r io.Reader) (Run, error) {
	var s fitSummary
	dec := decoder.New(r, decoder.WithMesgListener(&s), decoder.WithBroadcastOnly())
	if _, err := dec.Decode(); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return Run{}, errors.New("it ends too soon")
		}
		return Run{}, errors.New("not a FIT file cairn can read (" + err.Error() + ")")
	}
	run := Run{Start: s.start, Metres: s.metres, Duration: s.timer, Sport: s.sport}
	if s.sessions == 0 {
		// A recording cut short: no summary, only the points.
		run.Start, run.Metres = s.firstRecord, s.lastDistance
		if !s.firstRecord.IsZero() {
			run.Duration = s.lastRecord.Sub(s.firstRecord)
		}
	}
	if run.Start.IsZero() {
		run.Start = s.created
	}
	return run, nil
}
