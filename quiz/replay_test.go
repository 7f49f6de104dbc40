package quiz

import (
	"reflect"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// TestReplayGivesTheSessionsStates studies the test deck over weeks
// with fuzz on, then replays each item's log, stripped of its states and
// shuffled: every review gets the states the session saved, and each
// item ends in its stored state. A replay is how an import sets states.
func TestReplayGivesTheSessionsStates(t *testing.T) {
	p := newMem()
	c, clock := newClock(at(1, 9, 0))
	sch := DefaultScheduling()
	ratings := []fsrs.Rating{fsrs.Good, fsrs.Again, fsrs.Good, fsrs.Hard, fsrs.Easy, fsrs.Good, fsrs.Again}
	n := 0
	for day := 1; day <= 28; day += 3 {
		c.set(at(day, 9, 0))
		s := mustSession(t, testDeck(), p, sch, clock, Options{Kind: QuestionFlip})
		for i := 0; i < 60 && s.Question() != nil; i++ {
			grade(t, s, ratings[n%len(ratings)])
			n++
			c.add(7 * time.Minute)
		}
	}
	byItem := map[ItemID][]Review{}
	for _, r := range p.log {
		stripped := Review{Item: r.Item, Rating: r.Rating, ReviewedAt: r.ReviewedAt, Mode: r.Mode,
			UID: ReviewUID(r.Item, r.ReviewedAt, r.Rating)}
		byItem[r.Item] = append([]Review{stripped}, byItem[r.Item]...) // reversed
	}
	if len(byItem) < 5 || len(p.log) < 40 {
		t.Fatalf("the study made %d reviews of %d items: too few to test", len(p.log), len(byItem))
	}
	rp := NewReplayer(sch)
	for id, history := range byItem {
		st, err := rp.Replay(history)
		if err != nil {
			t.Fatal(err)
		}
		if want := p.states[id]; st == nil || !sameState(*st, want) {
			t.Errorf("%s: replayed state %+v, want the stored %+v", id, st, want)
		}
		want := logOf(p.log, id)
		for k, r := range history {
			if !sameState(r.After, want[k].After) || (r.Before == nil) != (want[k].Before == nil) ||
				r.Before != nil && !sameState(*r.Before, *want[k].Before) {
				t.Errorf("%s review %d: replayed %+v → %+v, want %+v → %+v", id, k, r.Before, r.After, want[k].Before, want[k].After)
			}
		}
	}
}

// logOf is the reviews of id in log order.
func logOf(log []Review, id ItemID) []Review {
	var out []Review
	for _, r := range log {
		if r.Item == id {
			out = append(out, r)
		}
	}
	return out
}

// sameState reports whether two item states are equal, times by instant.
func sameState(a, b ItemState) bool {
	return sameCard(a.Card, b.Card) && a.Suspended == b.Suspended && a.Introduced.Equal(b.Introduced)
}

// TestReplaySuspendsALeech: the eighth lapse suspends the item, as in a
// session; a later review shows the learner unsuspended it.
func TestReplaySuspendsALeech(t *testing.T) {
	var history []Review
	when := at(1, 9, 0)
	ratings := []fsrs.Rating{fsrs.Good, fsrs.Good}
	for range LeechThreshold {
		ratings = append(ratings, fsrs.Again, fsrs.Good)
	}
	for _, r := range ratings {
		history = append(history, Review{Item: id("who", "fact"), Rating: r, ReviewedAt: when, Mode: ModeReview})
		when = when.AddDate(0, 0, 2)
	}
	st, err := NewReplayer(noFuzz()).Replay(history)
	if err != nil {
		t.Fatal(err)
	}
	var leeches []int
	for i, r := range history {
		if r.Leech() {
			leeches = append(leeches, i)
		}
	}
	eighth := 2 + 2*(LeechThreshold-1)
	if !reflect.DeepEqual(leeches, []int{eighth}) || history[eighth].After.Card.Lapses != LeechThreshold || st.Suspended {
		t.Errorf("leeches at %v, last suspended %v; want the review of the 8th lapse (%d), then unsuspended by the next review", leeches, st.Suspended, eighth)
	}
}
