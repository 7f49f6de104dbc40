package mine

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/quiz"
)

// words returns the dictionary forms Mine finds in text, in its order.
func words(text string) []string {
	var out []string
	for _, w := range analyzer().Mine(text) {
		out = append(out, w.Word)
	}
	return out
}

// TestDictionaryForms checks the words found in sentences with inflected
// verbs, compounds, particles, names and numbers: dictionary forms only,
// never a form with its particle or ending, a name, a number or a bound
// noun.
func TestDictionaryForms(t *testing.T) {
	tests := []struct {
		text      string
		want, not []string
	}{
		{"구글이 메모를 유출했다.", []string{"메모", "유출하다"}, []string{"메모를", "유출", "유출했다", "하다"}},
		{"색연필을 샀어요.", []string{"색연필", "사다"}, []string{"색연필을", "색", "연필", "샀어요"}},
		{"기술적인 문제가 중요한 것입니다.", []string{"기술적", "문제", "중요하다"}, []string{"기술", "것", "이다", "중요"}},
		{"김철수는 어제 학교에 갔다.", []string{"어제", "학교", "가다"}, []string{"김철수", "김철수는", "갔다"}},
		{"3개의 사과를 먹었다.", []string{"사과", "먹다"}, []string{"3", "개", "사과를"}},
		{"2023년 5월 20일에 음악을 들었다.", []string{"음악", "듣다"}, []string{"2023", "년", "월", "일", "들다"}},
		{"작업은 훈련과 추론으로 구분됩니다.", []string{"작업", "훈련", "추론", "구분되다"}, []string{"구분"}},
		{"방이 깨끗하다.", []string{"방", "깨끗하다"}, []string{"깨끗"}},
		{norm.NFD.String("사과를 먹었다."), []string{"사과", "먹다"}, nil},
		{"빵을 만드는 사람을 아는 친구가 책을 사는 가게.", []string{"만들다", "알다", "사다", "친구"}, []string{"만드다", "아다"}},
	}
	for _, tt := range tests {
		got := words(tt.text)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: %q missing from %q", tt.text, w, got)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("%s: %q is not a word of it: %q", tt.text, w, got)
			}
		}
	}
}

// TestMineRanks checks that words come most frequent first, with their
// counts, and ties in the order they first appear.
func TestMineRanks(t *testing.T) {
	ws := analyzer().Mine("학교에 갔다. 사과를 먹었다. 사과를 또 먹었다. 사과가 좋다.")
	var got []string
	for _, w := range ws[:3] {
		got = append(got, w.Word+":"+string(rune('0'+w.Count)))
	}
	if want := []string{"사과:3", "먹다:2", "학교:1"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// clozeSentence is a cloze text with its deletions filled in.
func clozeSentence(t *testing.T, text string) string {
	t.Helper()
	parts, err := quiz.ParseCloze(text)
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Text)
	}
	return b.String()
}

const article = `# 구글의 메모

구글 직원이 쓴 메모가 유출됐다. 메모는 "우리에게는 해자가 없다"고 말한다.
오픈소스 모델이 빠르게 발전하고 있다.

- 훈련과 추론은 다르다.
- 모델을 **훈련하는** 비용이 줄었다.
`

