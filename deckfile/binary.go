package deckfile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/moatquiz/moatquiz/quiz"
)

// binaryMagic starts a deck's binary form; its last byte is the layout's
// version.
const binaryMagic = "MQDECK\x00\x01"

// ErrBinary is returned by DecodeBinary and DecodeCard for data that is
// not a deck's binary form.
var ErrBinary = errors.New("deckfile: not a deck in binary form")

// EncodeBinary returns d in a compact binary form that [DecodeBinary]
// reads back exactly, and where each card's bytes start in it, for
// [DecodeCard]. It is for caches of decks already loaded and validated
// (reading it is several times faster than loading the JSON), not for
// files meant to last: the form follows the quiz.Deck type.
func EncodeBinary(d *quiz.Deck) ([]byte, []int) {
	lists, pairs := 0, 0
	for i := range d.Cards {
		for _, l := range cardLists(&d.Cards[i]) {
			lists += len(*l)
		}
		for _, p := range cardPairs(&d.Cards[i]) {
			if *p != nil {
				pairs++
			}
		}
	}
	w := &binWriter{b: []byte(binaryMagic)}
	w.uint(uint64(d.Format))
	w.uint(uint64(len(d.Cards)))
	w.uint(uint64(lists))
	w.uint(uint64(pairs))
	for _, s := range deckTexts(d) {
		w.str(*s)
	}
	starts := make([]int, len(d.Cards))
	for i := range d.Cards {
		starts[i] = len(w.b)
		c := &d.Cards[i]
		for _, s := range cardTexts(c) {
			w.str(*s)
		}
		for _, l := range cardLists(c) {
			w.list(*l)
		}
		for _, p := range cardPairs(c) {
			w.pair(*p)
		}
	}
	return w.b, starts
}

// DecodeCard reads one card of a deck's binary form: data holds its
// bytes, from where EncodeBinary says it starts to where the next card
// starts (or the end). Its texts share data's memory.
func DecodeCard(data string) (quiz.Card, error) {
	r := &binReader{s: data, grow: true}
	var c quiz.Card
	r.card(&c)
	if r.err != nil || r.off != len(r.s) {
		return quiz.Card{}, fmt.Errorf("%w: %v", ErrBinary, r.err)
	}
	return c, nil
}

// DecodeBinary reads a deck written by [EncodeBinary]. Its texts share
// the memory of data, held in a string so that a cache read into a
// strings.Builder is decoded without a copy. Data that is not such a deck
// (damaged, cut short, or from another version) gives ErrBinary.
func DecodeBinary(data string) (*quiz.Deck, error) {
	if !strings.HasPrefix(data, binaryMagic) {
		return nil, ErrBinary
	}
	r := &binReader{s: data, off: len(binaryMagic)}
	format, cards, lists, pairs := r.uint(), r.uint(), r.uint(), r.uint()
	// Every card, list item and pair takes at least a byte.
	if size := uint64(len(data)); r.err != nil || cards > size || lists > size || pairs > size ||
		cards+lists+pairs > size {
		return nil, ErrBinary
	}
	var out quiz.Deck
	out.Format = int(format)
	for _, s := range deckTexts(&out) {
		*s = r.str()
	}
	r.lists = make([]string, lists)
	r.pairs = make([]quiz.Bilingual, pairs)
	out.Cards = make([]quiz.Card, cards)
	for i := range out.Cards {
		r.card(&out.Cards[i])
	}
	if r.err != nil || r.off != len(r.s) {
		return nil, fmt.Errorf("%w: %v", ErrBinary, r.err)
	}
	return &out, nil
}

// deckTexts are the deck's string fields, in their binary order.
func deckTexts(d *quiz.Deck) []*string {
	s := &d.Source
	return []*string{&d.ID, &d.Title, &d.TitleEn, &d.Lang, &d.Path, &s.Publisher, &s.PublisherEn,
		&s.Author, &s.AuthorEn, &s.Date, &s.Title, &s.TitleEn, &s.Column, &s.URL}
}

