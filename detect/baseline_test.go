package detect

import (
	"strings"
	"unicode"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// The keyword baseline: the simplest reader worth beating, kept in every
// evaluation so that the detector's figures always come with a yardstick.
// It was written from the twelve theme definitions in catalog/themes.go
// alone: each theme's name and a few words of its one-line description,
// nothing learned from any labelled set. It proposes a theme when one of
// its words appears, and reads it as "rather not" when a negation stands
// within the four words before. A theme's words said both ways in one
// answer go to the side said more often ("+" on a tie).
var baselineWords = map[catalog.ThemeID][]string{
	// "Running to feel well, stay fit and keep going for years."
	catalog.Health: {"health", "feel well", "fit"},
	// "Running to manage weight or change how your body looks."
	catalog.Weight: {"weight", "body", "looks"},
	// Company: "Running with and for other people: friends, a club, family."
	catalog.Affiliation: {"company", "people", "friends", "club", "family"},
	// "Being seen: praise, respect, sharing what you did."
	catalog.Recognition: {"recognition", "seen", "praise", "respect", "sharing"},
	// "Racing others: placing, beating someone, the thrill of a race."
	catalog.Competition: {"competition", "racing", "race", "placing", "beating", "thrill"},
	// Personal goals: "Reaching targets you set yourself: times, distances, firsts."
	catalog.Achievement: {"goals", "targets", "times", "distances", "firsts"},
	// Headspace: "Clearing your head, easing stress, time that is just yours."
	catalog.Coping: {"headspace", "head", "stress"},
	// Confidence: "Feeling stronger, more capable and better about yourself."
	catalog.SelfEsteem: {"confidence", "stronger", "capable"},
	// "Running as part of who you are, a purpose, giving back."
	catalog.Meaning: {"meaning", "purpose", "giving back"},
	// "New places, trails, travel and a bit of adventure."
	catalog.Exploration: {"exploration", "places", "trails", "travel", "adventure"},
	// "Fun, play, and loving how running feels."
	catalog.Joy: {"joy", "fun", "play", "loving"},
	// "Habit and consistency, fitting running into a busy life."
	catalog.Routine: {"routine", "habit", "consistency", "busy"},
}

// baselineWindow is how many words before a keyword a negation reaches.
const baselineWindow = 4

// baselineWord folds a word to a crude common form, so that "races",
// "raced" and "racing" meet "race": lower case, and a plural or -ing/-ed
// ending taken off.
func baselineWord(w string) string {
	w = strings.ToLower(strings.Trim(w, "'’"))
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			w = strings.TrimSuffix(w, suf)
			break
		}
	}
	return strings.TrimSuffix(w, "e")
}

func baselineNegation(w string) bool {
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	switch w {
	case "not", "no", "never", "nothing", "without", "nor", "dont", "didnt", "cant", "wont", "isnt":
		return true
	}
	return strings.HasSuffix(w, "n't")
}

// baselineDetect reads one answer the baseline's way.
func baselineDetect(text string) map[catalog.ThemeID]workbook.Polarity {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = baselineWord(w)
	}
	var votes [nThemes][2]int
	for th, kws := range baselineWords {
		ti := themeIndex(th)
		for _, kw := range kws {
			parts := strings.Fields(kw)
			for i := range parts {
				parts[i] = baselineWord(parts[i])
			}
			for i := 0; i+len(parts) <= len(folded); i++ {
				match := true
				for k, p := range parts {
					if folded[i+k] != p {
						match = false
						break
					}
				}
				if !match {
					continue
				}
				side := 0
				for k := max(0, i-baselineWindow); k < i; k++ {
					if baselineNegation(words[k]) {
						side = 1
					}
				}
				votes[ti][side]++
			}
		}
	}
	out := map[catalog.ThemeID]workbook.Polarity{}
	for ti, v := range votes {
		switch {
		case v[0] == 0 && v[1] == 0:
		case v[1] > v[0]:
			out[themes[ti].ID] = workbook.Away
		default:
			out[themes[ti].ID] = workbook.Toward
		}
	}
	return out
}
