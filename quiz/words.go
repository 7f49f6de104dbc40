package quiz

// The word lists come from mecab-ko-dic and from Debian's wamerican and
// wbritish; regenerating them needs those (see tools/wordlists).
//go:generate sh -c "cd ../tools/wordlists && go run . -dir ../../quiz/wordlists"

import (
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/moatquiz/moatquiz/hangul"
)

// The generated lists: sorted, front-coded (each line starts with how
// many characters, 0 to 9, the word shares with the one before) and
// gzipped.
var (
	//go:embed wordlists/ko.txt.gz
	koreanList []byte
	//go:embed wordlists/en.txt.gz
	englishList []byte
)

// wordList is a sorted list of words held as one string, for binary
// search without a string header per word.
type wordList struct {
	text string
	ends []uint32 // ends[i] is where word i ends in text
}

// at returns word i.
func (l *wordList) at(i int) string {
	start := uint32(0)
	if i > 0 {
		start = l.ends[i-1]
	}
	return l.text[start:l.ends[i]]
}

// has reports whether w is in the list.
func (l *wordList) has(w string) bool {
	i := l.index(w)
	return i < len(l.ends) && l.at(i) == w
}

// index returns where w is or would be in the list.
func (l *wordList) index(w string) int {
	return sort.Search(len(l.ends), func(i int) bool { return l.at(i) >= w })
}

// decodeList unpacks a generated list. The lists are embedded and
// checked by tests, so a broken one is a build bug: it panics.
func decodeList(packed []byte) *wordList {
	zr, err := gzip.NewReader(bytes.NewReader(packed))
	if err != nil {
		panic("quiz: word list: " + err.Error())
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		panic("quiz: word list: " + err.Error())
	}
	l := &wordList{ends: make([]uint32, 0, bytes.Count(raw, []byte{'\n'}))}
	var b strings.Builder
	b.Grow(len(raw))
	var prev []byte
	for line := range bytes.Lines(raw) {
		line = bytes.TrimSuffix(line, []byte{'\n'})
		if len(line) == 0 || line[0] < '0' || line[0] > '9' {
			panic("quiz: word list: bad line " + string(line))
		}
		word := append(prefixRunes(prev, int(line[0]-'0')), line[1:]...)
		b.Write(word)
		l.ends = append(l.ends, uint32(b.Len()))
		prev = word
	}
	l.text = b.String()
	return l
}

// prefixRunes returns a copy of the first n characters of the UTF-8 word w.
func prefixRunes(w []byte, n int) []byte {
	i := 0
	for ; n > 0 && i < len(w); n-- {
		_, size := utf8.DecodeRune(w[i:])
		i += size
	}
	return slices.Clone(w[:i])
}

// The lists, unpacked on first use (a typed answer checked as a slip), not
// at start-up.
var (
	koreanWords  = sync.OnceValue(func() *wordList { return decodeList(koreanList) })
	englishWords = sync.OnceValue(func() *wordList { return decodeList(englishList) })
)

// isDictionaryWord reports whether w (one word, lower case) is a word of
// the Korean or the English list.
func isDictionaryWord(w string) bool {
	if hangul.HasHangul(w) {
		return koreanWords().has(w)
	}
	return englishWords().has(w)
}

// glossary holds what the words of a deck mean: each vocab word with
// its first meaning, and each meaning with its word, keyed by glossKey.
// Checking counts them as words besides the lists, and says what one
// typed for another means ("장점 = advantage").
type glossary struct {
	loaded map[string]string // the loaded cards' words
	// deck, when set, looks a key up among the whole deck's words
	// (WithDeckWords); it is asked first, the loaded cards being a part.
	deck func(key string) (string, bool)
}

// glossaryOf returns what the words of the vocab cards among cards mean,
// keyed by glossKey: the first card of a word wins.
func glossaryOf(cards []Card) map[string]string {
	g := make(map[string]string, 2*len(cards)) // a word and a meaning a card, mostly
	add := func(word, means string) {
		if k := glossKey(word); k != "" && means != "" {
			if _, ok := g[k]; !ok {
				g[k] = means
			}
		}
	}
	for _, c := range cards {
		if c.Kind != KindVocab || c.Word == "" || len(c.Meanings) == 0 {
			continue
		}
		word, meaning := cleanAnswer(c.Word), cleanAnswer(c.Meanings[0])
		add(word, meaning)
		for _, m := range c.Meanings {
			add(cleanAnswer(m), word)
		}
	}
	return g
}

// DeckWord is a word of a deck, in the form a WithDeckWords lookup is
// asked for, and what it means.
type DeckWord struct{ Word, Meaning string }

// DeckWords returns the words of the vocab cards among cards (each word
// with its first meaning, and each meaning with its word), sorted by
// Word: what a WithDeckWords lookup answers from.
func DeckWords(cards []Card) []DeckWord {
	g := glossaryOf(cards)
	words := make([]DeckWord, 0, len(g))
	for w, m := range g {
		words = append(words, DeckWord{w, m})
	}
	slices.SortFunc(words, func(a, b DeckWord) int { return strings.Compare(a.Word, b.Word) })
	return words
}

// lookup says what w means when the glossary knows.
func (g glossary) lookup(w string) (string, bool) {
	k := glossKey(w)
	if g.deck != nil {
		if m, ok := g.deck(k); ok {
			return m, true
		}
	}
	m, ok := g.loaded[k]
	return m, ok
}

// glossKey is how a word is looked up: lower case, without articles,
// punctuation or a leading "to" or "be".
func glossKey(w string) string { return strings.Join(bareWords(w), " ") }

// isWord reports whether w is a word of the glossary or of the lists.
func (g glossary) isWord(w string) bool {
	_, ok := g.lookup(w)
	return ok || isDictionaryWord(w)
}

// notAnotherWord makes an Almost Wrong when a word it forgave as a slip
// is another word, and says which: 장점 typed for 강점.
func (g glossary) notAnotherWord(s scoredCheck) scoredCheck {
	if s.Verdict != Almost {
		return s
	}
	for _, sl := range s.slips {
		if g.isWord(sl.typed) && (!sl.cut || g.isWord(sl.want)) {
			s.Verdict, s.Note = Wrong, g.another(sl.typed)
			return s
		}
	}
	return s
}

// another says that w is another word, and what it means when the
// glossary knows: "장점 = advantage", else "해지 is another word".
func (g glossary) another(w string) string {
	return cmp.Or(g.meaning(w), w+" is another word")
}

// meaning says what w means when the glossary knows: "장점 = advantage"
// ("" otherwise).
func (g glossary) meaning(w string) string {
	if m, ok := g.lookup(w); ok {
		return w + " = " + m
	}
	return ""
}
