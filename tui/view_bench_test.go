package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/moatquiz/moatquiz/quiz"
)

// BenchmarkStudyView draws a frame of the study screen while a typed
// answer is written, cursor included: what every key press costs.
func BenchmarkStudyView(b *testing.B) {
	m := New(Config{
		Backend: backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{testDeck()}, nil }, newMemProgress(), quiz.DefaultScheduling()), Scheduling: quiz.DefaultScheduling(), Clock: func() time.Time { return testNow },
		Start: &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo}},
	})
	// Each message here answers with at most one command, never a batch.
	for _, msg := range []tea.Msg{tea.WindowSizeMsg{Width: 80, Height: 24}, loadDecks(m.cfg, 0, false, nil)(), keyMsg("해"), keyMsg("자")} {
		for msg != nil {
			next, cmd := m.Update(msg)
			m, msg = next.(Model), nil
			if cmd != nil {
				msg = cmd()
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if m.View().Cursor == nil {
			b.Fatal("no cursor")
		}
	}
}
