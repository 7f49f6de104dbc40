package e2e

import (
	"fmt"
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

// TestBrowseMidSessionSuspend: b in a session opens the browser on the
// card shown; suspended there, it is gone when the learner comes back
// (the next card shows, the counts drop) and is not asked again that
// session.
func TestBrowseMidSessionSuspend(t *testing.T) {
	e2eTest(t)
	tm := start(t, "study", "--deck", "article", "--limit", "3")
	if s := tm.waitFor("new 3 · learning 0"); !asksHaeja(s) {
		t.Fatalf("the session does not ask 해자 first:\n%s", s)
	}
	tm.keys("b")
	tm.waitFor("▸ 해자")
	tm.keys("s")
	tm.waitFor("Suspended 해자.")
	tm.keys("Escape")
	if s := tm.waitFor("new 2 · learning 0"); asksHaeja(s) || !strings.Contains(s, "0/2") {
		t.Fatalf("back from the browser the session still asks 해자, or counts it:\n%s", s)
	}
	for i := range 2 {
		tm.waitFor(fmt.Sprintf("%d/2", i))
		tm.keys("Space")
		if s := tm.waitFor("4 Easy"); asksHaeja(s) {
			t.Fatalf("the suspended 해자 is asked again:\n%s", s)
		}
		tm.keys("4")
	}
	s := tm.waitFor("Session done")
	if !strings.Contains(s, "answered  2") {
		t.Errorf("the summary does not count 2 answers:\n%s", s)
	}
	tm.keys("Enter")
	tm.exited()
	if n := len(tm.reviews()); n != 2 {
		t.Errorf("%d reviews saved, want 2: leaving 해자 saves none", n)
	}
}

// TestBrowseAnsweredSuspendThenUndo: the card just answered, suspended
// in the browser opened mid-session, stays suspended when the learner
// comes back and undoes the answer: the answer is taken back (no review
// saved), 해자 is not asked again, and the card list shows it suspended.
func TestBrowseAnsweredSuspendThenUndo(t *testing.T) {
	e2eTest(t)
	tm := start(t, "study", "--deck", "article", "--kind", "flip", "--limit", "3")
	if s := tm.waitFor("new 3 · learning 0"); !asksHaeja(s) {
		t.Fatalf("the session does not ask 해자 first:\n%s", s)
	}
	tm.keys("Space")
	tm.waitFor("3 Good")
	tm.keys("3")
	tm.waitFor("1/4") // 해자 back at its next learning step
	tm.keys("b")
	tm.waitFor("Cards")
	tm.keys("k")
	tm.waitFor("▸ 해자")
	tm.keys("s")
	tm.waitFor("Suspended 해자.")
	tm.keys("Escape")
	tm.waitFor("show answer")
	tm.keys("u")
	if s := tm.waitFor("0/2"); asksHaeja(s) || !strings.Contains(s, "new 2 · learning 0") {
		t.Fatalf("the undo asks the suspended 해자 again, or counts it:\n%s", s)
	}
	tm.keys("C-c")
	tm.exited()
	if n := len(tm.reviews()); n != 0 {
		t.Errorf("%d reviews saved after the undo, want none", n)
	}
	if out := cli(t, tm, os.DevNull, "cards", "--", "is:suspended"); !strings.Contains(out, "해자") {
		t.Errorf("after the undo 해자 is not suspended:\n%s", out)
	}
}
