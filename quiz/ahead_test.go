package quiz

import (
	"testing"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// TestWhyNothingAhead: an empty study-ahead session says why.
func TestWhyNothingAhead(t *testing.T) {
	studied := func(suspended bool) ItemState {
		return ItemState{Card: fsrs.Card{Due: at(24, 9, 0), Stability: 3, Difficulty: 5, State: fsrs.Review,
			ScheduledDays: 3, LastReview: at(21, 9, 0), Reps: 3}, Suspended: suspended, Introduced: at(1, 9, 0)}
	}
	noNew := noFuzz()
	noNew.NewPerDay = 0
	noReviews := noFuzz()
	noReviews.ReviewsPerDay, noReviews.NewPerDay = 0, 0
	tests := []struct {
		name   string
		states func(p *memProgress)
		sch    Scheduling
		opts   Options
		want   AheadEmpty
	}{
		{"never studied, no new cards a day", func(*memProgress) {}, noNew, Options{Ahead: true}, AheadNoneStudied},
		{"studied today", func(p *memProgress) { p.states[id("who", "fact")] = studied(false) }, noFuzz(), Options{Ahead: true}, AheadStudiedToday},
		{"a suspended leech", func(p *memProgress) { p.states[id("who", "fact")] = studied(true) }, noFuzz(), Options{Ahead: true}, AheadSuspended},
		{"no reviews left today", func(*memProgress) {}, noReviews, Options{Ahead: true, Kind: QuestionFlip}, AheadReviewLimit},
		{"not ahead", func(*memProgress) {}, noNew, Options{}, AheadFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := newMem()
			p.states = onlyCards("who")
			delete(p.states, id("who", "fact"))
			tc.states(p)
			_, clock := newClock(at(21, 10, 0))
			s := mustSession(t, testDeck(), p, tc.sch, clock, tc.opts)
			if s.Phase() != Finished {
				t.Fatalf("the session asks %v", s.Question().Item.ID)
			}
			if got := s.WhyNothingAhead(); got != tc.want {
				t.Errorf("WhyNothingAhead = %v, want %v", got, tc.want)
			}
		})
	}
}
