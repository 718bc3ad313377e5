package detect

import (
	"strings"
	"sync"
)

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
	return engagingStems()[stem]
}

// engagingStems are the verbs of engaging, stemmed as tokens are (the
// stemmer makes "care" "car" and "bother" "both").
var engagingStems = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"do", "look", "check", "track", "wear", "use", "follow", "count",
		"bother", "care", "chase", "enter", "sign", "pay", "attention", "think", "worry", "own",
		"need"} {
		m[lexStem(lexNormal(w))] = true
	}
	return m
})

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

// complementizer reports the question words and "if" that open what a
// verb is about: "I don't care who ...", "doesn't matter if ...".
func complementizer(w string) bool {
	switch w {
	case "who", "who's", "whom", "what", "what's", "how", "where", "when", "whether", "if",
		"which", "whatever":
		return true
	}
	return false
}

// attitude reports, by stem, the verbs of caring and knowing whose object
// a question word may open: "care", "mind", "know", "matter", "tell".
func attitude(stem string) bool {
	return attitudeStems()[stem]
}

var attitudeStems = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"care", "mind", "know", "matter", "tell", "bother", "worry", "fuss"} {
		m[lexStem(lexNormal(w))] = true
	}
	return m
})

// timeWord reports the words that open a time adverbial: "ages ago",
// "after a while", "since the baby".
func timeWord(w string) bool {
	switch w {
	case "after", "since", "before", "ago", "during", "until", "till", "last", "years", "months",
		"weeks", "ages", "again", "completely", "entirely", "altogether", "off", "away", "out",
		"down", "long", "once", "twice", "yesterday", "today", "straight", "round", "around":
		return true
	}
	return false
}

// motiveFrame reports "run for", "do it for", "race for" at i: the verb
// that says what a motive is for. Negated, it turns the motive down: "I
// don't run for fitness".
func motiveFrame(toks []detToken, i int) bool {
	switch toks[i].norm {
	case "run", "running", "race", "racing", "jog", "jogging", "do", "doing", "train", "training":
	default:
		return false
	}
	k := i + 1
	if k < len(toks) && (toks[k].norm == "it" || toks[k].norm == "this") {
		k++
	}
	return k < len(toks) && toks[k].norm == "for" && !toks[k].brk
}

// desire reports, by stem, the verbs of wanting and liking: "I've never
// wanted", "never fancied", "never cared for".
func desire(stem string) bool {
	return desireStems()[stem]
}

var desireStems = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"want", "wanted", "like", "liked", "fancy", "fancied", "care", "cared",
		"enjoy", "enjoyed", "love", "loved", "wish", "wished", "dream", "dreamed", "dreamt", "bother",
		"bothered", "need", "needed"} {
		m[lexStem(lexNormal(w))] = true
	}
	return m
})

// echoAt finds "neither do I", "nor have I", "so do I", "me neither",
// "me too", "same here" where a clause starts, and returns its first
// token, or -1.
func echoAt(toks []detToken) int {
	for k := range toks {
		if k > 0 && !toks[k].brk && toks[k-1].norm != "and" && toks[k-1].norm != "but" {
			continue
		}
		w := toks[k].norm
		switch {
		case (w == "neither" || w == "nor" || w == "so") && k+2 < len(toks) && auxiliary(toks[k+1].norm) &&
			(toks[k+2].norm == "i" || toks[k+2].norm == "we"):
			return k
		case w == "me" && k+1 < len(toks) && (toks[k+1].norm == "neither" || toks[k+1].norm == "either" || toks[k+1].norm == "too"):
			return k
		case w == "same" && k+1 < len(toks) && toks[k+1].norm == "here":
			return k
		}
	}
	return -1
}

// auxiliary reports the verbs an echo repeats: "neither do I", "so am I".
func auxiliary(w string) bool {
	switch w {
	case "do", "does", "did", "am", "is", "was", "have", "has", "had", "will", "would", "can", "could":
		return true
	}
	return false
}

// identityAfter reports a noun of identity at token k, after a cue:
// "a numbers person", "a race type", "a group runner".
func identityAfter(toks []detToken, k int) bool {
	if k >= len(toks) || toks[k].brk {
		return false
	}
	switch toks[k].norm {
	case "person", "people", "type", "guy", "girl", "gal", "kind", "sort", "fan", "runner", "lady", "bloke",
		"thing":
		return true
	}
	return false
}

// conditionOpener returns how many tokens open a sentence with a
// condition that recurs: "if", "whenever", "every time", "each time",
// "any time"; 0 when it opens otherwise.
func conditionOpener(toks []detToken) int {
	if len(toks) == 0 {
		return 0
	}
	switch toks[0].norm {
	case "if", "whenever", "anytime":
		return 1
	case "every", "each", "any":
		if len(toks) > 1 && toks[1].norm == "time" {
			return 2
		}
	}
	return 0
}

