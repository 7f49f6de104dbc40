package config

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/moatquiz/moatquiz/termtext"
	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// Error is one problem in a config file.
type Error struct {
	Path      string // the file
	Line, Col int    // 1-based; 0 when unknown
	Key       string // the key, "" when the problem is not a key's
	Msg       string // what is wrong and what is allowed
}

// Error formats the problem as "path:line:col: key: msg".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(termtext.QuoteIfUnsafe(e.Key) + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is every problem of a config file, in file order.
type ErrorList []*Error

// Error lists the problems, one a line.
func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// decodeErrors turns go-toml's errors into an ErrorList, with the allowed
// values of known keys in place of go-toml's Go-typed messages.
func decodeErrors(path string, err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		var l ErrorList
		for i := range strict.Errors {
			e := &strict.Errors[i]
			line, col := e.Position()
			l = append(l, &Error{Path: path, Line: line, Col: col, Key: strings.Join(e.Key(), "."),
				Msg: "unknown key; the keys are " + keyNames()})
		}
		return l
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		name := strings.Join(de.Key(), ".")
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if want := wantOf(name); want != "" && typeError(msg) {
			msg = "must be " + want
		}
		return ErrorList{{Path: path, Line: line, Col: col, Key: name, Msg: termtext.QuoteIfUnsafe(msg)}}
	}
	return ErrorList{{Path: path, Msg: err.Error()}}
}

// typeError reports whether go-toml's message is about a value of the
// wrong type or size, rather than TOML syntax.
func typeError(msg string) bool {
	return strings.HasPrefix(msg, "cannot decode") || strings.Contains(msg, "too large") ||
		strings.Contains(msg, "out of range")
}

// keyLines maps each top-level key ("a.b" for a dotted one) to its line.
func keyLines(data []byte) map[string]int {
	lines := map[string]int{}
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind != unstable.KeyValue {
			continue
		}
		var parts []string
		line := 0
		for it := e.Key(); it.Next(); {
			n := it.Node()
			if line == 0 {
				line = p.Shape(n.Raw).Start.Line
			}
			parts = append(parts, string(n.Data))
		}
		lines[strings.Join(parts, ".")] = line
	}
	return lines
}

// sortByLine orders the errors as they occur in the file.
func sortByLine(l ErrorList) {
	slices.SortStableFunc(l, func(a, b *Error) int { return cmp.Compare(a.Line, b.Line) })
}
