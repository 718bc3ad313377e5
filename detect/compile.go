package detect

import (
	"fmt"
	"strings"
	"sync"

	"github.com/cairn-run/cairn/catalog"
)

// The lexicon compiled for matching: each phrase parsed into elements
// (words, stems, prefixes and classes), entries indexed by their first
// element, and matching a compiled entry against a sentence's tokens.

// A compiledLexicon is the lexicon (lexicon.go) ready to match: every
// phrase once, indexed by its first element, with the word lists as sets.
type compiledLexicon struct {
	entries  []lexEntry
	byStem   map[string][]int32
	byExact  map[string][]int32
	byPrefix map[string][]int32 // keyed by the prefix's first three bytes
	byNum    []int32
	byOrd    []int32
	byPerson []int32
	persons  map[string]bool // stems of lexPersons
	bad      map[string]bool // stems of lexBad
	active   map[string]bool // stems of lexActive
	words    map[string]lexWord
	answers  []lexEntry
	yes, no  []int32 // indexes into answers
	theme    map[catalog.ThemeID]int8
}

var (
	lexOnce     sync.Once
	lexCompiled *compiledLexicon
)

// loadLexicon compiles the lexicon on first use, so importing detect
// costs nothing at start-up.
func loadLexicon() *compiledLexicon {
	lexOnce.Do(func() {
		c, err := compileLexicon()
		if err != nil {
			// The lexicon is package data; TestLexiconCompiles keeps it valid.
			panic(err)
		}
		lexCompiled = c
	})
	return lexCompiled
}

func compileLexicon() (*compiledLexicon, error) {
	c := &compiledLexicon{
		byStem:   map[string][]int32{},
		byExact:  map[string][]int32{},
		byPrefix: map[string][]int32{},
		words:    map[string]lexWord{},
		theme:    map[catalog.ThemeID]int8{},
		persons:  map[string]bool{},
		bad:      map[string]bool{},
		active:   map[string]bool{},
	}
	for _, p := range lexPersons {
		c.persons[lexStem(p)] = true
	}
	for _, p := range lexBad {
		c.bad[lexStem(p)] = true
	}
	for _, p := range lexActive {
		c.active[lexStem(p)] = true
	}
	for i, t := range themes {
		c.theme[t.ID] = int8(i)
	}
	mark := func(list []string, f func(*lexWord)) {
		for _, w := range list {
			lw := c.words[w]
			f(&lw)
			c.words[w] = lw
		}
	}
	mark(lexGlue, func(w *lexWord) { w.glue = true })
	mark(lexSubjects, func(w *lexWord) { w.subject = true })
	mark(lexSpelled, func(w *lexWord) { w.num = true })

	// Entries are keyed by their compiled elements, so "cheer" and
	// "cheering" (one stem) are one entry, and a phrase listed under two
	// themes points at both.
	index := map[string]int{}
	add := func(phrase string, e lexEntry) (int, bool, error) {
		elems, err := parsePhrase(phrase)
		if err != nil {
			return 0, false, err
		}
		key := elemsKey(elems)
		if i, ok := index[key]; ok {
			return i, false, nil
		}
		e.phrase = phrase
		e.elems = elems
		e.rank = len(elems) * 100
		for _, el := range elems {
			e.rank += el.specificity()
		}
		c.entries = append(c.entries, e)
		index[key] = len(c.entries) - 1
		return len(c.entries) - 1, true, nil
	}
	for _, g := range themeLexicon {
		ti, ok := c.theme[g.theme]
		if !ok {
			return nil, fmt.Errorf("lexicon: unknown theme %q", g.theme)
		}
		for _, p := range g.phrases {
			i, _, err := add(p, lexEntry{kind: opTheme})
			if err != nil {
				return nil, err
			}
			mergeTheme(&c.entries[i], lexTheme{theme: ti, weight: g.weight, sense: g.sense})
			if e := &c.entries[i]; len(e.elems) > 1 && e.elems[0].kind == elemStem && e.elems[0].s == "with" {
				e.with = true
			}
		}
	}
	for _, g := range opLexicon {
		for _, p := range g.phrases {
			i, fresh, err := add(p, lexEntry{kind: g.kind, window: g.window, flags: g.flags, factor: g.factor})
			if err != nil {
				return nil, err
			}
			if !fresh && c.entries[i].kind != g.kind {
				return nil, fmt.Errorf("lexicon: %q is both a %v and a %v cue (as %q)",
					p, c.entries[i].kind, g.kind, c.entries[i].phrase)
			}
		}
	}
	if err := c.shadow(); err != nil {
		return nil, err
	}
	for i := range c.entries {
		c.entries[i].index = i
	}
	for i := range c.entries {
		e := &c.entries[i]
		first := e.elems[0]
		switch first.kind {
		case elemStem:
			c.byStem[first.s] = append(c.byStem[first.s], int32(i))
		case elemExact:
			c.byExact[first.s] = append(c.byExact[first.s], int32(i))
		case elemPrefix:
			k := first.s[:3]
			c.byPrefix[k] = append(c.byPrefix[k], int32(i))
		case elemNum:
			c.byNum = append(c.byNum, int32(i))
		case elemOrd:
			c.byOrd = append(c.byOrd, int32(i))
		case elemPerson:
			c.byPerson = append(c.byPerson, int32(i))
		case elemBad:
			return nil, fmt.Errorf("lexicon: %q cannot start with <bad>", e.phrase)
		default:
			return nil, fmt.Errorf("lexicon: %q cannot start with a wildcard", e.phrase)
		}
	}
	for _, set := range []struct {
		phrases []string
		dst     *[]int32
	}{{lexNoAnswers, &c.no}, {lexYesAnswers, &c.yes}} {
		for _, p := range set.phrases {
			elems, err := parsePhrase(p)
			if err != nil {
				return nil, err
			}
			c.answers = append(c.answers, lexEntry{phrase: p, elems: elems})
			*set.dst = append(*set.dst, int32(len(c.answers)-1))
		}
	}
	return c, nil
}

