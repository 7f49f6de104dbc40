package main

import (
	"io"

	"github.com/moatquiz/moatquiz/interop"
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
	deck, err := g.library().Deck(c.ID)
	if err != nil {
		return err
	}
	export := interop.ExportJSON
	if c.Format == "csv" {
		export = interop.ExportCSV
	}
	return writeOutput(c.Output, func(w io.Writer) error { return export(w, deck) })
}
