package deckfile

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/moatquiz/moatquiz/hangul"
	"github.com/moatquiz/moatquiz/internal/lazyregexp"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// maxText is the most characters one text field may hold.
const maxText = 4000

var (
	idPattern   = lazyregexp.New(`^[a-z0-9][a-z0-9_-]{0,63}$`)
	langPattern = lazyregexp.New(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$`)
)

// anyKind is the kind used to read a card whose kind is missing or
// unknown: fields of every kind are allowed, none is required.
const anyKind quiz.Kind = "*"

// validator checks a parsed deck file, builds the Deck and records every
// problem it finds. Cards are checked one at a time as the parser reads
// them (streamCard) and handed to each; the rest of the deck is checked
// once the whole file is parsed (deck).
type validator struct {
	name  string
	data  []byte
	each  func(*quiz.Card)
	ids   map[string]int // card id → offset of its first use
	count int            // items of "cards" read
	card  string         // the id of the card being checked
	index int            // its 1-based position in "cards", 0 outside cards

	// The errors of the deck itself and those in its cards are kept apart,
	// each up to maxErrors, so that the errors kept are the first of the
	// deck's followed by the first of the cards' whatever the order of
	// the checks.
	deckErrs, cardErrs errorSink
	sink               *errorSink // where errors go now
}

// errorSink holds errors up to maxErrors and counts the rest.
type errorSink struct {
	errs []pending
	more int
}

// total is how many errors went to the sink.
func (s *errorSink) total() int { return len(s.errs) + s.more }

// newValidator returns a validator of the file data called name that
// hands each card read to each.
func newValidator(name string, data []byte, each func(*quiz.Card)) *validator {
	v := &validator{name: name, data: data, each: each, ids: map[string]int{}}
	v.sink = &v.deckErrs
	return v
}

// pending is an error whose position is still a byte offset.
type pending struct {
	off   int
	card  string
	index int
	msg   string
	ref   int              // another offset the message names by line, or -1
	refer func(int) string // builds the message from ref's line
}

// add records an error at byte offset off in the current card.
func (v *validator) add(off int, msg string) {
	v.addRef(off, msg, -1, nil)
}

// addLazy records an error whose message is costly to build: it is built
// only if the error is kept.
func (v *validator) addLazy(off int, msg func() string) {
	if len(v.sink.errs) >= maxErrors {
		v.sink.more++
		return
	}
	v.add(off, msg())
}

// addRef records an error whose message names the line of offset ref.
func (v *validator) addRef(off int, msg string, ref int, refer func(int) string) {
	if len(v.sink.errs) >= maxErrors {
		v.sink.more++
		return
	}
	v.sink.errs = append(v.sink.errs, pending{off: off, card: v.card, index: v.index, msg: msg, ref: ref, refer: refer})
}

// failed reports whether any error was recorded.
func (v *validator) failed() bool { return v.deckErrs.total()+v.cardErrs.total() > 0 }

// syntaxError is the ErrorList of a JSON syntax error at offset off: it
// comes alone, without the errors of the cards read before it.
func (v *validator) syntaxError(off int, msg string) ErrorList {
	v.deckErrs, v.cardErrs = errorSink{}, errorSink{}
	v.sink = &v.deckErrs
	v.add(off, msg)
	return v.errorList()
}

// errorList turns the recorded errors into an ErrorList in file order:
// the deck's errors and then the cards', maxErrors in all.
func (v *validator) errorList() ErrorList {
	kept := v.deckErrs.errs
	cards := v.cardErrs.errs[:min(len(v.cardErrs.errs), maxErrors-len(kept))]
	kept = append(kept[:len(kept):len(kept)], cards...)
	more := v.deckErrs.total() + v.cardErrs.total() - len(kept)
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].off < kept[j].off })
	var offs []int
	for _, p := range kept {
		offs = append(offs, p.off)
		if p.ref >= 0 {
			offs = append(offs, p.ref)
		}
	}
	pos := positions(v.data, offs)
	list := make(ErrorList, 0, len(kept)+1)
	for _, p := range kept {
		msg := p.msg
		if p.refer != nil {
			msg = p.refer(pos[p.ref].line)
		}
		at := pos[p.off]
		list = append(list, &Error{Path: v.name, Line: at.line, Col: at.col, Card: p.card, Index: p.index, Msg: msg})
	}
	if more > 0 {
		list = append(list, &Error{Path: v.name, Msg: fmt.Sprintf("%d more errors not shown: fix these and check again", more)})
	}
	return list
}

// field describes one field of an object in a deck file and where its
// value goes in a T. A field with none of text, list and pair is read by
// the caller.
type field[T any] struct {
	name      string
	help      string // what to give, for messages: "the question in Korean"
	required  bool
	multiline bool        // the text may hold line breaks
	kinds     []quiz.Kind // card fields: the kinds that have it; nil: all
	text      func(*T) *string
	list      func(*T) *[]string
	pair      func(*T) **quiz.Bilingual
}

// usedBy reports whether a card of kind may have the field.
func (f *field[T]) usedBy(kind quiz.Kind) bool {
	return f.kinds == nil || kind == anyKind || slices.Contains(f.kinds, kind)
}

// requiredFor reports whether a card of kind must have the field.
func (f *field[T]) requiredFor(kind quiz.Kind) bool {
	return f.required && (f.kinds == nil || slices.Contains(f.kinds, kind))
}

var deckFields = []field[quiz.Deck]{
	{name: "format", help: `"format": 1`, required: true},
	{name: "id", help: `a deck id such as "article"`, required: true, text: func(d *quiz.Deck) *string { return &d.ID }},
	{name: "title", help: "the title in the deck's language", required: true, text: func(d *quiz.Deck) *string { return &d.Title }},
	{name: "title_en", help: "the title in English", required: true, text: func(d *quiz.Deck) *string { return &d.TitleEn }},
	{name: "lang", help: `the language tag, such as "ko"`, required: true, text: func(d *quiz.Deck) *string { return &d.Lang }},
	{name: "source", help: `the source, {"publisher": "..."}`, required: true},
	{name: "cards", help: "the cards, an array", required: true},
}

var sourceFields = []field[quiz.Source]{
	{name: "publisher", help: "the publisher's name", required: true, text: func(s *quiz.Source) *string { return &s.Publisher }},
	{name: "publisher_en", help: "the publisher's name in English", text: func(s *quiz.Source) *string { return &s.PublisherEn }},
	{name: "author", help: "the author's name", text: func(s *quiz.Source) *string { return &s.Author }},
	{name: "author_en", help: "the author's name in English", text: func(s *quiz.Source) *string { return &s.AuthorEn }},
	{name: "date", help: "the date as YYYY-MM-DD", text: func(s *quiz.Source) *string { return &s.Date }},
	{name: "title", help: "the source's title", text: func(s *quiz.Source) *string { return &s.Title }},
	{name: "title_en", help: "the source's title in English", text: func(s *quiz.Source) *string { return &s.TitleEn }},
	{name: "column", help: "the column's name", text: func(s *quiz.Source) *string { return &s.Column }},
	{name: "url", help: "the web address (https://...)", text: func(s *quiz.Source) *string { return &s.URL }},
}

var bilingualFields = []field[quiz.Bilingual]{
	{name: "ko", help: "the Korean text", required: true, text: func(b *quiz.Bilingual) *string { return &b.Ko }},
	{name: "en", help: "the English text", required: true, text: func(b *quiz.Bilingual) *string { return &b.En }},
}

var (
	onlyFact  = []quiz.Kind{quiz.KindFact}
	onlyVocab = []quiz.Kind{quiz.KindVocab}
	onlyCloze = []quiz.Kind{quiz.KindCloze}
)

var cardFields = []field[quiz.Card]{
	{name: "id", help: "an id unique in the deck", required: true, text: func(c *quiz.Card) *string { return &c.ID }},
	{name: "kind", help: "the kind: fact, vocab or cloze", required: true, text: func(c *quiz.Card) *string { return (*string)(&c.Kind) }},
	{name: "tags", help: "topic tags", list: func(c *quiz.Card) *[]string { return &c.Tags }},
	{name: "explain", help: "why the answer is right", multiline: true, pair: func(c *quiz.Card) **quiz.Bilingual { return &c.Explain }},
	{name: "source_sentence", help: "the sentence the card comes from", text: func(c *quiz.Card) *string { return &c.SourceSentence }},

	{name: "prompt", kinds: onlyFact, help: "the question in Korean", required: true, text: func(c *quiz.Card) *string { return &c.Prompt }},
	{name: "prompt_en", kinds: onlyFact, help: "the question in English", required: true, text: func(c *quiz.Card) *string { return &c.PromptEn }},
	{name: "answer", kinds: onlyFact, help: "the answer in Korean", required: true, text: func(c *quiz.Card) *string { return &c.Answer }},
	{name: "answer_en", kinds: onlyFact, help: "the answer in English", required: true, text: func(c *quiz.Card) *string { return &c.AnswerEn }},
	{name: "accept", kinds: onlyFact, help: "other right answers in Korean", list: func(c *quiz.Card) *[]string { return &c.Accept }},
	{name: "accept_en", kinds: onlyFact, help: "other right answers in English", list: func(c *quiz.Card) *[]string { return &c.AcceptEn }},
	{name: "distractors", kinds: onlyFact, help: "wrong options in Korean", list: func(c *quiz.Card) *[]string { return &c.Distractors }},
	{name: "distractors_en", kinds: onlyFact, help: "wrong options in English", list: func(c *quiz.Card) *[]string { return &c.DistractorsEn }},

	{name: "word", kinds: onlyVocab, help: "the Korean word or expression", required: true, text: func(c *quiz.Card) *string { return &c.Word }},
	{name: "meanings", kinds: onlyVocab, help: "the English meanings", required: true, list: func(c *quiz.Card) *[]string { return &c.Meanings }},
	{name: "pos", kinds: onlyVocab, help: "the part of speech (noun, verb, ...)", required: true, text: func(c *quiz.Card) *string { return &c.POS }},
	{name: "romanization", kinds: onlyVocab, help: "the romanization", text: func(c *quiz.Card) *string { return &c.Romanization }},
	{name: "example", kinds: onlyVocab, help: "an example sentence", pair: func(c *quiz.Card) **quiz.Bilingual { return &c.Example }},

	{name: "text", kinds: onlyCloze, help: "the sentence with deletions like {{c1::답}}", required: true, text: func(c *quiz.Card) *string { return &c.Text }},
	{name: "translation", kinds: onlyCloze, help: "the sentence in English", required: true, text: func(c *quiz.Card) *string { return &c.Translation }},
}

// scope is where an object is read: the card kind ("" outside cards), the
// prefix of its field names in messages ("explain."), and whether its
// texts may hold line breaks.
type scope struct {
	kind      quiz.Kind
	prefix    string
	multiline bool
}

// fieldNodes are the value nodes of the fields of an object that were
// read without error: a handful, faster to search than a map.
type fieldNodes []fieldNode

// fieldNode is one field's name and value.
type fieldNode struct {
	name string
	val  *node
}

// get returns the value of the field called name, or nil.
func (fs fieldNodes) get(name string) *node {
	for _, f := range fs {
		if f.name == name {
			return f.val
		}
	}
	return nil
}

// readObject reads the fields of JSON object obj into t. It reports
// duplicate, unknown and missing fields and bad values, and returns the
// value node of every field that was read without error (including the
// fields left to the caller).
func readObject[T any](v *validator, obj *node, fields []field[T], t *T, sc scope) fieldNodes {
	read := make(fieldNodes, 0, len(obj.kids)/2)
	seen := make([]string, 0, len(obj.kids)/2) // a handful: faster than a map
	for i := 0; i+1 < len(obj.kids); i += 2 {
		key, val := obj.kids[i], obj.kids[i+1]
		name := keyName(v.data, key, fields)
		if slices.Contains(seen, name) {
			v.add(key.off, fmt.Sprintf("field %s is given twice: remove one", termtext.QuoteShort(sc.prefix+name, quoteMost)))
			continue
		}
		seen = append(seen, name)
		f := findField(fields, name)
		if f == nil || !f.usedBy(sc.kind) {
			v.addLazy(key.off, func() string { return unknownField(fields, name, sc) })
			continue
		}
		if readField(v, f, val, t, sc) {
			read = append(read, fieldNode{name, val})
		}
	}
	for i := range fields {
		if f := &fields[i]; f.requiredFor(sc.kind) && !slices.Contains(seen, f.name) {
			v.add(obj.off, fmt.Sprintf("missing field %q: add %s", sc.prefix+f.name, f.help))
		}
	}
	return read
}

// keyName decodes an object's key, without making a string when it is
// one of the fields' names.
func keyName[T any](data []byte, key *node, fields []field[T]) string {
	raw := data[key.off+1 : key.end-1]
	for i := range fields {
		if string(raw) == fields[i].name {
			return fields[i].name
		}
	}
	return decode(data, key)
}

// findField returns the field called name, or nil.
func findField[T any](fields []field[T], name string) *field[T] {
	for i := range fields {
		if fields[i].name == name {
			return &fields[i]
		}
	}
	return nil
}

// unknownField is the message for a field name that does not belong.
func unknownField[T any](fields []field[T], name string, sc scope) string {
	q := termtext.QuoteShort(sc.prefix+name, quoteMost)
	if f := findField(fields, name); f != nil {
		return fmt.Sprintf(`field %s is for %s cards, not %s cards: remove it or change "kind"`, q, f.kinds[0], sc.kind)
	}
	var names []string
	for i := range fields {
		if fields[i].usedBy(sc.kind) {
			names = append(names, fields[i].name)
		}
	}
	if s := closest(name, names); s != "" {
		return fmt.Sprintf("unknown field %s: did you mean %q?", q, sc.prefix+s)
	}
	return fmt.Sprintf("unknown field %s: remove it (the fields here are %s)", q, strings.Join(names, ", "))
}

// closest returns the name that name most likely misspells, or "".
func closest(name string, names []string) string {
	if len(name) > 64 {
		return ""
	}
	for _, n := range names {
		if strings.EqualFold(n, name) || strings.EqualFold(strings.ReplaceAll(n, "_", ""), strings.ReplaceAll(name, "-", "")) {
			return n
		}
	}
	for _, n := range names {
		if d := len(n) - len(name); d >= -2 && d <= 2 && editDistance(n, name) <= min(2, len(n)/3) {
			return n
		}
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// readField reads one field's value into t; it reports whether the value
// was good. Fields without a destination only have their presence noted.
func readField[T any](v *validator, f *field[T], val *node, t *T, sc scope) bool {
	label := fieldLabel{name: sc.prefix + f.name}
	multiline := f.multiline || sc.multiline
	switch {
	case f.text != nil:
		if !v.want(val, jsonString, label, "a string") {
			return false
		}
		s, ok := v.text(val, label, f.help, multiline)
		*f.text(t) = s
		return ok
	case f.list != nil:
		list, ok := v.list(val, sc.prefix+f.name, f.help, f.required, multiline)
		*f.list(t) = list
		return ok
	case f.pair != nil:
		if !v.want(val, jsonObject, label, `an object {"ko": "...", "en": "..."}`) {
			return false
		}
		b := &quiz.Bilingual{}
		n := v.sink.total()
		readObject(v, val, bilingualFields, b, scope{prefix: sc.prefix + f.name + ".", multiline: multiline})
		*f.pair(t) = b
		return v.sink.total() == n
	}
	return true
}

// fieldLabel names a field, or an item of a list field, in messages:
// `field "name"`, `item 2 of "name"`. It is made into text only for a
// message, since most fields have none.
type fieldLabel struct {
	name string // field names are plain ASCII
	item int    // 1-based; 0 for the field itself
}

// String is the label as a message shows it.
func (l fieldLabel) String() string {
	if l.item > 0 {
		return "item " + strconv.Itoa(l.item) + ` of "` + l.name + `"`
	}
	return `field "` + l.name + `"`
}

// want reports whether val is of kind, and reports an error if not.
func (v *validator) want(val *node, kind jsonKind, label fieldLabel, what string) bool {
	if val.kind != kind {
		v.add(val.off, fmt.Sprintf("%s must be %s, not %s", label, what, val.kind))
		return false
	}
	return true
}

// list reads an array of texts. A required list must not be empty.
func (v *validator) list(val *node, name, help string, required, multiline bool) ([]string, bool) {
	if !v.want(val, jsonArray, fieldLabel{name: name}, "an array of strings") {
		return nil, false
	}
	if required && len(val.kids) == 0 {
		v.add(val.off, fmt.Sprintf("field %q is empty: give %s", name, help))
		return nil, false
	}
	list, good := make([]string, 0, len(val.kids)), true
	for i, item := range val.kids {
		label := fieldLabel{name: name, item: i + 1}
		if !v.want(item, jsonString, label, "a string") {
			good = false
			continue
		}
		s, ok := v.text(item, label, help, multiline)
		good = good && ok
		list = append(list, s)
	}
	return list, good
}

// text decodes string node n and reports what a terminal or a learner must
// not get: invalid UTF-8, control characters (line breaks only where
// multiline), invisible characters, blank or overlong text. It returns the
// text in NFC.
func (v *validator) text(n *node, label fieldLabel, help string, multiline bool) (string, bool) {
	var s string
	bad, badCount, odd, oddCount := 0, 0, 0, 0
	if raw := v.data[n.off+1 : n.end-1]; bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw) {
		// Most texts have no escapes: the text is the bytes themselves.
		s = string(raw)
		for i, r := range s {
			if termtext.IsControl(r) || termtext.IsInvisible(r) {
				if oddCount++; oddCount == 1 {
					odd = n.off + 1 + i
				}
			}
		}
	} else {
		s, bad, badCount, odd, oddCount = v.unescape(n, multiline)
	}
	if badCount > 0 {
		v.add(bad, badTextMsg(v.data, bad, label.String())+andMore(badCount))
	}
	if oddCount > 0 {
		v.add(odd, oddCharMsg(v.data, odd, label.String(), multiline)+andMore(oddCount))
	}
	if badCount+oddCount == 0 && strings.TrimSpace(s) == "" {
		v.add(n.off, fmt.Sprintf("%s is empty: give %s", label, help))
		return s, false
	}
	if count := utf8.RuneCountInString(s); count > maxText {
		v.add(n.off, fmt.Sprintf("%s is %d characters long: the most is %d; shorten it", label, count, maxText))
		return s, false
	}
	return hangul.NFC(s), badCount+oddCount == 0
}

// unescape decodes string node n character by character, noting the
// first invalid byte or unpaired surrogate (bad) and the first control or
// invisible character (odd), and how many of each there are; escaped
// line breaks are allowed where multiline.
func (v *validator) unescape(n *node, multiline bool) (s string, bad, badCount, odd, oddCount int) {
	var b strings.Builder
	b.Grow(n.end - n.off)
	for i := n.off + 1; i < n.end-1; {
		r, size, ok := stringChar(v.data, i)
		switch {
		case !ok:
			if badCount++; badCount == 1 {
				bad = i
			}
		case r == '\n' && multiline && v.data[i] == '\\':
		case termtext.IsControl(r) || termtext.IsInvisible(r):
			if oddCount++; oddCount == 1 {
				odd = i
			}
		}
		b.WriteRune(r)
		i += size
	}
	return b.String(), bad, badCount, odd, oddCount
}

// andMore tells how many more problems of a kind one text has.
func andMore(count int) string {
	if count > 1 {
		return fmt.Sprintf(" (%d more in this text)", count-1)
	}
	return ""
}

// badTextMsg is the message for an invalid UTF-8 byte or an unpaired
// surrogate escape at data[i].
func badTextMsg(data []byte, i int, label string) string {
	if data[i] == '\\' {
		return fmt.Sprintf(`%s has %s, half of a surrogate pair: write the character itself`, label, data[i:i+6])
	}
	return fmt.Sprintf("%s has invalid UTF-8 (the byte 0x%02x): save the file as UTF-8", label, data[i])
}

// invisibleNames names the invisible characters most often met.
var invisibleNames = map[rune]string{
	0x00ad: "SOFT HYPHEN", 0x061c: "ARABIC LETTER MARK", 0x200b: "ZERO WIDTH SPACE",
	0x200c: "ZERO WIDTH NON-JOINER", 0x200d: "ZERO WIDTH JOINER", 0x200e: "LEFT-TO-RIGHT MARK",
	0x200f: "RIGHT-TO-LEFT MARK", 0x202a: "LEFT-TO-RIGHT EMBEDDING", 0x202b: "RIGHT-TO-LEFT EMBEDDING",
	0x202c: "POP DIRECTIONAL FORMATTING", 0x202d: "LEFT-TO-RIGHT OVERRIDE", 0x202e: "RIGHT-TO-LEFT OVERRIDE",
	0x2060: "WORD JOINER", 0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE",
	0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE", 0xfeff: "ZERO WIDTH NO-BREAK SPACE",
	0x3164: "HANGUL FILLER", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
}

// oddCharMsg is the message for the control or invisible character at
// data[i] in a string.
func oddCharMsg(data []byte, i int, label string, multiline bool) string {
	r, _, _ := stringChar(data, i)
	raw := data[i] != '\\'
	switch {
	case r == '\n' && multiline:
		return label + ` has a raw line break: inside a JSON string write it as \n`
	case r == '\n':
		return label + " has a line break: write it on one line (only explanations may have line breaks)"
	case r == '\t':
		return label + " has a tab: use a space"
	case r == 0x1b:
		return label + " has an escape character (ESC, U+001B): escape sequences are not allowed in deck text; remove it"
	case termtext.IsControl(r) && raw:
		return fmt.Sprintf("%s has the control character U+%04X: remove it (JSON needs control characters escaped, and deck text may not have them)", label, r)
	case termtext.IsControl(r):
		return fmt.Sprintf("%s has the control character U+%04X: remove it", label, r)
	}
	name := invisibleNames[r]
	if name != "" {
		name = " (" + name + ")"
	}
	return fmt.Sprintf("%s has the invisible character U+%04X%s: remove it; bidi controls and zero-width characters are not allowed in deck text", label, r, name)
}

// decode returns the text of string node n as it is in the file, invalid
// bytes as U+FFFD.
func decode(data []byte, n *node) string {
	if raw := data[n.off+1 : n.end-1]; bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw) {
		return string(raw)
	}
	var b strings.Builder
	for i := n.off + 1; i < n.end-1; {
		r, size, _ := stringChar(data, i)
		b.WriteRune(r)
		i += size
	}
	return b.String()
}

// deck checks the whole file (root) and builds the deck.
func (v *validator) deck(root *node) *quiz.Deck {
	d := &quiz.Deck{}
	if root.kind != jsonObject {
		v.add(root.off, fmt.Sprintf("a deck file holds one JSON object { ... }, not %s", root.kind))
		return d
	}
	read := readObject(v, root, deckFields, d, scope{})
	if n := read.get("format"); n != nil {
		v.format(n, d)
	}
	if n := read.get("id"); n != nil && !ValidID(d.ID) {
		v.add(n.off, fmt.Sprintf(`deck id %s is not valid: %s`, termtext.QuoteShort(d.ID, quoteMost), idRule))
	}
	if n := read.get("lang"); n != nil && !langPattern().MatchString(d.Lang) {
		v.add(n.off, fmt.Sprintf(`field "lang" is %s: give a language tag such as "ko" or "en-US"`, termtext.QuoteShort(d.Lang, quoteMost)))
	}
	if n := read.get("source"); n != nil {
		v.source(n, &d.Source)
	}
	if n := read.get("cards"); n != nil {
		v.cards(n)
	}
	return d
}

// idRule says what a deck or card id may be.
const idRule = `use 1 to 64 lower-case letters (a-z), digits, "-" and "_", starting with a letter or digit`

// format checks the "format" field.
func (v *validator) format(n *node, d *quiz.Deck) {
	if !v.want(n, jsonNumber, fieldLabel{name: "format"}, "the number 1") {
		return
	}
	if lit := string(v.data[n.off:min(n.end, n.off+20)]); lit != "1" {
		v.add(n.off, fmt.Sprintf(`field "format" is %s: this moatquiz reads format 1 decks`, lit))
		return
	}
	d.Format = quiz.FormatVersion
}

// source checks the "source" object.
func (v *validator) source(n *node, s *quiz.Source) {
	if !v.want(n, jsonObject, fieldLabel{name: "source"}, `an object {"publisher": "..."}`) {
		return
	}
	read := readObject(v, n, sourceFields, s, scope{prefix: "source."})
	if n := read.get("date"); n != nil {
		if _, err := time.Parse(time.DateOnly, s.Date); err != nil {
			v.add(n.off, fmt.Sprintf(`field "source.date" is %s: write a real date as YYYY-MM-DD, like 2023-05-20`, termtext.QuoteShort(s.Date, quoteMost)))
		}
	}
	if n := read.get("url"); n != nil {
		if u, err := url.Parse(s.URL); err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
			v.add(n.off, fmt.Sprintf(`field "source.url" is %s: give a web address starting with https://`, termtext.QuoteShort(s.URL, quoteMost)))
		}
	}
}

