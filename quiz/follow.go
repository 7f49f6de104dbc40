package quiz

import (
	"maps"
	"reflect"
	"slices"
	"time"
)

// CardNow is a card of a session's deck as it is now, after something
// outside the session (the card browser, a sync) changed it: what
// Session.Follow follows.
type CardNow struct {
	Deck, ID string
	Card     *Card                // its text now; nil when the deck no longer has it
	States   map[ItemID]ItemState // its items' stored states; an item without one is new
	Buried   bool                 // buried until the next study day
}

// leaves reports whether queued entry e leaves the session because of
// its card now: the card is deleted or buried, the item suspended, gone
// from the card's text, or reset to new after it was queued as learning
// or review (a reset card waits to be asked as new in a later session).
func (c CardNow) leaves(e entry) bool {
	if c.Card == nil || c.Buried || !slices.Contains(itemNames(c.Card), e.item.ID.Item) {
		return true
	}
	st, ok := c.States[e.item.ID]
	return st.Suspended || e.cat != catNew && categoryOf(st, ok) == catNew
}

// later reports whether e's item, by its state now, is not due before
// end (another machine reviewed it: a sync brought its review in).
func (c CardNow) later(e entry, end time.Time) bool {
	st, ok := c.States[e.item.ID]
	return categoryOf(st, ok) != catNew && !st.Card.Due.Before(end)
}

// Follow makes the session follow changes made to cards of its deck
// outside it (cards of other decks are ignored): the items that leave
// (CardNow.leaves) are never asked, and the counts leave them out; an
// edited card's new text is asked from now on; the items take their
// states now, and in scheduled study those no longer due today leave
// (reviewed on another machine). When the current item
// leaves, the next one is asked without grading it (or the session
// finishes); when its card's text changed, it is asked again from the
// new text. Nothing is saved, and Undo still takes back the last answer
// (asking its item again, in its card's latest text). Not possible
// while Saving.
func (s *Session) Follow(cards []CardNow) error {
	if s.phase == Saving {
		return ErrPhase
	}
	now := map[string]CardNow{}
	for _, c := range cards {
		if c.Deck == s.deck.ID {
			now[c.ID] = c
		}
	}
	end := s.sch.DayEnd(s.clock())
	leaves := func(c CardNow, e entry) bool {
		return c.leaves(e) || s.mode == ModeReview && c.later(e, end)
	}
	s.q.leave(func(e entry) bool {
		c, ok := now[e.item.Card.ID]
		return ok && leaves(c, e)
	})
	s.noteEdits(now)
	if s.cur == nil {
		return nil
	}
	switch c, ok := now[s.cur.item.Card.ID]; {
	case !ok:
	case leaves(c, *s.cur):
		s.advance()
	case !reflect.DeepEqual(*c.Card, *s.cur.item.Card):
		s.show(*s.cur, s.clock())
	}
	return nil
}

// noteEdits keeps the text of the cards now, by id, for show to ask
// their items from, and their items' states for grading.
func (s *Session) noteEdits(now map[string]CardNow) {
	if s.edited == nil {
		s.edited = map[string]*Card{}
	}
	for id, c := range now {
		if c.Card != nil {
			s.edited[id] = c.Card
		}
		maps.Copy(s.states, c.States)
	}
}
