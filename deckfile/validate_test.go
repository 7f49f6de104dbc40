package deckfile

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/moatquiz/moatquiz/quiz"
)

// header starts a valid deck; its cards begin on line 9.
const header = `{
  "format": 1,
  "id": "test",
  "title": "시험",
  "title_en": "Test",
  "lang": "ko",
  "source": {"publisher": "아시아경제", "date": "2023-05-20", "url": "https://www.asiae.co.kr/"},
  "cards": [
`

// Valid cards of each kind, one line each.
const (
	factCard  = `    {"id": "moat", "kind": "fact", "prompt": "해자는?", "prompt_en": "What is a moat?", "answer": "기술력", "answer_en": "a technological edge", "accept": ["결정적인 기술력"], "accept_en": ["an edge"], "distractors": ["성벽", "자본력", "사용자 수"], "distractors_en": ["a wall", "capital", "users"], "explain": {"ko": "기사의 정의.\n둘째 줄.", "en": "The article's definition."}}`
	vocabCard = `    {"id": "haeja", "kind": "vocab", "tags": ["noun"], "word": "해자", "meanings": ["moat"], "pos": "noun", "example": {"ko": "우리에게는 해자가 없다.", "en": "We have no moat."}}`
	clozeCard = `    {"id": "train", "kind": "cloze", "text": "AI는 {{c1::훈련}}과 {{c2::추론::inference}}으로 나뉜다.", "translation": "AI divides into training and inference."}`
)

// deckWith is a valid deck holding cards.
func deckWith(cards ...string) string {
	return header + strings.Join(cards, ",\n") + "\n  ]\n}\n"
}

// validDeck is a valid deck with one card of each kind.
var validDeck = deckWith(factCard, vocabCard, clozeCard)

// edit replaces old (which must occur once) with new in s; the test fails
// later on a missing marker if old is not there.
func edit(s, old, new string) string {
	if strings.Count(s, old) != 1 {
		return s
	}
	return strings.Replace(s, old, new, 1)
}

// marked removes the marker "§" from src and returns where it was, as the
// 1-based line and column (in characters) an error there must have.
func marked(t *testing.T, src string) (clean string, line, col int) {
	t.Helper()
	i := strings.Index(src, "§")
	if i < 0 || strings.Count(src, "§") != 1 {
		t.Fatalf("the test deck needs exactly one § marker:\n%s", src)
	}
	before := src[:i]
	line = strings.Count(before, "\n") + 1
	col = utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:]) + 1
	return before + src[i+len("§"):], line, col
}

func TestValidDeck(t *testing.T) {
	d, err := Load("test.json", []byte(validDeck))
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "test" || d.Format != 1 || d.Source.Publisher != "아시아경제" || d.Path != "test.json" || len(d.Cards) != 3 {
		t.Fatalf("deck = %+v", d)
	}
	f, v, c := d.Cards[0], d.Cards[1], d.Cards[2]
	if f.Kind != quiz.KindFact || f.Answer != "기술력" || len(f.Distractors) != 3 || f.Explain == nil || f.Explain.Ko != "기사의 정의.\n둘째 줄." {
		t.Errorf("fact card = %+v", f)
	}
	if v.Kind != quiz.KindVocab || v.Word != "해자" || v.Meanings[0] != "moat" || v.Example.En != "We have no moat." || v.Tags[0] != "noun" {
		t.Errorf("vocab card = %+v", v)
	}
	if c.Kind != quiz.KindCloze || !strings.Contains(c.Text, "{{c2::추론::inference}}") {
		t.Errorf("cloze card = %+v", c)
	}
}

