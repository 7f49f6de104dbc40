package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/internal/bench/gen"
)

// TestFirstOpenOfABigDeckShowsProgress: the first `moatquiz decks` after a
// large deck (5,000 cards, ~1.5 MB) is added says on the terminal how far
// its reading has got, on one line cleared before the table; the next
// run reads the deck's index and says nothing, and neither does a run
// whose standard error is not a terminal.
func TestFirstOpenOfABigDeckShowsProgress(t *testing.T) {
	e2eTest(t)
	dir := t.TempDir()
	d, err := gen.Deck(5000, 1)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "decks", "big.json")
	if err := gen.WriteDeck(path, d); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour) // settled: its cache entry is written
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	first := decksInTerminal(t, dir)
	line := strings.Index(first, "reading the new deck big.json: ")
	table := strings.Index(first, "ID ")
	if line < 0 || table < line || !strings.Contains(first[line:table], "\r\x1b[K") {
		t.Errorf("first run's terminal output, want a progress line cleared before the table:\n%q", first)
	}
	if again := decksInTerminal(t, dir); strings.Contains(again, "reading") || !strings.Contains(again, "big.json") {
		t.Errorf("second run's terminal output, want the table only:\n%q", again)
	}
	if err := os.RemoveAll(filepath.Join(dir, "cache")); err != nil {
		t.Fatal(err)
	}
	if res := moatquiz(t, dir, "", "decks"); res.code != 0 || res.stderr != "" {
		t.Errorf("decks with stderr to a pipe: exit %d, stderr %q; want 0 and nothing", res.code, res.stderr)
	}
}

// decksInTerminal runs `moatquiz decks` on data directory dir in a
// pseudo-terminal (script(1)) and returns all it wrote there.
func decksInTerminal(t *testing.T, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "typescript")
	cmd := exec.Command("script", "-q", "-e", "-c", shellWords(bin, "decks"), out)
	cmd.Env = append(os.Environ(), "MOATQUIZ_DATA_DIR="+dir, "MOATQUIZ_CONFIG="+os.DevNull, "MOATQUIZ_NOW="+now, "NO_COLOR=1")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("moatquiz decks in a terminal: %v\n%s", err, b)
	}
	return readFile(out)
}
