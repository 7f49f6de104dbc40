package mine

import (
	"bytes"
	"testing"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/quiz"
)

// FuzzMine checks that mining never panics on any text, and that the deck
// made of what it finds always validates.
func FuzzMine(f *testing.F) {
	for _, s := range []string{
		article,
		"구글이 메모를 유출했다. 3개의 사과를 먹었다!",
		"{{c1::사과}}를 먹었다. 사과는 }} 좋다.",
		"사과를\u200b 먹\x1b[2J었다.\t\r\n\n# 사과",
		"\xff\xfe사과",
		"ᄀ\u1161\u11a8 ㅎㅐ 먹다다다.",
	} {
		f.Add(s)
	}
	a := analyzer()
	f.Fuzz(func(t *testing.T, text string) {
		ws := a.Mine(text)
		d := &quiz.Deck{Format: 1, ID: "f", Title: "f", TitleEn: "f", Lang: "ko", Source: quiz.Source{Publisher: "p"}}
		if n, _ := Merge(d, ws, func(string) []string { return nil }); n == 0 {
			return
		}
		var buf bytes.Buffer
		err := deckfile.Encode(&buf, "f.json", d)
		if err != nil {
			t.Fatalf("the deck of %q does not validate: %v", text, err)
		}
		if _, err := deckfile.Load("f.json", buf.Bytes()); err != nil {
			t.Fatalf("the deck of %q does not load: %v", text, err)
		}
	})
}
