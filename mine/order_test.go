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

// firstSession studies deck's first session in the real session with the
// real scheduler, as a learner who answers every question Good in 20
// seconds (so that learning steps of a minute come back among the new
// cards), and returns the ids of the cards asked, in order.
func firstSession(t *testing.T, d *quiz.Deck) []string {
	t.Helper()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	s, err := quiz.NewSession(d, noStates{}, quiz.DefaultScheduling(), func() time.Time { return now }, quiz.Options{Kind: quiz.QuestionFlip})
	if err != nil {
		t.Fatal(err)
	}
	var asked []string
	for n := 0; s.Phase() == quiz.Asking && n < 100; n++ {
		asked = append(asked, s.Question().Item.Card.ID)
		s.Reveal()
		now = now.Add(20 * time.Second)
		op, err := s.Grade(fsrs.Good)
		if err != nil {
			t.Fatal(err)
		}
		s.Apply(op.Run())
	}
	return asked
}

// minedDeck is a deck of the n most frequent words of each text, mined
// in turn, every word with a meaning.
func minedDeck(n int, texts ...string) *quiz.Deck {
	d := &quiz.Deck{Format: 1, ID: "t", Title: "t", TitleEn: "t", Lang: "ko", Source: quiz.Source{Publisher: "p"}}
	for _, text := range texts {
		ws := analyzer().Mine(text)
		Merge(d, ws[:min(n, len(ws))], func(string) []string { return []string{"x"} })
	}
	return d
}

// TestSiblingsApart studies the first session of freshly mined decks: a
// word's cloze is never asked right after its own vocab card, which would
// give the answer away, nor the other way round, whether the deck was
// mined at once or one word was mined into a deck not studied yet.
func TestSiblingsApart(t *testing.T) {
	const text = "구글 직원이 메모를 썼다. 연구자들은 좋은 결과를 얻었다."
	for name, d := range map[string]*quiz.Deck{
		"three words":                  minedDeck(3, text),
		"a word mined into three more": minedDeck(3, text, "친구를 만났다."),
		"a word mined into one more":   minedDeck(1, text, "친구를 만났다."),
		"all the words of a text":      minedDeck(100, text),
	} {
		asked := firstSession(t, d)
		if len(asked) < len(d.Cards) {
			t.Errorf("%s: %d cards asked of %d: %v", name, len(asked), len(d.Cards), asked)
		}
		for i := 1; i < len(asked); i++ {
			if word(asked[i]) == word(asked[i-1]) && asked[i] != asked[i-1] {
				t.Errorf("%s: %s is asked right after %s: %v", name, asked[i], asked[i-1], asked)
			}
		}
	}
}

// word is the part of a mined card's id its word gives.
func word(id string) string {
	return strings.TrimPrefix(strings.TrimPrefix(id, "w-"), "c-")
}
