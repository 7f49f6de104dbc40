package quiz

import (
	"strings"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/hangul"
)

// Hints are a question's hints, each telling more: for a Korean answer
// its initial consonants (초성), its romanization, its first syllable;
// for others the first letter and the length of each word, then the first
// half. Nil when the answer is empty.
func Hints(q *Question) []string {
	ans := strings.TrimSpace(q.Answer)
	if ans == "" {
		return nil
	}
	if hangul.HasHangul(ans) {
		first := []rune(ans)[0]
		return []string{
			"초성 " + hangul.Initials(ans),
			"sounds like " + q.Reading(ans),
			"starts with " + string(first),
		}
	}
	r := []rune(ans)
	return []string{shape(ans), "starts with " + string(r[:max(len(r)/2, 1)]) + "…"}
}

// Reading is how text of the question is romanized: the card's own
// reading when text is the vocab word, else computed.
func (q *Question) Reading(text string) string {
	if q.Romanization != "" && q.Item.Card != nil && text == q.Item.Card.Word {
		return q.Romanization
	}
	return hangul.Romanize(text)
}

// shape shows the first letter of each word and the length of the rest:
// "moat" → "m___".
func shape(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(w)
		words[i] = string(r[0]) + strings.Repeat("_", len(r)-1)
	}
	return strings.Join(words, " ")
}

// Hint shows one more hint of the current question while it is asked,
// and reports whether there was one left. Any hint caps the suggested
// grade at Hard.
func (s *Session) Hint() bool {
	if s.phase != Asking || s.hints >= len(Hints(s.question)) {
		return false
	}
	s.hints++
	return true
}

// Hints are the hints of the current question shown so far.
func (s *Session) Hints() []string {
	if s.question == nil || s.hints == 0 {
		return nil
	}
	return Hints(s.question)[:s.hints]
}

// Suggested is the grade to offer once the question is answered: the
// check's suggestion (Again for a wrong answer, Hard for an almost right
// one), at most Hard when hints were used; Good when the answer was
// revealed and is graded by the learner.
func (s *Session) Suggested() fsrs.Rating {
	if s.check == nil || s.check.Expected == "" {
		return fsrs.Good
	}
	return suggestAfterHints(s.check.Suggested, s.hints)
}

// suggestAfterHints caps a check's suggested rating at Hard once hints
// were used; an out-of-range rating suggests Again.
func suggestAfterHints(r fsrs.Rating, hints int) fsrs.Rating {
	if r < fsrs.Again || r > fsrs.Easy {
		r = fsrs.Again
	}
	if hints > 0 && r > fsrs.Hard {
		r = fsrs.Hard
	}
	return r
}
