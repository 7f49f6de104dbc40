package quiz

import "time"

// DeckCounts are a deck's numbers for the home screen.
type DeckCounts struct {
	New      int // new items that may be introduced today
	Learning int // items in (re)learning steps due today
	Review   int // reviews due today, within today's limit
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
	c := planDue(deck.Items(), states, sch, now).counts()
	return DeckCounts{New: c.New, Learning: c.Learning, Review: c.Review}
}
