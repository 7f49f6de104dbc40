package quiz_test

import (
	"sync"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/internal/bench/gen"
	"github.com/moatquiz/moatquiz/quiz"
)

// The benchmarks below run on the collections scripts/bench measures
// (internal/bench/gen): a deck of 1,000, 10,000 or 100,000 cards and ten
// reviews a card over two years, kept in memory. Select a size with
// -bench 'Counts/100k'.

// collection is a generated deck and the states after its history.
type collection struct {
	deck   *quiz.Deck
	states map[quiz.ItemID]quiz.ItemState
	now    time.Time // the next study day, 8 am
}

var (
	collectionsMu sync.Mutex
	collections   = map[string]*collection{}
)

// generated makes (once per process) the collection of a size.
func generated(b *testing.B, s gen.Size) *collection {
	b.Helper()
	collectionsMu.Lock()
	defer collectionsMu.Unlock()
	if c := collections[s.Name]; c != nil {
		return c
	}
	d, err := gen.Deck(s.Cards, 1)
	if err != nil {
		b.Fatal(err)
	}
	end := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	states, last, err := gen.Simulate(d, gen.History{Reviews: s.Reviews, End: end, Days: 730, Seed: 1},
		func(*quiz.Review) error { return nil })
	if err != nil {
		b.Fatal(err)
	}
	c := &collection{deck: d, states: states,
		now: quiz.DefaultScheduling().DayEnd(last).Add(4 * time.Hour)}
	collections[s.Name] = c
	return c
}

// BenchmarkCounts counts what is due, as the home screen does for each
// deck.
func BenchmarkCounts(b *testing.B) {
	sch := quiz.DefaultScheduling()
	for _, s := range gen.Sizes {
		b.Run(s.Name, func(b *testing.B) {
			c := generated(b, s)
			b.ReportAllocs()
			for b.Loop() {
				quiz.Counts(c.deck, c.states, sch, c.now)
			}
		})
	}
}

// BenchmarkNewSession builds a review session's queue and its first
// question, the states already read.
func BenchmarkNewSession(b *testing.B) {
	sch := quiz.DefaultScheduling()
	for _, s := range gen.Sizes {
		b.Run(s.Name, func(b *testing.B) {
			c := generated(b, s)
			p := memory(c.states)
			clock := func() time.Time { return c.now }
			b.ReportAllocs()
			for b.Loop() {
				sess, err := quiz.NewSession(c.deck, p, sch, clock, quiz.Options{Seed: 1})
				if err != nil || sess.Question() == nil {
					b.Fatalf("NewSession: %v, or nothing to ask", err)
				}
			}
		})
	}
}

// memory is progress kept in memory that saves nothing.
type memory map[quiz.ItemID]quiz.ItemState

func (m memory) States(string) (map[quiz.ItemID]quiz.ItemState, error) { return m, nil }
func (m memory) Record(r quiz.Review) (quiz.Review, error)             { return r, nil }
func (m memory) Unrecord(*quiz.Review) error                           { return nil }
func (m memory) Unsuspend(quiz.ItemID) (bool, error)                   { return false, nil }

// BenchmarkAnswer answers a question of a review session, and of a
// practice session (its queue holds every item): reveal, grade Good
// (go-fsrs schedules it), save (to memory: BenchmarkRecord in store times
// the commit) and move to the next question, as a keypress does.
func BenchmarkAnswer(b *testing.B) {
	for _, s := range gen.Sizes {
		b.Run(s.Name, func(b *testing.B) { benchAnswer(b, s, quiz.Options{Seed: 1}) })
		b.Run(s.Name+"/practice", func(b *testing.B) { benchAnswer(b, s, quiz.Options{Seed: 1, Practice: true}) })
	}
}

func benchAnswer(b *testing.B, s gen.Size, opts quiz.Options) {
	sch := quiz.DefaultScheduling()
	c := generated(b, s)
	p := memory(c.states)
	at := c.now
	clock := func() time.Time { at = at.Add(time.Second); return at }
	start := func() *quiz.Session {
		sess, err := quiz.NewSession(c.deck, p, sch, clock, opts)
		if err != nil {
			b.Fatal(err)
		}
		return sess
	}
	sess := start()
	b.ReportAllocs()
	for b.Loop() {
		if sess.Phase() == quiz.Finished {
			b.StopTimer()
			sess = start()
			b.StartTimer()
		}
		sess.Reveal()
		op, err := sess.Grade(fsrs.Good)
		if err != nil {
			b.Fatal(err)
		}
		sess.Apply(op.Run())
	}
}
