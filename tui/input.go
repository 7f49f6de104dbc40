package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/moatquiz/moatquiz/termtext"
	"golang.org/x/text/unicode/norm"
)

// Input is a one-line text field measured in display cells: Hangul takes
// two cells, and the cursor column it reports is the column the terminal's
// real cursor must be at, so an IME's composition window appears where the
// learner types (bubbles' textinput counts runes instead).
//
// Text is normalised to NFC as it arrives (macOS and some IMEs send NFD
// Hangul, one jamo at a time), and control characters never enter it.
type Input struct {
	text []rune
	pos  int    // cursor position in text, in runes
	pre  string // the built-in composer's text, shown at pos, not yet inserted
	comp int    // how many runes at the end of pre are still being composed
}

// Value is the text typed so far, with any syllable being composed.
func (in *Input) Value() string {
	return string(in.text[:in.pos]) + in.pre + string(in.text[in.pos:])
}

// Insert types s at the cursor.
func (in *Input) Insert(s string) {
	s = termtext.StripLine(s)
	if s == "" {
		return
	}
	before := norm.NFC.String(string(in.text[:in.pos]) + s)
	after := string(in.text[in.pos:])
	joined := []rune(norm.NFC.String(before + after))
	in.pos = min(len([]rune(before)), len(joined))
	in.text = joined
}

// SetPreedit shows text from the built-in composer at the cursor, whose
// end, composing, is the syllable still being composed (it is
// underlined). The text is not part of the input until it is inserted.
func (in *Input) SetPreedit(text, composing string) {
	in.pre = termtext.StripLine(text)
	in.comp = 0
	if strings.HasSuffix(in.pre, composing) {
		in.comp = len([]rune(composing))
	}
}

// Backspace deletes the character before the cursor.
func (in *Input) Backspace() {
	if in.pos == 0 {
		return
	}
	in.text = append(in.text[:in.pos-1], in.text[in.pos:]...)
	in.pos--
}

// Delete deletes the character under the cursor.
func (in *Input) Delete() {
	if in.pos < len(in.text) {
		in.text = append(in.text[:in.pos], in.text[in.pos+1:]...)
	}
}

// Left moves the cursor one character left.
func (in *Input) Left() { in.pos = max(in.pos-1, 0) }

// Right moves the cursor one character right.
func (in *Input) Right() { in.pos = min(in.pos+1, len(in.text)) }

// Home moves the cursor to the start.
func (in *Input) Home() { in.pos = 0 }

// End moves the cursor to the end.
func (in *Input) End() { in.pos = len(in.text) }

// Reset empties the input.
func (in *Input) Reset() { *in = Input{} }

// Render draws the input in at most width cells and returns the line and
// the display column of the cursor in it. When the text is wider than
// width, it scrolls so that the cursor stays visible.
func (in *Input) Render(width int, text, preedit lipgloss.Style) (string, int) {
	if width <= 0 {
		return "", 0
	}
	pre := []rune(in.pre)
	// Scroll: keep as much of the text before the cursor as fits with the
	// preedit in width-1 cells, so that the cursor stays visible.
	for len(pre) > 0 && ansi.StringWidth(string(pre)) >= width {
		pre = pre[1:]
	}
	before := fitTail(in.text[:in.pos], width-1-ansi.StringWidth(string(pre)))
	after := in.text[in.pos:]
	col := ansi.StringWidth(string(before) + string(pre))
	rest := ansi.Truncate(string(after), max(width-col, 0), "")
	done := max(len(pre)-in.comp, 0)
	line := text.Render(string(before) + string(pre[:done]))
	if done < len(pre) {
		line += preedit.Render(string(pre[done:]))
	}
	if rest != "" {
		line += text.Render(rest)
	}
	return line, min(col, width-1)
}

// fitTail is the longest end of runes at most cells wide. It measures
// each rune once, so scrolling a long pasted text stays linear.
func fitTail(runes []rune, cells int) []rune {
	i, used := len(runes), 0
	for i > 0 {
		w := ansi.StringWidth(string(runes[i-1]))
		if used+w > cells {
			break
		}
		used += w
		i--
	}
	return runes[i:]
}
