package tui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestViews compares the rendered screens, without styles, with
// testdata/TestViews/*.golden at 80x24 and 40x12 (go test ./tui -update
// rewrites the golden files).
func TestViews(t *testing.T) {
	typed := &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo}}
	views := []struct {
		name  string
		start *Start
		keys  []string
	}{
		{"home", nil, nil},
		{"help", nil, []string{"?"}},
		{"typing", typed, []string{"해", "저"}},
		{"almost", typed, []string{"해", "쟈", "enter"}},
		{"another word", typed, []string{"해", "지", "enter"}},
		{"composer", typed, []string{"ctrl+k", "g", "o", "w"}},
		{"hints", typed, []string{"tab", "tab", "tab"}},
		{"choice", &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionChoice, Direction: quiz.DirKoEn}}, nil},
		{"chosen", &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionChoice, Direction: quiz.DirKoEn}}, []string{"1"}},
		{"fact", &Start{Deck: "moat", Options: quiz.Options{Direction: quiz.DirEnKo}}, []string{"space", "3", "space"}},
		{"cloze", &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo}},
			[]string{"enter", "3", "enter", "3", "enter", "3", "해", "자", "enter"}},
	}
	for _, v := range views {
		for _, size := range [][2]int{{80, 24}, {40, 12}} {
			name := fmt.Sprintf("%s_%dx%d", v.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				m := newTestModel(t, newMemProgress(), v.start, size[0], size[1])
				m = press(t, m, v.keys...)
				checkFits(t, m)
				golden.RequireEqual(t, screenText(m))
			})
		}
	}
}

// TestSummaryView compares the summary screen with
// testdata/TestSummaryView/*.golden (-update rewrites them).
func TestSummaryView(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d := testDeck()
			d.Cards = d.Cards[:1]
			m := newDeckModel(t, d, newMemProgress(), &Start{Deck: "moat",
				Options: quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo, Practice: true}}, size[0], size[1])
			m = typeText(t, m, "해재")
			m = press(t, m, "enter", "1")
			m = typeText(t, m, "해자")
			m = press(t, m, "enter", "3")
			checkFits(t, m)
			golden.RequireEqual(t, screenText(m))
		})
	}
}
