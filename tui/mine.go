package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/moatquiz/moatquiz/termtext"
)

// The mine screen (m on the home screen) turns a Korean text into a deck:
// a prompt for the file's path, then the words found, to check or
// uncheck, then the deck of the checked words, written through the
// Backend's Mine in commands (the dictionary loads there, not here).

// MinedWord is one word of a mined text, as the mine screen lists it.
type MinedWord struct {
	Word    string // its dictionary form
	Count   int    // how often the text has it
	Known   bool   // in another deck, or in the learner's known words
	InDeck  bool   // in the deck mined into already
	Meaning string // "" when no meaning is known
}

// Mined is what mining a text found: its words, most frequent first, and
// the deck they go to.
type Mined struct {
	Deck   string // the id of the deck written
	Exists bool   // that deck is there already: its cards are kept
	Words  []MinedWord
	// Write adds the cards of the words given (dictionary forms) to the
	// deck, writes it, and says what it wrote. It runs in a tea.Cmd.
	Write func(words []string) (string, error)
}

// Messages of the mine screen's commands.
type (
	// minedMsg carries the words found in the file asked for.
	minedMsg struct {
		req   int
		mined *Mined
		err   error
	}
	// mineWrittenMsg says what writing the deck did.
	mineWrittenMsg struct {
		req     int
		deck    string
		summary string
		err     error
	}
)

// minePhase is what the mine screen shows.
type minePhase int

const (
	minePrompt  minePhase = iota // the path prompt
	mineLoading                  // the file is read and its words found
	mineList                     // the words, to check
	mineWriting                  // the deck is written
)

// mineScreen is the mine screen's state.
type mineScreen struct {
	phase   minePhase
	input   Input
	path    string // the file read, as expanded
	err     string // why the file could not be mined, or the deck written
	mined   *Mined
	checked []bool // by word
	cursor  int
	req     int // the command awaited
}

// openMine shows the mine screen's path prompt; a session starting is
// not awaited any more.
func (m Model) openMine() (tea.Model, tea.Cmd) {
	m.mine = mineScreen{}
	m.startReq = 0
	m.screen = screenMine
	return m, nil
}

// expandHome turns a leading ~ of a path into the home folder.
func expandHome(path string) string {
	if path != "~" && !strings.HasPrefix(path, "~/") {
		return path
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return path
	}
	return filepath.Join(home, path[1:])
}

// onMineKey handles the mine screen's keys: the prompt's text and
// editing keys as typed, the list's keys as shortcuts.
func (m Model) onMineKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	s, km := &m.mine, m.keys.Mine
	if s.phase == mineWriting {
		return m, nil // a moment: the deck is written, then home says so
	}
	if key.Matches(msg, km.Cancel) {
		m.screen = screenHome
		return m, nil
	}
	switch s.phase {
	case minePrompt:
		return m.onMinePromptKey(msg)
	case mineList:
		return m.onMineListKey(shortcut(msg))
	}
	return m, nil
}

// onMinePromptKey edits the path, or reads the file on enter.
func (m Model) onMinePromptKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	s, tk := &m.mine, m.keys.Typing
	switch {
	case key.Matches(msg, m.keys.Mine.Read):
		path := expandHome(strings.TrimSpace(s.input.Value()))
		if path == "" {
			s.err = "Type the path of a Korean text file first."
			return m, nil
		}
		s.phase, s.path, s.err, s.req = mineLoading, path, "", m.request()
		b, req := m.cfg.Backend, s.req
		return m, func() tea.Msg {
			mined, err := b.Mine(path)
			return minedMsg{req: req, mined: mined, err: err}
		}
	case key.Matches(msg, tk.Backspace):
		s.input.Backspace()
	default:
		if edit := inputEdit(msg, tk); edit != nil {
			edit(&s.input)
		} else if k := msg.Key(); k.Text != "" && k.Mod&^tea.ModShift == 0 {
			s.input.Insert(k.Text)
		}
	}
	return m, nil
}

