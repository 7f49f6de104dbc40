package decks_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/decks"
	"github.com/moatquiz/moatquiz/quiz"
)

// TestBuiltinDecksLoad: every built-in deck passes the strict loader, and
// its id is its file name.
func TestBuiltinDecksLoad(t *testing.T) {
	names, err := fs.Glob(decks.FS, "*.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("no built-in decks (%v)", err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(decks.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		d, err := deckfile.Load("builtin:"+name, data)
		if err != nil {
			t.Errorf("%s does not load:\n%v", name, err)
			continue
		}
		if want := strings.TrimSuffix(name, ".json"); d.ID != want {
			t.Errorf("%s has id %q, want %q", name, d.ID, want)
		}
	}
}

// articleDeck loads the built-in article deck.
func articleDeck(t *testing.T) *quiz.Deck {
	t.Helper()
	data, err := fs.ReadFile(decks.FS, "article.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := deckfile.Load("builtin:article.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestArticleDeckSize: the article deck has the cards issue 2 asks for.
func TestArticleDeckSize(t *testing.T) {
	d := articleDeck(t)
	n := map[quiz.Kind]int{}
	for _, c := range d.Cards {
		n[c.Kind]++
	}
	for kind, least := range map[quiz.Kind]int{quiz.KindFact: 40, quiz.KindVocab: 80, quiz.KindCloze: 20} {
		if n[kind] < least {
			t.Errorf("the article deck has %d %s cards, want at least %d", n[kind], kind, least)
		}
	}
}

// TestArticleDeckInterleavesKinds: new cards come in deck order, so facts
// and words alternate in it (never more than 3 of a kind in a row): a
// learner meets both on the first day, whichever they study first.
func TestArticleDeckInterleavesKinds(t *testing.T) {
	d := articleDeck(t)
	run := 0
	for i, c := range d.Cards {
		if i > 0 && c.Kind == d.Cards[i-1].Kind {
			run++
		} else {
			run = 1
		}
		if run > 3 {
			t.Fatalf("cards %d to %d are all %s", i-run+2, i+1, c.Kind)
		}
	}
}
