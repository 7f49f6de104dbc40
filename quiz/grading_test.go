package quiz

import (
	"reflect"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

func TestHints(t *testing.T) {
	tests := []struct {
		name string
		q    Question
		want []string
	}{
		{"Korean: 초성, reading, first syllable", Question{Answer: "기술력"},
			[]string{"초성 ㄱㅅㄹ", "sounds like gisullyeok", "starts with 기"}},
		{"the card's own reading", Question{Answer: "추론", Romanization: "churon",
			Item: Item{Card: &Card{Word: "추론"}}}, []string{"초성 ㅊㄹ", "sounds like churon", "starts with 추"}},
		{"English: shape, first half", Question{Answer: "an edge"}, []string{"a_ e___", "starts with an …"}},
		{"one letter", Question{Answer: "a"}, []string{"a", "starts with a…"}},
		{"no answer", Question{Answer: "  "}, nil},
	}
	for _, tc := range tests {
		if got := Hints(&tc.q); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Hints = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestSuggestedGrade is the grading policy the study screen shows: the
// check's suggestion, capped at Hard once a hint was used, Good when the
// learner revealed the answer.
func TestSuggestedGrade(t *testing.T) {
	tests := []struct {
		name   string
		hints  int
		answer func(s *Session)
		want   fsrs.Rating
	}{
		{"revealed", 0, func(s *Session) { s.Reveal() }, fsrs.Good},
		{"revealed after hints", 2, func(s *Session) { s.Reveal() }, fsrs.Good},
		{"right", 0, func(s *Session) { s.AnswerTyped("기술력") }, fsrs.Good},
		{"right after a hint", 1, func(s *Session) { s.AnswerTyped("기술력") }, fsrs.Hard},
		{"almost", 0, func(s *Session) { s.AnswerTyped("기술럭") }, fsrs.Hard},
		{"almost after every hint", 3, func(s *Session) { s.AnswerTyped("기술럭") }, fsrs.Hard},
		{"wrong", 0, func(s *Session) { s.AnswerTyped("자본") }, fsrs.Again},
		{"wrong after a hint", 1, func(s *Session) { s.AnswerTyped("자본") }, fsrs.Again},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := newMem()
			p.states = onlyCards("moat")
			c, clock := newClock(at(21, 10, 0))
			s := mustSession(t, testDeck(), p, noFuzz(), clock, Options{Kind: QuestionTyped})
			for range tc.hints {
				if !s.Hint() {
					t.Fatal("no hint left")
				}
			}
			if got := len(s.Hints()); got != tc.hints {
				t.Fatalf("%d hints shown, want %d", got, tc.hints)
			}
			c.add(30 * time.Second)
			tc.answer(s)
			if got := s.Suggested(); got != tc.want {
				t.Errorf("Suggested = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestHintLadder(t *testing.T) {
	p := newMem()
	p.states = onlyCards("moat", "who")
	_, clock := newClock(at(21, 10, 0))
	s := mustSession(t, testDeck(), p, noFuzz(), clock, Options{Kind: QuestionTyped})
	all := Hints(s.Question())
	for i := range all {
		if !s.Hint() || !reflect.DeepEqual(s.Hints(), all[:i+1]) {
			t.Fatalf("hint %d: %q", i+1, s.Hints())
		}
	}
	if s.Hint() || len(s.Hints()) != len(all) {
		t.Errorf("a hint past the last: %q", s.Hints())
	}
	s.AnswerTyped("기술력")
	if s.Hint() {
		t.Error("a hint once answered")
	}
	op, err := s.Grade(s.Suggested())
	if err != nil {
		t.Fatal(err)
	}
	s.Apply(op.Run())
	if s.Hints() != nil {
		t.Errorf("the next question starts with hints %q", s.Hints())
	}
}

func TestSuggestAfterHints(t *testing.T) {
	for _, tc := range []struct {
		r     fsrs.Rating
		hints int
		want  fsrs.Rating
	}{
		{fsrs.Easy, 0, fsrs.Easy}, {fsrs.Easy, 1, fsrs.Hard}, {fsrs.Good, 2, fsrs.Hard},
		{fsrs.Hard, 1, fsrs.Hard}, {fsrs.Again, 1, fsrs.Again}, {0, 0, fsrs.Again}, {9, 0, fsrs.Again},
	} {
		if got := suggestAfterHints(tc.r, tc.hints); got != tc.want {
			t.Errorf("suggestAfterHints(%v, %d) = %v, want %v", tc.r, tc.hints, got, tc.want)
		}
	}
}
