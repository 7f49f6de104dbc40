// Package search is moatquiz's card query language, as learners know it
// from Anki's browser (plain words, deck:, tag:, kind:, is:, prop:, or,
// -, parentheses, quoted phrases), and text matching that knows Korean:
// 초성 (ㅎㅈ finds 해자), romanization (haeja), jamo-tolerant matches (헤자
// finds 해자, ranked below), NFD input. Parse a query once, then Match it
// against each Card; docs/browse.md is the learner's guide.
package search

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed query. The zero Query (and Parse("")) matches every
// card.
type Query struct {
	root node
	src  string
}

// String is the query as it was given.
func (q *Query) String() string { return q.src }

// SyntaxError is a query that cannot be read: where and what was
// expected.
type SyntaxError struct {
	Offset int    // byte offset in the query
	Column int    // 1-based column, in characters
	Msg    string // what is wrong and what was expected
}

// Position is the column the error is at, 1-based, in characters: where
// a screen points to.
func (e *SyntaxError) Position() int { return e.Column }

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("query column %d: %s", e.Column, e.Msg)
}

// node is a part of a query.
type node interface {
	// match reports whether c matches, and how well: 0 is best (an exact
	// match of every word), higher ranks are looser text matches.
	match(c *Card) (rank int, ok bool)
}

// Parse reads a query. Words separated by spaces must all match; "or"
// between two parts matches either; "-" before a part negates it;
// parentheses group. A word is text to find, or a filter: deck:ID,
// tag:NAME, kind:vocab|fact|cloze, is:new|learning|review|due|suspended|leech|buried,
// flag:0-4,
// prop:NAME<N (NAME one of due, ivl, lapses, reps, difficulty, stability;
// "prop:" may be left out; operators < <= > >= = !=). A filter's value may
// end in * to match any rest.
func Parse(s string) (*Query, error) {
	p := &parser{src: s}
	p.next()
	q := &Query{src: s}
	if p.tok.kind == tokEOF {
		return q, nil
	}
	root, err := p.expr()
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tokEOF { // only a stray ')' stops expr early
		return nil, p.errorf(p.tok.pos, "unexpected ')': no '(' opens it")
	}
	q.root = root
	return q, nil
}

// Match reports whether c matches the query, and its rank: lower ranks
// match better (exact text before 초성, romanization and near matches).
func (q *Query) Match(c *Card) (rank int, ok bool) {
	if q == nil || q.root == nil {
		return 0, true
	}
	return q.root.match(c)
}

type tokKind int

const (
	tokEOF tokKind = iota
	tokWord
	tokPhrase // a quoted phrase: text only
	tokOr
	tokNot
	tokOpen
	tokClose
)

type token struct {
	kind tokKind
	text string
	pos  int
}

// parser is a recursive descent parser over a one-token lookahead.
type parser struct {
	src string
	at  int
	tok token
	err *SyntaxError // a lexing error, reported when the token is used
}

func (p *parser) errorf(pos int, format string, args ...any) *SyntaxError {
	return &SyntaxError{Offset: pos, Column: utf8.RuneCountInString(p.src[:pos]) + 1, Msg: fmt.Sprintf(format, args...)}
}

// next reads the next token into p.tok.
func (p *parser) next() {
	for p.at < len(p.src) {
		r, n := utf8.DecodeRuneInString(p.src[p.at:])
		if !unicode.IsSpace(r) {
			break
		}
		p.at += n
	}
	start := p.at
	if p.at >= len(p.src) {
		p.tok = token{kind: tokEOF, pos: start}
		return
	}
	switch c := p.src[p.at]; c {
	case '(', ')':
		p.at++
		p.tok = token{kind: map[byte]tokKind{'(': tokOpen, ')': tokClose}[c], pos: start}
		return
	case '-':
		p.at++
		p.tok = token{kind: tokNot, pos: start}
		return
	case '"':
		p.tok = p.quoted(start)
		return
	}
	p.tok = p.word(start)
}

// quoted reads a phrase in double quotes starting at start.
func (p *parser) quoted(start int) token {
	end := strings.IndexByte(p.src[start+1:], '"')
	if end < 0 {
		p.err = p.errorf(start, `this quote is not closed: expected a closing '"'`)
		p.at = len(p.src)
		return token{kind: tokPhrase, pos: start}
	}
	p.at = start + 1 + end + 1
	return token{kind: tokPhrase, text: p.src[start+1 : start+1+end], pos: start}
}

// word reads a word: up to a space or parenthesis; a quoted part (as in
// deck:"my deck") may hold spaces.
func (p *parser) word(start int) token {
	var b strings.Builder
	for p.at < len(p.src) {
		r, n := utf8.DecodeRuneInString(p.src[p.at:])
		if unicode.IsSpace(r) || r == '(' || r == ')' {
			break
		}
		if r == '"' {
			end := strings.IndexByte(p.src[p.at+1:], '"')
			if end < 0 {
				p.err = p.errorf(p.at, `this quote is not closed: expected a closing '"'`)
				p.at = len(p.src)
				break
			}
			b.WriteString(p.src[p.at+1 : p.at+1+end])
			p.at += end + 2
			continue
		}
		b.WriteRune(r)
		p.at += n
	}
	if w := b.String(); strings.EqualFold(w, "or") && p.src[start] != '"' {
		return token{kind: tokOr, text: w, pos: start}
	}
	return token{kind: tokWord, text: b.String(), pos: start}
}

