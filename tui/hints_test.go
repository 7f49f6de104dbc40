package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// leakOnly is the test deck's one fact with four options, asked as a
// multiple-choice question.
func leakOnly(t *testing.T, p *memProgress) Model {
	t.Helper()
	d := testDeck()
	d.Cards = d.Cards[1:2]
	m := newDeckModel(t, d, p, &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionChoice}}, 80, 24)
	if q := m.study.q; q == nil || q.Kind != quiz.QuestionChoice || len(q.Options) != 4 {
		t.Fatalf("not a choice of four: %s", screenText(m))
	}
	return m
}

// TestChoiceHintsAndGivingUp: in a choice question no hint singles out
// the right option, giving up suggests Again, and 1-4 don't turn into
// grades unannounced (B10).
func TestChoiceHintsAndGivingUp(t *testing.T) {
	tests := []struct {
		name    string
		keys    []string
		phase   quiz.Phase
		saved   []fsrs.Rating
		showing []string
		hidden  []string
	}{
		{name: "a hint rules out one wrong option", keys: []string{"tab"}, phase: quiz.Asking,
			showing: []string{"tab hint"}, hidden: []string{"초성", "sounds like", "starts with", "ㅅㅁㅇㄴㄹㅅㅅ"}},
		{name: "two hints leave two options, and no more hints", keys: []string{"tab", "tab", "tab"}, phase: quiz.Asking,
			hidden: []string{"tab hint", "hint:"}},
		{name: "right after a hint says so", keys: []string{"tab", "right"}, phase: quiz.Answered,
			showing: []string{"✓ Right, with a hint → Hard", "enter Hard"}},
		{name: "enter then grades Hard", keys: []string{"tab", "right", "enter"}, saved: []fsrs.Rating{fsrs.Hard}},
		{name: "giving up suggests Again", keys: []string{"space"}, phase: quiz.Answered,
			showing: []string{"enter Again", "1 Again", "answer   세미애널리시스"}, hidden: []string{"Good", "Hard", "Easy"}},
		{name: "after giving up, 3 is no grade and says so", keys: []string{"space", "3"}, phase: quiz.Answered,
			showing: []string{"You gave up, so this counts as Again: press enter."}},
		{name: "enter after giving up grades Again", keys: []string{"space", "enter"}, saved: []fsrs.Rating{fsrs.Again}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := newMemProgress()
			m := leakOnly(t, p)
			q := m.study.q
			for _, k := range tc.keys {
				if k == "right" {
					k = string(rune('1' + q.Correct))
				}
				m = press(t, m, k)
			}
			if m.screen == screenStudy && m.session.Phase() != tc.phase {
				t.Errorf("phase %v, want %v", m.session.Phase(), tc.phase)
			}
			var saved []fsrs.Rating
			for _, r := range p.reviews {
				saved = append(saved, r.Rating)
			}
			if len(saved) != len(tc.saved) || len(saved) > 0 && saved[0] != tc.saved[0] {
				t.Errorf("saved %v, want %v", saved, tc.saved)
			}
			screen := screenText(m)
			for _, s := range tc.showing {
				if !strings.Contains(screen, s) {
					t.Errorf("the screen does not show %q:\n%s", s, screen)
				}
			}
			for _, s := range tc.hidden {
				if strings.Contains(screen, s) {
					t.Errorf("the screen shows %q:\n%s", s, screen)
				}
			}
			checkFits(t, m)
		})
	}
}

// TestRuledOutOptionsCannotBeChosen: the options hints ruled out lose
// their number, and pressing it does nothing.
func TestRuledOutOptionsCannotBeChosen(t *testing.T) {
	m := leakOnly(t, newMemProgress())
	m = press(t, m, "tab", "tab")
	out := m.session.RuledOut()
	if len(out) != 2 {
		t.Fatalf("ruled out %v", out)
	}
	screen := screenText(m)
	for i, o := range m.study.q.Options {
		numbered := strings.Contains(screen, string(rune('1'+i))+" "+o)
		if ruled := i == out[0] || i == out[1]; numbered == ruled {
			t.Errorf("option %d %q: numbered %v, ruled out %v:\n%s", i+1, o, numbered, ruled, screen)
		}
	}
	m = press(t, m, string(rune('1'+out[0])))
	if m.session.Phase() != quiz.Asking {
		t.Errorf("a ruled-out option was taken: %s", screenText(m))
	}
}

