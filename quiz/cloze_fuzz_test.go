package quiz

import (
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
)

// FuzzParseCloze: whatever the text, ParseCloze does not panic; it
// returns either parts that rebuild the text exactly (plain text and
// well-formed deletions numbered from 1 with an answer), or one error
// whose offset is inside the text. Seeds: every cloze text of the
// built-in decks, and broken ones.
func FuzzParseCloze(f *testing.F) {
	for _, s := range []string{
		"", "plain", "a {{c1::b}} c", "{{c1::추론::inference}}", "{{c2::a::b::c}}", "a {{c1::b", "a }} b",
		"{{x1::b}}", "{{c0::b}}", "{{c01::b}}", "{{c1::}}", "{{c1::b::}}", "{{c1::{{c2::b}}}}", "{{c99999999999999999999::x}}",
		"{{c1::a}}}}", "{{{{c1::a}}", "{{c-1::a}}", "{{c+1::a}}", "{{c1:: }}", "}}{{",
	} {
		f.Add(s)
	}
	for _, s := range builtinClozeTexts(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		parts, err := ParseCloze(text)
		if err != nil {
			var ce *ClozeError
			if !errors.As(err, &ce) || ce.Offset < 0 || ce.Offset >= len(text) || ce.Msg == "" {
				t.Fatalf("ParseCloze(%q) error %#v: want a ClozeError inside the text", text, err)
			}
			return
		}
		var b strings.Builder
		for i, p := range parts {
			if p.Offset != b.Len() {
				t.Fatalf("ParseCloze(%q): part %d at offset %d, want %d", text, i, p.Offset, b.Len())
			}
			if p.Num == 0 {
				if p.Text == "" || p.Hint != "" {
					t.Fatalf("ParseCloze(%q): plain part %d is %+v", text, i, p)
				}
				b.WriteString(p.Text)
				continue
			}
			if p.Num < 1 || strings.TrimSpace(p.Text) == "" || strings.Contains(p.Text, "::") {
				t.Fatalf("ParseCloze(%q): deletion %d is %+v", text, i, p)
			}
			b.WriteString("{{c" + strconv.Itoa(p.Num) + "::" + p.Text)
			if p.Hint != "" {
				b.WriteString("::" + p.Hint)
			}
			b.WriteString("}}")
		}
		if b.String() != text {
			t.Fatalf("ParseCloze(%q) parts rebuild %q", text, b.String())
		}
	})
}

// builtinClozeTexts are the cloze texts of the built-in decks.
func builtinClozeTexts(f *testing.F) []string {
	data, err := os.ReadFile("../decks/article.json")
	if err != nil {
		f.Fatal(err)
	}
	var deck struct {
		Cards []struct {
			Kind, Text string
		}
	}
	if err := json.Unmarshal(data, &deck); err != nil {
		f.Fatal(err)
	}
	var texts []string
	for _, c := range deck.Cards {
		if c.Kind == "cloze" {
			texts = append(texts, c.Text)
		}
	}
	if len(texts) == 0 {
		f.Fatal("no cloze cards in the built-in deck")
	}
	return texts
}
