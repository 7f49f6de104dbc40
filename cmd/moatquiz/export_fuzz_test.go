package main

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode"
)

// FuzzEscapeInvisible: a line of `export reviews` with any typed answer
// in it, once escapeInvisible has rewritten it, is still valid JSON that
// means exactly the same, and holds no control or format character a
// terminal would act on (but the newline ending the line).
func FuzzEscapeInvisible(f *testing.F) {
	for _, s := range []string{"해자", "", "a\x1b]52;c;eA==\x07b", "\u202eevil\u202c", "zero\u200bwidth\ufeff",
		"\u0085\u009b31m", "\x7f", "😀 \U000e0041 tag", "\xff\xfe", "line\nbreak\ttab", `"quoted" \ back`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		line, err := json.Marshal(reviewJSON{Deck: "article", Typed: typed})
		if err != nil {
			t.Fatal(err)
		}
		line = append(line, '\n')
		out := escapeInvisible(line)
		var before, after reviewJSON
		if err := json.Unmarshal(line, &before); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(out, &after); err != nil {
			t.Fatalf("escapeInvisible(%q) = %q: not JSON: %v", line, out, err)
		}
		if after != before {
			t.Fatalf("escapeInvisible changed the meaning: %q → %q", before.Typed, after.Typed)
		}
		body := strings.TrimSuffix(string(out), "\n")
		if i := strings.IndexFunc(body, func(r rune) bool { return unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) }); i >= 0 {
			t.Fatalf("escapeInvisible(%q) = %q: keeps %q", line, out, body[i:])
		}
	})
}
