package hangul

// qwerty is the standard 2-set (Dubeolsik, KS X 5002) layout: the jamo of
// each key, unshifted, and the five tense consonants and two vowels that
// Shift gives.
var qwerty = map[rune]rune{
	'q': 'ㅂ', 'w': 'ㅈ', 'e': 'ㄷ', 'r': 'ㄱ', 't': 'ㅅ',
	'y': 'ㅛ', 'u': 'ㅕ', 'i': 'ㅑ', 'o': 'ㅐ', 'p': 'ㅔ',
	'a': 'ㅁ', 's': 'ㄴ', 'd': 'ㅇ', 'f': 'ㄹ', 'g': 'ㅎ',
	'h': 'ㅗ', 'j': 'ㅓ', 'k': 'ㅏ', 'l': 'ㅣ',
	'z': 'ㅋ', 'x': 'ㅌ', 'c': 'ㅊ', 'v': 'ㅍ',
	'b': 'ㅠ', 'n': 'ㅜ', 'm': 'ㅡ',
	'Q': 'ㅃ', 'W': 'ㅉ', 'E': 'ㄸ', 'R': 'ㄲ', 'T': 'ㅆ',
	'O': 'ㅒ', 'P': 'ㅖ',
}

// keyOf is qwerty reversed: the key that types each jamo.
var keyOf = func() map[rune]rune {
	m := make(map[rune]rune, len(qwerty))
	for k, j := range qwerty {
		m[j] = k
	}
	return m
}()

// QwertyToJamo returns the jamo that key r types on a 2-set keyboard:
// g → ㅎ, o → ㅐ, w → ㅈ, k → ㅏ; Shift gives Q → ㅃ, W → ㅉ, E → ㄸ,
// R → ㄲ, T → ㅆ, O → ㅒ, P → ㅖ, and any other upper-case letter types
// the same jamo as its lower-case key. ok is false for runes that are not
// ASCII letters.
func QwertyToJamo(r rune) (jamo rune, ok bool) {
	if j, ok := qwerty[r]; ok {
		return j, true
	}
	if r >= 'A' && r <= 'Z' {
		j, ok := qwerty[r-'A'+'a']
		return j, ok
	}
	return 0, false
}

// JamoToQwerty returns the QWERTY key that types jamo r on a 2-set
// keyboard (ㅂ → q, ㅕ → u, ㅃ → Q: upper case for the shifted jamo), so
// that letter shortcuts still work when a Korean layout sends jamo. ok is
// false for compound vowels and double finals, which have no key, and for
// anything that is not a jamo.
func JamoToQwerty(r rune) (key rune, ok bool) {
	k, ok := keyOf[r]
	return k, ok
}
