package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBrowseSuspendEditStudy (issue 17): in the card browser, ㅎㅈ finds
// 해자; s suspends it and e edits its meaning with a scripted EDITOR
// (copying the built-in deck first). Studying, the suspended card does
// not show; unsuspended, it shows with the edited meaning.
func TestBrowseSuspendEditStudy(t *testing.T) {
	e2eTest(t)
	tm := newTerm(t)
	editor := filepath.Join(t.TempDir(), "editor.sh")
	if err := os.WriteFile(editor, []byte("#!/bin/sh\nsed -i 's/\"moat\"/\"castle moat\"/' \"$1\"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	tm.launchShell(strings.Replace(tm.appCommand(), "exec env ", "exec env EDITOR="+shq(editor)+" VISUAL= ", 1))
	tm.waitFor("Decks")
	browse := func() {
		tm.keys("b")
		tm.text("ㅎㅈ")
		tm.waitFor("▸ 해자")
		tm.keys("Enter")
	}
	browse()
	tm.keys("s")
	tm.waitFor("Suspended 해자.")
	tm.keys("e")
	tm.waitFor("is built in: copy it to your decks")
	tm.keys("y")
	tm.waitFor("Saved v-haeja.")
	if s := tm.waitFor("castle moat"); !strings.Contains(s, "susp") {
		t.Errorf("the browser does not show 해자 edited and suspended:\n%s", s)
	}
	tm.keys("Escape")
	tm.waitFor("Decks")
	tm.keys("Enter")
	if s := tm.waitFor("show answer"); asksHaeja(s) {
		t.Errorf("the session asks the suspended 해자:\n%s", s)
	}
	tm.keys("Escape")
	tm.waitFor("Decks")
	browse()
	tm.keys("s")
	tm.waitFor("Unsuspended 해자.")
	tm.keys("Escape")
	tm.waitFor("Decks")
	tm.keys("Enter")
	if s := tm.waitFor("show answer"); !asksHaeja(s) {
		t.Fatalf("unsuspended, 해자 is not asked first:\n%s", s)
	}
	tm.keys("Space")
	tm.waitFor("castle moat")
	tm.keys("C-c")
	tm.exited()
	if deck := readFile(filepath.Join(tm.data, "decks", "article.json")); !strings.Contains(deck, `"meanings":["castle moat"]`) {
		t.Errorf("the copied deck file lacks the edit")
	}
}

// asksHaeja reports whether the study screen s asks the word 해자 (the
// deck's title names 해자 too, in quotes).
func asksHaeja(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "해자") {
			return true
		}
	}
	return false
}
