package quiz

import (
	"cmp"
	"errors"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// memProgress is an in-memory Progress with the store's contract.
type memProgress struct {
	states map[ItemID]ItemState
	log    []Review
	nextID int64
	fail   error // returned by Record and Unrecord when set
}

func newMem() *memProgress { return &memProgress{states: map[ItemID]ItemState{}} }

func (m *memProgress) States(deck string) (map[ItemID]ItemState, error) {
	out := map[ItemID]ItemState{}
	for id, st := range m.states {
		if id.Deck == deck {
			out[id] = st
		}
	}
	return out, nil
}

func (m *memProgress) Record(r Review) (Review, error) {
	if m.fail != nil {
		return Review{}, m.fail
	}
	m.nextID++
	r.ID = m.nextID
	m.log = append(m.log, r)
	if r.Mode != ModePractice {
		m.states[r.Item] = r.After
	}
	return r, nil
}

func (m *memProgress) Unrecord(r *Review) error {
	if m.fail != nil {
		return m.fail
	}
	i := slices.IndexFunc(m.log, func(x Review) bool { return x.ID == r.ID })
	if i < 0 {
		return errors.New("no such review")
	}
	m.log = slices.Delete(m.log, i, i+1)
	switch {
	case r.Mode == ModePractice:
	case r.Before == nil:
		delete(m.states, r.Item)
	default:
		m.states[r.Item] = *r.Before
	}
	return nil
}

func (m *memProgress) Unsuspend(id ItemID) (bool, error) {
	st, ok := m.states[id]
	if m.fail != nil || !ok {
		return false, cmp.Or(m.fail, errors.New("no such item"))
	}
	m.states[id] = ItemState{Card: st.Card, Introduced: st.Introduced}
	return st.Suspended, nil
}

// snapshot copies the stored states and log, to compare later.
func (m *memProgress) snapshot() (map[ItemID]ItemState, []Review) {
	if len(m.log) == 0 {
		return maps.Clone(m.states), nil
	}
	return maps.Clone(m.states), slices.Clone(m.log)
}

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time            { return c.t }
func (c *fakeClock) add(d time.Duration)       { c.t = c.t.Add(d) }
func (c *fakeClock) set(t time.Time)           { c.t = t }
func newClock(t time.Time) (*fakeClock, Clock) { c := &fakeClock{t}; return c, c.now }

// kst is a non-UTC learner's time zone (UTC+9, Seoul).
var kst = time.FixedZone("KST", 9*3600)

// at returns a time on 2023-05-DD in Seoul.
func at(day, hour, minute int) time.Time { return time.Date(2023, 5, day, hour, minute, 0, 0, kst) }

// noFuzz is the default scheduling with fuzz off, for exact intervals.
func noFuzz() Scheduling {
	s := DefaultScheduling()
	s.Params.EnableFuzz = false
	return s
}

// testDeck has three fact cards, two vocab cards and a cloze card.
func testDeck() *Deck {
	return &Deck{ID: "t", Lang: "ko", Cards: []Card{
		{ID: "moat", Kind: KindFact, Prompt: "해자는?", PromptEn: "A moat is?", Answer: "기술력", AnswerEn: "an edge",
			Accept: []string{"결정적인 기술력"}, Distractors: []string{"성벽", "자본력", "사용자 수"},
			DistractorsEn: []string{"a wall", "capital", "users"}, SourceSentence: "'해자'란 ..."},
		{ID: "who", Kind: KindFact, Prompt: "누가?", PromptEn: "Who?", Answer: "구글", AnswerEn: "Google"},
		{ID: "when", Kind: KindFact, Prompt: "언제?", PromptEn: "When?", Answer: "5월", AnswerEn: "May"},
		{ID: "haeja", Kind: KindVocab, Word: "해자", Meanings: []string{"moat", "ditch"}, POS: "noun"},
		{ID: "chuton", Kind: KindVocab, Word: "추론", Meanings: []string{"inference"}, POS: "noun", Romanization: "churon"},
		{ID: "train", Kind: KindCloze, Text: "'{{c1::훈련}}'과 '{{c2::추론::inference}}'", Translation: "training and inference"},
	}}
}

// id returns the item id of card/item in the test deck.
func id(card, item string) ItemID { return ItemID{"t", card, item} }

// mustSession starts a session or fails the test.
func mustSession(t *testing.T, d *Deck, p Progress, sch Scheduling, clock Clock, opts Options) *Session {
	t.Helper()
	s, err := NewSession(d, p, sch, clock, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// grade answers the current question by revealing it, grades it r, runs
// the op and applies it; it returns the item graded.
func grade(t *testing.T, s *Session, r fsrs.Rating) ItemID {
	t.Helper()
	q := s.Question()
	if q == nil {
		t.Fatal("no question to grade")
	}
	s.Reveal()
	op, err := s.Grade(r)
	if err != nil {
		t.Fatal(err)
	}
	s.Apply(op.Run())
	return q.Item.ID
}

// failed is the result of op failing with err.
func failed(op *Op, err error) Result { return Result{op: op, review: op.review, err: err} }

// reviewState is a review-state item due at due, last reviewed interval
// days before, introduced long ago.
func reviewState(due time.Time, days int) ItemState {
	last := due.AddDate(0, 0, -days)
	return ItemState{
		Card:       fsrs.Card{Due: due, Stability: float64(days), Difficulty: 5, ScheduledDays: uint64(days), Reps: 3, State: fsrs.Review, LastReview: last},
		Introduced: last.AddDate(0, 0, -10),
	}
}

// learningState is an item in learning steps due at due.
func learningState(due time.Time) ItemState {
	return ItemState{
		Card:       fsrs.Card{Due: due, Stability: 2.3, Difficulty: 2.1, Reps: 1, State: fsrs.Learning, LastReview: due.Add(-10 * time.Minute), RemainingSteps: 1},
		Introduced: due.Add(-10 * time.Minute),
	}
}

// sameCard reports whether two FSRS cards are equal, times by instant.
func sameCard(a, b fsrs.Card) bool {
	return a.Due.Equal(b.Due) && a.LastReview.Equal(b.LastReview) && a.Stability == b.Stability &&
		a.Difficulty == b.Difficulty && a.ScheduledDays == b.ScheduledDays && a.Reps == b.Reps &&
		a.Lapses == b.Lapses && a.State == b.State && a.RemainingSteps == b.RemainingSteps
}