// onMined shows the words found, or back on the prompt why there are
// none. A result the screen no longer awaits is dropped.
func (m Model) onMined(msg minedMsg) (tea.Model, tea.Cmd) {
	s := &m.mine
	if m.screen != screenMine || msg.req != s.req {
		return m, nil
	}
	switch {
	case msg.err != nil:
		s.phase, s.err = minePrompt, msg.err.Error()
	case len(msg.mined.Words) == 0:
		s.phase, s.err = minePrompt, "No Korean words found in "+s.path+": is it a Korean text?"
	default:
		s.phase, s.mined, s.cursor = mineList, msg.mined, 0
		s.checked = make([]bool, len(msg.mined.Words))
		for i, w := range msg.mined.Words {
			s.checked[i] = !w.Known && !w.InDeck
		}
	}
	return m, nil
}

// onMineListKey moves, checks and unchecks words, or writes the deck of
// the checked ones.
func (m Model) onMineListKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	s, km := &m.mine, m.keys.Mine
	n := len(s.mined.Words)
	s.err = "" // read: a key moves on
	switch {
	case key.Matches(msg, km.Up):
		s.cursor = (s.cursor - 1 + n) % n
	case key.Matches(msg, km.Down):
		s.cursor = (s.cursor + 1) % n
	case key.Matches(msg, km.Toggle):
		if !s.mined.Words[s.cursor].InDeck {
			s.checked[s.cursor] = !s.checked[s.cursor]
		}
	case key.Matches(msg, km.All):
		s.checkAll(s.countChecked() < s.checkable())
	case key.Matches(msg, km.Write):
		return m.writeMined()
	}
	return m, nil
}

// checkAll checks (or unchecks) every word not in the deck already.
func (s *mineScreen) checkAll(on bool) {
	for i, w := range s.mined.Words {
		s.checked[i] = on && !w.InDeck
	}
}

// checkable is how many words can be checked: those not in the deck.
func (s *mineScreen) checkable() int {
	n := 0
	for _, w := range s.mined.Words {
		if !w.InDeck {
			n++
		}
	}
	return n
}

// countChecked is how many words are checked.
func (s *mineScreen) countChecked() int {
	n := 0
	for _, c := range s.checked {
		if c {
			n++
		}
	}
	return n
}

// writeMined writes, in a command, the deck of the checked words.
func (m Model) writeMined() (tea.Model, tea.Cmd) {
	s := &m.mine
	var words []string
	for i, w := range s.mined.Words {
		if s.checked[i] {
			words = append(words, w.Word)
		}
	}
	if len(words) == 0 {
		s.err = "No word is checked: " + m.keys.Mine.Toggle.Help().Key + " checks the word under the cursor."
		return m, nil
	}
	s.phase, s.err, s.req = mineWriting, "", m.request()
	write, deck, req := s.mined.Write, s.mined.Deck, s.req
	return m, func() tea.Msg {
		summary, err := write(words)
		return mineWrittenMsg{req: req, deck: deck, summary: summary, err: err}
	}
}

// onMineWritten goes home to the decks, the new one picked, and says what
// was written; or shows why it was not.
func (m Model) onMineWritten(msg mineWrittenMsg) (tea.Model, tea.Cmd) {
	s := &m.mine
	if m.screen != screenMine || msg.req != s.req {
		return m, nil
	}
	if msg.err != nil {
		s.phase, s.err = mineList, "Not written: "+msg.err.Error()
		return m, nil
	}
	m.screen, m.home.status, m.pickAfterLoad = screenHome, msg.summary, msg.deck
	return m.reloadDecks()
}

// Render draws the mine screen in width x height cells, and where the
// real cursor goes while the path is typed (ok false otherwise).
func (s *mineScreen) Render(st *Styles, km *KeyMap, width, height int) (view string, x, y int, ok bool) {
	title := st.Title.Render("Mine a text")
	if s.phase == minePrompt || s.phase == mineLoading {
		return s.renderPrompt(st, km.Mine, title, width, height)
	}
	title = spread(title, st.Subtle.Render(truncate(s.destination(), max(width-13, 1))), width)
	maxLines := 2
	if compact(height) {
		maxLines = 1
	}
	footer := keysLine(st, s.listKeys(km.Mine), width, maxLines)
	body := s.renderList(st, width, bodyRoom(lines(title), lines(footer), height))
	return frame(title, body, footer, width, height), 0, 0, false
}

