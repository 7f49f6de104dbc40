package quiz

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// TestHints is the hint ladder: each hint tells a little more, none the
// whole answer, none repeating the one before.
func TestHints(t *testing.T) {
	tests := []struct {
		name string
		q    Question
		want []string
	}{
		{"Korean: 초성, first syllable, reading", Question{Answer: "기술력"},
			[]string{"초성 ㄱㅅㄹ", "starts with 기…", "sounds like gisullyeok"}},
		{"the card's own reading", Question{Answer: "추론", Romanization: "churon",
			Item: Item{Card: &Card{Word: "추론"}}}, []string{"초성 ㅊㄹ", "starts with 추…", "sounds like churon"}},
		{"one syllable: without its final", Question{Answer: "닭"}, []string{"초성 ㄷ", "starts with 다…", "sounds like dak"}},
		{"one open syllable: no start", Question{Answer: "차"}, []string{"초성 ㅊ", "sounds like cha"}},
		{"Latin before the Hangul", Question{Answer: "AI 경쟁"}, []string{"초성 AI ㄱㅈ", "starts with AI 경…", "sounds like AI gyeongjaeng"}},
		{"English: shape, first half", Question{Answer: "an edge"}, []string{"a_ e___", "starts with an ed…"}},
		{"past the article", Question{Answer: "the moat"}, []string{"t__ m___", "starts with the mo…"}},
		{"two letters: the shape only", Question{Answer: "He"}, []string{"H_"}},
		{"one letter: nothing to hint", Question{Answer: "a"}, nil},
		{"Chinese: length, shape", Question{Answer: "非洲"}, []string{"2 characters", "非_"}},
		{"Chinese: then the first half", Question{Answer: "中华民国"}, []string{"4 characters", "中___", "starts with 中华…"}},
		{"one Chinese character", Question{Answer: "狮"}, []string{"1 character"}},
		{"no answer", Question{Answer: "  "}, nil},
	}
	for _, tc := range tests {
		if got := Hints(&tc.q); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Hints = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestChoiceHints: a choice question's hints rule out wrong options, one
// at a time, down to two, wherever the right one is; a ruled-out option
// can't be chosen.
func TestChoiceHints(t *testing.T) {
	opts := []string{"성벽", "자본력", "기술력", "사용자 수"}
	for correct := range opts {
		q := Question{Kind: QuestionChoice, Answer: opts[correct], Options: opts, Correct: correct,
			Item: Item{ID: id("moat", ItemFact)}}
		out := ruledOut(&q)
		if len(out) != 2 || slices.Contains(out, correct) || out[0] == out[1] {
			t.Errorf("right option %d: ruled out %v", correct, out)
		}
		for i, h := range Hints(&q) {
			if h != "not "+opts[out[i]] {
				t.Errorf("right option %d: hint %d is %q, rules out %q", correct, i+1, h, opts[out[i]])
			}
		}
	}
	s := choiceSession(t)
	if given := []bool{s.Hint(), s.Hint(), s.Hint()}; !slices.Equal(given, []bool{true, true, false}) {
		t.Fatalf("hints given %v, want 2, then none: %q", given, s.Hints())
	}
	out := s.RuledOut()
	if c := s.AnswerChoice(out[0]); c.Expected != "" || s.Phase() != Asking {
		t.Errorf("chose ruled-out option %d: %+v, phase %v", out[0], c, s.Phase())
	}
	if c := s.AnswerChoice(s.Question().Correct); c.Verdict != Right || s.Suggested() != fsrs.Hard || !s.HintCapped() {
		t.Errorf("right after hints: %v, suggested %v, capped %v", c.Verdict, s.Suggested(), s.HintCapped())
	}
}

// choiceSession is a choice session asking the fact "moat" (four options).
func choiceSession(t *testing.T) *Session {
	t.Helper()
	p := newMem()
	p.states = onlyCards("moat")
	_, clock := newClock(at(21, 10, 0))
	s := mustSession(t, testDeck(), p, noFuzz(), clock, Options{Kind: QuestionChoice})
	if q := s.Question(); q.Kind != QuestionChoice || len(q.Options) != 4 {
		t.Fatalf("not a choice of 4: %+v", q)
	}
	return s
}

// TestGiveUpOnChoice: showing the answer of a choice question without
// choosing is graded Again, and only Again (B10).
func TestGiveUpOnChoice(t *testing.T) {
	s := choiceSession(t)
	s.Reveal()
	if !s.GaveUp() || s.Suggested() != fsrs.Again || !reflect.DeepEqual(s.Grades(), []fsrs.Rating{fsrs.Again}) {
		t.Fatalf("gave up %v, suggested %v, grades %v", s.GaveUp(), s.Suggested(), s.Grades())
	}
	for _, r := range []fsrs.Rating{fsrs.Hard, fsrs.Good, fsrs.Easy} {
		if _, err := s.Grade(r); !errors.Is(err, ErrGaveUp) || s.Phase() != Answered {
			t.Errorf("Grade(%v) after giving up: %v, phase %v", r, err, s.Phase())
		}
	}
	op, err := s.Grade(fsrs.Again)
	if err != nil {
		t.Fatal(err)
	}
	if rev := op.Review(); rev.Rating != fsrs.Again || rev.Question != QuestionChoice {
		t.Errorf("saved %v of a %v question", rev.Rating, rev.Question)
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
		capped bool // the screen says the hint lowered the grade
	}{
		{"revealed", 0, func(s *Session) { s.Reveal() }, fsrs.Good, false},
		{"revealed after hints", 2, func(s *Session) { s.Reveal() }, fsrs.Good, false},
		{"right", 0, func(s *Session) { s.AnswerTyped("기술력") }, fsrs.Good, false},
		{"right after a hint", 1, func(s *Session) { s.AnswerTyped("기술력") }, fsrs.Hard, true},
		{"almost", 0, func(s *Session) { s.AnswerTyped("기술럭") }, fsrs.Hard, false},
		{"almost after every hint", 3, func(s *Session) { s.AnswerTyped("기술럭") }, fsrs.Hard, false},
		{"wrong", 0, func(s *Session) { s.AnswerTyped("자본") }, fsrs.Again, false},
		{"wrong after a hint", 1, func(s *Session) { s.AnswerTyped("자본") }, fsrs.Again, false},
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
			if got := s.HintCapped(); got != tc.capped {
				t.Errorf("HintCapped = %v, want %v", got, tc.capped)
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
