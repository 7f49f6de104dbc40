package interop

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/quiz"
)

// TestCSVReader splits rows and fields as a spreadsheet writes them.
func TestCSVReader(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		sep      byte
		want     []record
	}{
		{"plain rows", "a,b\nc,d\n", ',', []record{{line: 1, fields: []string{"a", "b"}}, {line: 2, fields: []string{"c", "d"}}}},
		{"CRLF and no final newline", "a\tb\r\nc\td", '\t', []record{{line: 1, fields: []string{"a", "b"}}, {line: 2, fields: []string{"c", "d"}}}},
		{"empty lines skipped, counted", "\n\na;b\n\r\n\nc;d\n", ';', []record{{line: 3, fields: []string{"a", "b"}}, {line: 6, fields: []string{"c", "d"}}}},
		{"quoted separator and quote", `"a,b","say ""hi"""` + "\n", ',', []record{{line: 1, fields: []string{"a,b", `say "hi"`}}}},
		{"quoted line breaks", "\"one\ntwo\r\nthree\",x\nnext,y\n", ',', []record{{line: 1, fields: []string{"one\ntwo\r\nthree", "x"}}, {line: 4, fields: []string{"next", "y"}}}},
		{"quotes inside a plain field", "He said \"hi\",x\n", ',', []record{{line: 1, fields: []string{`He said "hi"`, "x"}}}},
		{"text after a closing quote", "\"a\" b,c\n", ',', []record{{line: 1, fields: []string{"a b", "c"}}}},
		{"lone CR stays in the field", "a\rb\tc\n", '\t', []record{{line: 1, fields: []string{"a\rb", "c"}}}},
		{"empty fields", ",,\n", ',', []record{{line: 1, fields: []string{"", "", ""}}}},
		{"unclosed quote read as text", "\"a,b\nc,d\n", ',', []record{
			{line: 1, fields: []string{`"a`, "b"}, warn: `a quote (") is never closed: quotes from here on are read as text`},
			{line: 2, fields: []string{"c", "d"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []record
			r := newCSVReader(tc.in, tc.sep, 1)
			for rec, ok := r.next(); ok; rec, ok = r.next() {
				got = append(got, rec)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestCSVReaderManyFields skips a row of too many fields whole.
func TestCSVReaderManyFields(t *testing.T) {
	r := newCSVReader(strings.Repeat(",", 5000)+"\na,b\n", ',', 1)
	first, _ := r.next()
	second, _ := r.next()
	if first.err == "" || second.line != 2 || len(second.fields) != 2 {
		t.Errorf("first %q (%d fields), second %+v: want an error, then line 2", first.err, len(first.fields), second)
	}
}

// TestDetectSeparator picks the separator that splits rows consistently.
func TestDetectSeparator(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want byte
	}{
		{"사과\tapple, fruit\n배\tpear; a fruit\n", '\t'},
		{"apple,사과\npear,배\n", ','},
		{"apple;red, round\npear;green, sweet\n", ';'},
		{"\"a;b\",c\n\"d;e\",f\n", ','},
	} {
		if got, ok := detectSeparator(tc.in, 1); !ok || got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
	if _, ok := detectSeparator("one\ntwo\n", 1); ok {
		t.Error("one column: want no separator")
	}
}

// importCSV imports a CSV text, failing the test on error.
func importCSV(t *testing.T, in string, opt Options) *Result {
	t.Helper()
	res, err := ImportCSV("words.csv", []byte(in), opt)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := deckfile.Load("x.json", deckJSON(t, res)); err != nil {
		t.Fatalf("the deck does not load: %v", err)
	}
	return res
}

// problems formats a result's skipped rows or warnings.
func problems(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

// TestImportCSVKoreanList makes a Korean-English word list (with a BOM, a
// header, trailing and doubled spaces, NFD Hangul) vocab cards.
func TestImportCSVKoreanList(t *testing.T) {
	in := "\ufeffkorean\tenglish\tlevel\n" +
		"호주\tAustralia\tD\n" +
		"꼼꼼하다\tvery careful or meticulous, doing it in a very  detailed manner \tC\n" +
		"\u1112\u1161\u11ab\u1100\u1173\u11af\tthe Korean alphabet\tA\n" + // 한글 in conjoining jamo
		"쏘다\t(1) To shoot  (2) to sting, bite (an insect, animal)\tB\n" +
		"cute\tcute\t\\N\n" +
		"기름을 붓다\tto add fuel to the fire\t\n" +
		"only two\tfields\n"
	res := importCSV(t, in, Options{})
	want := []quiz.Card{
		{ID: "h-" + hash("호주"), Kind: quiz.KindVocab, Tags: []string{"level-d"}, Word: "호주", Meanings: []string{"Australia"}, POS: "noun"},
		{ID: "h-" + hash("꼼꼼하다"), Kind: quiz.KindVocab, Tags: []string{"level-c"}, Word: "꼼꼼하다",
			Meanings: []string{"very careful or meticulous", "doing it in a very detailed manner"}, POS: "adjective"},
		{ID: "h-" + hash("한글"), Kind: quiz.KindVocab, Tags: []string{"level-a"}, Word: "한글", Meanings: []string{"the Korean alphabet"}, POS: "noun"},
		{ID: "h-" + hash("쏘다"), Kind: quiz.KindVocab, Tags: []string{"level-b"}, Word: "쏘다",
			Meanings: []string{"To shoot", "to sting", "bite (an insect, animal)"}, POS: "verb"},
		{ID: "h-" + hash("기름을 붓다"), Kind: quiz.KindVocab, Word: "기름을 붓다", Meanings: []string{"to add fuel to the fire"}, POS: "expression"},
	}
	if !reflect.DeepEqual(res.Deck.Cards, want) {
		t.Errorf("cards:\n got %+v\nwant %+v", res.Deck.Cards, want)
	}
	wantSkipped := []string{
		`words.csv:6: "cute" is not a Korean word, in a Korean-English list`,
		`words.csv:8: has 2 fields, expected 3 (korean, english, level)`,
	}
	if got := problems(res.Skipped); !reflect.DeepEqual(got, wantSkipped) {
		t.Errorf("skipped:\n got %q\nwant %q", got, wantSkipped)
	}
	if d := res.Deck; d.ID != "words" || d.Lang != "ko" || res.Format != "TSV" || res.Read != 7 {
		t.Errorf("deck %q lang %q format %q read %d; want words, ko, TSV, 7", d.ID, d.Lang, res.Format, res.Read)
	}
}

// TestImportCSVEnglishFirst finds the Korean word in the second column.
func TestImportCSVEnglishFirst(t *testing.T) {
	res := importCSV(t, "moat,해자\ntraining,훈련\n", Options{})
	if c := res.Deck.Cards[0]; c.Kind != quiz.KindVocab || c.Word != "해자" || c.Meanings[0] != "moat" {
		t.Errorf("got %+v, want vocab 해자 = moat", c)
	}
}

// TestImportCSVFacts makes fact cards of other lists: quoted fields with
// line breaks, a header in other words, cloze texts.
func TestImportCSVFacts(t *testing.T) {
	in := "question;answer;tags\n" +
		"\"Who leaked the memo?\nName the company.\";Google;memo leak\n" +
		"What is a moat?;a lasting edge;\n" +
		"{{c1::Llama}} was leaked in March;;ai\n"
	res := importCSV(t, in, Options{})
	want := []quiz.Card{
		{ID: "h-" + hash("Who leaked the memo?\nName the company."), Kind: quiz.KindFact, Tags: []string{"memo", "leak"},
			Prompt: "Who leaked the memo? / Name the company.", PromptEn: "Who leaked the memo? / Name the company.", Answer: "Google", AnswerEn: "Google"},
		{ID: "h-" + hash("What is a moat?"), Kind: quiz.KindFact, Prompt: "What is a moat?", PromptEn: "What is a moat?", Answer: "a lasting edge", AnswerEn: "a lasting edge"},
		{ID: "h-" + hash("{{c1::Llama}} was leaked in March"), Kind: quiz.KindCloze, Tags: []string{"ai"},
			Text: "{{c1::Llama}} was leaked in March", Translation: "Llama was leaked in March"},
	}
	if !reflect.DeepEqual(res.Deck.Cards, want) {
		t.Errorf("cards:\n got %+v\nwant %+v", res.Deck.Cards, want)
	}
	if res.Format != `CSV (separator ';')` || res.Deck.Lang != "und" {
		t.Errorf("format %q lang %q", res.Format, res.Deck.Lang)
	}
}

// TestImportCSVAnkiHeaders honours the headers of Anki's text export.
func TestImportCSVAnkiHeaders(t *testing.T) {
	in := "#separator:Pipe\n#html:true\n#notetype column:2\n#deck column:3\n#guid column:1\n#tags column:6\n" +
		"#tags:shared\n#deck:Anki Deck\n#some future header:x\n# a comment\n" +
		"cU1%zNUzk1|Basic|Deck|What is <b>1 + 1</b>?|2&nbsp;<br><img src='two.png'>|math easy\n" +
		"zz9|Cloze|Deck|{{c1::Seoul}} is big|<div>a city</div>|\n" +
		"zz8|Basic (and reversed card)|Deck|front|back|\n"
	res := importCSV(t, in, Options{})
	want := []quiz.Card{
		{ID: "g-635531257a4e557a6b31", Kind: quiz.KindFact, Tags: []string{"math", "easy", "shared"},
			Prompt: "What is 1 + 1?", PromptEn: "What is 1 + 1?", Answer: "2 / (image: two.png)", AnswerEn: "2 / (image: two.png)"},
		{ID: "zz9", Kind: quiz.KindCloze, Tags: []string{"shared"}, Text: "{{c1::Seoul}} is big", Translation: "a city"},
		{ID: "zz8", Kind: quiz.KindFact, Tags: []string{"shared", "reversed"}, Prompt: "front", PromptEn: "front", Answer: "back", AnswerEn: "back"},
	}
	if !reflect.DeepEqual(res.Deck.Cards, want) {
		t.Errorf("cards:\n got %+v\nwant %+v", res.Deck.Cards, want)
	}
	if res.Deck.Title != "Anki Deck" || res.Deck.ID != "words" {
		t.Errorf("title %q id %q; want Anki Deck, words", res.Deck.Title, res.Deck.ID)
	}
}

// TestImportCSVColumns names columns with #columns: or --columns.
func TestImportCSVColumns(t *testing.T) {
	res := importCSV(t, "#separator:tab\n#columns:Notes\tKorean\tEnglish\n메모\t해자\tmoat\n", Options{})
	want := quiz.Card{ID: "h-" + hash("해자"), Kind: quiz.KindVocab, Word: "해자", Meanings: []string{"moat"}, POS: "noun",
		Explain: &quiz.Bilingual{Ko: "Notes: 메모", En: "Notes: 메모"}}
	if !reflect.DeepEqual(res.Deck.Cards[0], want) {
		t.Errorf("#columns: got %+v\nwant %+v", res.Deck.Cards[0], want)
	}
	res = importCSV(t, "front,back,tags\nid1,x,What?,Yes,a b\n", Options{Columns: []string{"guid", "-", "front", "back", "tags"}})
	want = quiz.Card{ID: "id1", Kind: quiz.KindFact, Tags: []string{"a", "b"}, Prompt: "What?", PromptEn: "What?", Answer: "Yes", AnswerEn: "Yes"}
	if len(res.Deck.Cards) != 1 || !reflect.DeepEqual(res.Deck.Cards[0], want) {
		t.Errorf("--columns (header row skipped): got %+v\nwant %+v", res.Deck.Cards, want)
	}
}

// TestImportCSVUnknownColumn reads a header that names a column moatquiz
// has no role for: the header is not a card, the known columns keep their
// roles, and the other column is kept, named, with the answer.
func TestImportCSVUnknownColumn(t *testing.T) {
	res := importCSV(t, "front,back,tags,example\nWhat is a moat?,a lasting edge,memo,Google has no moat\n", Options{})
	want := []quiz.Card{{ID: "h-" + hash("What is a moat?"), Kind: quiz.KindFact, Tags: []string{"memo"},
		Prompt: "What is a moat?", PromptEn: "What is a moat?", Answer: "a lasting edge", AnswerEn: "a lasting edge",
		Explain: &quiz.Bilingual{Ko: "example: Google has no moat", En: "example: Google has no moat"}}}
	if !reflect.DeepEqual(res.Deck.Cards, want) || len(res.Skipped) > 0 {
		t.Errorf("cards:\n got %+v\nwant %+v\nskipped %q", res.Deck.Cards, want, problems(res.Skipped))
	}
}

// TestImportCSVCarriageReturns reads a text whose lines end with a lone
// "\r" (classic Mac OS) row by row, with their line numbers.
func TestImportCSVCarriageReturns(t *testing.T) {
	res := importCSV(t, "front,back\rone,1\rtwo\r3,2\rthree,3\r", Options{})
	if got := problems(res.Skipped); len(res.Deck.Cards) != 3 || len(got) != 1 || got[0] != "words.csv:3: has 1 field, expected 2 (front, back)" {
		t.Errorf("cards %+v\nskipped %q", res.Deck.Cards, got)
	}
}

// TestImportCSVMixedLineEnds reads a text whose lines mostly end with a
// lone "\r" and one with "\n" (lines added in another editor) row by row;
// in a text whose lines end with "\n", a lone "\r" stays in its field.
func TestImportCSVMixedLineEnds(t *testing.T) {
	res := importCSV(t, "front,back\rone,1\rtwo,2\r\rthree\rfour,4\n", Options{})
	var fronts []string
	for _, c := range res.Deck.Cards {
		fronts = append(fronts, c.Prompt)
	}
	if got := problems(res.Skipped); !reflect.DeepEqual(fronts, []string{"one", "two", "four"}) || len(got) != 1 || got[0] != "words.csv:5: has 1 field, expected 2 (front, back)" {
		t.Errorf("fronts %q, skipped %q; want one, two, four and line 5 skipped", fronts, got)
	}
	res = importCSV(t, "front,back\non\re,1\ntwo,2\n", Options{})
	if len(res.Deck.Cards) != 2 || res.Deck.Cards[0].Prompt != "on / e" {
		t.Errorf("cards %+v: want 2, the first with its lone \\r as a line break", res.Deck.Cards)
	}
}

// TestImportCSVNotUTF8: no row with bytes that are not UTF-8 vanishes:
// each is listed by its line with what to do, wherever the bytes are (a
// field, a quoted field over two lines, the tags), and a header line
// holding them gets a warning.
func TestImportCSVNotUTF8(t *testing.T) {
	in := "#deck:Caf\xe9\n" +
		"front,back,tags\n" +
		"one,1,\n" +
		"caf\xe9,coffee,\n" +
		"\"two\nlines \xff\",2,\n" +
		"three,3,t\xe9\n" +
		"four,4,\n"
	res := importCSV(t, in, Options{})
	want := []string{
		"words.csv:4: field 1 (front) is not UTF-8 text: save the file as UTF-8",
		"words.csv:5: field 1 (front) is not UTF-8 text: save the file as UTF-8",
		"words.csv:7: field 3 (tags) is not UTF-8 text: save the file as UTF-8",
	}
	if got := problems(res.Skipped); !reflect.DeepEqual(got, want) || len(res.Deck.Cards) != 2 || res.Read != 5 {
		t.Errorf("%d cards of %d rows; skipped:\n got %q\nwant %q", len(res.Deck.Cards), res.Read, got, want)
	}
	if got := problems(res.Warnings); len(got) != 1 || !strings.HasPrefix(got[0], "words.csv:1: this header line is not UTF-8 text") {
		t.Errorf("warnings %q: want line 1's header", got)
	}
}

// TestImportCSVNoRowReadable: a file none of whose rows can be read (saved
// in another encoding) fails with an error saying where and why, not only
// how many.
func TestImportCSVNoRowReadable(t *testing.T) {
	_, err := ImportCSV("latin1.csv", []byte("caf\xe9,coffee\nth\xe9,tea\n\nna\xefve,naive\nd\xe9j\xe0,already\n"), Options{})
	want := "import latin1.csv: no cards to import (4 read, 4 skipped); the first:\n" +
		"  latin1.csv:1: field 1 (column 1) is not UTF-8 text: save the file as UTF-8\n" +
		"  latin1.csv:2: field 1 (column 1) is not UTF-8 text: save the file as UTF-8\n" +
		"  latin1.csv:4: field 1 (column 1) is not UTF-8 text: save the file as UTF-8"
	var none *NoCardsError
	if err == nil || err.Error() != want || !errors.As(err, &none) || len(none.Skipped) != 4 {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}

// TestCheckColumns accepts the roles (and the header names meaning them)
// and refuses other names, no front, and one role twice.
func TestCheckColumns(t *testing.T) {
	for _, cols := range [][]string{nil, {"front", "back"}, {"Korean", "-", "english", "tags", "tags", ""}, {"guid", "front", "skip", "level", "level"}} {
		if err := CheckColumns(cols); err != nil {
			t.Errorf("CheckColumns(%q): %v", cols, err)
		}
	}
	for _, tc := range []struct {
		cols []string
		want string
	}{
		{[]string{"front", "bogus"}, `"bogus" is not a column role: use front, back,`},
		{[]string{"back", "tags"}, "no column is the front"},
		{[]string{"front", "back", "answer"}, `"back" and "answer" both name the back column`},
	} {
		err := CheckColumns(tc.cols)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("CheckColumns(%q): %v, want %q", tc.cols, err, tc.want)
		}
		if _, err := ImportCSV("x.csv", []byte("a,b\n"), Options{Columns: tc.cols}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ImportCSV with columns %q: %v, want %q", tc.cols, err, tc.want)
		}
	}
}

// TestImportCSVIDs keeps card ids across imports: a hash of the front, of
// front and back for a repeated front; exact repeats are skipped.
func TestImportCSVIDs(t *testing.T) {
	first := importCSV(t, "가구,furniture\n가구,household\n가구,furniture\n", Options{})
	ids := []string{first.Deck.Cards[0].ID, first.Deck.Cards[1].ID}
	if len(first.Deck.Cards) != 2 || ids[0] != "h-"+hash("가구") || ids[1] != "h-"+hash("가구\x1fhousehold") {
		t.Errorf("ids %v, want the front's hash, then front and back's", ids)
	}
	if got := problems(first.Skipped); len(got) != 1 || got[0] != "words.csv:3: the same front and back as line 1: skipped as a duplicate" {
		t.Errorf("skipped %q", got)
	}
	edited := importCSV(t, "가구,  furniture (edited)\n", Options{})
	if edited.Deck.Cards[0].ID != ids[0] {
		t.Errorf("editing the back changed the id: %q, want %q", edited.Deck.Cards[0].ID, ids[0])
	}
}

// TestImportCSVHostile neutralises escape sequences and invisible
// characters in every field.
func TestImportCSVHostile(t *testing.T) {
	in := "front\tback\ttags\n" +
		"a\x1b]52;c;cGF5bG9hZA==\x07b\tc\x1b[2Jd\x1b[201~\tt\u202eag\n" +
		"\u200bzero\u00adwidth\tx\u0085y\x7f\tok\n"
	res := importCSV(t, in, Options{})
	want := [][2]string{{"ab", "cd"}, {"zerowidth", "xy"}}
	for i, c := range res.Deck.Cards {
		if c.Prompt != want[i][0] || c.Answer != want[i][1] {
			t.Errorf("card %d: %q / %q, want %q / %q", i, c.Prompt, c.Answer, want[i][0], want[i][1])
		}
	}
	if tags := res.Deck.Cards[0].Tags; len(tags) != 1 || tags[0] != "tag" {
		t.Errorf("tags %q, want [tag]", tags)
	}
}

// TestImportCSVErrors fails whole files that cannot be a deck, clearly.
func TestImportCSVErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		opt      Options
		want     string
	}{
		{"one column", "apple\npear\n", Options{}, "no rows with two or more fields"},
		{"empty", "", Options{}, "no rows with two or more fields"},
		{"only a header", "front,back\n", Options{}, "no cards to import"},
		{"UTF-16", "\xff\xfea\x00,\x00b\x00", Options{}, "UTF-16"},
		{"binary", "PK\x03\x04\x00\x00", Options{}, "binary data"},
		{"too big", "a,b\n", Options{Limits: Limits{MaxText: 2}}, "at most 2 bytes"},
		{"too many rows", "a,b\nc,d\ne,f\n", Options{Limits: Limits{MaxCards: 2}}, "more than 2 rows"},
		{"bad deck id", "a,b\n", Options{DeckID: "../x"}, `deck id "../x" is not valid`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ImportCSV("bad.csv", []byte(tc.in), tc.opt)
			if err == nil || !strings.Contains(err.Error(), "bad.csv") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v: want the file name and %q", err, tc.want)
			}
		})
	}
}

// TestImportCSVSkips lists the rows that cannot be cards, with their lines.
func TestImportCSVSkips(t *testing.T) {
	in := "front,back\n" +
		"\"multi\nline\",ok\n" +
		"one,two,three\n" +
		",no front\n" +
		"bad \xff utf8,x\n" +
		"no back,\n" +
		strings.Repeat("x", 4001) + ",long\n"
	res, err := ImportCSV("skips.csv", []byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"skips.csv:4: has 3 fields, expected 2 (front, back)",
		"skips.csv:5: the front is empty",
		"skips.csv:6: field 1 (front) is not UTF-8 text: save the file as UTF-8",
		`skips.csv:8: field "prompt" is 4001 characters long: the most is 4000; shorten it; field "prompt_en" is 4001 characters long: the most is 4000; shorten it`,
	}
	if got := problems(res.Skipped); !reflect.DeepEqual(got, want) {
		t.Errorf("skipped:\n got %q\nwant %q", got, want)
	}
	if got := problems(res.Warnings); len(got) != 1 || got[0] != "skips.csv:7: the back is empty: the answer is (empty)" {
		t.Errorf("warnings %q", got)
	}
	if len(res.Deck.Cards) != 2 {
		t.Errorf("%d cards, want 2", len(res.Deck.Cards))
	}
}
