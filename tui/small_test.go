package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/moatquiz/moatquiz/quiz"
)

// longPromptDeck is one fact with a long question and a long Korean
// answer.
func longPromptDeck() *quiz.Deck {
	d := testDeck()
	d.Cards = []quiz.Card{{
		ID: "long", Kind: quiz.KindFact,
		Prompt: "메시지가 AI 경쟁에서 승리할 회사가 아니라고 한 두 회사는 어디인가요?", PromptEn: "Which two companies?",
		Answer: "세미애널리시스", AnswerEn: "SemiAnalysis",
	}}
	return d
}

// TestCheckedAnswerAtSmallSizes: after a typed answer is checked, the
// verdict, the answer with its romanization and what was typed stay on
// the screen at small sizes; the question gives way (golden files in
// testdata/TestCheckedAnswerAtSmallSizes, -update rewrites them).
func TestCheckedAnswerAtSmallSizes(t *testing.T) {
	typed := map[string]string{"right": "세미애널리시스", "wrong": strings.Repeat("a", 60)}
	for _, name := range []string{"right", "wrong"} {
		for _, size := range [][2]int{{33, 10}, {40, 12}, {80, 24}} {
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				m := newDeckModel(t, longPromptDeck(), newMemProgress(), &Start{Deck: "moat",
					Options: quiz.Options{Kind: quiz.QuestionTyped}}, size[0], size[1])
				m = press(t, typeText(t, m, typed[name]), "enter")
				checkFits(t, m)
				s := screenText(m)
				for _, want := range []string{"answer   세미애널리시스", "semiaeneollisiseu", "1 Again"} {
					if !strings.Contains(s, want) {
						t.Errorf("%q is not on the screen:\n%s", want, s)
					}
				}
				if name == "wrong" && !strings.Contains(s, "typed    aaaa") {
					t.Errorf("what was typed is not on the screen:\n%s", s)
				}
				golden.RequireEqual(t, s)
			})
		}
	}
}
