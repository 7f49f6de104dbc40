package search

import (
	"errors"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/moatquiz/moatquiz/quiz"
)

// cards are a small library to query: 해자 (a moat) is a due vocab
// review and a leech; 오픈소스 a new fact; a cloze card is learning.
var cards = []*Card{
	{Deck: "article", ID: "haeja", Kind: quiz.KindVocab, Tags: []string{"business"},
		Text: NewText("해자", "moat"), State: Review, Due: true, Suspended: true, Leech: true,
		DueDays: -1, Ivl: 12, Lapses: 8, Reps: 20, Difficulty: 7.5, Stability: 11, Flag: 1},
	{Deck: "article", ID: "opensource", Kind: quiz.KindFact, Tags: []string{"tech", "ai"},
		Text: NewText("오픈 소스 모델은?", "open source"), State: New, DueDays: 0, Buried: true},
	{Deck: "mine", ID: "train", Kind: quiz.KindCloze,
		Text: NewText("훈련과 추론", "training and inference"), State: Learning, Due: true,
		DueDays: 0, Ivl: 0, Lapses: 1, Reps: 2, Difficulty: 5, Stability: 2},
}

// ids returns the ids of the cards q matches, with their ranks.
func ids(t *testing.T, q string) map[string]int {
	t.Helper()
	parsed, err := Parse(q)
	if err != nil {
		t.Fatalf("Parse(%q): %v", q, err)
	}
	got := map[string]int{}
	for _, c := range cards {
		if r, ok := parsed.Match(c); ok {
			got[c.ID] = r
		}
	}
	return got
}

func TestMatch(t *testing.T) {
	nfd := norm.NFD.String("해자")
	tests := []struct {
		query string
		want  map[string]int
	}{
		{"", map[string]int{"haeja": 0, "opensource": 0, "train": 0}},
		{"moat", map[string]int{"haeja": RankExact}},
		{"MOAT", map[string]int{"haeja": RankExact}},
		{"해자", map[string]int{"haeja": RankExact}},
		{nfd, map[string]int{"haeja": RankExact}},
		{"ㅎㅈ", map[string]int{"haeja": RankInitial}},
		{"ㅇㅍㅅㅅ", map[string]int{"opensource": RankInitial}},
		{"해ㅈ", map[string]int{"haeja": RankInitial}},
		{"haeja", map[string]int{"haeja": RankRoman}},
		{"hunryeon", map[string]int{}}, // 훈련 is hullyeon
		{"hullyeon", map[string]int{"train": RankRoman}},
		{"헤자", map[string]int{"haeja": RankNear}},
		{"개자", map[string]int{}}, // a consonant differs
		{"오픈서스", map[string]int{"opensource": RankNear}},
		{"어픈서스", map[string]int{"opensource": RankNear}},
		{"어픈서서", map[string]int{}}, // three of four syllables differ
		{"서스모댈", map[string]int{"opensource": RankNear}},
		{"해자 or 헤자", map[string]int{"haeja": RankExact}},
		{"헤자 moat", map[string]int{"haeja": RankNear}},
		{`"open source"`, map[string]int{"opensource": 0}},
		{`"source open"`, map[string]int{}},
		{"deck:article", map[string]int{"haeja": 0, "opensource": 0}},
		{"deck:ART*", map[string]int{"haeja": 0, "opensource": 0}},
		{"-deck:article", map[string]int{"train": 0}},
		{"tag:ai", map[string]int{"opensource": 0}},
		{"kind:cloze", map[string]int{"train": 0}},
		{"kind:vocab or kind:fact", map[string]int{"haeja": 0, "opensource": 0}},
		{"is:new", map[string]int{"opensource": 0}},
		{"is:learning", map[string]int{"train": 0}},
		{"is:review", map[string]int{"haeja": 0}},
		{"is:due", map[string]int{"haeja": 0, "train": 0}},
		{"is:suspended", map[string]int{"haeja": 0}},
		{"is:leech", map[string]int{"haeja": 0}},
		{"is:buried", map[string]int{"opensource": 0}},
		{"flag:1", map[string]int{"haeja": 0}},
		{"flag:0", map[string]int{"opensource": 0, "train": 0}},
		{"prop:due<0", map[string]int{"haeja": 0}},
		{"prop:ivl>=12", map[string]int{"haeja": 0}},
		{"lapses>3", map[string]int{"haeja": 0}},
		{"reps=2", map[string]int{"train": 0}},
		{"prop:difficulty>6", map[string]int{"haeja": 0}},
		{"stability<5 -is:new", map[string]int{"train": 0}},
		{"(moat or 추론) -kind:vocab", map[string]int{"train": 0}},
		{"-(deck:mine or is:new)", map[string]int{"haeja": 0}},
	}
	for _, tt := range tests {
		got := ids(t, tt.query)
		if len(got) != len(tt.want) {
			t.Errorf("%q matches %v, want %v", tt.query, got, tt.want)
			continue
		}
		for id, r := range tt.want {
			if g, ok := got[id]; !ok || g != r {
				t.Errorf("%q matches %v, want %v", tt.query, got, tt.want)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		query  string
		column int
		msg    string
	}{
		{"(moat", 1, "this '(' is not closed: expected ')'"},
		{"moat)", 5, "unexpected ')': no '(' opens it"},
		{"or moat", 1, "expected a search term before 'or'"},
		{"moat or", 8, "expected a search term at the end"},
		{"moat -", 6, "expected a search term after '-'"},
		{"()", 2, "expected a search term before ')'"},
		{`"해자`, 1, `this quote is not closed: expected a closing '"'`},
		{"해자 is:soon", 7, "expected is:buried|due|learning|leech|new|review|suspended"},
		{"flag:5", 6, "expected flag:0|1|2|3|4"},
		{"kind:verb", 6, "expected kind:cloze|fact|vocab"},
		{"deck:", 6, "expected a deck id after deck:"},
		{"prop:due<x", 10, "expected a number after due<"},
		{"prop:age<3", 6, "expected a property and a comparison after prop: (like prop:due<3): one of due, ivl, lapses, reps, difficulty, stability"},
		{"lapses>", 8, "expected a number after lapses>"},
		{"colour:red", 1, `unknown filter "colour:": expected deck:, tag:, kind:, is:, flag: or prop: (put the word in quotes to search for it)`},
	}
	for _, tt := range tests {
		_, err := Parse(tt.query)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) = %v, want a SyntaxError", tt.query, err)
			continue
		}
		if se.Column != tt.column || se.Msg != tt.msg {
			t.Errorf("Parse(%q) = column %d %q, want column %d %q", tt.query, se.Column, se.Msg, tt.column, tt.msg)
		}
	}
}

