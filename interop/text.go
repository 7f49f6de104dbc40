package interop

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/hangul"
	"github.com/moatquiz/moatquiz/internal/lazyregexp"
	"github.com/moatquiz/moatquiz/termtext"
)

// cleanText makes imported text fit a deck: NFC, sanitised (no control
// characters, escape sequences or invisible characters), each line's
// spaces collapsed and trimmed, blank lines at either end dropped and runs
// of blank lines reduced to one.
func cleanText(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	s = termtext.Strip(hangul.NFC(s))
	if deckfile.SingleSpaced(s) {
		return s // one tidy line, as most texts are: nothing more to do
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := false
	for _, line := range lines {
		line = strings.Join(strings.FieldsFunc(line, isSpace), " ")
		if line == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// oneLine is cleanText on one line, for every deck text but explanations
// (the only texts the deck format lets break lines): the lines are joined
// with " / ".
func oneLine(s string) string {
	s = cleanText(s)
	if !strings.Contains(s, "\n") {
		return s
	}
	var lines []string
	for _, line := range strings.Split(s, "\n") {
		if line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, " / ")
}

// isSpace reports whether r separates words on one line: Unicode white
// space other than the line feed (no-break spaces included).
func isSpace(r rune) bool {
	return r != '\n' && (unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f')
}

// Scripts --------------------------------------------------------------------

// letterCounts counts the Hangul and Latin letters of s and all its letters.
func letterCounts(s string) (hangul, latin, letters int) {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Hangul, r):
			hangul++
			letters++
		case unicode.Is(unicode.Latin, r):
			latin++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return hangul, latin, letters
}

// mostlyHangul reports whether at least half of the letters of s are Hangul.
func mostlyHangul(s string) bool {
	h, _, n := letterCounts(s)
	return h > 0 && 2*h >= n
}

// mostlyLatin reports whether s has Latin letters and no more than a fifth
// of its letters are in other scripts.
func mostlyLatin(s string) bool {
	_, l, n := letterCounts(s)
	return l > 0 && 5*l >= 4*n
}

// langOf guesses the BCP 47 tag of the language of texts from their
// scripts: "ko" when Hangul dominates, "ja" for kana, "zh" for Han
// without kana, and "und" (undetermined) otherwise; Latin script alone
// does not tell a language.
func langOf(texts []string) string {
	var hangul, kana, han, other int
	for _, s := range texts {
		for _, r := range s {
			switch {
			case unicode.Is(unicode.Hangul, r):
				hangul++
			case unicode.In(r, unicode.Hiragana, unicode.Katakana):
				kana++
			case unicode.Is(unicode.Han, r):
				han++
			case unicode.IsLetter(r):
				other++
			}
		}
	}
	switch {
	case hangul > 0 && hangul >= kana+han:
		return "ko"
	case kana > 0:
		return "ja"
	case han > 0:
		return "zh"
	}
	return "und"
}

// Vocabulary ----------------------------------------------------------------

// maxWordRunes is the longest text taken as a vocabulary word or
// expression rather than a sentence.
const maxWordRunes = 40

// isKoreanWord reports whether s looks like a Korean word or expression: mostly
// Hangul, short, and not a question or a sentence.
func isKoreanWord(s string) bool {
	return mostlyHangul(s) && utf8.RuneCountInString(s) <= maxWordRunes &&
		!strings.ContainsAny(s, "?？.。!\n") && strings.Count(s, " ") <= 3
}

// isKoreanEnglish reports whether a front and back make a Korean word with
// its English meaning.
func isKoreanEnglish(word, meaning string) bool {
	return isKoreanWord(word) && mostlyLatin(meaning)
}

var (
	// enumRE matches the numbers of an enumeration of meanings: "(1)", "2)", "①".
	enumRE = lazyregexp.New(`(?:^|\s)\(?\d{1,2}\)\s*|[\x{2460}-\x{2473}]\s*`)
	// digitCommaRE matches a comma between digits, as in 1,000.
	digitCommaRE = lazyregexp.New(`\d,\d`)
)

// splitMeanings splits an English gloss into meanings: at enumeration
// numbers ("(1) shed (2) reflect"), then at semicolons when there are any,
// else at commas, never inside brackets or between digits. Meanings are
// trimmed, and repeats (ignoring case) dropped.
func splitMeanings(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, part := range enumRE().Split(oneLine(s), -1) {
		sep := ','
		if strings.ContainsRune(part, ';') {
			sep = ';'
		}
		for _, m := range splitOutside(part, sep) {
			m = strings.Trim(strings.TrimSpace(m), ",;")
			m = strings.TrimSpace(m)
			if m != "" && !seen[strings.ToLower(m)] {
				seen[strings.ToLower(m)] = true
				out = append(out, m)
			}
		}
	}
	return out
}

// splitList splits s at sep into trimmed, non-empty items.
func splitList(s, sep string) []string {
	var out []string
	for _, item := range strings.Split(oneLine(s), sep) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// splitOutside splits s at sep where sep is outside brackets and, for a
// comma, not between two digits.
func splitOutside(s string, sep rune) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '(' || r == '[' || r == '{':
			depth++
		case (r == ')' || r == ']' || r == '}') && depth > 0:
			depth--
		case r == sep && depth == 0:
			if sep == ',' && i > 0 && digitCommaRE().MatchString(s[i-1:min(i+2, len(s))]) {
				continue
			}
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// posNames maps the part-of-speech names found in word lists to the deck
// format's values.
var posNames = map[string]string{
	"n": "noun", "noun": "noun", "명사": "noun", "대명사": "noun", "pronoun": "noun", "수사": "noun", "numeral": "noun",
	"pn": "proper-noun", "proper noun": "proper-noun", "proper-noun": "proper-noun", "고유명사": "proper-noun",
	"v": "verb", "verb": "verb", "동사": "verb",
	"adj": "adjective", "a": "adjective", "adjective": "adjective", "형용사": "adjective",
	"adv": "adverb", "ad": "adverb", "adverb": "adverb", "부사": "adverb",
	"det": "determiner", "determiner": "determiner", "관형사": "determiner",
	"exp": "expression", "expr": "expression", "expression": "expression", "phrase": "expression", "idiom": "expression", "표현": "expression", "구": "expression",
	"suf": "suffix", "suffix": "suffix", "접미사": "suffix",
	"part": "particle", "particle": "particle", "조사": "particle",
}

// partOfSpeech returns the deck format's part of speech for a word list's
// value (given), or, when that is empty or unknown, a guess from the word
// and its first meaning: several words make an expression; a 다-form is
// an adjective when glossed like one ("to be ...", "very ...", "careful")
// and a verb otherwise; an -ly gloss makes an adverb; anything else is a
// noun.
func partOfSpeech(given, word string, meanings []string) string {
	key := strings.ToLower(strings.Trim(strings.TrimSpace(given), "."))
	if p, ok := posNames[key]; ok {
		return p
	}
	first := ""
	if len(meanings) > 0 {
		first = strings.ToLower(meanings[0])
	}
	switch {
	case strings.Contains(word, " "):
		return "expression"
	case strings.HasSuffix(word, "다") && adjectiveGloss(first):
		return "adjective"
	case strings.HasSuffix(word, "다"):
		return "verb"
	case strings.HasSuffix(first, "ly") && !strings.Contains(first, " "):
		return "adverb"
	}
	return "noun"
}

// adjectiveRE matches an English gloss that reads as an adjective.
var adjectiveRE = lazyregexp.New(`^(?:to be |be |very |so |too |quite |rather )|^[a-z-]+(?:ful|ous|ive|ble|al|ic|ent|ant|less|ish|ary|[^l]y)(?:$|[ ,;(])`)

// adjectiveGloss reports whether a lower-case gloss reads as an adjective.
func adjectiveGloss(gloss string) bool { return adjectiveRE().MatchString(gloss) }

// HTML -------------------------------------------------------------------------

var (
	// soundRE matches Anki's sound references.
	soundRE = lazyregexp.New(`\[sound:([^\]]*)\]`)
	// attrRE matches one attribute of a tag.
	attrRE = lazyregexp.New(`(?is)\b([a-z][a-z0-9-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
)

// blockTags are the tags that start or end a line.
var blockTags = map[string]bool{
	"br": true, "div": true, "p": true, "li": true, "tr": true, "hr": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "table": true, "blockquote": true, "pre": true,
}

// htmlToText turns an Anki field's HTML into plain text: line-breaking
// tags become line breaks, other tags are dropped (script and style with
// their content), entities are decoded, images become "(image: NAME)" and
// [sound:NAME] becomes "(sound: NAME)". The result still needs cleanText.
func htmlToText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(html.UnescapeString(s[i : i+j]))
			i += j
			continue
		}
		end, name, closing := scanTag(s, i)
		if end < 0 { // not a tag: a literal "<"
			b.WriteByte('<')
			i++
			continue
		}
		tag := s[i:end]
		i = end
		switch {
		case name == "script" || name == "style":
			if !closing {
				i = skipElement(s, i, name)
			}
		case name == "img":
			if src := attr(tag, "src"); src != "" {
				b.WriteString("(image: " + html.UnescapeString(src) + ")")
			}
		case blockTags[name]:
			b.WriteByte('\n')
		}
	}
	return soundRE().ReplaceAllString(b.String(), "(sound: $1)")
}

// scanTag looks at the "<" at s[i]: for a tag or comment it returns the
// offset after its ">", its lower-case name ("" for comments and
// declarations) and whether it is a closing tag; end is -1 when the "<"
// does not start a tag.
func scanTag(s string, i int) (end int, name string, closing bool) {
	rest := s[i+1:]
	if strings.HasPrefix(rest, "!--") {
		j := strings.Index(rest[3:], "-->")
		if j < 0 {
			return len(s), "", false
		}
		return i + 1 + 3 + j + 3, "", false
	}
	if strings.HasPrefix(rest, "/") {
		closing = true
		rest = rest[1:]
	}
	if rest == "" || !(isASCIILetter(rest[0]) || !closing && rest[0] == '!') {
		return -1, "", false
	}
	n := 0
	for n < len(rest) && (isASCIILetter(rest[n]) || rest[n] >= '0' && rest[n] <= '9') {
		n++
	}
	name = strings.ToLower(rest[:n])
	var quote byte
	for j := i + 1; j < len(s); j++ {
		switch c := s[j]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1, name, closing
		}
	}
	return len(s), name, closing // an unclosed tag runs to the end
}

// skipElement returns the offset after the closing tag of the element name
// whose content starts at s[i], or len(s) when it is never closed. It
// reads only as far as that tag, so many elements cost linear time.
func skipElement(s string, i int, name string) int {
	for {
		k := strings.Index(s[i:], "</")
		if k < 0 {
			return len(s)
		}
		i += k + 2
		if len(s)-i >= len(name) && strings.EqualFold(s[i:i+len(name)], name) {
			if e := strings.IndexByte(s[i:], '>'); e >= 0 {
				return i + e + 1
			}
			return len(s)
		}
	}
}

// attr returns the value of a tag's attribute, or "".
func attr(tag, name string) string {
	for _, m := range attrRE().FindAllStringSubmatch(tag, -1) {
		if strings.EqualFold(m[1], name) {
			return m[2] + m[3] + m[4]
		}
	}
	return ""
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
