package tui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// Messages of the card browser's commands.
type (
	// cardsOpenedMsg says the backend has read every card.
	cardsOpenedMsg struct {
		req int
		err error
	}
	// cardsFoundMsg carries a search's cards, and where the card to
	// select first is among them (-1: none).
	cardsFoundMsg struct {
		req  int
		list quiz.CardList
		at   int
		err  error
	}
	// cardInfoMsg carries the selected card's history.
	cardInfoMsg struct {
		req  int
		info *quiz.CardInfo
		err  error
	}
	// cardsChangedMsg says an action is done (or undone): undo takes it
	// back, nil for an undo.
	cardsChangedMsg struct {
		done string
		undo func() error
		err  error
	}
)

// browse is the card browser: a search line over every card, the cards
// it finds, and the selected card's info. The root model owns it and
// runs its commands.
type browse struct {
	from    screen // the screen esc goes back to
	total   int    // the cards being read, for the "reading" line
	opened  bool
	openReq int
	findReq int // the search awaited: older results are dropped
	want    quiz.CardRow
	query   Input
	typing  bool // the search line has the keys
	sort    int  // index in quiz.CardSorts
	list    quiz.CardList
	qerr    error // the query does not parse: shown under it
	cursor  int
	top     int // the first row shown
	info    *quiz.CardInfo
	infoReq int
	confirm string // a question y answers: yes runs
	yes     func(Model) (tea.Model, tea.Cmd)
	editing quiz.CardEdit // the card in the editor, or whose errors are shown
	editIn  string        // the deck of the card edited
	undo    func() error  // the last action's undo
	status  string        // what the last action did
	failed  bool          // status is an error
	// live is the deck of the session the browser was opened from ("":
	// none), touched its cards the actions changed (follow.go).
	live    string
	touched []string
	busy    int  // the actions running
	leaving bool // going back once they are done
}

// openBrowse shows the card browser, reading the cards in a command;
// from the study screen it selects the card asked.
func (m Model) openBrowse() (tea.Model, tea.Cmd) {
	b := browse{from: m.screen, typing: true, total: m.cardCount()}
	if m.screen == screenStudy && m.study.q != nil {
		id := m.study.q.Item.ID
		b.want, b.typing, b.live = quiz.CardRow{Deck: id.Deck, Card: id.Card}, false, m.deck.ID
	}
	if m.screen == screenHome && m.startReq != 0 {
		m.startReq, m.home.status = 0, "" // the session starting is not awaited any more
	}
	m.browse, m.screen = b, screenBrowse
	return m.reopen()
}

// cardCount is how many cards the decks on the home screen hold.
func (m Model) cardCount() int {
	n := 0
	for _, d := range m.home.decks {
		n += d.cards
	}
	return n
}

// search runs the query in a command; its results supersede any
// search before.
func (m Model) search() (Model, tea.Cmd) {
	b := &m.browse
	if !b.opened {
		return m, nil
	}
	b.findReq = m.request()
	be, req, q, by, want := m.cfg.Backend, b.findReq, b.query.Value(), quiz.CardSorts[b.sort], b.want
	return m, func() tea.Msg {
		list, err := be.SearchCards(q, by)
		at := -1
		if err == nil && want.Card != "" {
			at = rowOf(list, want)
		}
		return cardsFoundMsg{req: req, list: list, at: at, err: err}
	}
}

// rowOf is where want's card is in list, or -1.
func rowOf(list quiz.CardList, want quiz.CardRow) int {
	for i := range list.Len() {
		if r := list.Row(i); r.Deck == want.Deck && r.Card == want.Card {
			return i
		}
	}
	return -1
}

// onCardsOpened searches all the cards once they are read.
func (m Model) onCardsOpened(msg cardsOpenedMsg) (tea.Model, tea.Cmd) {
	if msg.req != m.browse.openReq || m.screen != screenBrowse {
		return m, nil
	}
	if msg.err != nil {
		m.browse.setStatus("could not read the cards: "+msg.err.Error(), true)
		return m, nil
	}
	m.browse.opened = true
	return m.search()
}

