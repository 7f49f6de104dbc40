package search_test

import (
	"fmt"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/search"
)

func Example() {
	haeja := &search.Card{Deck: "article", ID: "v-haeja", Kind: quiz.KindVocab, Text: search.NewText("해자", "moat")}
	for _, q := range []string{"해자", "ㅎㅈ", "haeja", "헤자", "moat -kind:vocab"} {
		parsed, _ := search.Parse(q)
		rank, ok := parsed.Match(haeja)
		fmt.Println(q, ok, rank)
	}
	_, err := search.Parse("kind:verb")
	fmt.Println(err)
	// Output:
	// 해자 true 0
	// ㅎㅈ true 1
	// haeja true 2
	// 헤자 true 3
	// moat -kind:vocab false 0
	// query column 6: expected kind:cloze|fact|vocab
}
