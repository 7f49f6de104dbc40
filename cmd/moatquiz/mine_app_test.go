package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/quiz"
)

// TestAppMine mines a text as the app's mine screen does: the words come
// with their status (훈련 is in the built-in deck), the chosen ones only
// are written, to a deck that loads, and the summary counts the words
// left unchecked; a missing file says so.
func TestAppMine(t *testing.T) {
	g := &Globals{DataDir: t.TempDir()}
	b := appBackend{g: g}
	if _, err := b.Mine(filepath.Join(g.DataDir, "nope.txt")); err == nil || !strings.Contains(err.Error(), "there is no file") {
		t.Errorf("a missing file: %v", err)
	}
	if _, err := b.Mine(g.DataDir); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("a folder: %v", err)
	}
	if mined, err := b.Mine(writeFile(t, "뉴스.txt", news)); err != nil || mined.Deck != "nyuseu" {
		t.Errorf("a Korean file name: deck %+v, %v; want nyuseu", mined, err)
	}
	mined, err := b.Mine(writeFile(t, "news.txt", news))
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]bool{}
	for _, w := range mined.Words {
		status[w.Word] = w.Known
	}
	if known, ok := status["훈련"]; mined.Deck != "news" || mined.Exists || !ok || !known || status["메모"] {
		t.Fatalf("mined %+v", mined)
	}
	summary, err := mined.Write([]string{"메모", "유출되다"})
	if err != nil || !strings.Contains(summary, `added 2 words to the new deck "news"`) || !strings.Contains(summary, "unchecked") {
		t.Fatalf("write: %v %s", err, summary)
	}
	d, err := deckfile.LoadFile(filepath.Join(g.DataDir, "decks", "news.json"))
	if err != nil {
		t.Fatalf("the deck does not load: %v", err)
	}
	var words []string
	for _, c := range d.Cards {
		if c.Kind == quiz.KindVocab {
			words = append(words, c.Word)
		}
	}
	if slices.Sort(words); !slices.Equal(words, []string{"메모", "유출되다"}) {
		t.Errorf("the deck's words %q, want the two chosen", words)
	}
}
