package detect

import (
	"strings"
	"sync"
)

// The stemmer: how a word is normalised (spellings such as "dont") and
// reduced to the light stem that lexicon phrases and model features are
// written in.

// lexNormal applies the lexicon's spellings: "dont" → "don't".
func lexNormal(w string) string {
	if s, ok := lexSpellings()[w]; ok {
		return s
	}
	return w
}

// lexSpellings turns apostrophe-less and shortened forms into the form the
// lexicon uses, so "dont" and "don't" are one word. Pairs, built into a
// map on first use so start-up pays nothing.
var lexSpellingsPairs = [...]string{
	"dont", "don't", "doesnt", "doesn't", "didnt", "didn't", "isnt", "isn't", "arent", "aren't",
	"wasnt", "wasn't", "werent", "weren't", "wouldnt", "wouldn't", "shouldnt", "shouldn't",
	"couldnt", "couldn't", "cant", "can't", "wont", "won't", "havent", "haven't",
	"hasnt", "hasn't", "hadnt", "hadn't", "aint", "ain't", "im", "i'm", "ive", "i've",
	"youre", "you're", "theyre", "they're", "thats", "that's", "whats", "what's", "w", "with",
	"ppl", "people", "u", "you", "ur", "your", "luv", "love", "gonna", "going", "wanna", "want",
	"tho", "though", "thru", "through", "bc", "because", "cuz", "because", "coz", "because",
	"cos", "because",
}

var lexSpellings = sync.OnceValue(func() map[string]string { return pairMap(lexSpellingsPairs[:]) })

// lexStem reduces a normalised word to a light stem: inflections go
// ("running", "runs", "ran" → "run"; "races", "raced", "racing" → "rac";
// "faster", "fastest" → "fast"), derivations stay (those are what the
// "word*" prefix cues are for). The stem is always a prefix of the word
// or a fixed string, so stemming never allocates.
func lexStem(w string) string {
	if s, ok := lexIrregular()[w]; ok {
		return s
	}
	if len(w) <= 3 {
		return w
	}
	// Possessives: "runner's", "runners'".
	if strings.HasSuffix(w, "'s") {
		w = w[:len(w)-2]
	} else if strings.HasSuffix(w, "'") {
		w = w[:len(w)-1]
	}
	if s, ok := lexIrregular()[w]; ok {
		return s // "brother's" is "brother"
	}
	if len(w) <= 3 {
		return w
	}
	// Plurals and third person.
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3]
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "s") && len(w) > 3:
		w = w[:len(w)-1]
		if s, ok := lexIrregular()[w]; ok {
			return s // "brothers" is "brother"
		}
	}
	stripped := false
	// Past and progressive.
	switch {
	case strings.HasSuffix(w, "ied") && len(w)-3 >= 3:
		w, stripped = w[:len(w)-3], true
	case strings.HasSuffix(w, "ing") && len(w)-3 >= 2 && lexHasVowel(w[:len(w)-3]):
		w, stripped = w[:len(w)-3], true
	case strings.HasSuffix(w, "ed") && len(w)-2 >= 3 && lexHasVowel(w[:len(w)-2]):
		w, stripped = w[:len(w)-2], true
	}
	// Comparatives and adverbs.
	switch {
	case strings.HasSuffix(w, "iest") && len(w)-4 >= 3:
		w, stripped = w[:len(w)-4], true
	case strings.HasSuffix(w, "ier") && len(w)-3 >= 3:
		w, stripped = w[:len(w)-3], true
	case strings.HasSuffix(w, "est") && len(w)-3 >= 4:
		w, stripped = w[:len(w)-3], true
	case strings.HasSuffix(w, "er") && len(w)-2 >= 4:
		w, stripped = w[:len(w)-2], true
	case strings.HasSuffix(w, "ly") && len(w)-2 >= 4 && w[len(w)-3] != 'i':
		w, stripped = w[:len(w)-2], true
	}
	if stripped && len(w) >= 3 {
		// "runn" → "run", "fitt" → "fit"; but "stress", "fill", "buzz" keep theirs.
		a, b := w[len(w)-1], w[len(w)-2]
		if a == b && !lexIsVowel(a) && a != 'l' && a != 's' && a != 'z' {
			w = w[:len(w)-1]
		}
	}
	// A final y or silent e: "buddy"/"buddies" → "budd", "race"/"racing" → "rac".
	if len(w) >= 4 {
		switch last := w[len(w)-1]; {
		case last == 'y':
			w = w[:len(w)-1]
		case last == 'e' && w[len(w)-2] != 'e':
			w = w[:len(w)-1]
		}
	}
	return w
}

