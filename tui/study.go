package tui

import (
	"github.com/moatquiz/moatquiz/hangul"
	"github.com/moatquiz/moatquiz/quiz"
)

// study is the study screen's state for the current question: the typed
// answer, the 2-set composer, and the check of the answer. The hints and
// the grade to suggest are the session's.
type study struct {
	q        *quiz.Question
	input    Input
	composer hangul.Composer
	compose  bool // the built-in 2-set composer is on (kept across questions)
	check    quiz.Check
	checked  bool   // check holds the check of a typed or chosen answer
	hinted   string // the grade a right answer gets because of hints, "" when none lowered it
	chosen   int    // the chosen option of a choice question, -1 before
	notice   string
	err      string
}

func newStudy() study { return study{chosen: -1} }

// ask shows question q, keeping the composer setting.
func (s *study) ask(q *quiz.Question) {
	*s = study{q: q, compose: s.compose, chosen: -1, err: s.err}
}

// answered notes that the question has been answered in sess with a check
// (typed or choice), or revealed when checked is false.
func (s *study) answered(sess *quiz.Session) {
	s.checked = s.q != nil && (s.q.Kind == quiz.QuestionTyped || s.q.Kind == quiz.QuestionChoice) && s.check.Expected != ""
	s.hinted = ""
	if sess.HintCapped() {
		s.hinted = ratingName(sess.Suggested())
	}
	s.notice = ""
}

// korean reports whether the answer is Korean: the composer applies.
func (s *study) korean() bool { return s.q != nil && s.q.KoreanAnswer() }

// insert types text into the answer, through the composer when it is on
// and the answer is Korean.
func (s *study) insert(text string) {
	if !s.compose || !s.korean() {
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
