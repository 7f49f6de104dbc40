package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestHelpShowsScreenKeysInColumns opens the help on each screen at
// 80x24, 60x16 and 40x12: every key of the screen's own group is on it,
// in a column ("key  what it does" with no other key run into its line),
// and nothing is cut.
func TestHelpShowsScreenKeysInColumns(t *testing.T) {
	flip := &Start{Deck: "moat", Options: quiz.Options{Direction: quiz.DirKoEn}}
	typed := &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo}}
	screens := []struct {
		name  string
		start *Start
		keys  []string
	}{
		{"home", nil, []string{"?"}},
		{"study", flip, []string{"?"}},
		{"typing", typed, []string{"f1"}},
		{"stats", nil, []string{"s", "?"}},
		{"cards", nil, []string{"b", "f1"}},
	}
	for _, sc := range screens {
		for _, size := range [][2]int{{80, 24}, {60, 16}, {40, 12}} {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				m := press(t, newTestModel(t, newMemProgress(), sc.start, size[0], size[1]), sc.keys...)
				if !m.help {
					t.Fatalf("%v did not open the help", sc.keys)
				}
				checkFits(t, m)
				text := screenText(m)
				for _, b := range ownHelpKeys(t, m) {
					h := b.Help()
					line := regexp.MustCompile(`(?m)(^|\s)` + regexp.QuoteMeta(h.Key) + ` {2,}` + regexp.QuoteMeta(h.Desc) + `(\s|$)`)
					if !line.MatchString(text) {
						t.Errorf("the help does not show %q %q in a column:\n%s", h.Key, h.Desc, text)
					}
				}
				if strings.Contains(text, glyphSep) {
					t.Errorf("keys run together in lines:\n%s", text)
				}
			})
		}
	}
}

// ownHelpKeys are the enabled keys of the help group of m's screen.
func ownHelpKeys(t *testing.T, m Model) []key.Binding {
	t.Helper()
	for _, g := range m.helpKeys().FullHelp() {
		if g.Title != m.helpFirst() {
			continue
		}
		var out []key.Binding
		for _, col := range g.Keys.FullHelp() {
			for _, b := range col {
				if b.Enabled() {
					out = append(out, b)
				}
			}
		}
		return out
	}
	t.Fatalf("no help group is titled %q", m.helpFirst())
	return nil
}

// TestHelpWithoutHome opens the help in moatquiz study (no home screen),
// on a question and on the summary: it lists no key of the home screen
// nor of the mine screen only home reaches, and its keys that leave say
// they quit; with a home, the same help lists them.
func TestHelpWithoutHome(t *testing.T) {
	homeOnly := []string{"Home", "question kind", "review/practice", "more new today", "Mine a text", "mine a text", "write the deck"}
	for _, quitAfter := range []bool{true, false} {
		start := &Start{Deck: "moat", QuitAfter: quitAfter, Options: quiz.Options{Direction: quiz.DirKoEn}}
		m := newTestModel(t, newMemProgress(), start, 100, 60)
		if !quitAfter {
			m = press(t, m, "enter")
		}
		question := screenText(press(t, m, "?"))
		for m.screen == screenStudy {
			m = press(t, m, "space", "3")
		}
		summary := screenText(press(t, m, "?"))
		for name, text := range map[string]string{"question": question, "summary": summary} {
			for _, s := range homeOnly {
				if got := strings.Contains(text, s); got == quitAfter {
					t.Errorf("QuitAfter %v, help on the %s: shows %q %v, want %v:\n%s", quitAfter, name, s, got, !quitAfter, text)
				}
			}
			if quitAfter && !regexp.MustCompile(`q/esc +quit`).MatchString(text) {
				t.Errorf("help on the %s: q/esc does not say it quits:\n%s", name, text)
			}
		}
	}
}

// TestHelpNotesKeysLeftOut opens the help on home at sizes where groups
// are left out: a note under the keys says where the others are, and at
// 40x12, where the keys that work anywhere are left out too, that a
// larger terminal shows them.
func TestHelpNotesKeysLeftOut(t *testing.T) {
	for _, tc := range []struct {
		width, height int
		note          string
	}{
		{40, 12, "more keys in a larger terminal"},
		{60, 16, "each screen's ? shows its keys"},
		{80, 24, "each screen's ? shows its keys"},
	} {
		m := press(t, newTestModel(t, newMemProgress(), nil, tc.width, tc.height), "?")
		checkFits(t, m)
		if text := screenText(m); !strings.Contains(text, tc.note) {
			t.Errorf("%dx%d: the help does not say %q:\n%s", tc.width, tc.height, tc.note, text)
		}
	}
}
