package tui

import (
	tea "charm.land/bubbletea/v2"
)

// View draws the current screen, cut to the terminal, with the real
// cursor in the answer field while a typed answer is written.
func (m Model) View() tea.View {
	content, cursor := m.render()
	v := tea.NewView(content)
	v.Cursor = cursor
	v.AltScreen = true
	v.WindowTitle = "moatquiz"
	// Terminals with the kitty keyboard protocol then also report the key's
	// US-layout code (BaseCode) for keys they send as escape codes, so
	// ctrl+k works with a Korean layout on. Text stays plain text: "report
	// all keys as escape codes" would lose IME input in some terminals.
	v.KeyboardEnhancements.ReportAlternateKeys = true
	return v
}

// size is the size the screens are drawn in: the terminal's, at most
// maxWidth x maxHeight.
func (m Model) size() (int, int) { return min(m.width, maxWidth), min(m.height, maxHeight) }

// small reports whether the terminal is below the size the screens need.
func (m Model) small() bool { return m.width < minWidth || m.height < minHeight }

// maxWidth is the widest the screens are drawn: longer lines are hard to
// read.
const maxWidth = 100

// maxHeight is the most lines the screens are drawn in: a frame's memory
// stays bounded whatever size the terminal reports.
const maxHeight = 500

// render is the screen's content, and the cursor while a typed answer is
// written (nil otherwise).
func (m Model) render() (string, *tea.Cursor) {
	w, h := m.size()
	switch {
	case w < 1 || h < 1:
		return "", nil
	case m.small():
		return tooSmall(w, h), nil
	case m.help:
		return renderHelp(m.helpKeys(), m.styles, m.helpFirst(), w, h), nil
	}
	switch m.screen {
	case screenStudy:
		sv := m.renderStudy(w, h)
		if !sv.cursor {
			return sv.content, nil
		}
		c := tea.NewCursor(sv.x, sv.y)
		c.Shape = tea.CursorBar
		return sv.content, c
	case screenSummary:
		km := m.footerKeys()
		return m.summary.Render(m.styles, &km, m.cfg.Start != nil && m.cfg.Start.QuitAfter, w, h), nil
	case screenStats:
		return m.stats.Render(m.styles, m.keys.Stats, w, h), nil
	case screenMine:
		content, x, y, ok := m.mine.Render(m.styles, m.keys, w, h)
		if !ok {
			return content, nil
		}
		return content, tea.NewCursor(x, y)
	case screenBrowse:
		content, col := m.browse.Render(m.styles, m.keys.Browse, m.cfg.Scheduling, m.cfg.Clock(), w, h)
		if !m.browse.typing || m.browse.info != nil {
			return content, nil
		}
		c := tea.NewCursor(col, 1)
		c.Shape = tea.CursorBar
		return content, c
	}
	return m.home.Render(m.styles, m.keys, w, h), nil
}

// helpKeys are the keys the help lists: without the 2-set Hangul keys
// while the answer asked is not Korean.
func (m Model) helpKeys() *KeyMap {
	km := m.keyMap()
	km.Typing.Compose.SetEnabled(m.screen != screenStudy || m.study.korean())
	return &km
}

// helpFirst is the title of the help group of what is on the screen.
func (m Model) helpFirst() string {
	switch {
	case m.screen == screenStudy && m.typing():
		return "Typing an answer"
	case m.screen == screenStudy:
		return "Study"
	case m.screen == screenStats:
		return "Stats"
	case m.screen == screenSummary:
		return "Summary"
	case m.screen == screenMine:
		return "Mine a text"
	case m.screen == screenBrowse:
		return "Cards"
	}
	return "Home"
}
