package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/quiz"
)

// longFacts is a deck of n facts whose questions are longer than a small
// terminal's line, with short answers 답01, 답02, ...
func longFacts(n int) *quiz.Deck {
	d := testDeck()
	d.Cards = nil
	for i := range n {
		d.Cards = append(d.Cards, quiz.Card{
			ID: fmt.Sprintf("f%02d", i+1), Kind: quiz.KindFact,
			Prompt:   fmt.Sprintf("구글 사내 메시지가 세미애널리시스를 통해 알려진 날은 현지시간으로 언제인가요 %d?", i+1),
			PromptEn: "When?", Answer: fmt.Sprintf("답%02d", i+1), AnswerEn: "then",
		})
	}
	return d
}

// TestMissedAnswersAtSmallSizes (B19): the summary's Missed list wraps
// each item rather than cutting off its answer, and a list longer than
// the screen scrolls: at 40x12 every answer can be read.
func TestMissedAnswersAtSmallSizes(t *testing.T) {
	const n = 12
	m := newDeckModel(t, longFacts(n), newMemProgress(), &Start{Deck: "moat",
		Options: quiz.Options{Kind: quiz.QuestionFlip}}, 40, 12)
	for range n {
		m = press(t, m, "space", "1")
	}
	for i := 0; m.screen == screenStudy && i < 10*n; i++ {
		m = press(t, m, "space", "3")
	}
	if m.screen != screenSummary {
		t.Fatalf("no summary:\n%s", screenText(m))
	}
	seen := screenText(m)
	for range 10 * n {
		checkFits(t, m)
		m = press(t, m, "down")
		seen += "\n" + screenText(m)
	}
	for i := range n {
		if want := fmt.Sprintf("— 답%02d", i+1); !strings.Contains(seen, want) {
			t.Errorf("the answer %q is never on the summary at 40x12:\n%s", want, seen)
		}
	}
	if s := screenText(m); !strings.Contains(s, "Next cards due") {
		t.Errorf("scrolled to the end, the summary does not end with the next due cards:\n%s", s)
	}
	m = press(t, m, "up")
	if m.summary.offset == 0 {
		t.Error("↑ at the end of the summary scrolls to the top at once")
	}
}

// TestHelpOnSummary: ? on the summary lists the summary's keys, first in
// a small terminal.
func TestHelpOnSummary(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		d := testDeck()
		d.Cards = d.Cards[:1]
		m := newDeckModel(t, d, newMemProgress(), &Start{Deck: "moat",
			Options: quiz.Options{Kind: quiz.QuestionFlip, Direction: quiz.DirKoEn}}, size[0], size[1])
		m = press(t, m, "space", "4")
		if m.screen != screenSummary {
			t.Fatalf("no summary after the last card:\n%s", screenText(m))
		}
		s := screenText(press(t, m, "?"))
		words := strings.Join(strings.Fields(s), " ") // columns or flowing
		for _, want := range []string{"Summary", "u undo", "l unsuspend", "s stats", "scroll down"} {
			if !strings.Contains(words, want) {
				t.Errorf("%dx%d: the help on the summary does not show %q:\n%s", size[0], size[1], want, s)
			}
		}
	}
}
