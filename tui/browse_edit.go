package tui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// Messages of editing cards.
type (
	// editStartedMsg carries a card edit ready for the editor, or why
	// not (a built-in deck: copy it first).
	editStartedMsg struct {
		deck, card string
		edit       quiz.CardEdit
		err        error
	}
	// editorDoneMsg says the editor exited, with err when it failed.
	editorDoneMsg struct{ err error }
	// editSavedMsg is what saving the editor's file did.
	editSavedMsg struct {
		card *quiz.Card
		err  error
	}
	// cardDeletedMsg says a card is deleted, or why not.
	cardDeletedMsg struct{ err error }
)

// editCard starts editing a card (card "" adds one to deck) in a
// command; copy first copies a built-in deck to the learner's.
func (m Model) editCard(deck, card string, copyBuiltin bool) (tea.Model, tea.Cmd) {
	be := m.cfg.Backend
	if card != "" {
		m.browse.touch(quiz.CardRow{Deck: deck, Card: card})
	}
	return m, func() tea.Msg {
		var e quiz.CardEdit
		var err error
		if card == "" {
			e, err = be.NewCard(deck, copyBuiltin)
		} else {
			e, err = be.EditCard(deck, card, copyBuiltin)
		}
		return editStartedMsg{deck: deck, card: card, edit: e, err: err}
	}
}

// onEditStarted opens the editor, or offers to copy a built-in deck;
// once the learner has left the browser, it gives the edit up.
func (m Model) onEditStarted(msg editStartedMsg) (tea.Model, tea.Cmd) {
	b := &m.browse
	var builtin interface{ BuiltinDeck() string }
	switch {
	case m.screen != screenBrowse:
		if msg.edit != nil {
			msg.edit.Close()
		}
		return m, nil
	case errors.As(msg.err, &builtin):
		b.ask("Deck "+termtext.StripLine(msg.deck)+" is built in: copy it to your decks to edit it? (progress stays) y/n",
			func(m Model) (tea.Model, tea.Cmd) { return m.editCard(msg.deck, msg.card, true) })
		return m, nil
	case msg.err != nil:
		b.setStatus("Cannot edit: "+msg.err.Error(), true)
		return m, nil
	}
	b.editing, b.editIn = msg.edit, msg.deck
	return m, openEditor(msg.edit)
}

// openEditor runs the learner's editor on the edit's file, the app
// suspended meanwhile.
func openEditor(e quiz.CardEdit) tea.Cmd {
	return tea.ExecProcess(e.Command(), func(err error) tea.Msg { return editorDoneMsg{err} })
}

// onEditorDone saves what the editor left, in a command.
func (m Model) onEditorDone(msg editorDoneMsg) (tea.Model, tea.Cmd) {
	e := m.browse.editing
	if e == nil {
		return m, nil
	}
	return m.acting(func() tea.Msg {
		card, err := e.Save(msg.err)
		return editSavedMsg{card: card, err: err}
	})
}

// onEditSaved reads the cards again on the card saved; an invalid card
// shows its first error and offers the editor again, the learner's text
// kept.
func (m Model) onEditSaved(msg editSavedMsg) (tea.Model, tea.Cmd) {
	b := &m.browse
	var list interface{ Unwrap() []error } // the card's errors, with their line:col
	switch {
	case errors.As(msg.err, &list):
		b.ask(firstLine(termtext.StripLine(list.Unwrap()[0].Error()))+" — y: edit again, n: give up",
			func(m Model) (tea.Model, tea.Cmd) { return m, openEditor(m.browse.editing) })
		return m, nil
	case msg.err != nil:
		b.setStatus(msg.err.Error(), true)
	default:
		b.setStatus("Saved "+termtext.StripLine(msg.card.ID)+".", false)
		b.want = quiz.CardRow{Deck: b.editIn, Card: msg.card.ID}
	}
	b.editing.Close()
	b.editing = nil
	return m.reopen()
}

// deleteCard removes row's card from its deck in a command.
func (m Model) deleteCard(row quiz.CardRow) (tea.Model, tea.Cmd) {
	be := m.cfg.Backend
	m.browse.touch(row)
	return m.acting(func() tea.Msg { return cardDeletedMsg{be.DeleteCard(row.Deck, row.Card)} })
}

// onCardDeleted reads the cards again, or says why the card stays.
func (m Model) onCardDeleted(msg cardDeletedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.browse.setStatus("Not deleted: "+msg.err.Error(), true)
		return m, nil
	}
	m.browse.setStatus("Deleted.", false)
	return m.reopen()
}

// reopen reads every card again (a deck file changed), keeping the
// query, the order and the card to select.
func (m Model) reopen() (tea.Model, tea.Cmd) {
	b := &m.browse
	b.opened, b.openReq = false, m.request()
	be, req, now := m.cfg.Backend, b.openReq, m.cfg.Clock()
	return m, func() tea.Msg {
		_, err := be.OpenCards(now)
		return cardsOpenedMsg{req: req, err: err}
	}
}
