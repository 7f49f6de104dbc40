package quiz

import "testing"

func TestParseItemID(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"article/f1/fact", true},
		{"article/f1", false},
		{"a/b/c/d", false},
		{"a//c", false},
		{"", false},
	} {
		id, err := ParseItemID(tc.in)
		if (err == nil) != tc.ok || (tc.ok && id.String() != tc.in) {
			t.Errorf("ParseItemID(%q) = %v, %v", tc.in, id, err)
		}
	}
}

// FuzzParseItemID: ParseItemID accepts exactly the ids ItemID.String
// writes, and reads them back.
func FuzzParseItemID(f *testing.F) {
	for _, s := range []string{"article/moat/fact", "article/haeja/ko-en", "a/b/c1", "a//c", "/a/b", "a/b/c/d", "", "해자/카드/en-ko"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseItemID(s)
		if err != nil {
			return
		}
		if id.Deck == "" || id.Card == "" || id.Item == "" || id.String() != s {
			t.Fatalf("ParseItemID(%q) = %+v, which writes %q", s, id, id.String())
		}
	})
}

func TestItemLabel(t *testing.T) {
	for _, tc := range []struct {
		card *Card
		item string
		want string
	}{
		{&Card{Kind: KindFact, Prompt: "누가 메모를\n유출했나?\x1b[31m"}, ItemFact, "누가 메모를 유출했나?"},
		{&Card{Kind: KindFact, PromptEn: "Who?"}, ItemFact, "Who?"},
		{&Card{Kind: KindVocab, Word: "해자"}, ItemEnKo, "해자 (en-ko)"},
		{&Card{Kind: KindCloze, Text: "{{c1::구글}}의 {{c2::메모}}"}, "c2", "구글의 [...]"},
		{nil, ItemFact, ""},
	} {
		if got := ItemLabel(tc.card, tc.item); got != tc.want {
			t.Errorf("ItemLabel(%+v, %q) = %q, want %q", tc.card, tc.item, got, tc.want)
		}
	}
}
