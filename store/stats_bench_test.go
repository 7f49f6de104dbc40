package store

import (
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/internal/bench/gen"
	"github.com/moatquiz/moatquiz/quiz"
)

// BenchmarkCollection measures the store on the collections scripts/bench
// measures (internal/bench/gen): a deck of 1,000, 10,000 or 100,000 cards
// and ten reviews a card over two years (1,000,000 at 100k). The store of
// a size is generated once, which takes about half a minute at 100k;
// select sizes and steps with e.g. -bench 'Collection/10k/Stats'.
func BenchmarkCollection(b *testing.B) {
	for _, size := range gen.Sizes {
		b.Run(size.Name, func(b *testing.B) {
			dir := collectionStore(b, size)
			b.Run("Open", func(b *testing.B) { benchOpen(b, dir, Options{}) })
			b.Run("OpenReadOnly", func(b *testing.B) { benchOpen(b, dir, Options{ReadOnly: true}) })
			reader := openR(b, dir)
			b.Run("States", func(b *testing.B) { benchStates(b, reader) })
			db := openW(b, dir)
			b.Run("StatesCached", func(b *testing.B) { benchStates(b, db) })
			b.Run("StatsRows", func(b *testing.B) { benchStatsRows(b, reader) })
			b.Run("Record", func(b *testing.B) { benchRecord(b, db) })
		})
	}
}

// collectionStore generates the store of a size in a temporary directory
// and returns the directory.
func collectionStore(b *testing.B, size gen.Size) string {
	b.Helper()
	dir := b.TempDir()
	d, err := gen.Deck(size.Cards, 1)
	if err != nil {
		b.Fatal(err)
	}
	db := openW(b, dir)
	_, err = gen.Fill(db.sql, d, gen.History{Reviews: size.Reviews,
		End: time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC), Days: 730, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	db.Close()
	return dir
}

// benchStates reads the generated deck's states: from the database with
// a reader, from the cache (a copy) with a writer.
func benchStates(b *testing.B, db *DB) {
	for b.Loop() {
		if _, err := db.States(gen.DeckID); err != nil {
			b.Fatal(err)
		}
	}
}

// benchOpen opens and closes the store, as every start of the app
// (writer) or of stats and export (reader) does.
func benchOpen(b *testing.B, dir string, opt Options) {
	for b.Loop() {
		db, err := Open(dir, opt)
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

// benchStatsRows reads every deck's rows the statistics need, as
// `moatquiz stats` does.
func benchStatsRows(b *testing.B, db *DB) {
	for b.Loop() {
		if _, err := db.StatsRows(StatsScope{Items: []string{gen.DeckID}}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchRecord saves reviews of one item into the large store: what every
// grade waits for (the transaction and its fsync included).
func benchRecord(b *testing.B, db *DB) {
	var prev *quiz.ItemState
	n := int64(0)
	for b.Loop() {
		n++
		r := review("bench-record", "fact", n, quiz.ModeReview, prev)
		if _, err := db.Record(*r); err != nil {
			b.Fatal(err)
		}
		after := r.After
		prev = &after
	}
}
