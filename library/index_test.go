package library

import (
	"encoding/binary"
	"slices"
	"testing"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestIndexTagLists: the index lists each tag's cards in deck order,
// found in any case from a position on (a card with the tag in two cases
// once), and an index whose lists are damaged (a position out of the
// deck, out of order, or lists that do not add up) is not valid, so that
// its cache entry is read again from the deck file.
func TestIndexTagLists(t *testing.T) {
	d := &quiz.Deck{ID: "t", Cards: []quiz.Card{
		{ID: "a", Tags: []string{"memo"}}, {ID: "b"}, {ID: "c", Tags: []string{"Memo", "memo", "llm"}},
		{ID: "d", Tags: []string{"llm"}}, {ID: "e", Tags: []string{"MEMO"}},
	}}
	for i := range d.Cards {
		d.Cards[i].Kind, d.Cards[i].Prompt, d.Cards[i].Answer = quiz.KindFact, "질문", "답"
	}
	x, ok := buildIndex(d, make([]int, len(d.Cards)), 0)
	if !ok || !x.valid() {
		t.Fatal("the index is not valid")
	}
	if want := []string{"MEMO", "Memo", "llm", "memo"}; !slices.Equal(x.allTags(), want) {
		t.Errorf("tags %q, want %q", x.allTags(), want)
	}
	for _, tc := range []struct {
		tag  string
		from int
		want []int
	}{{"memo", 0, []int{0, 2, 4}}, {"MeMo", 1, []int{2, 4}}, {"llm", 3, []int{3}}, {"llm", 4, nil}, {"none", 0, nil}} {
		if got := x.cardsTagged(tc.tag, tc.from); !slices.Equal(got, tc.want) {
			t.Errorf("cards tagged %q from %d: %v, want %v", tc.tag, tc.from, got, tc.want)
		}
	}
	for name, damage := range map[string]func(x *deckIndex, raw []byte){
		"position out of the deck": func(x *deckIndex, raw []byte) {
			binary.LittleEndian.PutUint32(raw[x.tagged():], uint32(len(d.Cards)))
		},
		"positions out of order": func(x *deckIndex, raw []byte) { // llm's, the third list: 2, 3
			binary.LittleEndian.PutUint32(raw[x.tagged()+8:], 3)
			binary.LittleEndian.PutUint32(raw[x.tagged()+12:], 2)
		},
		"lists that do not add up": func(x *deckIndex, raw []byte) {
			binary.LittleEndian.PutUint32(raw[x.tagEnds()+4*(len(x.TagNames)-1):], uint32(x.Tagged-1))
		},
	} {
		raw := []byte(x.raw)
		damage(&x, raw)
		if y := (deckIndex{indexHead: x.indexHead, raw: string(raw)}); y.valid() {
			t.Errorf("%s: the index is valid", name)
		}
	}
}
