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
	cards      openCards // the app's card browser, once opened
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
		st := quiz.DeckStatus{Deck: f.file.header(), Cards: x.Cards, Items: x.Items, Tags: x.allTags(), Bilingual: x.Bilingual}
		if p, err := s.planDay(f.file, now, studies{}, true); err != nil {
			st.Err = err
		} else {
			st.Counts, st.MoreNew = p.counts, p.moreNew
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

// Counts returns deck id's counts for the day of now as a review session
// with opts would study it (only the items its Cards, Tag and Direction
// take), and whether such new items wait beyond the day's new limit: the
// home screen's counts of a deck studied in part. Like Decks, it reads
// only the day's states.
func (s *Study) Counts(id string, opts quiz.Options, now time.Time) (quiz.DeckCounts, bool, error) {
	f, err := s.lib.file(id)
	if err != nil {
		return quiz.DeckCounts{}, false, err
	}
	p, err := s.planDay(f, now, optionStudies(opts), true)
	if err != nil {
		return quiz.DeckCounts{}, false, fmt.Errorf("deck %q: read progress: %w", id, err)
	}
	return p.counts, p.moreNew, nil
}

// Choices returns the learner's remembered choices, one per deck, the
// last deck chosen first.
func (s *Study) Choices() ([]quiz.Choice, error) { return s.progress.Choices() }

// SaveChoice remembers what the learner chose to study in a deck, and
// the deck as the last one chosen.
func (s *Study) SaveChoice(c quiz.Choice) error { return s.progress.SaveChoice(c) }

// daySched is the scheduling of deck f's study day at now: the day's new
// limit has the new items the learner added to it today (MoreNew).
func (s *Study) daySched(f *deckFile, now time.Time) (quiz.Scheduling, error) {
	sch := s.scheduling
	extra, err := s.progress.NewToday(f.index.Deck.ID, sch.DayStart(now))
	sch.NewPerDay += extra
	return sch, err
}

// planDay plans deck f's study day at now with the day's limits; more
// also looks whether new items wait beyond the limit (planDay).
func (s *Study) planDay(f *deckFile, now time.Time, st studies, more bool) (*dayPlan, error) {
	sch, err := s.daySched(f, now)
	if err != nil {
		return nil, err
	}
	return planDay(s.progress, f, sch, now, st, more)
}

// MaxMoreNew is the most new items MoreNew adds at once, as in Anki's
// custom study.
const MaxMoreNew = 9999

// MoreNew raises the new-item limit of deck id by n (1 to MaxMoreNew) for
// today only, as Anki's custom study "increase today's new card limit"
// does: the next counts and sessions of the deck that day take up to n
// more new items.
func (s *Study) MoreNew(id string, n int) error {
	if n <= 0 || n > MaxMoreNew {
		return fmt.Errorf("more new items: %d: give a number from 1 to %d", n, MaxMoreNew)
	}
	if _, err := s.lib.file(id); err != nil {
		return err
	}
	if err := s.progress.AddNewToday(id, s.scheduling.DayStart(s.clock()), n); err != nil {
		return fmt.Errorf("deck %q: %w", id, err)
	}
	return nil
}

// Unsuspend schedules a suspended item (a leech) again and reports
// whether it was suspended.
func (s *Study) Unsuspend(id quiz.ItemID) (bool, error) { return s.progress.Unsuspend(id) }

// StartSession starts a session of the deck d (a deck, or the header
// Decks returned) with opts. It reads only the cards the session asks
// and their states, never the whole deck: a review session today's
// queue; studying ahead, when nothing is due, the cards due soonest;
// practice the first of its random order (practiceWindow without a
// limit). Choice questions take their distractors from a sample of the
// deck's cards (choicePool).
func (s *Study) StartSession(d *quiz.Deck, opts quiz.Options) (*quiz.Session, error) {
	if opts.Seed == 0 {
		opts.Seed = s.clock().UnixNano()
	}
	f, err := s.lib.file(d.ID)
	if err != nil {
		return nil, err
	}
	now := s.clock()
	sch, err := s.daySched(f, now)
	if err != nil {
		return nil, fmt.Errorf("session: read progress of deck %q: %w", d.ID, err)
	}
	var cards []int
	if opts.Practice {
		cards, opts.Limit, err = s.practiceCards(f, opts)
	} else {
		cards, err = s.dayCards(f, sch, now, opts)
	}
	if err != nil {
		return nil, fmt.Errorf("session: read progress of deck %q: %w", d.ID, err)
	}
	return s.partSession(f, cards, sch, opts)
}

// dayCards returns the positions of the cards of the queue of the day at
// now (with its scheduling sch), or of the cards to study ahead when
// nothing is due and opts asks to.
func (s *Study) dayCards(f *deckFile, sch quiz.Scheduling, now time.Time, opts quiz.Options) ([]int, error) {
	p, err := planDay(s.progress, f, sch, now, optionStudies(opts), false)
	if err != nil {
		return nil, err
	}
	if !opts.Ahead || p.counts != (quiz.DeckCounts{}) {
		return p.cards, nil
	}
	n := opts.Limit
	if n <= 0 {
		n = max(sch.ReviewsPerDay-p.reviewed, 0)
	}
	ahead, err := p.pickAhead(s.progress, n)
	return append(p.cards, ahead...), err
}

// partSession starts a session over the cards at the positions pos only,
// with their states and the day's scheduling sch: the session quiz builds
// over them is the one it would build over the whole deck.
func (s *Study) partSession(f *deckFile, pos []int, sch quiz.Scheduling, opts quiz.Options) (*quiz.Session, error) {
	slices.Sort(pos)
	cards, err := f.cards(slices.Compact(pos))
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
	more := []quiz.SessionOption{
		quiz.WithNextDue(func() (time.Time, bool) { return s.nextDue(f, optionStudies(opts)) }),
		quiz.WithNewTomorrow(func() int { return s.newTomorrow(f, optionStudies(opts)) }),
	}
	if opts.Kind == quiz.QuestionChoice || opts.Kind == quiz.QuestionMixed {
		pool, err := choicePool(f, opts.Seed)
		if err != nil {
			return nil, err
		}
		more = append(more, quiz.WithChoicePool(pool))
	}
	more = append(more, quiz.WithDeckWords(f.lookupWord))
	return quiz.NewSession(&deck, dayProgress{s.progress, states}, sch, s.clock, opts, more...)
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
func (s *Study) nextDue(f *deckFile, st studies) (time.Time, bool) {
	now := s.clock()
	p, err := s.planDay(f, now, st, false)
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

// newTomorrow is quiz.Session.NewTomorrow over the whole deck f: the new
// cards of the plan of the next study day, with that day's limits, which
// reads only that day's states (0 if they cannot be read).
func (s *Study) newTomorrow(f *deckFile, st studies) int {
	p, err := s.planDay(f, s.scheduling.DayEnd(s.clock()), st, false)
	if err != nil {
		return 0
	}
	return p.counts.New
}

// maxTime is the later of two times.
func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
