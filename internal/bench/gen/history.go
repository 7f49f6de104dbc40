package gen

import (
	"container/heap"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// History says what learner's history to simulate.
type History struct {
	Reviews int       // exactly this many reviews are made
	End     time.Time // about when the last one is made
	Days    int       // over about this many days before End
	Seed    uint64
	// Scheduling schedules the reviews; the zero value means
	// quiz.DefaultScheduling().
	Scheduling quiz.Scheduling
}

// leechLapses is when an item is suspended as a leech, as in the app
// (quiz.LeechThreshold): at 8 lapses, then every 4 more.
const leechLapses = 8

// practicePercent is the share of answers given in practice mode.
const practicePercent = 2

// Simulate makes h.Reviews reviews of deck's items, oldest first, and
// calls emit with each (the Review is reused: copy what you keep). The
// learner takes up new items in deck order, evenly over h.Days, and
// answers each item when it falls due, a little late; whether they
// remember depends on the item's retrievability then. The schedule is
// go-fsrs's, so every state is one a study session would have saved;
// items become leeches (suspended) as in the app. It returns the items'
// final states and the time of the last review.
func Simulate(deck *quiz.Deck, h History, emit func(*quiz.Review) error) (map[quiz.ItemID]quiz.ItemState, time.Time, error) {
	if h.Scheduling.Params.RequestRetention == 0 {
		h.Scheduling = quiz.DefaultScheduling()
	}
	items := deck.Items()
	s := &sim{f: fsrs.NewFSRS(h.Scheduling.Params), rng: rand.New(rand.NewPCG(h.Seed, 0x68697374)),
		states: map[quiz.ItemID]quiz.ItemState{}}
	start := h.End.Add(-time.Duration(h.Days) * 24 * time.Hour)
	span := h.End.Sub(start)
	studied := min(len(items), s.studied(h.Reviews, span))
	for i := range studied {
		at := start.Add(time.Duration(float64(span) * float64(i) / float64(studied)))
		heap.Push(&s.due, event{at: at, item: i})
	}
	var last time.Time
	for n := 0; n < h.Reviews && s.due.Len() > 0; n++ {
		e := heap.Pop(&s.due).(event)
		r, err := s.review(items[e.item].ID, ms(e.at))
		if err != nil {
			return nil, last, err
		}
		if err := emit(r); err != nil {
			return nil, last, err
		}
		last = r.ReviewedAt
		if next, ok := s.next(r); ok {
			heap.Push(&s.due, event{at: next, item: e.item})
		}
	}
	return s.states, last, nil
}

// sim is a simulation under way.
type sim struct {
	f      *fsrs.FSRS
	rng    *rand.Rand
	states map[quiz.ItemID]quiz.ItemState
	due    events
	r      quiz.Review
	before quiz.ItemState
}

// studied is how many items the learner takes up so that about reviews
// answers are given over span: it simulates a sample of items taken up
// evenly over span to find how many answers an item gets.
func (s *sim) studied(reviews int, span time.Duration) int {
	const sample = 2000
	probe := &sim{f: s.f, rng: rand.New(rand.NewPCG(1, 2)), states: map[quiz.ItemID]quiz.ItemState{}}
	end := time.Unix(0, 0).UTC().Add(span)
	total := 0
	for i := range sample {
		id := quiz.ItemID{Deck: "probe", Card: fmt.Sprint(i), Item: quiz.ItemFact}
		at := ms(time.Unix(0, 0).UTC().Add(time.Duration(float64(span) * float64(i) / sample)))
		for at.Before(end) {
			r, err := probe.review(id, at)
			if err != nil {
				break
			}
			total++
			next, ok := probe.next(r)
			if !ok {
				break
			}
			at = next
		}
	}
	if total == 0 {
		return reviews
	}
	return int(math.Ceil(float64(reviews) * sample / float64(total)))
}

// review answers item id at time at and updates its state.
func (s *sim) review(id quiz.ItemID, at time.Time) (*quiz.Review, error) {
	st, had := s.states[id]
	card := fsrs.NewCard(at)
	if had {
		card = st.Card
	}
	rating := s.rating(card, at)
	r := &s.r
	*r = quiz.Review{Item: id, Rating: rating, ReviewedAt: at, Mode: quiz.ModeReview,
		Duration: s.duration(), Question: s.question()}
	if had {
		s.before = st
		r.Before = &s.before
	}
	if had && s.rng.IntN(100) < practicePercent {
		r.Mode, r.After = quiz.ModePractice, st
		return r, nil
	}
	info, err := s.f.Next(card, at, rating)
	if err != nil {
		return nil, fmt.Errorf("schedule %s: %w", id, err)
	}
	r.After = quiz.ItemState{Card: info.Card, Introduced: st.Introduced}
	if !had {
		r.After.Introduced = at
	}
	r.After.Card.Due = ms(r.After.Card.Due)
	lapses := r.After.Card.Lapses
	if lapses > st.Card.Lapses && lapses >= leechLapses && (lapses-leechLapses)%(leechLapses/2) == 0 {
		r.After.Suspended = true
	}
	s.states[id] = r.After
	return r, nil
}

// next is when the learner next answers the item r reviewed: a minute or
// two after a learning step falls due, or some hours after a review does
// (the learner studies once or twice a day); never for a suspended item.
func (s *sim) next(r *quiz.Review) (time.Time, bool) {
	st := s.states[r.Item]
	if st.Suspended {
		return time.Time{}, false
	}
	due := st.Card.Due
	if due.Before(r.ReviewedAt) {
		due = r.ReviewedAt
	}
	late := time.Duration(s.rng.IntN(120)) * time.Second
	if st.Card.State == fsrs.Review {
		late = time.Duration(s.rng.ExpFloat64() * float64(10*time.Hour))
	}
	return ms(due.Add(late + time.Second)), true
}

// rating is how the learner answers a card at time at: Again with the
// chance of forgetting (1 − retrievability) for reviews, one in five for
// new and learning items; otherwise mostly Good.
func (s *sim) rating(c fsrs.Card, at time.Time) fsrs.Rating {
	forget := 0.2
	if c.State == fsrs.Review {
		if r, err := s.f.Retrievability(c, at); err == nil {
			forget = 1 - r
		}
	}
	if s.rng.Float64() < forget {
		return fsrs.Again
	}
	switch p := s.rng.IntN(100); {
	case p < 15:
		return fsrs.Hard
	case p < 90:
		return fsrs.Good
	}
	return fsrs.Easy
}

// duration is how long an answer took: a few seconds, sometimes longer.
func (s *sim) duration() time.Duration {
	return time.Duration(math.Exp(s.rng.NormFloat64()*0.6+math.Log(6000))) * time.Millisecond
}

// question is how an item was asked: mostly flip cards.
func (s *sim) question() quiz.QuestionKind {
	switch p := s.rng.IntN(100); {
	case p < 60:
		return quiz.QuestionFlip
	case p < 85:
		return quiz.QuestionTyped
	}
	return quiz.QuestionChoice
}

// ms is t in UTC rounded down to a millisecond, as the store keeps times.
func ms(t time.Time) time.Time { return time.UnixMilli(t.UnixMilli()).UTC() }

// event is an item's next answer.
type event struct {
	at   time.Time
	item int // index in the deck's items
}

// events is a min-heap of events by time, then item.
type events []event

func (e events) Len() int { return len(e) }
func (e events) Less(i, j int) bool {
	if c := e[i].at.Compare(e[j].at); c != 0 {
		return c < 0
	}
	return e[i].item < e[j].item
}
func (e events) Swap(i, j int) { e[i], e[j] = e[j], e[i] }
func (e *events) Push(x any)   { *e = append(*e, x.(event)) }
func (e *events) Pop() any {
	old := *e
	x := old[len(old)-1]
	*e = old[:len(old)-1]
	return x
}
