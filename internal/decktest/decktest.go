// Package decktest writes small valid deck files, and a scripted editor
// to edit them with, for tests.
package decktest

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Deck is a small valid deck of two cards (a vocab card "haeja" and a
// cloze card "train"); %ID% and %TITLE% are filled in by Write.
const Deck = `{
  "format": 1,
  "id": "%ID%",
  "title": "%TITLE%",
  "title_en": "Test deck",
  "lang": "ko",
  "source": {"publisher": "아시아경제"},
  "cards": [
    {"id": "haeja", "kind": "vocab", "word": "해자", "meanings": ["moat"], "pos": "noun"},
    {"id": "train", "kind": "cloze", "text": "{{c1::훈련}}과 추론", "translation": "training and inference"}
  ]
}
`

// Write writes Deck with id and title to dir/name and returns its path.
func Write(t testing.TB, dir, name, id, title string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	data := strings.NewReplacer("%ID%", id, "%TITLE%", title).Replace(Deck)
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Mixed fills the decks folder dir (made if missing) with a good deck
// (a-mine.json, id "mine"), a broken one (b-broken.json: no title), one
// that takes the built-in id "article" (c-clash.json), one that repeats
// the good one's id (d-again.json), a named pipe (pipe.json), and files
// and folders that are not decks: a hidden deck, a .txt file, a folder
// named sub.json and a symbolic link to it.
func Mixed(t testing.TB, dir string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "sub.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	Write(t, dir, "a-mine.json", "mine", "내 덱")
	Write(t, dir, "b-broken.json", "broken", "")
	Write(t, dir, "c-clash.json", "article", "가짜")
	Write(t, dir, "d-again.json", "mine", "또")
	Write(t, dir, ".e-hidden.json", "hidden", "숨김")
	Write(t, dir, "notes.txt", "notes", "메모")
	if err := os.Symlink(filepath.Join(dir, "sub.json"), filepath.Join(dir, "link.json")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.json"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ScriptEditor sets EDITOR (and clears VISUAL) for the test to a shell
// script that runs body on the file it is given as $1.
func ScriptEditor(t testing.TB, body string) {
	t.Helper()
	script := filepath.Join(t.TempDir(), "editor.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\n"+body+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", script)
}