// expr is and-parts joined by "or".
func (p *parser) expr() (node, error) {
	left, err := p.and()
	if err != nil {
		return nil, err
	}
	parts := orNode{left}
	for p.tok.kind == tokOr {
		p.next()
		right, err := p.and()
		if err != nil {
			return nil, err
		}
		parts = append(parts, right)
	}
	if len(parts) == 1 {
		return left, nil
	}
	return parts, nil
}

// and is one or more unary parts side by side.
func (p *parser) and() (node, error) {
	var parts andNode
	for {
		switch p.tok.kind {
		case tokEOF, tokClose, tokOr:
			if len(parts) == 0 {
				return nil, p.expected()
			}
			if len(parts) == 1 {
				return parts[0], nil
			}
			return parts, nil
		}
		n, err := p.unary()
		if err != nil {
			return nil, err
		}
		parts = append(parts, n)
	}
}

// expected is the error of a missing search term at the current token.
func (p *parser) expected() *SyntaxError {
	switch p.tok.kind {
	case tokOr:
		return p.errorf(p.tok.pos, "expected a search term before 'or'")
	case tokClose:
		return p.errorf(p.tok.pos, "expected a search term before ')'")
	}
	return p.errorf(p.tok.pos, "expected a search term at the end")
}

// unary is a negated part, a group in parentheses, or a term.
func (p *parser) unary() (node, error) {
	if p.err != nil {
		return nil, p.err
	}
	t := p.tok
	switch t.kind {
	case tokNot:
		p.next()
		if p.tok.kind == tokEOF || p.tok.kind == tokOr || p.tok.kind == tokClose {
			return nil, p.errorf(t.pos, "expected a search term after '-'")
		}
		n, err := p.unary()
		if err != nil {
			return nil, err
		}
		return notNode{n}, nil
	case tokOpen:
		p.next()
		n, err := p.expr()
		if err != nil {
			return nil, err
		}
		if p.tok.kind != tokClose {
			return nil, p.errorf(t.pos, "this '(' is not closed: expected ')'")
		}
		p.next()
		return n, nil
	case tokPhrase:
		p.next()
		return newText(t.text), nil
	}
	p.next()
	return p.term(t)
}

// term is a word: a filter or text to find.
func (p *parser) term(t token) (node, error) {
	if n, ok, err := p.prop(t, t.text); ok || err != nil {
		return n, err
	}
	field, value, ok := strings.Cut(t.text, ":")
	if !ok || !isFieldName(field) {
		return newText(t.text), nil
	}
	vpos := t.pos + len(field) + 1
	switch strings.ToLower(field) {
	case "deck":
		return deckNode{pattern(value)}, p.need(value, vpos, "a deck id after deck:")
	case "tag":
		return tagNode{pattern(value)}, p.need(value, vpos, "a tag after tag:")
	case "kind":
		return p.choice(value, vpos, "kind", kinds)
	case "is":
		return p.choice(value, vpos, "is", states)
	case "flag":
		return p.choice(value, vpos, "flag", flags)
	case "prop":
		if n, ok, err := p.prop(token{pos: vpos}, value); ok || err != nil {
			return n, err
		}
		return nil, p.errorf(vpos, "expected a property and a comparison after prop: (like prop:due<3): one of %s", strings.Join(propNames, ", "))
	}
	return nil, p.errorf(t.pos, "unknown filter %q: expected deck:, tag:, kind:, is:, flag: or prop: (put the word in quotes to search for it)", field+":")
}

// isFieldName reports whether s looks like a filter's name (letters
// only), so that "http://x" or "10:30" with digits... still read as text
// when quoted.
func isFieldName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// need returns an error when a filter's value is empty.
func (p *parser) need(value string, pos int, what string) error {
	if value == "" {
		return p.errorf(pos, "expected %s", what)
	}
	return nil
}

// choice reads the value of a filter that takes one of a few words.
func (p *parser) choice(value string, pos int, field string, known map[string]node) (node, error) {
	if n, ok := known[strings.ToLower(value)]; ok {
		return n, nil
	}
	return nil, p.errorf(pos, "expected %s:%s", field, strings.Join(sortedKeys(known), "|"))
}

// prop reads a comparison NAME OP NUMBER from s (at t.pos); ok is false
// when s does not start with a property name and an operator.
func (p *parser) prop(t token, s string) (node, bool, error) {
	for _, name := range propNames {
		rest, found := strings.CutPrefix(strings.ToLower(s), name)
		if !found || rest == "" || !strings.ContainsRune("<>=!", rune(rest[0])) {
			continue
		}
		op := ""
		for _, o := range []string{"<=", ">=", "!=", "<", ">", "="} {
			if strings.HasPrefix(rest, o) {
				op = o
				break
			}
		}
		pos := t.pos + len(name)
		if op == "" {
			return nil, true, p.errorf(pos, "expected one of < <= > >= = != after %s", name)
		}
		num := rest[len(op):]
		v, err := strconv.ParseFloat(num, 64)
		if err != nil || num == "" || strings.ContainsAny(num, "nNiI") {
			return nil, true, p.errorf(pos+len(op), "expected a number after %s%s", name, op)
		}
		return propNode{name: name, op: op, v: v}, true, nil
	}
	return nil, false, nil
}