// losing reports, by stem, the verbs of missing out: "if I miss a run"
// wants the run.
func losing(stem string) bool {
	return losingStems()[stem]
}

var losingStems = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"miss", "skip", "stop", "quit", "lose", "drop", "can't", "cannot"} {
		m[lexStem(lexNormal(w))] = true
	}
	return m
})

// feeling reports a bad word at k said as how the runner feels or ends
// up: "I feel sick", "I get anxious", "I end up miserable".
func feeling(toks []detToken, k int) bool {
	for b := k - 1; b >= 0 && b >= k-3 && !toks[b+1].brk; b-- {
		switch toks[b].norm {
		case "feel", "felt", "feeling", "get", "got", "getting", "am", "i'm", "become", "up", "so", "go":
			return true
		}
	}
	return false
}

// winkEmoji reports the emoji that say "I don't mean it": upside-down
// face, eye roll, unamused.
func winkEmoji(e string) bool {
	for _, w := range []string{"🙃", "🙄", "😒", "😑"} {
		if strings.HasPrefix(e, w) {
			return true
		}
	}
	return false
}

// demonstrative reports "this", "that", "these", "those": pronouns on
// their own, determiners before a noun.
func demonstrative(w string) bool {
	return w == "this" || w == "that" || w == "these" || w == "those"
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
		case "it", "that", "true", "truth", "case", "again", "enough", "chance":
			return true
		}
	}
	return false
}

// anaphorAfter reports "that", "it", "all that", "that whole game" right
// after j, as the object that ends its clause: "I'm done with that",
// "couldn't care less about any of it", "I avoid them when I'm running",
// "I binned it in January". After the pronoun the clause may go on, but
// with no theme cue of its own ("I hate it when races ..." has its own
// clause). clause gives each token's clause (detector.layout); cue reports
// a theme cue starting at a token.
func anaphorAfter(toks []detToken, clause []int16, j int, cue func(int) bool) bool {
	seen, adjunct := false, false
	for k := j; k < len(toks); k++ {
		t := &toks[k]
		if t.brk && k > j || k > j && clause[k] != clause[k-1] {
			break
		}
		switch {
		case seen && cue(k):
			return false
		case seen && k-1 >= j && demonstrative(toks[k-1].norm) && !t.glue && !preposition(t.norm) && !closing(t.norm):
			// "this time", "that race": a determiner, not a pronoun.
			return false
		case seen && (adjunct || t.glue || t.emoji || t.num || closing(t.norm) || anaphorWord(t.norm)):
		case seen && (preposition(t.norm) || timeWord(t.norm)):
			// "I binned it in January", "stopped opening them after a
			// while": when and where, not what.
			adjunct = true
		case seen:
			// "none of them timed": the pronoun is a subject, not an object.
			return false
		case t.norm == "that" || t.norm == "it" || t.norm == "them" || t.norm == "those" || t.norm == "this":
			seen = true
		case anaphorWord(t.norm) || t.glue || t.emoji:
		case t.norm == "about" || t.norm == "with" || t.norm == "of" || t.norm == "for" || t.norm == "on":
		case closing(t.norm):
		default:
			return false
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
// stand between token j and the end of its clause: "Racing? Not really.",
// "I've given it up since the baby came". clause gives each token's clause
// (detector.layout).
func clauseEndsAt(toks []detToken, clause []int16, j int) bool {
	for k := j; k < len(toks); k++ {
		t := &toks[k]
		if t.brk || k > 0 && clause[k] != clause[k-1] {
			return true
		}
		if (t.norm == "and" || t.norm == "or") && k+1 < len(toks) && toks[k+1].subject {
			// "I haven't and I don't care": a new subject, a new clause.
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
	if j < len(toks) && (desire(toks[j].stem) || j+1 < len(toks) && toks[j].norm == "really" && desire(toks[j+1].stem)) {
		// "I've never wanted to race", "never really fancied the club": a
		// want that never was, not an experience.
		return false
	}
	if j < len(toks) && toks[j].norm == "been" {
		return j+1 < len(toks) && toks[j+1].norm == "to" // "never been to a race"
	}
	return true
}

// refusalAfter reports a refusal of the future after token j in the
// sentence, which turns an experience into a choice: "I've never raced
// and I never will", "... and I don't intend to", "... and have no plans
// to".
func refusalAfter(toks []detToken, j int) bool {
	for k := j; k < len(toks); k++ {
		switch w := toks[k].norm; w {
		case "will", "going", "intend", "intention", "plan", "plans", "want", "wish":
			for b := k - 1; b >= j && b >= k-2; b-- {
				if nb := toks[b].norm; nb == "never" || nb == "no" || nb == "not" || strings.HasSuffix(nb, "n't") {
					return true
				}
			}
		case "won't", "wont":
			return true
		}
	}
	return false
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
