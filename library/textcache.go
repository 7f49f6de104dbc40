package library

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/search"
)

// The browser's search text (search.NewText: each card's words lower-cased,
// their 초성, romanization and jamo) takes seconds to prepare at 100,000
// cards, so it is kept beside the deck's cache entry, in a file of its
// own named like the entry ("text-" for "deck-"), and read back while the
// deck's content hash is the one it was prepared from.

// textFormat is the version of a text file: bump it whenever search.Text's
// binary form or what NewText is given changes.
const textFormat = 1

// textMagic starts a text file: then its head as JSON on one line, then
// each card's text in deck order (search.Text.AppendBinary).
const textMagic = "moatquiz search text\n"

// textHead says what a text file was prepared from.
type textHead struct {
	Format int
	Sum    string // the deck file's content hash (deckFile.content)
	Cards  int
}

// textFile is the text file of the deck file at path.
func (c deckCache) textFile(path string) string {
	entry := c.entry(path)
	return filepath.Join(filepath.Dir(entry), "text-"+strings.TrimPrefix(filepath.Base(entry), "deck-"))
}

// texts returns the search texts of the cards of f, a learner's deck
// whose cards are d: read from its text file when that was prepared from
// the same content, else prepared and written there.
func (c deckCache) texts(f *deckFile, d *quiz.Deck) []search.Text {
	file := c.textFile(f.path)
	if texts, ok := readTexts(file, f.content, len(d.Cards)); ok {
		return texts
	}
	texts := prepareTexts(d.Cards)
	writeTexts(file, textHead{Format: textFormat, Sum: f.content, Cards: len(texts)}, texts) //nolint:errcheck // the cache only saves time
	return texts
}

// prepareTexts prepares the search texts of cards on every core.
func prepareTexts(cards []quiz.Card) []search.Text {
	texts := make([]search.Text, len(cards))
	parallel(len(cards), func(i int) { texts[i] = *search.NewText(cardWords(&cards[i])...) })
	return texts
}

// readTexts reads the text file at file when it holds the texts of n
// cards prepared from the content with hash sum.
func readTexts(file, sum string, n int) ([]search.Text, bool) {
	f, err := os.Open(file)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var data strings.Builder // one copy of the file, in the string the texts keep
	if info, err := f.Stat(); err == nil {
		data.Grow(int(info.Size()))
	}
	if _, err := io.Copy(&data, f); err != nil {
		return nil, false
	}
	rest, ok := strings.CutPrefix(data.String(), textMagic)
	line, rest, cut := strings.Cut(rest, "\n")
	var head textHead
	if !ok || !cut || json.Unmarshal([]byte(line), &head) != nil ||
		head != (textHead{Format: textFormat, Sum: sum, Cards: n}) {
		return nil, false
	}
	texts := make([]search.Text, n)
	for i := range texts {
		if rest, ok = texts[i].Decode(rest); !ok {
			return nil, false
		}
	}
	return texts, rest == ""
}

// writeTexts writes texts to file, whole or not at all.
func writeTexts(file string, head textHead, texts []search.Text) error {
	line, err := json.Marshal(head)
	if err != nil {
		return err
	}
	b := append(append([]byte(textMagic), line...), '\n')
	for i := range texts {
		b = texts[i].AppendBinary(b)
	}
	return writeAtomic(file, b)
}
