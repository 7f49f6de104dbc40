package library

import (
	"encoding/binary"
	"io"
	"os"
	"strings"

	"github.com/moatquiz/moatquiz/quiz"
)

// deckWords is what the words of a deck mean (quiz.DeckWords), as a cache
// entry's words section holds them: the checker of a session over part of
// the deck looks words up in it, without a card read or decoded.
//
// The layout for n words, little-endian: per word the end of its word,
// then the end of its meaning, in the text (uint32 × 2n); then the text,
// each word followed by its meaning, the words in sorted order.
type deckWords struct {
	n   int
	raw string
}

// wordsHead is the words section's part kept in a cache entry's head.
type wordsHead struct {
	Count int // how many words
	Size  int // the section's length
}

// encodeWords lays words, sorted, out as a words section.
func encodeWords(words []quiz.DeckWord) (string, wordsHead) {
	text := 0
	for _, w := range words {
		text += len(w.Word) + len(w.Meaning)
	}
	b := make([]byte, 0, 8*len(words)+text)
	end := 0
	for _, w := range words {
		end += len(w.Word)
		b = binary.LittleEndian.AppendUint32(b, uint32(end))
		end += len(w.Meaning)
		b = binary.LittleEndian.AppendUint32(b, uint32(end))
	}
	for _, w := range words {
		b = append(append(b, w.Word...), w.Meaning...)
	}
	return string(b), wordsHead{Count: len(words), Size: len(b)}
}

// end is the i-th end of the table.
func (w *deckWords) end(i int) int {
	if i < 0 {
		return 0
	}
	s := w.raw[4*i:]
	return int(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// word is the i-th word.
func (w *deckWords) word(i int) string {
	return w.raw[8*w.n+w.end(2*i-1) : 8*w.n+w.end(2*i)]
}

// find says what word means, by binary search.
func (w *deckWords) find(word string) (string, bool) {
	lo, hi := 0, w.n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if w.word(mid) < word {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < w.n && w.word(lo) == word {
		return w.raw[8*w.n+w.end(2*lo) : 8*w.n+w.end(2*lo+1)], true
	}
	return "", false
}

// valid reports whether the section is whole and its ends in order, so
// that lookups stay in range: a damaged one is not trusted.
func (w *deckWords) valid() bool {
	if w.n < 0 || len(w.raw) < 8*w.n {
		return false
	}
	prev := 0
	for i := range 2 * w.n {
		if w.end(i) < prev {
			return false
		}
		prev = w.end(i)
	}
	return 8*w.n+prev == len(w.raw)
}

// lookupWord says what word (in quiz.DeckWords' form) means among the
// deck's words: the words section of its cache entry, read once, or
// those of the deck held whole. A section that cannot be read knows no
// word, and the checker falls back on the loaded cards'.
func (f *deckFile) lookupWord(word string) (string, bool) {
	f.wordsOnce.Do(func() { f.wordList = f.readWords() })
	return f.wordList.find(word)
}

// readWords reads the deck's words section, or lays out the words of the
// deck held whole without an entry.
func (f *deckFile) readWords() *deckWords {
	f.mu.Lock()
	whole := f.whole
	f.mu.Unlock()
	if f.entry == "" {
		raw, head := encodeWords(quiz.DeckWords(whole.Cards))
		return &deckWords{n: head.Count, raw: raw}
	}
	raw, err := f.read(func(file *os.File) (string, error) {
		var b strings.Builder // one copy, in the string it is used as
		b.Grow(f.words.Size)
		_, err := io.Copy(&b, io.NewSectionReader(file, f.body+int64(f.index.size()), int64(f.words.Size)))
		return b.String(), err
	})
	w := &deckWords{n: f.words.Count, raw: raw}
	if err != nil || !w.valid() {
		return &deckWords{}
	}
	return w
}