// TestValidationErrors: each problem is one error, at the right line and
// column, naming the card and saying what to fix.
func TestValidationErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, card, msg string
	}{
		// unknown and duplicate fields: at the field's name
		{"unknown deck field", edit(validDeck, `"lang": "ko",`, `"lang": "ko", §"langs": "ko",`), "", `unknown field "langs": did you mean "lang"?`},
		{"unknown card field", deckWith(edit(factCard, `"answer": "기술력",`, `"answer": "기술력", §"answr": "x",`)), "moat", `unknown field "answr": did you mean "answer"?`},
		{"unknown field without a near name", deckWith(edit(vocabCard, `"pos": "noun",`, `"pos": "noun", §"level": 3,`)), "haeja", `unknown field "level": remove it (the fields here are id, kind`},
		{"field of another kind", deckWith(edit(factCard, `"kind": "fact",`, `"kind": "fact", §"word": "해자",`)), "moat", `field "word" is for vocab cards, not fact cards`},
		{"unknown source field", edit(validDeck, `"publisher": "아시아경제",`, `"publisher": "아시아경제", §"Author": "임주형",`), "", `unknown field "source.Author": did you mean "source.author"?`},
		{"unknown explain field", deckWith(edit(factCard, `"en": "The article's definition."`, `"en": "The article's definition.", §"ja": "x"`)), "moat", `unknown field "explain.ja"`},
		{"duplicate field", deckWith(edit(vocabCard, `"pos": "noun",`, `"pos": "noun", §"pos": "verb",`)), "haeja", `field "pos" is given twice`},

		// missing fields: at the object's opening brace
		{"missing deck field", "§" + edit(validDeck, `  "title_en": "Test",`+"\n", ""), "", `missing field "title_en": add the title in English`},
		{"missing fact field", deckWith("    §" + edit(factCard[4:], `"prompt_en": "What is a moat?", `, "")), "moat", `missing field "prompt_en": add the question in English`},
		{"missing fact answer", deckWith("    §" + edit(factCard[4:], `"answer": "기술력", `, "")), "moat", `missing field "answer"`},
		{"missing vocab field", deckWith("    §" + edit(vocabCard[4:], `, "pos": "noun"`, "")), "haeja", `missing field "pos": add the part of speech`},
		{"missing vocab meanings", deckWith("    §" + edit(vocabCard[4:], `, "meanings": ["moat"]`, "")), "haeja", `missing field "meanings"`},
		{"missing cloze field", deckWith("    §" + edit(clozeCard[4:], `, "translation": "AI divides into training and inference."`, "")), "train", `missing field "translation"`},
		{"missing kind", deckWith("    §" + edit(clozeCard[4:], `"kind": "cloze", `, "")), "train", `missing field "kind"`},
		{"missing explain half", deckWith(edit(factCard, `"explain": {"ko": "기사의 정의.\n둘째 줄.", `, `"explain": §{`)), "moat", `missing field "explain.ko": add the Korean text`},
		{"missing publisher", edit(validDeck, `{"publisher": "아시아경제", `, `§{`), "", `missing field "source.publisher"`},

		// wrong types: at the value
		{"number for a string", deckWith(edit(factCard, `"answer": "기술력"`, `"answer": §42`)), "moat", `field "answer" must be a string, not a number`},
		{"null for a string", deckWith(edit(vocabCard, `"word": "해자"`, `"word": §null`)), "haeja", `field "word" must be a string, not null`},
		{"string for a list", deckWith(edit(vocabCard, `"meanings": ["moat"]`, `"meanings": §"moat"`)), "haeja", `field "meanings" must be an array of strings, not a string`},
		{"number in a list", deckWith(edit(factCard, `"accept": ["결정적인 기술력"]`, `"accept": ["결정적인 기술력", §7]`)), "moat", `item 2 of "accept" must be a string, not a number`},
		{"string for an object", deckWith(edit(vocabCard, `"example": {"ko": "우리에게는 해자가 없다.", "en": "We have no moat."}`, `"example": §"없다"`)), "haeja", `field "example" must be an object`},
		{"string format", edit(validDeck, `"format": 1`, `"format": §"1"`), "", `field "format" must be the number 1, not a string`},
		{"object for cards", edit(deckWith(factCard), "\"cards\": [\n"+factCard+"\n  ]", `"cards": §{}`), "", `field "cards" must be an array of cards, not an object`},
		{"card not an object", deckWith(factCard, `    §"haeja"`), "", `a card must be an object { ... }, not a string`},
		{"not an object at all", `§["format", 1]`, "", "a deck file holds one JSON object"},

		// values
		{"format 2", edit(validDeck, `"format": 1`, `"format": §2`), "", `field "format" is 2: this moatquiz reads format 1`},
		{"bad deck id", edit(validDeck, `"id": "test"`, `"id": §"Test Deck"`), "", `deck id "Test Deck" is not valid: use 1 to 64 lower-case letters`},
		{"bad card id", deckWith(edit(vocabCard, `"id": "haeja"`, `"id": §"Haeja"`)), "Haeja", `card id "Haeja" is not valid`},
		{"card id too long", deckWith(edit(vocabCard, `"id": "haeja"`, `"id": §"`+strings.Repeat("a", 65)+`"`)), strings.Repeat("a", 65), `is not valid: use 1 to 64`},
		{"card id starting with -", deckWith(edit(vocabCard, `"id": "haeja"`, `"id": §"-haeja"`)), "-haeja", `starting with a letter or digit`},
		{"duplicate card id", deckWith(factCard, vocabCard, edit(clozeCard, `"id": "train"`, `"id": §"moat"`)), "moat", `card id "moat" is already used by the card at line 9: give each card its own id`},
		{"unknown kind", deckWith(edit(vocabCard, `"kind": "vocab"`, `"kind": §"word"`)), "haeja", `unknown kind "word": use "fact", "vocab" or "cloze"`},
		{"unknown pos", deckWith(edit(vocabCard, `"pos": "noun"`, `"pos": §"nuon"`)), "haeja", `unknown pos "nuon": use one of noun, proper-noun, verb`},
		{"bad lang", edit(validDeck, `"lang": "ko"`, `"lang": §"Korean language"`), "", `field "lang" is "Korean language": give a language tag`},
		{"bad date", edit(validDeck, `"date": "2023-05-20"`, `"date": §"2023-05-32"`), "", `field "source.date" is "2023-05-32": write a real date as YYYY-MM-DD`},
		{"bad url", edit(validDeck, `"url": "https://www.asiae.co.kr/"`, `"url": §"javascript:alert(1)"`), "", `field "source.url" is "javascript:alert(1)": give a web address`},
		{"tag with a space", deckWith(edit(vocabCard, `"tags": ["noun"]`, `"tags": ["noun", §"key word"]`)), "haeja", `tag "key word" has a space`},

		// empty text: at the string
		{"empty answer", deckWith(edit(factCard, `"answer": "기술력"`, `"answer": §""`)), "moat", `field "answer" is empty: give the answer in Korean`},
		{"blank prompt", deckWith(edit(factCard, `"prompt": "해자는?"`, `"prompt": §" \u3000 "`)), "moat", `field "prompt" is empty: give the question in Korean`},
		{"empty accept item", deckWith(edit(factCard, `"accept": ["결정적인 기술력"]`, `"accept": [§""]`)), "moat", `item 1 of "accept" is empty`},
		{"no meanings", deckWith(edit(vocabCard, `"meanings": ["moat"]`, `"meanings": §[]`)), "haeja", `field "meanings" is empty: give the English meanings`},
		{"tab in explain", deckWith(edit(factCard, `"en": "The article's definition."`, `"en": "§\t "`)), "moat", `field "explain.en" has a tab: use a space`},
		{"no cards", edit(deckWith(factCard), "\"cards\": [\n"+factCard+"\n  ]", `"cards": §[]`), "", `field "cards" is empty: add at least one card`},
		{"overlong text", deckWith(edit(vocabCard, `"en": "We have no moat."`, `"en": §"`+strings.Repeat("moat ", 801)+`"`)), "haeja", `field "example.en" is 4005 characters long: the most is 4000`},

		// cloze: at the deletion, through escapes and Hangul
		{"unclosed deletion", deckWith(edit(clozeCard, `"text": "AI는 {{c1::훈련}}과 {{c2::추론::inference}}`, `"text": "\"AI\"\u00e9는 {{c1::훈련}}과 §{{c2::추론::inference`)), "train", `bad cloze deletion in field "text": "{{" is never closed`},
		{"stray closing braces", deckWith(edit(clozeCard, `으로 나뉜다.`, `으로 §}}나뉜다.`)), "train", `"}}" without a matching "{{"`},
		{"deletion without a number", deckWith(edit(clozeCard, `{{c2::추론::inference}}`, `§{{추론}}`)), "train", `a deletion must look like {{c1::answer}}`},
		{"empty deletion", deckWith(edit(clozeCard, `{{c2::추론::inference}}`, `§{{c2:: }}`)), "train", `deletion c2 has an empty answer`},
		{"no deletion", deckWith(edit(clozeCard, `"text": "AI는 {{c1::훈련}}과 {{c2::추론::inference}}으로 나뉜다."`, `"text": §"AI는 훈련과 추론으로 나뉜다."`)), "train", `field "text" has no deletion: mark what to hide like {{c1::답}}`},
		{"deletion numbers with a gap", deckWith(edit(clozeCard, `"text": "AI는 {{c1::훈련}}과 {{c2::`, `"text": §"AI는 {{c1::훈련}}과 {{c3::`)), "train", `field "text" has c3 but no c2`},

		// distractors: at the item, or at the list when too few
		{"distractor is the answer", deckWith(edit(factCard, `"distractors": ["성벽", `, `"distractors": ["성벽", §"기술력 ", `)), "moat", `item 2 of "distractors" ("기술력 ") is the answer: a wrong option must differ from "answer"`},
		{"distractor is accepted", deckWith(edit(factCard, `"distractors": ["성벽", `, `"distractors": ["성벽", §"결정적인  기술력", `)), "moat", `is an accepted answer`},
		{"English distractor is the answer", deckWith(edit(factCard, `"a wall", "capital"`, `"a wall", §"A Technological Edge", "capital"`)), "moat", `item 2 of "distractors_en" ("A Technological Edge") is the answer: a wrong option must differ from "answer_en"`},
		{"English distractor is accepted", deckWith(edit(factCard, `"a wall", "capital"`, `"a wall", §"an edge", "capital"`)), "moat", `item 2 of "distractors_en" ("an edge") is an accepted answer`},
		{"repeated distractor", deckWith(edit(factCard, `"사용자 수"]`, `"사용자 수", §"성벽"]`)), "moat", `item 4 of "distractors" ("성벽") repeats item 1`},
		{"too few distractors", deckWith(edit(factCard, `"distractors": ["성벽", "자본력", "사용자 수"]`, `"distractors": §["성벽", "자본력"]`)), "moat", `field "distractors" has 2: give at least 3 wrong options`},
		{"empty distractors", deckWith(edit(factCard, `"distractors_en": ["a wall", "capital", "users"]`, `"distractors_en": §[]`)), "moat", `field "distractors_en" has 0: give at least 3`},

		// hostile and invisible characters: at the character
		{"escape sequence", deckWith(edit(factCard, `"prompt": "해자는?"`, `"prompt": "해자§\u001b]52;c;cHduZWQ=\u0007는?"`)), "moat", `field "prompt" has an escape character (ESC, U+001B)`},
		{"raw escape byte", deckWith(edit(factCard, `"answer_en": "a technological edge"`, "\"answer_en\": \"a §\x1b[2J edge\"")), "moat", `field "answer_en" has an escape character`},
		{"C1 control", deckWith(edit(vocabCard, `"meanings": ["moat"]`, `"meanings": ["moat§\u009b31m"]`)), "haeja", `item 1 of "meanings" has the control character U+009B`},
		{"DEL", deckWith(edit(vocabCard, `"word": "해자"`, "\"word\": \"해§\x7f자\"")), "haeja", `field "word" has the control character U+007F`},
		{"raw NUL", deckWith(edit(vocabCard, `"word": "해자"`, "\"word\": \"해자§\x00\"")), "haeja", `control character U+0000: remove it (JSON needs control characters escaped`},
		{"tab", deckWith(edit(factCard, `"prompt_en": "What is a moat?"`, `"prompt_en": "What§\tis a moat?"`)), "moat", `field "prompt_en" has a tab: use a space`},
		{"line break outside explain", deckWith(edit(clozeCard, `"translation": "AI divides`, `"translation": "AI§\ndivides`)), "train", `field "translation" has a line break: write it on one line`},
		{"raw line break in explain", deckWith(edit(factCard, `"ko": "기사의 정의.\n둘째 줄."`, "\"ko\": \"기사의 정의.§\n둘째 줄.\"")), "moat", `field "explain.ko" has a raw line break: inside a JSON string write it as \n`},
		{"carriage return in explain", deckWith(edit(factCard, `"ko": "기사의 정의.\n둘째 줄."`, `"ko": "기사의 정의.§\r\n둘째 줄."`)), "moat", `field "explain.ko" has the control character U+000D`},
		{"bidi override", deckWith(edit(factCard, `"answer": "기술력"`, "\"answer\": \"기술§\u202e력\"")), "moat", `field "answer" has the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE): remove it`},
		{"bidi isolate escaped", deckWith(edit(factCard, `"answer": "기술력"`, `"answer": "§\u2066기술력\u2069"`)), "moat", `U+2066 (LEFT-TO-RIGHT ISOLATE): remove it; bidi controls and zero-width characters are not allowed in deck text (1 more in this text)`},
		{"zero-width space", deckWith(edit(vocabCard, `"word": "해자"`, "\"word\": \"해§\u200b자\"")), "haeja", `field "word" has the invisible character U+200B (ZERO WIDTH SPACE)`},
		{"zero-width joiner in a tag", deckWith(edit(vocabCard, `"tags": ["noun"]`, `"tags": ["no§\u200dun"]`)), "haeja", `item 1 of "tags" has the invisible character U+200D`},
		{"byte order mark inside text", deckWith(edit(vocabCard, `"ko": "우리에게는`, "\"ko\": \"§\ufeff우리에게는")), "haeja", `field "example.ko" has the invisible character U+FEFF`},
		{"Hangul filler", deckWith(edit(vocabCard, `"word": "해자"`, "\"word\": \"해자§\u3164\"")), "haeja", `U+3164 (HANGUL FILLER)`},

		// encoding
		{"invalid UTF-8", deckWith(edit(factCard, `"prompt": "해자는?"`, "\"prompt\": \"해자§\xff\xfe는?\"")), "moat", `field "prompt" has invalid UTF-8 (the byte 0xff): save the file as UTF-8 (1 more in this text)`},
		{"Latin-1 text", deckWith(edit(vocabCard, `"moat"]`, "\"caf§\xe9\"]")), "haeja", `item 1 of "meanings" has invalid UTF-8 (the byte 0xe9)`},
		{"lone surrogate", deckWith(edit(vocabCard, `"en": "We have no moat."`, `"en": "We have no moat§\ud83d."`)), "haeja", `field "example.en" has \ud83d, half of a surrogate pair`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, line, col := marked(t, tc.src)
			_, err := Load("deck.json", []byte(src))
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Load returned %v, want an ErrorList", err)
			}
			if len(list) != 1 {
				t.Fatalf("got %d errors, want 1:\n%v", len(list), err)
			}
			e := list[0]
			if e.Path != "deck.json" || e.Line != line || e.Col != col || e.Card != tc.card || !strings.Contains(e.Msg, tc.msg) {
				t.Errorf("got  %v\nwant deck.json:%d:%d: card %q: ...%s...", e, line, col, tc.card, tc.msg)
			}
		})
	}
}

