package hangul

import (
	"unicode"
	"unicode/utf8"
)

// Composer turns keys typed on a QWERTY layout into Hangul as a 2-set
// (Dubeolsik) input method would, for a text field in a terminal without a
// Korean input method: typing g, o, w, k gives 해 and then 해자, and a final
// consonant moves to the next syllable when a vowel follows it. Two
// consonants typed with no vowel join into a double final (r, t gives ㄳ),
// as libhangul and the Windows IME join them; it matches libhangul on
// every key sequence of scripts/libhangul/sequences.txt.
//
// The zero value is an empty composer ready to use.
type Composer struct {
	a automaton
}

// Type takes one key. ASCII letters type their jamo (see QwertyToJamo), a
// compatibility jamo with a key of its own is composed as if its key was
// typed, and any other rune ends the syllable being composed and is added
// as typed. Control characters and invalid runes are ignored, so String
// is always valid UTF-8 and safe to show.
func (c *Composer) Type(r rune) {
	if j, ok := QwertyToJamo(r); ok {
		c.a.put(j)
		return
	}
	if !utf8.ValidRune(r) || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) {
		return
	}
	c.a.put(r)
}

// Backspace removes the last jamo typed into the syllable being composed
// (닭 → 달 → 다 → ㄷ → nothing, 와 → 오, ㄳ → ㄱ), and once no syllable is being
// composed, the whole last character of the committed text.
func (c *Composer) Backspace() {
	if !c.a.cur.empty() {
		c.a.cur.pop()
		return
	}
	if n := len(c.a.done); n > 0 {
		c.a.done = c.a.done[:n-1]
	}
}

// String returns the whole text: what is committed and the syllable being
// composed.
func (c *Composer) String() string { return c.a.String() }

// Composing returns the syllable being composed ("" when none): the part of
// String that the next key may still change, for a UI to underline.
func (c *Composer) Composing() string {
	if r := c.a.cur.text(); r != 0 {
		return string(r)
	}
	return ""
}

// Reset empties the composer.
func (c *Composer) Reset() { c.a = automaton{} }

// SetText replaces the text with s, committed, so that typing continues
// after it (for a field that already holds text when the composer is
// turned on). Control characters in s are dropped.
func (c *Composer) SetText(s string) {
	c.Reset()
	for _, r := range s {
		if r != utf8.RuneError && !unicode.Is(unicode.Cc, r) && !unicode.Is(unicode.Cf, r) {
			c.a.done = append(c.a.done, r)
		}
	}
}
