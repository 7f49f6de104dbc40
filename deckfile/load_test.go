package deckfile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestSyntaxErrors: invalid JSON is one error at the place to fix.
func TestSyntaxErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, msg string }{
		{"missing comma", edit(validDeck, `"format": 1,`, `"format": 1§`), `invalid JSON: expected "," or "}" after the field (a comma missing?), found "\""`},
		{"trailing comma", edit(validDeck, `"lang": "ko",`+"\n", `"lang": "ko",`+"\n"+`  "source": {"publisher": "x"§, }, "title": "t",`+"\n"), `a comma before '}': JSON allows no trailing comma`},
		{"unclosed string", `{"format": 1, "id": §"test}`, `this string is never closed`},
		{"curly quotes", `{"format": 1, "id": §“test”}`, `"“" (a curly quote: JSON needs straight double quotes)`},
		{"bad escape", `{"id": "te§\x"}`, `unknown escape "\x"`},
		{"short unicode escape", `{"id": "te§\u12"}`, `"\u" must be followed by four hex digits`},
		{"cut off", `{"format": 1, "cards": [§`, `the file ends in the middle of the JSON`},
		{"empty file", "§ \n ", `the file is empty: a deck is a JSON object`},
		{"data after the deck", `{"format": 1} §{}`, `"{" after the end of the deck's object: remove it`},
		{"single quotes", `{"format": 1, "id": §'test'}`, `"'" where a value should be`},
		{"bare word", `{"format": 1, "id": §test}`, `"t" where a value should be (strings need double quotes)`},
		{"unquoted key", `{§format: 1}`, `expected a field name in double quotes, found "f"`},
		{"missing colon", `{"format" §1}`, `expected ":" after the field name`},
		{"bad number", `{"format": §-x}`, `a number needs digits`},
		{"leading zero", `{"format": 0§1}`, `expected "," or "}"`},
		{"invalid UTF-8 outside strings", "{\"format\": 1, §\xff}", `the byte 0xff (the file is not valid UTF-8)`},
		{"control character outside strings", "{\"format\": 1, §\x1b}", `expected a field name in double quotes, found "\x1b"`},
		{"nested too deep", `{"x": ` + strings.Repeat("[", 32) + "§[" + strings.Repeat("]", 33) + "}", `nested more than 32 deep`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, line, col := marked(t, tc.src)
			_, err := Load("deck.json", []byte(src))
			var list ErrorList
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("got %v, want one error", err)
			}
			if e := list[0]; e.Line != line || e.Col != col || e.Card != "" || !strings.Contains(e.Msg, tc.msg) {
				t.Errorf("got  %v\nwant deck.json:%d:%d: ...%s...", e, line, col, tc.msg)
			}
		})
	}
}

// TestNFC: decomposed Hangul (as macOS writes it), raw or escaped, is
// composed on load; compatibility jamo are left alone (NFC, not NFKC).
func TestNFC(t *testing.T) {
	nfd := norm.NFD.String("해자")
	src := deckWith(
		edit(vocabCard, `"word": "해자"`, `"word": "`+nfd+`"`),
		edit(edit(factCard, `"answer": "기술력"`, `"answer": "\u1100\u1175\u1109\u116e\u11af\u1105\u1167\u11a8"`), `"prompt": "해자는?"`, `"prompt": "ㅎㅐ자는?"`),
	)
	d, err := Load("deck.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if w := d.Cards[0].Word; w != "해자" || len(w) != 6 {
		t.Errorf("word = %q, want NFC 해자", w)
	}
	if a := d.Cards[1].Answer; a != "기술력" {
		t.Errorf("answer = %q, want NFC 기술력", a)
	}
	if p := d.Cards[1].Prompt; p != "ㅎㅐ자는?" {
		t.Errorf("prompt = %q, want the compatibility jamo kept", p)
	}
}

// TestByteOrderMark: a leading BOM (some Windows editors write one) is
// skipped and does not count as a column.
func TestByteOrderMark(t *testing.T) {
	if _, err := Load("deck.json", []byte(bom+validDeck)); err != nil {
		t.Fatal(err)
	}
	_, err := Load("deck.json", []byte(bom+`{"format": 1x}`))
	if err == nil || !strings.HasPrefix(err.Error(), "deck.json:1:13: invalid JSON") {
		t.Errorf("got %v, want an error at 1:13", err)
	}
}

