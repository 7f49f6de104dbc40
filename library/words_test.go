package library

import (
	"strings"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestTypedKnowsTheDecksWords: a review session reads only today's cards,
// but a word typed for another is recognised as one of the deck's words
// that are not due today, and the screen is told what it means.
func TestTypedKnowsTheDecksWords(t *testing.T) {
	dir := t.TempDir()
	db := openStore(t, dir)
	d := &quiz.Deck{Format: quiz.FormatVersion, ID: "words", Title: "낱말", TitleEn: "Words", Lang: "ko",
		Source: quiz.Source{Publisher: "아시아경제"}, Cards: []quiz.Card{
			{ID: "strength", Kind: quiz.KindVocab, Word: "강점", Meanings: []string{"strength"}, POS: "noun"},
			{ID: "advantage", Kind: quiz.KindVocab, Word: "장점", Meanings: []string{"advantage"}, POS: "noun"},
		}}
	lib := New(dir)
	writeDeck(t, lib, d)
	sch := quiz.DefaultScheduling()
	sch.NewPerDay = 1 // today's session holds the first card only
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	study := New(dir).Study(db, sch, func() time.Time { return now })
	s, err := study.StartSession(d, quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo})
	if err != nil {
		t.Fatal(err)
	}
	if q := s.Question(); q == nil || q.Answer != "강점" {
		t.Fatalf("the first question is %+v, want 강점", q)
	}
	if c := s.AnswerTyped("장점"); c.Verdict != quiz.Wrong || !strings.Contains(c.Note, "장점 = advantage") {
		t.Errorf("장점 for 강점: %v, note %q; want Wrong, 장점 = advantage", c.Verdict, c.Note)
	}
}
