package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
	"github.com/moatquiz/moatquiz/termtext"
)

// exportCmd writes a deck, or the review log, out of moatquiz.
type exportCmd struct {
	Deck    exportDeckCmd    `cmd:"" help:"Write a deck to a file."`
	Reviews exportReviewsCmd `cmd:"" help:"Write your review log as JSON Lines, one review a line, oldest first."`
}

// exportReviewsCmd is `moatquiz export reviews`.
type exportReviewsCmd struct {
	Output string `short:"o" type:"path" placeholder:"FILE" help:"Write to FILE (replaced whole once the export is complete) instead of standard output."`
}

// Run writes the review log. It opens the store read-only, so it works
// while the app runs.
func (c *exportReviewsCmd) Run(g *Globals) error {
	db, err := openStore(g, true)
	if errors.Is(err, store.ErrNoProgress) {
		fmt.Fprintf(os.Stderr, "moatquiz: no reviews saved yet in %s\n", g.dataDir())
		return writeOutput(c.Output, func(io.Writer) error { return nil })
	}
	if err != nil {
		return err
	}
	defer db.Close()
	return writeOutput(c.Output, func(w io.Writer) error { return writeReviews(w, db) })
}

// writeReviews writes every review as a line of JSON.
func writeReviews(w io.Writer, db *store.DB) error {
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	return db.Reviews(func(r quiz.Review) error {
		line.Reset()
		if err := enc.Encode(reviewLine(r)); err != nil {
			return fmt.Errorf("review %d: %w", r.ID, err)
		}
		_, err := w.Write(termtext.EscapeJSON(line.Bytes()))
		return err
	})
}

// reviewJSON is one line of `export reviews`: the review and the item's
// FSRS state after it.
type reviewJSON struct {
	ID            int64   `json:"id"`
	Deck          string  `json:"deck"`
	Card          string  `json:"card"`
	Item          string  `json:"item"`
	Rating        int     `json:"rating"`
	ReviewedAt    string  `json:"reviewed_at"`
	DurationMS    int64   `json:"duration_ms"`
	Mode          string  `json:"mode"`
	Question      string  `json:"question"`
	Typed         string  `json:"typed,omitempty"`
	State         string  `json:"state"`
	Due           string  `json:"due"`
	Stability     float64 `json:"stability"`
	Difficulty    float64 `json:"difficulty"`
	ScheduledDays uint64  `json:"scheduled_days"`
	Reps          uint64  `json:"reps"`
	Lapses        uint64  `json:"lapses"`
	Leech         bool    `json:"leech,omitempty"` // this review suspended the item as a leech
}

// reviewLine is the export of r.
func reviewLine(r quiz.Review) reviewJSON {
	c := r.After.Card
	return reviewJSON{
		ID: r.ID, Deck: r.Item.Deck, Card: r.Item.Card, Item: r.Item.Item,
		Rating: int(r.Rating), ReviewedAt: rfc3339ms(r.ReviewedAt), DurationMS: r.Duration.Milliseconds(),
		Mode: string(r.Mode), Question: string(r.Question), Typed: r.Typed,
		State: strings.ToLower(c.State.String()), Due: rfc3339ms(c.Due),
		Stability: c.Stability, Difficulty: c.Difficulty,
		ScheduledDays: c.ScheduledDays, Reps: c.Reps, Lapses: c.Lapses, Leech: r.Leech(),
	}
}

// rfc3339ms formats t as RFC 3339 in UTC with milliseconds.
func rfc3339ms(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// writeOutput runs write on standard output, or on a temporary file
// beside path that replaces path once write has succeeded, so a failed
// export never leaves half a file.
func writeOutput(path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		w := bufio.NewWriter(os.Stdout)
		if err := write(w); err != nil {
			return err
		}
		return w.Flush()
	}
	if err := checkOutputPath(path); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.Remove(f.Name()) // a no-op after the rename
	w := bufio.NewWriter(f)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.Chmod(0o644)
	}
	if e := f.Close(); err == nil {
		err = e
	}
	if err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// checkOutputPath says what is wrong with an output file path in the
// learner's terms: a directory, or a folder that does not exist (rather
// than naming the hidden temporary file an export is written to first).
func checkOutputPath(path string) error {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("export: %s is a directory: give the name of a file to write", termtext.QuoteIfUnsafe(path))
	}
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("export: the folder %s does not exist: create it first, or write elsewhere", termtext.QuoteIfUnsafe(dir))
	case err != nil:
		return fmt.Errorf("export: %w", err)
	case !info.IsDir():
		return fmt.Errorf("export: %s is a file, not a folder: give the path of a file in a folder", termtext.QuoteIfUnsafe(dir))
	}
	return nil
}
