package detect

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ---------------------------------------------------------------- sentences

type detSpan struct{ start, end int }

// splitSentences splits text into trimmed sentences: at ".", "!", "?", an
// ellipsis followed by a capital, and every line break. A leading bullet
// ("- ", "* ", "• ", "1. ") is left out. Abbreviations ("e.g.", "vs.") and
// numbers ("10.5") do not end a sentence. A question answered in the same
// line stays whole: "Racing? Not for me."
func splitSentences(text string, out []detSpan) []detSpan {
	first := len(out)
	emit := func(s, e int) {
		for s < e {
			r, size := utf8.DecodeRuneInString(text[s:])
			if !unicode.IsSpace(r) {
				break
			}
			s += size
		}
		for e > s {
			r, size := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= size
		}
		if s < e {
			out = append(out, detSpan{s, e})
		}
	}
	for lineStart := 0; lineStart <= len(text); {
		lineEnd := len(text)
		if nl := strings.IndexByte(text[lineStart:], '\n'); nl >= 0 {
			lineEnd = lineStart + nl
		}
		s := skipBullet(text, skipBullet(text, lineStart, lineEnd), lineEnd)
		sentStart := s
		for i := s; i < lineEnd; {
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case r == '.' || r == '…':
				k := i
				dots := 0
				for k < lineEnd {
					if text[k] == '.' {
						k++
						dots++
					} else if strings.HasPrefix(text[k:], "…") {
						k += len("…")
						dots += 3
					} else {
						break
					}
				}
				if dots >= 2 {
					if capitalAfter(text, k, lineEnd) {
						emit(sentStart, k)
						sentStart = k
					}
				} else if sentenceDot(text, sentStart, i, lineEnd) {
					k = skipClosers(text, k, lineEnd)
					emit(sentStart, k)
					sentStart = k
				}
				i = k
			case r == '!' || r == '?':
				k := i
				for k < lineEnd && (text[k] == '!' || text[k] == '?') {
					k++
				}
				k = skipClosers(text, k, lineEnd)
				emit(sentStart, k)
				sentStart = k
				i = k
			default:
				i += size
			}
		}
		emit(sentStart, lineEnd)
		lineStart = lineEnd + 1
	}
	// Keep a question and its short answer together: "Racing? Nope."
	merged := out[:first]
	for _, sp := range out[first:] {
		if n := len(merged); n > first {
			prev := merged[n-1]
			if text[prev.end-1] == '?' && !strings.Contains(text[prev.end:sp.start], "\n") &&
				answerWord(text[sp.start:sp.end]) {
				merged[n-1].end = sp.end
				continue
			}
		}
		merged = append(merged, sp)
	}
	return merged
}

// bulletBefore reports a line break and a bullet between two sentences
// (from the end of one to the start of the next): the next is an item of
// a list.
func bulletBefore(text string, from, to int) bool {
	gap := text[from:to]
	nl := strings.LastIndexByte(gap, '\n')
	if nl < 0 {
		return false
	}
	line := strings.TrimLeft(gap[nl+1:], " \t")
	return line != "" && strings.ContainsAny(line[:1], "-*•·+>") || strings.HasPrefix(line, "–") ||
		strings.HasPrefix(line, "—") || line != "" && line[0] >= '0' && line[0] <= '9'
}

// skipBullet returns where a line's text starts, past spaces and a bullet.
func skipBullet(text string, i, end int) int {
	for i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
		i++
	}
	j := i
	r, size := utf8.DecodeRuneInString(text[j:])
	switch r {
	case '-', '*', '•', '·', '+', '>', '–', '—', '◦', '▪', '‣':
		j += size
	default:
		for j < end && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j == i || j >= end || (text[j] != '.' && text[j] != ')') {
			return i
		}
		j++
	}
	if j < end && text[j] != ' ' && text[j] != '\t' {
		return i // "-5k" or "3.5 miles" is not a bullet
	}
	for j < end && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	return j
}

func skipClosers(text string, k, end int) int {
	for k < end {
		r, size := utf8.DecodeRuneInString(text[k:])
		switch r {
		case '"', '\'', ')', ']', '’', '”', '»':
			k += size
			continue
		}
		break
	}
	return k
}

// capitalAfter reports whether the next word after k starts with a capital
// letter (or a digit), or the line ends: an ellipsis there ends a sentence.
func capitalAfter(text string, k, end int) bool {
	for k < end {
		r, size := utf8.DecodeRuneInString(text[k:])
		if unicode.IsSpace(r) || r == '"' || r == '“' {
			k += size
			continue
		}
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return true
}

// sentenceDot decides whether the "." at i ends a sentence.
func sentenceDot(text string, sentStart, i, end int) bool {
	next := i + 1
	if next < end {
		r, _ := utf8.DecodeRuneInString(text[next:])
		if !unicode.IsSpace(r) && !strings.ContainsRune("\"')]’”»", r) {
			return false // "10.5", "e.g.,", "strava.com"
		}
	}
	// The word before the dot, dots included: "e.g", "etc", "vs".
	w := i
	for w > sentStart {
		c := text[w-1]
		if c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			w--
			continue
		}
		break
	}
	word := strings.ToLower(text[w:i])
	switch word {
	case "e.g", "i.e", "eg", "ie", "vs", "v", "approx", "incl", "esp", "dr", "mr", "mrs",
		"ms", "st", "mt", "cf", "ca":
		return false
	case "etc", "min", "mins", "hr", "hrs", "sec", "secs", "no", "a.m", "p.m":
		return capitalAfter(text, next, end)
	}
	return true
}

