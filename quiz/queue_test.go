package quiz

import (
	"math/rand"
	"reflect"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// drain grades every question r until the session finishes and returns
// the items asked, in order.
func drain(t *testing.T, s *Session, r fsrs.Rating) []ItemID {
	t.Helper()
	var asked []ItemID
	for i := 0; s.Phase() != Finished; i++ {
		if i > 100 {
			t.Fatal("session does not finish")
		}
		asked = append(asked, grade(t, s, r))
	}
	return asked
}

func TestQueueOrderAndLimits(t *testing.T) {
	now := at(21, 10, 0)
	sch := noFuzz()
	lowNew, lowReviews := sch, sch
	lowNew.NewPerDay = 2
	lowReviews.ReviewsPerDay = 2
	for _, tc := range []struct {
		name   string
		states map[ItemID]ItemState
		sch    Scheduling
		opts   Options
		want   []ItemID
	}{{
		name: "learning due, then reviews oldest due first, then new in deck order, one item per card, none related",
		states: map[ItemID]ItemState{
			id("who", "fact"):  learningState(at(21, 9, 50)),
			id("moat", "fact"): reviewState(at(21, 8, 0), 5),
			id("when", "fact"): reviewState(at(19, 8, 0), 5),
		},
		sch:  sch,
		want: []ItemID{id("who", "fact"), id("when", "fact"), id("moat", "fact"), id("haeja", "ko-en"), id("chuton", "ko-en")}, // train tests 추론 too
	}, {
		name: "a review due later today is due; tomorrow's is not",
		states: map[ItemID]ItemState{
			id("moat", "fact"):    reviewState(at(22, 3, 59), 5), // the study day ends at 4:00 on the 22nd
			id("who", "fact"):     reviewState(at(22, 4, 0), 5),
			id("when", "fact"):    reviewState(at(30, 4, 0), 5),
			id("haeja", "ko-en"):  reviewState(at(30, 4, 0), 5),
			id("chuton", "ko-en"): reviewState(at(30, 4, 0), 5),
			id("train", "c1"):     reviewState(at(30, 4, 0), 5),
		},
		sch:  sch,
		want: []ItemID{id("moat", "fact"), id("haeja", "en-ko"), id("chuton", "en-ko")}, // then the new siblings, but not train, which tests 추론 too
	}, {
		name: "new items up to NewPerDay minus those introduced today",
		states: map[ItemID]ItemState{
			id("moat", "fact"): {Card: reviewState(at(25, 9, 0), 4).Card, Introduced: at(21, 9, 0)},
		},
		sch:  lowNew,
		want: []ItemID{id("who", "fact")},
	}, {
		name: "reviews up to ReviewsPerDay minus those done today",
		states: map[ItemID]ItemState{
			id("moat", "fact"):    reviewState(at(20, 8, 0), 5),
			id("who", "fact"):     reviewState(at(19, 8, 0), 5),
			id("when", "fact"):    reviewState(at(18, 8, 0), 5),
			id("haeja", "ko-en"):  reviewState(at(17, 8, 0), 5),
			id("chuton", "ko-en"): {Card: fsrs.Card{Due: at(25, 9, 0), Stability: 4, Difficulty: 5, State: fsrs.Review, LastReview: at(21, 9, 0), Reps: 4}, Introduced: at(1, 9, 0)},
			id("train", "c1"):     {Card: fsrs.Card{Due: at(25, 9, 0), Stability: 4, Difficulty: 5, State: fsrs.Review, LastReview: at(1, 9, 0), Reps: 4}},
			id("train", "c2"):     {Card: fsrs.Card{Due: at(25, 9, 0), Stability: 4, Difficulty: 5, State: fsrs.Review, LastReview: at(1, 9, 0), Reps: 4}},
		},
		sch:  lowReviews,
		want: []ItemID{id("haeja", "ko-en")}, // one review left today; chuton was reviewed today
	}, {
		name: "suspended items never come",
		states: map[ItemID]ItemState{
			id("moat", "fact"): {Card: reviewState(at(20, 8, 0), 5).Card, Suspended: true},
			id("who", "fact"):  {Suspended: true},
		},
		sch:  lowNew,
		want: []ItemID{id("when", "fact"), id("haeja", "ko-en")},
	}, {
		name: "the limit caps the session: learning first, then reviews, then new",
		states: map[ItemID]ItemState{
			id("who", "fact"):  learningState(at(21, 9, 50)),
			id("moat", "fact"): reviewState(at(21, 8, 0), 5),
		},
		sch:  sch,
		opts: Options{Limit: 3},
		want: []ItemID{id("who", "fact"), id("moat", "fact"), id("when", "fact")},
	}, {
		name: "direction en-ko studies production only",
		states: map[ItemID]ItemState{
			id("moat", "fact"): {Suspended: true}, id("who", "fact"): {Suspended: true}, id("when", "fact"): {Suspended: true},
		},
		sch:  sch,
		opts: Options{Direction: DirEnKo},
		want: []ItemID{id("haeja", "en-ko"), id("chuton", "en-ko")},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			p := newMem()
			p.states = tc.states
			_, clock := newClock(now)
			s := mustSession(t, testDeck(), p, tc.sch, clock, tc.opts)
			if got := drain(t, s, fsrs.Easy); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("asked %v\nwant  %v", got, tc.want)
			}
		})
	}
}

