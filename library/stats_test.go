package library

import (
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/stats"
)

// TestStudyStats: the stats screen's figures count what was saved in the
// store, over the learner's decks read whole (the home rows hold only
// headers), and the items of the whole deck.
func TestStudyStats(t *testing.T) {
	dir := t.TempDir()
	db := openStore(t, dir)
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	lib := New(dir)
	deck, err := lib.Deck("article")
	if err != nil {
		t.Fatal(err)
	}
	item := deck.Items()[0]
	st := quiz.ItemState{Card: fsrs.Card{State: fsrs.Learning, Due: now.Add(10 * time.Minute), LastReview: now}, Introduced: now}
	if _, err := db.Record(quiz.Review{Item: item.ID, Rating: fsrs.Good, ReviewedAt: now, Duration: 4 * time.Second,
		Mode: quiz.ModeReview, Question: quiz.QuestionFlip, After: st}); err != nil {
		t.Fatal(err)
	}
	sch := quiz.DefaultScheduling()
	s, err := lib.Study(db, sch, func() time.Time { return now }).Stats(stats.Query{Now: now, Scheduling: sch})
	if err != nil {
		t.Fatal(err)
	}
	if s.Reviews.Today != 1 || s.TimeMS.Today != 4000 {
		t.Errorf("today %d answers in %d ms, want 1 in 4000", s.Reviews.Today, s.TimeMS.Today)
	}
	if n := len(deck.Items()); s.Items.Total != n || s.Items.Learning != 1 || s.Items.New != n-1 {
		t.Errorf("items %+v, want the deck's %d with one learning", s.Items, n)
	}
}
