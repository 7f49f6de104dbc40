package main

import (
	"os"
	"testing"
	"time"
)

// TestDeckReadOnce: a deck file is parsed once per process while it is
// unchanged, and read again as soon as it changes, or when it changed
// too recently for its timestamp to tell.
func TestDeckReadOnce(t *testing.T) {
	g := &Globals{DataDir: t.TempDir()}
	dir := userDecksDir(g)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := writeDeck(t, dir, "mine.json", "mine", "내 덱")
	mine := func() string {
		t.Helper()
		decks, errs := loadDecks(g)
		if len(errs) > 0 || len(decks) != 2 {
			t.Fatalf("loadDecks: %d decks, errors %v", len(decks), errs)
		}
		return decks[1].Title
	}
	first, _ := loadDecks(g)
	again, _ := loadDecks(g)
	if first[1] == again[1] {
		t.Error("a deck file written just now was not read again")
	}
	age(t, path, time.Hour)
	first, _ = loadDecks(g)
	again, _ = loadDecks(g)
	if first[1] != again[1] || first[0] != again[0] {
		t.Error("an unchanged deck file was read again")
	}
	writeDeck(t, dir, "mine.json", "mine", "새 덱") // same size, new content
	age(t, path, 30*time.Minute)
	if got := mine(); got != "새 덱" {
		t.Errorf("after an edit the title is %q, want the new one", got)
	}
	writeDeck(t, dir, "mine.json", "mine", "바뀐 덱")
	if got := mine(); got != "바뀐 덱" {
		t.Errorf("right after an edit the title is %q, want the new one", got)
	}
}

// age sets a file's modification time to ago before now.
func age(t *testing.T, path string, ago time.Duration) {
	t.Helper()
	at := time.Now().Add(-ago)
	if err := os.Chtimes(path, at, at); err != nil {
		t.Fatal(err)
	}
}