// zhDeck is an imported Chinese deck: the same text in both languages.
func zhDeck() *quiz.Deck {
	return &quiz.Deck{Format: 1, ID: "zh", Title: "zh", TitleEn: "zh", Lang: "zh", Cards: []quiz.Card{
		{ID: "africa", Kind: quiz.KindFact, Prompt: "Africa", PromptEn: "Africa", Answer: "非洲", AnswerEn: "非洲"},
		{ID: "lion", Kind: quiz.KindFact, Prompt: "lion", PromptEn: "lion", Answer: "狮子", AnswerEn: "狮子"},
	}}
}

// TestNonKoreanDeck: an imported Chinese deck gets no Korean label, no
// hint that adds nothing, no 2-set Hangul keys and no facts language
// setting (B17).
func TestNonKoreanDeck(t *testing.T) {
	home := newDeckModel(t, zhDeck(), newMemProgress(), nil, 80, 24)
	if s := screenText(press(t, home, "down", "down", "down")); strings.Contains(s, "Facts in") || strings.Contains(s, "한국어") {
		t.Errorf("home offers a facts language for a deck with one text per fact:\n%s", s)
	}
	m := newDeckModel(t, zhDeck(), newMemProgress(), &Start{Deck: "zh", Options: quiz.Options{Kind: quiz.QuestionTyped}}, 80, 24)
	m = press(t, m, "tab", "tab", "tab", "ctrl+k")
	m = typeText(t, m, "gowk")
	screen := screenText(m)
	for _, s := range []string{"질문", "starts with", "ctrl+k", "2-set", "tab hint"} {
		if strings.Contains(screen, s) {
			t.Errorf("the screen shows %q:\n%s", s, screen)
		}
	}
	for _, s := range []string{"Question", "hint: 2 characters", "hint: 非_", "gowk"} {
		if !strings.Contains(screen, s) {
			t.Errorf("the screen does not show %q:\n%s", s, screen)
		}
	}
	if help := screenText(press(t, m, "f1")); strings.Contains(help, "ctrl+k") || !strings.Contains(help, "any key closes") {
		t.Errorf("the help offers the Hangul keys for a Chinese answer:\n%s", help)
	}
}

// TestKoreanDeckKeepsFactsLanguage: the built-in kind of deck, whose facts
// have English sides, still offers the setting, and it is still reached.
func TestKoreanDeckKeepsFactsLanguage(t *testing.T) {
	m := newTestModel(t, newMemProgress(), nil, 80, 24)
	m = press(t, m, "down", "down", "down", "right")
	if s := screenText(m); !strings.Contains(s, "Facts in") {
		t.Fatalf("no facts language setting:\n%s", s)
	}
	if got := m.home.options().Lang; got != "en" {
		t.Errorf("→ on Facts in gives %q, want en:\n%s", got, screenText(m))
	}
}

// TestHintViews compares choice hints, giving up and a Chinese deck's
// hints with testdata/TestHintViews/*.golden at 80x24 and 40x12 (-update
// rewrites them).
func TestHintViews(t *testing.T) {
	leak := testDeck()
	leak.Cards = leak.Cards[1:2]
	choice := &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionChoice}}
	views := []struct {
		name  string
		deck  *quiz.Deck
		start *Start
		keys  []string
	}{
		{"choice_hints", leak, choice, []string{"tab", "tab"}},
		{"gave_up", leak, choice, []string{"space"}},
		{"zh_hints", zhDeck(), &Start{Deck: "zh", Options: quiz.Options{Kind: quiz.QuestionTyped}}, []string{"tab", "tab"}},
	}
	for _, v := range views {
		for _, size := range [][2]int{{80, 24}, {40, 12}} {
			t.Run(fmt.Sprintf("%s_%dx%d", v.name, size[0], size[1]), func(t *testing.T) {
				m := newDeckModel(t, v.deck, newMemProgress(), v.start, size[0], size[1])
				m = press(t, m, v.keys...)
				checkFits(t, m)
				golden.RequireEqual(t, screenText(m))
			})
		}
	}
}
