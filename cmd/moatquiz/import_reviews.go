package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/moatquiz/moatquiz/interop"
	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
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
	var parts []string
	if had := res.Read - res.Added; had > 0 {
		parts = append(parts, thousands(had)+" you had already")
	}
	if res.Added > 0 {
		parts = append(parts, fmt.Sprintf("%s rescheduled from %s", count(res.Items, "item"), map[bool]string{true: "its history", false: "their histories"}[res.Items == 1]))
	}
	if res.Orphans > 0 {
		parts = append(parts, fmt.Sprintf("%s of items no deck has now (a deck or card removed): kept, and back in use if the card comes back", count(res.Orphans, "review")))
	}
	if len(parts) == 0 {
		return "the file holds none"
	}
	return strings.Join(parts, "; ")
}

// historyImport is the store and scheduling an Anki package's review
// history is imported with; db is nil when it has no reviews.
type historyImport struct {
	db  *store.DB
	sch quiz.Scheduling
}

// openHistory opens the store for a package's review history, before the
// deck is written, so that a store in use stops the import before it
// changes anything.
func openHistory(g *Globals, h interop.History) (*historyImport, error) {
	if len(h.Reviews) == 0 {
		return &historyImport{}, nil
	}
	cfg, err := g.loadConfig()
	if err != nil {
		return nil, err
	}
	db, err := openStore(g, false)
	if err != nil {
		return nil, fmt.Errorf("import: the package's review history goes into your progress, which cannot be opened: %w", err)
	}
	return &historyImport{db: db, sch: cfg.Scheduling}, nil
}

// save imports the review history, if any, and says what it did on w.
func (hi *historyImport) save(lib *library.Library, h interop.History, w io.Writer) error {
	var res *library.ReviewImport
	if hi.db != nil {
		r, err := lib.ImportReviews(hi.db, h.Reviews, hi.sch)
		if err != nil {
			return fmt.Errorf("import: the deck is written but not its review history (import the file again to retry): %w", err)
		}
		res = &r
	}
	if line := historyLine(h, res); line != "" {
		fmt.Fprintln(w, line)
	}
	return nil
}

// close closes the store, if open.
func (hi *historyImport) close() {
	if hi.db != nil {
		hi.db.Close()
	}
}

// historyLine says what became of a package's review history: res is
// the import's, nil for a dry run. It is "" for a package without one.
func historyLine(h interop.History, res *library.ReviewImport) string {
	if len(h.Reviews) == 0 && h.Manual == 0 && h.Unmatched == 0 {
		return ""
	}
	s := fmt.Sprintf("would import %s of its review history", count(len(h.Reviews), "review"))
	if res != nil {
		s = fmt.Sprintf("imported %s of its review history: %s", count(res.Added, "review"), reviewSummary(*res))
	}
	if h.Manual > 0 {
		entries := map[bool]string{true: "entry that is", false: "entries that are"}[h.Manual == 1]
		s += fmt.Sprintf("; %s %s no answer left out (manual changes, reschedules: as Anki's FSRS leaves them out)", thousands(h.Manual), entries)
	}
	if h.Unmatched > 0 {
		s += fmt.Sprintf("; %s left out (cards of skipped notes, reverse cards of fact cards)", count(h.Unmatched, "answer"))
	}
	return s
}
