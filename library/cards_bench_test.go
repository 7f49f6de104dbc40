package library

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

// BenchmarkStudyCards measures what the app's browser waits for at
// 100,000 cards: opening them (once, logged) and a search
// at each keystroke (the loop).
func BenchmarkStudyCards(b *testing.B) {
	dir := b.TempDir()
	lib := New(dir)
	data, err := json.Marshal(bigDeck("big", 100_000))
	if err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(lib.DecksDir(), 0o700); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lib.DecksDir(), "big.json"), data, 0o600); err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	s := lib.Study(db, quiz.DefaultScheduling(), quiz.SystemClock)
	start := time.Now()
	if _, err := s.OpenCards(start); err != nil {
		b.Fatal(err)
	}
	b.Logf("opened %d cards in %v", 100_000, time.Since(start))
	for b.Loop() {
		if _, err := s.SearchCards("ㅎㅈ", quiz.SortDue); err != nil {
			b.Fatal(err)
		}
	}
}
