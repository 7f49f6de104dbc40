package library

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestTypedKnowsTheDecksWords: a review session reads only today's cards,
// but a word typed for another is recognised as one of the deck's words
// that are not due today, and the screen is told what it means.
func TestTypedKnowsTheDecksWords(t *testing.T) {
	for name, cached := range map[string]bool{"cached": true, "just written, held whole": false} {
		s := wordsSession(t, cached)
		if c := s.AnswerTyped("장점"); c.Verdict != quiz.Wrong || !strings.Contains(c.Note, "장점 = advantage") {
			t.Errorf("%s: 장점 for 강점: %v, note %q; want Wrong, 장점 = advantage", name, c.Verdict, c.Note)
		}
	}
}

// TestFirstWrongAnswerDecodesNoCard: the deck's words come from its cache
// entry's words section, so a wrong typed answer, checked while the screen
// waits, decodes no card of the deck (at 100,000 cards decoding them all
// froze the screen for over 400 ms).
func TestFirstWrongAnswerDecodesNoCard(t *testing.T) {
	s := wordsSession(t, true)
	decoded := 0
	oldBinary, oldCard := decodeBinary, decodeCard
	t.Cleanup(func() { decodeBinary, decodeCard = oldBinary, oldCard })
	decodeBinary = func(body string) (*quiz.Deck, error) {
		d, err := oldBinary(body)
		if d != nil {
			decoded += len(d.Cards)
		}
		return d, err
	}
	decodeCard = func(body string) (quiz.Card, error) {
		decoded++
		return oldCard(body)
	}
	c := s.AnswerTyped("장점")
	if !strings.Contains(c.Note, "장점 = advantage") {
		t.Errorf("장점 for 강점: note %q, want 장점 = advantage", c.Note)
	}
	if decoded != 0 {
		t.Errorf("the first wrong answer decoded %d cards, want none", decoded)
	}
}

// wordsSession is a typed session of a deck of 강점 and 장점 whose day
// holds 강점 only; its question asks for 강점. The deck is read from its
// cache entry when cached, else it is just written, without an entry.
func wordsSession(t *testing.T, cached bool) *quiz.Session {
	t.Helper()
	dir := t.TempDir()
	db := openStore(t, dir)
	d := &quiz.Deck{Format: quiz.FormatVersion, ID: "words", Title: "낱말", TitleEn: "Words", Lang: "ko",
		Source: quiz.Source{Publisher: "아시아경제"}, Cards: []quiz.Card{
			{ID: "strength", Kind: quiz.KindVocab, Word: "강점", Meanings: []string{"strength"}, POS: "noun"},
			{ID: "advantage", Kind: quiz.KindVocab, Word: "장점", Meanings: []string{"advantage"}, POS: "noun"},
		}}
	lib := New(dir)
	writeDeck(t, lib, d)
	if !cached {
		age(t, filepath.Join(lib.DecksDir(), d.ID+".json"), 0)
		if err := os.RemoveAll(lib.cache.dir); err != nil {
			t.Fatal(err)
		}
	}
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
	return s
}
