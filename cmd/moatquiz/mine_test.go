package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/quiz"
)

// runMine runs `moatquiz mine` with c into g's data directory.
func runMine(t *testing.T, g *Globals, c mineCmd) (string, error) {
	t.Helper()
	if err := c.Validate(); err != nil {
		return "", err
	}
	var out, errOut bytes.Buffer
	err := c.run(g, strings.NewReader(""), &out, &errOut)
	return out.String(), err
}

const news = "구글 직원이 쓴 메모가 유출됐다. 메모는 오픈소스 모델의 훈련 비용이 줄었다고 말한다. 직원들은 메모를 읽었다."

// TestMine mines a text as a learner would: a dry run that writes
// nothing, then the deck, which loads; the built-in deck's words are
// skipped, the glossary's meanings used; mining again adds nothing and
// leaves the file as it was; a word marked known is skipped next time.
func TestMine(t *testing.T) {
	g := &Globals{DataDir: t.TempDir()}
	text := writeFile(t, "news.txt", news)
	gloss := writeFile(t, "g.tsv", "메모\tmemo; note\n")
	deckPath := filepath.Join(g.DataDir, "decks", "news.json")

	out, err := runMine(t, g, mineCmd{Args: []string{text}, DryRun: true, Glossary: []string{gloss}})
	if err != nil || !strings.Contains(out, "new      메모") || !strings.Contains(out, "memo; note") || !strings.Contains(out, "known    훈련") {
		t.Fatalf("dry run: %v\n%s", err, out)
	}
	if _, err := os.Stat(deckPath); !os.IsNotExist(err) {
		t.Fatalf("the dry run wrote %s", deckPath)
	}

	out, err = runMine(t, g, mineCmd{Args: []string{text}, Glossary: []string{gloss}})
	if err != nil || !strings.Contains(out, `to the new deck "news"`) {
		t.Fatalf("mine: %v\n%s", err, out)
	}
	d, err := deckfile.LoadFile(deckPath)
	if err != nil {
		t.Fatalf("the deck does not load: %v", err)
	}
	words := map[string]quiz.Card{}
	for _, c := range d.Cards {
		if c.Kind == quiz.KindVocab {
			words[c.Word] = c
		}
	}
	if _, ok := words["훈련"]; ok {
		t.Error("훈련, a word of the built-in deck, was mined")
	}
	if c := words["메모"]; len(c.Meanings) != 2 || c.Meanings[0] != "memo" {
		t.Errorf("메모: meanings %q, want the glossary's", c.Meanings)
	}
	before, _ := os.ReadFile(deckPath)

	out, err = runMine(t, g, mineCmd{Args: []string{text}})
	if err != nil || !strings.HasPrefix(out, "no new words") {
		t.Fatalf("mining again: %v\n%s", err, out)
	}
	if after, _ := os.ReadFile(deckPath); !bytes.Equal(before, after) {
		t.Error("mining again changed the deck file")
	}

	if _, err := runMine(t, g, mineCmd{Args: []string{"읽다"}, MarkKnown: true}); err != nil {
		t.Fatal(err)
	}
	out, err = runMine(t, g, mineCmd{Args: []string{text}, Deck: "other", JSON: true, DryRun: true})
	var res struct {
		New   int
		Words []previewWord
	}
	if err != nil || json.Unmarshal([]byte(out), &res) != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	for _, w := range res.Words {
		if w.Status == "new" {
			t.Errorf("%s is new in another deck: its words are in news, or known", w.Word)
		}
	}
}

// TestMineMaxAndStdin mines standard input into the default deck, at
// most two words: the two most frequent.
func TestMineMaxAndStdin(t *testing.T) {
	g := &Globals{DataDir: t.TempDir()}
	c := mineCmd{Args: []string{"-"}, Max: 2, JSON: true}
	var out, errOut bytes.Buffer
	if err := c.run(g, strings.NewReader(news), &out, &errOut); err != nil {
		t.Fatal(err)
	}
	var res struct {
		Deck    string
		New     int
		OverMax int `json:"over_max"`
		Written bool
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil || res.Deck != "mined" || res.New != 2 || res.OverMax == 0 || !res.Written {
		t.Fatalf("%+v, %v\n%s", res, err, out.String())
	}
	d, err := deckfile.LoadFile(filepath.Join(g.DataDir, "decks", "mined.json"))
	if err != nil || len(d.Cards) != 4 || d.Cards[0].Word != "메모" {
		t.Fatalf("deck %+v, %v", d, err)
	}
}

// TestMineBadInput checks the errors for what cannot be mined.
func TestMineBadInput(t *testing.T) {
	g := &Globals{DataDir: t.TempDir()}
	for _, tc := range []struct {
		c    mineCmd
		want string
	}{
		{mineCmd{}, "give one file to mine"},
		{mineCmd{MarkKnown: true}, "--mark-known needs the words"},
		{mineCmd{Args: []string{writeFile(t, "latin1.txt", "caf\xe9")}}, "is not UTF-8 text"},
		{mineCmd{Args: []string{writeFile(t, "x.txt", news)}, Deck: "article"}, `the deck id "article" is taken`},
		{mineCmd{Args: []string{writeFile(t, "x.txt", news)}, Glossary: []string{writeFile(t, "g.tsv", "메모 memo\n")}}, "g.tsv:1: a glossary line"},
	} {
		if _, err := runMine(t, g, tc.c); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: error %v, want %q", tc.c, err, tc.want)
		}
	}
}