// onCardsFound shows a search's cards, unless a later search is awaited.
func (m Model) onCardsFound(msg cardsFoundMsg) (tea.Model, tea.Cmd) {
	b := &m.browse
	if msg.req != b.findReq || m.screen != screenBrowse {
		return m, nil
	}
	b.qerr = msg.err
	if msg.err != nil {
		return m, nil // the last cards found stay
	}
	b.list, b.cursor, b.top = msg.list, max(msg.at, 0), 0
	b.want = quiz.CardRow{}
	return m, nil
}

// selected is the selected card, if any.
func (b *browse) selected() (quiz.CardRow, bool) {
	if b.list == nil || b.cursor >= b.list.Len() {
		return quiz.CardRow{}, false
	}
	return b.list.Row(b.cursor), true
}

// setStatus shows what an action did, or why it failed.
func (b *browse) setStatus(s string, failed bool) { b.status, b.failed = s, failed }

// move moves the selection by d rows, within the cards.
func (b *browse) move(d int) {
	if b.list == nil || b.list.Len() == 0 {
		return
	}
	b.cursor = max(0, min(b.cursor+d, b.list.Len()-1))
}

// onBrowseKey handles the browser's keys: the info pane's, the search
// line's, then the list's.
func (m Model) onBrowseKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	b, km := &m.browse, m.keys.Browse
	switch {
	case b.info != nil:
		if key.Matches(msg, km.Back) || key.Matches(msg, km.Info) {
			b.info = nil
		}
		return m, nil
	case b.confirm != "":
		return m.onConfirm(msg)
	case b.typing:
		return m.onQueryKey(msg)
	}
	b.setStatus("", false) // read: the keys show again
	switch {
	case key.Matches(msg, km.Back):
		return m.leaveBrowse()
	case key.Matches(msg, km.Up):
		b.move(-1)
	case key.Matches(msg, km.Down):
		b.move(1)
	case key.Matches(msg, km.PageUp):
		b.move(-10)
	case key.Matches(msg, km.PageDown):
		b.move(10)
	case key.Matches(msg, km.Search):
		b.typing = true
	case key.Matches(msg, km.Sort):
		b.sort = (b.sort + 1) % len(quiz.CardSorts)
		return m.search()
	case key.Matches(msg, km.Info):
		return m.cardInfo()
	default:
		return m.onActionKey(msg)
	}
	return m, nil
}

// leaveBrowse goes back to the screen the browser was opened from, once
// the actions running are done: home counts again, the session follows
// the cards changed, as the actions may have changed them.
func (m Model) leaveBrowse() (tea.Model, tea.Cmd) {
	b := &m.browse
	if b.busy > 0 {
		b.leaving = true
		b.setStatus("Going back once the last change is saved"+glyphEllipsis, false)
		return m, nil
	}
	b.leaving = false
	if b.from == screenHome {
		return m.goHome()
	}
	m.screen = b.from
	if len(b.touched) == 0 {
		return m.typeAhead()
	}
	return m.follow(b.touched)
}

// onQueryKey edits the search line (searching at each change), or moves
// the selection, or gives the keys to the list.
func (m Model) onQueryKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	b, km, tk := &m.browse, m.keys.Browse, m.keys.Typing
	before := b.query.Value()
	switch {
	case key.Matches(msg, km.Select):
		b.move(map[string]int{"up": -1, "down": 1}[msg.String()])
	case key.Matches(msg, km.ToList):
		b.typing = false
	case key.Matches(msg, tk.Back): // esc: q and the other letters are typed
		return m.leaveBrowse()
	case key.Matches(msg, tk.Backspace):
		b.query.Backspace()
	default:
		if edit := inputEdit(msg, tk); edit != nil {
			edit(&b.query)
		} else if k := msg.Key(); k.Text != "" && k.Mod&^tea.ModShift == 0 {
			b.query.Insert(k.Text)
		}
	}
	if b.query.Value() != before {
		return m.search()
	}
	return m, nil
}

