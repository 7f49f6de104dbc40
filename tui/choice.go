package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/moatquiz/moatquiz/quiz"
)

// The home screen remembers the learner's choices through the Backend:
// it starts on the last deck chosen with that deck's settings, shows each
// deck with its own settings when it is picked, and saves the picked deck
// and its settings whenever they change, in a command, one save at a time
// (a change made meanwhile is saved next). Quitting waits for the save.

type (
	// recall is the remembered choices, read with the first decks.
	recall struct {
		loaded  bool // they were read
		choices []quiz.Choice
		err     error
	}
	// choiceSavedMsg is the result of saving a choice.
	choiceSavedMsg struct{ err error }
)

// recallChoices starts the home screen on the last deck chosen, when it
// is still there, with its remembered settings.
func (m Model) recallChoices(r recall) Model {
	for _, c := range r.choices {
		m.choices[c.Deck] = c
	}
	if r.err != nil && m.home.status == "" {
		m.home.status = "Your last settings could not be read: " + r.err.Error()
	}
	if len(r.choices) > 0 {
		m.home.selectDeck(r.choices[0].Deck)
	}
	m.showChoice(m.picked())
	m.chosen, _ = m.homeChoice()
	return m
}

// onHomeKeyRemembered handles a home screen key; then a deck newly picked
// shows its remembered settings, a changed choice is saved, and the
// picked deck is counted again if its settings shown changed (recount).
func (m Model) onHomeKeyRemembered(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	before := m.picked()
	next, cmd := m.onHomeKey(msg)
	m = next.(Model)
	var save, recount tea.Cmd
	if m.remember && m.screen == screenHome {
		if id := m.picked(); id != before {
			m.showChoice(id)
		}
		m, save = m.saveChoice()
	}
	m, recount = m.recount()
	return m, tea.Batch(cmd, save, recount)
}

// picked is the id of the deck picked on the home screen, "" for none.
func (m Model) picked() string {
	if d := m.home.deck(); d != nil {
		return d.deck.ID
	}
	return ""
}

// showChoice sets the home screen's settings to those remembered for the
// deck; a deck with none keeps the settings shown.
func (m *Model) showChoice(deck string) {
	if c, ok := m.choices[deck]; ok {
		m.home.setOptions(c.Options())
	}
}

// homeChoice is the choice the home screen shows: the picked deck and
// its settings; false with no deck.
func (m Model) homeChoice() (quiz.Choice, bool) {
	id := m.picked()
	return quiz.ChoiceOf(id, m.home.options()), id != ""
}

// choicePending reports whether a choice is being saved or waits to be.
func (m Model) choicePending() bool {
	c, ok := m.homeChoice()
	return m.remember && (m.choosing || ok && c != m.chosen)
}

// saveChoice saves the home screen's choice in a command, unless it is
// the one saved last or a save runs (its end saves the choice then).
func (m Model) saveChoice() (Model, tea.Cmd) {
	c, ok := m.homeChoice()
	if !m.remember || m.choosing || !ok || c == m.chosen {
		return m, nil
	}
	m.choosing, m.chosen, m.choices[c.Deck] = true, c, c
	b := m.cfg.Backend
	return m, func() tea.Msg { return choiceSavedMsg{err: b.SaveChoice(c)} }
}

// onChoiceSaved ends a save: it says when it failed, then saves a choice
// made meanwhile, or quits when the learner asked to.
func (m Model) onChoiceSaved(msg choiceSavedMsg) (tea.Model, tea.Cmd) {
	m.choosing = false
	if msg.err != nil {
		m.home.status = "Your settings were not remembered: " + msg.err.Error()
		if m.quitting && m.err == nil {
			m.err = fmt.Errorf("your settings were not remembered: %w", msg.err)
		}
	}
	if m.quitting {
		return m.quit()
	}
	return m.saveChoice()
}