// cards checks the "cards" field; its items were checked as they were
// read (streamCard).
func (v *validator) cards(n *node) {
	if !v.want(n, jsonArray, fieldLabel{name: "cards"}, "an array of cards") {
		return
	}
	if v.count == 0 {
		v.add(n.off, `field "cards" is empty: add at least one card`)
	}
}

// streamCard checks the next item of "cards" and hands the card to v.each;
// the parser reuses kid's nodes afterwards.
func (v *validator) streamCard(kid *node) {
	v.count++
	v.card, v.index, v.sink = "", v.count, &v.cardErrs
	defer func() { v.card, v.index, v.sink = "", 0, &v.deckErrs }()
	if kid.kind != jsonObject {
		v.add(kid.off, fmt.Sprintf("a card must be an object { ... }, not %s", kid.kind))
		return
	}
	c := v.readCard(kid, v.ids)
	v.each(&c)
}

// readCard checks one card object; ids holds the card ids seen so far.
func (v *validator) readCard(n *node, ids map[string]int) quiz.Card {
	kind := anyKind
	if id := member(n, v.data, "id"); id != nil && id.kind == jsonString {
		v.card = decode(v.data, id)
	}
	if k := member(n, v.data, "kind"); k != nil && k.kind == jsonString {
		if s := quiz.Kind(decode(v.data, k)); s == quiz.KindFact || s == quiz.KindVocab || s == quiz.KindCloze {
			kind = s
		}
	}
	var c quiz.Card
	read := readObject(v, n, cardFields, &c, scope{kind: kind})
	if id := read.get("id"); id != nil {
		v.cardID(id, c.ID, ids)
	}
	if k := read.get("kind"); k != nil && kind == anyKind {
		v.add(k.off, fmt.Sprintf(`unknown kind %s: use "fact", "vocab" or "cloze"`, termtext.QuoteShort(string(c.Kind), quoteMost)))
	}
	if tags := read.get("tags"); tags != nil {
		v.tags(tags, c.Tags)
	}
	switch kind {
	case quiz.KindFact:
		v.options(read.get("distractors"), c.Distractors, "distractors", "answer", c.Answer, c.Accept)
		v.options(read.get("distractors_en"), c.DistractorsEn, "distractors_en", "answer_en", c.AnswerEn, c.AcceptEn)
	case quiz.KindVocab:
		if pos := read.get("pos"); pos != nil && !slices.Contains(quiz.PartsOfSpeech, c.POS) {
			v.add(pos.off, fmt.Sprintf("unknown pos %s: use one of %s", termtext.QuoteShort(c.POS, quoteMost), strings.Join(quiz.PartsOfSpeech, ", ")))
		}
	case quiz.KindCloze:
		if text := read.get("text"); text != nil {
			v.clozeText(text)
		}
	}
	return c
}

