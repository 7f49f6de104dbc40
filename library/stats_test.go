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

// TestSummaryAndStatsCountCorrectAlike: an answer checked Almost and
// graded Hard is correct in the session's score and in the statistics
// (one definition: not Again), as the learner reads both.
func TestSummaryAndStatsCountCorrectAlike(t *testing.T) {
	dir := t.TempDir()
	db := openStore(t, dir)
	lib := New(dir)
	writeDeck(t, lib, &quiz.Deck{Format: quiz.FormatVersion, ID: "c", Title: "c", TitleEn: "c", Lang: "ko",
		Source: quiz.Source{Publisher: "아시아경제"},
		Cards:  []quiz.Card{{ID: "v", Kind: quiz.KindVocab, Word: "강점", Meanings: []string{"strength"}, POS: "noun"}}})
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	sch := quiz.DefaultScheduling()
	study := lib.Study(db, sch, func() time.Time { return now })
	deck, err := lib.Deck("c")
	if err != nil {
		t.Fatal(err)
	}
	s, err := study.StartSession(deck, quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo})
	if err != nil {
		t.Fatal(err)
	}
	if c := s.AnswerTyped("강졈"); c.Verdict != quiz.Almost {
		t.Fatalf("강졈 for 강점 checked %v, want Almost", c.Verdict)
	}
	op, err := s.Grade(fsrs.Hard)
	if err != nil {
		t.Fatal(err)
	}
	s.Apply(op.Run())
	sc := s.Score()
	st, err := study.Stats(stats.Query{Deck: "c", Now: now, Scheduling: sch})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Decks) != 1 {
		t.Fatalf("stats of %d decks, want 1", len(st.Decks))
	}
	if r := st.Decks[0].Ratio; sc.Answered != r.Answers || sc.Correct != r.Correct || sc.Correct != 1 {
		t.Errorf("summary: %d answered, %d correct; stats: %d answers, %d correct; want 1 and 1 in both",
			sc.Answered, sc.Correct, r.Answers, r.Correct)
	}
}