// opensWithNow reports a sentence that says where the runner is now:
// "Now I just run.", "These days ...".
func opensWithNow(s string) bool {
	for _, p := range [...]string{"now ", "now,", "nowadays", "these days", "but now", "and now"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// answerWord reports a sentence that opens with a yes or a no.
func answerWord(s string) bool {
	end := 0
	for end < len(s) && (s[end] >= 'a' && s[end] <= 'z' || s[end] >= 'A' && s[end] <= 'Z') {
		end++
	}
	switch strings.ToLower(s[:end]) {
	case "no", "nope", "nah", "not", "never", "yes", "yeah", "yep", "yup", "definitely",
		"absolutely", "hardly", "rarely", "sometimes", "always":
		return true
	}
	return false
}

// ---------------------------------------------------------------- words

// A detToken is one word of a sentence.
type detToken struct {
	start, end int    // bytes in the sentence
	norm       string // lower case, straight apostrophes, common spellings fixed
	stem       string
	brk        bool // punctuation between this token and the one before
	glue       bool
	subject    bool
	num, ord   bool
	person     bool
	bad        bool // a word for a bad feeling (lexBad)
	emoji      bool
}

// tokenize splits a sentence into words. low is the sentence lowered by
// lowerSameLength, so byte offsets agree. Hyphens join nothing: "self-esteem"
// is "self" "esteem", and phrases match across the hyphen. Numbers keep
// their decimal points and colons ("21.1", "3:30") and split from units
// ("10k" is "10" "k"; "sub4" is "sub" "4"); ordinals stay whole ("3rd").
func tokenize(text, low string, toks []detToken) []detToken {
	brk := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
				toks, i = appendWord(text, low, i, brk, toks)
				brk = false
				continue
			case c == '-':
				// A spaced dash breaks a clause; a hyphen inside a word does not.
				if i == 0 || text[i-1] == ' ' || i+1 >= len(text) || text[i+1] == ' ' {
					brk = true
				}
			case strings.IndexByte(",;:.!?()[]{}", c) >= 0:
				brk = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			toks, i = appendWord(text, low, i, brk, toks)
			brk = false
			continue
		case r == 0xFE0F || r == 0x200D || r >= 0x1F3FB && r <= 0x1F3FF:
			// Emoji presentation, joiners and skin tones belong to the emoji before.
		case unicode.Is(unicode.So, r):
			toks = append(toks, detToken{start: i, end: i + size, norm: text[i : i+size], brk: brk, emoji: true})
			brk = false
		case unicode.In(r, unicode.Pi, unicode.Pf):
			// Quotation marks neither join nor break.
		case unicode.IsPunct(r):
			brk = true
		}
		i += size
	}
	return toks
}

// appendWord reads the word starting at i and appends it.
func appendWord(text, low string, i int, brk bool, toks []detToken) ([]detToken, int) {
	start := i
	r, size := utf8.DecodeRuneInString(text[i:])
	digits := unicode.IsDigit(r)
	i += size
	ord, curly := false, false
	for i < len(text) {
		r, size = utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r):
			if digits {
				if sfx := strings.ToLower(safeSlice(text, i, i+2)); (sfx == "st" || sfx == "nd" || sfx == "rd" || sfx == "th") &&
					!letterAt(text, i+2) {
					i += 2
					ord = true
				}
				goto done
			}
			i += size
		case unicode.IsDigit(r):
			if !digits {
				goto done
			}
			i += size
		case !digits && (r == '\'' || r == '’' || r == 'ʼ' || r == '‘') && letterAt(text, i+size):
			curly = curly || r != '\''
			i += size
		case digits && (r == '.' || r == ':' || r == ',') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9':
			i++
		default:
			goto done
		}
	}
done:
	norm := low[start:i]
	if curly {
		norm = strings.Map(func(r rune) rune {
			if r == '’' || r == 'ʼ' || r == '‘' {
				return '\''
			}
			return r
		}, norm)
	}
	t := detToken{start: start, end: i, norm: norm, brk: brk, ord: ord, num: digits && !ord}
	return append(toks, t), i
}

func safeSlice(s string, i, j int) string {
	if j > len(s) {
		return ""
	}
	return s[i:j]
}

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// lowerSameLength lowers s without changing any byte offset: a letter
// whose lower case has a different UTF-8 length is left as it is.
func lowerSameLength(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	b := make([]byte, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if lr := unicode.ToLower(r); lr != r && utf8.RuneLen(lr) == size {
			utf8.EncodeRune(b[i:], lr)
		} else {
			copy(b[i:i+size], s[i:i+size])
		}
		i += size
	}
	return string(b)
}
