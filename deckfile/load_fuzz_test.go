package deckfile

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// FuzzLoad: whatever the bytes, Load does not panic; it returns either a
// deck whose every text is safe for a terminal and in NFC, or errors whose
// messages are safe to print. Seeds: a small valid deck, broken ones
// (testdata/fuzz/FuzzLoad) and the built-in decks.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(validDeck))
	f.Add([]byte(deckWith(edit(clozeCard, `{{c1::훈련}}`, `{{c1::훈련`))))
	f.Add([]byte(deckWith(edit(factCard, `"answer": "기술력"`, `"answer": "\u001b]52;c;eA==\u0007"`))))
	builtin, err := filepath.Glob("../decks/*.json")
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range builtin {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Load("fuzz.json", data)
		if (d == nil) == (err == nil) {
			t.Fatalf("Load returned deck %v and error %v", d, err)
		}
		if err != nil {
			checkErrors(t, err)
			return
		}
		checkDeck(t, d)
	})
}

// checkErrors fails unless err is a non-empty ErrorList whose messages are
// safe to print.
func checkErrors(t *testing.T, err error) {
	var list ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("error %v is not a non-empty ErrorList", err)
	}
	for _, e := range list {
		msg := e.Error()
		if !utf8.ValidString(msg) || termtext.Strip(msg) != msg || strings.Contains(msg, "\n") {
			t.Fatalf("unsafe message %q", msg)
		}
		if e.Line < 0 || e.Col < 0 || (e.Line == 0) != (e.Col == 0) {
			t.Fatalf("bad position in %q", msg)
		}
	}
}

// checkDeck fails unless d is a valid deck: cards with unique valid ids,
// every text safe for a terminal and in NFC.
func checkDeck(t *testing.T, d *quiz.Deck) {
	if len(d.Cards) == 0 || !idPattern().MatchString(d.ID) {
		t.Fatalf("loaded a deck with id %q and %d cards", d.ID, len(d.Cards))
	}
	ids := map[string]bool{}
	for _, c := range d.Cards {
		if !idPattern().MatchString(c.ID) || ids[c.ID] {
			t.Fatalf("loaded a card with id %q, invalid or repeated", c.ID)
		}
		ids[c.ID] = true
	}
	eachString(reflect.ValueOf(d).Elem(), func(s string) {
		if termtext.Strip(s) != s || !norm.NFC.IsNormalString(s) || strings.TrimSpace(s) == "" {
			t.Fatalf("loaded unsafe, blank or non-NFC text %q", s)
		}
	})
}

// eachString calls fn with every string held in v (struct fields, slices,
// pointers), except the deck's Path.
func eachString(v reflect.Value, fn func(string)) {
	switch v.Kind() {
	case reflect.String:
		if v.String() != "" {
			fn(v.String())
		}
	case reflect.Pointer:
		if !v.IsNil() {
			eachString(v.Elem(), fn)
		}
	case reflect.Slice:
		for i := range v.Len() {
			eachString(v.Index(i), fn)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).Name != "Path" {
				eachString(v.Field(i), fn)
			}
		}
	}
}
