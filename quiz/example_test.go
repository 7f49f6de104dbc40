package quiz

import (
	"fmt"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// A minimal session: ask, reveal, show the intervals, grade, save.
func ExampleNewSession() {
	deck := &Deck{ID: "demo", Cards: []Card{
		{ID: "moat", Kind: KindFact, Prompt: "'해자'는 무슨 뜻?", PromptEn: "What is a moat?", Answer: "기술력", AnswerEn: "an edge"},
	}}
	progress := newMem() // the store implements Progress for real
	now := time.Date(2023, 5, 21, 10, 0, 0, 0, time.UTC)
	sch := DefaultScheduling()
	sch.Params.EnableFuzz = false

	s, err := NewSession(deck, progress, sch, func() time.Time { return now }, Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for s.Phase() != Finished {
		q := s.Question()
		fmt.Println("Q:", q.Prompt)
		s.Reveal()
		fmt.Println("A:", q.Answer)
		iv := s.Intervals()
		fmt.Println("Again", iv[fsrs.Again], "Hard", iv[fsrs.Hard], "Good", iv[fsrs.Good], "Easy", iv[fsrs.Easy])
		op, err := s.Grade(fsrs.Easy)
		if err != nil {
			fmt.Println(err)
			return
		}
		s.Apply(op.Run()) // the TUI runs op.Run in a tea.Cmd
	}
	sc := s.Score()
	fmt.Printf("answered %d, correct %d\n", sc.Answered, sc.Correct)
	due, _ := s.NextDue()
	fmt.Println("next due", due.Format(time.DateOnly))
	// Output:
	// Q: '해자'는 무슨 뜻?
	// A: 기술력
	// Again 1m0s Hard 6m0s Good 10m0s Easy 192h0m0s
	// answered 1, correct 1
	// next due 2023-05-29
}
