package library

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/moatquiz/moatquiz/internal/bench/gen"
	"github.com/moatquiz/moatquiz/quiz"
)

// BenchmarkRareTag is home's count and the start of a session of the
// generated 100,000-card deck (its cache entry written, every card new)
// studied by a tag that 10 of its cards have, spread over the deck.
func BenchmarkRareTag(b *testing.B) {
	dir := b.TempDir()
	d, err := gen.Deck(100_000, 1)
	if err != nil {
		b.Fatal(err)
	}
	for i := 5_000; i < len(d.Cards); i += 10_000 {
		d.Cards[i].Tags = append(slices.Clone(d.Cards[i].Tags), "rare")
	}
	file := filepath.Join(dir, "decks", "bench.json")
	if err := gen.WriteDeck(file, d); err != nil {
		b.Fatal(err)
	}
	study, deck := studyOfDeckFile(b, dir, file)
	opts := quiz.Options{Tag: "rare", Seed: 1}
	b.Run("counts", func(b *testing.B) {
		for b.Loop() {
			if c, _, err := study.Counts(deck.ID, opts, benchNow); err != nil || c.New != 10 {
				b.Fatal(c, err)
			}
		}
	})
	b.Run("session", func(b *testing.B) {
		for b.Loop() {
			if s, err := study.StartSession(deck, opts); err != nil || s.Remaining().New != 10 {
				b.Fatal(err)
			}
		}
	})
}
