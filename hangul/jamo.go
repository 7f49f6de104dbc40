// Package hangul handles Korean text the way a learner types and reads it:
// NFC normalisation, syllables split into the jamo typed on a 2-set
// (Dubeolsik) keyboard and composed back, the 2-set keyboard itself with a
// live composer for text fields without an input method, Revised
// Romanization, and a jamo-level edit distance and diff for answer checking.
//
// Jamo are always the compatibility jamo (ㄱ U+3131 … ㅣ U+3163), the
// letters a learner sees and types, never the conjoining jamo of NFD text.
package hangul

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The Unicode layout of the 11,172 precomposed syllables:
// syllable = sBase + (initial*vCount + medial)*tCount + final.
const (
	sBase   = 0xAC00
	sCount  = lCount * vCount * tCount
	lCount  = 19
	vCount  = 21
	tCount  = 28
	perInit = vCount * tCount
)

// initials, medials and finals are the compatibility jamo for each index
// of a syllable's initial consonant, vowel and final consonant (0: none).
var (
	initials = [lCount]rune{'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ',
		'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'}
	medials = [vCount]rune{'ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ',
		'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ', 'ㅟ', 'ㅠ', 'ㅡ', 'ㅢ', 'ㅣ'}
	finals = [tCount]rune{0, 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ',
		'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ',
		'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'}
)

// splits lists the compound vowels and double final consonants with the
// two keys that type them on a 2-set keyboard.
var splits = map[rune][2]rune{
	'ㅘ': {'ㅗ', 'ㅏ'}, 'ㅙ': {'ㅗ', 'ㅐ'}, 'ㅚ': {'ㅗ', 'ㅣ'},
	'ㅝ': {'ㅜ', 'ㅓ'}, 'ㅞ': {'ㅜ', 'ㅔ'}, 'ㅟ': {'ㅜ', 'ㅣ'}, 'ㅢ': {'ㅡ', 'ㅣ'},
	'ㄳ': {'ㄱ', 'ㅅ'}, 'ㄵ': {'ㄴ', 'ㅈ'}, 'ㄶ': {'ㄴ', 'ㅎ'}, 'ㄺ': {'ㄹ', 'ㄱ'},
	'ㄻ': {'ㄹ', 'ㅁ'}, 'ㄼ': {'ㄹ', 'ㅂ'}, 'ㄽ': {'ㄹ', 'ㅅ'}, 'ㄾ': {'ㄹ', 'ㅌ'},
	'ㄿ': {'ㄹ', 'ㅍ'}, 'ㅀ': {'ㄹ', 'ㅎ'}, 'ㅄ': {'ㅂ', 'ㅅ'},
}

// Reverse indexes of the tables above, built once.
var (
	initialIndex = indexOf(initials[:])
	medialIndex  = indexOf(medials[:])
	finalIndex   = indexOf(finals[:])
	joins        = joinTable()
)

// indexOf maps each jamo of a table to its index (the 0 "none" entry of
// finals is left out).
func indexOf(table []rune) map[rune]int {
	m := make(map[rune]int, len(table))
	for i, r := range table {
		if r != 0 {
			m[r] = i
		}
	}
	return m
}

func joinTable() map[[2]rune]rune {
	m := make(map[[2]rune]rune, len(splits))
	for whole, parts := range splits {
		m[parts] = whole
	}
	return m
}

// join returns the compound jamo typed as a then b (ㅗ+ㅏ → ㅘ,
// ㄹ+ㄱ → ㄺ), or 0 when the two do not combine.
func join(a, b rune) rune { return joins[[2]rune{a, b}] }

// NFC returns s in Unicode Normalization Form C: NFD syllables (as macOS
// and some input methods send them) and conjoining jamo sequences become
// precomposed syllables. Compatibility jamo (ㅎㅐ) are left as they are:
// NFKC would turn them into syllables, which is wrong for typed answers.
// A text of characters that are composed whatever surrounds them (most
// texts) is returned as it is without a pass of package norm, which takes
// its time over Hangul.
func NFC(s string) string {
	for _, r := range s {
		if !composed(r) {
			return norm.NFC.String(s)
		}
	}
	return s
}

// composed reports whether r is one of the characters a text made only
// of is in NFC (none decomposes, none composes with another of them):
// those below U+0300, Hangul syllables and compatibility jamo, and CJK
// ideographs.
func composed(r rune) bool {
	return r < 0x300 || IsSyllable(r) || 0x3131 <= r && r <= 0x318E || 0x4E00 <= r && r <= 0x9FFF
}

// IsSyllable reports whether r is a precomposed Hangul syllable (가–힣).
func IsSyllable(r rune) bool { return r >= sBase && r < sBase+sCount }

// IsJamo reports whether r is a compatibility jamo (ㄱ–ㅣ), the letters
// of the modern alphabet as written on their own.
func IsJamo(r rune) bool { return r >= 'ㄱ' && r <= 'ㅣ' }

