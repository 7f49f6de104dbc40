package library

import (
	"errors"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/stats"
	"github.com/moatquiz/moatquiz/store"
)

// Stats computes the figures of q over the learner's decks, read from
// their indexes (q.Decks is replaced): only the cards of the items listed
// by name are decoded.
func (s *Study) Stats(q stats.Query) (*stats.Stats, error) {
	decks, errs := s.lib.StatsDecks()
	if len(errs) > 0 && len(decks) == 0 {
		return nil, errors.Join(errs...)
	}
	q.Decks = decks
	return Stats(s.progress, q)
}

// statsRows reads the rows of a stats query: the store does.
type statsRows interface {
	StatsRows(store.StatsScope) (*store.StatsRows, error)
}

// Stats computes the figures of q from the rows p reads.
func Stats(p statsRows, q stats.Query) (*stats.Stats, error) {
	deck, decks, since, until := q.Scope()
	r, err := p.StatsRows(store.StatsScope{Deck: deck, Items: decks, Since: since, Until: until})
	if err != nil {
		return nil, err
	}
	rows := stats.Rows{Slots: make([]stats.Slot, len(r.Slots)), Retention: make([]stats.ReviewAnswers, len(r.Retention)),
		Cards: make([]stats.CardAnswers, len(r.Cards)), Items: make([]stats.Item, len(r.Items))}
	for i, s := range r.Slots {
		rows.Slots[i] = stats.Slot(s)
	}
	for i, a := range r.Retention {
		rows.Retention[i] = stats.ReviewAnswers(a)
	}
	for i, c := range r.Cards {
		rows.Cards[i] = stats.CardAnswers(c)
	}
	for i, it := range r.Items {
		rows.Items[i] = stats.Item(it)
	}
	return stats.Compute(q, rows), nil
}

// StatsDecks returns the decks that load, in the order of Files, as the
// figures read them: from their indexes, without their cards. The errors
// are those of the decks that do not load.
func (l *Library) StatsDecks() ([]stats.Deck, []error) {
	var (
		decks []stats.Deck
		errs  []error
	)
	for _, f := range l.found() {
		if f.err != nil {
			errs = append(errs, f.err)
			continue
		}
		decks = append(decks, statsDeck{f.file})
	}
	return decks, errs
}

// statsDeck is a deck file as the figures read it: its index, and its
// cards decoded one by one.
type statsDeck struct{ f *deckFile }

func (d statsDeck) Header() *quiz.Deck                   { return d.f.header() }
func (d statsDeck) Len() int                             { return d.f.index.Cards }
func (d statsDeck) ItemNames(pos int) []string           { return d.f.index.names(pos) }
func (d statsDeck) Tags(pos int) []string                { return d.f.index.tags(pos) }
func (d statsDeck) Find(id string) (int, bool)           { return d.f.index.find(id) }
func (d statsDeck) Cards(pos []int) ([]quiz.Card, error) { return d.f.cards(pos) }