func TestQuotedFieldValue(t *testing.T) {
	q, err := Parse(`deck:"my deck"`)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := q.Match(&Card{Deck: "my deck", Text: NewText("")}); !ok {
		t.Error(`deck:"my deck" does not match the deck "my deck"`)
	}
	if _, err := Parse(`"http://x"`); err != nil {
		t.Errorf("a quoted word with a colon: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "해자", "ㅎㅈ -is:new", `deck:"a b" or (tag:x lapses>3)`, `"`, "((", "prop:due<=-1.5", "-(-(a))"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(s) || se.Msg == "" {
				t.Fatalf("Parse(%q): %v is not a SyntaxError in range", s, err)
			}
			return
		}
		for _, c := range cards {
			if r, ok := q.Match(c); ok && (r < RankExact || r > RankNear) {
				t.Fatalf("%q: rank %d", s, r)
			}
		}
	})
}

// TestTextBinary: a Text read back from its binary form matches as the
// Text it was written from, and a form cut short is rejected.
func TestTextBinary(t *testing.T) {
	queries := []string{"moat", "해자", "ㅎㅈ", "ㅇㅍㅅㅅ", "해ㅈ", "haeja", "hullyeon", "헤자", "오픈서스", "추론"}
	for _, c := range cards {
		b := c.Text.AppendBinary([]byte("x"))
		var back Text
		rest, ok := back.Decode(string(b[1:]) + "rest")
		if !ok || rest != "rest" {
			t.Fatalf("%s: Decode: ok %v, rest %q", c.ID, ok, rest)
		}
		read := *c
		read.Text = &back
		for _, q := range queries {
			parsed, _ := Parse(q)
			r1, ok1 := parsed.Match(c)
			r2, ok2 := parsed.Match(&read)
			if r1 != r2 || ok1 != ok2 {
				t.Errorf("%s: %q matches %d %v read back, %d %v as prepared", c.ID, q, r2, ok2, r1, ok1)
			}
		}
		for n := range len(b) - 1 {
			if rest, ok := back.Decode(string(b[1 : 1+n])); ok && rest == "" {
				t.Errorf("%s: its form cut to %d bytes reads back", c.ID, n)
			}
		}
	}
}
