package library

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/search"
)

// finds returns the ids of the cards of deck "mine" that a newly opened
// browser (as a new moatquiz would open it) finds for q.
func finds(t *testing.T, dataDir, q string) []string {
	t.Helper()
	b, err := New(dataDir).OpenBrowser(noProgress{}, quiz.DefaultScheduling(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := search.Parse("deck:mine " + q)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range b.Search(parsed, SortDeck).Rows() {
		ids = append(ids, r.Card)
	}
	return ids
}

// markTexts rewrites the text file of the deck at path with 해자's text
// prepared from 성벽 instead, so that a search that reads it shows it.
func markTexts(t *testing.T, lib *Library, path string) {
	t.Helper()
	f, err := lib.file("mine")
	if err != nil {
		t.Fatal(err)
	}
	texts := []search.Text{*search.NewText("성벽"), *search.NewText("훈련과 추론")}
	head := textHead{Format: textFormat, Sum: f.content, Cards: len(texts)}
	if err := writeTexts(lib.cache.textFile(path), head, texts); err != nil {
		t.Fatal(err)
	}
}

// TestSearchTextCached: the browser reads its search text from the text
// file of the deck's content, and prepares it again when the deck changed
// or the file is damaged.
func TestSearchTextCached(t *testing.T) {
	lib, path := newMine(t)
	if got := finds(t, lib.dataDir, "ㅎㅈ"); !slices.Equal(got, []string{"haeja"}) {
		t.Fatalf("ㅎㅈ finds %v before any text is kept, want haeja", got)
	}
	markTexts(t, lib, path)
	if got := finds(t, lib.dataDir, "ㅅㅂ"); !slices.Equal(got, []string{"haeja"}) {
		t.Errorf("ㅅㅂ finds %v, want haeja: the kept text was not read", got)
	}

	file := lib.cache.textFile(path)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data[:len(data)-3], 0o600); err != nil {
		t.Fatal(err)
	}
	if got := finds(t, lib.dataDir, "ㅎㅈ"); !slices.Equal(got, []string{"haeja"}) {
		t.Errorf("ㅎㅈ finds %v with the text file cut short, want haeja", got)
	}

	markTexts(t, lib, path)
	deck, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(deck), "해자", "해저", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	age(t, path, time.Hour)
	if got := finds(t, lib.dataDir, "ㅅㅂ"); len(got) != 0 {
		t.Errorf("ㅅㅂ finds %v once the deck changed, want nothing", got)
	}
	if got := finds(t, lib.dataDir, "해저"); !slices.Equal(got, []string{"haeja"}) {
		t.Errorf("해저 finds %v once the deck changed, want haeja", got)
	}
}
