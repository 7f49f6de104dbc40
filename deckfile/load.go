package deckfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// MaxFileSize is the largest deck file the loader reads: 32 MiB.
const MaxFileSize = 32 << 20

// Limits that keep a hostile file from exhausting memory or the stack.
const (
	maxDepth  = 32      // nesting of JSON arrays and objects
	maxValues = 2 << 20 // JSON values in one file
	maxErrors = 100     // errors kept per file; the rest are counted
)

// Error is one problem in a deck file. Line and Col are 1-based; Col
// counts characters (Unicode code points), not bytes. Line is 0 for
// problems with the file as a whole. Card is the id of the card the problem
// is in ("" outside cards or for a card without an id), Index its 1-based
// position in "cards" (0 outside cards).
type Error struct {
	Path      string
	Line, Col int
	Card      string
	Index     int
	Msg       string
	Err       error // the underlying I/O error, if any
}

// Error formats e as `path:line:col: card "id": message`, leaving out the
// parts that do not apply. Text from the file is quoted and shortened, so
// the result is safe to print to a terminal.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(termtext.QuoteIfUnsafe(e.Path))
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	b.WriteString(": ")
	switch {
	case e.Card != "":
		fmt.Fprintf(&b, "card %s: ", termtext.QuoteShort(e.Card, quoteMost))
	case e.Index > 0:
		fmt.Fprintf(&b, "card #%d: ", e.Index)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the underlying I/O error, if any.
func (e *Error) Unwrap() error { return e.Err }

// ErrorList is every problem found in one deck file, in file order.
type ErrorList []*Error

// Error returns the errors one per line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// LoadFile reads and validates the deck file at path; see [Load]. It
// refuses files over [MaxFileSize] without reading them. Every error it
// returns is an [ErrorList].
func LoadFile(path string) (*quiz.Deck, error) {
	var cards []quiz.Card
	d, err := ScanFile(path, func(c *quiz.Card) { cards = append(cards, *c) })
	if err != nil {
		return nil, err
	}
	d.Cards = cards
	return d, nil
}

// ScanFile is [LoadFile] for a caller that needs each card only once, such
// as `moatquiz check`: each is called with every card as it is read, and
// the deck returned has no cards, so memory does not grow with the deck
// beyond the file's bytes. The cards seen are valid only when ScanFile
// returns no error.
func ScanFile(path string, each func(*quiz.Card)) (*quiz.Deck, error) {
	data, err := readDeckFile(path)
	if err != nil {
		return nil, err
	}
	return scan(path, data, each, nil)
}

// readDeckFile reads the deck file at path into a buffer of its size.
func readDeckFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, ioError(path, "cannot open the deck", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, ioError(path, "cannot read the deck", err)
	}
	if info.IsDir() {
		return nil, ErrorList{{Path: path, Msg: "is a directory, not a deck file"}}
	}
	if info.Mode().IsRegular() && info.Size() > MaxFileSize {
		return nil, tooBig(path, info.Size())
	}
	buf := bytes.NewBuffer(make([]byte, 0, min(info.Size(), MaxFileSize)+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, ioError(path, "cannot read the deck", err)
	}
	return buf.Bytes(), nil
}

// Load parses and validates a deck file's bytes. name says where they come
// from (a path, or "builtin:article.json") and starts every message.
//
// The loader is strict: invalid JSON or UTF-8, unknown, duplicate or
// missing fields, wrong types, empty text, control characters, escape
// sequences and invisible characters in text, bad ids, duplicate card ids,
// bad cloze deletions, bad distractors and files over [MaxFileSize] are all
// errors. All errors of a file are returned at once as an [ErrorList] (a
// JSON syntax error stops the reading, so it comes alone). On success every
// text is in Unicode NFC, Path is name, and the deck has at least one card.
func Load(name string, data []byte) (*quiz.Deck, error) {
	return LoadProgress(name, data, nil)
}

// LoadProgress is [Load] for a caller that shows how far a large deck's
// reading has got: read, when not nil, is called after each card with
// how many of data's bytes are read.
func LoadProgress(name string, data []byte, read func(n int)) (*quiz.Deck, error) {
	var cards []quiz.Card
	d, err := scan(name, data, func(c *quiz.Card) { cards = append(cards, *c) }, read)
	if err != nil {
		return nil, err
	}
	d.Cards = cards
	return d, nil
}

// scan parses and validates a deck file's bytes, handing each card to
// each as soon as it is read: only one card's JSON values are held at a
// time, and to read, when not nil, the bytes read so far. The deck
// returned has no cards.
func scan(name string, data []byte, each func(*quiz.Card), read func(int)) (*quiz.Deck, error) {
	if len(data) > MaxFileSize {
		return nil, tooBig(name, int64(len(data)))
	}
	v := newValidator(name, data, each)
	p := &parser{data: data, each: v.streamCard}
	if read != nil {
		p.each = func(n *node) { v.streamCard(n); read(p.pos) }
	}
	root := p.document()
	if p.err != nil {
		return nil, v.syntaxError(p.errOff, p.err.Error())
	}
	d := v.deck(root)
	if v.failed() {
		return nil, v.errorList()
	}
	d.Path = name
	return d, nil
}

// Encode writes d to w in the deck format, compact with one card a line,
// and checks what it writes exactly as [Load] would read it: each card as
// it is written, then the deck's own fields, holding one card's bytes at
// a time. Each card of d is replaced in place by the card as Load reads
// it back (in NFC), so that a large deck is never held twice; on success
// the rest of d becomes Load's deck too (Path is name), and [Write]
// writes it again in the same bytes (in NFC). Otherwise Encode returns Load's
// errors for the bytes written (found again with the whole file in
// memory, for their positions), and w holds part of a deck.
func Encode(w io.Writer, name string, d *quiz.Deck) error {
	err := encode(w, nil, name, d)
	if errors.Is(err, errPositions) {
		var whole bytes.Buffer
		err = encode(&whole, &whole, name, d)
	}
	return err
}

// errPositions says that a deck has errors whose positions need the
// bytes of every card before them.
var errPositions = errors.New("errors to place")

// encode is Encode writing to w; whole, when set, is w, and holds every
// byte written so far, so that errors get their positions (else encode
// returns errPositions at the first error).
func encode(w io.Writer, whole *bytes.Buffer, name string, d *quiz.Deck) error {
	at := 0 // the card being checked
	v := newValidator(name, nil, func(c *quiz.Card) { d.Cards[at] = *c })
	v.ids = make(map[string]int, len(d.Cards))
	p := &parser{}
	size, err := writeDeck(w, d, func(i, start int, line []byte) error {
		at, p.data, p.pos = i, line, 0
		if whole != nil {
			p.data, p.pos = whole.Bytes(), start
		}
		v.data = p.data
		p.item(2, v.streamCard) // depth 2: in the root, in "cards"
		switch {
		case p.err != nil && whole == nil, v.failed() && whole == nil:
			return errPositions
		case p.err != nil:
			return v.syntaxError(p.errOff, p.err.Error())
		}
		return nil
	})
	if err != nil {
		return err
	}
	if size > MaxFileSize {
		return tooBig(name, int64(size))
	}
	// The deck's own fields: the head closed after its cards were checked.
	head, err := deckHead(d)
	if err != nil {
		return err
	}
	p = &parser{data: append(head, "]}"...)}
	root := p.document()
	switch {
	case p.err != nil && whole == nil:
		return errPositions
	case p.err != nil:
		return v.syntaxError(p.errOff, p.err.Error())
	}
	v.data = p.data
	loaded := v.deck(root)
	switch {
	case v.failed() && whole == nil:
		return errPositions
	case v.failed():
		v.data = whole.Bytes()
		return v.errorList()
	}
	loaded.Cards, loaded.Path = d.Cards, name
	*d = *loaded
	return nil
}

// Write writes deck d, as [Encode] left it, to w: the bytes Encode wrote,
// in NFC.
func Write(w io.Writer, d *quiz.Deck) error {
	_, err := writeDeck(w, d, nil)
	return err
}

// writeDeck writes d in the deck format to w, compact with one card a
// line, and returns its size. It calls check, when set, with each card's
// index, the offset of its first byte and its bytes, once they are
// written; past MaxFileSize it only counts the rest.
func writeDeck(w io.Writer, d *quiz.Deck, check func(i, start int, line []byte) error) (int, error) {
	head, err := deckHead(d)
	if err != nil {
		return 0, err
	}
	out := &sizeWriter{w: w}
	out.Write(append(head, '\n'))
	var card bytes.Buffer
	enc := newEncoder(&card)
	for i := range d.Cards {
		card.Reset()
		if err := enc.Encode(&d.Cards[i]); err != nil {
			return 0, err
		}
		if i > 0 {
			out.Write([]byte(",\n"))
		}
		start, line := out.n, bytes.TrimSuffix(card.Bytes(), []byte("\n"))
		out.Write(line)
		if out.err != nil {
			return 0, out.err
		}
		if check != nil && out.n <= MaxFileSize {
			if err := check(i, start, line); err != nil {
				return 0, err
			}
		}
	}
	out.Write([]byte("\n]}\n"))
	return out.n, out.err
}

// sizeWriter counts the bytes written to w, and keeps its first error;
// past MaxFileSize it only counts.
type sizeWriter struct {
	w   io.Writer
	n   int
	err error
}

func (s *sizeWriter) Write(b []byte) (int, error) {
	if s.err == nil && s.n+len(b) <= MaxFileSize {
		_, s.err = s.w.Write(b)
	}
	s.n += len(b)
	return len(b), nil
}

// deckHead is d in JSON up to the opening bracket of its cards.
func deckHead(d *quiz.Deck) ([]byte, error) {
	head := *d
	head.Cards = []quiz.Card{}
	var b bytes.Buffer
	if err := newEncoder(&b).Encode(&head); err != nil {
		return nil, err
	}
	data := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	if !bytes.HasSuffix(data, []byte(`"cards":[]}`)) {
		return nil, errors.New(`the deck's JSON does not end with its "cards"`)
	}
	return data[:len(data)-2], nil
}

// newEncoder returns a JSON encoder onto w that writes compact JSON, a
// value a line, with "<", ">" and "&" as they are.
func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// ioError is the ErrorList for an I/O error on path.
func ioError(path, what string, err error) ErrorList {
	var pe *fs.PathError
	msg := err.Error()
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	return ErrorList{{Path: path, Msg: what + ": " + msg, Err: err}}
}

// ErrTooBig is wrapped by the error for a deck file over [MaxFileSize].
var ErrTooBig = errors.New("the deck file is too big")

// tooBig is the ErrorList for a file of size bytes over MaxFileSize.
func tooBig(path string, size int64) ErrorList {
	return ErrorList{{Path: path, Err: ErrTooBig, Msg: fmt.Sprintf(
		"the file is %.1f MiB: deck files are limited to %d MiB; split the deck", float64(size)/(1<<20), MaxFileSize>>20)}}
}

// position is a 1-based line and column (in code points).
type position struct{ line, col int }

// positions finds the line and column of each byte offset in data in one
// pass. A leading byte order mark does not count as a column.
func positions(data []byte, offs []int) map[int]position {
	sorted := append([]int(nil), offs...)
	sort.Ints(sorted)
	pos := make(map[int]position, len(sorted))
	i, at := 0, position{1, 1}
	if len(data) >= 3 && string(data[:3]) == bom {
		i = 3
	}
	for _, off := range sorted {
		for i < off && i < len(data) {
			if data[i] == '\n' {
				at = position{at.line + 1, 1}
				i++
				continue
			}
			_, n := utf8.DecodeRune(data[i:])
			i += n
			at.col++
		}
		pos[off] = at
	}
	return pos
}

// bom is the UTF-8 byte order mark, which the loader skips at the start.
const bom = "\xef\xbb\xbf"

// jsonKind is the type of a JSON value.
type jsonKind uint8

// The JSON value types.
const (
	jsonNull jsonKind = iota + 1
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

// String names the type as a message would: "a string", "an object".
func (k jsonKind) String() string {
	return [...]string{"nothing", "null", "true or false", "a number", "a string", "an array", "an object"}[k]
}

// node is a JSON value and where it is in the file: data[off:end]. An
// array's kids are its elements; an object's kids are its keys (string
// nodes) and values, alternating. Strings are decoded only when read.
type node struct {
	kind     jsonKind
	off, end int
	kids     []*node
}

// syntaxError is a JSON syntax error.
type syntaxError struct{ msg string }

func (e *syntaxError) Error() string { return "invalid JSON: " + e.msg }

// parser reads JSON into a tree of nodes, strictly (RFC 8259) except that
// it leaves the content of strings (control characters, invalid UTF-8) to
// be judged when they are decoded, so that those errors can name the field.
//
// The items of the root object's "cards" arrays are not kept in the tree:
// each item of the first is handed to each as soon as it is parsed (its
// nodes are then reused, so each must not keep them), and the items of
// any later one are dropped, so a large deck never has more than one
// card's nodes at a time.
type parser struct {
	data    []byte
	slab    []node // where new nodes are made
	pos     int
	values  int
	err     error
	errOff  int
	each    func(*node) // takes the items of the first root "cards" array
	stream  func(*node) // set for the value about to be parsed: takes its items if it is an array
	scratch []node      // where the nodes of a streamed item are made
	cards   bool        // the root's "cards" field was met
}

// slabSize is how many nodes the parser allocates at once: a deck has
// tens of values per card, and one allocation per value is most of the
// cost of loading a large deck.
const slabSize = 1024

// newNode returns a new node of kind starting at off.
func (p *parser) newNode(kind jsonKind, off int) *node {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]node, 0, slabSize)
	}
	p.slab = append(p.slab, node{kind: kind, off: off})
	return &p.slab[len(p.slab)-1]
}