// cardInfo reads the selected card's history in a command.
func (m Model) cardInfo() (tea.Model, tea.Cmd) {
	row, ok := m.browse.selected()
	if !ok {
		return m, nil
	}
	req := m.request()
	m.browse.infoReq = req
	be, now := m.cfg.Backend, m.cfg.Clock()
	return m, func() tea.Msg {
		info, err := be.CardInfo(row, now)
		return cardInfoMsg{req: req, info: info, err: err}
	}
}

// onCardInfo shows the card's info, if it is still the one asked.
func (m Model) onCardInfo(msg cardInfoMsg) (tea.Model, tea.Cmd) {
	b := &m.browse
	if msg.req != b.infoReq || m.screen != screenBrowse {
		return m, nil
	}
	if msg.err != nil {
		b.setStatus("no card info: "+msg.err.Error(), true)
		return m, nil
	}
	b.info = msg.info
	return m, nil
}

// onActionKey runs an action on the selected card: suspend, bury, flag,
// reset (after y), undo.
func (m Model) onActionKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	b, km, be, now := &m.browse, m.keys.Browse, m.cfg.Backend, m.cfg.Clock()
	row, ok := b.selected()
	if key.Matches(msg, km.Undo) && b.undo != nil {
		undo := b.undo
		b.undo = nil
		return m.acting(func() tea.Msg { return cardsChangedMsg{done: "Undone.", err: undo()} })
	}
	if !ok {
		return m, nil
	}
	// the front is cut so a question about it keeps its y/n on the line
	rows, name := []quiz.CardRow{row}, truncate(termtext.StripLine(row.Front), 20)
	act := func(done string, do func() (func() error, error)) (tea.Model, tea.Cmd) {
		return m.acting(func() tea.Msg {
			undo, err := do()
			return cardsChangedMsg{done: done, undo: undo, err: err}
		})
	}
	switch {
	case key.Matches(msg, km.Suspend):
		b.touch(row)
		on := !row.Suspended
		verb := map[bool]string{true: "Suspended", false: "Unsuspended"}[on]
		return act(verb+" "+name+".", func() (func() error, error) { return be.SuspendCards(rows, on, now) })
	case key.Matches(msg, km.Bury):
		b.touch(row)
		return act("Buried "+name+" until tomorrow.", func() (func() error, error) { return be.BuryCards(rows, now) })
	case key.Matches(msg, km.Reset):
		b.ask("Reset "+name+" to new? Its progress goes (u undoes). y/n", func(m Model) (tea.Model, tea.Cmd) { return m.reset(row) })
	case key.Matches(msg, km.Delete):
		b.ask("Delete "+name+" from its deck's file? y/n", func(m Model) (tea.Model, tea.Cmd) { return m.deleteCard(row) })
	case key.Matches(msg, km.Edit):
		return m.editCard(row.Deck, row.Card, false)
	case key.Matches(msg, km.Add):
		return m.editCard(row.Deck, "", false)
	case matching(msg, km.Flags) >= 0 || key.Matches(msg, km.NoFlag):
		flag := matching(msg, km.Flags) + 1
		return act(fmt.Sprintf("Flag %d on %s.", flag, name), func() (func() error, error) { return be.FlagCards(rows, flag, now) })
	}
	return m, nil
}

// ask shows question until a key answers it: y runs yes.
func (b *browse) ask(question string, yes func(Model) (tea.Model, tea.Cmd)) {
	b.confirm, b.yes = question, yes
}

// onConfirm runs the question's answer on y; any other key declines
// (and gives up an edit whose errors are shown).
func (m Model) onConfirm(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	b := &m.browse
	yes := b.yes
	b.confirm, b.yes = "", nil
	if key.Matches(msg, m.keys.Browse.Yes) {
		return yes(m)
	}
	b.setStatus("Nothing done.", false)
	if b.editing != nil {
		b.editing.Close()
		b.editing = nil
		b.setStatus("Edit abandoned: nothing saved.", false)
	}
	return m, nil
}

