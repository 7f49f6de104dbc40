package termtext

import (
	"fmt"
	"strconv"
	"strings"
)

// Quote is [strconv.Quote], which escapes control characters, invalid
// UTF-8 and most invisible characters, made to escape the invisible
// letters it keeps (such as the Hangul fillers) too: foreign text in
// quotes, safe in a terminal, saying exactly what was there.
func Quote(s string) string {
	q := strconv.Quote(s)
	if Strip(q) == q {
		return q
	}
	var b strings.Builder
	for _, r := range q {
		if IsInvisible(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// QuoteShort is [Quote] of s's first most characters, with "…" after the
// closing quote when s is longer: foreign text named in a message.
func QuoteShort(s string, most int) string {
	n := 0
	for i := range s {
		if n == most {
			return Quote(s[:i]) + "…"
		}
		n++
	}
	return Quote(s)
}

// QuoteIfUnsafe returns s as it is when every character of it is visible
// and printable (letters, marks, numbers, punctuation, symbols, the ASCII
// space), or else [Quote] of it: for a path or a key that reads best
// bare but may hold anything.
func QuoteIfUnsafe(s string) string {
	for _, r := range s {
		if !strconv.IsPrint(r) || IsInvisible(r) {
			return Quote(s)
		}
	}
	return s
}
