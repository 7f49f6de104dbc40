package library

import (
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/quiz"
)

// deckFile is a deck as the library holds it: its index, and its cards,
// read when needed from its cache entry, or held whole.
type deckFile struct {
	index   deckIndex
	content string // the hex SHA-256 of the deck file's content
	path    string
	entry   string // the cache entry with the cards; "" when whole holds them
	body    int64  // where the cards' binary form starts in entry
	unsaved string // the entry a built-in deck held whole is to be saved to

	words     wordsHead // the entry's words section, after the body
	wordsOnce sync.Once
	wordList  *deckWords // the deck's words, once looked up (lookupWord)

	mu    sync.Mutex
	whole *quiz.Deck // the whole deck, once read
}

// decodeBinary and decodeCard decode cards from a cache entry: variables
// so that a test can count what is decoded.
var (
	decodeBinary = deckfile.DecodeBinary
	decodeCard   = deckfile.DecodeCard
)

// cachedFile is the deck file at path read from its cache entry, whose
// head, index and body offset readHead returned.
func cachedFile(path, entry string, head cacheHead, raw string, body int64) *deckFile {
	x := deckIndex{indexHead: head.Index, raw: raw}
	x.Deck.Path = path
	return &deckFile{index: x, content: head.Sum, path: path, entry: entry, body: body, words: head.Words}
}

// wholeFile is deck d held whole; sum is its file's content hash.
func wholeFile(d *quiz.Deck, sum string) *deckFile {
	body, starts := deckfile.EncodeBinary(d)
	x, _ := buildIndex(d, starts, len(body)) // used for its lookups only: no size limit
	x.Deck.Path = d.Path
	return &deckFile{index: x, content: sum, path: d.Path, whole: d}
}

// header is the deck without its cards (their number is index.Cards).
func (f *deckFile) header() *quiz.Deck { return &f.index.Deck }

// deck returns the whole deck, reading its cards from the cache entry the
// first time.
func (f *deckFile) deck() (*quiz.Deck, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.whole != nil {
		return f.whole, nil
	}
	body, err := f.read(func(file *os.File) (string, error) {
		info, err := file.Stat()
		if err != nil {
			return "", err
		}
		if info.Size() != f.body+int64(f.index.size())+int64(f.words.Size) {
			return "", errors.New("it is cut short")
		}
		buf := make([]byte, f.index.size())
		_, err = file.ReadAt(buf, f.body)
		return string(buf), err
	})
	if err != nil {
		return nil, err
	}
	d, err := decodeBinary(body)
	if err != nil || len(d.Cards) != f.index.Cards {
		return nil, fmt.Errorf("%s: its cache entry %s is damaged: %v", f.path, f.entry, err)
	}
	d.Path = f.path
	f.whole = d
	return f.whole, nil
}

// cards returns the cards at the positions, each read on its own from the
// cache entry when the deck is not held whole.
func (f *deckFile) cards(pos []int) ([]quiz.Card, error) {
	f.mu.Lock()
	whole := f.whole
	f.mu.Unlock()
	out := make([]quiz.Card, len(pos))
	if whole != nil {
		for i, p := range pos {
			out[i] = whole.Cards[p]
		}
		return out, nil
	}
	_, err := f.read(func(file *os.File) (string, error) {
		for i, p := range pos {
			start, end := f.index.span(p)
			if start > end {
				return "", fmt.Errorf("card %d: the index is damaged", p)
			}
			buf := make([]byte, end-start)
			if _, err := file.ReadAt(buf, f.body+int64(start)); err != nil {
				return "", err
			}
			c, err := decodeCard(string(buf))
			if err != nil || c.ID != f.index.id(p) {
				return "", fmt.Errorf("card %d: %v", p, err)
			}
			out[i] = c
		}
		return "", nil
	})
	return out, err
}

// read calls fn with the cache entry open, once it has checked that the
// entry is still the one the index was read from (another moatquiz may
// have replaced it since).
func (f *deckFile) read(fn func(*os.File) (string, error)) (string, error) {
	file, err := os.Open(f.entry)
	if err != nil {
		return "", fmt.Errorf("%s: read its cache entry: %w", f.path, err)
	}
	defer file.Close()
	head, at, ok := headOf(file)
	if !ok || head.Sum != f.content || at+int64(head.Index.Size) != f.body {
		return "", fmt.Errorf("%s changed while it was read: start again to read it anew", f.path)
	}
	s, err := fn(file)
	if err != nil {
		return "", fmt.Errorf("%s: read its cache entry %s: %w", f.path, f.entry, err)
	}
	return s, nil
}