func TestCountsMatchTheSession(t *testing.T) {
	sch := noFuzz()
	sch.NewPerDay = 4
	states := map[ItemID]ItemState{
		id("who", "fact"):    learningState(at(21, 9, 50)),
		id("moat", "fact"):   reviewState(at(21, 8, 0), 5),
		id("when", "fact"):   reviewState(at(29, 8, 0), 5),
		id("haeja", "en-ko"): {Card: fsrs.Card{Due: at(21, 12, 0), Stability: 2, Difficulty: 5, State: fsrs.Learning, LastReview: at(21, 9, 0), Reps: 1, RemainingSteps: 1}, Introduced: at(21, 9, 0)},
	}
	got := Counts(testDeck(), states, sch, at(21, 10, 0))
	// new: haeja is buried (en-ko answered today), so chuton/ko-en, within
	// 4 minus the 2 introduced today (who, haeja); train, which tests
	// chuton's 추론, waits for tomorrow.
	want := DeckCounts{New: 1, Learning: 2, Review: 1}
	if got != want {
		t.Errorf("Counts = %+v, want %+v", got, want)
	}
	p := newMem()
	p.states = states
	_, clock := newClock(at(21, 10, 0))
	s := mustSession(t, testDeck(), p, sch, clock, Options{})
	if r := s.Remaining(); r != (QueueCounts{New: 1, Learning: 2, Review: 1}) {
		t.Errorf("Remaining = %+v, want the same as Counts", r)
	}
}

func TestDayRolloverInLocalTime(t *testing.T) {
	sch := noFuzz()
	sch.NewPerDay = 1
	// moat was introduced at 05:00 on the 21st in Seoul (20:00 on the 20th
	// UTC) and is due again days later.
	states := map[ItemID]ItemState{
		id("moat", "fact"): {Card: fsrs.Card{Due: at(26, 5, 0), Stability: 4, Difficulty: 5, State: fsrs.Review, LastReview: at(21, 5, 0), Reps: 1, ScheduledDays: 5}, Introduced: at(21, 5, 0)},
	}
	for _, tc := range []struct {
		now      time.Time
		dayStart time.Time
		wantNew  int
	}{
		{at(21, 8, 30), at(21, 4, 0), 0},  // same study day, although UTC is still the 20th
		{at(22, 3, 59), at(21, 4, 0), 0},  // past midnight, before the 4 am rollover
		{at(22, 4, 0), at(22, 4, 0), 1},   // a new study day
		{at(21, 3, 0), at(20, 4, 0), 1},   // the study day before moat was introduced
		{at(22, 23, 59), at(22, 4, 0), 1}, // late the next day
	} {
		if got := sch.DayStart(tc.now); !got.Equal(tc.dayStart) {
			t.Errorf("DayStart(%v) = %v, want %v", tc.now, got, tc.dayStart)
		}
		if got := sch.DayEnd(tc.now); !got.Equal(tc.dayStart.AddDate(0, 0, 1)) {
			t.Errorf("DayEnd(%v) = %v, want a day after %v", tc.now, got, tc.dayStart)
		}
		if got := Counts(testDeck(), states, sch, tc.now).New; got != tc.wantNew {
			t.Errorf("at %v: %d new available, want %d", tc.now, got, tc.wantNew)
		}
	}
}

func TestDayStartAcrossDaylightSaving(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	sch := DefaultScheduling()
	// 2023-03-12: clocks go from 2:00 to 3:00; the study day is 23 hours.
	now := time.Date(2023, 3, 12, 12, 0, 0, 0, ny)
	start, end := sch.DayStart(now), sch.DayEnd(now)
	if want := time.Date(2023, 3, 12, 4, 0, 0, 0, ny); !start.Equal(want) {
		t.Errorf("DayStart = %v, want %v", start, want)
	}
	if want := time.Date(2023, 3, 13, 4, 0, 0, 0, ny); !end.Equal(want) {
		t.Errorf("DayEnd = %v, want %v", end, want)
	}
}

// TestQueueRollback rolls every change back, in any mix, to the queue as
// it was at the mark: what undo relies on.
func TestQueueRollback(t *testing.T) {
	now := at(21, 10, 0)
	items := testDeck().Items()
	plain := func(q queue) [4][]entry {
		var lists [4][]entry
		for i, l := range q.lists() {
			lists[i] = append([]entry{}, *l...)
		}
		return lists
	}
	for seed := range int64(50) {
		rng := rand.New(rand.NewSource(seed))
		q := planPractice(items, nil, seed)
		q.fresh, q.reviews = q.reviews[:4], q.reviews[4:]
		var marks []int
		var saved [][4][]entry
		for range 40 {
			switch rng.Intn(5) {
			case 0:
				marks, saved = append(marks, q.mark()), append(saved, plain(q))
			case 1:
				q.pop(now)
			case 2:
				q.addLearning(entry{item: items[rng.Intn(len(items))], due: now.Add(time.Duration(rng.Intn(3)) * time.Minute), cat: catLearning})
			case 3:
				related := items[rng.Intn(len(items))].Card.ID // a card related to the one buried
				q.bury(items[rng.Intn(len(items))].Card.ID, func(c *Card) bool { return c.ID == related })
			case 4:
				q.requeue(entry{item: items[rng.Intn(len(items))]})
			}
		}
		for i := len(marks) - 1; i >= 0; i-- {
			q.rollback(marks[i])
			if got := plain(q); !reflect.DeepEqual(got, saved[i]) {
				t.Fatalf("seed %d: rollback to mark %d gave %v, want %v", seed, i, got, saved[i])
			}
		}
	}
}
