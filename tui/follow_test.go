package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// flipping is the app studying testDeck with flip questions: 해자 first,
// then leak, 유출 and the cloze card, all new.
func flipping(t *testing.T) Model {
	t.Helper()
	return studying(t, newMemProgress(), quiz.Options{Kind: quiz.QuestionFlip}, 80, 24)
}

// TestBrowseSuspendLeavesSession: the card shown, suspended in the
// browser, is not asked when the learner comes back: the next card is,
// ungraded, and the counts drop; it is not asked later either.
func TestBrowseSuspendLeavesSession(t *testing.T) {
	m := flipping(t)
	if !strings.Contains(screenText(m), "new 4") {
		t.Fatalf("the session does not start with 4 new:\n%s", screenText(m))
	}
	m = press(t, m, "b", "s", "esc")
	q := m.session.Question()
	if m.screen != screenStudy || q == nil || q.Item.ID.Card == "v-haeja" {
		t.Fatalf("back from suspending 해자: screen %d asks %v, want the next card", m.screen, q)
	}
	p := m.cfg.Backend.(fakeBackend).progress
	if text := screenText(m); !strings.Contains(text, "new 3") || p.count() != 0 {
		t.Errorf("after 해자 left: %d reviews saved, screen:\n%s\nwant none saved and new 3", p.count(), text)
	}
	for range 10 {
		if m.screen != screenStudy {
			break
		}
		if m.session.Question().Item.ID.Card == "v-haeja" {
			t.Fatalf("the suspended 해자 is asked again")
		}
		m = press(t, m, "space", "4")
	}
}

// TestBrowseEditShowsInSession: the card shown, edited in the browser,
// is asked in its new text when the learner comes back.
func TestBrowseEditShowsInSession(t *testing.T) {
	m := flipping(t)
	fake := m.cfg.Backend.(fakeBackend).cards
	edited := testDeck().Cards[0]
	edited.Word = "해자들"
	fake.saveAs = &edited
	m = press(t, m, "b", "e", "y") // the deck is built in: y copies it
	m = send(t, m, editorDoneMsg{})
	m = press(t, m, "esc")
	if text := screenText(m); m.screen != screenStudy || !strings.Contains(text, "해자들") {
		t.Errorf("back from the edit, screen %d shows:\n%s\nwant the new word 해자들", m.screen, text)
	}
}

// TestBrowseThenUndo: after coming back from the browser, where the card
// shown was suspended, undo still takes back the answer before it.
func TestBrowseThenUndo(t *testing.T) {
	m := flipping(t)
	m = press(t, m, "space", "3") // 해자 answered: leak shows
	m = press(t, m, "b", "s", "esc", "u")
	p := m.cfg.Backend.(fakeBackend).progress
	if q := m.session.Question(); q == nil || q.Item.ID.Card != "v-haeja" || p.count() != 0 {
		t.Fatalf("undo after the browser asks %v with %d reviews saved, want 해자 again and none", q, p.count())
	}
	m = press(t, m, "space", "3")
	if q := m.session.Question(); q == nil || q.Item.ID.Card == "leak" {
		t.Errorf("after the undo the suspended leak card is asked again")
	}
}

// TestBrowseAnsweredThenUndo: the card just answered, suspended, buried
// or reset in the browser, leaves the session; undo then takes back its
// answer but does not ask it again: the card shown stays, and the
// session goes on without it.
func TestBrowseAnsweredThenUndo(t *testing.T) {
	for name, keys := range map[string][]string{"suspend": {"s"}, "bury": {"-"}, "reset": {"r", "y"}} {
		t.Run(name, func(t *testing.T) {
			m := flipping(t)
			m = press(t, m, "space", "3") // 해자 answered: leak shows
			m = press(t, m, "b", "k")     // 해자 selected
			m = press(t, m, keys...)
			m = press(t, m, "esc", "u")
			p := m.cfg.Backend.(fakeBackend).progress
			if q := m.session.Question(); q == nil || q.Item.ID.Card != "leak" || p.count() != 0 {
				t.Fatalf("undo after the browser asks %v with %d reviews saved, want leak still and none", q, p.count())
			}
			for m.screen == screenStudy {
				if m.session.Question().Item.ID.Card == "v-haeja" {
					t.Fatalf("after the undo 해자, which left, is asked again:\n%s", screenText(m))
				}
				m = press(t, m, "space", "4")
			}
		})
	}
}