// member returns the value of the object's field called name, or nil.
func member(obj *node, data []byte, name string) *node {
	for i := 0; i+1 < len(obj.kids); i += 2 {
		if raw := data[obj.kids[i].off+1 : obj.kids[i].end-1]; string(raw) == name || bytes.IndexByte(raw, '\\') >= 0 && decode(data, obj.kids[i]) == name {
			return obj.kids[i+1]
		}
	}
	return nil
}

// ValidID reports whether s can be a deck or card id.
func ValidID(s string) bool { return idPattern().MatchString(s) }

// cardID checks a card id's form and that no earlier card has it.
func (v *validator) cardID(n *node, id string, ids map[string]int) {
	if !ValidID(id) {
		v.add(n.off, fmt.Sprintf("card id %s is not valid: %s", termtext.QuoteShort(id, quoteMost), idRule))
	}
	first, dup := ids[id]
	if !dup {
		ids[id] = n.off
		return
	}
	v.addRef(n.off, "", first, func(line int) string {
		return fmt.Sprintf("card id %s is already used by the card at line %d: give each card its own id", termtext.QuoteShort(id, quoteMost), line)
	})
}

// tags checks that each tag is one word.
func (v *validator) tags(n *node, tags []string) {
	for i, tag := range tags {
		if strings.IndexFunc(tag, unicode.IsSpace) >= 0 {
			v.add(n.kids[i].off, fmt.Sprintf(`tag %s has a space: a tag is one word (join words with "-")`, termtext.QuoteShort(tag, quoteMost)))
		}
	}
}

