package tui

import (
	"strings"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/hangul"
	"github.com/moatquiz/moatquiz/quiz"
)

// study is the study screen's state for the current question: the typed
// answer, the 2-set composer, hints, and the check of the answer.
type study struct {
	q        *quiz.Question
	input    Input
	composer hangul.Composer
	compose  bool // the built-in 2-set composer is on (kept across questions)
	hints    int  // how many hints are shown
	check    quiz.Check
	checked  bool // check holds the check of a typed or chosen answer
	chosen   int  // the chosen option of a choice question, -1 before
	notice   string
	err      string
}

func newStudy() study { return study{chosen: -1} }

// ask shows question q, keeping the composer setting.
func (s *study) ask(q *quiz.Question) {
	*s = study{q: q, compose: s.compose, chosen: -1, err: s.err}
}

// answered notes that the question has been answered with a check (typed
// or choice), or revealed when checked is false.
func (s *study) answered() {
	s.checked = s.q != nil && (s.q.Kind == quiz.QuestionTyped || s.q.Kind == quiz.QuestionChoice) && s.check.Expected != ""
	s.notice = ""
}

// suggested is the grade enter gives after answering: the check's
// suggestion, at most Hard when hints were used; Good when self-graded.
func (s *study) suggested() fsrs.Rating {
	if !s.checked {
		return fsrs.Good
	}
	r := s.check.Suggested
	if r < fsrs.Again || r > fsrs.Easy {
		r = fsrs.Again
	}
	if s.hints > 0 && r > fsrs.Hard {
		r = fsrs.Hard
	}
	return r
}

// korean reports whether the answer is Korean: the composer and jamo hints
// apply.
func (s *study) korean() bool { return s.q != nil && s.q.AnswerLang == "ko" }

// insert types text into the answer, through the composer when it is on.
func (s *study) insert(text string) {
	if !s.compose {
		s.input.Insert(text)
		return
	}
	for _, r := range text {
		s.composer.Type(r)
	}
	s.showComposer()
}

// backspace deletes one jamo from the syllable being composed, else one
// character.
func (s *study) backspace() {
	if s.compose && s.composer.String() != "" {
		s.composer.Backspace()
		s.showComposer()
		return
	}
	s.input.Backspace()
}

// showComposer shows the composer's text at the cursor.
func (s *study) showComposer() {
	s.input.SetPreedit(s.composer.String(), s.composer.Composing())
}

// commit moves the composer's text into the input for good.
func (s *study) commit() {
	text := s.composer.String()
	s.composer.Reset()
	s.input.SetPreedit("", "")
	if text != "" {
		s.input.Insert(text)
	}
}

// toggleComposer turns the 2-set composer on or off.
func (s *study) toggleComposer() {
	s.commit()
	s.compose = !s.compose
}

// hint shows one more hint, up to the last.
func (s *study) hint() {
	if s.q != nil && s.hints < len(hints(s.q)) {
		s.hints++
	}
}

// hints are the hints of a question, each telling more: for a Korean
// answer its initial consonants (초성), its romanization, its first
// syllable; for others the first letter and the length of each word, then
// the first half.
func hints(q *quiz.Question) []string {
	ans := strings.TrimSpace(q.Answer)
	if ans == "" {
		return nil
	}
	if hangul.HasHangul(ans) {
		first := []rune(ans)[0]
		return []string{
			"초성 " + hangul.Initials(ans),
			"sounds like " + romanization(q, ans),
			"starts with " + string(first),
		}
	}
	r := []rune(ans)
	return []string{shape(ans), "starts with " + string(r[:max(len(r)/2, 1)]) + "…"}
}

// romanization is how the answer is romanized: the card's own reading
// when the answer is the vocab word, else computed.
func romanization(q *quiz.Question, text string) string {
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
