package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/moatquiz/moatquiz/internal/decktest"
)

// userDir makes a data directory whose decks/ folder holds decktest.Mixed.
func userDir(t *testing.T) (*Globals, string) {
	t.Helper()
	g := &Globals{DataDir: t.TempDir()}
	dir := filepath.Join(g.DataDir, "decks")
	decktest.Mixed(t, dir)
	return g, dir
}

// TestDecksJSON: --json lists every deck file, loaded or not.
func TestDecksJSON(t *testing.T) {
	g, dir := userDir(t)
	var out bytes.Buffer
	if err := runDecks(g, &out, true, 0); err != nil {
		t.Fatal(err)
	}
	var list []deckJSON
	if err := json.Unmarshal(out.Bytes(), &list); err != nil {
		t.Fatalf("%v in %s", err, out.String())
	}
	if len(list) != 6 {
		t.Fatalf("got %d decks, want 6: %s", len(list), out.String())
	}
	article, mine, broken := list[0], list[1], list[2]
	if article.ID != "article" || article.Origin != "builtin" || article.Path != "builtin:article.json" ||
		article.Cards != article.Fact+article.Vocab+article.Cloze || article.Cards == 0 || article.Errors != nil {
		t.Errorf("article = %+v", article)
	}
	wantMine := deckJSON{ID: "mine", Title: "내 덱", TitleEn: "Test deck", Origin: "user",
		Path: filepath.Join(dir, "a-mine.json"), Cards: 2, Vocab: 1, Cloze: 1}
	if mine.ID != wantMine.ID || mine.Title != wantMine.Title || mine.TitleEn != wantMine.TitleEn || mine.Origin != wantMine.Origin ||
		mine.Path != wantMine.Path || mine.Cards != 2 || mine.Fact != 0 || mine.Vocab != 1 || mine.Cloze != 1 || mine.Errors != nil {
		t.Errorf("mine = %+v, want %+v", mine, wantMine)
	}
	if broken.ID != "" || broken.Origin != "user" || len(broken.Errors) != 1 || !strings.Contains(broken.Errors[0], `field "title" is empty`) {
		t.Errorf("broken = %+v", broken)
	}
}

// TestDecksJSONEscapesHiddenCharacters: a deck file's name can hold any
// character; --json escapes those that would steer or hide text in a
// terminal (C1 controls, DEL, bidi overrides, zero-width characters), and
// the JSON still reads back to the real name.
func TestDecksJSONEscapesHiddenCharacters(t *testing.T) {
	g := &Globals{DataDir: t.TempDir()}
	dir := filepath.Join(g.DataDir, "decks")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	name := "evil\u009b2J\u007f\u202egnp\u200b.json"
	writeDeck(t, dir, name, "evil", "나쁜 덱")
	var out bytes.Buffer
	if err := runDecks(g, &out, true, 0); err != nil {
		t.Fatal(err)
	}
	if i := strings.IndexAny(out.String(), "\u009b\u007f\u202e\u200b"); i >= 0 {
		t.Fatalf("raw hidden character at byte %d of the JSON: %q", i, out.String())
	}
	var list []deckJSON
	if err := json.Unmarshal(out.Bytes(), &list); err != nil {
		t.Fatalf("%v in %s", err, out.String())
	}
	if got := list[len(list)-1].Path; got != filepath.Join(dir, name) {
		t.Errorf("path read back = %q, want %q", got, filepath.Join(dir, name))
	}
}

// TestDecksTable: the table lines up although titles are Hangul (two cells
// a character), and broken decks are listed after it with their error.
func TestDecksTable(t *testing.T) {
	g, dir := userDir(t)
	var out bytes.Buffer
	if err := runDecks(g, &out, false, 0); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	lines := strings.Split(text, "\n")
	if !strings.HasPrefix(lines[0], "ID ") || !strings.HasPrefix(lines[1], "article ") || !strings.HasPrefix(lines[2], "mine ") {
		t.Fatalf("table:\n%s", text)
	}
	from := ansi.StringWidth(lines[0][:strings.Index(lines[0], "FROM")])
	for _, line := range lines[1:3] {
		col := strings.LastIndex(line, "  ") + 2
		if w := ansi.StringWidth(line[:col]); w != from {
			t.Errorf("FROM at cell %d in %q, want %d", w, line, from)
		}
	}
	for _, want := range []string{
		"\nNot loaded:\n" + filepath.Join(dir, "b-broken.json") + `:4:12: field "title" is empty`,
		`c-clash.json: deck id "article" is already used by builtin:article.json`,
		"\nYour own decks go in " + dir + " ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
}

// TestDecksTableFits: on a terminal 80 columns wide the table's rows fit,
// the title cut with "…" rather than wrapped; a title that is the same in
// English is not repeated, and a deck under the home directory is shown
// as ~/….
func TestDecksTableFits(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	g := &Globals{DataDir: filepath.Join(home, ".local", "share", "moatquiz")}
	dir := filepath.Join(g.DataDir, "decks")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	data := strings.Replace(decktest.Deck, `"title_en": "Test deck"`, `"title_en": "tiny"`, 1)
	data = strings.NewReplacer("%ID%", "tiny", "%TITLE%", "tiny").Replace(data)
	if err := os.WriteFile(filepath.Join(dir, "tiny.json"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runDecks(g, &out, false, 80); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, line := range strings.Split(text, "\n") {
		if w := ansi.StringWidth(line); w > 80 && !strings.HasPrefix(line, "Your own decks") {
			t.Errorf("a line %d cells wide: %q", w, line)
		}
	}
	for _, want := range []string{"…", " tiny.json\n", "decks go in ~/.local/share/moatquiz/decks "} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	if strings.Contains(text, "tiny — tiny") {
		t.Errorf("the same title twice:\n%s", text)
	}
}
