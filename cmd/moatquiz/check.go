package main

import (
	"fmt"
	"io"
	"os"

	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/quiz"
)

// checkCmd is `moatquiz check [FILE...]`.
type checkCmd struct {
	Files []string `arg:"" optional:"" name:"file" type:"path" help:"Deck files to validate (none: the built-in decks and yours)."`
}

// Run validates the files, or the built-in decks.
func (c *checkCmd) Run(g *Globals) error {
	return runCheck(g.library(), c.Files, os.Stdout, os.Stderr)
}

// runCheck validates deck files (none: the built-in decks of lib and the
// learner's). For each deck
// it prints a summary line to stdout, like
//
//	article: 152 cards — 45 fact, 85 vocab, 22 cloze
//
// or its errors to stderr, one per line as path:line:col: card "id":
// message. When any deck has errors it returns an *exitError with code 1
// (the errors are already printed).
func runCheck(lib *library.Library, files []string, stdout, stderr io.Writer) error {
	var checked []library.DeckFile
	if len(files) == 0 {
		checked = lib.Files()
	}
	for _, path := range files {
		d, err := quiz.LoadFile(path)
		checked = append(checked, library.DeckFile{Path: path, Deck: d, Err: err})
	}
	bad := 0
	for _, f := range checked {
		if f.Err != nil {
			bad++
			fmt.Fprintln(stderr, f.Err)
			continue
		}
		fmt.Fprintln(stdout, summary(f.Deck))
	}
	if bad > 0 {
		return &exitError{code: 1, err: fmt.Errorf("%d of %d decks have errors", bad, len(checked))}
	}
	return nil
}

// summary is a deck's one-line card count.
func summary(d *quiz.Deck) string {
	n := kindCounts(d)
	cards := "cards"
	if len(d.Cards) == 1 {
		cards = "card"
	}
	return fmt.Sprintf("%s: %d %s — %d fact, %d vocab, %d cloze",
		d.ID, len(d.Cards), cards, n[quiz.KindFact], n[quiz.KindVocab], n[quiz.KindCloze])
}
