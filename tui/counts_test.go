package tui

import (
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// dueProgressMem is a memProgress that can read the states due today, as
// the store does, and notes which read the home screen made.
type dueProgressMem struct {
	*memProgress
	dueReads, allReads int
}

func (p *dueProgressMem) States(deck string) (map[quiz.ItemID]quiz.ItemState, error) {
	p.allReads++
	return p.memProgress.States(deck)
}

func (p *dueProgressMem) DueStates(deck string, start, end time.Time) (map[quiz.ItemID]quiz.ItemState, int, error) {
	p.dueReads++
	all, err := p.memProgress.States(deck)
	due := map[quiz.ItemID]quiz.ItemState{}
	for id, st := range all {
		if st.Card.Due.Before(end) || (!st.Card.LastReview.IsZero() && !st.Card.LastReview.Before(start)) {
			due[id] = st
		}
	}
	return due, len(all), err
}

// TestHomeCountsFromDueStates: the home screen's counts are the same
// whichever states it reads; it reads every state only when the due ones
// cannot decide the new count, or when a session of the deck starts next.
func TestHomeCountsFromDueStates(t *testing.T) {
	deck := testDeck()
	items := deck.Items()
	later := quiz.ItemState{Card: fsrs.Card{State: fsrs.Review, Due: testNow.AddDate(0, 0, 9),
		LastReview: testNow.AddDate(0, 0, -3)}, Introduced: testNow.AddDate(0, 0, -9)}
	dueNow := later
	dueNow.Card.Due = testNow.Add(-time.Hour)
	some := map[quiz.ItemID]quiz.ItemState{items[0].ID: dueNow, items[1].ID: later}
	every := map[quiz.ItemID]quiz.ItemState{}
	for _, it := range items {
		every[it.ID] = later
	}
	for _, tc := range []struct {
		name             string
		states           map[quiz.ItemID]quiz.ItemState
		start            *Start
		wantDue, wantAll int
	}{
		{"a few states", some, nil, 1, 0},
		{"every item studied", every, nil, 1, 1},
		{"a session of the deck starts next", some, &Start{Deck: deck.ID}, 0, 1},
		{"a session of another deck starts next", some, &Start{Deck: "other"}, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mem := newMemProgress()
			for id, st := range tc.states {
				mem.states[id] = st
			}
			p := &dueProgressMem{memProgress: mem}
			sch := quiz.DefaultScheduling()
			sch.NewPerDay = 2
			cfg := Config{Progress: p, Scheduling: sch, Start: tc.start}
			got, err := counts(cfg, deck, items, testNow)
			if err != nil {
				t.Fatal(err)
			}
			if want := quiz.Counts(deck, tc.states, sch, testNow); got != want {
				t.Errorf("counts = %+v, want %+v", got, want)
			}
			if p.dueReads != tc.wantDue || p.allReads != tc.wantAll {
				t.Errorf("read due states %d times and every state %d times, want %d and %d",
					p.dueReads, p.allReads, tc.wantDue, tc.wantAll)
			}
		})
	}
}
