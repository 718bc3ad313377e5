package detect

import "strings"

// The word classes and token patterns the detector's rules consult: small
// closed lists of words ("preposition", "filler", "closing") and what a run
// of tokens says ("experience": "I've never run a marathon" reports
// experience, not aversion). None of them reads the lexicon or the
// detector's state.

// preposition reports the small words a negated verb reaches its cue
// through: "I don't look at my times".
func preposition(w string) bool {
	switch w {
	case "at", "about", "on", "into", "in", "for", "of", "with", "to", "up", "over":
		return true
	}
	return false
}

// lightAdjective reports the adjectives that leave a negation direct: "no
// big goal", "no real interest".
func lightAdjective(w string) bool {
	switch w {
	case "big", "real", "particular", "specific", "special", "huge", "great", "massive",
		"burning", "actual", "single":
		return true
	}
	return false
}

// engaging reports a verb of doing or attending: negated right before its
// cue it rejects the cue as clearly as "no" does: "I don't look at my
// times", "I don't do Strava", "I don't wear a watch".
func engaging(stem string) bool {
	switch stem {
	case "do", "look", "check", "track", "wear", "use", "follow", "count", "bother",
		"care", "chase", "enter", "sign", "pay", "attention", "think", "worry", "own", "need":
		return true
	}
	return false
}

// restarts reports a word that opens a new phrase rather than continuing a
// list: "Not for the medal, for my mum".
func restarts(w string) bool {
	switch w {
	case "for", "with", "to", "in", "on", "at", "about", "by", "from", "because", "just":
		return true
	}
	return false
}

func pronoun(w string) bool {
	switch w {
	case "it", "it's", "that", "that's", "this", "those", "these", "they", "they're", "which",
		"mine's", "mine":
		return true
	}
	return false
}

// anaphorWord reports a word that points back at something already said.
func anaphorWord(w string) bool {
	switch w {
	case "that", "it", "them", "those", "this", "these", "whole", "thing", "things", "stuff",
		"game", "side", "lark", "business", "malarkey", "nonsense", "all", "one", "ones":
		return true
	}
	return false
}

// filler reports light words that may stand around a verdict: "honestly
// I'm not bothered", "yeah, nah", "I know, I know".
func filler(w string) bool {
	switch w {
	case "it", "it's", "that's", "that", "this", "they", "they're", "honestly", "frankly",
		"personally", "tbh", "and", "but", "so", "am", "is", "was", "are", "were", "well", "oh",
		"yeah", "ok", "okay", "though", "hmm", "lol", "haha", "know", "mean", "guess", "suppose",
		"admit", "sure", "right", "mine's", "i'll", "be", "been", "to", "say", "said", "must",
		"i'd", "would", "will", "has", "have", "had", "do", "does", "did", "now", "anyway",
		"mostly", "pretty", "simply", "kind", "sort", "bit", "eh", "um", "erm", "ugh", "nah",
		"somewhere", "along", "way", "gradually", "slowly", "eventually", "soon", "then", "on",
		"etc", "stuff", "whatever":
		return true
	}
	return false
}

// doAux reports the do-auxiliaries: "I don't", "it doesn't".
func doAux(w string) bool {
	switch w {
	case "don't", "doesn't", "didn't", "won't":
		return true
	}
	return false
}

// closing reports the words that may close a clause after a verdict:
// "Racing? Not really, thanks.", "not for me anymore".
func closing(w string) bool {
	switch w {
	case "anymore", "either", "at", "personally", "though", "honestly", "lol", "haha",
		"thanks", "thank", "you", "me", "for", "now", "these", "days", "again", "it", "them",
		"tbh", "really", "mate", "tho", "x", "xx", "im", "afraid", "sorry", "ta", "cheers",
		"myself", "to", "be", "truthful", "slightest", "whatsoever", "mostly", "way":
		return true
	}
	return false
}

func isCopula(w string) bool {
	switch w {
	case "is", "are", "was", "were", "am", "be", "been", "being":
		return true
	}
	return false
}

// turnedRound reports a later "which is exactly why" or "that's the
// appeal": the dismissal before it is the draw.
func turnedRound(toks []detToken, j int) bool {
	for k := j; k < len(toks); k++ {
		switch toks[k].norm {
		case "why", "appeal", "point":
			for b := k - 1; b >= j && b >= k-3; b-- {
				switch toks[b].norm {
				case "exactly", "which", "that's", "precisely", "half":
					return true
				}
			}
		}
	}
	return false
}

// denial reports a verdict that by its words answers what was said
// before: "far from it", "not true", "couldn't be further from the truth".
func denial(toks []detToken, m *detMatch) bool {
	for k := m.i; k < m.j; k++ {
		switch toks[k].norm {
		case "it", "that", "true", "truth", "case":
			return true
		}
	}
	return false
}

// anaphorAfter reports "that", "it", "all that", "that whole game" right
// after j, ending its clause: "I'm done with that", "couldn't care less
// about any of it".
func anaphorAfter(toks []detToken, j int) bool {
	seen := false
	for k := j; k < len(toks); k++ {
		t := &toks[k]
		if t.brk && k > j {
			break
		}
		switch {
		case t.norm == "that" || t.norm == "it" || t.norm == "them" || t.norm == "those" || t.norm == "this":
			seen = true
		case anaphorWord(t.norm) || t.glue || t.emoji:
		case t.norm == "about" || t.norm == "with" || t.norm == "of" || t.norm == "for" || t.norm == "on":
			if seen {
				return false
			}
		default:
			if !closing(t.norm) {
				return false
			}
		}
	}
	return seen
}

