package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// renderHelp draws the full key help for a terminal of width x height: the
// groups side by side when they fit; else, in small terminals, the keys
// run together, first the group named first (the current screen's).
func renderHelp(km *KeyMap, st *Styles, first string, width, height int) string {
	groups := km.FullHelp()
	h := st.keyHelp()
	cols := make([]string, len(groups))
	for i, g := range groups {
		cols[i] = st.Title.Render(g.Title) + "\n" + h.FullHelpView(g.Keys.FullHelp())
	}
	title := st.Title.Render("Keys") + "  " + st.Subtle.Render("any key closes")
	body := grid(cols, width)
	if lines(body)+2 > height {
		body = flowing(relevant(groups, first), st, width)
	}
	return fit(title+"\n\n"+body, width, height)
}

// relevant orders the groups for a small terminal: the group titled
// first, the keys that work anywhere, then the others.
func relevant(groups []HelpGroup, first string) []HelpGroup {
	out := make([]HelpGroup, 0, len(groups))
	for _, title := range []string{first, anywhere} {
		for _, g := range groups {
			if g.Title == title {
				out = append(out, g)
			}
		}
	}
	for _, g := range groups {
		if g.Title != first && g.Title != anywhere {
			out = append(out, g)
		}
	}
	return out
}

// flowing is the help for small terminals: each group's title, then its
// keys run together like a footer.
func flowing(groups []HelpGroup, st *Styles, width int) string {
	out := make([]string, 0, len(groups))
	for _, g := range groups {
		var keys []key.Binding
		for _, col := range g.Keys.FullHelp() {
			keys = append(keys, col...)
		}
		out = append(out, st.Title.Render(g.Title)+"\n"+keysLine(st, keys, width, len(keys)))
	}
	return strings.Join(out, "\n")
}

// grid lays the columns out side by side, as many a row as fit in width,
// rows one under the other.
func grid(cols []string, width int) string {
	var rows []string
	for len(cols) > 0 {
		n := len(cols)
		for n > 1 && lipgloss.Width(lipgloss.JoinHorizontal(lipgloss.Top, spaced(cols[:n])...)) > width {
			n--
		}
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, spaced(cols[:n])...))
		cols = cols[n:]
	}
	return strings.Join(rows, "\n\n")
}

// spaced puts three spaces after every column but the last.
func spaced(cols []string) []string {
	out := make([]string, 0, 2*len(cols))
	for i, c := range cols {
		out = append(out, c)
		if i < len(cols)-1 {
			out = append(out, "   ")
		}
	}
	return out
}
