package main

import (
	"fmt"
	"io"
	"os"

	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/termtext"
)

// importGroup is `moatquiz import`: a deck (the default, so `moatquiz
// import FILE` imports a deck) or a review log.
type importGroup struct {
	Deck    importCmd        `cmd:"" default:"withargs" help:"Import a deck from CSV/TSV or an Anki package, with its review history (what \"moatquiz import FILE\" does)."`
	Reviews importReviewsCmd `cmd:"" help:"Import a review log written by \"moatquiz export reviews\", adding the reviews you do not have."`
}

// importReviewsCmd is `moatquiz import reviews FILE`.
type importReviewsCmd struct {
	File string `arg:"" type:"existingfile" help:"A JSON Lines file written by \"moatquiz export reviews\"."`
}

// Run imports the review log.
func (c *importReviewsCmd) Run(g *Globals) error { return c.run(g, os.Stdout) }

// run imports the review log and says what it did on stdout.
func (c *importReviewsCmd) run(g *Globals, stdout io.Writer) error {
	cfg, err := g.loadConfig()
	if err != nil {
		return err
	}
	f, err := os.Open(c.File)
	if err != nil {
		return fmt.Errorf("import reviews: %w", err)
	}
	defer f.Close()
	reviews, err := library.ReadReviewLog(c.File, f)
	if err != nil {
		return fmt.Errorf("import reviews: %w", err)
	}
	db, err := openStore(g, false)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := g.library().ImportReviews(db, reviews, cfg.Scheduling)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "imported %s from %s: %s\n", count(res.Added, "review"), termtext.QuoteIfUnsafe(c.File), reviewSummary(res))
	return nil
}

// reviewSummary says what an import of reviews did beyond the count.
func reviewSummary(res library.ReviewImport) string {
	s := fmt.Sprintf("%s you had already", thousands(res.Read-res.Added))
	if res.Added > 0 {
		s += fmt.Sprintf("; %s rescheduled from %s", count(res.Items, "item"), map[bool]string{true: "its history", false: "their histories"}[res.Items == 1])
	}
	if res.Orphans > 0 {
		s += fmt.Sprintf("; %s of items no deck has now (a deck or card removed): kept, and back in use if the card comes back", count(res.Orphans, "review"))
	}
	return s
}
