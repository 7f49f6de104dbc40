package main

import (
	"fmt"
	"io"

	"github.com/moatquiz/moatquiz/interop"
	"github.com/moatquiz/moatquiz/quiz"
)

// exportDeckCmd is `moatquiz export deck ID`: a built-in or user deck
// written as JSON (the deck format, everything) or CSV.
type exportDeckCmd struct {
	ID     string `arg:"" help:"The deck's id (moatquiz decks lists them)."`
	Format string `enum:"json,csv" default:"json" help:"json (the deck format: everything) or csv (Anki's text-export headers; imports back with the same card ids, but keeps only ids, kinds, texts, parts of speech and tags)."`
	Output string `short:"o" type:"path" placeholder:"FILE" help:"Write to FILE (replaced whole once the export is complete) instead of standard output."`
}

// Run writes the deck.
func (c *exportDeckCmd) Run(g *Globals) error {
	decks, _ := g.library().Decks() // a deck that does not load cannot be exported; moatquiz decks says why
	var deck *quiz.Deck
	for _, d := range decks {
		if d.ID == c.ID {
			deck = d
		}
	}
	if deck == nil {
		return fmt.Errorf("export deck: no deck has the id %q: moatquiz decks lists them", quiz.Sanitize(c.ID))
	}
	export := interop.ExportJSON
	if c.Format == "csv" {
		export = interop.ExportCSV
	}
	return writeOutput(c.Output, func(w io.Writer) error { return export(w, deck) })
}