// mergeTheme adds a theme to an entry; listed twice, the stronger weight
// wins.
func mergeTheme(e *lexEntry, lt lexTheme) {
	for k := range e.themes {
		if e.themes[k].theme == lt.theme {
			if lt.weight > e.themes[k].weight {
				e.themes[k] = lt
			}
			return
		}
	}
	e.themes = append(e.themes, lt)
}

// shadow handles one-word cues that hide each other: a word matched by an
// exact cue ("=racing") is not matched by the looser cues for the same
// word ("race", "rac*"), so the looser cues' themes are copied onto the
// exact one where it has nothing to say about them. The same goes for a
// stem cue and the prefix cues that cover it. A function word may not be
// hidden by a theme word.
func (c *compiledLexicon) shadow() error {
	stems := map[string]int{}
	var prefixes []int
	for i := range c.entries {
		e := &c.entries[i]
		if len(e.elems) != 1 {
			continue
		}
		switch e.elems[0].kind {
		case elemStem:
			stems[e.elems[0].s] = i
		case elemPrefix:
			prefixes = append(prefixes, i)
		}
	}
	covered := func(i int, word string, exact bool) []int {
		var out []int
		if exact {
			if j, ok := stems[lexStem(word)]; ok && j != i {
				out = append(out, j)
			}
		}
		for _, j := range prefixes {
			if j != i && strings.HasPrefix(word, c.entries[j].elems[0].s) {
				out = append(out, j)
			}
		}
		return out
	}
	for i := range c.entries {
		e := &c.entries[i]
		if len(e.elems) != 1 || (e.elems[0].kind != elemExact && e.elems[0].kind != elemStem) {
			continue
		}
		for _, j := range covered(i, e.elems[0].s, e.elems[0].kind == elemExact) {
			o := &c.entries[j]
			switch {
			case e.kind == opTheme && o.kind == opTheme:
				for _, lt := range o.themes {
					has := false
					for _, mine := range e.themes {
						has = has || mine.theme == lt.theme
					}
					if !has {
						e.themes = append(e.themes, lt)
					}
				}
			case e.kind == opTheme && o.kind != opTheme:
				return fmt.Errorf("lexicon: theme cue %q hides function cue %q", e.phrase, o.phrase)
			}
		}
	}
	return nil
}

func elemsKey(elems []lexElem) string {
	var b strings.Builder
	for _, el := range elems {
		b.WriteByte(byte('0' + el.kind))
		b.WriteString(el.s)
		b.WriteByte(' ')
	}
	return b.String()
}