// reset makes row's card new again in a command.
func (m Model) reset(row quiz.CardRow) (tea.Model, tea.Cmd) {
	be, now := m.cfg.Backend, m.cfg.Clock()
	done := "Reset " + termtext.StripLine(row.Front) + " to new (u undoes)."
	m.browse.touch(row)
	return m.acting(func() tea.Msg {
		undo, err := be.ResetCards([]quiz.CardRow{row}, now)
		return cardsChangedMsg{done: done, undo: undo, err: err}
	})
}

// onCardsChanged says what an action did and searches again: the
// backend refreshed the rows of the cards changed.
func (m Model) onCardsChanged(msg cardsChangedMsg) (tea.Model, tea.Cmd) {
	b := &m.browse
	if msg.err != nil {
		b.setStatus("Not done: "+msg.err.Error(), true)
		return m, nil
	}
	b.setStatus(msg.done, false)
	if msg.undo != nil {
		b.undo = msg.undo
	}
	// Search again, on the same card: the change may move it or drop it.
	b.want, _ = b.selected()
	return m.search()
}

// browseColumn is a column of the browser after the front and back.
type browseColumn struct {
	title string
	width int
	cell  func(r quiz.CardRow, now time.Time) string
}

// The browser's columns, in the order they go when the screen narrows.
var browseColumns = []browseColumn{
	{"lapses", 6, func(r quiz.CardRow, _ time.Time) string { return fmt.Sprint(r.Lapses) }},
	{"kind", 5, func(r quiz.CardRow, _ time.Time) string { return string(r.Kind) }},
	{"deck", 10, func(r quiz.CardRow, _ time.Time) string { return r.Deck }},
	{"state", 7, func(r quiz.CardRow, _ time.Time) string { return rowState(r) }},
	{"due", 5, func(r quiz.CardRow, now time.Time) string { return rowDue(r, now) }},
}

// rowState is a card's state as its column shows it: suspended and
// buried first, then a flag. A card whose items are in different states
// (a word reviewed one way, new the other) shows its furthest, then its
// least advanced, shortened: "rev·new".
func rowState(r quiz.CardRow) string {
	s := r.State
	short := map[string]string{"new": "new", "learning": "lrn", "review": "rev"}
	switch {
	case r.Suspended:
		s = "susp"
	case r.Buried:
		s = "buried"
	case r.Furthest != "" && r.Furthest != s:
		s = short[r.Furthest] + "·" + short[s]
	case s == "learning":
		s = "learn"
	}
	if r.Flag > 0 {
		s = fmt.Sprintf("%s⚑%d", s, r.Flag)
	}
	return s
}

// rowDue is when a card is next due, in days from now ("now" when due).
func rowDue(r quiz.CardRow, now time.Time) string {
	if r.Due.IsZero() {
		return ""
	}
	if !r.Due.After(now) {
		return "now"
	}
	return fmtInterval(r.Due.Sub(now))
}

// Render draws the browser: a title, the search line with any query
// error under it, the cards (or the info of one), and the keys; and the
// column of the real cursor in the search line while it has the keys.
func (b *browse) Render(st *Styles, km BrowseKeys, sch quiz.Scheduling, now time.Time, width, height int) (string, int) {
	title := st.Title.Render("Cards")
	if b.list != nil {
		title += st.Subtle.Render(fmt.Sprintf("%s%d found%sby %s", glyphSep, b.list.Len(), glyphSep, quiz.CardSorts[b.sort]))
	}
	line, col := b.query.Render(width-2, st.Input, st.Hint)
	head := []string{title, st.Subtle.Render("/ ") + line}
	if b.qerr != nil {
		head = append(head, queryError(st, b.qerr, b.query.Value(), width))
	}
	footer := b.footer(st, km, width, height)
	room := height - len(head) - lines(footer)
	var body string
	switch {
	case b.info != nil:
		body = renderInfo(b.info, st, sch, now, width, room-1)
		if row, ok := b.selected(); ok {
			body = infoTitle(st, row, width) + "\n" + body
		}
	case !b.opened && b.status == "":
		body = st.Subtle.Render(fmt.Sprintf("reading %d cards%s", b.total, glyphEllipsis))
	default:
		body = b.table(st, now, width, room)
	}
	body = fit(body, width, room)
	return fit(strings.Join(head, "\n")+"\n"+body+strings.Repeat("\n", room-lines(body)+1)+footer, width, height), col + 2
}

