package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSettingsSurviveARestart: on the home screen the learner picks their
// own deck, changes every setting and quits; started again, the app is on
// that deck with those settings, and enter studies it so.
func TestSettingsSurviveARestart(t *testing.T) {
	e2eTest(t)
	tm := newTerm(t)
	if err := os.MkdirAll(filepath.Join(tm.data, "decks"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tm.data, "decks", "mine.json"), []byte(moatDeck), 0o644); err != nil {
		t.Fatal(err)
	}
	tm.launch()
	tm.waitFor("내 단어")
	tm.keys("j", "Tab", "Right", "Right", "Down", "Right", "Right", "Down", "Right", "Down", "Right", "q") // typed, en→ko, practice, vocab
	tm.exited()

	// TERM=dumb marks the chosen values with brackets.
	tm.launchShell(strings.Replace(tm.appCommand(), "TERM=xterm-256color", "TERM=dumb", 1))
	s := tm.waitFor("내 단어")
	// A deck of vocabulary alone has no facts language to choose.
	for _, want := range []string{"▸ 내 단어", "[typed]", "[en→ko]", "[practice]", "[vocab]"} {
		if !strings.Contains(s, want) {
			t.Errorf("started again, the home screen lacks %q:\n%s", want, s)
		}
	}
	tm.keys("Enter")
	s = tm.waitFor("English → Korean")
	if !strings.Contains(s, "practice") || !strings.Contains(s, "enter check") {
		t.Errorf("enter does not study typed practice:\n%s", s)
	}
	tm.keys("Escape")
	tm.waitFor("enter study")
	tm.keys("q")
	tm.exited()
}
