package library

import (
	"reflect"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestShownIntervalIsSaved (B23): a review card's grade buttons, looked at
// twice before the answer, show the same intervals; the answer comes
// later, and the due saved in the database is the one the button showed.
func TestShownIntervalIsSaved(t *testing.T) {
	dir := t.TempDir()
	lib, db := New(dir), openStore(t, dir)
	deck := &quiz.Deck{Format: quiz.FormatVersion, ID: "one", Title: "하나", TitleEn: "One", Lang: "ko", Source: quiz.Source{Publisher: "아시아경제"},
		Cards: []quiz.Card{{ID: "moat", Kind: quiz.KindFact, Prompt: "해자는?", PromptEn: "A moat?", Answer: "기술력", AnswerEn: "an edge"}}}
	writeDeck(t, lib, deck)
	now := time.Date(2027, 1, 20, 9, 0, 0, 0, time.UTC)
	last := now.AddDate(0, 0, -19)
	item := quiz.ItemID{Deck: "one", Card: "moat", Item: quiz.ItemFact}
	after := quiz.ItemState{Card: fsrs.Card{Due: now.Add(-time.Hour), Stability: 19, Difficulty: 5, ScheduledDays: 19,
		Reps: 4, State: fsrs.Review, LastReview: last}, Introduced: last.AddDate(0, 0, -5)}
	if _, err := db.Record(quiz.Review{Item: item, Rating: fsrs.Good, ReviewedAt: last, Mode: quiz.ModeReview,
		Question: quiz.QuestionFlip, After: after}); err != nil {
		t.Fatal(err)
	}
	clock := now
	study := lib.Study(db, quiz.DefaultScheduling(), func() time.Time { return clock })
	s, err := study.StartSession(deck, quiz.Options{})
	if err != nil {
		t.Fatal(err)
	}
	shown := s.Intervals()
	clock = clock.Add(23 * time.Second)
	if again := s.Intervals(); !reflect.DeepEqual(again, shown) {
		t.Errorf("the buttons showed %v, then %v", shown, again)
	}
	clock = clock.Add(40 * time.Minute)
	s.Reveal()
	op, err := s.Grade(fsrs.Good)
	if err != nil {
		t.Fatal(err)
	}
	s.Apply(op.Run())
	states, err := db.States("one")
	if err != nil {
		t.Fatal(err)
	}
	got := states[item].Card
	if d := got.Due.Sub(got.LastReview); d != shown[fsrs.Good] || !got.LastReview.Equal(clock) {
		t.Errorf("saved: due %v after the review at %v; the Good button showed %v, answered at %v",
			d, got.LastReview, shown[fsrs.Good], clock)
	}
}
