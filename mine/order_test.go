package mine

import (
	"strings"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// noStates is a learner with no progress yet, whose answers are kept
// nowhere.
type noStates struct{}

func (noStates) States(string) (map[quiz.ItemID]quiz.ItemState, error) { return nil, nil }
func (noStates) Record(r quiz.Review) (quiz.Review, error)             { return r, nil }
func (noStates) Unrecord(*quiz.Review) error                           { return nil }
func (noStates) Unsuspend(quiz.ItemID) (bool, error)                   { return false, nil }

// TestSiblingsApart studies a freshly mined deck whose words all have
// meanings, in the real session with the real scheduler: a word's cloze
// is never asked right after its own vocab card, which would give the
// answer away.
func TestSiblingsApart(t *testing.T) {
	d := &quiz.Deck{Format: 1, ID: "t", Title: "t", TitleEn: "t", Lang: "ko", Source: quiz.Source{Publisher: "p"}}
	Merge(d, analyzer().Mine("구글 직원이 메모를 썼다. 연구자들은 좋은 결과를 얻었다."), func(string) []string { return []string{"x"} })
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	s, err := quiz.NewSession(d, noStates{}, quiz.DefaultScheduling(), func() time.Time { return now }, quiz.Options{Kind: quiz.QuestionFlip})
	if err != nil {
		t.Fatal(err)
	}
	prev := ""
	for n := 0; s.Phase() == quiz.Asking && n < 40; n++ {
		card := s.Question().Item.Card.ID
		if prev != "" && strings.TrimPrefix(prev, "w-") == strings.TrimPrefix(card, "c-") {
			t.Errorf("the cloze %s is asked right after its vocab card %s", card, prev)
		}
		prev = card
		s.Reveal()
		op, err := s.Grade(fsrs.Easy)
		if err != nil {
			t.Fatal(err)
		}
		s.Apply(op.Run())
	}
	if prev == "" {
		t.Fatal("nothing was asked")
	}
}