// TestCards checks the cards of a mined text: clozes whose sentence is
// the text's own, verbatim, with the word as it is written deleted and its
// dictionary form as the hint; vocab cards with the placeholder when no
// meaning is known, the glossary's meaning otherwise; the source
// sentence on every card; and a deck the loader accepts.
func TestCards(t *testing.T) {
	ws := analyzer().Mine(article)
	d := &quiz.Deck{Format: 1, ID: "t", Title: "t", TitleEn: "t", Lang: "ko", Source: quiz.Source{Publisher: "p"}}
	meanings := map[string][]string{"해자": {"moat"}}
	if n, _ := Merge(d, ws, func(w string) []string { return meanings[w] }); n != len(ws) {
		t.Fatalf("added %d words of %d", n, len(ws))
	}
	flat := strings.Join(strings.Fields(strings.NewReplacer("#", "", "- ", "", "**", "").Replace(article)), " ")
	byWord := map[string]quiz.Card{}
	for _, c := range d.Cards {
		if c.SourceSentence == "" || !strings.Contains(flat, c.SourceSentence) {
			t.Errorf("%s: source sentence %q is not the text's", c.ID, c.SourceSentence)
		}
		switch c.Kind {
		case quiz.KindCloze:
			if got := clozeSentence(t, c.Text); got != c.SourceSentence {
				t.Errorf("%s: cloze %q is not its sentence %q", c.ID, c.Text, c.SourceSentence)
			}
		case quiz.KindVocab:
			byWord[c.Word] = c
		}
	}
	if c := byWord["해자"]; !slices.Equal(c.Meanings, []string{"moat"}) {
		t.Errorf("해자: meanings %q, want the glossary's", c.Meanings)
	}
	if c := byWord["유출되다"]; !c.AwaitsMeaning() {
		t.Errorf("유출되다: meanings %q, want the placeholder", c.Meanings)
	}
	_, cloze := CardIDs("훈련하다")
	for _, c := range d.Cards {
		if c.ID == cloze && c.Text != "모델을 {{c1::훈련하는::훈련하다}} 비용이 줄었다." {
			t.Errorf("훈련하다: cloze %q", c.Text)
		}
	}
	var buf bytes.Buffer
	err := deckfile.Encode(&buf, "t.json", d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := deckfile.Load("t.json", buf.Bytes()); err != nil {
		t.Fatalf("the deck does not load: %v", err)
	}
}

// TestMergeAgain mines a text into a deck, edits a card as the learner
// would, and mines the text again (and a longer one): no card is added
// twice, every id stays, the edit is kept, and a meaning now known
// replaces the placeholder.
func TestMergeAgain(t *testing.T) {
	d := &quiz.Deck{Format: 1, ID: "t", Title: "t", TitleEn: "t", Lang: "ko", Source: quiz.Source{Publisher: "p"}}
	none := func(string) []string { return nil }
	Merge(d, analyzer().Mine(article), none)
	ids := CardSet(d)
	vocab, _ := CardIDs("메모")
	for i := range d.Cards {
		if d.Cards[i].ID == vocab {
			d.Cards[i].Meanings = []string{"memo", "note"}
		}
	}
	if n, filled := Merge(d, analyzer().Mine(article), func(string) []string { return []string{"x"} }); n != 0 || filled != len(ids)/2-1 {
		t.Errorf("mining again added %d words, filled %d meanings", n, filled)
	}
	if n, _ := Merge(d, analyzer().Mine(article+"\n새로운 단어를 배웠다."), none); n != 3 {
		t.Errorf("mining a longer text added %d words, want 3 (새롭다, 단어, 배우다)", n)
	}
	seen := map[string]bool{}
	for _, c := range d.Cards {
		if seen[c.ID] {
			t.Errorf("card %s twice", c.ID)
		}
		seen[c.ID] = true
		switch {
		case c.ID == vocab && !slices.Equal(c.Meanings, []string{"memo", "note"}):
			t.Errorf("the learner's meanings were replaced: %q", c.Meanings)
		case c.Kind == quiz.KindVocab && ids[c.ID] && c.ID != vocab && !slices.Equal(c.Meanings, []string{"x"}):
			t.Errorf("%s: the placeholder was kept: %q", c.ID, c.Meanings)
		}
	}
	for id := range ids {
		if !seen[id] {
			t.Errorf("card %s lost", id)
		}
	}
}

// TestCardIDs checks that ids are valid deck ids, come from the word
// alone, and keep words of one romanization apart.
func TestCardIDs(t *testing.T) {
	a, ac := CardIDs("사과")
	b, _ := CardIDs(norm.NFD.String("사과"))
	c, _ := CardIDs("싸과")
	long, _ := CardIDs(strings.Repeat("가", 100))
	for _, id := range []string{a, ac, c, long} {
		if !deckfile.ValidID(id) {
			t.Errorf("%q is not a valid id", id)
		}
	}
	if a != b || a == c || a == ac {
		t.Errorf("ids %q %q %q %q", a, b, c, ac)
	}
}