// fail records the first syntax error, at offset off.
func (p *parser) fail(off int, format string, args ...any) {
	if p.err == nil {
		p.err, p.errOff = &syntaxError{fmt.Sprintf(format, args...)}, off
	}
}

// document parses the whole file: one value, then only white space.
func (p *parser) document() *node {
	if len(p.data) >= 3 && string(p.data[:3]) == bom {
		p.pos = 3
	}
	p.space()
	if p.pos == len(p.data) {
		p.fail(0, "the file is empty: a deck is a JSON object { ... }")
		return nil
	}
	n := p.value(0)
	if p.err != nil {
		return nil
	}
	p.space()
	if p.pos < len(p.data) {
		p.fail(p.pos, "%s after the end of the deck's object: remove it", describeByte(p.data, p.pos))
	}
	return n
}

// space skips JSON white space.
func (p *parser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// value parses one JSON value at p.pos.
func (p *parser) value(depth int) *node {
	stream := p.stream // for this value only
	p.stream = nil
	p.space()
	if p.pos == len(p.data) {
		p.fail(p.pos, "the file ends in the middle of the JSON: something is cut off or a bracket is missing")
		return nil
	}
	if p.values++; p.values > maxValues {
		p.fail(p.pos, "more than %d JSON values: split the deck", maxValues)
		return nil
	}
	if depth > maxDepth {
		p.fail(p.pos, "arrays and objects nested more than %d deep", maxDepth)
		return nil
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth, stream)
	case c == '"':
		return p.str()
	case c == 't':
		return p.literal("true", jsonBool)
	case c == 'f':
		return p.literal("false", jsonBool)
	case c == 'n':
		return p.literal("null", jsonNull)
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	p.fail(p.pos, "%s where a value should be", describeByte(p.data, p.pos))
	return nil
}

// object parses an object; p.pos is at its "{".
func (p *parser) object(depth int) *node {
	n := p.newNode(jsonObject, p.pos)
	p.pos++
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		n.end = p.pos
		return n
	}
	for {
		p.space()
		if p.pos == len(p.data) || p.data[p.pos] != '"' {
			p.expected(p.pos, `a field name in double quotes`)
			return nil
		}
		key := p.str()
		if p.err != nil {
			return nil
		}
		p.space()
		if p.pos == len(p.data) || p.data[p.pos] != ':' {
			p.expected(p.pos, `":" after the field name`)
			return nil
		}
		p.pos++
		if depth == 0 && p.each != nil && decode(p.data, key) == "cards" {
			p.streamCards()
		}
		val := p.value(depth + 1)
		if p.err != nil {
			return nil
		}
		n.kids = append(n.kids, key, val)
		if !p.next('}', "field") {
			return nil
		}
		if p.data[p.pos-1] == '}' {
			n.end = p.pos
			return n
		}
	}
}

