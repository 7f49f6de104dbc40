package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/moatquiz/moatquiz/quiz"
)

// miner is a fake of mining: the words it finds in any file, the paths
// asked and the words written; written words become the deck "news".
type miner struct {
	words    []MinedWord
	err      error // Mine returns it when set
	writeErr error // Write returns it when set
	asked    []string
	written  []string
	decks    []*quiz.Deck // the test deck, then the deck written
}

// minedWords are n words, the first three known, in the deck, and
// without a meaning.
func minedWords(n int) []MinedWord {
	ws := make([]MinedWord, n)
	for i := range ws {
		ws[i] = MinedWord{Word: fmt.Sprintf("단어%d", i+1), Count: n - i, Meaning: fmt.Sprintf("word %d", i+1)}
	}
	ws[0].Known, ws[1].InDeck, ws[2].Meaning = true, true, ""
	return ws
}

// newMineModel is the app over the test deck, with mining faked by mn.
func newMineModel(t *testing.T, mn *miner, width, height int) Model {
	t.Helper()
	mn.decks = []*quiz.Deck{testDeck()}
	b := backend(func() ([]*quiz.Deck, error) { return mn.decks, nil }, newMemProgress(), quiz.DefaultScheduling())
	b.mine = func(path string) (*Mined, error) {
		mn.asked = append(mn.asked, path)
		if mn.err != nil {
			return nil, mn.err
		}
		return &Mined{Deck: "news", Words: mn.words, Write: mn.write}, nil
	}
	m := New(Config{Backend: b, Scheduling: quiz.DefaultScheduling(), Clock: func() time.Time { return testNow }, Mono: true})
	m = send(t, m, tea.WindowSizeMsg{Width: width, Height: height})
	return send(t, m, m.Init()())
}

// write is Mined.Write: the deck "news" of the words, each with a vocab
// card.
func (mn *miner) write(words []string) (string, error) {
	if mn.writeErr != nil {
		return "", mn.writeErr
	}
	mn.written = words
	d := &quiz.Deck{Format: 1, ID: "news", Title: "news", TitleEn: "news", Lang: "ko"}
	for i, w := range words {
		d.Cards = append(d.Cards, quiz.Card{ID: fmt.Sprintf("w-%d", i), Kind: quiz.KindVocab, Word: w, Meanings: []string{"x"}})
	}
	mn.decks = append(mn.decks, d)
	return fmt.Sprintf("added %d words to the new deck \"news\"", len(words)), nil
}

// TestMineWritesChecked opens the mine screen, types a path with ~, and
// writes the deck of the new words but one: the home screen then lists
// the new deck, picked, and says what was written.
func TestMineWritesChecked(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	mn := &miner{words: minedWords(5)}
	m := newMineModel(t, mn, 80, 24)
	m = press(t, m, "m")
	m = typeText(t, m, "~/q news?.txt")
	if !strings.Contains(screenText(m), "File: ~/q news?.txt") {
		t.Fatalf("q and ? are typed into the path:\n%s", screenText(m))
	}
	m = press(t, m, "enter")
	if want := filepath.Join(home, "q news?.txt"); !slices.Equal(mn.asked, []string{want}) {
		t.Fatalf("mined %q, want %q", mn.asked, want)
	}
	// 단어1 is known and 단어2 in the deck: unchecked; uncheck 단어4 too.
	m = press(t, m, "down", "down", "down", "space")
	screen := screenText(m)
	for _, want := range []string{`new deck "news"`, "[ ]   5 단어1 known", " -    4 단어2 in deck", "[x]   3 단어3 new     (no meaning)",
		"▸ [ ]   2 단어4 new     word 4", "5 words: 3 new, 1 known, 1 in the deck; 2 checked, 1 without a meaning", "enter write 2"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the list lacks %q:\n%s", want, screen)
		}
	}
	m = press(t, m, "enter")
	if !slices.Equal(mn.written, []string{"단어3", "단어5"}) {
		t.Errorf("wrote %q, want 단어3 and 단어5", mn.written)
	}
	screen = screenText(m)
	if m.screen != screenHome || !strings.Contains(screen, "▸ news") || !strings.Contains(screen, `added 2 words to the new deck "news"`) {
		t.Errorf("home after writing:\n%s", screen)
	}
}

// TestMineToggles checks space on a word, a on all, and that a word in
// the deck already cannot be checked.
func TestMineToggles(t *testing.T) {
	mn := &miner{words: minedWords(4)}
	m := press(t, newMineModel(t, mn, 80, 24), "m", "x", "enter")
	for _, step := range []struct {
		keys []string
		want string // x: checked, by word
	}{
		{nil, "..xx"},                       // new words are checked, known ones not
		{[]string{"space"}, "x.xx"},         // the cursor is on 단어1 (known)
		{[]string{"a"}, "...."},             // all were checked: a unchecks them
		{[]string{"a"}, "x.xx"},             // a checks all but the word in the deck
		{[]string{"down", "space"}, "x.xx"}, // 단어2 is in the deck
		{[]string{"up", "space"}, "..xx"},
	} {
		m = press(t, m, step.keys...)
		got := ""
		for _, c := range m.mine.checked {
			got += map[bool]string{true: "x", false: "."}[c]
		}
		if got != step.want {
			t.Fatalf("after %q: checked %s, want %s", step.keys, got, step.want)
		}
	}
	m = press(t, m, "a", "enter")
	if !slices.Equal(mn.written, []string{"단어1", "단어3", "단어4"}) {
		t.Errorf("wrote %q", mn.written)
	}
}

