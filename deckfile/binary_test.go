package deckfile

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/moatquiz/moatquiz/decks"
	"github.com/moatquiz/moatquiz/quiz"
)

// filled sets every field of the struct v points to, so that a field the
// binary form forgets is caught: strings to distinct texts, lists to two
// items (or, every other one, an empty list, which must stay non-nil),
// pointers to filled values.
func filled(t *testing.T, v reflect.Value, n *int) {
	t.Helper()
	for i := range v.NumField() {
		f := v.Field(i)
		*n++
		switch f.Kind() {
		case reflect.String:
			f.SetString(fmt.Sprintf("텍스트 %d", *n))
		case reflect.Int:
			f.SetInt(int64(*n))
		case reflect.Slice:
			if f.Type().Elem().Kind() != reflect.String {
				continue // Deck.Cards, filled by the caller
			}
			l := []string{}
			if *n%2 == 0 {
				l = []string{fmt.Sprint("a", *n), fmt.Sprint("b", *n)}
			}
			f.Set(reflect.ValueOf(l))
		case reflect.Pointer:
			f.Set(reflect.New(f.Type().Elem()))
			filled(t, f.Elem(), n)
		case reflect.Struct:
			filled(t, f, n)
		default:
			t.Fatalf("field %s of %s: a %s the binary form does not handle", v.Type().Field(i).Name, v.Type(), f.Kind())
		}
	}
}

func TestBinaryRoundTrip(t *testing.T) {
	data, err := decks.FS.ReadFile("article.json")
	if err != nil {
		t.Fatal(err)
	}
	article, err := Load("builtin:article.json", data)
	if err != nil {
		t.Fatal(err)
	}
	full := &quiz.Deck{Cards: make([]quiz.Card, 2)}
	n := 0
	filled(t, reflect.ValueOf(full).Elem(), &n)
	for i := range full.Cards {
		filled(t, reflect.ValueOf(&full.Cards[i]).Elem(), &n)
	}
	full.Cards = append(full.Cards, quiz.Card{ID: "bare", Kind: quiz.KindFact})
	for name, d := range map[string]*quiz.Deck{"article": article, "every field set": full} {
		b, starts := EncodeBinary(d)
		got, err := DecodeBinary(string(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, d) {
			t.Errorf("%s: the deck read back differs from the one written", name)
		}
		for i := range d.Cards {
			end := len(b)
			if i+1 < len(starts) {
				end = starts[i+1]
			}
			c, err := DecodeCard(string(b[starts[i]:end]))
			if err != nil || !reflect.DeepEqual(c, d.Cards[i]) {
				t.Errorf("%s: card %d read on its own differs from the one written (%v)", name, i, err)
			}
			if _, err := DecodeCard(string(b[starts[i] : end-1])); !errors.Is(err, ErrBinary) {
				t.Errorf("%s: card %d cut short: %v, want ErrBinary", name, i, err)
			}
		}
	}
}

// TestBinaryDamaged: data cut short, or with a byte changed, is refused
// or read without a panic; never a deck with more than was written.
func TestBinaryDamaged(t *testing.T) {
	d := &quiz.Deck{ID: "x", Cards: []quiz.Card{{ID: "a", Kind: quiz.KindVocab, Meanings: []string{"moat"},
		Example: &quiz.Bilingual{Ko: "해자", En: "moat"}}}}
	b, _ := EncodeBinary(d)
	for i := range b {
		if _, err := DecodeBinary(string(b[:i])); !errors.Is(err, ErrBinary) {
			t.Errorf("cut to %d bytes: %v, want ErrBinary", i, err)
		}
		changed := append([]byte(nil), b...)
		changed[i] ^= 0xff
		if got, err := DecodeBinary(string(changed)); err == nil && len(got.Cards) > 1 {
			t.Errorf("byte %d changed: %d cards", i, len(got.Cards))
		}
	}
}

func FuzzDecodeBinary(f *testing.F) {
	d := &quiz.Deck{ID: "x", Cards: []quiz.Card{{ID: "a", Tags: []string{"t"}, Explain: &quiz.Bilingual{Ko: "가", En: "a"}}}}
	b, _ := EncodeBinary(d)
	f.Add(b)
	f.Add([]byte(binaryMagic + "\x01\xff\xff\xff\xff\xff\xff\xff\xff\x7f\x00\x00"))
	f.Add([]byte(binaryMagic + "\x01\x01\xff\xff\xff\xff\xff\xff\xff\xff\x01\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := DecodeBinary(string(data))
		if err != nil {
			return
		}
		again, _ := EncodeBinary(got)
		if back, err := DecodeBinary(string(again)); err != nil || !reflect.DeepEqual(back, got) {
			t.Errorf("a deck read from fuzz data does not round-trip: %v", err)
		}
	})
}
