package library

import (
	"errors"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/search"
)

// TestStudyCards: the app's browser opens the cards, a bad query says its
// column, and suspending a card shows in the next search until undone.
func TestStudyCards(t *testing.T) {
	_, s := browseLib(t)
	now := time.Now()
	if n, err := s.OpenCards(now); err != nil || n < 2 {
		t.Fatalf("OpenCards = %d, %v", n, err)
	}
	var se *search.SyntaxError
	if _, err := s.SearchCards("deck:mine (", quiz.SortDue); !errors.As(err, &se) || se.Position() != 12 {
		t.Errorf("an unclosed ( gives %v, want a syntax error at column 12", err)
	}
	find := func(q string) []quiz.CardRow {
		list, err := s.SearchCards(q, quiz.SortDue)
		if err != nil {
			t.Fatal(err)
		}
		var rows []quiz.CardRow
		for i := range list.Len() {
			rows = append(rows, list.Row(i))
		}
		return rows
	}
	rows := find("deck:mine ㅎㅈ")
	if len(rows) != 1 {
		t.Fatalf("ㅎㅈ finds %v", rows)
	}
	undo, err := s.SuspendCards(rows, true, now)
	if err != nil {
		t.Fatal(err)
	}
	if got := find("deck:mine is:suspended"); len(got) != 1 || got[0].Card != "haeja" || !got[0].Suspended {
		t.Errorf("after suspending 해자, is:suspended finds %v", got)
	}
	if err := undo(); err != nil {
		t.Fatal(err)
	}
	if got := find("deck:mine is:suspended"); len(got) != 0 {
		t.Errorf("after the undo, is:suspended finds %v", got)
	}
}

// TestCardsNowFollowed: a session follows what the browser changed, read
// back by CardsNow from the deck file and the store: the suspended card
// shown leaves it, the edited card is asked in its new text, a card
// deleted is nil.
func TestCardsNowFollowed(t *testing.T) {
	lib, s := browseLib(t)
	now := time.Now()
	head, err := lib.Header("mine")
	if err != nil {
		t.Fatal(err)
	}
	sess, err := s.StartSession(head, quiz.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if q := sess.Question(); q == nil || q.Item.ID.Card != "haeja" {
		t.Fatalf("the session asks %v first, want haeja", q)
	}
	if _, err := s.OpenCards(now); err != nil {
		t.Fatal(err)
	}
	rows, err := s.SearchCards("deck:mine haeja", quiz.SortDeck)
	if err != nil || rows.Len() != 1 {
		t.Fatalf("haeja: %v, %v", rows, err)
	}
	if _, err := s.SuspendCards([]quiz.CardRow{rows.Row(0)}, true, now); err != nil {
		t.Fatal(err)
	}
	text := `{"id": "train", "kind": "cloze", "text": "{{c1::훈련}}과 추론이 다르다", "translation": "training differs from inference"}`
	if _, err := lib.SaveCard("mine", "train", "train.json", []byte(text)); err != nil {
		t.Fatal(err)
	}
	cards, err := s.CardsNow("mine", []string{"haeja", "train", "gone"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if c := cards[0]; c.Card == nil || !c.States[quiz.ItemID{Deck: "mine", Card: "haeja", Item: quiz.ItemKoEn}].Suspended {
		t.Errorf("haeja now: %+v, want its text and ko-en suspended", c)
	}
	if cards[2].Card != nil {
		t.Errorf("a card the deck does not have reads as %+v", cards[2].Card)
	}
	if err := sess.Follow(cards); err != nil {
		t.Fatal(err)
	}
	q := sess.Question()
	if q == nil || q.Item.ID.Card != "train" || q.Item.Card.Text != "{{c1::훈련}}과 추론이 다르다" || sess.Remaining().New != 1 {
		t.Errorf("after following: %+v, remaining %+v; want train in its new text, 1 new left", q, sess.Remaining())
	}
}
