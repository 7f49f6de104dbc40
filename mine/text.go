package mine

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/moatquiz/moatquiz/internal/lazyregexp"
	"github.com/moatquiz/moatquiz/termtext"
)

// maxSentence is the longest sentence kept, in characters: the deck
// format's limit on a text.
const maxSentence = 4000

// Markdown that is markup, not text: a block's leading marks (headings,
// quotes, list items), links and images (their text kept), and inline
// emphasis and code marks.
var (
	mdBlock    = lazyregexp.New(`^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d{1,3}[.)]\s+)+`)
	mdLink     = lazyregexp.New(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmphasis = lazyregexp.New("\\*\\*|__|`|~~")
	mdFence    = lazyregexp.New("^\\s*(```|~~~)")
	mdRule     = lazyregexp.New(`^\s*([-*_])\s*(?:[-*_]\s*){2,}$`)
	mdHeading  = lazyregexp.New(`^\s*#{1,6}\s`)
)

// Sentences splits a text (UTF-8, NFC or NFD, plain or Markdown) into
// its sentences, in order. The text is made NFC and safe (no control or
// invisible characters), Markdown marks are taken off, runs of white
// space become one space, and a sentence ends after . ? ! or … (and any
// closing quotes or brackets) before a space, at a blank line, or at a
// Markdown block. Sentences longer than a deck text may be are left out.
func Sentences(text string) []string {
	var out []string
	for _, block := range blocks(text) {
		for _, s := range splitBlock(block) {
			if utf8.RuneCountInString(s) <= maxSentence {
				out = append(out, s)
			}
		}
	}
	return out
}

// blocks returns the text's paragraphs, headings and list items, each
// on one line with its white space collapsed; fenced code is left out.
func blocks(text string) []string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	text = termtext.Strip(norm.NFC.String(text))
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	fenced := false
	for _, raw := range strings.Split(text, "\n") {
		line := raw
		if mdFence().MatchString(line) {
			flush()
			fenced = !fenced
			continue
		}
		if fenced || mdRule().MatchString(line) {
			continue
		}
		if mdBlock().MatchString(line) {
			flush() // a heading, quote or list item starts a block
			line = mdBlock().ReplaceAllString(line, "")
		}
		line = mdEmphasis().ReplaceAllString(mdLink().ReplaceAllString(line, "$1"), "")
		if words := strings.Fields(line); len(words) > 0 {
			cur = append(cur, strings.Join(words, " "))
		}
		if len(strings.Fields(line)) == 0 || mdHeading().MatchString(raw) {
			flush() // a blank line ends a paragraph, a heading is one line
		}
	}
	flush()
	return out
}

// splitBlock splits one block into sentences at sentence-ending
// punctuation followed by a space.
func splitBlock(b string) []string {
	var out []string
	start := 0
	rs := []rune(b)
	pos := 0 // byte offset of rs[i]
	for i := 0; i < len(rs); i++ {
		next := pos + utf8.RuneLen(rs[i])
		if i > 0 && rs[i] == ' ' && endsSentence(rs[:i]) {
			out = append(out, b[start:pos])
			start = next
		}
		pos = next
	}
	if s := strings.TrimSpace(b[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// endsSentence reports whether rs ends with sentence-ending punctuation,
// perhaps followed by closing quotes or brackets.
func endsSentence(rs []rune) bool {
	i := len(rs) - 1
	for i > 0 && (unicode.Is(unicode.Pe, rs[i]) || unicode.Is(unicode.Pf, rs[i]) || rs[i] == '"' || rs[i] == '\'') {
		i--
	}
	return strings.ContainsRune(".?!…。？！", rs[i])
}
