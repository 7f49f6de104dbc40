package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// renderHelp draws the key help for a terminal of width x height: first
// the group of the screen shown (titled first), then the keys that work
// anywhere and the other screens' groups, each whole or not at all, as
// many as fit. A group's topic columns stand side by side when they fit,
// else one under the other; in the smallest terminals the screen's own
// group loses its last columns, whose keys its footer shows. When keys
// are left out, a note under them says where they are.
func renderHelp(km *KeyMap, st *Styles, first string, width, height int) string {
	groups := relevant(km.FullHelp(), first)
	page, note, n := helpPage(groups, st, width, height)
	if note == "" {
		return fit(page, width, height)
	}
	// Room for the note: the page laid out again above it, kept when it
	// shows as many of the screen's own keys.
	for _, sep := range []string{"\n\n", "\n"} {
		if p, _, m := helpPage(groups, st, width, height-lines(sep+note)+1); m >= n {
			return fit(p+sep+st.Subtle.Render(note), width, height)
		}
	}
	return fit(page, width, height)
}

// helpPage lays the groups out in width x height as renderHelp does,
// without a note; it returns the note the page needs and how many of the
// screen's own columns (n) it shows.
func helpPage(groups []HelpGroup, st *Styles, width, height int) (page, note string, n int) {
	head := st.Title.Render("Keys") + "  " + st.Subtle.Render("any key closes")
	gap := "\n\n"
	own, n := helpBlock(groups[0], st, width, height-2)
	if tight, m := helpBlock(groups[0], st, width, height-1); m > n || lines(own) > height-2 {
		gap, own, n = "\n", tight, m
	}
	blocks, shown, room := []string{own}, groups[:1], height-len(gap)
	for _, g := range groups[1:] {
		b, _ := helpBlock(g, st, width, room)
		more := append(slices.Clip(blocks), b)
		if lines(grid(more, width, "\n\n")) <= room {
			blocks, shown = more, append(slices.Clip(shown), g)
		}
	}
	anywhereShown := slices.ContainsFunc(shown, func(g HelpGroup) bool { return g.Title == anywhere })
	note = helpNote(n < len(groups[0].Keys.FullHelp()) || !anywhereShown, len(shown) < len(groups))
	return head + gap + grid(blocks, width, "\n\n"), note, n
}

// helpNote says where the keys left out of the help are: in a larger
// terminal (the screen's own or those that work anywhere), or on their
// screens.
func helpNote(inLarger, groupsLeft bool) string {
	switch {
	case inLarger:
		return "more keys in a larger terminal"
	case groupsLeft:
		return "each screen's ? shows its keys"
	}
	return ""
}

// helpBlock is a group's title and its topic columns, as many (n) as fit
// in height: the later ones are left out first. Columns that do not fit
// side by side go one under the other, a blank line between topics, or
// where that is too tall, aligned and without the blank.
func helpBlock(g HelpGroup, st *Styles, width, height int) (block string, n int) {
	topics := g.Keys.FullHelp()
	for n = len(topics); ; n-- {
		loose := grid(helpColumns(topics[:n], st, 0), width, "\n\n")
		tight := grid(helpColumns(topics[:n], st, keyWidth(topics[:n])), width, "\n")
		for _, body := range []string{loose, tight} {
			if block = st.Title.Render(g.Title) + "\n" + body; n <= 1 || lines(block) <= height {
				return block, n
			}
		}
	}
}

// helpColumns renders each topic as a column of keys and what they do,
// the keys padded to keys cells (0: as wide as the column's widest).
func helpColumns(topics [][]key.Binding, st *Styles, keys int) []string {
	h := st.keyHelp()
	if keys > 0 {
		h.Styles.FullKey = h.Styles.FullKey.Width(keys + 1)
	}
	var cols []string
	for _, t := range topics {
		if c := h.FullHelpView([][]key.Binding{t}); c != "" {
			cols = append(cols, c)
		}
	}
	return cols
}

// keyWidth is the widest key label of the enabled bindings.
func keyWidth(topics [][]key.Binding) int {
	w := 0
	for _, t := range topics {
		for _, b := range t {
			if b.Enabled() {
				w = max(w, lipgloss.Width(b.Help().Key))
			}
		}
	}
	return w
}

// relevant orders the groups: the group titled first, the keys that work
// anywhere, then the others.
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

// grid lays the columns out side by side, as many a row as fit in width,
// the rows one under the other, sep between them.
func grid(cols []string, width int, sep string) string {
	var rows []string
	for len(cols) > 0 {
		n := len(cols)
		for n > 1 && lipgloss.Width(lipgloss.JoinHorizontal(lipgloss.Top, spaced(cols[:n])...)) > width {
			n--
		}
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, spaced(cols[:n])...))
		cols = cols[n:]
	}
	return strings.Join(rows, sep)
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