// parsePhrase turns one lexicon phrase into elements, normalising each word
// the way text is normalised.
func parsePhrase(p string) ([]lexElem, error) {
	if p == "" || strings.TrimSpace(p) != p || strings.Contains(p, "  ") {
		return nil, fmt.Errorf("lexicon: badly spaced phrase %q", p)
	}
	words := strings.Split(p, " ")
	elems := make([]lexElem, 0, len(words))
	for k, w := range words {
		switch w {
		case "<num>":
			elems = append(elems, lexElem{kind: elemNum})
			continue
		case "<ord>":
			elems = append(elems, lexElem{kind: elemOrd})
			continue
		case "<person>":
			elems = append(elems, lexElem{kind: elemPerson})
			continue
		case "<bad>":
			elems = append(elems, lexElem{kind: elemBad})
			continue
		case "_":
			if k == 0 {
				return nil, fmt.Errorf("lexicon: %q starts with a wildcard", p)
			}
			elems = append(elems, lexElem{kind: elemAny})
			continue
		}
		kind := elemStem
		if strings.HasSuffix(w, "*") {
			kind, w = elemPrefix, strings.TrimPrefix(w[:len(w)-1], "=")
			if len(w) < 3 {
				return nil, fmt.Errorf("lexicon: prefix in %q is shorter than three letters", p)
			}
		} else if strings.HasPrefix(w, "=") {
			kind, w = elemExact, w[1:]
		}
		if w != strings.ToLower(w) {
			return nil, fmt.Errorf("lexicon: %q is not lower case", p)
		}
		// The word must read as exactly one token, the way text is read.
		toks := tokenize(w, w, nil)
		if len(toks) != 1 || toks[0].start != 0 || toks[0].end != len(w) {
			return nil, fmt.Errorf("lexicon: %q in %q is not one word", w, p)
		}
		norm := toks[0].norm
		if !toks[0].num && !toks[0].ord {
			norm = lexNormal(norm)
		}
		switch {
		case toks[0].num || toks[0].ord:
			elems = append(elems, lexElem{kind: elemExact, s: norm})
		case kind == elemStem:
			elems = append(elems, lexElem{kind: kind, s: lexStem(norm)})
		default:
			elems = append(elems, lexElem{kind: kind, s: norm})
		}
	}
	return elems, nil
}

// A lexEntry is one compiled phrase.
type lexEntry struct {
	index  int // in compiledLexicon.entries
	phrase string
	elems  []lexElem
	rank   int // longer first, then more specific
	kind   opKind
	themes []lexTheme
	window int8
	flags  uint16
	factor float64
	// with marks a company cue that opens with "with" ("with my sister"):
	// it needs something run or done together in its clause to count in
	// full, or "snappy with the kids" would be company.
	with bool
}

// A lexTheme is one theme a compiled cue points at.
type lexTheme struct {
	theme  int8 // index into themes
	weight cueWeight
	sense  cueSense
}

// lexWord is what the lexicon knows about one normalised word form.
type lexWord struct {
	glue, subject, num bool
}

// ---------------------------------------------------------------- elements

type elemKind int8

const (
	elemStem   elemKind = iota // same stem
	elemExact                  // same normalised word
	elemPrefix                 // normalised word starts with s
	elemNum                    // a number
	elemOrd                    // an ordinal in digits
	elemPerson                 // a word for a person
	elemAny                    // any word
	elemBad                    // a word for a bad feeling
)

type lexElem struct {
	kind elemKind
	s    string
}

// specificity ranks how tightly an element pins a word, for choosing
// between two matches of the same length.
func (e lexElem) specificity() int {
	switch e.kind {
	case elemExact:
		return 3
	case elemStem:
		return 2
	case elemPrefix, elemNum, elemOrd, elemPerson, elemBad:
		return 1
	}
	return 0
}

func (el lexElem) matches(t *detToken) bool {
	switch el.kind {
	case elemStem:
		return t.stem == el.s
	case elemExact:
		return t.norm == el.s
	case elemPrefix:
		return strings.HasPrefix(t.norm, el.s)
	case elemNum:
		return t.num
	case elemOrd:
		return t.ord
	case elemPerson:
		return t.person
	case elemBad:
		return t.bad
	case elemAny:
		return true
	}
	return false
}

// matchEntry reports where entry e ends if it matches at token i, or 0.
func matchEntry(e *lexEntry, toks []detToken, i int) int {
	j := i
	for k, el := range e.elems {
		if k > 0 {
			skips := 0
			for j < len(toks) && !toks[j].brk && toks[j].glue && skips < detGlueSkip &&
				(el.kind == elemAny || !el.matches(&toks[j])) {
				j++
				skips++
			}
			if j >= len(toks) || toks[j].brk {
				return 0
			}
		}
		if j >= len(toks) || !el.matches(&toks[j]) {
			return 0
		}
		j++
	}
	return j
}

// detBest keeps the best lexicon match at one place: the longest (glue it
// stepped over counts), then the one with more, and more specific,
// elements, then the earlier entry.
type detBest struct {
	entry int32
	end   int
	rank  int
}

func (b *detBest) try(lex *compiledLexicon, cands []int32, toks []detToken, i int) {
	for _, ei := range cands {
		e := &lex.entries[ei]
		if len(e.elems) > len(toks)-i {
			continue
		}
		if len(e.elems) > 1 {
			// Most phrases fail on their second word: check it before the
			// full walk, unless glue may stand in between.
			next := &toks[i+1]
			if next.brk || !next.glue && !e.elems[1].matches(next) {
				continue
			}
		}
		j := matchEntry(e, toks, i)
		if j == 0 || j < b.end || j == b.end && (e.rank < b.rank || e.rank == b.rank && ei > b.entry) {
			continue
		}
		b.entry, b.end, b.rank = ei, j, e.rank
	}
}