// renderPrompt is the path prompt, with the cursor in its field; or,
// while the file is read, the path and what is going on.
func (s *mineScreen) renderPrompt(st *Styles, km MineKeys, title string, width, height int) (view string, x, y int, ok bool) {
	intro := wrap(st.Subtle.Render("A deck of the new words of a Korean text file (plain or Markdown)."), width)
	label := "File: "
	field, col := s.input.Render(width-len(label), st.Input, st.Input)
	var note string
	switch {
	case s.phase == mineLoading:
		field = truncate(termtext.Strip(s.path), width-len(label))
		note = st.Hint.Render("Loading the Korean dictionary and finding the words" + glyphEllipsis + " (a few seconds)")
	case s.err != "":
		note = st.Error.Render(termtext.Strip(s.err))
	}
	body := stack(intro, label+field, wrap(note, width))
	footer := keysLine(st, []key.Binding{km.Read, km.Cancel}, width, 1)
	x, y = len(label)+col, bodyTop(title, height)+lines(intro)+1
	ok = s.phase == minePrompt && y < bodyTop(title, height)+bodyRoom(lines(title), lines(footer), height)
	return frame(title, body, footer, width, height), x, y, ok
}

// destination says which deck the words go to.
func (s *mineScreen) destination() string {
	if s.mined.Exists {
		return fmt.Sprintf("into the deck %q", s.mined.Deck)
	}
	return fmt.Sprintf("new deck %q", s.mined.Deck)
}

// listKeys are the list's footer: enter says how many words it writes.
func (s *mineScreen) listKeys(km MineKeys) []key.Binding {
	write := relabel(km.Write, fmt.Sprintf("write %d", s.countChecked()))
	if s.phase == mineWriting {
		write = relabel(km.Write, "writing"+glyphEllipsis)
	}
	move := relabel(km.Down, "move")
	move.SetHelp("↑↓", "move")
	return []key.Binding{km.Toggle, write, km.All, move, km.Cancel}
}

// renderList is the counts line, then the words around the cursor, one a
// line, in at most room lines; an error goes under the counts.
func (s *mineScreen) renderList(st *Styles, width, room int) string {
	known, inDeck, bare := 0, 0, 0
	for _, w := range s.mined.Words {
		switch {
		case w.InDeck:
			inDeck++
		case w.Known:
			known++
		}
		if w.Meaning == "" && !w.InDeck {
			bare++
		}
	}
	head := fmt.Sprintf("%d words: %d new, %d known, %d in the deck; %d checked, %d without a meaning",
		len(s.mined.Words), len(s.mined.Words)-known-inDeck, known, inDeck, s.countChecked(), bare)
	top := []string{truncate(st.Subtle.Render(head), width)}
	if s.err != "" {
		top = append(top, truncate(st.Error.Render(termtext.Strip(s.err)), width))
	}
	rows := top
	wordWidth := 0
	for _, w := range s.mined.Words {
		wordWidth = min(max(wordWidth, ansi.StringWidth(termtext.Strip(w.Word))), 16)
	}
	first, last := window(len(s.mined.Words), s.cursor, max(room-len(top), 1))
	for i := first; i < last; i++ {
		rows = append(rows, s.wordLine(st, i, wordWidth, width))
	}
	return strings.Join(rows, "\n")
}

// wordLine is one word's row: the cursor, its checkbox, count, word,
// status and meaning.
func (s *mineScreen) wordLine(st *Styles, i, wordWidth, width int) string {
	w := s.mined.Words[i]
	box, status := "[ ]", "new"
	switch {
	case w.InDeck:
		box, status = " - ", "in deck"
	case s.checked[i]:
		box = "[x]"
	}
	if w.Known && !w.InDeck {
		status = "known"
	}
	word := truncate(termtext.Strip(w.Word), wordWidth)
	word += strings.Repeat(" ", max(wordWidth-ansi.StringWidth(word), 0))
	meaning := st.Subtle.Render("(no meaning)")
	if w.Meaning != "" {
		meaning = termtext.OneLine(w.Meaning)
	}
	marker := "  "
	if i == s.cursor {
		marker, word = glyphFocus, st.Selected.Render(word)
	}
	line := fmt.Sprintf("%s%s %3d %s %-7s %s", marker, box, w.Count, word, status, meaning)
	return truncate(line, width)
}
