package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/internal/decktest"
	"github.com/moatquiz/moatquiz/library"
)

// writeDeck writes decktest.Deck with id and title to dir/name and returns its path.
func writeDeck(t *testing.T, dir, name, id, title string) string {
	t.Helper()
	return decktest.Write(t, dir, name, id, title)
}

// TestCheckBuiltin: with no files, check summarises each built-in deck and
// succeeds.
func TestCheckBuiltin(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := runCheck(library.New(t.TempDir()), nil, &stdout, &stderr); err != nil {
		t.Fatalf("runCheck: %v\n%s", err, stderr.String())
	}
	line := regexp.MustCompile(`(?m)^article: \d+ cards — \d+ fact, \d+ vocab, \d+ cloze$`)
	if !line.MatchString(stdout.String()) || stderr.Len() > 0 {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
	}
}

// TestCheckUserDecks: with no files, check also validates the learner's
// decks, and fails when one of them is broken.
func TestCheckUserDecks(t *testing.T) {
	lib := library.New(t.TempDir())
	if err := os.MkdirAll(lib.DecksDir(), 0o700); err != nil {
		t.Fatal(err)
	}
	writeDeck(t, lib.DecksDir(), "mine.json", "mine", "내 덱")
	writeDeck(t, lib.DecksDir(), "broken.json", "broken", "")
	var stdout, stderr bytes.Buffer
	err := runCheck(lib, nil, &stdout, &stderr)
	if err == nil || exitCode(err) != 1 || !strings.Contains(stdout.String(), "\nmine: 2 cards") ||
		!strings.Contains(stderr.String(), "broken.json:4:12") {
		t.Errorf("runCheck: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
}

// TestCheckFiles: a good file gets its summary, a broken or missing one its
// errors on stderr, and the command exits 1 without printing them twice.
func TestCheckFiles(t *testing.T) {
	dir := t.TempDir()
	good := writeDeck(t, dir, "good.json", "mine", "내 덱")
	broken := writeDeck(t, dir, "broken.json", "Mine", "내 덱\\u001b[2J")
	missing := filepath.Join(dir, "missing.json")

	var stdout, stderr bytes.Buffer
	err := runCheck(nil, []string{good, broken, missing}, &stdout, &stderr)
	if want := "mine: 2 cards — 0 fact, 1 vocab, 1 cloze\n"; stdout.String() != want {
		t.Errorf("stdout = %q, want %q", stdout.String(), want)
	}
	wantErr := broken + ":3:9: deck id \"Mine\" is not valid: use 1 to 64 lower-case letters (a-z), digits, \"-\" and \"_\", starting with a letter or digit\n" +
		broken + ":4:16: field \"title\" has an escape character (ESC, U+001B): escape sequences are not allowed in deck text; remove it\n" +
		missing + ": cannot open the deck: no such file or directory\n"
	if stderr.String() != wantErr {
		t.Errorf("stderr =\n%s\nwant\n%s", stderr.String(), wantErr)
	}
	var ee *exitError
	if !errors.As(err, &ee) || exitCode(err) != 1 {
		t.Errorf("err = %v, want an exitError with code 1", err)
	}
}

func TestSummary(t *testing.T) {
	var stdout, stderr bytes.Buffer
	one := strings.Replace(decktest.Deck, `,
    {"id": "train", "kind": "cloze", "text": "{{c1::훈련}}과 추론", "translation": "training and inference"}`, "", 1)
	path := filepath.Join(t.TempDir(), "one.json")
	if err := os.WriteFile(path, []byte(strings.NewReplacer("%ID%", "one", "%TITLE%", "하나").Replace(one)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := runCheck(nil, []string{path}, &stdout, &stderr); err != nil || stdout.String() != "one: 1 card — 0 fact, 1 vocab, 0 cloze\n" {
		t.Errorf("got %q, %v (%s)", stdout.String(), err, stderr.String())
	}
}
