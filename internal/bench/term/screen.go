// Package term runs a program in a real pseudo-terminal and keeps what it
// shows on a small terminal emulator, so that a benchmark can time when a
// given text appears on the screen. It answers the queries a terminal
// answers (cursor position, modes, background colour) like a plain xterm.
package term

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Screen is a minimal VT emulator: the cursor moves, erasures, scrolling,
// insertions and deletions, and the alternate screen that Bubble Tea's
// renderer uses. Colours and attributes are ignored: only the text
// matters. Wide characters (Hangul) take two cells.
type Screen struct {
	cols, rows int
	cells      [][]string // "" is the right half of a wide character
	main       [][]string // the main screen while the alternate one is shown
	x, y       int
	wrapNext   bool
	top, bot   int // the scrolling region, inclusive
	last       string
	parser     *ansi.Parser
	reply      func(string) // answers queries
}

// NewScreen returns a blank screen; reply, if not nil, receives what the
// terminal would send back to the program.
func NewScreen(cols, rows int, reply func(string)) *Screen {
	s := &Screen{cols: cols, rows: rows, bot: rows - 1, reply: reply}
	s.cells = blank(cols, rows)
	s.parser = ansi.NewParser()
	s.parser.SetHandler(ansi.Handler{
		Print:     s.print,
		Execute:   s.execute,
		HandleCsi: s.csi,
		HandleEsc: s.esc,
		HandleOsc: s.osc,
	})
	return s
}

// blank is an empty page.
func blank(cols, rows int) [][]string {
	c := make([][]string, rows)
	for i := range c {
		c[i] = blankLine(cols)
	}
	return c
}

func blankLine(cols int) []string {
	l := make([]string, cols)
	for i := range l {
		l[i] = " "
	}
	return l
}

// Write feeds program output to the screen.
func (s *Screen) Write(p []byte) (int, error) {
	s.parser.Parse(p)
	return len(p), nil
}

// Text is the screen's text, a line per row without trailing spaces.
func (s *Screen) Text() string {
	lines := make([]string, s.rows)
	for i, row := range s.cells {
		lines[i] = strings.TrimRight(strings.Join(row, ""), " ")
	}
	return strings.Join(lines, "\n")
}

// print writes a character at the cursor.
func (s *Screen) print(r rune) {
	w := ansi.StringWidth(string(r))
	if w == 0 { // a combining mark: add it to the cell before
		if s.x > 0 {
			s.cells[s.y][s.x-1] += string(r)
		}
		return
	}
	if s.wrapNext || s.x+w > s.cols {
		s.wrapNext = false
		s.x = 0
		s.lineFeed()
	}
	s.cells[s.y][s.x] = string(r)
	for i := 1; i < w; i++ {
		s.cells[s.y][s.x+i] = ""
	}
	s.last = string(r)
	s.x += w
	if s.x >= s.cols {
		s.x, s.wrapNext = s.cols-1, true
	}
}

// execute handles a C0 control character.
func (s *Screen) execute(b byte) {
	switch b {
	case '\r':
		s.x, s.wrapNext = 0, false
	case '\n', '\v', '\f':
		s.lineFeed()
	case '\b':
		s.x, s.wrapNext = max(s.x-1, 0), false
	case '\t':
		s.x = min((s.x/8+1)*8, s.cols-1)
	}
}

// lineFeed moves down a line, scrolling at the region's bottom.
func (s *Screen) lineFeed() {
	s.wrapNext = false
	if s.y == s.bot {
		s.scrollUp(1)
		return
	}
	s.y = min(s.y+1, s.rows-1)
}

// scrollUp scrolls the region up n lines.
func (s *Screen) scrollUp(n int) {
	for range min(n, s.bot-s.top+1) {
		copy(s.cells[s.top:s.bot], s.cells[s.top+1:s.bot+1])
		s.cells[s.bot] = blankLine(s.cols)
	}
}

// scrollDown scrolls the region down n lines.
func (s *Screen) scrollDown(n int) {
	for range min(n, s.bot-s.top+1) {
		copy(s.cells[s.top+1:s.bot+1], s.cells[s.top:s.bot])
		s.cells[s.top] = blankLine(s.cols)
	}
}

// moveTo puts the cursor at (x, y), inside the screen.
func (s *Screen) moveTo(x, y int) {
	s.x, s.y, s.wrapNext = min(max(x, 0), s.cols-1), min(max(y, 0), s.rows-1), false
}

