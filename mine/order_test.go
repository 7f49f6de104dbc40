package mine

import (
	"strings"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// memStates is a learner's progress kept in memory.
type memStates map[quiz.ItemID]quiz.ItemState

func (m memStates) States(string) (map[quiz.ItemID]quiz.ItemState, error) { return m, nil }
func (m memStates) Record(r quiz.Review) (quiz.Review, error) {
	m[r.Item] = r.After
	return r, nil
}
func (memStates) Unrecord(*quiz.Review) error         { return nil }
func (memStates) Unsuspend(quiz.ItemID) (bool, error) { return false, nil }

// studyDays studies deck a session a day, in the real session with the
// real scheduler, as a learner who answers every question Good in 20
// seconds (so that learning steps of a minute come back among the new
// cards), until every card was asked or days are over; it returns the
// ids of the cards asked each day, in order.
func studyDays(t *testing.T, d *quiz.Deck, days int) [][]string {
	t.Helper()
	p, seen := memStates{}, map[string]bool{}
	var asked [][]string
	for day := range days {
		now := time.Date(2026, 3, 2+day, 10, 0, 0, 0, time.UTC)
		s, err := quiz.NewSession(d, p, quiz.DefaultScheduling(), func() time.Time { return now }, quiz.Options{Kind: quiz.QuestionFlip})
		if err != nil {
			t.Fatal(err)
		}
		var today []string
		for n := 0; s.Phase() == quiz.Asking && n < 100; n++ {
			today = append(today, s.Question().Item.Card.ID)
			seen[s.Question().Item.Card.ID] = true
			s.Reveal()
			now = now.Add(20 * time.Second)
			op, err := s.Grade(fsrs.Good)
			if err != nil {
				t.Fatal(err)
			}
			s.Apply(op.Run())
		}
		if asked = append(asked, today); len(seen) == len(d.Cards) {
			break
		}
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

// TestSiblingsApart studies freshly mined decks day after day: a word's
// cloze is never asked right after its own vocab card, which would give
// the answer away, nor the other way round, whether the deck was mined
// at once, one word was mined into a deck not studied yet, or a word was
// mined alone; and every card comes within a few days.
func TestSiblingsApart(t *testing.T) {
	const text = "구글 직원이 메모를 썼다. 연구자들은 좋은 결과를 얻었다."
	for name, d := range map[string]*quiz.Deck{
		"three words":                  minedDeck(3, text),
		"a word mined into three more": minedDeck(3, text, "친구를 만났다."),
		"a word mined into one more":   minedDeck(1, text, "친구를 만났다."),
		"a word alone":                 minedDeck(1, text),
		"all the words of a text":      minedDeck(100, text),
	} {
		days := studyDays(t, d, 10)
		seen := map[string]bool{}
		for day, asked := range days {
			for i, id := range asked {
				seen[id] = true
				if i > 0 && word(id) == word(asked[i-1]) && id != asked[i-1] {
					t.Errorf("%s: day %d: %s is asked right after %s: %v", name, day+1, id, asked[i-1], asked)
				}
			}
		}
		if len(seen) < len(d.Cards) {
			t.Errorf("%s: %d cards asked of %d in %d days: %v", name, len(seen), len(d.Cards), len(days), days)
		}
	}
}

// word is the part of a mined card's id its word gives.
func word(id string) string {
	return strings.TrimPrefix(strings.TrimPrefix(id, "w-"), "c-")
}
