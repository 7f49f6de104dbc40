package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/moatquiz/moatquiz/internal/lazyregexp"
)

// The smallest terminal the app draws its screens in; below it, it asks for
// a larger one.
const (
	minWidth  = 32
	minHeight = 10
)

// wrap breaks s into lines of at most width cells, at spaces where it can
// and inside long words where it must. Styles are kept across the breaks.
// ansi.Wrap also breaks after any hyphen: a flag such as --glossary is
// kept whole by wrapping it with stand-ins for its hyphens.
func wrap(s string, width int) string {
	if width < 1 {
		return ""
	}
	// Without a hyphen there is no flag; with the stand-in in the text
	// it could not be told apart.
	if !strings.Contains(s, "-") || strings.Contains(s, flagHyphen) {
		return ansi.Wrap(s, width, "")
	}
	guarded := flagPattern().ReplaceAllStringFunc(s, func(f string) string { return strings.ReplaceAll(f, "-", flagHyphen) })
	return strings.ReplaceAll(ansi.Wrap(guarded, width, ""), flagHyphen, "-")
}

// flagPattern is a command-line flag in a message (--glossary,
// --more-new), styled or not: lipgloss may put SGR sequences, which hold
// no hyphen, between any two characters. flagHyphen is the stand-in for
// its hyphens while it is wrapped: the non-breaking hyphen, one cell wide.
var flagPattern = lazyregexp.New(`-` + sgrs + `-` + sgrs + `[A-Za-z](?:` + sgrs + `[A-Za-z0-9-])*`)

// sgrs matches any SGR sequences (styles) in a row.
const sgrs = `(?:\x1b\[[0-9;:]*m)*`

// flagHyphen is the stand-in (flagPattern).
const flagHyphen = "\u2011"

// fit cuts s to at most height lines of at most width cells each: the
// last guard before a view reaches the terminal, so that nothing ever
// wraps or scrolls there.
func fit(s string, width, height int) string {
	if width < 1 || height < 1 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, glyphEllipsis)
		}
	}
	return strings.Join(lines, "\n")
}

// truncate cuts one line to width cells, ending it with … when it is cut.
func truncate(s string, width int) string {
	if width < 1 {
		return ""
	}
	return ansi.Truncate(s, width, glyphEllipsis)
}

// spread puts left and right on one line of width cells, with spaces
// between; when both do not fit, right is dropped and left cut.
func spread(left, right string, width int) string {
	lw, rw := lipgloss.Width(left), lipgloss.Width(right)
	if lw+1+rw > width {
		return truncate(left, width)
	}
	return left + strings.Repeat(" ", width-lw-rw) + right
}

// lines counts the lines of s ("" has none).
func lines(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

// stack joins the non-empty blocks with one blank line between them.
func stack(blocks ...string) string {
	var out []string
	for _, b := range blocks {
		if b != "" {
			out = append(out, b)
		}
	}
	return strings.Join(out, "\n\n")
}

// tooSmall is the message shown when the terminal is smaller than the
// app's screens need, itself cut to the terminal.
func tooSmall(width, height int) string {
	msg := "make the terminal larger (need " + strconv.Itoa(minWidth) + "x" + strconv.Itoa(minHeight) + ")"
	return fit(wrap(msg, width), width, height)
}

// compact reports whether a terminal of this height gets the compact
// layout: no blank line under the header, fewer lines of keys.
func compact(height int) bool { return height < 18 }

// frame lays out a screen of width x height: the header on the first
// lines, a blank line (not in compact terminals), the body cut to the
// room left, and the footer on the last lines. When there is no room for
// the body, the footer goes.
func frame(header, body, footer string, width, height int) string {
	gap := "\n\n"
	if compact(height) {
		gap = "\n"
	}
	room := bodyRoom(lines(header), lines(footer), height)
	if room < 1 {
		return fit(header+gap+body, width, height)
	}
	body = fit(body, width, room)
	return fit(header+gap+body+strings.Repeat("\n", room-lines(body)+1)+footer, width, height)
}

// bodyRoom is how many lines a framed screen's body gets, between a
// header and a footer of so many lines.
func bodyRoom(header, footer, height int) int {
	top := header
	if !compact(height) {
		top++
	}
	return height - top - footer
}

// bodyTop is the line a framed screen's body starts on.
func bodyTop(header string, height int) int {
	if compact(height) {
		return lines(header)
	}
	return lines(header) + 1
}

// keysLine is the enabled bindings, each as the help model's short help
// ("enter check"), in at most maxLines lines of width cells: a footer.
func keysLine(st *Styles, bs []key.Binding, width, maxLines int) string {
	h := st.keyHelp()
	items := make([]string, 0, len(bs))
	for _, b := range bs {
		if b.Enabled() {
			items = append(items, h.ShortHelpView([]key.Binding{b}))
		}
	}
	return pack(items, h.Styles.ShortSeparator.Render(h.ShortSeparator), width, maxLines)
}

// pack joins the items with sep into at most maxLines lines of at most
// width cells, breaking between items; items that do not fit are left
// out (the help has them all).
func pack(items []string, sep string, width, maxLines int) string {
	var out []string
	line := ""
	for _, h := range items {
		switch {
		case line == "":
			line = h
		case lipgloss.Width(line+sep+h) <= width:
			line += sep + h
		default:
			out = append(out, line)
			line = h
		}
	}
	if line != "" {
		out = append(out, line)
	}
	if len(out) > maxLines {
		out = out[:max(maxLines, 0)]
	}
	for i, l := range out {
		out[i] = truncate(l, width)
	}
	return strings.Join(out, "\n")
}
