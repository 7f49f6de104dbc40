// Package gen generates realistic moatquiz collections for benchmarks: a
// large user deck made from the article deck's cards, and a learner's
// history of reviews over it, scheduled by go-fsrs exactly as a study
// session schedules them.
package gen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/decks"
	"github.com/moatquiz/moatquiz/quiz"
)

// Size is one collection size the benchmarks measure.
type Size struct {
	Name    string // "1k", "10k", "100k"
	Cards   int    // cards in the user deck
	Reviews int    // rows in the review log
}

// Sizes are the collections scripts/bench measures: ten reviews per card,
// so that every figure's growth with size can be read off.
var Sizes = []Size{
	{Name: "1k", Cards: 1_000, Reviews: 10_000},
	{Name: "10k", Cards: 10_000, Reviews: 100_000},
	{Name: "100k", Cards: 100_000, Reviews: 1_000_000},
}

// DeckID is the id of the generated deck.
const DeckID = "bench"

// The share of each kind of card in a generated deck, in percent: a large
// collection is mostly vocabulary.
const (
	vocabPercent = 70
	factPercent  = 20 // the rest are cloze cards
)

// templates are the article deck's cards by kind.
func templates() (map[quiz.Kind][]quiz.Card, error) {
	data, err := decks.FS.ReadFile("article.json")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	d, err := deckfile.Load("builtin:article.json", data)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	byKind := map[quiz.Kind][]quiz.Card{}
	for _, c := range d.Cards {
		byKind[c.Kind] = append(byKind[c.Kind], c)
	}
	return byKind, nil
}

// Deck returns a valid deck of n cards (70% vocab, 20% fact, 10% cloze),
// each a copy of an article card with its own id. To keep a 100,000-card
// deck under deckfile.MaxFileSize, as a learner's big imported deck would be,
// fact cards lose their explanations and two vocab cards in three their
// examples. The same n and seed give the same deck.
func Deck(n int, seed uint64) (*quiz.Deck, error) {
	byKind, err := templates()
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, 0x6465636b))
	d := &quiz.Deck{
		Format: quiz.FormatVersion, ID: DeckID, Lang: "ko",
		Title: "벤치마크 단어장", TitleEn: "Benchmark deck",
		Source: quiz.Source{Publisher: "moatquiz", PublisherEn: "moatquiz"},
		Cards:  make([]quiz.Card, n),
	}
	for i := range d.Cards {
		d.Cards[i] = card(byKind, rng, i)
	}
	return d, nil
}

// card is card i of a generated deck.
func card(byKind map[quiz.Kind][]quiz.Card, rng *rand.Rand, i int) quiz.Card {
	kind := quiz.KindCloze
	switch p := rng.IntN(100); {
	case p < vocabPercent:
		kind = quiz.KindVocab
	case p < vocabPercent+factPercent:
		kind = quiz.KindFact
	}
	list := byKind[kind]
	c := list[rng.IntN(len(list))]
	c.ID = fmt.Sprintf("%s-%d", c.ID, i)
	switch kind {
	case quiz.KindFact:
		c.Explain, c.SourceSentence = nil, ""
	case quiz.KindVocab:
		c.Explain = nil
		if rng.IntN(3) != 0 {
			c.Example = nil
		}
	}
	return c
}

// WriteDeck writes d as compact JSON to path, creating its folder.
func WriteDeck(path string, d *quiz.Deck) error {
	data, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("write deck: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("write deck: %w", err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return fmt.Errorf("write deck: %w", err)
	}
	return nil
}
