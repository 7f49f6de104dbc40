package quiz

import (
	"slices"
	"strconv"
)

// Item names: a fact card yields ItemFact; a vocab card yields ItemKoEn
// (recognition: Korean word → meaning) and ItemEnKo (production: meaning →
// Korean word); a cloze card yields "c1", "c2", ... one per deletion number.
const (
	ItemFact = "fact"
	ItemKoEn = "ko-en"
	ItemEnKo = "en-ko"
)

// ItemID identifies one study item: what is scheduled. It is keyed by the
// deck id, the card id and the item name, so editing a card's text keeps
// its progress.
type ItemID struct {
	Deck string
	Card string
	Item string
}

// String returns "deck/card/item".
func (id ItemID) String() string { return id.Deck + "/" + id.Card + "/" + id.Item }

// Item is one study item of a card, with its own FSRS state.
type Item struct {
	ID   ItemID
	Card *Card // points into the deck's Cards
}

// Items returns every study item of the deck in deck order: cards in
// order, and within a card fact, or ko-en then en-ko, or c1, c2, ... A
// cloze card whose text does not parse yields no items (the loader
// rejects such decks), nor does a vocab card awaiting its meaning.
func (d *Deck) Items() []Item {
	if len(d.Cards) == 0 {
		return nil
	}
	items := make([]Item, 0, len(d.Cards)*2) // a vocab card has two
	for i := range d.Cards {
		c := &d.Cards[i]
		for _, name := range itemNames(c) {
			items = append(items, Item{ID: ItemID{Deck: d.ID, Card: c.ID, Item: name}, Card: c})
		}
	}
	return items
}

// ItemNames returns the names of the card's study items, in the order
// Deck.Items gives them.
func (c *Card) ItemNames() []string { return slices.Clone(itemNames(c)) }

// The item names of fact and vocab cards, shared: itemNames is called for
// every card of a deck, and its callers only read them.
var (
	factItems  = []string{ItemFact}
	vocabItems = []string{ItemKoEn, ItemEnKo}
)

// itemNames returns the item names a card yields; the caller must not
// change the slice.
func itemNames(c *Card) []string {
	switch c.Kind {
	case KindFact:
		return factItems
	case KindVocab:
		if c.AwaitsMeaning() {
			return nil // nothing to ask until the learner gives a meaning
		}
		return vocabItems
	case KindCloze:
		parts, err := ParseCloze(c.Text)
		if err != nil {
			return nil
		}
		var names []string
		for _, n := range ClozeNumbers(parts) {
			names = append(names, clozeItem(n))
		}
		return names
	}
	return nil
}

// clozeItem is the item name of cloze deletion n.
func clozeItem(n int) string { return "c" + strconv.Itoa(n) }