// streamCards sets what happens to the items of a root "cards" array:
// the first's go to p.each, a later one's are dropped.
func (p *parser) streamCards() {
	p.stream = p.each
	if p.cards {
		p.stream = func(*node) {}
	}
	p.cards = true
}

// array parses an array; p.pos is at its "[". With stream set, the
// items go to stream instead of the array's kids.
func (p *parser) array(depth int, stream func(*node)) *node {
	n := p.newNode(jsonArray, p.pos)
	p.pos++
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		n.end = p.pos
		return n
	}
	for {
		val := p.item(depth+1, stream)
		if p.err != nil {
			return nil
		}
		if stream == nil {
			n.kids = append(n.kids, val)
		}
		if !p.next(']', "item") {
			return nil
		}
		if p.data[p.pos-1] == ']' {
			n.end = p.pos
			return n
		}
	}
}

// item parses an array item; with stream set, its nodes are made in
// p.scratch and it goes to stream, which must not keep them.
func (p *parser) item(depth int, stream func(*node)) *node {
	if stream == nil {
		return p.value(depth)
	}
	outer := p.slab
	p.slab = p.scratch[:0]
	val := p.value(depth)
	if p.err == nil {
		stream(val)
	}
	p.scratch, p.slab = p.slab, outer
	return nil
}

