package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestHomeShowsDeckErrorsAtAnySize: decks that could not be loaded are
// named on the home screen: in full where they fit, else on one line, and
// never hidden.
func TestHomeShowsDeckErrorsAtAnySize(t *testing.T) {
	errs := errors.Join(
		errors.New("/data/decks/a.json:1:1: missing field \"title_en\": add the title in English"),
		errors.New("/data/decks/b.json:4:12: field \"title\" is empty: give the title"),
		errors.New("/data/decks/c.json: deck id \"moat\" is already used"),
	)
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		m := New(Config{
			Backend: backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{testDeck()}, errs }, newMemProgress(), quiz.DefaultScheduling()), Scheduling: quiz.DefaultScheduling(), Clock: func() time.Time { return testNow }, Mono: true,
		})
		m = send(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		m = send(t, m, m.Init()())
		checkFits(t, m)
		if screen := screenText(m); !strings.Contains(screen, "some decks were left out") {
			t.Errorf("at %dx%d the home screen hides the decks left out:\n%s", size[0], size[1], screen)
		}
	}
}
