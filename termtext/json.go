package termtext

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// EscapeJSON rewrites the control and invisible characters (C1 controls,
// bidi overrides, zero-width characters) that encoding/json leaves as
// they are into \u escapes, keeping newlines: the JSON means the same,
// and a terminal shown it cannot be steered by the text in it. Such
// characters can only occur inside JSON strings, where the escape is
// valid. It returns b itself when there is nothing to rewrite.
func EscapeJSON(b []byte) []byte {
	if bytes.IndexFunc(b, hidden) < 0 {
		return b
	}
	var out bytes.Buffer
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case !hidden(r):
			out.Write(b[:n])
		case r > 0xFFFF: // a surrogate pair
			hi, lo := utf16.EncodeRune(r)
			fmt.Fprintf(&out, `\u%04x\u%04x`, hi, lo)
		default:
			fmt.Fprintf(&out, `\u%04x`, r)
		}
		b = b[n:]
	}
	return out.Bytes()
}