// next reads the "," or closing bracket after an array item or object
// field, and rejects a trailing comma.
func (p *parser) next(closing byte, what string) bool {
	end := p.pos
	p.space()
	if p.pos == len(p.data) || p.data[p.pos] != ',' && p.data[p.pos] != closing {
		p.expected(end, fmt.Sprintf(`"," or "%c" after the %s (a comma missing?)`, closing, what))
		return false
	}
	p.pos++
	if p.data[p.pos-1] == ',' {
		comma := p.pos - 1
		p.space()
		if p.pos < len(p.data) && (p.data[p.pos] == '}' || p.data[p.pos] == ']') {
			p.fail(comma, "a comma before %q: JSON allows no trailing comma; remove it", p.data[p.pos])
			return false
		}
	}
	return true
}

// expected records that what should be at offset at, before what is at
// p.pos.
func (p *parser) expected(at int, what string) {
	if p.pos == len(p.data) {
		p.fail(p.pos, "the file ends where %s should be: something is cut off", what)
		return
	}
	p.fail(at, "expected %s, found %s", what, describeByte(p.data, p.pos))
}

// literal parses true, false or null.
func (p *parser) literal(word string, kind jsonKind) *node {
	if !strings.HasPrefix(string(p.data[p.pos:min(len(p.data), p.pos+len(word))]), word) {
		p.fail(p.pos, "%s where a value should be (strings need double quotes)", describeByte(p.data, p.pos))
		return nil
	}
	n := p.newNode(kind, p.pos)
	n.end = p.pos + len(word)
	p.pos = n.end
	return n
}

