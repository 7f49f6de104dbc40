package stats

import "github.com/moatquiz/moatquiz/quiz"

// Deck is a deck as the figures read it: its header (id and title), and
// per card position its id, item names and tags, which a deck index
// holds without the cards' content. Cards decodes only the cards whose
// items are listed by name (the most lapsed and the leeches).
type Deck interface {
	Header() *quiz.Deck
	Len() int
	ItemNames(pos int) []string
	Tags(pos int) []string
	// Find is the position of the card with the id.
	Find(id string) (int, bool)
	// Cards are the cards at the positions.
	Cards(pos []int) ([]quiz.Card, error)
}

// WholeDeck is a Deck of a deck held whole.
func WholeDeck(d *quiz.Deck) Deck {
	w := &wholeDeck{d: d, pos: make(map[string]int, len(d.Cards))}
	for i := range d.Cards {
		w.pos[d.Cards[i].ID] = i
	}
	return w
}

// wholeDeck is a deck held whole, its cards by id.
type wholeDeck struct {
	d   *quiz.Deck
	pos map[string]int
}

func (w *wholeDeck) Header() *quiz.Deck         { return w.d }
func (w *wholeDeck) Len() int                   { return len(w.d.Cards) }
func (w *wholeDeck) ItemNames(pos int) []string { return w.d.Cards[pos].ItemNames() }
func (w *wholeDeck) Tags(pos int) []string      { return w.d.Cards[pos].Tags }
func (w *wholeDeck) Find(id string) (int, bool) { i, ok := w.pos[id]; return i, ok }

func (w *wholeDeck) Cards(pos []int) ([]quiz.Card, error) {
	out := make([]quiz.Card, len(pos))
	for i, p := range pos {
		out[i] = w.d.Cards[p]
	}
	return out, nil
}
