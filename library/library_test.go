package library

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/internal/decktest"
)

// TestDecks: built-in decks come first, then the learner's; broken decks
// and taken ids are errors for their file, not for the others.
func TestDecks(t *testing.T) {
	lib := New(t.TempDir())
	dir := lib.DecksDir()
	decktest.Mixed(t, dir)
	decks, errs := lib.Decks()
	var ids []string
	for _, d := range decks {
		ids = append(ids, d.ID)
	}
	if strings.Join(ids, " ") != "article mine" {
		t.Errorf("decks = %v, want [article mine]", ids)
	}
	want := []string{
		filepath.Join(dir, "b-broken.json") + `:4:12: field "title" is empty: give the title in the deck's language`,
		filepath.Join(dir, "c-clash.json") + `: deck id "article" is already used by builtin:article.json: give this deck its own id`,
		filepath.Join(dir, "d-again.json") + `: deck id "mine" is already used by ` + filepath.Join(dir, "a-mine.json") + `: give this deck its own id`,
		filepath.Join(dir, "pipe.json") + `: is not a regular file: a deck is a JSON file`,
	}
	if len(errs) != len(want) {
		t.Fatalf("errors = %v, want %d", errs, len(want))
	}
	for i, err := range errs {
		if err.Error() != want[i] {
			t.Errorf("error %d = %v\nwant %s", i, err, want[i])
		}
	}
}

// TestDanglingLink: a deck file that cannot be looked at (a symbolic link
// whose target is gone, before or after it was first read) is a deck
// error like any other, and the other decks load.
func TestDanglingLink(t *testing.T) {
	lib := New(t.TempDir())
	dir := lib.DecksDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	decktest.Write(t, dir, "mine.json", "mine", "내 덱")
	if err := os.Symlink("/nonexistent/deck.json", filepath.Join(dir, "gone.json")); err != nil {
		t.Fatal(err)
	}
	target := decktest.Write(t, t.TempDir(), "target.json", "linked", "링크")
	link := filepath.Join(dir, "linked.json")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	check := func(wantLinked bool) {
		t.Helper()
		decks, errs := lib.Decks()
		var ids []string
		for _, d := range decks {
			ids = append(ids, d.ID)
		}
		want := "article linked mine"
		if !wantLinked {
			want = "article mine"
		}
		if strings.Join(ids, " ") != want {
			t.Errorf("decks = %v, want %s", ids, want)
		}
		var gone []string
		for _, err := range errs {
			if strings.Contains(err.Error(), "cannot open the deck") {
				gone = append(gone, err.Error())
			}
		}
		if wantN := 2 - btoi(wantLinked); len(gone) != wantN {
			t.Errorf("errors %v: want %d saying the deck cannot be opened", errs, wantN)
		}
	}
	check(true)
	if err := os.Remove(target); err != nil {
		t.Fatal(err)
	}
	check(false)
}

// btoi is 1 for true.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestDeck: Deck finds a deck by id; with no such deck it says so, and
// names the deck files that could not be loaded, since it may be one.
func TestDeck(t *testing.T) {
	lib := New(t.TempDir())
	if d, err := lib.Deck("article"); err != nil || d.ID != "article" {
		t.Fatalf("Deck(article) = %v, %v", d, err)
	}
	if _, err := lib.Deck("x"); err == nil || err.Error() != `there is no deck "x": moatquiz decks lists them` {
		t.Errorf("with every deck loaded: %v", err)
	}
	decktest.Mixed(t, lib.DecksDir())
	_, err := lib.Deck("broken")
	var list deckfile.ErrorList
	if err == nil || !strings.Contains(err.Error(), `there is no deck "broken"`) || !errors.As(err, &list) {
		t.Errorf("Deck(broken) = %v: want the load errors wrapped", err)
	}
}
