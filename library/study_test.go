package library

import (
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// statesProgress is progress held in a map that notes which reads the
// home counts make; it saves nothing.
type statesProgress struct {
	quiz.Progress // nil: saving is not what these tests do
	states        map[quiz.ItemID]quiz.ItemState
	dueReads      int
	allReads      int
}

func (p *statesProgress) States(string) (map[quiz.ItemID]quiz.ItemState, error) {
	p.allReads++
	return p.states, nil
}

func (p *statesProgress) DueStates(_ string, start, end time.Time) (map[quiz.ItemID]quiz.ItemState, int, error) {
	p.dueReads++
	due := map[quiz.ItemID]quiz.ItemState{}
	for id, st := range p.states {
		if st.Card.Due.Before(end) || (!st.Card.LastReview.IsZero() && !st.Card.LastReview.Before(start)) {
			due[id] = st
		}
	}
	return due, len(p.states), nil
}

// TestStudyDecksCounts: the home counts are the same whichever states
// they are computed from; every state is read only when the due ones
// cannot decide the new count.
func TestStudyDecksCounts(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	deck, err := New(t.TempDir()).Deck("article")
	if err != nil {
		t.Fatal(err)
	}
	items := deck.Items()
	later := quiz.ItemState{Card: fsrs.Card{State: fsrs.Review, Due: now.AddDate(0, 0, 9),
		LastReview: now.AddDate(0, 0, -3)}, Introduced: now.AddDate(0, 0, -9)}
	dueNow := later
	dueNow.Card.Due = now.Add(-time.Hour)
	some := map[quiz.ItemID]quiz.ItemState{items[0].ID: dueNow, items[1].ID: later}
	every := map[quiz.ItemID]quiz.ItemState{}
	for _, it := range items {
		every[it.ID] = later
	}
	every[items[0].ID] = dueNow
	for _, tc := range []struct {
		name    string
		states  map[quiz.ItemID]quiz.ItemState
		wantAll int
	}{
		{"a few states", some, 0},
		{"every item studied", every, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &statesProgress{states: tc.states}
			sch := quiz.DefaultScheduling()
			sch.NewPerDay = 2
			study := New(t.TempDir()).Study(p, sch, quiz.ClockFrom(now))
			list, err := study.Decks(now)
			if err != nil || len(list) != 1 || list[0].Err != nil {
				t.Fatalf("Decks = %+v, %v", list, err)
			}
			if want := quiz.Counts(deck, tc.states, sch, now); list[0].Counts != want {
				t.Errorf("counts = %+v, want %+v", list[0].Counts, want)
			}
			if list[0].Items != len(items) {
				t.Errorf("%d items, want %d", list[0].Items, len(items))
			}
			if p.dueReads != 1 || p.allReads != tc.wantAll {
				t.Errorf("read due states %d times and every state %d times, want 1 and %d",
					p.dueReads, p.allReads, tc.wantAll)
			}
		})
	}
}
