package deckfile_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/decks"
	"github.com/moatquiz/moatquiz/internal/bench/gen"
	"github.com/moatquiz/moatquiz/quiz"
)

// The benchmarks below run on the decks scripts/bench measures
// (internal/bench/gen): 1,000, 10,000 or 100,000 cards. Select a size
// with -bench 'LoadDeck/100k'.

// generatedDeck is a generated deck and its file.
type generatedDeck struct {
	deck *quiz.Deck
	file []byte
}

var (
	generatedMu sync.Mutex
	generated   = map[string]*generatedDeck{}
)

// generate makes (once per process) the deck of a size.
func generate(b *testing.B, s gen.Size) *generatedDeck {
	b.Helper()
	generatedMu.Lock()
	defer generatedMu.Unlock()
	if g := generated[s.Name]; g != nil {
		return g
	}
	d, err := gen.Deck(s.Cards, 1)
	if err != nil {
		b.Fatal(err)
	}
	file, err := json.Marshal(d)
	if err != nil {
		b.Fatal(err)
	}
	generated[s.Name] = &generatedDeck{deck: d, file: file}
	return generated[s.Name]
}

// BenchmarkLoadDeck loads and validates deck files: the built-in article
// deck and the generated ones (what `moatquiz check` and every start do).
func BenchmarkLoadDeck(b *testing.B) {
	article, err := decks.FS.ReadFile("article.json")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("article", func(b *testing.B) { benchLoad(b, article) })
	for _, s := range gen.Sizes {
		b.Run(s.Name, func(b *testing.B) { benchLoad(b, generate(b, s).file) })
	}
}

func benchLoad(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := deckfile.Load("deck.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeBinary reads decks back from their binary form, as the
// app's deck cache does.
func BenchmarkDecodeBinary(b *testing.B) {
	for _, s := range gen.Sizes {
		b.Run(s.Name, func(b *testing.B) {
			data, _ := deckfile.EncodeBinary(generate(b, s).deck)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := deckfile.DecodeBinary(string(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
