package quiz

import (
	"testing"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

func TestMarkLeech(t *testing.T) {
	lapses := func(n uint64) *ItemState {
		return &ItemState{Card: fsrs.Card{State: fsrs.Review, Stability: 3, Difficulty: 5, Lapses: n}}
	}
	tests := []struct {
		name   string
		mode   Mode
		before *ItemState
		after  uint64
		want   bool
	}{
		{"7th lapse", ModeReview, lapses(6), 7, false},
		{"8th lapse", ModeReview, lapses(7), 8, true},
		{"8 lapses, no new one", ModeReview, lapses(8), 8, false},
		{"9th lapse", ModeReview, lapses(8), 9, false},
		{"12th lapse", ModeReview, lapses(11), 12, true},
		{"16th lapse, studying ahead", ModeAhead, lapses(15), 16, true},
		{"8th lapse in practice", ModePractice, lapses(7), 8, false},
		{"new item with 8 lapses (imported)", ModeReview, nil, 8, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := &Review{Mode: tc.mode, Before: tc.before, After: *lapses(tc.after)}
			if got := markLeech(r); got != tc.want || r.After.Suspended != tc.want {
				t.Errorf("markLeech = %v, After.Suspended = %v, want %v", got, r.After.Suspended, tc.want)
			}
		})
	}
}

// TestEighthLapseSuspendsTheItem checks that a session suspends a leech
// when it is graded Again for the 8th time, does not bring it back in the
// session, and that undo takes the suspension back.
func TestEighthLapseSuspendsTheItem(t *testing.T) {
	p := newMem()
	p.states = onlyCards("who")
	who := id("who", "fact")
	p.states[who] = ItemState{
		Card:       fsrs.Card{Due: at(21, 9, 0), Stability: 3, Difficulty: 8, State: fsrs.Review, ScheduledDays: 3, LastReview: at(18, 9, 0), Reps: 20, Lapses: 7},
		Introduced: at(1, 9, 0),
	}
	_, clock := newClock(at(21, 10, 0))
	s := mustSession(t, testDeck(), p, noFuzz(), clock, Options{})
	if got := grade(t, s, fsrs.Again); got != who {
		t.Fatalf("graded %v, want %v", got, who)
	}
	if st := p.states[who]; !st.Suspended || st.Card.Lapses != 8 {
		t.Fatalf("stored state after the 8th lapse: suspended %v, lapses %d; want suspended with 8", st.Suspended, st.Card.Lapses)
	}
	if s.Phase() != Finished {
		t.Errorf("phase %v after suspending the only item: want Finished (a suspended item does not come back)", s.Phase())
	}
	op, err := s.Undo()
	if err != nil {
		t.Fatal(err)
	}
	s.Apply(op.Run())
	if st := p.states[who]; st.Suspended || st.Card.Lapses != 7 {
		t.Errorf("after undo: suspended %v, lapses %d; want the state before (not suspended, 7)", st.Suspended, st.Card.Lapses)
	}
}

// TestLeechInScoreAndUnsuspend: the review that suspends a leech says
// so, the score lists the leech, and unsuspending it through the session
// schedules it again in the store and in the session, and takes it off
// the score's leeches.
func TestLeechInScoreAndUnsuspend(t *testing.T) {
	p := newMem()
	p.states = onlyCards("who")
	who := id("who", "fact")
	p.states[who] = ItemState{
		Card:       fsrs.Card{Due: at(21, 9, 0), Stability: 3, Difficulty: 8, State: fsrs.Review, ScheduledDays: 3, LastReview: at(18, 9, 0), Reps: 20, Lapses: 7},
		Introduced: at(1, 9, 0),
	}
	_, clock := newClock(at(21, 10, 0))
	s := mustSession(t, testDeck(), p, noFuzz(), clock, Options{})
	s.Reveal()
	op, err := s.Grade(fsrs.Again)
	if err != nil {
		t.Fatal(err)
	}
	res := op.Run()
	s.Apply(res)
	if !res.Review().Leech() {
		t.Errorf("the 8th lapse's review: Leech() false, want true")
	}
	if sc := s.Score(); len(sc.Leeches) != 1 || sc.Leeches[0].ID != who {
		t.Fatalf("Score.Leeches = %v, want [%v]", sc.Leeches, who)
	}
	op, err = s.Unsuspend(who)
	if err != nil {
		t.Fatal(err)
	}
	res = op.Run()
	s.Apply(res)
	if got, ok := res.Unsuspended(); !ok || got != who || res.Err() != nil {
		t.Errorf("Unsuspended() = %v, %v (err %v); want %v", got, ok, res.Err(), who)
	}
	if p.states[who].Suspended || s.Phase() != Finished {
		t.Errorf("after unsuspend: stored suspended %v, phase %v; want not suspended, finished", p.states[who].Suspended, s.Phase())
	}
	if sc := s.Score(); len(sc.Leeches) != 0 {
		t.Errorf("Score.Leeches after unsuspend = %v, want none", sc.Leeches)
	}
	if next, ok := s.NextDue(); !ok || !next.Before(at(21, 11, 0)) {
		t.Errorf("NextDue after unsuspend = %v, %v; want its relearning step", next, ok)
	}
	if _, err := s.Unsuspend(who); err == nil {
		t.Error("unsuspending an item that is not suspended: no error")
	}
}