// number parses a JSON number.
func (p *parser) number() *node {
	n := p.newNode(jsonNumber, p.pos)
	if p.data[p.pos] == '-' {
		p.pos++
	}
	switch {
	case p.pos < len(p.data) && p.data[p.pos] == '0':
		p.pos++
	case !p.digits():
		p.fail(n.off, "a number needs digits")
		return nil
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if !p.digits() {
			p.fail(n.off, "a number needs digits after its decimal point")
			return nil
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if !p.digits() {
			p.fail(n.off, "a number needs digits in its exponent")
			return nil
		}
	}
	n.end = p.pos
	return n
}

// digits skips decimal digits and reports whether there was one.
func (p *parser) digits() bool {
	start := p.pos
	for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
		p.pos++
	}
	return p.pos > start
}

// str finds the end of a string; p.pos is at its opening quote. It checks
// escapes; the characters themselves are checked when decoded.
func (p *parser) str() *node {
	n := p.newNode(jsonString, p.pos)
	i := p.pos + 1
	for i < len(p.data) && p.data[i] != '"' {
		if p.data[i] != '\\' {
			i++
			continue
		}
		size, msg := escapeSize(p.data, i)
		if msg != "" {
			p.fail(i, "%s", msg)
			return nil
		}
		i += size
	}
	if i == len(p.data) {
		p.fail(n.off, `this string is never closed: end it with a double quote (")`)
		return nil
	}
	n.end = i + 1
	p.pos = n.end
	return n
}

