package hangul

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// articleWords seed the fuzz targets with the article's vocabulary.
var articleWords = []string{
	"해자", "오픈소스", "인공지능", "샌프란시스코", "훈련과 추론", "폐쇄 전략",
	"구글, 오픈AI 등", "닭이", "값이", "읽다", "넓다", "대통령", "독립문", "같이",
	"초격차를 유지할 결정적인 기술력", "스테이블 디퓨전", "ㅎㅐ", "Llama", "",
}

func FuzzRomanize(f *testing.F) {
	for _, w := range articleWords {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Romanize(s)
		if !utf8.ValidString(s) {
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("Romanize(%q) = %q: invalid UTF-8", s, got)
		}
		if strings.ContainsFunc(got, IsSyllable) {
			t.Fatalf("Romanize(%q) = %q: syllables left", s, got)
		}
		if nfd := Romanize(norm.NFD.String(s)); nfd != got {
			t.Fatalf("Romanize(NFD %q) = %q, but %q for NFC", s, nfd, got)
		}
	})
}

// FuzzCompose types arbitrary keys into a Composer ('\b' is Backspace)
// and composes arbitrary jamo sequences.
func FuzzCompose(f *testing.F) {
	for _, k := range []string{"gowk", "ekfrdl", "rkqtdl\b\bdl", "dkssudgktpdy", "Rkr Ek", "hk\b\b\b"} {
		f.Add(k)
	}
	for _, w := range articleWords {
		f.Add(string(Decompose(w)))
	}
	f.Fuzz(func(t *testing.T, keys string) {
		var c Composer
		for _, r := range keys {
			if r == '\b' {
				c.Backspace()
			} else {
				c.Type(r)
			}
			s := c.String()
			if !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl) {
				t.Fatalf("after %q: String() = %q", keys, s)
			}
			if !strings.HasSuffix(s, c.Composing()) {
				t.Fatalf("after %q: Composing() %q is not the end of %q", keys, c.Composing(), s)
			}
		}
		if got := Compose([]rune(keys)); utf8.ValidString(keys) && !utf8.ValidString(got) {
			t.Fatalf("Compose(%q) = %q: invalid UTF-8", keys, got)
		}
	})
}

// FuzzDiff checks that every alignment reads back as both texts.
func FuzzDiff(f *testing.F) {
	for i, w := range articleWords {
		f.Add(w, articleWords[(i+1)%len(articleWords)])
	}
	f.Add("해저", "해자")
	f.Fuzz(func(t *testing.T, typed, expected string) {
		if !utf8.ValidString(typed) || !utf8.ValidString(expected) || len(typed)+len(expected) > 600 {
			return
		}
		checkDiff(t, typed, expected)
	})
}
