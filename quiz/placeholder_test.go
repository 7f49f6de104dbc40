package quiz

import (
	"slices"
	"testing"
)

// TestAwaitingMeaning checks that a vocab card whose meaning is still the
// placeholder is not asked, and that its placeholder is never offered as
// a wrong option of another card.
func TestAwaitingMeaning(t *testing.T) {
	d := testDeck()
	d.Cards = append(d.Cards, Card{ID: "todo", Kind: KindVocab, Word: "유출하다", Meanings: []string{NoMeaning}, POS: "verb"})
	for _, it := range d.Items() {
		if it.ID.Card == "todo" {
			t.Errorf("the card awaiting its meaning yields %v", it.ID)
		}
	}
	for seed := range int64(20) {
		q := questionOf(t, d, id("haeja", "ko-en"), Options{Kind: QuestionChoice, Seed: seed})
		if slices.Contains(q.Options, NoMeaning) {
			t.Fatalf("seed %d: options %q offer the placeholder", seed, q.Options)
		}
	}
}
