package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/mine"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// editCmd is `moatquiz edit DECK/CARD`.
type editCmd struct {
	Card string `arg:"" name:"DECK/CARD" help:"The card to edit, as moatquiz cards lists it (deck/card)."`
	Copy bool   `name:"copy" help:"When the deck is built in, copy it to your decks first (its progress stays)."`
}

// Run opens the card's JSON in $VISUAL or $EDITOR and saves it into its
// deck once it is valid.
func (c *editCmd) Run(g *Globals) error { return c.run(g, os.Stdout, os.Stderr) }

// run edits the card, saying what it did on out and the card's errors on
// errOut.
func (c *editCmd) run(g *Globals, out, errOut io.Writer) error {
	deck, card, ok := strings.Cut(c.Card, "/")
	if !ok || deck == "" || card == "" {
		return usageError{fmt.Errorf("%s is not DECK/CARD: moatquiz cards lists the cards with their ids", termtext.QuoteIfUnsafe(c.Card))}
	}
	lib := g.library()
	e, err := openCopying(lib, deck, c.Copy, "moatquiz edit --copy "+termtext.QuoteIfUnsafe(c.Card), errOut,
		func() (*library.CardEdit, error) { return lib.EditCard(deck, card) })
	if err != nil {
		return err
	}
	return runEditor(e, out, errOut)
}

// openCopying opens an edit of deck, first copying the deck to the
// learner's decks when it is built in and copy is set; else a built-in
// deck's error names the command (cmd) that copies it.
func openCopying(lib *library.Library, deck string, copy bool, cmd string, errOut io.Writer, open func() (*library.CardEdit, error)) (*library.CardEdit, error) {
	e, err := open()
	var be *library.BuiltinError
	if errors.As(err, &be) && copy {
		if err = copyDeck(lib, deck, errOut); err == nil {
			e, err = open()
		}
	}
	if errors.As(err, &be) {
		return nil, fmt.Errorf("%w; %s does so", err, cmd)
	}
	return e, err
}

// copyDeck copies a built-in deck to the learner's decks and says where.
func copyDeck(lib *library.Library, deck string, w io.Writer) error {
	path, err := lib.CopyDeck(deck)
	if err == nil {
		fmt.Fprintf(w, "copied the built-in deck %s to %s\n", deck, termtext.QuoteIfUnsafe(path))
	}
	return err
}

// addCmd is `moatquiz add`.
type addCmd struct {
	Deck    string   `name:"deck" required:"" placeholder:"ID" help:"One of your decks (moatquiz decks lists them)."`
	Kind    string   `name:"kind" enum:"vocab,fact,cloze" default:"vocab" help:"The template the editor opens: vocab, fact or cloze."`
	Word    string   `name:"word" help:"A vocab card's Korean word: with --meaning, adds it without an editor."`
	Meaning []string `name:"meaning" sep:"none" help:"A meaning of --word (repeat for more)."`
	POS     string   `name:"pos" default:"noun" help:"The part of speech of --word."`
	Example []string `name:"example" sep:"none" help:"An example for --word: the Korean sentence, then --example again with its English."`
	Copy    bool     `name:"copy" help:"When the deck is built in, copy it to your decks first (its progress stays)."`
}

// Run adds a card to the learner's deck: from the flags, or from a
// template edited in $VISUAL or $EDITOR.
func (c *addCmd) Run(g *Globals) error { return c.run(g, os.Stdout, os.Stderr) }

// run adds the card, saying what it did on out and the card's errors on
// errOut.
func (c *addCmd) run(g *Globals, out, errOut io.Writer) error {
	lib := g.library()
	text, err := c.card()
	if err != nil {
		return err
	}
	e, err := openCopying(lib, c.Deck, c.Copy, "moatquiz add --copy --deck "+termtext.QuoteIfUnsafe(c.Deck), errOut,
		func() (*library.CardEdit, error) { return lib.AddCard(c.Deck, text) })
	if err != nil {
		return err
	}
	if c.Word == "" {
		return runEditor(e, out, errOut)
	}
	defer e.Close()
	added, err := lib.SaveCard(c.Deck, "", "the card of --word", text)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "added %s/%s\n", c.Deck, termtext.StripLine(added.ID))
	return nil
}

// card is the card the flags give, or the template of --kind.
func (c *addCmd) card() ([]byte, error) {
	if c.Word == "" {
		if len(c.Meaning) > 0 || len(c.Example) > 0 {
			return nil, usageError{errors.New("--meaning and --example go with --word")}
		}
		return library.CardTemplate(quiz.Kind(c.Kind)), nil
	}
	if len(c.Meaning) == 0 {
		return nil, usageError{errors.New("--word needs at least one --meaning")}
	}
	id, _ := mine.CardIDs(c.Word)
	card := quiz.Card{ID: id, Kind: quiz.KindVocab, Word: c.Word, Meanings: c.Meaning, POS: c.POS}
	switch len(c.Example) {
	case 0:
	case 2:
		card.Example = &quiz.Bilingual{Ko: c.Example[0], En: c.Example[1]}
	default:
		return nil, usageError{errors.New("--example is given twice: the Korean sentence, then its English")}
	}
	return library.CardJSON(&card)
}

// runEditor opens the edit's file in the learner's editor until what is
// saved is a valid card (its errors are printed, and the file opened
// again), or the edit is abandoned.
func runEditor(e *library.CardEdit, out, errOut io.Writer) error {
	defer e.Close()
	for {
		cmd := library.EditorCommand(e.Path)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
		card, err := e.Save(cmd.Run())
		var list deckfile.ErrorList
		if errors.As(err, &list) {
			fmt.Fprintf(errOut, "%v\nnot saved: opening the card again (save it unchanged to give up)\n", err)
			continue
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "saved %s/%s\n", e.Deck, termtext.StripLine(card.ID))
		return nil
	}
}
