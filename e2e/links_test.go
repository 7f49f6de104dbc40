package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDanglingDeckLink: a deck file that is a symbolic link to nothing is
// a deck error like any other, in every command and in the app, whether
// its target was gone at the start or went away while the app ran: listed
// and explained, with the other decks usable and no crash.
func TestDanglingDeckLink(t *testing.T) {
	e2eTest(t)
	tm := newTerm(t)
	decks := filepath.Join(tm.data, "decks")
	if err := os.MkdirAll(decks, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/nonexistent/gone.json", filepath.Join(decks, "gone.json")); err != nil {
		t.Fatal(err)
	}
	words := filepath.Join(t.TempDir(), "words.tsv")
	if err := os.WriteFile(words, []byte("해자\tmoat\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"decks"}, {"decks", "--json"}, {"stats"}, {"stats", "--json"}, {"stats", "--deck", "article"},
		{"export", "deck", "article"}, {"import", words},
	} {
		res := moatquiz(t, tm.data, "", args...)
		what := "moatquiz " + strings.Join(args, " ")
		if res.code != 0 || strings.Contains(res.stderr, "panic") {
			t.Errorf("%s: exit %d\n%s", what, res.code, res.stderr)
		}
		if args[0] == "decks" && !strings.Contains(res.stdout, "gone.json") {
			t.Errorf("%s does not list the broken link:\n%s", what, res.stdout)
		}
	}

	target := filepath.Join(t.TempDir(), "mine.json")
	if err := os.Rename(filepath.Join(decks, "words.json"), target); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(decks, "words.json")); err != nil {
		t.Fatal(err)
	}
	tm.launch()
	tm.waitFor("gone.json")
	tm.waitFor("words")
	if err := os.Remove(target); err != nil {
		t.Fatal(err)
	}
	tm.keys("Enter") // study the first deck, then back home: the decks are read again
	tm.waitFor("show answer")
	tm.keys("Escape")
	tm.waitFor("words.json")
	if !tm.alive() {
		t.Fatalf("the app exited:\n%s", tm.screen())
	}
}
