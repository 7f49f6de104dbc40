package tui

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/moatquiz/moatquiz/quiz"
)

// The session the browser was opened from follows what its actions did:
// the browser notes the cards of the session's deck they change
// (touch), and going back reads them again (follow) for
// quiz.Session.Follow. Going back waits for the actions still running
// (acting, onChanged), so that it reads what they did.

// touch notes that an action changes row's card: when it is of the
// session's deck, going back reads it again for the session.
func (b *browse) touch(row quiz.CardRow) {
	if row.Deck == b.live && !slices.Contains(b.touched, row.Card) {
		b.touched = append(b.touched, row.Card)
	}
}

// acting runs an action's command (a change of the cards): going back
// waits for its result.
func (m Model) acting(cmd tea.Cmd) (tea.Model, tea.Cmd) {
	m.browse.busy++
	return m, cmd
}

// onChanged shows an action's result; with the last one in, a browser
// the learner left meanwhile goes back.
func (m Model) onChanged(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.browse.busy--
	var next tea.Model
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case cardsChangedMsg:
		next, cmd = m.onCardsChanged(msg)
	case editSavedMsg:
		next, cmd = m.onEditSaved(msg)
	case cardDeletedMsg:
		next, cmd = m.onCardDeleted(msg)
	}
	m = next.(Model)
	if !m.browse.leaving || m.browse.busy > 0 {
		return m, cmd
	}
	back, follow := m.leaveBrowse()
	return back, tea.Batch(cmd, follow)
}

// follow reads again, in a command, the cards of the session's deck the
// browser changed; the study screen's keys wait for them.
func (m Model) follow() (tea.Model, tea.Cmd) {
	m.followReq = m.request()
	be, req, deck, ids, now := m.cfg.Backend, m.followReq, m.browse.live, m.browse.touched, m.cfg.Clock()
	return m, func() tea.Msg {
		cards, err := be.CardsNow(deck, ids, now)
		return followMsg{req: req, cards: cards, err: err}
	}
}

// onFollow has the session follow the cards the browser changed: what
// left it is not asked, an edited card is asked in its new text; then
// the keys typed meanwhile are handled. A reading no longer awaited is
// dropped.
func (m Model) onFollow(msg followMsg) (tea.Model, tea.Cmd) {
	if msg.req != m.followReq || m.session == nil {
		return m, nil
	}
	m.followReq = 0
	shown, err := m.session.Question(), msg.err
	if err == nil {
		err = m.session.Follow(msg.cards)
	}
	switch {
	case err != nil:
		m.study.err = "The browser's changes are not in this session: " + err.Error()
	case m.session.Phase() == quiz.Finished:
		return m.toSummary()
	case m.session.Question() != shown:
		m.study.ask(m.session.Question())
	}
	return m.typeAhead()
}
