package library

import (
	"errors"
	"fmt"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
)

// Progress is where the learner's progress is read and saved: the store.
type Progress interface {
	quiz.Progress
	// DueStates returns the deck's states due before end or reviewed at or
	// after start (and maybe a few more), and how many it has in all.
	DueStates(deck string, start, end time.Time) (map[quiz.ItemID]quiz.ItemState, int, error)
}

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
// the error says which deck files were left out.
func (s *Study) Decks(now time.Time) ([]quiz.DeckStatus, error) {
	decks, errs := s.lib.Decks()
	err := errors.Join(errs...)
	if err != nil && len(decks) == 0 {
		return nil, fmt.Errorf("load decks: %w", err)
	}
	list := make([]quiz.DeckStatus, 0, len(decks))
	for _, d := range decks {
		items := d.Items()
		st := quiz.DeckStatus{Deck: d, Items: len(items)}
		st.Counts, st.Err = s.counts(d, items, now)
		list = append(list, st)
	}
	if err != nil {
		err = fmt.Errorf("some decks were left out: %w", err)
	}
	return list, err
}

// counts returns deck d's counts for the day of now: from the states due
// that day when they decide the counts, else from every state.
func (s *Study) counts(d *quiz.Deck, items []quiz.Item, now time.Time) (quiz.DeckCounts, error) {
	due, stored, err := s.progress.DueStates(d.ID, s.scheduling.DayStart(now), s.scheduling.DayEnd(now))
	if err != nil {
		return quiz.DeckCounts{}, err
	}
	if c, ok := quiz.CountsDue(items, due, stored, s.scheduling, now); ok {
		return c, nil
	}
	states, err := s.progress.States(d.ID)
	if err != nil {
		return quiz.DeckCounts{}, err
	}
	return quiz.CountsItems(items, states, s.scheduling, now), nil
}

// StartSession starts a session of deck d with opts; it reads the deck's
// progress.
func (s *Study) StartSession(d *quiz.Deck, opts quiz.Options) (*quiz.Session, error) {
	if opts.Seed == 0 {
		opts.Seed = s.clock().UnixNano()
	}
	return quiz.NewSession(d, s.progress, s.scheduling, s.clock, opts)
}