// escapeSize checks the escape at data[i] ("\") and returns its length, or
// a message saying what is wrong with it.
func escapeSize(data []byte, i int) (int, string) {
	if i+1 == len(data) {
		return 0, `the file ends inside an escape ("\")`
	}
	switch data[i+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2, ""
	case 'u':
		if _, ok := hex4(data, i+2); !ok {
			return 0, `"\u" must be followed by four hex digits, as in \u00e9`
		}
		return 6, ""
	}
	return 0, fmt.Sprintf(`unknown escape "\%s": JSON knows \" \\ \/ \b \f \n \r \t and \uXXXX; write a backslash as \\`,
		describeRune(data, i+1))
}

// hex4 reads four hex digits at data[i].
func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(data[i:i+4]), 16, 16)
	return rune(v), err == nil
}

// stringChar decodes the character at data[i] inside a string already
// checked by the parser (i is not at the closing quote). It returns the
// character, its length in the file, and ok == false for an invalid UTF-8
// byte or an unpaired surrogate escape, which decode as U+FFFD.
func stringChar(data []byte, i int) (r rune, size int, ok bool) {
	if data[i] != '\\' {
		r, size = utf8.DecodeRune(data[i:])
		return r, size, r != utf8.RuneError || size > 1
	}
	switch c := data[i+1]; c {
	case 'b':
		return '\b', 2, true
	case 'f':
		return '\f', 2, true
	case 'n':
		return '\n', 2, true
	case 'r':
		return '\r', 2, true
	case 't':
		return '\t', 2, true
	case 'u':
		return unicodeEscape(data, i)
	default:
		return rune(c), 2, true
	}
}

// unicodeEscape decodes \uXXXX at data[i], or a surrogate pair of two.
func unicodeEscape(data []byte, i int) (rune, int, bool) {
	r, _ := hex4(data, i+2)
	if !utf16IsSurrogate(r) {
		return r, 6, true
	}
	if r < 0xdc00 && i+12 <= len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
		if lo, ok := hex4(data, i+8); ok && lo >= 0xdc00 && lo <= 0xdfff {
			return 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00), 12, true
		}
	}
	return utf8.RuneError, 6, false
}

// utf16IsSurrogate reports whether r is a UTF-16 surrogate code unit.
func utf16IsSurrogate(r rune) bool { return r >= 0xd800 && r <= 0xdfff }

// sourceOffset returns the file offset of the byte at offset dec in the
// decoded text of string node n (clamped to the string's end).
func sourceOffset(data []byte, n *node, dec int) int {
	i, out := n.off+1, 0
	for i < n.end-1 && out < dec {
		r, size, _ := stringChar(data, i)
		out += utf8.RuneLen(r)
		i += size
	}
	return i
}

// describeByte shows the character at data[i] in a message.
func describeByte(data []byte, i int) string {
	r, _ := utf8.DecodeRune(data[i:])
	switch {
	case r == utf8.RuneError:
		return fmt.Sprintf("the byte 0x%02x (the file is not valid UTF-8)", data[i])
	case r == '“' || r == '”' || r == '‘' || r == '’':
		return fmt.Sprintf(`"%c" (a curly quote: JSON needs straight double quotes)`, r)
	}
	return "\"" + describeRune(data, i) + "\""
}

// describeRune shows the character at data[i] for use inside quotes.
func describeRune(data []byte, i int) string {
	r, _ := utf8.DecodeRune(data[i:])
	q := termtext.Quote(string(r))
	return q[1 : len(q)-1]
}

// quoteMost is how many characters of text from a file a message quotes.
const quoteMost = 40
