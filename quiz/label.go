package quiz

import (
	"fmt"
	"slices"
	"strings"

	"github.com/moatquiz/moatquiz/termtext"
)

// ParseItemID reads an item id written "deck/card/item", as
// ItemID.String writes it.
func ParseItemID(s string) (ItemID, error) {
	parts := strings.Split(s, "/")
	if len(parts) != 3 || slices.Contains(parts, "") {
		return ItemID{}, fmt.Errorf("item %q: want deck/card/item, like article/moat/fact", s)
	}
	return ItemID{Deck: parts[0], Card: parts[1], Item: parts[2]}, nil
}

// ItemLabel names an item for a list: a fact card's prompt, a vocab
// card's word with the direction, a cloze card's text with the item's
// deletions shown as [...]; sanitised and on one line. A nil card (no
// longer in its deck) gives "".
func ItemLabel(c *Card, item string) string {
	if c == nil {
		return ""
	}
	switch c.Kind {
	case KindFact:
		if c.Prompt == "" {
			return termtext.OneLine(c.PromptEn)
		}
		return termtext.OneLine(c.Prompt)
	case KindVocab:
		return termtext.OneLine(c.Word) + " (" + item + ")"
	case KindCloze:
		return termtext.OneLine(clozeLabel(c.Text, item))
	}
	return ""
}

// clozeLabel is a cloze text with deletion item hidden.
func clozeLabel(text, item string) string {
	parts, err := ParseCloze(text)
	if err != nil {
		return text
	}
	var b strings.Builder
	for _, p := range parts {
		if p.Num > 0 && clozeItem(p.Num) == item {
			b.WriteString("[...]")
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}
