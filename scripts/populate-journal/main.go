// Command populate-journal fills a workbook's journal with N runs, one about
// every twenty hours going back from now, for the measurements in
// scripts/measure-journal.sh. With -jrnl it also writes the same runs as a
// jrnl plain-text journal, so the two tools are timed on the same journal.
// With -activities it writes N GPX files of thirty-minute runs instead, a
// point every ten seconds, for timing `cairn import-runs`. It is not part
// of cairn.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

var notes = []string{
	"Easy loop by the river, legs light after the rest day. Talked the whole way with Sam.",
	"Hill repeats on the ridge. Hard, but the view at the top was worth every one of them.",
	"Long and slow through the woods. No watch, just the rhythm of breathing.",
	"Club run on Thursday evening, a new route past the old mill. Good company.",
}

var tags = [][]string{{"easy", "with others"}, {"workout"}, {"long", "solo"}, {"with others", "new route"}}

func main() {
	n := flag.Int("n", 10000, "how many runs")
	jrnl := flag.String("jrnl", "", "also write the runs as a jrnl journal to this file")
	activities := flag.String("activities", "", "write N GPX files to this folder instead of a workbook")
	flag.Parse()
	if *activities != "" {
		must(writeActivities(*activities, *n))
		return
	}
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: populate-journal [-n N] [-jrnl FILE] WORKBOOK\n       populate-journal [-n N] -activities DIR")
		os.Exit(2)
	}
	st, err := store.Open(flag.Arg(0))
	must(err)
	defer st.Close()
	var out *bufio.Writer
	if *jrnl != "" {
		f, err := os.Create(*jrnl)
		must(err)
		defer f.Close()
		out = bufio.NewWriter(f)
		defer out.Flush()
	}
	now := time.Now().Truncate(time.Minute)
	var runs []workbook.Entry
	for i := range *n {
		// Oldest first, so a jrnl file is in its own order.
		at := now.Add(-time.Duration(*n-i) * 20 * time.Hour)
		e := workbook.Entry{
			ID: workbook.NewID(at), Day: workbook.DayOf(at), Start: at.UTC(), Metres: 5000 + (i*37)%9000,
			Duration: time.Duration(25+i%40) * time.Minute, Enjoyment: workbook.Score(1 + i%5),
			Before: workbook.Score(1 + i%4), After: workbook.Score(2 + i%4), Tags: tags[i%len(tags)],
			Note: notes[i%len(notes)], Source: workbook.Source{Kind: workbook.Imported, File: "run.fit", Fingerprint: fmt.Sprintf("populate:%d", i)},
			Created: at.UTC(), Updated: at.UTC(),
		}
		runs = append(runs, e)
		if len(runs) == 1000 {
			_, err := st.ImportEntries(runs)
			must(err)
			runs = runs[:0]
		}
		if out != nil {
			// jrnl's plain text: a time and a title, the body, a blank line.
			fmt.Fprintf(out, "[%s] %s.", at.Format("2006-01-02 15:04"), journal.Describe(e, workbook.Kilometres))
			for _, t := range e.Tags {
				fmt.Fprintf(out, " @%s", t[:min(len(t), 4)])
			}
			fmt.Fprintf(out, "\n%s\n\n", e.Note)
		}
	}
	if len(runs) > 0 {
		_, err := st.ImportEntries(runs)
		must(err)
	}
}

// writeActivities writes n GPX runs, gzipping every other one as Strava's
// exports do.
func writeActivities(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	start := time.Now().Add(-time.Duration(n) * 20 * time.Hour).UTC().Truncate(time.Second)
	for i := range n {
		at := start.Add(time.Duration(i) * 20 * time.Hour)
		var b bytes.Buffer
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<gpx version="1.1" creator="populate-journal" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Morning Run</name><type>running</type><trkseg>` + "\n")
		for p := range 181 {
			fmt.Fprintf(&b, `<trkpt lat="%.7f" lon="%.7f"><ele>%d</ele><time>%s</time></trkpt>`+"\n",
				51.5+float64(p)*0.00025, -0.12+float64(i%100)*0.001, 40+p%7, at.Add(time.Duration(p)*10*time.Second).Format(time.RFC3339))
		}
		b.WriteString("</trkseg></trk></gpx>\n")
		name := filepath.Join(dir, fmt.Sprintf("%d.gpx", 1000000+i))
		data := b.Bytes()
		if i%2 == 1 {
			var z bytes.Buffer
			w := gzip.NewWriter(&z)
			w.Write(data)
			w.Close()
			name, data = name+".gz", z.Bytes()
		}
		if err := os.WriteFile(name, data, 0o600); err != nil {
			return err
		}
	}
	return nil
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