// queryError is a query's error with a caret under its column (in
// characters: Hangul takes two cells).
func queryError(st *Styles, err error, query string, width int) string {
	var pe interface{ Position() int }
	msg := err.Error()
	if errors.As(err, &pe) {
		runes := []rune(query)
		at := 2 + ansi.StringWidth(string(runes[:max(min(pe.Position()-1, len(runes)), 0)]))
		msg = strings.Repeat(" ", min(at, width/2)) + "^ " + msg
	}
	return st.Error.Render(truncate(termtext.StripLine(msg), width))
}

// footer is the status line, a confirmation, or the keys. A question or
// status wraps over up to height/2 lines, so a long one keeps its end
// (an edit's error, its y/n).
func (b *browse) footer(st *Styles, km BrowseKeys, width, height int) string {
	long := func(s string) string { return fit(wrap(s, width), width, height/2) }
	switch {
	case b.confirm != "":
		return st.Hint.Render(long(b.confirm))
	case b.status != "" && b.failed:
		return st.Error.Render(long(termtext.StripLine(b.status)))
	case b.status != "":
		return st.Subtle.Render(long(termtext.StripLine(b.status)))
	case b.info != nil:
		return keysLine(st, []key.Binding{km.Back}, width, 1)
	case b.typing:
		return keysLine(st, []key.Binding{km.ToList, km.Select, km.Back}, width, 1)
	}
	return keysLine(st, km.ShortHelp(), width, 1)
}

// table is the cards, scrolled to keep the selection in room-1 rows
// under the column titles; columns go from the right as width narrows.
func (b *browse) table(st *Styles, now time.Time, width, room int) string {
	if b.list == nil || room < 2 {
		return ""
	}
	if b.list.Len() == 0 {
		return st.Subtle.Render("No card matches.")
	}
	cols := browseColumns
	used := func() int {
		n := 0
		for _, c := range cols {
			n += c.width + 1
		}
		return n
	}
	for len(cols) > 0 && width-2-used() < 24 {
		cols = cols[1:]
	}
	text := width - 2 - used()
	front := text * 2 / 5
	out := []string{st.Subtle.Render(tableLine("  ", "front", "back", cols, front, text-front-1, func(i int) string { return cols[i].title }))}
	rows := room - 1
	b.top = max(min(b.top, b.cursor), b.cursor-rows+1)
	for i := b.top; i < min(b.list.Len(), b.top+rows); i++ {
		r := b.list.Row(i)
		mark, style := "  ", st.Text
		if i == b.cursor {
			mark, style = glyphFocus, st.Selected
		}
		cells := func(j int) string { return cols[j].cell(r, now) }
		out = append(out, style.Render(tableLine(mark, termtext.StripLine(r.Front), termtext.StripLine(r.Back), cols, front, text-front-1, cells)))
	}
	return strings.Join(out, "\n")
}

// tableLine is one line of the table: the mark, the front and back cut
// to their widths, then the columns, right to left as listed.
func tableLine(mark, front, back string, cols []browseColumn, fw, bw int, cell func(i int) string) string {
	line := mark + pad(front, fw) + " " + pad(back, bw)
	for i := len(cols) - 1; i >= 0; i-- {
		line += " " + pad(termtext.StripLine(cell(i)), cols[i].width)
	}
	return line
}

// pad is s cut or padded to width cells.
func pad(s string, width int) string {
	s = ansi.Truncate(s, width, glyphEllipsis)
	return s + strings.Repeat(" ", max(width-ansi.StringWidth(s), 0))
}
