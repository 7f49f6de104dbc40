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

// follow reads again, in a command, the cards ids of the session's deck
// (the browser or the sync at start changed them); the study screen's
// keys wait for them.
func (m Model) follow(ids []string) (tea.Model, tea.Cmd) {
	m.followReq = m.request()
	be, req, deck, now := m.cfg.Backend, m.followReq, m.deck.ID, m.cfg.Clock()
	return m, func() tea.Msg {
		cards, err := be.CardsNow(deck, ids, now)
		return followMsg{req: req, cards: cards, err: err}
	}
}

// onFollow has the session follow the cards changed outside it: what
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
		m.study.err = "Changes made outside this session are not in it: " + err.Error()
	case m.session.Phase() == quiz.Finished:
		return m.toSummary()
	case m.session.Question() != shown:
		m.study.ask(m.session.Question())
	}
	return m.typeAhead()
}

// onStoreChanged counts the home screen again after the sync at start,
// and has a session running follow the cards of its deck the sync
// changed (reviewed on another machine): on going back from the browser
// or the stats, after the answer being saved, or now.
func (m Model) onStoreChanged(msg StoreChangedMsg) (tea.Model, tea.Cmd) {
	var recount tea.Cmd
	if m.home.loaded {
		m, recount = m.reloadDecks()
	} else {
		m.recountAfterLoad = true
	}
	if m.session == nil || m.session.Phase() == quiz.Finished || len(msg.Cards[m.deck.ID]) == 0 {
		return m, recount
	}
	ids := msg.Cards[m.deck.ID]
	switch {
	case m.screen == screenBrowse && m.browse.live == m.deck.ID:
		for _, id := range ids {
			m.browse.touch(quiz.CardRow{Deck: m.deck.ID, Card: id})
		}
	case m.screen == screenStats && m.statsFrom == screenStudy:
		m.unfollowed = union(m.unfollowed, ids) // followed on going back
	case m.screen == screenStudy:
		m.unfollowed = union(m.unfollowed, ids)
		if m.followReq != 0 { // a reading of the browser's cards runs: this one replaces it
			m.unfollowed = union(m.unfollowed, m.browse.touched)
		}
		next, cmd := m.followLater()
		return next, tea.Batch(recount, cmd)
	}
	return m, recount
}

// followLater reads the cards the sync changed that the session has yet
// to follow, unless an answer is being saved (onSaved calls it again);
// else it handles the keys typed meanwhile.
func (m Model) followLater() (tea.Model, tea.Cmd) {
	if len(m.unfollowed) == 0 || m.session.Phase() == quiz.Saving {
		return m.typeAhead()
	}
	ids := m.unfollowed
	m.unfollowed = nil
	return m.follow(ids)
}

// union is a with the strings of b it lacks.
func union(a, b []string) []string {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}