// TestAllErrorsAtOnce: a file with many problems gets all of them, in file
// order, each with its card.
func TestAllErrorsAtOnce(t *testing.T) {
	src := deckWith(
		edit(factCard, `"answer": "기술력"`, `"answer": ""`),                                    // line 9
		edit(vocabCard, `"pos": "noun"`, `"pos": "nuon", "level": 2`),                        // line 10: two errors
		edit(clozeCard, `{{c2::추론::inference}}`, `{{c2::추론::inference`),                      // line 11
		edit(vocabCard, `"word": "해자"`, `"word": "해자\u001b[31m"`),                            // line 12: and a duplicate id
		`    {"id": "no-kind", "prompt": "x", "word": "y", "text": "z", "translation": "t"}`, // line 13
	)
	src = edit(src, `"format": 1`, `"format": 3`)
	_, err := Load("deck.json", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Load returned %v, want an ErrorList", err)
	}
	want := []struct {
		line int
		card string
		msg  string
	}{
		{2, "", `field "format" is 3`},
		{9, "moat", `field "answer" is empty`},
		{10, "haeja", `unknown pos "nuon"`},
		{10, "haeja", `unknown field "level"`},
		{11, "train", `"{{" is never closed`},
		{12, "haeja", `already used by the card at line 10`},
		{12, "haeja", `escape character`},
		{13, "no-kind", `missing field "kind"`},
	}
	if len(list) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(list), len(want), err)
	}
	for i, w := range want {
		if e := list[i]; e.Line != w.line || e.Card != w.card || !strings.Contains(e.Msg, w.msg) {
			t.Errorf("error %d = %v\nwant line %d, card %q, %q", i, e, w.line, w.card, w.msg)
		}
	}
}