// options checks a list of multiple-choice distractors (node n, values
// list) against the answer and the accepted answers.
func (v *validator) options(n *node, list []string, name, answerName, answer string, accept []string) {
	if n == nil {
		return
	}
	if len(list) < 3 {
		v.add(n.off, fmt.Sprintf("field %q has %d: give at least 3 wrong options, or remove the field", name, len(list)))
	}
	answerK := answerKey(answer)
	acceptKeys := make([]string, len(accept))
	for i, a := range accept {
		acceptKeys[i] = answerKey(a)
	}
	keys := make([]string, len(list))
	for i, d := range list {
		key := answerKey(d)
		keys[i] = key
		label := func() string { return fmt.Sprintf("item %d of %q (%s)", i+1, name, termtext.QuoteShort(d, quoteMost)) }
		switch first := slices.Index(keys[:i], key); {
		case key == answerK:
			v.add(n.kids[i].off, fmt.Sprintf("%s is the answer: a wrong option must differ from %q", label(), answerName))
		case slices.Contains(acceptKeys, key):
			v.add(n.kids[i].off, fmt.Sprintf("%s is an accepted answer: a wrong option must differ from the answers in \"accept\"", label()))
		case first >= 0:
			v.add(n.kids[i].off, fmt.Sprintf("%s repeats item %d: remove one", label(), first+1))
		}
	}
}

