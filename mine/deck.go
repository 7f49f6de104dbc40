package mine

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"

	"github.com/moatquiz/moatquiz/hangul"
	"github.com/moatquiz/moatquiz/quiz"
)

// CardIDs are the ids of a word's vocab and cloze cards. They come from
// the word's dictionary form alone, so mining a text again, or another
// text with the same word, names the same cards (and keeps their
// progress): its romanization for the reader of the deck file, and a
// hash that keeps words of one romanization apart.
func CardIDs(word string) (vocab, cloze string) {
	h := fnv.New32a()
	h.Write([]byte(hangul.NFC(word)))
	base := fmt.Sprintf("%s-%08x", slug(hangul.Romanize(word), 40), h.Sum32())
	return "w-" + base, "c-" + base
}

// slug keeps the letters a-z and digits of s, lower-cased, at most n.
func slug(s string, n int) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if b.Len() < n && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Cards returns a word's cards: a vocab card, with the meanings given or
// else the [quiz.NoMeaning] placeholder, and a cloze card of its sentence
// when it has one. Both quote the sentence as their source.
func Cards(w Word, meanings []string) []quiz.Card {
	vocabID, clozeID := CardIDs(w.Word)
	if len(meanings) == 0 {
		meanings = []string{quiz.NoMeaning}
	}
	cards := []quiz.Card{{ID: vocabID, Kind: quiz.KindVocab, Word: w.Word, POS: w.POS, Meanings: meanings, SourceSentence: w.Sentence}}
	if len(w.Spans) > 0 {
		cards = append(cards, quiz.Card{ID: clozeID, Kind: quiz.KindCloze, Text: clozeText(w, meanings), Translation: quiz.NoTranslation, SourceSentence: w.Sentence})
	}
	return cards
}

// clozeText is the word's sentence with each of its occurrences deleted
// as c1. The hint is the dictionary form when the sentence writes the word
// otherwise (먹었다 for 먹다), else its meaning when known: never the
// answer itself.
func clozeText(w Word, meanings []string) string {
	var b strings.Builder
	prev := 0
	for _, sp := range w.Spans {
		surface := w.Sentence[sp[0]:sp[1]]
		hint := w.Word
		if surface == w.Word {
			hint = ""
			if meanings[0] != quiz.NoMeaning {
				hint = meanings[0]
			}
		}
		b.WriteString(w.Sentence[prev:sp[0]])
		b.WriteString("{{c1::" + surface)
		if hint != "" && !strings.Contains(hint, "}}") && !strings.Contains(hint, "{{") {
			b.WriteString("::" + hint)
		}
		b.WriteString("}}")
		prev = sp[1]
	}
	b.WriteString(w.Sentence[prev:])
	return b.String()
}

// Merge adds the cards of words to deck, so that a word's cloze is not
// asked right after its vocab card (which would give it away): new cards
// are studied in deck order, so the vocab cards added go before the
// deck's first cloze card (at its end when it has none) and the cloze
// cards added at its end, each in the order of words. The cards there
// already keep their order. A word whose cards are there already keeps
// them as they are (the learner may have edited them), except that a
// meaning now known replaces the [quiz.NoMeaning] placeholder. meaning
// returns a word's meanings, nil when none is known. Merge returns how
// many words it added, and how many placeholders it replaced.
func Merge(deck *quiz.Deck, words []Word, meaning func(string) []string) (added, filled int) {
	for i := range deck.Cards {
		c := &deck.Cards[i]
		if m := meaning(c.Word); c.AwaitsMeaning() && len(m) > 0 {
			c.Meanings = m
			filled++
		}
	}
	have := CardSet(deck)
	var vocabs, clozes []quiz.Card
	for _, w := range words {
		if Has(have, w.Word) {
			continue
		}
		for _, c := range Cards(w, meaning(w.Word)) {
			if c.Kind == quiz.KindCloze {
				clozes = append(clozes, c)
			} else {
				vocabs = append(vocabs, c)
			}
		}
		added++
	}
	firstCloze := slices.IndexFunc(deck.Cards, func(c quiz.Card) bool { return c.Kind == quiz.KindCloze })
	if firstCloze < 0 {
		firstCloze = len(deck.Cards)
	}
	deck.Cards = slices.Insert(deck.Cards, firstCloze, vocabs...)
	deck.Cards = append(deck.Cards, clozes...)
	return added, filled
}

// CardSet is the set of deck's card ids, for [Has].
func CardSet(deck *quiz.Deck) map[string]bool {
	ids := make(map[string]bool, len(deck.Cards))
	for i := range deck.Cards {
		ids[deck.Cards[i].ID] = true
	}
	return ids
}

// Has reports whether a deck whose card ids are ids has a card of word.
func Has(ids map[string]bool, word string) bool {
	vocab, cloze := CardIDs(word)
	return ids[vocab] || ids[cloze]
}
