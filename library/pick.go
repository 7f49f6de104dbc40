package library

import (
	"cmp"
	"math/rand/v2"
	"slices"

	"github.com/moatquiz/moatquiz/quiz"
)

// practiceWindow is how many items a practice session without a limit
// holds: the first of the deck's practice order, so that starting one
// reads a few hundred cards, not the deck. A new session (a new seed)
// practises others.
const practiceWindow = 500

// practiceCards returns the positions of the cards of a practice session
// with opts, and the limit that makes the session over them the one quiz
// builds over the whole deck: the first n items in PracticeRank order
// that are not suspended (n is opts.Limit, else practiceWindow), read
// from the index, and the states of their cards only.
func (s *Study) practiceCards(f *deckFile, opts quiz.Options) ([]int, int, error) {
	n := opts.Limit
	if n <= 0 {
		n = practiceWindow
	}
	order := practiceOrder(&f.index, opts)
	var cards []int
	taken := 0
	for at := 0; at < len(order) && taken < n; at += newBatch {
		batch := order[at:min(at+newBatch, len(order))]
		ids := make([]string, len(batch))
		for i, r := range batch {
			ids[i] = f.index.id(int(r.pos))
		}
		rows, err := s.progress.CardStates(f.index.Deck.ID, ids)
		if err != nil {
			return nil, 0, err
		}
		asleep := map[quiz.ItemID]bool{}
		for _, r := range rows {
			asleep[quiz.ItemID{Card: r.Card, Item: r.Item}] = r.State.Suspended
		}
		for i, r := range batch {
			if taken < n && !asleep[quiz.ItemID{Card: ids[i], Item: f.index.names(int(r.pos))[r.item]}] {
				taken++
				cards = append(cards, int(r.pos))
			}
		}
	}
	if taken == n {
		return cards, n, nil
	}
	return cards, opts.Limit, nil // every item fits
}

// rankedItem is an item of the index in practice order.
type rankedItem struct {
	rank uint64
	pos  int32 // its card's position
	item int32 // its place among its card's item names
}

// practiceOrder returns the items of the index that opts studies, in the
// order of a practice session with opts.Seed: by quiz.PracticeRank, then
// deck order. It reads the index only.
func practiceOrder(x *deckIndex, opts quiz.Options) []rankedItem {
	order := make([]rankedItem, 0, x.Items)
	for pos := range x.Cards {
		card := x.id(pos)
		for i, name := range x.names(pos) {
			if opts.Studies(name) {
				id := quiz.ItemID{Deck: x.Deck.ID, Card: card, Item: name}
				order = append(order, rankedItem{quiz.PracticeRank(opts.Seed, id), int32(pos), int32(i)})
			}
		}
	}
	slices.SortFunc(order, func(a, b rankedItem) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.pos, b.pos), cmp.Compare(a.item, b.item))
	})
	return order
}

// poolPerKind is how many cards of each kind (fact, vocab, cloze) choice
// questions take their distractors from; a deck of at most 3 × poolPerKind
// cards gives them all, and the session's questions are then those of the
// whole deck.
const poolPerKind = 64

// choicePool returns the cards choice questions take their distractors
// from: up to poolPerKind cards of each kind, picked at random (by seed)
// from the index, in deck order; each card then yields its answers.
func choicePool(f *deckFile, seed int64) ([]quiz.Card, error) {
	x := &f.index
	var pos []int
	if x.Cards <= 3*poolPerKind {
		pos = make([]int, x.Cards)
		for i := range pos {
			pos[i] = i
		}
		return f.cards(pos)
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x706f6f6c))
	have := map[string]int{}
	chosen := map[int]bool{}
	for try := 0; try < 16*3*poolPerKind && len(chosen) < 3*poolPerKind; try++ {
		p := rng.IntN(x.Cards)
		kind := kindOf(x.names(p))
		if chosen[p] || kind == "" || have[kind] == poolPerKind {
			continue
		}
		have[kind]++
		chosen[p] = true
		pos = append(pos, p)
	}
	slices.Sort(pos)
	return f.cards(pos)
}

// kindOf names the kind of a card by its item names.
func kindOf(names []string) string {
	switch {
	case len(names) == 0:
		return ""
	case names[0] == quiz.ItemFact:
		return "fact"
	case names[0] == quiz.ItemKoEn || names[0] == quiz.ItemEnKo:
		return "vocab"
	}
	return "cloze"
}
