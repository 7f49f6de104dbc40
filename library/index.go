package library

import (
	"encoding/binary"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/moatquiz/moatquiz/quiz"
)

// deckIndex is what the home screen and a session's planning need of a
// deck without its cards' content: the deck's header, and per card its id,
// its item names, its tags, the sibling keys it shares with other cards
// (quiz.Card.SiblingKeys, numbered) and where its bytes lie in the deck's
// binary form; and per tag the cards that have it. It is
// a few bytes per card, read whole from a cache entry and used as read,
// without a value built per card.
type deckIndex struct {
	indexHead
	raw string // the layout below, little-endian
}

// indexHead is the index's part kept as JSON in a cache entry's head.
type indexHead struct {
	Deck  quiz.Deck  // the deck's header: Cards is nil
	Cards int        // how many cards it has
	Items int        // how many study items its cards yield
	Names [][]string // the distinct lists of item names
	Tags  [][]string // the distinct lists of tags
	Size  int        // the length of raw
	// Kin is how many sibling keys the cards have in all, counting
	// only the keys shared by two cards or more.
	Kin int
	// Bilingual is the deck's BilingualFacts.
	Bilingual bool
	// TagNames are the cards' tags, sorted, each once; Tagged is how
	// many cards have each, summed.
	TagNames []string
	Tagged   int
}

// The layout of deckIndex.raw for n cards: the end of each card's id in
// the ids (uint32 × n); where each card's bytes start in the binary form,
// then its length (uint32 × n+1); the cards' positions in id order (uint32
// × n); each card's list in Names (uint16 × n); each card's list in Tags
// (uint32 × n); the end of each card's sibling keys in the keys (uint32 ×
// n); the sibling keys (uint32 × Kin: kinShows and kinTests, and the key's
// number from 0 above them); the end of each tag's cards in the tagged
// cards (uint32 × len(TagNames)); the tagged cards, each tag's positions
// in deck order (uint32 × Tagged); then the ids, one after the other in
// deck order.
func (x *deckIndex) idEnds() int  { return 0 }
func (x *deckIndex) starts() int  { return 4 * x.Cards }
func (x *deckIndex) sorted() int  { return 8*x.Cards + 4 }
func (x *deckIndex) nameIDs() int { return 12*x.Cards + 4 }
func (x *deckIndex) tagIDs() int  { return 14*x.Cards + 4 }
func (x *deckIndex) kinEnds() int { return 18*x.Cards + 4 }
func (x *deckIndex) kin() int     { return 22*x.Cards + 4 }
func (x *deckIndex) tagEnds() int { return x.kin() + 4*x.Kin }
func (x *deckIndex) tagged() int  { return x.tagEnds() + 4*len(x.TagNames) }
func (x *deckIndex) ids() int     { return x.tagged() + 4*x.Tagged }

