package quiz

import (
	"reflect"
	"slices"
)

// CardNow is a card of a session's deck as it is now, after something
// outside the session (the card browser) changed it: what
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

// Follow makes the session follow changes made to cards of its deck
// outside it (cards of other decks are ignored): the items that leave
// (CardNow.leaves) are never asked, and the counts leave them out; an
// edited card's new text is asked from now on. When the current item
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
	s.q.leave(func(e entry) bool {
		c, ok := now[e.item.Card.ID]
		return ok && c.leaves(e)
	})
	s.noteEdits(now)
	if s.cur == nil {
		return nil
	}
	switch c, ok := now[s.cur.item.Card.ID]; {
	case !ok:
	case c.leaves(*s.cur):
		s.advance()
	case !reflect.DeepEqual(*c.Card, *s.cur.item.Card):
		s.show(*s.cur, s.clock())
	}
	return nil
}

// noteEdits keeps the text of the cards now, by id, for show to ask
// their items from.
func (s *Session) noteEdits(now map[string]CardNow) {
	if s.edited == nil {
		s.edited = map[string]*Card{}
	}
	for id, c := range now {
		if c.Card != nil {
			s.edited[id] = c.Card
		}
	}
}