// cardTexts are a card's string fields, in their binary order.
func cardTexts(c *quiz.Card) []*string {
	return []*string{&c.ID, (*string)(&c.Kind), &c.SourceSentence, &c.Prompt, &c.PromptEn, &c.Answer,
		&c.AnswerEn, &c.Word, &c.POS, &c.Romanization, &c.Text, &c.Translation}
}

// cardLists are a card's list fields, in their binary order.
func cardLists(c *quiz.Card) []*[]string {
	return []*[]string{&c.Tags, &c.Accept, &c.AcceptEn, &c.Distractors, &c.DistractorsEn, &c.Meanings}
}

// cardPairs are a card's bilingual fields, in their binary order.
func cardPairs(c *quiz.Card) []**quiz.Bilingual {
	return []**quiz.Bilingual{&c.Explain, &c.Example}
}

// binWriter appends the binary form.
type binWriter struct{ b []byte }

func (w *binWriter) uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }

func (w *binWriter) str(s string) {
	w.uint(uint64(len(s)))
	w.b = append(w.b, s...)
}

// list writes a list's length plus one (0 for nil), then its items.
func (w *binWriter) list(l []string) {
	if l == nil {
		w.uint(0)
		return
	}
	w.uint(uint64(len(l)) + 1)
	for _, s := range l {
		w.str(s)
	}
}

// pair writes 0 for nil, else 1 and the two texts.
func (w *binWriter) pair(p *quiz.Bilingual) {
	if p == nil {
		w.uint(0)
		return
	}
	w.uint(1)
	w.str(p.Ko)
	w.str(p.En)
}

// binReader reads the binary form; the first problem stops it and is
// kept in err. Lists and pairs are cut from the preallocated pools, or
// allocated one by one when grow is set (a single card).
type binReader struct {
	s     string
	off   int
	err   error
	lists []string
	pairs []quiz.Bilingual
	grow  bool
}

// card reads one card.
func (r *binReader) card(c *quiz.Card) {
	for _, s := range cardTexts(c) {
		*s = r.str()
	}
	for _, l := range cardLists(c) {
		*l = r.list()
	}
	for _, p := range cardPairs(c) {
		*p = r.pair()
	}
}

func (r *binReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	var v uint64
	for shift := 0; shift < 64 && r.off < len(r.s); shift += 7 {
		c := r.s[r.off]
		r.off++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.fail("bad number")
	return 0
}

func (r *binReader) str() string {
	n := r.uint()
	if r.err != nil || n > uint64(len(r.s)-r.off) {
		r.fail("text past the end")
		return ""
	}
	s := r.s[r.off : r.off+int(n)]
	r.off += int(n)
	return s
}

func (r *binReader) list() []string {
	n := r.uint()
	if r.err != nil || n == 0 {
		return nil
	}
	n--
	if r.grow && n <= uint64(len(r.s)-r.off) { // every item takes a byte
		r.lists = make([]string, n)
	}
	if n > uint64(len(r.lists)) {
		r.fail("more list items than declared")
		return nil
	}
	l := r.lists[:n:n]
	r.lists = r.lists[n:]
	for i := range l {
		l[i] = r.str()
	}
	return l
}

func (r *binReader) pair() *quiz.Bilingual {
	switch r.uint() {
	case 0:
		return nil
	case 1:
		if r.grow {
			r.pairs = make([]quiz.Bilingual, 1)
		}
		if len(r.pairs) == 0 {
			r.fail("more pairs than declared")
			return nil
		}
		p := &r.pairs[0]
		r.pairs = r.pairs[1:]
		p.Ko, p.En = r.str(), r.str()
		return p
	}
	r.fail("bad pair")
	return nil
}

func (r *binReader) fail(msg string) {
	if r.err == nil {
		r.err = errors.New(msg)
	}
}
