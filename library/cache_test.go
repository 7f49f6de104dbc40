package library

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/decks"
	"github.com/moatquiz/moatquiz/internal/decktest"
	"github.com/moatquiz/moatquiz/quiz"
)

// mineTitle loads lib's decks and returns the title of the one user
// deck, from dir/mine.json.
func mineTitle(t *testing.T, lib *Library) string {
	t.Helper()
	decks, errs := lib.Decks()
	if len(errs) > 0 || len(decks) != 2 || decks[1].Path != filepath.Join(lib.DecksDir(), "mine.json") {
		t.Fatalf("Decks: %d decks, errors %v", len(decks), errs)
	}
	return decks[1].Title
}

// newMine makes a library whose decks folder holds mine.json, written an
// hour ago, and returns it with the file's path.
func newMine(t *testing.T) (*Library, string) {
	t.Helper()
	lib := New(t.TempDir())
	if err := os.MkdirAll(lib.DecksDir(), 0o700); err != nil {
		t.Fatal(err)
	}
	path := decktest.Write(t, lib.DecksDir(), "mine.json", "mine", "내 덱")
	age(t, path, time.Hour)
	return lib, path
}

// TestDeckReadOnce: a Library parses a deck file once while it is
// unchanged, and reads it again as soon as it changes, or when it changed
// too recently for its timestamp to tell.
func TestDeckReadOnce(t *testing.T) {
	lib, path := newMine(t)
	first, _ := lib.Decks()
	again, _ := lib.Decks()
	if first[1] != again[1] || first[0] != again[0] {
		t.Error("an unchanged deck file was read again")
	}
	decktest.Write(t, lib.DecksDir(), "mine.json", "mine", "새 덱") // same size, new content
	age(t, path, 30*time.Minute)
	if got := mineTitle(t, lib); got != "새 덱" {
		t.Errorf("after an edit the title is %q, want the new one", got)
	}
	decktest.Write(t, lib.DecksDir(), "mine.json", "mine", "바뀐 덱")
	if got := mineTitle(t, lib); got != "바뀐 덱" {
		t.Errorf("right after an edit the title is %q, want the new one", got)
	}
	first, _ = lib.Decks()
	again, _ = lib.Decks()
	if first[1] == again[1] {
		t.Error("a deck file written just now was not read again")
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

// markEntry rewrites the cache entry of the deck at path with its title
// changed, so that a load that uses the entry shows the mark.
func markEntry(t *testing.T, lib *Library, path, mark string) {
	t.Helper()
	entry := lib.cache.entry(path)
	d := cachedDeck(t, path, entry)
	d.Title = mark
	head, _, _, _ := readHead(entry)
	if err := writeEntry(entry, head, d); err != nil {
		t.Fatal(err)
	}
}

// cachedDeck is the whole deck in the cache entry of the deck at path.
func cachedDeck(t *testing.T, path, entry string) *quiz.Deck {
	t.Helper()
	head, index, body, ok := readHead(entry)
	if !ok {
		t.Fatalf("no cache entry for %s", path)
	}
	d, err := cachedFile(path, entry, head, index, body).deck()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDeckCache: a deck read from its file is cached in the data
// directory, equal to the file's deck, and another run of moatquiz (a new
// Library) uses the entry while the file's content is unchanged, even
// when the file was touched or copied back (a new modification time or
// inode), and not once the content changes.
func TestDeckCache(t *testing.T) {
	lib, path := newMine(t)
	if got := mineTitle(t, lib); got != "내 덱" {
		t.Fatalf("title %q", got)
	}
	cached := cachedDeck(t, path, lib.cache.entry(path))
	parsed, err := deckfile.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, parsed), mustJSON(t, cached); a != b {
		t.Errorf("the cached deck differs from the file's:\n%s\n%s", a, b)
	}

	markEntry(t, lib, path, "캐시에서")
	if got := mineTitle(t, New(filepath.Dir(lib.DecksDir()))); got != "캐시에서" {
		t.Errorf("an unchanged deck was read from its file, not its cache entry (title %q)", got)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(path); err != nil { // a new inode and time, the same content
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	age(t, path, 10*time.Minute)
	if got := mineTitle(t, New(filepath.Dir(lib.DecksDir()))); got != "캐시에서" {
		t.Errorf("a deck rewritten with the same content was parsed again (title %q)", got)
	}

	decktest.Write(t, lib.DecksDir(), "mine.json", "mine", "새 덱")
	age(t, path, 5*time.Minute)
	if got := mineTitle(t, New(filepath.Dir(lib.DecksDir()))); got != "새 덱" {
		t.Errorf("an edited deck was read from the stale cache entry (title %q)", got)
	}
}

// TestDeckCacheOtherFormat: an entry written by a moatquiz whose cache
// format differs is not used.
func TestDeckCacheOtherFormat(t *testing.T) {
	lib, path := newMine(t)
	mineTitle(t, lib)
	markEntry(t, lib, path, "캐시에서")
	entry := lib.cache.entry(path)
	data, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	old := strings.Replace(string(data), fmt.Sprintf(`{"Format":%d,`, cacheFormat), fmt.Sprintf(`{"Format":%d,`, cacheFormat-1), 1)
	if old == string(data) {
		t.Fatalf("entry head not found in %.80q", data)
	}
	if err := os.WriteFile(entry, []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := mineTitle(t, New(filepath.Dir(lib.DecksDir()))); got != "내 덱" {
		t.Errorf("an entry of another cache format was used (title %q)", got)
	}
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
	lib := New(t.TempDir())
	dir := lib.DecksDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"one.json", "two.json"} {
		age(t, decktest.Write(t, dir, name, strings.TrimSuffix(name, ".json"), "덱"), time.Hour)
	}
	lib.Decks()
	if n := entries(t, lib.cache.dir); n != 2 {
		t.Fatalf("%d cache entries for two decks, want 2", n)
	}
	if err := os.Remove(filepath.Join(dir, "two.json")); err != nil {
		t.Fatal(err)
	}
	lib.Decks()
	if n := entries(t, lib.cache.dir); n != 1 {
		t.Errorf("%d cache entries after a deck was deleted, want 1", n)
	}
}

// entries counts the entries of the learner's decks in dir.
func entries(t *testing.T, dir string) int {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range list {
		if strings.HasPrefix(e.Name(), "deck-") {
			n++
		}
	}
	return n
}

// TestBuiltinCached: after SaveBuiltin (the app ran well), the built-in
// decks are cached too, and read back from their entries card by card,
// equal to the embedded ones.
func TestBuiltinCached(t *testing.T) {
	dir := t.TempDir()
	first := New(dir)
	first.Builtin()
	if _, err := os.Stat(first.cache.dir); err == nil {
		t.Fatal("the built-in decks were cached before SaveBuiltin")
	}
	first.SaveBuiltin()
	lib := New(dir)
	found := lib.builtinDecks()
	if len(found) != 1 || found[0].err != nil || found[0].file.whole != nil {
		t.Fatalf("the built-in deck was not read from its entry: %+v", found)
	}
	data, err := decks.FS.ReadFile("article.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := deckfile.Load("builtin:article.json", data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := lib.Deck("article")
	if err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, want), mustJSON(t, got); a != b || got.Path != want.Path {
		t.Error("the cached built-in deck differs from the embedded one")
	}
	if b := New(dir).Builtin(); len(b) != 1 || b[0].Err != nil || b[0].Deck == nil || len(b[0].Deck.Cards) != len(want.Cards) {
		t.Errorf("Builtin from the cache: %+v", b)
	}
	cards, err := found[0].file.cards([]int{3, 0})
	if err != nil || cards[0].ID != want.Cards[3].ID || cards[1].ID != want.Cards[0].ID {
		t.Errorf("cards 3 and 0 read alone: %v", err)
	}
}

// TestDeckCacheDamaged: an entry cut short, or whose index is garbled, is
// not trusted: the deck is read from its file, whole and right.
func TestDeckCacheDamaged(t *testing.T) {
	for name, damage := range map[string]func([]byte, int) []byte{
		"cut short": func(b []byte, _ int) []byte { return b[:len(b)-3] },
		"garbled index": func(b []byte, at int) []byte {
			for i := at; i < at+16 && i < len(b); i++ {
				b[i] = 0xff
			}
			return b
		},
	} {
		t.Run(name, func(t *testing.T) {
			lib, path := newMine(t)
			mineTitle(t, lib)
			markEntry(t, lib, path, "캐시에서")
			entry := lib.cache.entry(path)
			data, err := os.ReadFile(entry)
			if err != nil {
				t.Fatal(err)
			}
			_, index, _, _ := readHead(entry)
			at := strings.Index(string(data), index)
			if err := os.WriteFile(entry, damage(data, at), 0o600); err != nil {
				t.Fatal(err)
			}
			if got := mineTitle(t, New(filepath.Dir(lib.DecksDir()))); got != "내 덱" {
				t.Errorf("a damaged entry was used (title %q)", got)
			}
		})
	}
}

// TestBigDeckReadingReported: the first reading of a large deck file is
// reported in growing steps, a hundred at most, ending read and indexed
// at the file's size; the next run reads its index and reports nothing,
// and neither does a small deck.
func TestBigDeckReadingReported(t *testing.T) {
	dir := t.TempDir()
	var got []Reading
	lib := New(dir)
	lib.OnReading(func(r Reading) { got = append(got, r) })
	writeDeck(t, lib, bigDeck("big", 12000))
	age(t, decktest.Write(t, lib.DecksDir(), "small.json", "small", "작은 덱"), time.Hour)
	path := filepath.Join(lib.DecksDir(), "big.json")
	info, err := os.Stat(path)
	if err != nil || info.Size() < bigFile {
		t.Fatalf("big.json: %v, %d bytes; want over %d", err, info.Size(), bigFile)
	}
	if len(got) < 10 || len(got) > 101 {
		t.Fatalf("%d reports, want 10 to 101: %+v", len(got), got)
	}
	for i, r := range got {
		last := i == len(got)-1
		if r.Path != path || r.Size != int(info.Size()) || r.Done != last || (i > 0 && r.Read <= got[i-1].Read) {
			t.Errorf("report %d of %d: %+v after %+v", i, len(got), r, got[max(i-1, 0)])
		}
	}
	if end := got[len(got)-1]; end.Read != end.Size {
		t.Errorf("last report %+v, want every byte read", end)
	}
	again := New(dir)
	again.OnReading(func(r Reading) { t.Errorf("the next run reported %+v", r) })
	if _, errs := again.Decks(); len(errs) > 0 {
		t.Fatal(errs)
	}
}
