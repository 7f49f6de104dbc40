package main

import (
	"fmt"
	"io"
	"os"

	"github.com/moatquiz/moatquiz/deckfile"
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
	bad, total := 0, 0
	report := func(line string, err error) {
		total++
		if err != nil {
			bad++
			fmt.Fprintln(stderr, err)
			return
		}
		fmt.Fprintln(stdout, line)
	}
	if len(files) == 0 {
		for _, f := range lib.Files() {
			if f.Err != nil {
				report("", f.Err)
				continue
			}
			report(summary(f.Deck.ID, kindCounts(f.Deck)), nil)
		}
	}
	for _, path := range files {
		report(checkFile(path))
	}
	if bad > 0 {
		return &exitError{code: 1, err: fmt.Errorf("%d of %d decks have errors", bad, total)}
	}
	return nil
}

// checkFile validates one deck file card by card, keeping none, and
// returns its summary line.
func checkFile(path string) (string, error) {
	n := map[quiz.Kind]int{}
	d, err := deckfile.ScanFile(path, func(c *quiz.Card) { n[c.Kind]++ })
	if err != nil {
		return "", err
	}
	return summary(d.ID, n), nil
}

// summary is a deck's one-line card count from its cards of each kind.
func summary(id string, n map[quiz.Kind]int) string {
	total := n[quiz.KindFact] + n[quiz.KindVocab] + n[quiz.KindCloze]
	cards := "cards"
	if total == 1 {
		cards = "card"
	}
	return fmt.Sprintf("%s: %d %s — %d fact, %d vocab, %d cloze",
		id, total, cards, n[quiz.KindFact], n[quiz.KindVocab], n[quiz.KindCloze])
}