// answerKey is the form in which two answers count as the same: case and
// runs of white space do not matter.
func answerKey(s string) string {
	if !SingleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	return strings.ToLower(s) // s itself when nothing changes
}

// SingleSpaced reports whether s is one line whose words are separated by
// single spaces (U+0020), with none at either end: text with no white
// space to tidy.
func SingleSpaced(s string) bool {
	prev := ' '
	for _, r := range s {
		if unicode.IsSpace(r) && (r != ' ' || prev == ' ') {
			return false
		}
		prev = r
	}
	return prev != ' ' || s == ""
}

// clozeText checks a cloze card's text: its syntax (errors point at the
// offending "{{" in the file), at least one deletion, and deletion numbers
// from c1 without gaps.
func (v *validator) clozeText(n *node) {
	parts, err := quiz.ParseCloze(decode(v.data, n))
	var ce *quiz.ClozeError
	if errors.As(err, &ce) {
		v.add(sourceOffset(v.data, n, ce.Offset), `bad cloze deletion in field "text": `+ce.Msg)
		return
	}
	nums := quiz.ClozeNumbers(parts)
	if len(nums) == 0 {
		v.add(n.off, `field "text" has no deletion: mark what to hide like {{c1::답}}`)
		return
	}
	slices.Sort(nums)
	for i, num := range nums {
		if num != i+1 {
			v.add(n.off, fmt.Sprintf(`field "text" has c%d but no c%d: number deletions from c1 without gaps`, num, i+1))
			return
		}
	}
}
