package tui

import (
	"cmp"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
)

// fakeCards are the card browser's marks in memory: what the actions
// change, by deck/card.
type fakeCards struct {
	mu        sync.Mutex
	opened    bool
	suspended map[string]bool
	buried    map[string]bool
	flags     map[string]int
	copied    bool    // the decks are copied: their cards can be edited
	saveErrs  []error // what the next saves of an edit return
	closed    int     // edits closed
	// saveAs is what the next valid save of an edit writes, kept in
	// saved by deck/card (nil: a card of the id only, not kept).
	saveAs *quiz.Card
	saved  map[string]*quiz.Card
}

func newFakeCards() *fakeCards {
	return &fakeCards{suspended: map[string]bool{}, buried: map[string]bool{}, flags: map[string]int{}, saved: map[string]*quiz.Card{}}
}

// fakeQueryError is a query the fake cannot read: one with "(".
type fakeQueryError struct{ col int }

func (e fakeQueryError) Error() string {
	return fmt.Sprintf("query column %d: ( is not closed", e.col)
}
func (e fakeQueryError) Position() int { return e.col }

func (b fakeBackend) OpenCards(time.Time) (int, error) {
	b.cards.mu.Lock()
	defer b.cards.mu.Unlock()
	b.cards.opened = true
	decks, _ := b.decks()
	n := 0
	for _, d := range decks {
		n += len(d.Cards)
	}
	return n, nil
}

// SearchCards finds the cards whose front or back contains the query,
// in deck order.
func (b fakeBackend) SearchCards(query string, _ quiz.CardSort) (quiz.CardList, error) {
	if i := strings.Index(query, "("); i >= 0 {
		return nil, fakeQueryError{len([]rune(query[:i])) + 1}
	}
	decks, _ := b.decks()
	var rows fakeList
	for _, d := range decks {
		states, _ := b.progress.States(d.ID)
		for _, c := range d.Cards {
			r := b.cards.row(d.ID, &c, states)
			if strings.Contains(r.Front+" "+r.Back, query) {
				rows = append(rows, r)
			}
		}
	}
	return rows, nil
}

// row is card c's row with its states and marks.
func (f *fakeCards) row(deck string, c *quiz.Card, states map[quiz.ItemID]quiz.ItemState) quiz.CardRow {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := quiz.CardRow{Deck: deck, Card: c.ID, Kind: c.Kind, State: "new", Furthest: "new", Front: c.Word + c.Prompt + c.Text,
		Back: strings.Join(c.Meanings, "; ") + c.Answer + c.Translation}
	studied := 0
	for _, name := range c.ItemNames() {
		id := quiz.ItemID{Deck: deck, Card: c.ID, Item: name}
		r.Items = append(r.Items, id)
		if s, ok := states[id]; ok { // every item studied is taken to be in review
			studied++
			r.Furthest, r.Due, r.Lapses = "review", s.Card.Due, max(r.Lapses, int(s.Card.Lapses))
		}
	}
	if studied == len(r.Items) {
		r.State = r.Furthest
	}
	k := deck + "/" + c.ID
	r.Suspended, r.Buried, r.Flag = f.suspended[k], f.buried[k], f.flags[k]
	return r
}

// fakeList is cards found, in order.
type fakeList []quiz.CardRow

func (l fakeList) Len() int               { return len(l) }
func (l fakeList) Row(i int) quiz.CardRow { return l[i] }

func (b fakeBackend) CardInfo(row quiz.CardRow, _ time.Time) (*quiz.CardInfo, error) {
	info := &quiz.CardInfo{}
	states, _ := b.progress.States(row.Deck)
	for _, id := range row.Items {
		it := quiz.ItemInfo{ID: id, State: "new"}
		if s, ok := states[id]; ok {
			it.State, it.Due, it.Stability, it.Difficulty, it.LastReview = "review", s.Card.Due, s.Card.Stability, s.Card.Difficulty, s.Card.LastReview
			it.Retrievability = 0.9
		}
		info.Items = append(info.Items, it)
	}
	for _, r := range b.progress.reviews {
		if r.Item.Deck == row.Deck && r.Item.Card == row.Card {
			info.Reviews = append(info.Reviews, quiz.ReviewInfo{Item: r.Item, At: r.ReviewedAt, Rating: r.Rating,
				Duration: r.Duration, Interval: r.After.Card.ScheduledDays})
		}
	}
	return info, nil
}

