package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestNothingAheadSaysWhy (B7): when a session has nothing to ask, the
// message says why and never suggests the mode that is on (nor ahead
// when ahead would find nothing), in the app and for moatquiz study.
func TestNothingAheadSaysWhy(t *testing.T) {
	studiedToday := func(p *memProgress) {
		for _, it := range testDeck().Items() {
			p.states[it.ID] = quiz.ItemState{Card: fsrs.Card{Due: testNow.Add(48 * time.Hour), Stability: 2, Difficulty: 5,
				State: fsrs.Review, ScheduledDays: 2, LastReview: testNow.Add(-time.Hour), Reps: 1}, Introduced: testNow.Add(-time.Hour)}
		}
	}
	never := func(*memProgress) {}
	noNew := quiz.DefaultScheduling()
	noNew.NewPerDay = 0
	tests := []struct {
		name      string
		progress  func(*memProgress)
		sch       quiz.Scheduling
		opts      quiz.Options
		quitAfter bool // moatquiz study: flags, not modes
		want      []string
		not       []string
	}{
		{"ahead after today's cards", studiedToday, quiz.DefaultScheduling(), quiz.Options{Ahead: true}, false,
			[]string{"Nothing to study ahead: every card due soonest was studied today", "Switch Mode to practice"}, []string{"Mode to ahead"}},
		{"study --ahead after today's cards", studiedToday, quiz.DefaultScheduling(), quiz.Options{Ahead: true}, true,
			[]string{"every card due soonest was studied today", "--practice studies any cards"}, []string{"--ahead", "Switch Mode"}},
		{"ahead, never studied, no new cards", never, noNew, quiz.Options{Ahead: true}, false,
			[]string{"no card of this deck has been studied yet, and new cards per day is 0", "new_per_day"}, []string{"Mode to ahead"}},
		{"review, never studied, no new cards", never, noNew, quiz.Options{}, false,
			[]string{"New-card limit reached: + adds 10 more", "new_per_day"}, []string{"Mode to ahead"}},
		{"review after today's cards", studiedToday, quiz.DefaultScheduling(), quiz.Options{}, false,
			[]string{"the next cards are due in 2d", "Switch Mode to ahead"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := newMemProgress()
			tc.progress(p)
			m := New(Config{
				Backend:    backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{testDeck()}, nil }, p, tc.sch),
				Scheduling: tc.sch, Clock: func() time.Time { return testNow }, Mono: true,
				Start: &Start{Deck: "moat", Options: tc.opts, QuitAfter: tc.quitAfter},
			})
			m = send(t, m, tea.WindowSizeMsg{Width: 200, Height: 24})
			m = send(t, m, m.Init()())
			s := strings.Join(strings.Fields(screenText(m)), " ")
			for _, w := range tc.want {
				if !strings.Contains(s, w) {
					t.Errorf("no %q:\n%s", w, screenText(m))
				}
			}
			for _, w := range tc.not {
				if strings.Contains(s, w) {
					t.Errorf("%q, though it is on or would find nothing:\n%s", w, screenText(m))
				}
			}
		})
	}
}
