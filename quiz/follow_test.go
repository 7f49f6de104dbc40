package quiz

import (
	"slices"
	"testing"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// followSession is a session over testDeck with who and when due as
// reviews (asked first, who first) and the other cards new.
func followSession(t *testing.T) (*Session, *memProgress) {
	t.Helper()
	p := newMem()
	p.states[id("who", "fact")] = reviewState(at(20, 9, 0), 5)
	p.states[id("when", "fact")] = reviewState(at(21, 9, 0), 5)
	_, clock := newClock(at(21, 10, 0))
	sch := noFuzz()
	sch.BurySiblings = false // the cloze train (추론) would wait for the vocab chuton
	return mustSession(t, testDeck(), p, sch, clock, Options{}), p
}

// now is card's state as p and d hold it, as a browser would read it.
func now(p *memProgress, d *Deck, card string) CardNow {
	c := CardNow{Deck: d.ID, ID: card, States: map[ItemID]ItemState{}}
	if i := slices.IndexFunc(d.Cards, func(k Card) bool { return k.ID == card }); i >= 0 {
		c.Card = &d.Cards[i]
	}
	for itemID, st := range p.states {
		if itemID.Card == card {
			c.States[itemID] = st
		}
	}
	return c
}

// TestFollowDropsWhatLeaves: a queued item of a card deleted, buried,
// suspended, reset from review to new, or whose item an edit removed
// is never asked and leaves the counts; a card unchanged, a new card
// reset, and cards of other decks change nothing.
func TestFollowDropsWhatLeaves(t *testing.T) {
	for _, tc := range []struct {
		name    string
		change  func(p *memProgress, d *Deck) CardNow
		dropped ItemID // zero: nothing is dropped
	}{
		{"deleted", func(p *memProgress, d *Deck) CardNow { c := now(p, d, "when"); c.Card = nil; return c }, id("when", "fact")},
		{"buried", func(p *memProgress, d *Deck) CardNow { c := now(p, d, "when"); c.Buried = true; return c }, id("when", "fact")},
		{"suspended", func(p *memProgress, d *Deck) CardNow {
			st := p.states[id("when", "fact")]
			st.Suspended = true
			p.states[id("when", "fact")] = st
			return now(p, d, "when")
		}, id("when", "fact")},
		{"reset", func(p *memProgress, d *Deck) CardNow {
			delete(p.states, id("when", "fact"))
			return now(p, d, "when")
		}, id("when", "fact")},
		{"edit drops c1", func(p *memProgress, d *Deck) CardNow {
			d.Cards[5].Text = "'훈련'과 '{{c2::추론}}'"
			return now(p, d, "train")
		}, id("train", "c1")},
		{"unchanged", func(p *memProgress, d *Deck) CardNow { return now(p, d, "when") }, ItemID{}},
		{"new card reset", func(p *memProgress, d *Deck) CardNow { return now(p, d, "moat") }, ItemID{}},
		{"other deck", func(p *memProgress, d *Deck) CardNow { c := now(p, d, "when"); c.Deck, c.Card = "x", nil; return c }, ItemID{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, p := followSession(t)
			before := s.Remaining()
			if err := s.Follow([]CardNow{tc.change(p, testDeck())}); err != nil {
				t.Fatal(err)
			}
			left := before.New + before.Review - s.Remaining().New - s.Remaining().Review
			asked := drain(t, s, fsrs.Easy)
			switch gone := slices.Contains(asked, tc.dropped); {
			case tc.dropped == ItemID{} && left != 0:
				t.Errorf("%d items left the counts, want none", left)
			case tc.dropped != ItemID{} && (gone || left != 1):
				t.Errorf("%s asked %v, %d items left the counts: want it never asked, 1 left", tc.dropped, gone, left)
			}
		})
	}
}

// TestFollowCurrentLeaves: when the item shown leaves, the next one is
// asked without a grade saved; undo still takes back the answer before,
// and the item that left is not asked again after it.
func TestFollowCurrentLeaves(t *testing.T) {
	s, p := followSession(t)
	who := grade(t, s, fsrs.Easy)
	when := s.Question().Item.ID
	s.Reveal() // answered, not graded
	st := p.states[when]
	st.Suspended = true
	p.states[when] = st
	if err := s.Follow([]CardNow{now(p, testDeck(), "when")}); err != nil {
		t.Fatal(err)
	}
	if q := s.Question(); q == nil || q.Item.ID == when || s.Phase() != Asking || len(p.log) != 1 {
		t.Fatalf("after when left: question %v, phase %v, %d reviews saved; want another, asking, 1", q, s.Phase(), len(p.log))
	}
	if r := s.Remaining(); r.Review != 0 {
		t.Errorf("Remaining = %+v, want no review left", r)
	}
	op, err := s.Undo()
	if err != nil {
		t.Fatal(err)
	}
	s.Apply(op.Run())
	if q := s.Question(); q == nil || q.Item.ID != who || len(p.log) != 0 {
		t.Fatalf("undo asks %v with %d reviews saved, want %s again and none", q, len(p.log), who)
	}
	if asked := drain(t, s, fsrs.Easy); slices.Contains(asked, when) {
		t.Errorf("after the undo the session asked %v, with %s that left", asked, when)
	}
}

// TestFollowEdit: the card shown, edited, is asked again in its new
// text; an answer undone after the edit is asked in it too.
func TestFollowEdit(t *testing.T) {
	s, p := followSession(t)
	d := testDeck()
	d.Cards[1].Prompt = "누가 메모를 썼나요?" // who
	s.Reveal()
	if err := s.Follow([]CardNow{now(p, d, "who")}); err != nil {
		t.Fatal(err)
	}
	if q := s.Question(); q.Prompt != d.Cards[1].Prompt || s.Phase() != Asking {
		t.Fatalf("after the edit: %q in phase %v, want %q asked", q.Prompt, s.Phase(), d.Cards[1].Prompt)
	}
	grade(t, s, fsrs.Good)
	op, err := s.Undo()
	if err != nil {
		t.Fatal(err)
	}
	s.Apply(op.Run())
	if q := s.Question(); q.Prompt != d.Cards[1].Prompt || s.Phase() != Asking {
		t.Errorf("undo asks %q in phase %v, want the new text %q asked", q.Prompt, s.Phase(), d.Cards[1].Prompt)
	}
}

// TestFollowUndoneItemLeft: an answer undone after its card left the
// session (suspended, buried or reset in the browser) is taken back,
// but its item is not asked again: the question shown stays.
func TestFollowUndoneItemLeft(t *testing.T) {
	for name, change := range map[string]func(c *CardNow){
		"suspended": func(c *CardNow) {
			st := c.States[id("who", "fact")]
			st.Suspended = true
			c.States[id("who", "fact")] = st
		},
		"buried": func(c *CardNow) { c.Buried = true },
		"reset":  func(c *CardNow) { delete(c.States, id("who", "fact")) },
	} {
		t.Run(name, func(t *testing.T) {
			s, p := followSession(t)
			who := grade(t, s, fsrs.Easy)
			shown := s.Question().Item.ID
			c := now(p, testDeck(), "who")
			change(&c)
			if err := s.Follow([]CardNow{c}); err != nil {
				t.Fatal(err)
			}
			op, err := s.Undo()
			if err != nil {
				t.Fatal(err)
			}
			s.Apply(op.Run())
			if q := s.Question(); q == nil || q.Item.ID != shown || len(p.log) != 0 {
				t.Fatalf("undo asks %v with %d reviews saved, want %s still and none", q, len(p.log), shown)
			}
			if asked := drain(t, s, fsrs.Easy); slices.Contains(asked, who) {
				t.Errorf("after the undo the session asked %v, with %s that left", asked, who)
			}
		})
	}
}

// TestFollowNewState: a review from another machine (a sync) moves the
// card shown to later: it leaves, ungraded; another, still due, is
// graded from its state now, not the one the session started with.
func TestFollowNewState(t *testing.T) {
	s, p := followSession(t)
	who, when := id("who", "fact"), id("when", "fact")
	p.states[who] = reviewState(at(25, 9, 0), 5)   // reviewed elsewhere: due in four days
	p.states[when] = reviewState(at(21, 9, 30), 7) // still due today, with a new stability
	want := p.states[when]
	if err := s.Follow([]CardNow{now(p, testDeck(), "who"), now(p, testDeck(), "when")}); err != nil {
		t.Fatal(err)
	}
	if q := s.Question(); q == nil || q.Item.ID != when || len(p.log) != 0 {
		t.Fatalf("after who moved on: question %v with %d reviews saved, want %s and none", q, len(p.log), when)
	}
	grade(t, s, fsrs.Good)
	if got := p.log[0].Before; got == nil || *got != want {
		t.Errorf("when graded from %+v, want its state now %+v", got, want)
	}
}
