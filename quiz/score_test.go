package quiz

import (
	"reflect"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

func TestScore(t *testing.T) {
	p := newMem()
	p.states = onlyCards("moat", "who", "when")
	c, clock := newClock(at(21, 10, 0))
	s := mustSession(t, testDeck(), p, noFuzz(), clock, Options{Kind: QuestionTyped})
	steps := []struct {
		typed  string // "" reveals (gives up)
		rating fsrs.Rating
		want   ItemID
	}{
		{"기술력", fsrs.Good, id("moat", "fact")},
		{"구굴", fsrs.Again, id("who", "fact")},
		{"5월", fsrs.Easy, id("when", "fact")},
		{"", fsrs.Hard, id("who", "fact")},  // its 1m step, shown early: self-graded Hard passes
		{"", fsrs.Again, id("who", "fact")}, // its 6m Hard step comes before moat's 10m step
	}
	for i, st := range steps {
		if got := s.Question().Item.ID; got != st.want {
			t.Fatalf("step %d asks %v, want %v", i, got, st.want)
		}
		c.add(time.Duration(i+1) * time.Second)
		if st.typed == "" {
			s.Reveal()
		} else {
			s.AnswerTyped(st.typed)
		}
		op, err := s.Grade(st.rating)
		if err != nil {
			t.Fatal(err)
		}
		s.Apply(op.Run())
	}
	got := s.Score()
	mistakes := got.Mistakes
	got.Mistakes = nil
	d := testDeck()
	want := Score{
		Answered: 5, Correct: 3, Accuracy: 0.6, Streak: 2, Time: 15 * time.Second,
		New: 3, Learning: 2, Ratings: [5]int{0, 2, 1, 1, 1},
		Missed: []Item{{id("who", "fact"), &d.Cards[1]}}, // once, though missed twice
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Score =\n%+v\nwant\n%+v", got, want)
	}
	if len(mistakes) != 1 || mistakes[0].Item != id("who", "fact") || mistakes[0].Typed != "구굴" || mistakes[0].Expected != "구글" {
		t.Errorf("Mistakes = %+v, want 구굴 for 구글", mistakes)
	}
	// An undone answer no longer counts.
	op, _ := s.Undo()
	s.Apply(op.Run())
	if sc := s.Score(); sc.Answered != 4 || sc.Ratings[fsrs.Again] != 1 || len(sc.Missed) != 1 {
		t.Errorf("after undo: %+v", sc)
	}
}

func TestScoreOfNothing(t *testing.T) {
	_, clock := newClock(at(21, 10, 0))
	s := mustSession(t, testDeck(), newMem(), noFuzz(), clock, Options{})
	if sc := s.Score(); sc.Answered != 0 || sc.Accuracy != 0 || sc.Missed != nil {
		t.Errorf("Score before any answer: %+v", sc)
	}
}

// TestScoreCorrectIsNotAgain: a typed answer checked Almost, or Wrong,
// and graded Hard by the learner is correct, as the statistics count it.
func TestScoreCorrectIsNotAgain(t *testing.T) {
	p := newMem()
	p.states = onlyCards("moat")
	_, clock := newClock(at(21, 10, 0))
	s := mustSession(t, testDeck(), p, noFuzz(), clock, Options{Kind: QuestionTyped})
	if c := s.AnswerTyped("기술"); c.Verdict == Right {
		t.Fatalf("기술 checked Right: pick a wrong answer for the test")
	}
	op, err := s.Grade(fsrs.Hard)
	if err != nil {
		t.Fatal(err)
	}
	s.Apply(op.Run())
	if sc := s.Score(); sc.Correct != 1 || sc.Accuracy != 1 || sc.Streak != 1 {
		t.Errorf("Score after a wrong answer graded Hard: correct %d, accuracy %v, streak %d; want 1, 1, 1", sc.Correct, sc.Accuracy, sc.Streak)
	}
}
