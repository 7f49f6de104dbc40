package quiz

import "time"

// DeckCounts are a deck's numbers for the home screen.
type DeckCounts struct {
	New      int // new items that may be introduced today
	Learning int // items in (re)learning steps due today
	Review   int // reviews due today, within today's limit
}

// DeckStatus is a deck as the home screen lists it: the deck, its number
// of cards and study items and its counts for today.
type DeckStatus struct {
	Deck   *Deck // maybe only the deck's header: Cards may be nil
	Cards  int
	Items  int
	Counts DeckCounts
	Err    error // the deck's progress could not be read
}

// QueueCounts are the items left in a session, the current one included,
// and the answers saved so far.
type QueueCounts struct {
	New, Learning, Review int
	Done                  int
}

func (c *QueueCounts) add(cat category, n int) {
	switch cat {
	case catNew:
		c.New += n
	case catLearning:
		c.Learning += n
	default:
		c.Review += n
	}
}

// Counts returns what a review session of the deck (both directions) would
// hold at now: the same queue NewSession builds, counted.
func Counts(deck *Deck, states map[ItemID]ItemState, sch Scheduling, now time.Time) DeckCounts {
	if deck == nil {
		return DeckCounts{}
	}
	return CountsItems(deck.Items(), states, sch, now)
}

// CountsItems is Counts of a deck whose items (Deck.Items) the caller has
// already built.
func CountsItems(items []Item, states map[ItemID]ItemState, sch Scheduling, now time.Time) DeckCounts {
	c := planDue(items, states, sch, now).counts()
	return DeckCounts{New: c.New, Learning: c.Learning, Review: c.Review}
}

// CountsDue is CountsItems from part of the deck's states, so that the
// home screen need not read them all: due must hold every stored state of
// the deck that is due before the day's end (Scheduling.DayEnd) or was
// last reviewed at or after the day's start (Scheduling.DayStart), and
// may hold more of them; stored is how many states the deck has stored
// in all. ok is false when these cannot decide the number of new items:
// then only Counts with every state can.
//
// The other states are not due today and were not answered today, so
// they change neither the learning and review counts nor the day's
// limits and burying; each of them can only keep one item, and so at
// most one card, from the new items, which CountsDue assumes when it
// takes enough spare new items to be sure of the day's limit.
func CountsDue(items []Item, due map[ItemID]ItemState, stored int, sch Scheduling, now time.Time) (DeckCounts, bool) {
	unread := stored - len(due)
	if unread < 0 {
		return DeckCounts{}, false
	}
	q, spare := planDueSpare(items, due, sch, now, unread)
	if spare < unread {
		return DeckCounts{}, false
	}
	c := q.counts()
	return DeckCounts{New: c.New, Learning: c.Learning, Review: c.Review}, true
}
