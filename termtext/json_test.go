package termtext

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func TestEscapeJSON(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"typed":"해자"}` + "\n", `{"typed":"해자"}` + "\n"},
		{"{\"typed\":\"a\u0085b\u009bc\"}\n", `{"typed":"a\u0085b\u009bc"}` + "\n"},
		{"{\"typed\":\"\u202eevil\u200b\"}\n", `{"typed":"\u202eevil\u200b"}` + "\n"},
		{"{\"typed\":\"tag\U000E0041\"}\n", `{"typed":"tag\udb40\udc41"}` + "\n"},
	}
	for _, tt := range tests {
		got := string(EscapeJSON([]byte(tt.in)))
		if got != tt.want {
			t.Errorf("EscapeJSON(%q) = %q, want %q", tt.in, got, tt.want)
		}
		var a, b any
		if json.Unmarshal([]byte(tt.in), &a) != nil || json.Unmarshal([]byte(got), &b) != nil || !reflect.DeepEqual(a, b) {
			t.Errorf("EscapeJSON(%q) changed the JSON's meaning", tt.in)
		}
	}
}

// FuzzEscapeJSON: a line of JSON with any text in it (such as a typed
// answer in `export reviews`), once EscapeJSON has rewritten it, is still
// valid JSON that means exactly the same, and holds no control or format
// character a terminal would act on (but the newline ending the line).
func FuzzEscapeJSON(f *testing.F) {
	for _, s := range []string{"해자", "", "a\x1b]52;c;eA==\x07b", "\u202eevil\u202c", "zero\u200bwidth\ufeff",
		"\u0085\u009b31m", "\x7f", "😀 \U000e0041 tag", "\xff\xfe", "line\nbreak\ttab", `"quoted" \ back`} {
		f.Add(s)
	}
	type review struct{ Deck, Typed string }
	f.Fuzz(func(t *testing.T, typed string) {
		line, err := json.Marshal(review{Deck: "article", Typed: typed})
		if err != nil {
			t.Fatal(err)
		}
		line = append(line, '\n')
		out := EscapeJSON(line)
		var before, after review
		if err := json.Unmarshal(line, &before); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(out, &after); err != nil {
			t.Fatalf("EscapeJSON(%q) = %q: not JSON: %v", line, out, err)
		}
		if after != before {
			t.Fatalf("EscapeJSON changed the meaning: %q → %q", before.Typed, after.Typed)
		}
		body := strings.TrimSuffix(string(out), "\n")
		if i := strings.IndexFunc(body, func(r rune) bool { return unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) }); i >= 0 {
			t.Fatalf("EscapeJSON(%q) = %q: keeps %q", line, out, body[i:])
		}
	})
}
