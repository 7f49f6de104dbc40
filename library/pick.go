package library

import (
	"cmp"
	"math"
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
	for want := 4 * n; ; want *= 4 {
		order, all := practiceOrder(&f.index, opts, want)
		cards, err := s.notSuspended(f, order, n)
		switch {
		case err != nil:
			return nil, 0, err
		case len(cards) == n:
			return cards, n, nil
		case all:
			return cards, opts.Limit, nil // every item fits
		}
	}
}

// notSuspended returns the card positions of the first n items of order
// that are not suspended, reading their cards' states in batches.
func (s *Study) notSuspended(f *deckFile, order []rankedItem, n int) ([]int, error) {
	var cards []int
	for at := 0; at < len(order) && len(cards) < n; at += newBatch {
		batch := order[at:min(at+newBatch, len(order))]
		ids := make([]string, len(batch))
		for i, r := range batch {
			ids[i] = f.index.id(int(r.pos))
		}
		rows, err := s.progress.CardStates(f.index.Deck.ID, ids)
		if err != nil {
			return nil, err
		}
		asleep := map[quiz.ItemID]bool{}
		for _, r := range rows {
			asleep[quiz.ItemID{Card: r.Card, Item: r.Item}] = r.State.Suspended
		}
		for i, r := range batch {
			if len(cards) < n && !asleep[quiz.ItemID{Card: ids[i], Item: f.index.names(int(r.pos))[r.item]}] {
				cards = append(cards, int(r.pos))
			}
		}
	}
	return cards, nil
}

// rankedItem is an item of the index in practice order.
type rankedItem struct {
	rank uint64
	pos  int32 // its card's position
	item int32 // its place among its card's item names
}

// practiceOrder returns the first items of the index that opts studies in
// the order of a practice session with opts.Seed (by quiz.PracticeRank,
// then deck order): those whose rank is below a bound that about want of
// them fall under, sorted, and whether that is all of them. It reads the
// index only, and sorts only what it returns.
func practiceOrder(x *deckIndex, opts quiz.Options, want int) ([]rankedItem, bool) {
	bound, all := uint64(math.MaxUint64), want >= x.Items
	if !all {
		bound = math.MaxUint64 / uint64(x.Items) * uint64(want)
	}
	var order []rankedItem
	st := optionStudies(opts)
	for pos := range x.Cards {
		card := x.id(pos)
		for i, name := range x.names(pos) {
			if !st.takes(x, pos, name) {
				continue
			}
			id := quiz.ItemID{Deck: x.Deck.ID, Card: card, Item: name}
			if rank := quiz.PracticeRank(opts.Seed, id); all || rank < bound {
				order = append(order, rankedItem{rank, int32(pos), int32(i)})
			}
		}
	}
	slices.SortFunc(order, func(a, b rankedItem) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.pos, b.pos), cmp.Compare(a.item, b.item))
	})
	return order, all
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
