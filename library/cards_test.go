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
