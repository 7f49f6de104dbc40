package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

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

// TestSummaryNamesTomorrowsNewCards: when new cards wait for tomorrow
// (held back by a related card studied today, or beyond the day's new
// limit), the summary says so before the reviews' due date, which alone
// would tell the learner nothing is left for days; when every card was
// studied it names the next due cards only.
func TestSummaryNamesTomorrowsNewCards(t *testing.T) {
	related := &quiz.Deck{ID: "moat", Title: "Moat", Lang: "ko", Cards: []quiz.Card{
		{ID: "haeja", Kind: quiz.KindVocab, Word: "해자", Meanings: []string{"moat"}, POS: "noun"},
		{ID: "c-haeja", Kind: quiz.KindCloze, Text: "우리에게는 {{c1::해자}}가 없다.", Translation: "We have no moat."},
	}}
	facts := longFacts(5)
	for _, tc := range []struct {
		name           string
		deck           *quiz.Deck
		bury           bool
		newPerDay      int
		want, dontWant string
	}{
		{"held back", related, true, 20, "New cards tomorrow: 1 · reviews due in", "Next cards due"},
		{"beyond the limit", facts, false, 2, "New cards tomorrow: 2 · reviews due in", "Next cards due"},
		{"every card studied", related, false, 20, "Next cards due in", "New cards"},
	} {
		for _, size := range [][2]int{{80, 24}, {40, 12}} {
			sch := quiz.DefaultScheduling()
			sch.NewPerDay = tc.newPerDay
			b := backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{tc.deck}, nil }, newMemProgress(), sch)
			b.sch.BurySiblings = tc.bury
			m := New(Config{Backend: b, Scheduling: sch, Clock: func() time.Time { return testNow }, Mono: true,
				Start: &Start{Deck: "moat", QuitAfter: true, Options: quiz.Options{Kind: quiz.QuestionFlip, Direction: quiz.DirKoEn}}})
			m = send(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m = send(t, m, m.Init()())
			for i := 0; m.screen == screenStudy && i < 20; i++ {
				m = press(t, m, "space", "4")
			}
			for range 10 { // to the summary's last line
				m = press(t, m, "down")
			}
			checkFits(t, m)
			words := strings.Join(strings.Fields(screenText(m)), " ")
			if !strings.Contains(words, tc.want) || strings.Contains(words, tc.dontWant) {
				t.Errorf("%s, %dx%d: the summary does not say %q (or says %q):\n%s", tc.name, size[0], size[1], tc.want, tc.dontWant, screenText(m))
			}
		}
	}
}

// TestHomeNamesTomorrowsNewCards: starting again a deck whose new cards
// wait for tomorrow behind a related card studied today says so, as the
// summary did, not only when the reviews are due (ko→en: the cloze).
func TestHomeNamesTomorrowsNewCards(t *testing.T) {
	related := &quiz.Deck{ID: "moat", Title: "Moat", Lang: "ko", Cards: []quiz.Card{
		{ID: "haeja", Kind: quiz.KindVocab, Word: "해자", Meanings: []string{"moat"}, POS: "noun"},
		{ID: "c-haeja", Kind: quiz.KindCloze, Text: "우리에게는 {{c1::해자}}가 없다.", Translation: "We have no moat."},
	}}
	sch := quiz.DefaultScheduling()
	b := backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{related}, nil }, newMemProgress(), sch)
	b.sch.BurySiblings = true
	m := New(Config{Backend: b, Scheduling: sch, Clock: func() time.Time { return testNow }, Mono: true,
		Start: &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionFlip, Direction: quiz.DirKoEn}}})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(t, m, m.Init()())
	for i := 0; m.screen == screenStudy && i < 20; i++ {
		m = press(t, m, "space", "4")
	}
	m = press(t, m, "enter", "enter")
	words := strings.Join(strings.Fields(screenText(m)), " ")
	if m.screen != screenHome || !strings.Contains(words, "new cards tomorrow: 1") {
		t.Errorf("home does not name tomorrow's new cloze:\n%s", screenText(m))
	}
}
