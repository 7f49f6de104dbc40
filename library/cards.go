package library

import (
	"errors"
	"sync"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/search"
)

// BrowseStore is what the app's card browser reads and changes: the
// store.
type BrowseStore interface {
	RefreshStore
	CardEditor
}

// openCards is the card browser a Study opened for the app: searches read it
// while an action's refresh writes it, from the app's commands.
type openCards struct {
	mu      sync.RWMutex
	browser *Browser
}

// browseStore is the Study's progress as a BrowseStore.
func (s *Study) browseStore() (BrowseStore, error) {
	st, ok := s.progress.(BrowseStore)
	if !ok {
		return nil, errors.New("this progress store cannot list cards")
	}
	return st, nil
}

// OpenCards reads every card of the library with its state at now, for
// SearchCards and the card actions: the app's card browser. It returns
// how many cards it read.
func (s *Study) OpenCards(now time.Time) (int, error) {
	st, err := s.browseStore()
	if err != nil {
		return 0, err
	}
	b, err := s.lib.OpenBrowser(st, s.scheduling, now)
	if err != nil {
		return 0, err
	}
	s.cards.mu.Lock()
	defer s.cards.mu.Unlock()
	s.cards.browser = b
	return b.Len(), nil
}

// SearchCards returns the cards of the opened browser that query finds,
// in by's order; a query that does not parse is a *search.SyntaxError.
func (s *Study) SearchCards(query string, by quiz.CardSort) (quiz.CardList, error) {
	q, err := search.Parse(query)
	if err != nil {
		return nil, err
	}
	s.cards.mu.RLock()
	defer s.cards.mu.RUnlock()
	if s.cards.browser == nil {
		return nil, errors.New("the cards are not read yet")
	}
	return lockedList{&s.cards.mu, s.cards.browser.Search(q, by)}, nil
}

// lockedList reads results while no action refreshes their rows.
type lockedList struct {
	mu  *sync.RWMutex
	res *Results
}

func (l lockedList) Len() int { return l.res.Len() }

func (l lockedList) Row(i int) quiz.CardRow {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.res.Row(i)
}

// CardInfo returns row's card's memory at now and its review log.
func (s *Study) CardInfo(row quiz.CardRow, now time.Time) (*quiz.CardInfo, error) {
	st, err := s.browseStore()
	if err != nil {
		return nil, err
	}
	return Info(st, st, row, s.scheduling, now)
}

// SuspendCards suspends (on) or unsuspends the rows' cards.
func (s *Study) SuspendCards(rows []quiz.CardRow, on bool, now time.Time) (func() error, error) {
	return s.act(rows, now, func(st BrowseStore) (Change, error) { return Suspend(st, rows, on, now) })
}

// BuryCards keeps the rows' cards out of sessions until the next study
// day.
func (s *Study) BuryCards(rows []quiz.CardRow, now time.Time) (func() error, error) {
	return s.act(rows, now, func(st BrowseStore) (Change, error) { return Bury(st, rows, s.scheduling, now) })
}

// FlagCards sets the rows' cards' flag, 0 (none) to 4.
func (s *Study) FlagCards(rows []quiz.CardRow, flag int, now time.Time) (func() error, error) {
	return s.act(rows, now, func(st BrowseStore) (Change, error) { return Flag(st, rows, flag, now) })
}

// ResetCards makes the rows' cards new again; their review log stays.
func (s *Study) ResetCards(rows []quiz.CardRow, now time.Time) (func() error, error) {
	return s.act(rows, now, func(st BrowseStore) (Change, error) { return Reset(st, rows, s.scheduling, now) })
}

// act runs an action on the rows and refreshes them in the browser; the
// undo it returns refreshes them too.
func (s *Study) act(rows []quiz.CardRow, now time.Time, do func(BrowseStore) (Change, error)) (func() error, error) {
	st, err := s.browseStore()
	if err != nil {
		return nil, err
	}
	ch, err := do(st)
	if err != nil {
		return nil, err
	}
	undo := func() error {
		if err := ch.Undo(); err != nil {
			return err
		}
		return s.refresh(st, rows, now)
	}
	return undo, s.refresh(st, rows, now)
}

// refresh reads the rows' cards' states again into the opened browser.
func (s *Study) refresh(st BrowseStore, rows []quiz.CardRow, now time.Time) error {
	s.cards.mu.Lock()
	defer s.cards.mu.Unlock()
	if s.cards.browser == nil {
		return nil
	}
	return s.cards.browser.Refresh(st, rows, s.scheduling, now)
}

// EditCard starts editing a card of the learner's deck in their editor;
// with copyBuiltin, a built-in deck is first copied to their decks
// (else it is a *BuiltinError).
func (s *Study) EditCard(deck, card string, copyBuiltin bool) (quiz.CardEdit, error) {
	return s.edit(deck, copyBuiltin, func() (*CardEdit, error) { return s.lib.EditCard(deck, card) })
}

// NewCard starts adding a vocab card to the learner's deck from a
// template, as EditCard does.
func (s *Study) NewCard(deck string, copyBuiltin bool) (quiz.CardEdit, error) {
	return s.edit(deck, copyBuiltin, func() (*CardEdit, error) { return s.lib.AddCard(deck, CardTemplate(quiz.KindVocab)) })
}

// edit starts an edit, after copying a built-in deck when asked.
func (s *Study) edit(deck string, copyBuiltin bool, start func() (*CardEdit, error)) (quiz.CardEdit, error) {
	e, err := start()
	var be *BuiltinError
	if errors.As(err, &be) && copyBuiltin {
		if _, err = s.lib.CopyDeck(deck); err == nil {
			e, err = start()
		}
	}
	if err != nil {
		return nil, err
	}
	return e, nil
}

// DeleteCard removes a card from the learner's deck file.
func (s *Study) DeleteCard(deck, card string) error { return s.lib.DeleteCard(deck, card) }

// CardsNow reads the deck's cards with the ids as they are now, for the
// session the browser was opened from to follow (quiz.Session.Follow):
// their text from the deck's file (nil for a card it no longer has),
// their items' stored states and whether they are buried at now. Its work
// follows the ids, not the deck.
func (s *Study) CardsNow(deck string, ids []string, now time.Time) ([]quiz.CardNow, error) {
	f, err := s.lib.file(deck)
	if err != nil {
		return nil, err
	}
	buried, err := s.progress.Buried(deck, now)
	if err != nil {
		return nil, err
	}
	out, at := make([]quiz.CardNow, len(ids)), map[string]int{}
	var pos, found []int
	for i, id := range ids {
		out[i], at[id] = quiz.CardNow{Deck: deck, ID: id, States: map[quiz.ItemID]quiz.ItemState{}, Buried: buried[id]}, i
		if p, ok := f.index.find(id); ok {
			pos, found = append(pos, p), append(found, i)
		}
	}
	cards, err := f.cards(pos)
	if err != nil {
		return nil, err
	}
	for j := range cards {
		out[found[j]].Card = &cards[j]
	}
	rows, err := s.progress.CardStates(deck, ids)
	for _, r := range rows {
		if i, ok := at[r.Card]; ok {
			out[i].States[quiz.ItemID{Deck: deck, Card: r.Card, Item: r.Item}] = r.State
		}
	}
	return out, err
}