// TestMineErrors checks what the learner reads when there is nothing to
// mine: no path, a file that cannot be read (the path stays, to fix),
// a text without words, a deck that cannot be written; and that esc
// leaves with nothing written.
func TestMineErrors(t *testing.T) {
	mn := &miner{err: errors.New("there is no file nope.txt: check the path")}
	m := press(t, newMineModel(t, mn, 80, 24), "m", "enter")
	if s := screenText(m); !strings.Contains(s, "Type the path of a Korean text file first.") || len(mn.asked) != 0 {
		t.Errorf("enter with no path:\n%s", s)
	}
	m = typeText(t, m, "nope")
	m = send(t, m, tea.PasteMsg{Content: ".txt"})
	m = press(t, m, "enter")
	if s := screenText(m); !strings.Contains(s, "there is no file nope.txt: check the path") || !strings.Contains(s, "File: nope.txt") {
		t.Errorf("a missing file:\n%s", s)
	}
	mn.err = nil
	m = press(t, m, "enter")
	if s := screenText(m); m.mine.phase != minePrompt || !strings.Contains(s, "No Korean words found in nope.txt") {
		t.Errorf("a text without words:\n%s", s)
	}
	mn.words, mn.writeErr = minedWords(4), errors.New("permission denied")
	m = press(t, m, "enter", "enter")
	if s := screenText(m); m.mine.phase != mineList || !strings.Contains(s, "Not written: permission denied") {
		t.Errorf("a deck not written:\n%s", s)
	}
	m = press(t, m, "a", "a", "enter")
	if s := screenText(m); !strings.Contains(s, "No word is checked: space checks the word under the cursor.") {
		t.Errorf("enter with no word checked:\n%s", s)
	}
	m = press(t, m, "esc")
	if m.screen != screenHome || len(mn.decks) != 1 || mn.written != nil {
		t.Errorf("esc: screen %d, %d decks, wrote %q", m.screen, len(mn.decks), mn.written)
	}
}

// TestMineDropsLateResult leaves the screen while the file is read: the
// words found later do not bring it back.
func TestMineDropsLateResult(t *testing.T) {
	mn := &miner{words: minedWords(4)}
	m := press(t, newMineModel(t, mn, 80, 24), "m", "a")
	next, cmd := m.Update(keyMsg("enter"))
	m = next.(Model)
	if s := screenText(m); !strings.Contains(s, "Loading the Korean dictionary") {
		t.Errorf("while the file is read:\n%s", s)
	}
	m = press(t, m, "esc")
	m = send(t, m, cmd())
	if m.screen != screenHome {
		t.Errorf("a late result opened screen %d", m.screen)
	}
}

// TestMineViews compares the prompt (with Hangul in the path and an
// error) and the list scrolled to its 25th word with
// testdata/TestMineViews/*.golden at 80x24 and 40x12, and checks the
// real cursor stands after the path typed.
func TestMineViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("prompt_%dx%d", size[0], size[1]), func(t *testing.T) {
			mn := &miner{err: errors.New("there is no file 뉴스.txt: check the path")}
			m := press(t, newMineModel(t, mn, size[0], size[1]), "m")
			m = typeText(t, m, "뉴스.txt")
			m = press(t, m, "enter")
			checkFits(t, m)
			golden.RequireEqual(t, screenText(m))
			c := m.View().Cursor
			if c == nil || c.X != len("File: ")+len("xxxx.txt") || !strings.HasPrefix(strings.Split(screenText(m), "\n")[c.Y], "File: 뉴스.txt") {
				t.Errorf("cursor %+v, want after the path", c)
			}
		})
		t.Run(fmt.Sprintf("list_%dx%d", size[0], size[1]), func(t *testing.T) {
			m := press(t, newMineModel(t, &miner{words: minedWords(30)}, size[0], size[1]), "m", "x", "enter")
			for range 24 {
				m = press(t, m, "down")
			}
			checkFits(t, m)
			golden.RequireEqual(t, screenText(m))
			if !strings.Contains(screenText(m), "▸ [x]   6 단어25") {
				t.Errorf("the cursor's word is not shown:\n%s", screenText(m))
			}
		})
	}
}

// TestMineWhileStarting opens the mine screen while a session starts:
// back home, enter starts a session again (the one dropped is not
// awaited).
func TestMineWhileStarting(t *testing.T) {
	m := newMineModel(t, &miner{}, 80, 24)
	next, cmd := m.Update(keyMsg("enter"))
	m = press(t, next.(Model), "m")
	m = send(t, m, cmd()) // the session arrives on the mine screen: dropped
	m = press(t, m, "esc")
	if m = press(t, m, "enter"); m.screen != screenStudy {
		t.Errorf("enter after mining studies nothing:\n%s", screenText(m))
	}
}
