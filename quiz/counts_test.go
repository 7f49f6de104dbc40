package quiz

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// randomDeck has n cards of every kind; cloze cards have one to three
// deletions, so a card yields one to three items.
func randomDeck(rng *rand.Rand, n int) *Deck {
	d := &Deck{ID: "t", Lang: "ko"}
	for i := range n {
		c := Card{ID: fmt.Sprintf("c%d", i)}
		switch rng.IntN(3) {
		case 0:
			c.Kind, c.Prompt, c.Answer = KindFact, "누가?", "구글"
		case 1:
			c.Kind, c.Word, c.Meanings = KindVocab, "해자", []string{"moat"}
		default:
			c.Kind, c.Text = KindCloze, "{{c1::훈련}}"
			for k := 2; k <= 1+rng.IntN(3); k++ {
				c.Text += fmt.Sprintf(" {{c%d::추론}}", k)
			}
		}
		d.Cards = append(d.Cards, c)
	}
	return d
}

// randomTime is a time around the study day of now, often exactly on or
// a millisecond off its start or end.
func randomTime(rng *rand.Rand, start, end time.Time) time.Time {
	switch rng.IntN(6) {
	case 0:
		return start.Add(time.Duration(rng.IntN(3)-1) * time.Millisecond)
	case 1:
		return end.Add(time.Duration(rng.IntN(3)-1) * time.Millisecond)
	}
	return start.Add(time.Duration(rng.Int64N(int64(96*time.Hour))) - 48*time.Hour)
}

// randomState is any state an item can have: new (stored), learning,
// relearning or review, due or not, answered today or not, introduced
// today or not, maybe suspended.
func randomState(rng *rand.Rand, start, end time.Time) ItemState {
	st := ItemState{Card: fsrs.Card{State: fsrs.State(rng.IntN(4)), Due: randomTime(rng, start, end)}}
	if st.Card.State != fsrs.New || rng.IntN(3) == 0 {
		st.Card.LastReview = randomTime(rng, start, end)
		st.Introduced = randomTime(rng, start, end)
		if st.Introduced.After(st.Card.LastReview) {
			st.Introduced = st.Card.LastReview
		}
	}
	st.Suspended = rng.IntN(8) == 0
	return st
}

// dueSubset is what the store hands CountsDue: the states due before the
// day's end or last reviewed since its start, compared in milliseconds
// (rounded the generous way), and a few others.
func dueSubset(rng *rand.Rand, states map[ItemID]ItemState, start, end time.Time) map[ItemID]ItemState {
	due := map[ItemID]ItemState{}
	for id, st := range states {
		lr := st.Card.LastReview
		if st.Card.Due.UnixMilli() <= end.UnixMilli() || (!lr.IsZero() && lr.UnixMilli() >= start.UnixMilli()) ||
			rng.IntN(10) == 0 {
			due[id] = st
		}
	}
	return due
}

func TestCountsDueMatchesCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	now := at(21, 10, 0)
	fast := 0
	for trial := range 3000 {
		sch := noFuzz()
		sch.NewPerDay, sch.ReviewsPerDay = rng.IntN(6), rng.IntN(6)
		start, end := sch.DayStart(now), sch.DayEnd(now)
		deck := randomDeck(rng, 1+rng.IntN(25))
		items := deck.Items()
		states := map[ItemID]ItemState{}
		share := rng.Float64()
		for _, it := range items {
			if rng.Float64() < share {
				states[it.ID] = randomState(rng, start, end)
			}
		}
		if rng.IntN(4) == 0 { // a state of a card no longer in the deck
			states[ItemID{Deck: "t", Card: "gone", Item: ItemFact}] = randomState(rng, start, end)
		}
		want := Counts(deck, states, sch, now)
		got, ok := CountsDue(items, dueSubset(rng, states, start, end), len(states), sch, now)
		if !ok {
			continue
		}
		fast++
		if got != want {
			t.Fatalf("trial %d: CountsDue = %+v, Counts = %+v (limits %d new, %d reviews; %d items, %d states)",
				trial, got, want, sch.NewPerDay, sch.ReviewsPerDay, len(items), len(states))
		}
	}
	if fast < 1000 {
		t.Errorf("CountsDue decided only %d of 3000 trials", fast)
	}
}

func TestCountsDueNeedsEveryStateWhenNewItemsAreScarce(t *testing.T) {
	sch := noFuzz()
	sch.NewPerDay = 4
	now := at(21, 10, 0)
	deck := testDeck()
	items := deck.Items()
	later := reviewState(at(29, 8, 0), 5) // not due today: not in the subset
	for _, tc := range []struct {
		name   string
		stored map[ItemID]ItemState
		due    map[ItemID]ItemState
		ok     bool
	}{
		{"nothing stored", nil, nil, true},
		{"few states unread", map[ItemID]ItemState{id("who", ItemFact): later}, nil, true},
		{"too many unread", map[ItemID]ItemState{
			id("who", ItemFact): later, id("moat", ItemFact): later, id("when", ItemFact): later,
		}, nil, false},
		{"fewer stored than read", nil, map[ItemID]ItemState{id("who", ItemFact): later}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := CountsDue(items, tc.due, len(tc.stored), sch, now)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if want := Counts(deck, tc.stored, sch, now); ok && got != want {
				t.Errorf("CountsDue = %+v, Counts = %+v", got, want)
			}
		})
	}
}
