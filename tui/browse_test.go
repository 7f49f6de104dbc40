package tui

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestBrowseViews compares the card browser with
// testdata/TestBrowseViews/*.golden at 80x24 and 40x12 (-update rewrites
// them): the list, a search, a query error, the info of a studied card.
func TestBrowseViews(t *testing.T) {
	views := []struct {
		name string
		keys []string
	}{
		{"all", []string{"b"}},
		{"search", []string{"b", "해", "자"}},
		{"query error", []string{"b", "해", "("}},
		{"suspended", []string{"b", "enter", "s"}},
		{"reset asks", []string{"b", "enter", "r"}},
		{"info", []string{"b", "enter", "i"}},
	}
	for _, v := range views {
		for _, size := range [][2]int{{80, 24}, {40, 12}} {
			t.Run(fmt.Sprintf("%s_%dx%d", v.name, size[0], size[1]), func(t *testing.T) {
				m := studiedModel(t, size[0], size[1])
				m = press(t, m, v.keys...)
				checkFits(t, m)
				golden.RequireEqual(t, screenText(m))
			})
		}
	}
}

// studiedModel is the app at home after 해자 (ko→en) was answered Easy.
func studiedModel(t *testing.T, w, h int) Model {
	t.Helper()
	d := testDeck()
	m := newDeckModel(t, d, newMemProgress(), &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionFlip, Limit: 1}}, w, h)
	return press(t, m, "space", "4", "enter")
}

// TestBrowseMixedState: a vocab card reviewed one way and new the other
// shows both states in the list, with the reviewed way's due date, and
// each way's state in its info.
func TestBrowseMixedState(t *testing.T) {
	m := press(t, studiedModel(t, 80, 24), "b")
	if row := regexp.MustCompile(`(?m)^. 해자 .*$`).FindString(screenText(m)); !regexp.MustCompile(` 7d +rev·new `).MatchString(row) {
		t.Errorf("the row of 해자, reviewed ko→en only: %q, want due 7d, rev·new", row)
	}
	info := screenText(press(t, m, "enter", "i"))
	if !regexp.MustCompile(`(?m)^ko-en review .* due 7d$`).MatchString(info) || !regexp.MustCompile(`(?m)^en-ko new$`).MatchString(info) {
		t.Errorf("the info of 해자 does not give each way's state:\n%s", info)
	}
}

// TestBrowseFromStudy: b on the study screen opens the browser on the
// card shown, its footer says esc goes back, and esc goes back to the
// question.
func TestBrowseFromStudy(t *testing.T) {
	m := newTestModel(t, newMemProgress(), &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionFlip}}, 80, 24)
	m = press(t, m, "space", "3") // past 해자: the next card shows
	shown := m.session.Question().Item.ID.Card
	m = press(t, m, "b")
	if m.screen != screenBrowse {
		t.Fatalf("b on the study screen shows screen %d", m.screen)
	}
	if r, ok := m.browse.selected(); !ok || r.Card != shown {
		t.Errorf("the browser selects %+v, want the card shown, %s", r, shown)
	}
	if s := screenText(m); !strings.Contains(s, "esc back") {
		t.Errorf("the footer does not say how to go back to the question:\n%s", s)
	}
	m = press(t, m, "esc")
	if m.screen != screenStudy || m.session.Question().Item.ID.Card != shown {
		t.Errorf("esc goes to screen %d, want the study screen on %s", m.screen, shown)
	}
}

// TestBrowseStaleSearch: a search's results that arrive after a later
// search started are dropped.
func TestBrowseStaleSearch(t *testing.T) {
	m := newTestModel(t, newMemProgress(), nil, 80, 24)
	m = press(t, m, "b")
	next, old := m.Update(keyMsg("해"))
	m = next.(Model)
	next, latest := m.Update(keyMsg("자"))
	m = next.(Model)
	m = send(t, m, latest())
	m = send(t, m, old()) // "해" finds more cards than "해자"
	if got := m.browse.list.Len(); got != 2 {
		t.Errorf("after the stale search the list has %d cards, want 해자's 2", got)
	}
}

