package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMineStudyMineAgain (issue 20): a sentence of news mined into a deck,
// its other words marked known, gives one cloze of the text's own
// sentence, answered in the real binary with the inflected form; mining
// the text again with a sentence more adds only the new words and keeps
// the card studied, with its review.
func TestMineStudyMineAgain(t *testing.T) {
	e2eTest(t)
	tm := newTerm(t)
	text := filepath.Join(t.TempDir(), "news.txt")
	if err := os.WriteFile(text, []byte("구글 직원이 쓴 메모가 유출됐다.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := moatquiz(t, tm.data, "", "mine", "--mark-known", "구글", "직원", "쓰다", "메모"); r.code != 0 {
		t.Fatalf("mine --mark-known: %d %s", r.code, r.stderr)
	}
	r := moatquiz(t, tm.data, "", "mine", text)
	if r.code != 0 || !strings.Contains(r.stdout, `added 1 word to the new deck "news"`) || !strings.Contains(r.stdout, "skipped 4 known") {
		t.Fatalf("mine: %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	tm.launch("study", "--deck", "news", "--kind", "typed")
	tm.waitFor("구글 직원이 쓴 메모가 [유출되다].")
	tm.answerTyped("유출됐다")
	tm.waitFor("learning 1") // back in 10 minutes: leave
	tm.keys("Escape")
	tm.exited()
	rows := tm.reviews()
	if len(rows) != 1 || rows[0].Deck != "news" || rows[0].Typed != "유출됐다" || rows[0].Rating != 3 {
		t.Fatalf("reviews %+v, want one of news, 유출됐다, Good", rows)
	}

	f, err := os.OpenFile(text, os.O_APPEND|os.O_WRONLY, 0)
	if err == nil {
		_, err = f.WriteString("연구자들은 좋은 결과를 얻었다.\n")
		f.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	r = moatquiz(t, tm.data, "", "mine", text)
	if r.code != 0 || !strings.Contains(r.stdout, `to the deck "news"`) || !strings.Contains(r.stdout, "1 in the deck already") {
		t.Fatalf("mine again: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	deck := readFile(filepath.Join(tm.data, "decks", "news.json"))
	if n := strings.Count(deck, `"id":"`+rows[0].Card+`"`); n != 1 || !strings.Contains(deck, "얻다") {
		t.Errorf("the card studied, %s, is in the deck %d times, or 얻다 is missing:\n%s", rows[0].Card, n, deck)
	}
}

// TestMineInApp (issue 20): m on the home screen, the path of a Korean
// text, one word unchecked, enter: the new deck is on the home screen,
// picked, without the word unchecked, and studies; mining the text again
// in the same run finds its words in the deck.
func TestMineInApp(t *testing.T) {
	e2eTest(t)
	tm := newTerm(t)
	text := filepath.Join(t.TempDir(), "news.txt")
	if err := os.WriteFile(text, []byte("구글 직원이 쓴 메모가 유출됐다.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tm.launch()
	tm.waitFor("enter study")
	tm.keys("m")
	tm.waitFor("enter read the file")
	tm.text(text)
	tm.keys("Enter")
	tm.waitWithin("▸ [x]   1 구글", time.Minute) // words in order of appearance; the dictionary loads first
	tm.keys("Space")
	tm.waitFor("enter write 4")
	tm.keys("Enter")
	tm.waitFor(`added 4 words to the new deck "news"`)
	screen := tm.waitFor("▸ news") // the deck list reloads after the status shows
	if !strings.Contains(screen, "1 unchecked") {
		t.Fatalf("home after mining:\n%s", screen)
	}
	tm.keys("Enter")
	tm.waitFor("Fill the gap")
	tm.keys("Space")
	tm.waitFor("3 Good")
	tm.keys("3")
	tm.waitFor("1/")
	tm.keys("Escape")
	tm.waitFor("enter study")
	tm.keys("m") // again: the dictionary, let go after the first, loads anew
	tm.waitFor("enter read the file")
	tm.text(text)
	tm.keys("Enter")
	tm.waitWithin("4 in the deck", time.Minute)
	tm.keys("Escape")
	tm.waitFor("enter study")
	tm.keys("q")
	tm.exited()
	if rows := tm.reviews(); len(rows) != 1 || rows[0].Deck != "news" {
		t.Errorf("reviews %+v, want one of news", rows)
	}
	deck := readFile(filepath.Join(tm.data, "decks", "news.json"))
	if strings.Contains(deck, `"word":"구글"`) || !strings.Contains(deck, `"word":"메모"`) {
		t.Errorf("the deck has the unchecked 구글, or lacks 메모:\n%s", deck)
	}
}
