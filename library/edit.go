package library

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/quiz"
)

// BuiltinError says a deck is built in, so read-only: CopyDeck copies it
// to the learner's decks, where it can be edited.
type BuiltinError struct{ Deck string }

func (e *BuiltinError) Error() string {
	return fmt.Sprintf("deck %q is built in and read-only: copy it to your decks first (its progress stays)", e.Deck)
}

// BuiltinDeck is the id of the built-in deck.
func (e *BuiltinError) BuiltinDeck() string { return e.Deck }

// userDeck is the learner's deck with the id: its file's path and its
// cards, or a *BuiltinError, or a *NoDeckError.
func (l *Library) userDeck(id string) (string, *quiz.Deck, error) {
	for _, f := range l.found() {
		if f.err != nil || f.file.header().ID != id {
			continue
		}
		if f.builtin {
			return "", nil, &BuiltinError{id}
		}
		d, err := f.file.deck()
		return f.path, d, err
	}
	_, err := l.file(id)
	return "", nil, err
}

// CardText is a card of any deck as the editor shows it: indented JSON,
// its keys in the deck format's order.
func (l *Library) CardText(deck, card string) ([]byte, error) {
	d, err := l.Deck(deck)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(d.Cards, func(c quiz.Card) bool { return c.ID == card })
	if i < 0 {
		return nil, fmt.Errorf("deck %q has no card %q (moatquiz cards deck:%s lists them)", deck, card, deck)
	}
	return CardJSON(&d.Cards[i])
}

// CardJSON is a card as the editor shows it: indented JSON, its keys in
// the deck format's order, HTML characters as they are.
func CardJSON(c *quiz.Card) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(c)
	return buf.Bytes(), err
}

// CardTemplate is a new card of kind for the editor to fill in.
func CardTemplate(kind quiz.Kind) []byte {
	c := quiz.Card{ID: "new-card", Kind: kind}
	switch kind {
	case quiz.KindVocab:
		c.Word, c.Meanings, c.Example = "단어", []string{"meaning"}, &quiz.Bilingual{Ko: "예문.", En: "An example."}
	case quiz.KindCloze:
		c.Text, c.Translation = "우리에게는 {{c1::해자}}가 없다.", "We have no moat."
	default:
		c.Prompt, c.Answer = "질문?", "답"
	}
	data, _ := CardJSON(&c) //nolint:errcheck // a card always encodes
	return data
}

// SaveCard writes text, a card's JSON, into the learner's deck: in place
// of card old (keeping its place; its progress stays while its id does),
// or at the end when old is "". A text that is not a valid card of the
// deck is a deckfile.ErrorList whose lines and columns are text's, its
// path name. The deck file is written whole through a temporary file.
func (l *Library) SaveCard(deck, old string, name string, text []byte) (*quiz.Card, error) {
	path, d, err := l.userDeck(deck)
	if err != nil {
		return nil, err
	}
	c, err := readCard(d, name, text)
	if err != nil {
		return nil, err
	}
	at := slices.IndexFunc(d.Cards, func(k quiz.Card) bool { return k.ID == old })
	if dup := slices.IndexFunc(d.Cards, func(k quiz.Card) bool { return k.ID == c.ID }); dup >= 0 && dup != at {
		return nil, deckfile.ErrorList{{Path: name, Line: 1, Col: 1, Msg: fmt.Sprintf(
			"the deck already has a card %q: give this one its own id", c.ID)}}
	}
	cards := slices.Clone(d.Cards)
	if old == "" || at < 0 {
		cards = append(cards, *c)
	} else {
		cards[at] = *c
	}
	return c, l.writeDeck(path, d, cards)
}

// DeleteCard removes a card from the learner's deck; its progress stays
// in the store, unused.
func (l *Library) DeleteCard(deck, card string) error {
	path, d, err := l.userDeck(deck)
	if err != nil {
		return err
	}
	cards := slices.DeleteFunc(slices.Clone(d.Cards), func(c quiz.Card) bool { return c.ID == card })
	switch {
	case len(cards) == len(d.Cards):
		return fmt.Errorf("deck %q has no card %q", deck, card)
	case len(cards) == 0:
		return fmt.Errorf("%q is the last card of deck %q: a deck needs one (delete the file %s instead)", card, deck, path)
	}
	return l.writeDeck(path, d, cards)
}

// writeDeck writes deck d with cards to path, atomically, as the deck
// format writes it: one card a line, keys in a fixed order.
func (l *Library) writeDeck(path string, d *quiz.Deck, cards []quiz.Card) error {
	out := *d
	out.Cards = cards
	return WriteFileAtomic(path, func(w io.Writer) error { return deckfile.Encode(w, path, &out) })
}

// readCard reads text as one card of deck d, checked as the loader
// checks a deck file: its errors' positions are text's.
func readCard(d *quiz.Deck, name string, text []byte) (*quiz.Card, error) {
	head := *d
	head.Cards = nil
	var buf bytes.Buffer
	if err := deckfile.Write(&buf, &head); err != nil {
		return nil, err
	}
	prefix := bytes.TrimSuffix(buf.Bytes(), []byte("\n]}\n")) // the head's lines, then text's
	shift := bytes.Count(prefix, []byte("\n"))
	data := append(append(prefix, text...), "\n]}\n"...)
	loaded, err := deckfile.Load(name, data)
	var list deckfile.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			e.Path, e.Line = name, max(e.Line-shift, 0)
		}
		return nil, list
	}
	if err != nil {
		return nil, err
	}
	if len(loaded.Cards) != 1 {
		return nil, deckfile.ErrorList{{Path: name, Msg: fmt.Sprintf("holds %d cards: edit one card, one JSON object", len(loaded.Cards))}}
	}
	return &loaded.Cards[0], nil
}

// CopyDeck copies a built-in deck to the learner's decks, where it can be
// edited; the copy, with the same id, takes the built-in deck's place
// and keeps its progress. It returns the copy's path.
func (l *Library) CopyDeck(id string) (string, error) {
	d, err := l.Deck(id)
	if err != nil {
		return "", err
	}
	path := filepath.Join(l.DecksDir(), id+".json")
	if _, err := os.Stat(path); err == nil {
		return "", fmt.Errorf("%s is there already: move it away first", path)
	}
	return path, l.writeDeck(path, d, d.Cards)
}