// TestBrowseActions: suspend shows in the row and undoes; reset needs y;
// o cycles the order; flags show.
func TestBrowseActions(t *testing.T) {
	m := studiedModel(t, 80, 24)
	m = press(t, m, "b", "enter", "s")
	if r, _ := m.browse.selected(); !r.Suspended || !strings.Contains(screenText(m), "susp") {
		t.Fatalf("s leaves %+v unsuspended:\n%s", r, screenText(m))
	}
	m = press(t, m, "u")
	if r, _ := m.browse.selected(); r.Suspended {
		t.Errorf("u leaves %s suspended", r.Card)
	}
	m = press(t, m, "r", "n")
	if r, _ := m.browse.selected(); r.Furthest != "review" {
		t.Errorf("r then n reset the card: %+v", r)
	}
	m = press(t, m, "r", "y")
	if r, _ := m.browse.selected(); r.Furthest != "new" {
		t.Errorf("r then y leaves the card %s", r.Furthest)
	}
	m = press(t, m, "u", "2")
	if r, _ := m.browse.selected(); r.Furthest != "review" || r.Flag != 2 {
		t.Errorf("u then 2: %+v, want review with flag 2", r)
	}
	m = press(t, m, "o")
	if !strings.Contains(screenText(m), "by added") {
		t.Errorf("o does not sort by added:\n%s", screenText(m))
	}
}

// TestBrowseEdit: editing a built-in deck's card asks to copy the deck
// first; an invalid save shows where it is wrong and y opens the editor
// again; a valid save says so and closes the edit.
func TestBrowseEdit(t *testing.T) {
	m := studiedModel(t, 80, 24)
	m = press(t, m, "b", "enter", "e")
	if !strings.Contains(screenText(m), "is built in: copy it to your decks") {
		t.Fatalf("e on a built-in card does not offer the copy:\n%s", screenText(m))
	}
	fake := m.cfg.Backend.(fakeBackend).cards
	fake.saveErrs = []error{fakeErrorList{"card.json:4:5: meanings must be text"}}
	m = press(t, m, "y")
	if !fake.copied || m.browse.editing == nil {
		t.Fatalf("y does not copy the deck and start the edit")
	}
	m = send(t, m, editorDoneMsg{})
	if !strings.Contains(screenText(m), "card.json:4:5: meanings must be text — y: edit again") {
		t.Fatalf("an invalid save does not show its position:\n%s", screenText(m))
	}
	m = press(t, m, "y")
	m = send(t, m, editorDoneMsg{})
	if !strings.Contains(screenText(m), "Saved v-haeja.") || fake.closed != 1 || m.browse.editing != nil {
		t.Errorf("the valid save: closed %d times, screen:\n%s", fake.closed, screenText(m))
	}
	if r, _ := m.browse.selected(); r.Card != "v-haeja" {
		t.Errorf("after the save the browser selects %s", r.Card)
	}
}

// fakeErrorList is a card's errors, as deckfile.ErrorList unwraps.
type fakeErrorList struct{ msg string }

func (e fakeErrorList) Error() string   { return e.msg }
func (e fakeErrorList) Unwrap() []error { return []error{errors.New(e.msg)} }

// TestBrowseQueryTakesLetters: on the search line, q, j, k and ? are
// typed into the query, not taken as keys; esc leaves.
func TestBrowseQueryTakesLetters(t *testing.T) {
	m := newTestModel(t, newMemProgress(), nil, 80, 24)
	m = press(t, m, "b", "q", "j", "k", "?")
	if m.screen != screenBrowse || m.help || m.browse.query.Value() != "qjk?" {
		t.Fatalf("typing qjk? gives screen %d, help %v, query %q", m.screen, m.help, m.browse.query.Value())
	}
	if m = press(t, m, "esc"); m.screen != screenHome {
		t.Errorf("esc on the search line goes to screen %d, want home", m.screen)
	}
}

// TestBrowseLongFrontAsksWholly: the reset question about a card with a
// long front still ends in its y/n at 80 columns.
func TestBrowseLongFrontAsksWholly(t *testing.T) {
	m := newTestModel(t, newMemProgress(), nil, 80, 24)
	m = press(t, m, "b", "공개한", "enter", "r")
	if s := screenText(m); !strings.Contains(s, "(u undoes). y/n") {
		t.Errorf("the reset question loses its y/n:\n%s", s)
	}
}

// TestBrowseEditErrorShowsWhole: an invalid save's error, as long as the
// deck checker's, is shown whole with its y/n at 80 and 40 columns.
func TestBrowseEditErrorShowsWhole(t *testing.T) {
	for _, width := range []int{80, 40} {
		m := studiedModel(t, width, 24)
		m = press(t, m, "b", "enter", "e")
		fake := m.cfg.Backend.(fakeBackend).cards
		fake.saveErrs = []error{fakeErrorList{`moatquiz-card-1198680244.json:9:15: card "h-2e7edc957ce6": field "answer" has an escape character (ESC, U+001B): escape sequences are not allowed in deck text; remove it`}}
		m = send(t, press(t, m, "y"), editorDoneMsg{})
		checkFits(t, m)
		words := strings.Join(strings.Fields(screenText(m)), " ")
		if !strings.Contains(words, "remove it — y: edit again, n: give up") {
			t.Errorf("%d columns: the error or its y/n is cut:\n%s", width, screenText(m))
		}
	}
}