// lexIrregular maps irregular word forms to the stem of their base form.
// Pairs, built into a map on first use.
var lexIrregularPairs = [...]string{
	"ran", "run", "won", "win", "lost", "los", "felt", "feel", "went", "go", "gone", "go",
	"goes", "go", "going", "go", "did", "do", "does", "do", "doing", "do", "beaten", "beat",
	"thought", "think", "met", "meet", "made", "mak", "took", "tak", "taken", "tak", "got", "get",
	"gotten", "get", "began", "begin", "begun", "begin", "swam", "swim", "rode", "rid",
	"slept", "sleep", "kept", "keep", "found", "find", "saw", "see", "seen", "see",
	"knew", "know", "known", "know", "children", "child", "women", "woman", "men", "man",
	"feet", "foot", "evening", "evening", "evenings", "evening", "better", "better",
	"bodies", "bod", "lives", "lif", "brought", "bring", "taught", "teach", "caught", "catch",
	"fought", "fight", "held", "hold", "told", "tell", "sold", "sell", "left", "left",
	"chose", "choos", "chosen", "choos", "wrote", "writ", "written", "writ", "kudos", "kudos",
	"news", "news", "series", "series", "species", "species", "always", "always", "this", "this",
	"his", "his", "yes", "yes", "bus", "bus", "various", "various", "during", "during",
	"something", "something", "nothing", "nothing", "anything", "anything",
	"everything", "everything", "morning", "morning", "mornings", "morning", "being", "being",
	"bring", "bring", "thing", "thing", "things", "thing", "sing", "sing", "spring", "spring",
	"string", "string", "speed", "speed", "speeds", "speed", "speedy", "speed", "need", "need",
	"needs", "need", "needed", "need", "feed", "feed", "lovely", "lovely", "only", "only",
	"early", "early", "family", "family", "families", "family", "daily", "daily",
	"happily", "happy", "happy", "happy", "happier", "happy", "happiest", "happy",
	"partner", "partner", "partners", "partner", "mother", "mother", "father", "father",
	"brother", "brother", "sister", "sister", "daughter", "daughter", "other", "other",
	"others", "other", "number", "number", "numbers", "number", "summer", "summer",
	"winter", "winter", "never", "never", "ever", "ever", "rather", "rather",
	"together", "together", "water", "water", "after", "after", "over", "over", "under", "under",
	"later", "later", "career", "career", "interest", "interest", "interests", "interest",
	"interested", "interest", "interesting", "interest", "best", "best", "rest", "rest",
	"fell", "fell", "ultra", "ultra", "ultras", "ultra", "people", "people", "parkrun", "parkrun",
	"parkruns", "parkrun", "evenly", "even", "even", "even", "used", "use", "using", "use",
	"uses", "use", "use", "use", "mind", "mind", "minds", "mind", "head", "head", "heads", "head",
	"headed", "head", "heading", "head", "anxiety", "anxiety", "party", "party",
	"parties", "party", "weights", "weight", "weight", "weight", "hate", "hate", "hates", "hate",
	"hated", "hate", "hating", "hate", "quite", "quite", "hills", "hill", "pace", "pace",
	"paces", "pace", "paced", "pace", "pacing", "pace",
	// Words whose light stem would fall on another word's: "wine" is not
	// "win", "matters" not "mates", "notes" not "not", "states" not "stats".
	"wine", "wine", "wines", "wine", "completely", "completely", "note", "note", "notes", "note",
	"state", "state", "states", "state", "plane", "plane", "planes", "plane", "matter", "matter",
	"matters", "matter", "mattered", "matter", "tone", "tone", "tones", "tone", "grind", "grind",
	"grinding", "grind",
}

var lexIrregular = sync.OnceValue(func() map[string]string { return pairMap(lexIrregularPairs[:]) })

func lexIsVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
}

func lexHasVowel(s string) bool {
	for i := 0; i < len(s); i++ {
		if lexIsVowel(s[i]) {
			return true
		}
	}
	return false
}

// pairMap turns a list of key, value pairs into a map.
func pairMap(pairs []string) map[string]string {
	m := make(map[string]string, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}
