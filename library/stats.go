package library

import (
	"errors"

	"github.com/moatquiz/moatquiz/stats"
	"github.com/moatquiz/moatquiz/store"
)

// Stats computes the figures of q over the learner's decks, whole: the
// home screen's rows hold only their headers.
func (s *Study) Stats(q stats.Query) (*stats.Stats, error) {
	decks, errs := s.lib.Decks()
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
