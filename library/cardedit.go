package library

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/moatquiz/moatquiz/quiz"
)

// ErrAbandoned says the learner left the editor without a change to
// save: it exited with an error, or the file is as it was shown.
var ErrAbandoned = errors.New("nothing saved: the editor was left without a change")

// CardEdit is a card being edited in the learner's editor through a
// temporary file, until it is saved valid or abandoned.
type CardEdit struct {
	lib   *Library
	Deck  string
	Card  string // "" while adding a card
	Path  string // the temporary file the editor opens
	shown []byte // what the file held when the editor opened it
}

// EditCard starts editing a card of the learner's deck: its JSON in a
// temporary file. A built-in deck's card is a *BuiltinError: CopyDeck
// first.
func (l *Library) EditCard(deck, card string) (*CardEdit, error) {
	if _, _, err := l.userDeck(deck); err != nil {
		return nil, err
	}
	text, err := l.CardText(deck, card)
	if err != nil {
		return nil, err
	}
	return l.newEdit(deck, card, text)
}

// AddCard starts adding a card to the learner's deck from text, a
// template (CardTemplate) or a card to check.
func (l *Library) AddCard(deck string, text []byte) (*CardEdit, error) {
	if _, _, err := l.userDeck(deck); err != nil {
		return nil, err
	}
	return l.newEdit(deck, "", text)
}

// newEdit writes text to a new temporary file.
func (l *Library) newEdit(deck, card string, text []byte) (*CardEdit, error) {
	f, err := os.CreateTemp("", "moatquiz-card-*.json")
	if err != nil {
		return nil, err
	}
	e := &CardEdit{lib: l, Deck: deck, Card: card, Path: f.Name(), shown: text}
	_, err = f.Write(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		e.Close()
		return nil, err
	}
	return e, nil
}

// Save saves what the editor left in the file once it exited with
// exitErr: the card saved; or ErrAbandoned; or the card's errors
// (deckfile.ErrorList, line:col in the file), after which the file is
// opened again as it is (a later save with no change abandons it).
func (e *CardEdit) Save(exitErr error) (*quiz.Card, error) {
	if exitErr != nil {
		return nil, ErrAbandoned
	}
	text, err := os.ReadFile(e.Path)
	if err != nil {
		return nil, err
	}
	if bytes.Equal(text, e.shown) {
		return nil, ErrAbandoned
	}
	e.shown = text
	c, err := e.lib.SaveCard(e.Deck, e.Card, filepath.Base(e.Path), text)
	if err == nil && e.Card == "" {
		e.Card = c.ID
	}
	return c, err
}

// Command is the learner's editor on the edit's file.
func (e *CardEdit) Command() *exec.Cmd { return EditorCommand(e.Path) }

// Close removes the temporary file.
func (e *CardEdit) Close() { os.Remove(e.Path) }

// EditorCommand is the learner's editor on path: $VISUAL, else $EDITOR
// (either may hold arguments), else vi.
func EditorCommand(path string) *exec.Cmd {
	editor := os.Getenv("VISUAL")
	if editor == "" {
		editor = os.Getenv("EDITOR")
	}
	if editor == "" {
		editor = "vi"
	}
	return exec.Command("/bin/sh", "-c", editor+` "$1"`, "editor", path)
}
