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
	Tags   []string // the tags of its cards, sorted, each once
	Counts DeckCounts
	// MoreNew is true when new items wait beyond today's new-item limit:
	// raising it (or tomorrow) would bring them.
	MoreNew bool
	Err     error // the deck's progress could not be read
	// Bilingual is Deck.BilingualFacts of the whole deck: facts may be
	// asked in English.
	Bilingual bool
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
// hold at now: the same queue NewSession builds, counted over every item
// and state. The app counts from the day's states instead (library);
// this is the whole-deck reference its tests compare with.
func Counts(deck *Deck, states map[ItemID]ItemState, sch Scheduling, now time.Time) DeckCounts {
	if deck == nil {
		return DeckCounts{}
	}
	every := func(Item) bool { return true }
	c := planDue(deck.Items(), every, states, sch, now).counts()
	return DeckCounts{New: c.New, Learning: c.Learning, Review: c.Review}
}
