package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The smallest terminal the app draws its screens in; below it, it asks for
// a larger one.
const (
	minWidth  = 32
	minHeight = 10
)

// wrap breaks s into lines of at most width cells, at spaces where it can
// and inside long words where it must. Styles are kept across the breaks.
func wrap(s string, width int) string {
	if width < 1 {
		return ""
	}
	return ansi.Wrap(s, width, "")
}

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
			lines[i] = ansi.Truncate(l, width, "…")
		}
	}
	return strings.Join(lines, "\n")
}

// truncate cuts one line to width cells, ending it with … when it is cut.
func truncate(s string, width int) string {
	if width < 1 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
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
	top := bodyTop(header, height)
	room := height - top - lines(footer)
	if room < 1 {
		return fit(header+gap+body, width, height)
	}
	body = fit(body, width, room)
	return fit(header+gap+body+strings.Repeat("\n", room-lines(body)+1)+footer, width, height)
}

// bodyTop is the line a framed screen's body starts on.
func bodyTop(header string, height int) int {
	if compact(height) {
		return lines(header)
	}
	return lines(header) + 1
}

// keyHint is a key and what it does, for footers.
func keyHint(st Styles, b key.Binding) string {
	h := b.Help()
	return st.Key.Render(h.Key) + " " + st.Subtle.Render(h.Desc)
}

// footerLine joins the hints with " · " into at most maxLines lines of at
// most width cells, breaking between hints; hints that do not fit are left
// out (the help has them all).
func footerLine(st Styles, hints []string, width, maxLines int) string {
	sep := st.Subtle.Render(" · ")
	var out []string
	line := ""
	for _, h := range hints {
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
