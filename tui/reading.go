package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/moatquiz/moatquiz/termtext"
)

// Reading is how far the first reading of a large deck file has got: a
// new or changed deck is parsed and indexed, seconds at 100,000 cards,
// and the home screen says so while its decks load.
type Reading struct {
	Name    string // the deck file's name
	Percent int    // how much of it is read, 0 to 100
	Done    bool   // read and indexed
}

// String says what is read and how far, in a line.
func (r Reading) String() string {
	return fmt.Sprintf("reading the new deck %s: %d%%", termtext.Strip(r.Name), r.Percent)
}

// readingMsg is a report from Config.Readings.
type readingMsg Reading

// awaitReading waits for the next report on readings: the model asks
// again after each, so reports arrive one at a time, never queued in
// Update. A closed channel ends the wait for good.
func awaitReading(readings <-chan Reading) tea.Cmd {
	if readings == nil {
		return nil
	}
	return func() tea.Msg {
		r, ok := <-readings
		if !ok {
			return nil
		}
		return readingMsg(r)
	}
}

// onReading shows a report on the home screen while its decks load.
func (m Model) onReading(msg readingMsg) (tea.Model, tea.Cmd) {
	m.home.reading = ""
	if !msg.Done {
		m.home.reading = Reading(msg).String()
	}
	return m, awaitReading(m.cfg.Readings)
}
