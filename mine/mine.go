// Package mine turns Korean text into study cards: it splits the text
// into sentences, finds the words of each with the morphological
// analyser kagome and its Korean dictionary (mecab-ko-dic), brings each to
// its dictionary form, ranks the words by how often they occur, and
// builds a deck of vocab and cloze cards from them. The dictionary is
// large: only [Load] reads it, and only `moatquiz mine` calls it.
package mine

import (
	"cmp"
	"slices"
	"strings"
)

// Word is a word found in a text: its dictionary form and part of
// speech, how often it occurs, and the first sentence that can show it in
// a cloze, with where it stands there (byte offsets; all its occurrences
// in that sentence).
type Word struct {
	Word     string
	POS      string
	Count    int
	Sentence string
	Spans    [][2]int
	first    int // order of first appearance, to break ties
	at       int // 1 + the index of Sentence in the text; 0 for none
}

// Mine finds the words of a text, most frequent first (ties in the order
// they first appear).
func (a *Analyzer) Mine(text string) []Word {
	byWord := map[string]*Word{}
	var words []*Word
	for i, s := range Sentences(text) {
		// A cloze needs a sentence of more than the word (not a heading
		// of one word) that holds no cloze marks of its own.
		clozable := strings.Contains(s, " ") && !strings.Contains(s, "{{") && !strings.Contains(s, "}}")
		for _, o := range a.Words(s) {
			w := byWord[o.Word]
			if w == nil {
				w = &Word{Word: o.Word, POS: o.POS, first: len(words)}
				byWord[o.Word] = w
				words = append(words, w)
			}
			w.Count++
			if w.at == 0 && clozable || w.at == i+1 {
				w.Sentence, w.at = s, i+1
				w.Spans = append(w.Spans, [2]int{o.Start, o.End})
			}
		}
	}
	out := make([]Word, len(words))
	for i, w := range words {
		out[i] = *w
	}
	slices.SortStableFunc(out, func(a, b Word) int {
		return cmp.Or(b.Count-a.Count, a.first-b.first)
	})
	return out
}