// csi handles a control sequence.
func (s *Screen) csi(cmd ansi.Cmd, p ansi.Params) {
	n := func(i, def int) int {
		v, _, _ := p.Param(i, def)
		if v == 0 && def > 0 {
			return def
		}
		return v
	}
	if cmd.Prefix() != 0 || cmd.Intermediate() != 0 {
		s.privateCSI(cmd, p)
		return
	}
	switch cmd.Final() {
	case 'A':
		s.moveTo(s.x, s.y-n(0, 1))
	case 'B', 'e':
		s.moveTo(s.x, s.y+n(0, 1))
	case 'C', 'a':
		s.moveTo(s.x+n(0, 1), s.y)
	case 'D':
		s.moveTo(s.x-n(0, 1), s.y)
	case 'E':
		s.moveTo(0, s.y+n(0, 1))
	case 'F':
		s.moveTo(0, s.y-n(0, 1))
	case 'G', '`':
		s.moveTo(n(0, 1)-1, s.y)
	case 'd':
		s.moveTo(s.x, n(0, 1)-1)
	case 'H', 'f':
		s.moveTo(n(1, 1)-1, n(0, 1)-1)
	case 'J':
		s.eraseDisplay(n(0, 0))
	case 'K':
		s.eraseLine(n(0, 0))
	case 'X':
		s.fill(s.y, s.x, min(s.x+n(0, 1), s.cols))
	case 'b':
		for range n(0, 1) {
			s.print([]rune(s.last + " ")[0])
		}
	case '@':
		s.insertChars(n(0, 1))
	case 'P':
		s.deleteChars(n(0, 1))
	case 'L':
		s.lines(n(0, 1), s.scrollDown)
	case 'M':
		s.lines(n(0, 1), s.scrollUp)
	case 'S':
		s.scrollUp(n(0, 1))
	case 'T':
		s.scrollDown(n(0, 1))
	case 'r':
		s.top, s.bot = n(0, 1)-1, min(n(1, s.rows), s.rows)-1
		s.moveTo(0, 0)
	case 'n':
		if n(0, 0) == 6 && s.reply != nil {
			s.reply(fmt.Sprintf("\x1b[%d;%dR", s.y+1, s.x+1))
		}
	}
}

// privateCSI handles the sequences with a prefix or an intermediate: the
// alternate screen and mode queries.
func (s *Screen) privateCSI(cmd ansi.Cmd, p ansi.Params) {
	mode, _, _ := p.Param(0, 0)
	switch {
	case cmd.Prefix() == '?' && cmd.Final() == 'h' && mode == 1049:
		s.main, s.cells = s.cells, blank(s.cols, s.rows)
	case cmd.Prefix() == '?' && cmd.Final() == 'l' && mode == 1049 && s.main != nil:
		s.cells, s.main = s.main, nil
	case cmd.Prefix() == '?' && cmd.Intermediate() == '$' && cmd.Final() == 'p' && s.reply != nil:
		s.reply(fmt.Sprintf("\x1b[?%d;0$y", mode)) // not recognised, as xterm says of 2026
	}
}

// lines inserts (scrollDown) or deletes (scrollUp) n lines at the cursor
// inside the scrolling region.
func (s *Screen) lines(n int, scroll func(int)) {
	if s.y < s.top || s.y > s.bot {
		return
	}
	top := s.top
	s.top = s.y
	scroll(n)
	s.top = top
	s.x = 0
}

// insertChars shifts the line right of the cursor n cells right.
func (s *Screen) insertChars(n int) {
	row := s.cells[s.y]
	n = min(n, s.cols-s.x)
	copy(row[s.x+n:], row[s.x:s.cols-n])
	s.fill(s.y, s.x, s.x+n)
}

// deleteChars shifts the line right of the cursor n cells left.
func (s *Screen) deleteChars(n int) {
	row := s.cells[s.y]
	n = min(n, s.cols-s.x)
	copy(row[s.x:], row[s.x+n:])
	s.fill(s.y, s.cols-n, s.cols)
}

// eraseDisplay handles ED.
func (s *Screen) eraseDisplay(how int) {
	switch how {
	case 0:
		s.fill(s.y, s.x, s.cols)
		for y := s.y + 1; y < s.rows; y++ {
			s.fill(y, 0, s.cols)
		}
	case 1:
		s.fill(s.y, 0, s.x+1)
		for y := range s.y {
			s.fill(y, 0, s.cols)
		}
	default:
		for y := range s.rows {
			s.fill(y, 0, s.cols)
		}
	}
}

// eraseLine handles EL.
func (s *Screen) eraseLine(how int) {
	switch how {
	case 0:
		s.fill(s.y, s.x, s.cols)
	case 1:
		s.fill(s.y, 0, s.x+1)
	default:
		s.fill(s.y, 0, s.cols)
	}
}

// fill blanks the cells [from, to) of a row.
func (s *Screen) fill(y, from, to int) {
	for x := max(from, 0); x < min(to, s.cols); x++ {
		s.cells[y][x] = " "
	}
}

// esc handles an escape sequence.
func (s *Screen) esc(cmd ansi.Cmd) {
	switch cmd.Final() {
	case 'M': // reverse index
		if s.y == s.top {
			s.scrollDown(1)
		} else {
			s.moveTo(s.x, s.y-1)
		}
	case 'D':
		s.lineFeed()
	case 'E':
		s.x = 0
		s.lineFeed()
	case 'c': // full reset
		s.cells, s.main, s.top, s.bot = blank(s.cols, s.rows), nil, 0, s.rows-1
		s.moveTo(0, 0)
	}
}

// osc answers the background and foreground colour queries: a dark
// terminal.
func (s *Screen) osc(cmd int, data []byte) {
	if s.reply == nil || !strings.HasSuffix(string(data), ";?") {
		return
	}
	switch cmd {
	case 10:
		s.reply("\x1b]10;rgb:ffff/ffff/ffff\x1b\\")
	case 11:
		s.reply("\x1b]11;rgb:0000/0000/0000\x1b\\")
	}
}
