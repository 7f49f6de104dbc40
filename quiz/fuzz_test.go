package quiz

import (
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// TestRepeatIsGoFSRSWithoutFuzz holds repeat's premise: with the fuzz off,
// asking go-fsrs at another moment of the same UTC date and moving the
// outcomes gives exactly what go-fsrs gives at the moment itself.
func TestRepeatIsGoFSRSWithoutFuzz(t *testing.T) {
	f := fsrs.NewFSRS(noFuzz().Params)
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	cards := map[string]fsrs.Card{
		"new":                fsrs.NewCard(day),
		"learning":           learningState(day.Add(9 * time.Hour)).Card,
		"review":             reviewState(day.Add(2*time.Hour), 12).Card,
		"review, late":       reviewState(day.AddDate(0, 0, -40), 30).Card,
		"reviewed today":     reviewState(day.Add(30*time.Hour), 1).Card,
		"relearning at noon": {Due: day.Add(12 * time.Hour), Stability: 3, Difficulty: 7, Reps: 9, Lapses: 2, State: fsrs.Relearning, LastReview: day.Add(11 * time.Hour), RemainingSteps: 1},
	}
	for name, card := range cards {
		for _, hour := range []int{0, 7, 11, 13, 20, 23} {
			now := day.Add(time.Duration(hour)*time.Hour + 59*time.Minute)
			if card.LastReview.After(now) {
				continue
			}
			want, err := f.Repeat(card, now)
			if err != nil {
				t.Fatal(err)
			}
			got, err := repeat(f, id("moat", ItemFact), card, now)
			if err != nil {
				t.Fatalf("%s at %v: %v", name, now, err)
			}
			for r := fsrs.Again; r <= fsrs.Easy; r++ {
				if !sameCard(got[r].Card, want[r].Card) {
					t.Errorf("%s at %v, %v:\n got %+v\nwant %+v", name, now, r, got[r].Card, want[r].Card)
				}
			}
		}
	}
}

// TestIntervalsStayAllDay: the grade buttons of a review card show the
// same intervals whenever they are looked at that day, and the one graded
// is saved, even when the answer comes later than the look.
func TestIntervalsStayAllDay(t *testing.T) {
	morning := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	p := newMem()
	p.states[id("who", ItemFact)] = reviewState(morning.Add(-time.Hour), 20)
	clk, clock := newClock(morning)
	s := mustSession(t, testDeck(), p, DefaultScheduling(), clock, Options{})
	if s.Question() == nil || s.Question().Item.ID != id("who", ItemFact) {
		t.Fatalf("first question %+v, want the review of who", s.Question())
	}
	shown := s.Intervals()
	if shown[fsrs.Good] < 3*24*time.Hour {
		t.Fatalf("Good in %v: want an interval long enough to be fuzzed", shown[fsrs.Good])
	}
	for _, later := range []time.Duration{7 * time.Minute, 3*time.Hour + 33*time.Millisecond, 21 * time.Hour} {
		clk.set(morning.Add(later))
		if got := s.Intervals(); !sameIntervals(got, shown) {
			t.Errorf("%v later the buttons show %v; %v before", later, got, shown)
		}
	}
	s.Reveal()
	op, err := s.Grade(fsrs.Good)
	if err != nil {
		t.Fatal(err)
	}
	s.Apply(op.Run())
	saved := p.log[0]
	if got := saved.After.Card.Due.Sub(saved.ReviewedAt); got != shown[fsrs.Good] {
		t.Errorf("saved due is %v after the review; the button showed %v", got, shown[fsrs.Good])
	}
}

// sameIntervals reports whether two grade rows are equal.
func sameIntervals(a, b map[fsrs.Rating]time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for r, d := range a {
		if b[r] != d {
			return false
		}
	}
	return true
}

// TestFuzzStillSpreads: items in the same state get different intervals,
// so that cards learned together do not all fall due on one day.
func TestFuzzStillSpreads(t *testing.T) {
	f := fsrs.NewFSRS(DefaultScheduling().Params)
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	card := reviewState(now, 30).Card
	seen := map[time.Duration]bool{}
	for _, c := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"} {
		log, err := repeat(f, id(c, ItemFact), card, now)
		if err != nil {
			t.Fatal(err)
		}
		seen[log[fsrs.Good].Card.Due.Sub(now)] = true
	}
	if len(seen) < 3 {
		t.Errorf("10 items in the same state got %d different Good intervals: %v", len(seen), seen)
	}
}

// TestAnswerTimeCapped: an answer left on screen for ten minutes is
// logged as the cap, a quick one as it took; a zero cap keeps the time.
func TestAnswerTimeCapped(t *testing.T) {
	for _, tc := range []struct {
		limit, took, want time.Duration
	}{
		{time.Minute, 10 * time.Minute, time.Minute},
		{time.Minute, 12 * time.Second, 12 * time.Second},
		{90 * time.Second, time.Hour, 90 * time.Second},
		{0, 10 * time.Minute, 10 * time.Minute},
	} {
		sch := DefaultScheduling()
		sch.AnswerTimeCap = tc.limit
		p := newMem()
		clk, clock := newClock(at(20, 9, 0))
		s := mustSession(t, testDeck(), p, sch, clock, Options{})
		clk.add(tc.took)
		grade(t, s, fsrs.Good)
		if got := p.log[0].Duration; got != tc.want {
			t.Errorf("cap %v, answered after %v: logged %v, want %v", tc.limit, tc.took, got, tc.want)
		}
	}
}
