// Package termtext makes foreign text safe to show in a terminal: deck
// and import text, file names, other programs' error messages, the
// learner's own arguments. Strip removes what would steer the terminal;
// Escape writes it out visibly instead, for messages that must say
// exactly what was there.
package termtext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Strip makes text safe to write to a terminal. It is the one sanitiser
// the TUI applies to all deck and import text before rendering:
//
//   - escape sequences are removed whole: CSI (cursor moves, screen clears,
//     colours, bracketed-paste terminators), OSC (window titles, OSC 8
//     links, OSC 52 clipboard writes), DCS, SOS, PM, APC and two-byte ESC
//     sequences, whether they start with ESC or with a C1 introducer; an
//     unterminated string sequence is removed to the end of s;
//   - other C0 and C1 control characters and DEL are removed, except that
//     "\n" is kept (for wrapping) and "\t" becomes a space;
//   - bidi overrides and isolates, zero-width characters and other
//     invisible format characters (see [IsInvisible]) are removed;
//   - invalid UTF-8 bytes become U+FFFD.
//
// Strip is idempotent, and returns s itself when s is already safe.
func Strip(s string) string { return strip(s, false) }

// StripLine is [Strip] for text that must stay on one line as it was
// typed, such as the learner's input: newlines and tabs are removed too,
// and spaces are kept as they are.
func StripLine(s string) string { return strip(s, true) }

// OneLine is [Strip] with every run of white space, newlines included,
// made a single space and none at either end: for a label in a list.
func OneLine(s string) string {
	return strings.Join(strings.Fields(Strip(s)), " ")
}

// strip is Strip, or StripLine when line is set.
func strip(s string, line bool) string {
	if isSafe(s, line) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
			i++
		case r == 0x1b: // ESC
			i = skipEscape(s, i+n)
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+n)
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f: // C1 DCS, SOS, OSC, PM, APC
			i = skipControlString(s, i+n)
		case r == '\t' && !line:
			b.WriteByte(' ')
			i += n
		case r == '\n' && !line || !IsControl(r) && !IsInvisible(r):
			b.WriteString(s[i : i+n])
			i += n
		default:
			i += n
		}
	}
	return b.String()
}

// isSafe reports whether strip would leave s unchanged.
func isSafe(s string, line bool) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || (r != '\n' || line) && IsControl(r) || IsInvisible(r) {
			return false
		}
		i += n
	}
	return true
}

// IsControl reports whether r is a C0 or C1 control character or DEL.
func IsControl(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f
}

// IsInvisible reports whether r is a character that changes or hides text
// without showing itself: format characters (Unicode category Cf: bidi
// overrides, isolates and marks, zero-width space and joiners, the BOM,
// the soft hyphen, tag characters), the line and paragraph separators, the
// combining grapheme joiner and the Hangul fillers.
func IsInvisible(r rune) bool {
	switch r {
	case 0x034f, 0x115f, 0x1160, 0x2028, 0x2029, 0x3164, 0xffa0:
		return true
	}
	return r >= 0x80 && unicode.Is(unicode.Cf, r)
}

// skipEscape skips the escape sequence whose ESC ended just before s[i] and
// returns the offset after it.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[':
		return skipCSI(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipControlString(s, i+1)
	case c >= 0x20 && c <= 0x2f: // intermediates, then a final byte
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e: // a two-byte sequence such as ESC c (reset)
		return i + 1
	}
	return i // a lone ESC: drop just the ESC
}

// skipCSI skips a control sequence's parameter, intermediate and final
// bytes from s[i]. A byte that cannot be part of the sequence ends it and
// is left for the caller.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipControlString skips the body of an OSC, DCS, SOS, PM or APC string
// from s[i] through its terminator: BEL, ST (ESC \ or C1 ST), or CAN/SUB,
// which cancel it. Another ESC ends the string and is left for the caller.
func skipControlString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07 || s[i] == 0x18 || s[i] == 0x1a:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
		i++
	}
	return i
}

// Escape is s with control characters (but newlines), invisible
// characters and invalid UTF-8 written as Go escapes (\x1b, \u202e), so
// that a message quoting foreign text says exactly what was there and
// cannot steer the terminal it is shown in.
func Escape(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, hidden) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case hidden(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case hidden(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// hidden reports whether r is a control (but a newline) or invisible
// character.
func hidden(r rune) bool { return r != '\n' && IsControl(r) || IsInvisible(r) }