// mark sets a mark of the rows' cards to v and returns the undo.
func mark[T any](f *fakeCards, m map[string]T, rows []quiz.CardRow, v T) (func() error, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	before := map[string]T{}
	for _, r := range rows {
		k := r.Deck + "/" + r.Card
		before[k] = m[k]
		m[k] = v
	}
	return func() error {
		f.mu.Lock()
		defer f.mu.Unlock()
		for k, v := range before {
			m[k] = v
		}
		return nil
	}, nil
}

func (b fakeBackend) SuspendCards(rows []quiz.CardRow, on bool, _ time.Time) (func() error, error) {
	return mark(b.cards, b.cards.suspended, rows, on)
}

func (b fakeBackend) BuryCards(rows []quiz.CardRow, _ time.Time) (func() error, error) {
	return mark(b.cards, b.cards.buried, rows, true)
}

func (b fakeBackend) FlagCards(rows []quiz.CardRow, flag int, _ time.Time) (func() error, error) {
	return mark(b.cards, b.cards.flags, rows, flag)
}

// ResetCards forgets the rows' items' states; the undo puts them back.
func (b fakeBackend) ResetCards(rows []quiz.CardRow, _ time.Time) (func() error, error) {
	p := b.progress
	p.mu.Lock()
	defer p.mu.Unlock()
	saved := map[quiz.ItemID]quiz.ItemState{}
	for _, r := range rows {
		for _, id := range r.Items {
			if s, ok := p.states[id]; ok {
				saved[id] = s
				delete(p.states, id)
			}
		}
	}
	return func() error {
		p.mu.Lock()
		defer p.mu.Unlock()
		for id, s := range saved {
			p.states[id] = s
		}
		return nil
	}, nil
}

// fakeBuiltin is the error of editing a built-in deck's card.
type fakeBuiltin struct{ deck string }

func (e fakeBuiltin) Error() string       { return e.deck + " is built in" }
func (e fakeBuiltin) BuiltinDeck() string { return e.deck }

// fakeEdit is a card edit whose saves return the errors queued, then
// the card.
type fakeEdit struct {
	f          *fakeCards
	deck, card string
}

func (e fakeEdit) Command() *exec.Cmd { return exec.Command("true") }

func (e fakeEdit) Save(exitErr error) (*quiz.Card, error) {
	e.f.mu.Lock()
	defer e.f.mu.Unlock()
	if len(e.f.saveErrs) > 0 {
		err := e.f.saveErrs[0]
		e.f.saveErrs = e.f.saveErrs[1:]
		return nil, err
	}
	if c := e.f.saveAs; c != nil && exitErr == nil {
		e.f.saved[e.deck+"/"+e.card], e.f.saveAs = c, nil
		return c, nil
	}
	return &quiz.Card{ID: e.card}, exitErr
}

func (e fakeEdit) Close() {
	e.f.mu.Lock()
	defer e.f.mu.Unlock()
	e.f.closed++
}

// EditCard edits any card once its deck is copied (every deck of the
// fake is built in).
func (b fakeBackend) EditCard(deck, card string, copyBuiltin bool) (quiz.CardEdit, error) {
	b.cards.mu.Lock()
	defer b.cards.mu.Unlock()
	if copyBuiltin {
		b.cards.copied = true
	}
	if !b.cards.copied {
		return nil, fakeBuiltin{deck}
	}
	return fakeEdit{b.cards, deck, card}, nil
}

func (b fakeBackend) NewCard(deck string, copyBuiltin bool) (quiz.CardEdit, error) {
	return b.EditCard(deck, "new-card", copyBuiltin)
}

func (b fakeBackend) DeleteCard(deck, card string) error {
	return fmt.Errorf("%s is built in", deck)
}

// CardsNow reads the cards of the deck as the edits saved them, with
// their states, suspension and burial.
func (b fakeBackend) CardsNow(deck string, ids []string, _ time.Time) ([]quiz.CardNow, error) {
	decks, _ := b.decks()
	states, _ := b.progress.States(deck)
	b.cards.mu.Lock()
	defer b.cards.mu.Unlock()
	var out []quiz.CardNow
	for _, d := range decks {
		for _, c := range d.Cards {
			if d.ID != deck || !slices.Contains(ids, c.ID) {
				continue
			}
			k := deck + "/" + c.ID
			now := quiz.CardNow{Deck: deck, ID: c.ID, Card: cmp.Or(b.cards.saved[k], &c), States: map[quiz.ItemID]quiz.ItemState{}, Buried: b.cards.buried[k]}
			for _, name := range now.Card.ItemNames() {
				id := quiz.ItemID{Deck: deck, Card: c.ID, Item: name}
				if st, ok := states[id]; ok || b.cards.suspended[k] {
					st.Suspended = b.cards.suspended[k]
					now.States[id] = st
				}
			}
			out = append(out, now)
		}
	}
	return out, nil
}
