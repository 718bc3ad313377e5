package detect

import (
	"fmt"
	"strings"
	"testing"
)

// Speed. Targets are checked here and by scripts, never by timed
// assertions in tests.

// benchSources is one season's answers: eight answers of about 150 words.
func benchSources() []Source {
	answers := []string{
		"Honestly it's mostly feelings for me. I stopped wearing my watch on easy days last year and I enjoy my runs so much more now. I don't really care how fast I go, but I do like to look back at my weekly mileage on Strava every Sunday evening, and I'll admit the kudos from my club mates is nice. When I'm tracking a training block for a race I get a bit obsessed with the numbers, which isn't always healthy. I'd like to find a middle ground where I can still see progress without it taking over. Maybe one number a month is enough for me, like total distance, rather than pace on every single run.",
		"I'd love to run the trails in the Lake District, and one day maybe the Alps. My sister and I keep talking about a running holiday together, something like a hut to hut trip with light packs. Closer to home I want to try more parkruns around the county, I've only done three different ones. I also love running with my Thursday club group, we always end up at the pub and the chat is half the reason I go. My partner doesn't run but he cycles alongside me sometimes on the canal path, which is lovely on summer evenings.",
		"Not really, no. I did a 10k once and hated the pressure of it, everyone sprinting off at the start and me feeling like I was at the back of the pack. I know people who love racing and the buzz of race day, and that's great for them, but for me it takes the joy out. I'd rather run with my friends on a Sunday and have a coffee after. If I do an event again it would be a trail one where nobody cares about times and you stop to take photos of the views.",
		"Yes, definitely. Running has been huge for my mental health. When my anxiety is bad a run is the only thing that settles it. I call it my moving meditation. It's also given me a lot of confidence: I used to be really self-conscious about my body and now I feel strong and capable, like I can do hard things. I'm more patient with the kids when I've had my run, and my husband says he can tell when I've skipped a few days.",
		"Very full. Two kids, a full time job and my husband works shifts. I squeeze my runs in at 5am three times a week before anyone is up, and a longer run on Saturday mornings with the club. It's hard but it's my time, the one hour when nobody needs anything from me. I'd like to be more consistent over the winter because I always lose my routine around Christmas. Running is the thing that keeps the rest of my week in order and stops me from feeling frazzled.",
		"Finishing my first half marathon after having my daughter. I was so slow and I walked some of the hills, but I cried at the finish line because two years earlier I couldn't run for a minute. My mum and my kids were there cheering and my mum said she was proud of me, which she doesn't say much. I raised money for the hospice that looked after my dad, so it meant a lot more than the medal. I still wear the t-shirt around the house.",
		"I want to run a marathon before I turn 50. It's been on my bucket list forever, and I think I'm finally ready to chase it. I'd like to do it for the hospice again, in memory of my dad, who always said he'd wanted to run one. I don't need a fast time, I just want to get round feeling strong and enjoy the day. Ideally a smaller, scenic one rather than a huge city race with all the crowds.",
		"I'm building up my mileage slowly and the next step is a 10 mile long run without walking. After that I'd like to do a half in the spring as a stepping stone. I've started doing strength work twice a week to stay injury free, because last year a calf injury set me back months and I really missed it. I want to keep it fun though, so I'm mixing in some trail runs with friends and not worrying too much about pace.",
	}
	labels := []string{"numbers-or-feelings", "places-and-people", "competition", "beyond-running",
		"busy-life", "proud-moment", "big-dream", "next-step"}
	sources := make([]Source, len(answers))
	for i := range answers {
		sources[i] = Source{Label: labels[i], Text: answers[i]}
	}
	return sources
}

// BenchmarkDetect reads one season, and larger writing the way `cairn
// themes FILE` reads it: 100 KB and 1 MB of answer-sized paragraphs, each
// a source, 1 MB as one source, and 1 MB of one-line paragraphs (a
// sentence each, the most sources a megabyte makes). The per-byte figures
// show how the cost grows with the input: it should be flat, whatever the
// number of sources (README.md, Speed).
func BenchmarkDetect(b *testing.B) {
	season := benchSources()
	loadLexicon()
	loadThemeModel()
	for _, bc := range []struct {
		name    string
		sources []Source
	}{
		{"season", season},
		{"100KB-paragraphs", benchParagraphs(season, 100<<10)},
		{"1MB-paragraphs", benchParagraphs(season, 1<<20)},
		{"1MB-one-source", benchOneSource(season, 1<<20)},
		{"1MB-lines", benchLines(season, 1<<20)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			n := 0
			for _, s := range bc.sources {
				n += len(s.Text)
			}
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				Detect(bc.sources)
			}
			b.ReportMetric(float64(len(bc.sources)), "sources")
		})
	}
}

// benchParagraphs repeats the season's answers as paragraphs of a file,
// "paragraph 1", "paragraph 2"..., until they hold size bytes.
func benchParagraphs(season []Source, size int) []Source {
	var out []Source
	for n := 0; n < size; {
		text := season[len(out)%len(season)].Text
		out = append(out, Source{Label: fmt.Sprintf("paragraph %d", len(out)+1), Text: text})
		n += len(text)
	}
	return out
}

// benchOneSource repeats the season's answers in one source of size bytes.
func benchOneSource(season []Source, size int) []Source {
	var b strings.Builder
	for k := 0; b.Len() < size; k++ {
		if k > 0 {
			b.WriteString(" ")
		}
		b.WriteString(season[k%len(season)].Text)
	}
	return []Source{{Label: "notes", Text: b.String()}}
}

// benchLines cuts the season's answers into their sentences, each a
// paragraph of its own, until they hold size bytes.
func benchLines(season []Source, size int) []Source {
	var lines []string
	for _, s := range season {
		for _, sp := range splitSentences(s.Text, nil) {
			lines = append(lines, s.Text[sp.start:sp.end])
		}
	}
	var out []Source
	for n := 0; n < size; {
		text := lines[len(out)%len(lines)]
		out = append(out, Source{Label: fmt.Sprintf("paragraph %d", len(out)+1), Text: text})
		n += len(text)
	}
	return out
}

func BenchmarkCompileLexicon(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := compileLexicon(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDetectLexicon is Detect without the model, for comparison.
func BenchmarkDetectLexicon(b *testing.B) {
	sources := benchSources()
	detectLexicon(sources)
	b.ReportAllocs()
	for b.Loop() {
		detectLexicon(sources)
	}
}
