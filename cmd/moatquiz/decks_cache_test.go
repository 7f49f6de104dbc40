package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
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

// TestDeckCache: a deck read from its file is cached in the data
// directory, and the entry is used while the file is unchanged (by
// another run of moatquiz, here with the in-process memory cleared) and
// not once it changes.
func TestDeckCache(t *testing.T) {
	g := &Globals{DataDir: t.TempDir()}
	dir := userDecksDir(g)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := writeDeck(t, dir, "mine.json", "mine", "내 덱")
	age(t, path, time.Hour)
	title := func() string {
		t.Helper()
		forget()
		decks, errs := loadDecks(g)
		if len(errs) > 0 || len(decks) != 2 || decks[1].Path != path {
			t.Fatalf("loadDecks: %d decks, errors %v", len(decks), errs)
		}
		return decks[1].Title
	}
	if got := title(); got != "내 덱" {
		t.Fatalf("title %q", got)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	key, ok := keyFor(path, info)
	entry := cacheFile(deckCacheDir(dir), key.Deck.Path)
	cached, hit := readCached(entry, key)
	if !ok || !hit {
		t.Fatalf("no cache entry for the deck (key %v, entry %v)", ok, hit)
	}
	parsed, err := quiz.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, parsed), mustJSON(t, cached); a != b {
		t.Errorf("the cached deck differs from the file's:\n%s\n%s", a, b)
	}
	cached.Title = "캐시에서" // mark the entry: a load that uses it shows this title
	if err := writeCached(entry, key, cached); err != nil {
		t.Fatal(err)
	}
	if got := title(); got != "캐시에서" {
		t.Errorf("an unchanged deck was read from its file, not its cache entry (title %q)", got)
	}
	writeDeck(t, dir, "mine.json", "mine", "새 덱")
	age(t, path, 30*time.Minute)
	if got := title(); got != "새 덱" {
		t.Errorf("an edited deck was read from the stale cache entry (title %q)", got)
	}
}

// forget clears what this process remembers of the decks it read.
func forget() {
	readDecks.Lock()
	defer readDecks.Unlock()
	clear(readDecks.files)
}

// mustJSON is v as JSON.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDeckCachePruned: the entry of a deck that is gone is removed.
func TestDeckCachePruned(t *testing.T) {
	g := &Globals{DataDir: t.TempDir()}
	dir := userDecksDir(g)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"one.json", "two.json"} {
		age(t, writeDeck(t, dir, name, strings.TrimSuffix(name, ".json"), "덱"), time.Hour)
	}
	forget()
	loadDecks(g)
	cache := deckCacheDir(dir)
	if n := entries(t, cache); n != 2 {
		t.Fatalf("%d cache entries for two decks, want 2", n)
	}
	if err := os.Remove(filepath.Join(dir, "two.json")); err != nil {
		t.Fatal(err)
	}
	loadDecks(g)
	if n := entries(t, cache); n != 1 {
		t.Errorf("%d cache entries after a deck was deleted, want 1", n)
	}
}

// entries counts the files in dir.
func entries(t *testing.T, dir string) int {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}
