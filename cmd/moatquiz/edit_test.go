package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/internal/decktest"
)

// TestEditReopensUntilValid: a built-in card needs --copy; a first save
// with a number for a meaning prints its position and opens the editor
// again, where the fix is saved; moatquiz cards shows the edit.
func TestEditReopensUntilValid(t *testing.T) {
	g := &Globals{DataDir: t.TempDir(), Config: os.DevNull}
	runs := filepath.Join(t.TempDir(), "runs")
	decktest.ScriptEditor(t, `echo x >> `+runs+`
if [ $(wc -l < `+runs+`) = 1 ]; then sed -i 's/"moat"/42/' "$1"; else sed -i 's/42/"castle moat"/' "$1"; fi`)
	var out, errOut bytes.Buffer
	err := (&editCmd{Card: "article/v-haeja"}).run(g, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "moatquiz edit --copy article/v-haeja") {
		t.Fatalf("editing a built-in card without --copy: %v", err)
	}
	if err := (&editCmd{Card: "article/v-haeja", Copy: true}).run(g, &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	if !strings.Contains(errOut.String(), `.json:14:5: card "v-haeja": item 1 of "meanings" must be a string`) || !strings.Contains(out.String(), "saved article/v-haeja") {
		t.Errorf("the invalid save's error, then the save:\nstdout %s\nstderr %s", out.String(), errOut.String())
	}
	out.Reset()
	if err := (&cardsCmd{Query: []string{"kind:vocab", "해자"}}).run(g, &out); err != nil || !strings.Contains(out.String(), "해자 → castle moat") {
		t.Errorf("cards after the edit: %v\n%s", err, out.String())
	}
}

// TestEditorExitingNonZero: nothing is saved and the command fails.
func TestEditorExitingNonZero(t *testing.T) {
	g := &Globals{DataDir: t.TempDir(), Config: os.DevNull}
	decktest.ScriptEditor(t, `sed -i 's/"moat"/"moot"/' "$1"; exit 3`)
	var out, errOut bytes.Buffer
	err := (&editCmd{Card: "article/v-haeja", Copy: true}).run(g, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "nothing saved") {
		t.Errorf("an editor exiting 3 gives %v", err)
	}
	out.Reset()
	if err := (&cardsCmd{Query: []string{"moot"}}).run(g, &out); err != nil || strings.Contains(out.String(), "해자") {
		t.Errorf("the abandoned edit was saved: %v\n%s", err, out.String())
	}
}

// TestAddWord: --word and --meaning add a vocab card without an editor;
// --meaning alone is a usage error.
func TestAddWord(t *testing.T) {
	g := &Globals{DataDir: t.TempDir(), Config: os.DevNull}
	var out, errOut bytes.Buffer
	var usage usageError
	if err := (&addCmd{Deck: "article", Meaning: []string{"moat"}}).run(g, &out, &errOut); !errors.As(err, &usage) {
		t.Errorf("--meaning without --word gives %v, want a usage error", err)
	}
	decktest.ScriptEditor(t, "exit 1") // copies the deck, edits nothing
	if err := (&editCmd{Card: "article/v-haeja", Copy: true}).run(g, &out, &errOut); err == nil {
		t.Fatal("an editor exiting 1 saved something")
	}
	add := addCmd{Deck: "article", Word: "해자놀이", Meaning: []string{"moat game"}, POS: "noun"}
	if err := add.run(g, &out, &errOut); err != nil || !strings.Contains(out.String(), "added article/w-haejanori-") {
		t.Fatalf("add --word: %v\n%s", err, out.String())
	}
	out.Reset()
	if err := (&cardsCmd{Query: []string{"해자놀이"}}).run(g, &out); err != nil || !strings.Contains(out.String(), "해자놀이 → moat game") {
		t.Errorf("cards after add: %v\n%s", err, out.String())
	}
}

// TestAddCopiesBuiltin: adding to a built-in deck says how to copy it
// (--copy), and --copy copies it and adds the card.
func TestAddCopiesBuiltin(t *testing.T) {
	g := &Globals{DataDir: t.TempDir(), Config: os.DevNull}
	var out, errOut bytes.Buffer
	add := addCmd{Deck: "article", Word: "포도", Meaning: []string{"grape"}, POS: "noun"}
	if err := add.run(g, &out, &errOut); err == nil || !strings.Contains(err.Error(), "moatquiz add --copy --deck article") {
		t.Fatalf("adding to a built-in deck without --copy: %v", err)
	}
	add.Copy = true
	if err := add.run(g, &out, &errOut); err != nil || !strings.Contains(out.String(), "added article/w-podo-") {
		t.Fatalf("add --copy: %v\n%s", err, out.String())
	}
}