// TestSizeLimit: data over 32 MiB is refused before it is parsed, and
// LoadFile refuses a big file without reading it.
func TestSizeLimit(t *testing.T) {
	_, err := Load("big.json", make([]byte, MaxFileSize+1))
	if err == nil || err.Error() != "big.json: the file is 32.0 MiB: deck files are limited to 32 MiB; split the deck" {
		t.Errorf("Load: got %v", err)
	}
	path := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(path, []byte(validDeck), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, 100<<20); err != nil { // sparse: nothing is allocated
		t.Fatal(err)
	}
	_, err = LoadFile(path)
	if err == nil || !strings.HasSuffix(err.Error(), ": the file is 100.0 MiB: deck files are limited to 32 MiB; split the deck") {
		t.Errorf("LoadFile: got %v", err)
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	if err := os.WriteFile(good, []byte(validDeck), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := LoadFile(good)
	if err != nil || d.Path != good || len(d.Cards) != 3 {
		t.Fatalf("LoadFile = %+v, %v", d, err)
	}

	_, err = LoadFile(filepath.Join(dir, "missing.json"))
	var list ErrorList
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &list) {
		t.Errorf("missing file: got %v, want an ErrorList wrapping fs.ErrNotExist", err)
	} else if want := filepath.Join(dir, "missing.json") + ": cannot open the deck: no such file or directory"; err.Error() != want {
		t.Errorf("missing file: got %q, want %q", err, want)
	}

	if _, err := LoadFile(dir); err == nil || !strings.HasSuffix(err.Error(), ": is a directory, not a deck file") {
		t.Errorf("directory: got %v", err)
	}
}

// TestScanFile: ScanFile hands over every card in file order and keeps
// none; a bad file gets the same errors as from LoadFile.
func TestScanFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	if err := os.WriteFile(good, []byte(validDeck), 0o644); err != nil {
		t.Fatal(err)
	}
	var ids []string
	d, err := ScanFile(good, func(c *quiz.Card) { ids = append(ids, c.ID) })
	if err != nil || d.ID != "test" || d.Cards != nil || strings.Join(ids, " ") != "moat haeja train" {
		t.Fatalf("ScanFile = %+v, %v; cards seen %v", d, err, ids)
	}

	bad := filepath.Join(dir, "bad.json")
	src := edit(deckWith(factCard, vocabCard, vocabCard), `"lang": "ko"`, `"lang": "ko!"`)
	if err := os.WriteFile(bad, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, scanErr := ScanFile(bad, func(*quiz.Card) {})
	_, loadErr := LoadFile(bad)
	if scanErr == nil || loadErr == nil || scanErr.Error() != loadErr.Error() || strings.Count(scanErr.Error(), "\n") != 1 {
		t.Errorf("ScanFile: %v\nLoadFile: %v\nwant the same two errors", scanErr, loadErr)
	}
}

// TestStreamedCards: the parser holds the JSON values of one card at a
// time, not of the whole deck, so a deck's memory does not grow with its
// cards beyond their bytes.
func TestStreamedCards(t *testing.T) {
	cards := make([]string, 2000)
	for i := range cards {
		cards[i] = strings.Replace(vocabCard, `"haeja"`, fmt.Sprintf(`"haeja-%d"`, i), 1)
	}
	data := []byte(deckWith(cards...))
	seen, most := 0, 0
	v := newValidator("deck.json", data, func(*quiz.Card) { seen++ })
	p := &parser{data: data}
	p.each = func(n *node) {
		v.streamCard(n)
		most = max(most, len(p.slab))
	}
	root := p.document()
	if p.err != nil {
		t.Fatal(p.err)
	}
	if v.deck(root); v.failed() || seen != len(cards) {
		t.Fatalf("%d cards seen, errors: %v", seen, v.errorList())
	}
	if most > 30 || len(member(root, data, "cards").kids) != 0 {
		t.Errorf("%d nodes held for one card, %d kept in the tree: want one card's (about 15), none kept",
			most, len(member(root, data, "cards").kids))
	}
}

// TestEncode: Encode writes a deck that Load reads back as the deck
// Encode leaves, one card a line, and Write writes it again; Encode
// rejects a bad deck with exactly the errors Load gives for the bytes
// written.
func TestEncode(t *testing.T) {
	d, err := Load("deck.json", []byte(validDeck))
	if err != nil {
		t.Fatal(err)
	}
	nfd := *d
	nfd.Cards = append([]quiz.Card(nil), d.Cards...)
	nfd.Cards[1].Word = norm.NFD.String(nfd.Cards[1].Word)
	var out, again bytes.Buffer
	if err := Encode(&out, "new.json", &nfd); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	data := out.Bytes()
	back, err := Load("new.json", data)
	if err != nil || !reflect.DeepEqual(back, &nfd) || nfd.Cards[1].Word != "해자" || strings.Count(string(data), "\n") != 5 {
		t.Fatalf("Load(Encode) = %+v, %v\nEncode left %+v\n%s", back, err, nfd, data)
	}
	if err := Write(&again, &nfd); err != nil || !bytes.Equal(again.Bytes(), []byte(norm.NFC.String(string(data)))) {
		t.Fatalf("Write: %v\n%s\nwant what Encode wrote, in NFC:\n%s", err, again.Bytes(), data)
	}

	bad := *d
	bad.Lang = "ko!"
	bad.Cards = append([]quiz.Card(nil), d.Cards...)
	bad.Cards[0].Distractors = []string{"기술력", "a", "a"}
	bad.Cards[2].ID = d.Cards[1].ID
	out.Reset()
	err = Encode(&out, "bad.json", &bad)
	var whole bytes.Buffer
	Write(&whole, &bad)
	_, loadErr := Load("bad.json", whole.Bytes())
	if err == nil || loadErr == nil || err.Error() != loadErr.Error() || strings.Count(err.Error(), "\n") != 3 {
		t.Errorf("Encode: %v\nLoad: %v\nwant the same four errors", err, loadErr)
	}
}

// TestErrorFormat: messages follow path:line:col: card "id": message, and
// text from a hostile file cannot reach the terminal unescaped.
func TestErrorFormat(t *testing.T) {
	for _, tc := range []struct {
		err  Error
		want string
	}{
		{Error{Path: "d.json", Line: 3, Col: 7, Card: "moat", Msg: "m"}, `d.json:3:7: card "moat": m`},
		{Error{Path: "d.json", Line: 3, Col: 7, Msg: "m"}, `d.json:3:7: m`},
		{Error{Path: "d.json", Line: 3, Col: 7, Index: 4, Msg: "m"}, `d.json:3:7: card #4: m`},
		{Error{Path: "d.json", Msg: "m"}, `d.json: m`},
		{Error{Path: "d\x1b]0;x\a.json", Line: 1, Col: 1, Card: "a\x1b[2Jb\u202e", Msg: "m"}, `"d\x1b]0;x\a.json":1:1: card "a\x1b[2Jb\u202e": m`},
		{Error{Path: "d\u3164.json", Line: 1, Col: 1, Card: "\u3164\u115f", Msg: "m"}, `"d\u3164.json":1:1: card "\u3164\u115f": m`},
		{Error{Path: "d.json", Line: 1, Col: 1, Card: strings.Repeat("가", 50), Msg: "m"}, `d.json:1:1: card "` + strings.Repeat("가", 40) + `"…: m`},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
}

// TestHostileIDInMessages: an id full of escape sequences is reported
// escaped.
func TestHostileIDInMessages(t *testing.T) {
	src := deckWith(edit(vocabCard, `"id": "haeja"`, `"id": "\u001b]52;c;cHduZWQ=\u0007"`))
	_, err := Load("deck.json", []byte(src))
	if err == nil {
		t.Fatal("want an error")
	}
	if msg := err.Error(); strings.ContainsAny(msg, "\x1b\x07") || !strings.Contains(msg, `card "\x1b]52;c;cHduZWQ=\a": field "id" has an escape character`) {
		t.Errorf("got %q", msg)
	}
}

// BenchmarkLoad loads the built-in decks (../decks/*.json), and 1 MiB of
// hostile cards each with a long unknown field (which once cost a
// "did you mean" search per field: 50 s for 32 MiB).
func BenchmarkLoad(b *testing.B) {
	paths, err := filepath.Glob("../decks/*.json")
	if err != nil {
		b.Fatal(err)
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(path), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Load(path, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	card := `{"id": "x", "kind": "fact", "prompt_en_with_a_long_suffix_making_a_misspelling_search_work_hard": 1}`
	hostile := []byte(`{"cards": [` + strings.Repeat(card+",", 1<<20/len(card)) + card + "]}")
	b.Run("unknown-fields", func(b *testing.B) {
		b.SetBytes(int64(len(hostile)))
		for b.Loop() {
			if _, err := Load("hostile.json", hostile); err == nil {
				b.Fatal("loaded a hostile deck")
			}
		}
	})
}