func isConsonant(r rune) bool { return r >= 'ㄱ' && r <= 'ㅎ' }

// HasHangul reports whether s holds any Hangul: syllables, compatibility
// jamo, or conjoining jamo (including the old-Hangul extensions), not
// counting the invisible Hangul fillers.
func HasHangul(s string) bool {
	for _, r := range s {
		if isHangulRune(r) {
			return true
		}
	}
	return false
}

func isHangulRune(r rune) bool {
	switch {
	case r == 0x115F || r == 0x1160 || r == 0x3164: // fillers show nothing
		return false
	case IsSyllable(r), r >= 0x3131 && r <= 0x318E:
		return true
	case r >= 0x1100 && r <= 0x11FF, r >= 0xA960 && r <= 0xA97F, r >= 0xD7B0 && r <= 0xD7FF:
		return true
	}
	return false
}

// parts returns the initial, medial and final indexes of syllable r.
func parts(r rune) (l, v, t int) {
	i := int(r - sBase)
	return i / perInit, i % perInit / tCount, i % tCount
}

// syllable builds the syllable with the given indexes.
func syllable(l, v, t int) rune { return rune(sBase + l*perInit + v*tCount + t) }

// Decompose splits each syllable of s (after NFC) into the compatibility
// jamo typed for it on a 2-set keyboard: compound vowels and double finals
// become their two keys (닭 → ㄷㅏㄹㄱ, 와 → ㅇㅗㅏ, 의 → ㅇㅡㅣ), while
// letters with a key of their own stay whole (폐 → ㅍㅖ, 까 → ㄲㅏ).
// Every other rune, compatibility jamo included, passes through unchanged.
func Decompose(s string) []rune {
	at := decomposeAt(NFC(s), true)
	out := make([]rune, len(at))
	for i, j := range at {
		out[i] = j.r
	}
	return out
}

// jamoAt is one jamo of a decomposed string with the rune index of the
// character it came from.
type jamoAt struct {
	r  rune
	at int
}

// decomposeAt decomposes s (already NFC) keeping each jamo's origin. A
// compound vowel is split into its two keys when keys is true, and kept
// whole, as the one letter a learner reads, when it is false.
func decomposeAt(s string, keys bool) []jamoAt {
	out := make([]jamoAt, 0, utf8.RuneCountInString(s)*3)
	i := 0
	for _, r := range s {
		if !IsSyllable(r) {
			out = append(out, jamoAt{r, i})
			i++
			continue
		}
		l, v, t := parts(r)
		out = append(out, jamoAt{initials[l], i})
		if keys {
			out = appendKeys(out, medials[v], i)
		} else {
			out = append(out, jamoAt{medials[v], i})
		}
		if t > 0 {
			out = appendKeys(out, finals[t], i)
		}
		i++
	}
	return out
}

// appendKeys appends the key or keys that type jamo j.
func appendKeys(out []jamoAt, j rune, at int) []jamoAt {
	if p, ok := splits[j]; ok {
		return append(out, jamoAt{p[0], at}, jamoAt{p[1], at})
	}
	return append(out, jamoAt{j, at})
}

// Compose is the inverse of Decompose: it composes a typed sequence of
// jamo into syllables with the 2-set keyboard's rules, so a final
// consonant moves to the next syllable when a vowel follows (ㄱㅏㄴㅏ →
// 가나, ㄷㅏㄹㄱㅇㅣ → 닭이, ㄷㅏㄹㄱㅣ → 달기). Compound vowels and double
// finals are formed from their two keys. Runes that are not keys of the
// keyboard (syllables, compound jamo written on their own, Latin letters,
// spaces …) end the syllable being composed and pass through unchanged.
func Compose(jamo []rune) string {
	var a automaton
	for _, r := range jamo {
		a.put(r)
	}
	return a.String()
}

// Initials returns the initial consonant (초성) of each syllable of s,
// keeping every other rune, spaces included: 해자 → ㅎㅈ, "AI 해자" → "AI ㅎㅈ".
func Initials(s string) string {
	rs := []rune(NFC(s))
	for i, r := range rs {
		if IsSyllable(r) {
			l, _, _ := parts(r)
			rs[i] = initials[l]
		}
	}
	return string(rs)
}

// JoinJamo joins compatibility jamo written one by one into syllables, as
// a 2-set keyboard would have composed them: ㅎㅐㅈㅏ and 해ㅈㅏ become 해자,
// ㄱㅘ becomes 과. Text without compatibility jamo is returned as it is.
func JoinJamo(s string) string {
	if !strings.ContainsFunc(s, IsJamo) {
		return s
	}
	keys := make([]rune, 0, len(s))
	for _, r := range Decompose(s) {
		if p, ok := splits[r]; ok {
			keys = append(keys, p[0], p[1])
			continue
		}
		keys = append(keys, r)
	}
	return Compose(keys)
}