// u32 is the i-th uint32 of the table at off.
func (x *deckIndex) u32(off, i int) int {
	s := x.raw[off+4*i:]
	return int(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// id is the id of the card at position i.
func (x *deckIndex) id(i int) string {
	start := 0
	if i > 0 {
		start = x.u32(x.idEnds(), i-1)
	}
	return x.raw[x.ids()+start : x.ids()+x.u32(x.idEnds(), i)]
}

// names are the item names of the card at position i; the caller must not
// change them.
func (x *deckIndex) names(i int) []string {
	s := x.raw[x.nameIDs()+2*i:]
	return x.Names[int(s[0])|int(s[1])<<8]
}

// tags are the tags of the card at position i; the caller must not change
// them.
func (x *deckIndex) tags(i int) []string { return x.Tags[x.u32(x.tagIDs(), i)] }

// The flags of a sibling key in the index: the card shows it, tests it;
// it is a word's (quiz.SiblingKey.Word).
const (
	kinShows = 1 << iota
	kinTests
	kinWord
	kinFlags = 3 // how many bits they take
)

// kinOf calls fn with the number of each sibling key of the card at
// position i that has every flag of flags, until fn returns true, and
// reports whether one did.
func (x *deckIndex) kinOf(i, flags int, fn func(key int) bool) bool {
	start := 0
	if i > 0 {
		start = x.u32(x.kinEnds(), i-1)
	}
	for j := start; j < x.u32(x.kinEnds(), i); j++ {
		if k := x.u32(x.kin(), j); k&flags == flags && fn(k>>kinFlags) {
			return true
		}
	}
	return false
}

// allTags are the tags of the deck's cards, sorted, each once.
func (x *deckIndex) allTags() []string { return slices.Clone(x.TagNames) }

// tagSpan is where the positions of the cards with the t-th of TagNames
// lie among the tagged cards.
func (x *deckIndex) tagSpan(t int) (start, end int) {
	if t > 0 {
		start = x.u32(x.tagEnds(), t-1)
	}
	return start, x.u32(x.tagEnds(), t)
}

// tagSpans calls fn with where the positions of the cards of each tag
// equal to tag in any case (quiz.Options.Tagged) lie among the tagged
// cards, and returns how many tags it found.
func (x *deckIndex) tagSpans(tag string, fn func(start, end int)) int {
	n := 0
	for t, name := range x.TagNames {
		if strings.EqualFold(name, tag) {
			n++
			fn(x.tagSpan(t))
		}
	}
	return n
}

// countTagged is how many cards have the tag, in any case, at most: a
// card with it in two cases counts twice.
func (x *deckIndex) countTagged(tag string) int {
	n := 0
	x.tagSpans(tag, func(start, end int) { n += end - start })
	return n
}

// cardsTagged returns the positions from from on of the cards with the
// tag, in any case, in deck order: read from the index's lists of the
// tags, with no card's tags looked at.
func (x *deckIndex) cardsTagged(tag string, from int) []int {
	var pos []int
	lists := x.tagSpans(tag, func(start, end int) {
		first := start + sort.Search(end-start, func(i int) bool { return x.u32(x.tagged(), start+i) >= from })
		for j := first; j < end; j++ {
			pos = append(pos, x.u32(x.tagged(), j))
		}
	})
	if lists > 1 { // the tag in other cases: one card may have two of them
		slices.Sort(pos)
		pos = slices.Compact(pos)
	}
	return pos
}

// span is where the bytes of the card at position i lie in the binary form.
func (x *deckIndex) span(i int) (start, end int) {
	return x.u32(x.starts(), i), x.u32(x.starts(), i+1)
}

// size is the length of the deck's binary form.
func (x *deckIndex) size() int { return x.u32(x.starts(), x.Cards) }

// find returns the position of the card with the id.
func (x *deckIndex) find(id string) (int, bool) {
	lo, hi := 0, x.Cards
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if x.id(x.u32(x.sorted(), mid)) < id {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < x.Cards && x.id(x.u32(x.sorted(), lo)) == id {
		return x.u32(x.sorted(), lo), true
	}
	return 0, false
}

// has reports whether the deck has the item: a state of any other item
// belongs to a card or item that is gone, and counts for nothing.
func (x *deckIndex) has(card, item string) (int, bool) {
	pos, ok := x.find(card)
	return pos, ok && slices.Contains(x.names(pos), item)
}

// valid reports whether the index is whole and consistent, so that its
// lookups stay in range: a damaged cache entry is read again from its
// deck file rather than trusted.
func (x *deckIndex) valid() bool {
	n := x.Cards
	if n < 0 || x.Kin < 0 || x.Tagged < 0 || len(x.raw) < x.ids() || len(x.Names) > maxNameLists {
		return false
	}
	ids, body, kin := 0, 0, 0
	for i := range n {
		end := x.u32(x.idEnds(), i)
		start := x.u32(x.starts(), i)
		s := x.raw[x.nameIDs()+2*i:]
		if end < ids || start < body || x.u32(x.sorted(), i) >= n || int(s[0])|int(s[1])<<8 >= len(x.Names) ||
			x.u32(x.tagIDs(), i) >= len(x.Tags) || x.u32(x.kinEnds(), i) < kin {
			return false
		}
		ids, body, kin = end, start, x.u32(x.kinEnds(), i)
	}
	return x.size() >= body && kin == x.Kin && x.ids()+ids == len(x.raw) && x.validTags()
}

// validTags reports whether each tag's list of cards holds positions of
// cards, ascending, and the lists fill the tagged cards.
func (x *deckIndex) validTags() bool {
	at := 0
	for t := range x.TagNames {
		start, end := x.tagSpan(t)
		if start != at || end < start || end > x.Tagged {
			return false
		}
		for j, last := start, -1; j < end; j++ {
			p := x.u32(x.tagged(), j)
			if p <= last || p >= x.Cards {
				return false
			}
			last = p
		}
		at = end
	}
	return at == x.Tagged
}

// maxNameLists is how many distinct lists of item names an index holds:
// a cloze card's list names its deletions, and a deck with more kinds of
// them is indexed by whole decks instead.
const maxNameLists = 1 << 16

// buildIndex indexes deck d, whose binary form is size bytes with its
// cards starting at starts (deckfile.EncodeBinary); false when the deck
// is too large for the layout.
func buildIndex(d *quiz.Deck, starts []int, size int) (deckIndex, bool) {
	n := len(d.Cards)
	head := indexHead{Deck: *d, Cards: n, Bilingual: d.BilingualFacts()}
	head.Deck.Cards, head.Deck.Path = nil, ""
	var b []byte
	ids := 0
	for i := range d.Cards {
		ids += len(d.Cards[i].ID)
		b = binary.LittleEndian.AppendUint32(b, uint32(ids))
	}
	for _, s := range append(starts, size) {
		b = binary.LittleEndian.AppendUint32(b, uint32(s))
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(d.Cards[a].ID, d.Cards[b].ID) })
	for _, i := range order {
		b = binary.LittleEndian.AppendUint32(b, uint32(i))
	}
	lists := map[string]int{}
	for i := range d.Cards {
		names := d.Cards[i].ItemNames()
		head.Items += len(names)
		key := strings.Join(names, " ")
		id, ok := lists[key]
		if !ok {
			id, lists[key] = len(head.Names), len(head.Names)
			head.Names = append(head.Names, names)
		}
		b = binary.LittleEndian.AppendUint16(b, uint16(id))
	}
	tagLists := map[string]int{}
	for i := range d.Cards {
		tags := d.Cards[i].Tags
		key := strings.Join(tags, " ") // a tag has no space
		id, ok := tagLists[key]
		if !ok {
			id, tagLists[key] = len(head.Tags), len(head.Tags)
			head.Tags = append(head.Tags, tags)
		}
		b = binary.LittleEndian.AppendUint32(b, uint32(id))
	}
	var kin []byte
	b, kin = appendKin(b, d.Cards)
	head.Kin = len(kin) / 4
	b = append(b, kin...)
	b, head.TagNames, head.Tagged = appendTagged(b, d.Cards)
	for i := range d.Cards {
		b = append(b, d.Cards[i].ID...)
	}
	head.Size = len(b)
	return deckIndex{indexHead: head, raw: string(b)}, len(head.Names) <= maxNameLists && uint64(size) < 1<<32
}

// appendTagged appends to b the end of each tag's cards, the tags sorted,
// then the positions of each tag's cards in deck order, and returns the
// tags and how many positions there are.
func appendTagged(b []byte, cards []quiz.Card) (_ []byte, tags []string, tagged int) {
	byTag := map[string][]uint32{}
	for i := range cards {
		for _, t := range cards[i].Tags {
			if list := byTag[t]; len(list) == 0 || list[len(list)-1] != uint32(i) { // a tag given twice
				byTag[t] = append(list, uint32(i))
			}
		}
	}
	tags = slices.Sorted(maps.Keys(byTag))
	for _, t := range tags {
		tagged += len(byTag[t])
		b = binary.LittleEndian.AppendUint32(b, uint32(tagged))
	}
	for _, t := range tags {
		for _, pos := range byTag[t] {
			b = binary.LittleEndian.AppendUint32(b, pos)
		}
	}
	return b, tags, tagged
}

// appendKin appends to b the end of each card's sibling keys in kin, and
// returns kin: the keys each card shares with another card, numbered,
// with their flags, in card order. A key of one card alone relates
// nothing, and is left out.
func appendKin(b []byte, cards []quiz.Card) (_, kin []byte) {
	type flagged struct {
		key   quiz.SiblingKey
		flags int
	}
	keys := make([][]flagged, len(cards)) // each card's keys, each once
	cardsOf := map[quiz.SiblingKey]int{}  // how many cards have the key
	for i := range cards {
		shows, tests := cards[i].SiblingKeys()
		add := func(k quiz.SiblingKey, flag int) {
			for j := range keys[i] {
				if keys[i][j].key == k {
					keys[i][j].flags |= flag
					return
				}
			}
			if k.Word() {
				flag |= kinWord
			}
			keys[i] = append(keys[i], flagged{k, flag})
			cardsOf[k]++
		}
		for _, k := range shows {
			add(k, kinShows)
		}
		for _, k := range tests {
			add(k, kinTests)
		}
	}
	number := map[quiz.SiblingKey]int{}
	for i := range cards {
		for _, k := range keys[i] {
			if cardsOf[k.key] < 2 {
				continue
			}
			n, ok := number[k.key]
			if !ok {
				n, number[k.key] = len(number), len(number)
			}
			kin = binary.LittleEndian.AppendUint32(kin, uint32(n<<kinFlags|k.flags))
		}
		b = binary.LittleEndian.AppendUint32(b, uint32(len(kin)/4))
	}
	return b, kin
}
