package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
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

// TestWrapKeepsFlagsWhole: a message naming a flag, as the home screen's
// summary after mining does, never breaks inside the flag (ansi.Wrap
// breaks after hyphens: "--" ended one line, "glossary" began the next at
// 79 columns and many others), and loses or adds nothing.
func TestWrapKeepsFlagsWhole(t *testing.T) {
	msg := `2 new words without a meaning: their vocab cards wait, unstudied, until you replace "(no meaning yet)" ` +
		`in the deck file with one, or mine again with --glossary; or study with --more-new 10 (a well-known trick).`
	for width := 12; width <= 120; width++ {
		out := wrap(msg, width)
		for _, line := range strings.Split(out, "\n") {
			if strings.HasSuffix(line, "-") && !strings.HasSuffix(line, "well-") || ansi.StringWidth(line) > width {
				t.Fatalf("at %d columns the line %q:\n%s", width, line, out)
			}
		}
		if !strings.Contains(out, "--glossary") || !strings.Contains(out, "--more-new") ||
			strings.Join(strings.Fields(out), "") != strings.Join(strings.Fields(msg), "") {
			t.Fatalf("at %d columns the text changed:\n%s", width, out)
		}
	}
	m := newTestModel(t, newMemProgress(), nil, 79, 24)
	m.home.status = msg
	if s := screenText(m); !strings.Contains(s, "--glossary") || regexp.MustCompile(`--\s*\n`).MatchString(s) {
		t.Errorf("at 79 columns the home screen splits --glossary:\n%s", s)
	}
}
