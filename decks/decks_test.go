package decks_test

import (
	"io/fs"
	"strings"
	"testing"

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
		d, err := quiz.Load("builtin:"+name, data)
		if err != nil {
			t.Errorf("%s does not load:\n%v", name, err)
			continue
		}
		if want := strings.TrimSuffix(name, ".json"); d.ID != want {
			t.Errorf("%s has id %q, want %q", name, d.ID, want)
		}
	}
}

// TestArticleDeckSize: the article deck has the cards issue 2 asks for.
func TestArticleDeckSize(t *testing.T) {
	data, err := fs.ReadFile(decks.FS, "article.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := quiz.Load("builtin:article.json", data)
	if err != nil {
		t.Fatal(err)
	}
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
