package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/moatquiz/moatquiz/library"
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
	return writeOutput(c.Output, func(w io.Writer) error { return library.WriteReviewLog(w, db) })
}

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