// subjectEnd finds the last token of the cue a copula negation at i has as
// its subject: back over auxiliaries and light adverbs only. It returns -1
// when a cue does not stand there.
func subjectEnd(toks []detToken, i int) int {
	k := i - 1
	for k >= 0 && !toks[k+1].brk {
		switch t := &toks[k]; {
		case t.glue:
		case t.norm == "has" || t.norm == "have" || t.norm == "had" || isCopula(t.norm):
		case t.norm == "honestly" || t.norm == "definitely" || t.norm == "certainly":
		default:
			return k
		}
		k--
	}
	return -1
}

// clauseEndsAt reports whether nothing but glue and a few closing words
// stand between token j and the end of its clause: "Racing? Not really."
func clauseEndsAt(toks []detToken, j int) bool {
	for k := j; k < len(toks); k++ {
		t := &toks[k]
		if t.brk {
			return true
		}
		if t.glue || t.emoji {
			continue
		}
		if closing(t.norm) {
			continue
		}
		return false
	}
	return true
}

// newSubjectAt reports a sentence going on with a new subject at token j,
// joined by "and" or "so" without a comma: "it all makes me anxious and I
// stop enjoying running". What comes before the joint is a clause of its
// own, and a verdict that ends it judges what came before.
func newSubjectAt(toks []detToken, j int) bool {
	if j+1 >= len(toks) || toks[j].brk {
		return false
	}
	switch toks[j].norm {
	case "and", "so":
		return toks[j+1].subject
	}
	return false
}

// copulaBefore reports a negated "to be": "isn't", or "not" right after
// "is", "'s", "are"... "Weight loss is not why I run."
func copulaBefore(e *lexEntry, toks []detToken, i int) bool {
	if len(e.elems) != 1 || e.elems[0].s != "not" && e.elems[0].s != "never" {
		return true // "isn't", "wasn't": a copula in itself
	}
	if i+1 < len(toks) && isCopula(toks[i+1].norm) && e.elems[0].s == "never" {
		return true // "has never been", "was never"
	}
	if i == 0 {
		return false
	}
	p := toks[i-1].norm
	return isCopula(p) || strings.HasSuffix(p, "'s") || strings.HasSuffix(p, "'re") ||
		strings.HasSuffix(p, "'m")
}

// experience reports a negation of experience rather than of wanting:
// "I've never run a marathon", "I haven't raced yet", "I'd never raced
// before this year". "I've never been competitive" still negates.
func experience(toks []detToken, i, j int) bool {
	for k := j; k < len(toks) && !toks[k].brk; k++ {
		switch toks[k].norm {
		case "yet", "before", "till", "until":
			return true
		}
	}
	perfect := toks[i].norm != "never" // "haven't", "hadn't"
	if !perfect && i > 0 {
		switch p := toks[i-1].norm; p {
		case "have", "has", "had", "i've", "we've", "they've", "you've":
			perfect = true
		}
	}
	if !perfect {
		return false
	}
	if j < len(toks) && toks[j].norm == "been" {
		return j+1 < len(toks) && toks[j+1].norm == "to" // "never been to a race"
	}
	return true
}

// counterfactual reports "would" or "lost" around "without" (tokens [i,
// j)), which makes it praise what it names: "without my club I'd be lost",
// "I'd be lost without the group", "I couldn't do it without my sister"
// (but not "I could cry without anyone seeing").
func counterfactual(toks []detToken, i, j int) bool {
	for k := j; k < len(toks); k++ {
		switch toks[k].norm {
		case "would", "i'd", "we'd", "wouldn't", "couldn't", "lost", "could", "can't":
			return true
		}
	}
	// Before it, in its clause: "lost", or a "would"/"couldn't" with the
	// runner as its subject.
	for k := i - 1; k >= 0 && !toks[k+1].brk; k-- {
		switch toks[k].norm {
		case "lost", "i'd", "wouldn't", "couldn't", "can't", "cannot":
			return true
		}
	}
	return false
}

// betterBefore reports "better than" or "more fun than": what follows is a
// yardstick, not a motive ("her face was better than any PB of mine").
func betterBefore(toks []detToken, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].norm {
		case "better", "nicer", "bigger", "more":
			return k == i-1 || toks[k+1].glue || toks[k].norm == "more"
		}
	}
	return false
}

// preferBefore reports a preference that makes "than" point away: "I'd
// rather explore than race", "I care more about how I feel than my time".
func preferBefore(toks []detToken, i int) bool {
	for k := 0; k < i; k++ {
		t := toks[k].norm
		switch {
		case t == "rather" || strings.HasPrefix(t, "prefer"):
			return true
		case t == "more" && k+1 < i:
			switch toks[k+1].norm {
			case "about", "for", "into", "interested", "important", "motivated", "driven":
				return true
			}
			for _, p := range toks[:k] {
				if p.stem == "car" || p.stem == "matter" { // "care more", "matters to me more"
					return true
				}
			}
		}
	}
	return false
}