// TestBrowseAllLeftThenUndo: with every card suspended in the browser
// the session ends; undo on the summary then takes back the one answer
// but asks nothing (its card left too): the summary stays, counting
// no answer.
func TestBrowseAllLeftThenUndo(t *testing.T) {
	m := flipping(t)
	m = press(t, m, "space", "3", "b", "s", "j", "s", "j", "s", "k", "k", "k", "s", "esc")
	if m.screen != screenSummary {
		t.Fatalf("with every card suspended the session is on screen %d, want the summary", m.screen)
	}
	m = press(t, m, "u")
	p := m.cfg.Backend.(fakeBackend).progress
	if text := screenText(m); m.screen != screenSummary || !strings.Contains(text, "No cards were answered.") || p.count() != 0 {
		t.Errorf("after the undo, screen %d with %d reviews saved shows:\n%s\nwant the summary with no answer", m.screen, p.count(), text)
	}
}

// TestBrowseBackWaitsForAction: esc pressed before an action is saved
// goes back once it is, and the session follows it; keys typed
// meanwhile wait for the session.
func TestBrowseBackWaitsForAction(t *testing.T) {
	m := flipping(t)
	m = press(t, m, "b")
	next, suspend := m.Update(keyMsg("s"))
	m = next.(Model)
	m = press(t, m, "esc", "space")
	if m.screen != screenBrowse {
		t.Fatalf("esc while suspending goes to screen %d at once", m.screen)
	}
	m = send(t, m, suspend())
	if q := m.session.Question(); m.screen != screenStudy || q.Item.ID.Card == "v-haeja" || m.session.Phase() != quiz.Answered {
		t.Errorf("once suspended: screen %d, %v in phase %v; want the next card revealed by the space typed", m.screen, q.Item.ID, m.session.Phase())
	}
}

// TestBrowseEditAfterLeaving: an edit that starts once the learner has
// gone back to the session is given up: no editor opens over the study
// screen.
func TestBrowseEditAfterLeaving(t *testing.T) {
	m := flipping(t)
	fake := m.cfg.Backend.(fakeBackend).cards
	fake.copied = true
	m = press(t, m, "b")
	next, edit := m.Update(keyMsg("e"))
	m = press(t, next.(Model), "esc")
	next, cmd := m.Update(edit())
	if m = next.(Model); cmd != nil || m.browse.editing != nil || fake.closed != 1 || m.screen != screenStudy {
		t.Errorf("the late edit: command %v, editing %v, closed %d times, screen %d; want none, given up, study", cmd != nil, m.browse.editing, fake.closed, m.screen)
	}
}

// reviewedElsewhere gives card's items in p the state a review on another
// machine left: due in two days, as a sync at start merges it.
func reviewedElsewhere(p *memProgress, card string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, it := range testDeck().Items() {
		if it.ID.Card == card {
			p.states[it.ID] = quiz.ItemState{Card: fsrs.Card{Due: testNow.Add(48 * time.Hour), Stability: 2, Difficulty: 5,
				State: fsrs.Review, ScheduledDays: 2, LastReview: testNow.Add(-time.Hour), Reps: 1}, Introduced: testNow.Add(-time.Hour)}
		}
	}
}

// TestSyncFollowLeavesSession: the sync at start, done while a session
// runs, brought in a review of the card shown from another machine: the
// next card is shown, ungraded, and the counts drop.
func TestSyncFollowLeavesSession(t *testing.T) {
	m := flipping(t)
	p := m.cfg.Backend.(fakeBackend).progress
	reviewedElsewhere(p, "v-haeja")
	m = send(t, m, StoreChangedMsg{Cards: map[string][]string{"moat": {"v-haeja"}}})
	q := m.session.Question()
	if m.screen != screenStudy || q == nil || q.Item.ID.Card == "v-haeja" {
		t.Fatalf("after the sync: screen %d asks %v, want the next card", m.screen, q)
	}
	if text := screenText(m); !strings.Contains(text, "new 3") || p.count() != 0 {
		t.Errorf("after 해자 left: %d reviews saved, screen:\n%s\nwant none saved and new 3", p.count(), text)
	}
}

// TestSyncFollowWaitsForSave: the sync's result, come while an answer is
// saved, is followed once it is saved: the card it changed is not asked
// next, and the key typed meanwhile then reveals the card asked.
func TestSyncFollowWaitsForSave(t *testing.T) {
	m := press(t, flipping(t), "space")
	next, save := m.Update(keyMsg("3"))
	m = next.(Model)
	p := m.cfg.Backend.(fakeBackend).progress
	reviewedElsewhere(p, "leak")
	m = send(t, m, StoreChangedMsg{Cards: map[string][]string{"moat": {"leak"}}})
	m = press(t, m, "space") // held: the answer is being saved
	m = send(t, m, save())
	q := m.session.Question()
	if q == nil || q.Item.ID.Card == "leak" || q.Item.ID.Card == "v-haeja" || p.count() != 1 {
		t.Fatalf("after the save and the sync: asks %v with %d reviews saved, want neither 해자 nor leak, 1 saved", q, p.count())
	}
	if m.session.Phase() != quiz.Answered {
		t.Errorf("the space typed during the save did not reveal %v:\n%s", q, screenText(m))
	}
}
