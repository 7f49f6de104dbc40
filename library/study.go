package library

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

// Study is a library with the learner's progress and scheduling: what the
// app asks to show the decks and to study them.
type Study struct {
	lib        *Library
	progress   Progress
	scheduling quiz.Scheduling
	clock      quiz.Clock
}

// Study returns l with the learner's progress, scheduling and clock.
func (l *Library) Study(p Progress, sch quiz.Scheduling, clk quiz.Clock) *Study {
	return &Study{lib: l, progress: p, scheduling: sch, clock: clk}
}

// Decks returns the decks that load with their counts for the day of now;
// the error says which deck files were left out. Each DeckStatus's Deck is
// the deck's header: its cards are not read (Cards counts them), and the
// counts read only the day's states.
func (s *Study) Decks(now time.Time) ([]quiz.DeckStatus, error) {
	var list []quiz.DeckStatus
	var errs []error
	for _, f := range s.lib.found() {
		if f.err != nil {
			errs = append(errs, f.err)
			continue
		}
		x := &f.file.index
		st := quiz.DeckStatus{Deck: f.file.header(), Cards: x.Cards, Items: x.Items, Bilingual: x.Bilingual}
		if p, err := planDay(s.progress, f.file, s.scheduling, now, allItems); err != nil {
			st.Err = err
		} else {
			st.Counts = p.counts
		}
		list = append(list, st)
	}
	err := errors.Join(errs...)
	switch {
	case err != nil && len(list) == 0:
		return nil, fmt.Errorf("load decks: %w", err)
	case err != nil:
		return list, fmt.Errorf("some decks were left out: %w", err)
	}
	return list, nil
}

// Choices returns the learner's remembered choices, one per deck, the
// last deck chosen first.
func (s *Study) Choices() ([]quiz.Choice, error) { return s.progress.Choices() }

// SaveChoice remembers what the learner chose to study in a deck, and
// the deck as the last one chosen.
func (s *Study) SaveChoice(c quiz.Choice) error { return s.progress.SaveChoice(c) }

// Unsuspend schedules a suspended item (a leech) again and reports
// whether it was suspended.
func (s *Study) Unsuspend(id quiz.ItemID) (bool, error) { return s.progress.Unsuspend(id) }

// allItems studies every item: the home screen counts both directions.
func allItems(string) bool { return true }

// StartSession starts a session of the deck d (a deck, or the header
// Decks returned) with opts. A review session with flip or typed questions
// reads only the cards of today's queue and their states; other sessions
// (practice, choice or mixed questions, or studying ahead when nothing is
// due) read the whole deck and its every state.
func (s *Study) StartSession(d *quiz.Deck, opts quiz.Options) (*quiz.Session, error) {
	if opts.Seed == 0 {
		opts.Seed = s.clock().UnixNano()
	}
	f, err := s.lib.file(d.ID)
	if err != nil {
		return nil, err
	}
	whole := opts.Practice || opts.Kind == quiz.QuestionChoice || opts.Kind == quiz.QuestionMixed
	if !whole {
		p, err := planDay(s.progress, f, s.scheduling, s.clock(), opts.Studies)
		if err != nil {
			return nil, fmt.Errorf("session: read progress of deck %q: %w", d.ID, err)
		}
		if !opts.Ahead || p.counts != (quiz.DeckCounts{}) {
			return s.daySession(f, p, opts)
		}
	}
	deck, err := f.deck()
	if err != nil {
		return nil, err
	}
	return quiz.NewSession(deck, s.progress, s.scheduling, s.clock, opts)
}

// daySession starts a session over the cards of plan p only, with their
// states: the session quiz builds over them is the one it would build
// over the whole deck.
func (s *Study) daySession(f *deckFile, p *dayPlan, opts quiz.Options) (*quiz.Session, error) {
	slices.Sort(p.cards)
	pos := slices.Compact(p.cards)
	cards, err := f.cards(pos)
	if err != nil {
		return nil, err
	}
	deck := *f.header()
	deck.Cards = cards
	ids := make([]string, len(cards))
	for i := range cards {
		ids[i] = cards[i].ID
	}
	rows, err := s.progress.CardStates(deck.ID, ids)
	if err != nil {
		return nil, fmt.Errorf("session: read progress of deck %q: %w", deck.ID, err)
	}
	states := make(map[quiz.ItemID]quiz.ItemState, len(rows))
	for _, r := range rows {
		states[quiz.ItemID{Deck: deck.ID, Card: r.Card, Item: r.Item}] = r.State
	}
	next := func() (time.Time, bool) { return s.nextDue(f, opts.Studies) }
	return quiz.NewSession(&deck, dayProgress{s.progress, states}, s.scheduling, s.clock, opts,
		quiz.WithNextDue(next), quiz.WithDeckWords(f.allCards))
}

// dayProgress is the progress of a session over part of a deck: the
// states of its cards, read once.
type dayProgress struct {
	Progress
	states map[quiz.ItemID]quiz.ItemState
}

// States returns the states of the session's cards.
func (p dayProgress) States(string) (map[quiz.ItemID]quiz.ItemState, error) { return p.states, nil }

// nextDue is quiz.Session.NextDue over the whole deck f, from the store:
// the earliest due among the learning items and reviews a session would
// take now, or else the earliest learning step or review due date of any
// item, no earlier than the next study day.
func (s *Study) nextDue(f *deckFile, studies func(string) bool) (time.Time, bool) {
	now := s.clock()
	p, err := planDay(s.progress, f, s.scheduling, now, studies)
	if err != nil {
		return time.Time{}, false
	}
	if !p.earliest.IsZero() {
		return p.earliest, true
	}
	forever := time.Unix(1<<40, 0)
	var next time.Time
	rows, err := s.progress.Learning(f.index.Deck.ID, forever)
	if err != nil {
		return time.Time{}, false
	}
	for _, r := range rows {
		if _, ok := p.member(r); ok && (next.IsZero() || r.State.Card.Due.Before(next)) {
			next = r.State.Card.Due
		}
	}
	err = s.progress.DueReviews(f.index.Deck.ID, forever, func(r store.Row) bool {
		_, ok := p.member(r)
		if ok && (next.IsZero() || maxTime(r.State.Card.Due, p.end).Before(next)) {
			next = maxTime(r.State.Card.Due, p.end)
		}
		return !ok
	})
	return next, err == nil && !next.IsZero()
}

// maxTime is the later of two times.
func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
