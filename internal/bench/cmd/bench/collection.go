package main

import (
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/moatquiz/moatquiz/internal/bench/gen"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

// historyEnd is about when the generated histories end: the learner's
// two years of study run up to it.
var historyEnd = time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)

// collection is a data directory to measure the app on.
type collection struct {
	name    string
	cards   int // in the user deck (0: the built-in decks only)
	reviews int
	dir     string    // MOATQUIZ_DATA_DIR
	deck    string    // the deck studied
	file    string    // the deck file checked ("" for the built-in decks)
	now     time.Time // MOATQUIZ_NOW when the collection was made
	made    time.Time // when it was made
}

// collections makes (or finds, from an earlier run) the data directories:
// the built-in decks with no progress, then one per size.
func collections(data string, sizes []gen.Size) ([]collection, error) {
	article := collection{name: "article", deck: "article", dir: filepath.Join(data, "article"),
		now: historyEnd, made: time.Now()}
	if err := os.RemoveAll(article.dir); err != nil { // a new learner each time
		return nil, err
	}
	if err := initStore(article.dir); err != nil {
		return nil, err
	}
	out := []collection{article}
	for _, s := range sizes {
		c, err := sized(data, s)
		if err != nil {
			return nil, fmt.Errorf("generate %s: %w", s.Name, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// initStore creates an empty store in dir.
func initStore(dir string) error {
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		return err
	}
	return db.Close()
}

// sized makes the collection of size s: a user deck of s.Cards cards and
// a store with s.Reviews reviews of it; its clock starts at 8 am on the
// study day after the last review (the learner's next session, with the
// day's limits untouched). A collection made by an earlier run is reused.
func sized(data string, s gen.Size) (collection, error) {
	c := collection{name: s.Name, cards: s.Cards, reviews: s.Reviews, dir: filepath.Join(data, s.Name), deck: gen.DeckID}
	c.file = filepath.Join(c.dir, "decks", gen.DeckID+".json")
	ready := filepath.Join(c.dir, "ready")
	if b, err := os.ReadFile(ready); err == nil {
		info, err := os.Stat(ready)
		if err != nil {
			return c, err
		}
		c.made = info.ModTime()
		if c.now, err = time.Parse(time.RFC3339, strings.TrimSpace(string(b))); err != nil {
			return c, err
		}
		return c, restore(c.dir)
	}
	if err := os.RemoveAll(c.dir); err != nil {
		return c, err
	}
	start := time.Now()
	fmt.Fprintf(os.Stderr, "generating %s: %d cards, %d reviews ...\n", s.Name, s.Cards, s.Reviews)
	d, err := gen.Deck(s.Cards, 1)
	if err == nil {
		err = gen.WriteDeck(c.file, d)
	}
	if err == nil {
		err = initStore(c.dir)
	}
	var last time.Time
	if err == nil {
		last, err = fill(c.dir, d, s.Reviews)
	}
	if err != nil {
		return c, err
	}
	if err := copyFile(filepath.Join(c.dir, store.FileName), filepath.Join(c.dir, pristine)); err != nil {
		return c, err
	}
	c.now, c.made = quiz.DefaultScheduling().DayEnd(last).Add(4*time.Hour), time.Now()
	fmt.Fprintf(os.Stderr, "generated %s in %v\n", s.Name, time.Since(start).Round(time.Millisecond))
	return c, os.WriteFile(ready, []byte(c.now.Format(time.RFC3339)+"\n"), 0o600)
}

// fill writes the history into the store in dir, through a connection of
// its own that does not wait for the disk.
func fill(dir string, d *quiz.Deck, reviews int) (time.Time, error) {
	raw, err := sql.Open("sqlite", "file:"+filepath.Join(dir, store.FileName)+"?_pragma=synchronous(OFF)")
	if err != nil {
		return time.Time{}, err
	}
	defer raw.Close()
	raw.SetMaxOpenConns(1)
	last, err := gen.Fill(raw, d, gen.History{Reviews: reviews, End: historyEnd, Days: 730, Seed: 1})
	if err != nil {
		return last, err
	}
	_, err = raw.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	return last, err
}

// pristine is the copy of a generated store that each run starts from:
// the study runs save answers, which would otherwise use up the day's
// cards over repeated runs.
const pristine = "moatquiz.db.generated"

// restore puts back the store of the collection in dir as generated.
func restore(dir string) error {
	db := filepath.Join(dir, store.FileName)
	for _, side := range []string{"-wal", "-shm"} {
		if err := os.Remove(db + side); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return copyFile(filepath.Join(dir, pristine), db)
}

// copyFile copies the file src to dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