// TestTooManyErrors: a file with very many problems gets the first hundred
// errors and a count of the rest, not an endless list.
func TestTooManyErrors(t *testing.T) {
	cards := make([]string, 150)
	for i := range cards {
		cards[i] = vocabCard
	}
	_, err := Load("deck.json", []byte(deckWith(cards...)))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Load returned %v, want an ErrorList", err)
	}
	if len(list) != 101 || list[100].Line != 0 || list[100].Msg != "49 more errors not shown: fix these and check again" {
		t.Fatalf("got %d errors, the last %v", len(list), list[len(list)-1])
	}
	if list[99].Line != 109 || !strings.Contains(list[99].Msg, "already used by the card at line 9") {
		t.Errorf("error 100 = %v, want the duplicate at line 109", list[99])
	}
}

// TestTooManyErrorsDeckFirst: over a hundred errors in the cards do not
// crowd out an error in the deck's own fields, wherever "cards" is.
func TestTooManyErrorsDeckFirst(t *testing.T) {
	cards := make([]string, 150)
	for i := range cards {
		cards[i] = vocabCard
	}
	src := edit(deckWith(cards...), `"lang": "ko"`, `"lang": "ko!"`)
	_, err := Load("deck.json", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 101 || !strings.Contains(list[0].Msg, `field "lang" is "ko!"`) {
		t.Fatalf("got %v", err)
	}
}

// TestCardWithoutID: errors in a card without an id name it by position.
func TestCardWithoutID(t *testing.T) {
	src := deckWith(factCard, `    {"kind": "vocab", "word": "해자", "meanings": ["moat"], "pos": "nuon"}`)
	_, err := Load("deck.json", []byte(src))
	want := "deck.json:10:5: card #2: missing field \"id\": add an id unique in the deck\n" +
		"deck.json:10:66: card #2: unknown pos \"nuon\": use one of noun, proper-noun, verb, adjective, adverb, determiner, expression, suffix, particle"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

func TestAnswerKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Llama", "llama"},
		{" 사용자  수 ", "사용자 수"},
		{"Stable\tDiffusion", "stable diffusion"},
	} {
		if answerKey(tc.a) != answerKey(tc.b) {
			t.Errorf("answerKey(%q) != answerKey(%q)", tc.a, tc.b)
		}
	}
	if answerKey("사용자수") == answerKey("사용자 수") {
		t.Error("answers differing by a space inside a word should differ")
	}
}
