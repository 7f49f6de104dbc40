package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wordsDeck has two words a jamo apart (강점 strength, 장점 advantage)
// and 해자.
const wordsDeck = `{
  "format": 1, "id": "words", "title": "낱말", "title_en": "Words", "lang": "ko",
  "source": {"publisher": "me"},
  "cards": [
    {"id": "s", "kind": "vocab", "word": "강점", "meanings": ["strength"], "pos": "noun"},
    {"id": "a", "kind": "vocab", "word": "장점", "meanings": ["advantage"], "pos": "noun"},
    {"id": "m", "kind": "vocab", "word": "해자", "meanings": ["moat"], "pos": "noun"}
  ]
}`

// Usability B3: another word typed a jamo off is Wrong and the screen
// says what it means; a slip that makes no word is Almost, and says it
// suggests Hard.
func TestAnotherWordIsWrongASlipIsAlmost(t *testing.T) {
	e2eTest(t)
	tm := newTerm(t)
	if err := os.MkdirAll(filepath.Join(tm.data, "decks"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tm.data, "decks", "words.json"), []byte(wordsDeck), 0o644); err != nil {
		t.Fatal(err)
	}
	tm.launch("study", "--deck", "words", "--kind", "typed", "--direction", "en-ko")
	var wrong, almost bool
	for range 3 {
		s := tm.waitFor("enter check")
		switch {
		case strings.Contains(s, "\nadvantage"):
			tm.answerTyped("장점")
		case strings.Contains(s, "\nstrength"):
			wrong = true
			tm.checkAnswer("장점", "✗ Wrong — 장점 = advantage", "enter Again")
			tm.keys("1")
		case strings.Contains(s, "\nmoat"):
			almost = true
			tm.checkAnswer("해쟈", "≈ Almost → Hard — one letter off: ㅑ should be ㅏ", "enter Hard")
			tm.keys("Enter")
		default:
			t.Fatalf("an unknown question:\n%s", s)
		}
	}
	if !wrong || !almost {
		t.Errorf("asked strength: %v, moat: %v; want both", wrong, almost)
	}
	tm.keys("Escape")
	tm.exited()
}

// checkAnswer types text for the shown typed question, checks it, and
// fails unless the answer side shows each of wants.
func (tm *term) checkAnswer(text string, wants ...string) {
	tm.t.Helper()
	tm.text(text)
	tm.waitFor("› " + text)
	tm.keys("Enter")
	s := tm.waitFor(wants[0])
	for _, want := range wants[1:] {
		if !strings.Contains(s, want) {
			tm.t.Errorf("typed %s, the screen lacks %q:\n%s", text, want, s)
		}
	}
}
