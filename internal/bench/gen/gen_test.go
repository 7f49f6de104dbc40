package gen_test

import (
	"database/sql"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/internal/bench/gen"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

func TestDeckLoads(t *testing.T) {
	d, err := gen.Deck(500, 1)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := deckfile.Load("bench.json", data)
	if err != nil {
		t.Fatalf("the generated deck does not load: %v", err)
	}
	kinds := map[quiz.Kind]int{}
	for _, c := range loaded.Cards {
		kinds[c.Kind]++
	}
	if len(loaded.Cards) != 500 || kinds[quiz.KindVocab] < 300 || kinds[quiz.KindFact] < 50 || kinds[quiz.KindCloze] < 20 {
		t.Errorf("%d cards, by kind %v; want 500, mostly vocab, some fact and cloze", len(loaded.Cards), kinds)
	}
}

// TestFill writes a small history into a real store and reads it back
// through the store: exactly the reviews asked for, oldest first, each
// review's state before it the state after the item's previous one, and
// the stored states those the session would start from.
func TestFill(t *testing.T) {
	dir := t.TempDir()
	d, err := gen.Deck(200, 2)
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	end := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	last, err := gen.Fill(raw, d, gen.History{Reviews: 3000, End: end, Days: 200, Seed: 3})
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	if last.After(end.Add(60*24*time.Hour)) || last.Before(end.Add(-60*24*time.Hour)) {
		t.Errorf("last review at %v, want near %v", last, end)
	}
	db, err = store.Open(dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkHistory(t, db)
}

// checkHistory checks the review log against the stored states.
func checkHistory(t *testing.T, db *store.DB) {
	t.Helper()
	after := map[quiz.ItemID]quiz.ItemState{}
	n, practice, prev := 0, 0, time.Time{}
	err := db.Reviews(func(r quiz.Review) error {
		n++
		if r.ReviewedAt.Before(prev) {
			t.Errorf("review %d at %v is before the one before it (%v)", r.ID, r.ReviewedAt, prev)
		}
		prev = r.ReviewedAt
		want, had := after[r.Item]
		if had != (r.Before != nil) || (had && !reflect.DeepEqual(*r.Before, want)) {
			t.Errorf("review %d of %s: before %+v, want %+v", r.ID, r.Item, r.Before, want)
		}
		if r.Mode == quiz.ModePractice {
			practice++
		} else {
			after[r.Item] = r.After
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 3000 || practice == 0 {
		t.Errorf("%d reviews (%d practice), want 3000 with some practice", n, practice)
	}
	states, err := db.States(gen.DeckID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(states, after) {
		t.Errorf("stored states differ from the log's last states (%d vs %d items)", len(states), len(after))
	}
}
