package library

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/internal/bench/gen"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/search"
)

// noProgress is a store where every card is new: the benchmarks below
// time the browser's text, not the store's reads.
type noProgress struct{}

func (noProgress) States(string) (map[quiz.ItemID]quiz.ItemState, error) { return nil, nil }
func (noProgress) Buried(string, time.Time) (map[string]bool, error)     { return nil, nil }
func (noProgress) Flags(string) (map[string]int, error)                  { return nil, nil }

// benchLibrary is a data directory holding the generated 100,000-card deck
// (internal/bench/gen), its cache entry written by a first opening.
func benchLibrary(b *testing.B) *Library {
	b.Helper()
	lib := New(b.TempDir())
	d, err := gen.Deck(100_000, 1)
	if err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(lib.DecksDir(), "bench.json")
	if err := gen.WriteDeck(file, d); err != nil {
		b.Fatal(err)
	}
	// Written an hour ago: old enough for its cache entry to be written.
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(file, old, old); err != nil {
		b.Fatal(err)
	}
	if _, err := lib.OpenBrowser(noProgress{}, quiz.DefaultScheduling(), time.Now()); err != nil {
		b.Fatal(err)
	}
	return New(lib.dataDir) // a new process: nothing remembered but the cache

}

// BenchmarkOpenBrowser opens the browser on the 100,000-card deck (and the
// built-in decks) with its cache entry written.
func BenchmarkOpenBrowser(b *testing.B) {
	lib := benchLibrary(b)
	b.ResetTimer()
	for b.Loop() {
		lib = New(lib.dataDir)
		if _, err := lib.OpenBrowser(noProgress{}, quiz.DefaultScheduling(), time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}

// benchKeys are what a learner types into the search line, as
// scripts/bench times them.
var benchKeys = []string{
	"ㅎ", "ㅎㅈ", "h", "ha", "hae", "haej", "haeja", "ㅎ", "해", "햊", "해자",
	"헤", "헤자", "m", "mo", "moa", "moat",
}

// BenchmarkSearchKeys searches 100,000 cards at each keystroke of
// benchKeys, sorted by due: one op is all of them.
func BenchmarkSearchKeys(b *testing.B) {
	lib := benchLibrary(b)
	br, err := lib.OpenBrowser(noProgress{}, quiz.DefaultScheduling(), time.Now())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, k := range benchKeys {
			q, err := search.Parse(k)
			if err != nil {
				b.Fatal(err)
			}
			br.Search(q, SortDue)
		}
	}
}
