package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestReadingShownWhileDecksLoad: while the decks load, the home screen
// says how far a new deck's first reading has got, report after report
// (each awaited in a command), foreign text made safe; the line goes when
// the reading is done, and when the decks arrive.
func TestReadingShownWhileDecksLoad(t *testing.T) {
	readings := make(chan Reading, 1)
	p := newMemProgress()
	m := New(Config{
		Backend:  backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{testDeck()}, nil }, p, quiz.DefaultScheduling()),
		Clock:    func() time.Time { return testNow },
		Mono:     true,
		Readings: readings,
	})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	next, wait := m.Update(readingMsg{Name: "big\x1b[2J.json", Percent: 12})
	m = next.(Model)
	if got := m.View().Content; !strings.Contains(screenText(m), "reading the new deck big.json: 12%") || strings.Contains(got, "\x1b[2J") {
		t.Errorf("first report shows\n%q", got)
	}
	readings <- Reading{Name: "big.json", Percent: 57}
	next, wait = m.Update(wait())
	m = next.(Model)
	if got := screenText(m); !strings.Contains(got, "big.json: 57%") || strings.Contains(got, "12%") {
		t.Errorf("second report shows\n%s", got)
	}
	readings <- Reading{Name: "big.json", Percent: 100, Done: true}
	next, _ = m.Update(wait())
	m = next.(Model)
	if got := screenText(m); strings.Contains(got, "big.json") || !strings.Contains(got, "loading decks") {
		t.Errorf("after the reading is done the screen shows\n%s", got)
	}
	next, wait = m.Update(readingMsg{Name: "other.json", Percent: 3})
	m = next.(Model)
	close(readings)
	m = send(t, m, loadDecks(m.cfg, m.decksReq, false, nil)())
	if got := screenText(m); strings.Contains(got, "other.json") || !strings.Contains(got, testDeck().Title) {
		t.Errorf("once the decks are loaded the screen shows\n%s", got)
	}
	if wait() != nil {
		t.Error("a closed channel of readings did not end the wait")
	}
}
