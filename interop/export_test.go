package interop

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/quiz"
)

// exportDeck is a deck with every kind of card and text that needs quoting.
var exportDeck = &quiz.Deck{
	Format: 1, ID: "roundtrip", Title: "왕복 덱", TitleEn: "Round trip", Lang: "ko",
	Source: quiz.Source{Publisher: "아시아경제", PublisherEn: "Asia Economy"},
	Cards: []quiz.Card{
		{ID: "moat", Kind: quiz.KindFact, Tags: []string{"moat", "ai"},
			Prompt: "'해자'는 무엇인가요, \"정말\"?", PromptEn: "What is a \"moat\", really?",
			Answer: "결정적인 기술력", AnswerEn: "a decisive edge; a lead",
			Explain: &quiz.Bilingual{Ko: "설명\n둘째 줄", En: "why\nsecond line"}},
		{ID: "haeja", Kind: quiz.KindVocab, Word: "해자", Meanings: []string{"moat", "to be, in fact"}, POS: "noun"},
		{ID: "c-1", Kind: quiz.KindCloze, Tags: []string{"training"},
			Text: "'{{c1::훈련}}'과 '{{c2::추론::inference}}'", Translation: "training, and inference"},
	},
}

// TestExportCSVRoundTrip exports a deck as CSV and imports it again: the
// same cards with the same ids, less what CSV cannot hold.
func TestExportCSVRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := ExportCSV(&buf, exportDeck); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "#separator:comma\n#html:false\n#deck:왕복 덱\n#columns:guid,notetype,front,back,front_en,back_en,pos,tags\n") {
		t.Errorf("headers:\n%s", buf.String())
	}
	res, err := ImportCSV("roundtrip.csv", buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := make([]quiz.Card, len(exportDeck.Cards))
	copy(want, exportDeck.Cards)
	want[0].Explain = nil // not in CSV
	if !reflect.DeepEqual(res.Deck.Cards, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", res.Deck.Cards, want)
	}
	if res.Deck.ID != "roundtrip" || res.Deck.Title != "왕복 덱" || len(res.Skipped)+len(res.Warnings) > 0 {
		t.Errorf("deck %q %q, skipped %v, warnings %v", res.Deck.ID, res.Deck.Title, res.Skipped, res.Warnings)
	}
}

// TestExportJSON writes the deck format: the loader reads back the deck.
func TestExportJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := ExportJSON(&buf, exportDeck); err != nil {
		t.Fatal(err)
	}
	d, err := deckfile.Load("roundtrip.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	d.Path = ""
	if !reflect.DeepEqual(d, exportDeck) {
		t.Errorf("round trip:\n got %+v\nwant %+v", d, exportDeck)
	}
}
