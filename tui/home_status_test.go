package tui

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/open-spaced-repetition/go-fsrs/v4"

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

// TestHomeDeckErrorNamesTheFile: a deck file with an error deep in a long
// data folder is named on home with its position, whole on a line, at 80
// and 40 columns: its path is shortened from the left where the line is
// short.
func TestHomeDeckErrorNamesTheFile(t *testing.T) {
	dir := "/home/a-learner-with-a-long-name/Documents/study/korean/flashcards/moatquiz-data"
	err := errors.New(dir + "/decks/mine.json:3:5: card \"x\": field \"answer\" is empty: give the answer")
	for _, size := range [][2]int{{80, 24}, {80, 12}, {40, 12}} {
		m := New(Config{
			Backend:    backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{testDeck()}, err }, newMemProgress(), quiz.DefaultScheduling()),
			Scheduling: quiz.DefaultScheduling(), Clock: func() time.Time { return testNow }, Mono: true,
		})
		m = send(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		m = send(t, m, m.Init()())
		checkFits(t, m)
		screen := screenText(m)
		if !regexp.MustCompile(`(?m)(^|/)decks/mine\.json:3:5:`).MatchString(screen) || !strings.Contains(screen, "some decks were left out") {
			t.Errorf("at %dx%d home does not name decks/mine.json:3:5 on a line:\n%s", size[0], size[1], screen)
		}
	}
}

// TestHomeRecountsAfterSync: the reviews a sync at start brings in,
// written to the progress after the first counts were read, show in the
// counts when the app hears the store changed, before or after those
// first counts arrive.
func TestHomeRecountsAfterSync(t *testing.T) {
	for _, early := range []bool{false, true} {
		p := newMemProgress()
		m := newTestModel(t, p, nil, 80, 24)
		var first []tea.Msg // the start's loads, read before the sync
		for _, c := range m.Init()().(tea.BatchMsg) {
			if c != nil {
				first = append(first, c())
			}
		}
		for _, it := range testDeck().Items() {
			p.states[it.ID] = quiz.ItemState{Card: fsrs.Card{Due: testNow.Add(48 * time.Hour), Stability: 2, Difficulty: 5,
				State: fsrs.Review, ScheduledDays: 2, LastReview: testNow.Add(-time.Hour), Reps: 1}, Introduced: testNow.Add(-time.Hour)}
		}
		msgs := append(first, StoreChangedMsg{})
		if early {
			msgs = append([]tea.Msg{StoreChangedMsg{}}, first...)
		}
		for _, msg := range msgs {
			m = send(t, m, msg)
		}
		if d := m.home.deck(); d == nil || d.counts.New != 0 {
			t.Errorf("early %v: after the sync home counts %+v, want no new card:\n%s", early, d, screenText(m))
		}
	}
}

// TestShortenPaths: paths of three or more names keep their last two;
// shorter and relative paths, and other words, stay as they are.
func TestShortenPaths(t *testing.T) {
	for in, want := range map[string]string{
		"/home/me/data/decks/mine.json:3:5: bad":   "…/decks/mine.json:3:5: bad",
		"read ~/x/decks/a.json and /tmp/b/c.json.": "read …/decks/a.json and …/b/c.json.",
		`C:\Users\me\decks\mine.json: bad`:         "…/decks/mine.json: bad",
		"decks/mine.json: bad, /a/b too":           "decks/mine.json: bad, /a/b too",
	} {
		if got := shortenPaths(in); got != want {
			t.Errorf("shortenPaths(%q) = %q, want %q", in, got, want)
		}
	}
}
