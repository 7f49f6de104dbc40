package quiz

import (
	"slices"
	"strings"
	"testing"
)

// The embedded lists unpack to what tools/wordlists wrote: strictly
// sorted (binary search relies on it), with the words B3 is about.
func TestWordLists(t *testing.T) {
	for name, l := range map[string]*wordList{"ko": koreanWords(), "en": englishWords()} {
		for i := 1; i < len(l.ends); i++ {
			if l.at(i-1) >= l.at(i) {
				t.Fatalf("%s: %q before %q", name, l.at(i-1), l.at(i))
			}
		}
	}
	for w, want := range map[string]bool{"장점": true, "강점": true, "해지": true, "강졈": false, "웬지": false, "사다": true, "horse": true, "house": true, "strenght": false, "colour": false} {
		if got := isDictionaryWord(w); got != want {
			t.Errorf("isDictionaryWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestWithDeckWords: a session over part of a deck looks another word up
// among the whole deck's (DeckWords), only when an answer is not right.
func TestWithDeckWords(t *testing.T) {
	strength := Card{ID: "strength", Kind: KindVocab, Word: "강점", Meanings: []string{"strength"}, POS: "noun"}
	advantage := Card{ID: "advantage", Kind: KindVocab, Word: "장점", Meanings: []string{"Advantage", "merit"}, POS: "noun"}
	words := DeckWords([]Card{strength, advantage})
	want := []DeckWord{{"advantage", "장점"}, {"merit", "장점"}, {"strength", "강점"}, {"강점", "strength"}, {"장점", "Advantage"}}
	if !slices.Equal(words, want) {
		t.Fatalf("DeckWords = %q, want %q", words, want)
	}
	asked := 0
	lookup := func(w string) (string, bool) {
		asked++
		i, ok := slices.BinarySearchFunc(words, w, func(d DeckWord, w string) int { return strings.Compare(d.Word, w) })
		if !ok {
			return "", false
		}
		return words[i].Meaning, true
	}
	part := &Deck{ID: "t", Lang: "ko", Cards: []Card{strength}}
	_, clock := newClock(at(21, 10, 0))
	start := func() *Session {
		s, err := NewSession(part, newMem(), noFuzz(), clock, Options{Kind: QuestionTyped, Direction: DirEnKo}, WithDeckWords(lookup))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if c := start().AnswerTyped("강점"); c.Verdict != Right || asked != 0 {
		t.Errorf("강점 for 강점: %v, %d words looked up; want Right, none", c.Verdict, asked)
	}
	if c := start().AnswerTyped("장점"); c.Verdict != Wrong || c.Note != "장점 = Advantage" {
		t.Errorf("장점 for 강점: %v, note %q; want Wrong, 장점 = Advantage", c.Verdict, c.Note)
	}
}
