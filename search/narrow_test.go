package search

import (
	"fmt"
	"testing"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/decks"
)

// articleCards are the built-in deck's cards, their words in their text.
func articleCards(t *testing.T) []*Card {
	t.Helper()
	data, err := decks.FS.ReadFile("article.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := deckfile.Load("article.json", data)
	if err != nil {
		t.Fatal(err)
	}
	out := append([]*Card(nil), cards...)
	for i, c := range d.Cards {
		words := []string{c.Word, c.Text, c.Translation, c.Prompt, c.Answer, c.Romanization}
		words = append(words, c.Meanings...)
		if c.Example != nil {
			words = append(words, c.Example.Ko, c.Example.En)
		}
		out = append(out, &Card{ID: c.ID, Kind: c.Kind, Tags: c.Tags, Text: NewText(words...),
			State: State(i % 3), Due: i%2 == 0, Lapses: float64(i % 7)})
	}
	return out
}

// TestNarrows: a query typed on is known to narrow the one before where
// it can (so that a search looks only at the last results), and never
// when it could find a card the one before did not.
func TestNarrows(t *testing.T) {
	want := map[[2]string]bool{
		{"", "ㅎ"}: true, {"ㅎ", "ㅎㅈ"}: true, {"ha", "hae"}: true, {"해", "햊"}: true,
		{"mo", "moa"}: true, {"is:due", "is:due lapses>3"}: true, {"is:due lapses>3", "is:due lapses>3 -kind:cloze"}: true,
		{"h", "ha"}: false, {"헤", "헤자"}: false, {"-m", "-mo"}: false, {"deck:a", "deck:ab"}: false,
		{"lapses<3", "lapses<30"}: false, {"ㅎ", "해"}: false, {"a", "a or b"}: false, {"ㅎ", ""}: false,
	}
	for pair, narrows := range want {
		prev, q := parse(t, pair[0]), parse(t, pair[1])
		if got := q.Narrows(prev); got != narrows {
			t.Errorf("%q after %q: Narrows %v, want %v", pair[1], pair[0], got, narrows)
		}
	}
	all := articleCards(t)
	typed := []string{"ㅎ", "ㅎㅈ", "ㅎㅈㄱ", "h", "ha", "hae", "haej", "haeja", "해", "햊", "해자", "헤", "헤자", "헤자가",
		"m", "mo", "moa", "moat", "ㅇ", "오", "옾", "오프", "오픈", "오픈ㅅ", "오픈소", "오픈소스", "훈련 ", "훈련 ㅊ", "훈련 추",
		"ai", "ai ", "ai m", "모델", "모델은", "is:due", "is:due l", "is:due la", "is:due lapses>3", "is:due lapses>3 -kind:cloze",
		"\"오픈 소\"", "\"오픈 소스\"", "gyeong", "gyeongj", "gyeongje"}
	for _, a := range typed {
		for _, b := range typed {
			prev, q := tryParse(a), tryParse(b)
			if prev == nil || q == nil || !q.Narrows(prev) {
				continue
			}
			before := matched(prev, all)
			for id := range matched(q, all) {
				if !before[id] {
					t.Errorf("%q after %q: Narrows, but %q finds %s and %q does not", b, a, b, id, a)
				}
			}
		}
	}
}

func parse(t *testing.T, s string) *Query {
	t.Helper()
	q := tryParse(s)
	if q == nil {
		t.Fatalf("Parse(%q) fails", s)
	}
	return q
}

// tryParse is the query s, or nil when it does not parse (a query half
// typed).
func tryParse(s string) *Query {
	q, err := Parse(s)
	if err != nil {
		return nil
	}
	return q
}

// matched are the ids of the cards q matches.
func matched(q *Query, cards []*Card) map[string]bool {
	out := map[string]bool{}
	for i, c := range cards {
		if _, ok := q.Match(c); ok {
			out[fmt.Sprint(i, c.ID)] = true
		}
	}
	return out
}
