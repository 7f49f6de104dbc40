package hangul

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNFC(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"NFD syllables from macOS", norm.NFD.String("해자"), "해자"},
		{"conjoining jamo sequence", "\u1112\u1162\u110c\u1161", "해자"},
		{"NFD with a final", norm.NFD.String("닭이"), "닭이"},
		{"compatibility jamo stay", "ㅎㅐ", "ㅎㅐ"},
		{"Latin unchanged", "AI moat", "AI moat"},
	}
	for _, tt := range tests {
		if got := NFC(tt.in); got != tt.want {
			t.Errorf("%s: NFC(%+q) = %+q, want %+q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestDecompose(t *testing.T) {
	tests := []struct{ in, want string }{
		{"닭", "ㄷㅏㄹㄱ"},
		{"폐", "ㅍㅖ"},
		{"와", "ㅇㅗㅏ"},
		{"의", "ㅇㅡㅣ"},
		{"까", "ㄲㅏ"},
		{"값", "ㄱㅏㅂㅅ"},
		{"뒀", "ㄷㅜㅓㅆ"},
		{"해자", "ㅎㅐㅈㅏ"},
		{"AI 해자!", "AI ㅎㅐㅈㅏ!"},
		{"ㄺㅘ", "ㄺㅘ"}, // jamo on their own pass through
		{norm.NFD.String("닭"), "ㄷㅏㄹㄱ"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(Decompose(tt.in)); got != tt.want {
			t.Errorf("Decompose(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Every syllable decomposes into its keys and composes back to itself.
func TestComposeRoundTripAllSyllables(t *testing.T) {
	for r := rune(sBase); r < sBase+sCount; r++ {
		if got := Compose(Decompose(string(r))); got != string(r) {
			t.Fatalf("Compose(Decompose(%q)) = %q (jamo %q)", r, got, string(Decompose(string(r))))
		}
	}
}

func TestCompose(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ㄱㅏㄴㅏ", "가나"},   // a final moves on before a vowel
		{"ㄷㅏㄹㄱㅇㅣ", "닭이"}, // double final kept before ㅇ
		{"ㄷㅏㄹㄱㅣ", "달기"},  // double final split before a vowel
		{"ㄱㅏㅂㅅㅇㅣ", "값이"},
		{"ㅎㅐㅈㅏ", "해자"},
		{"ㅇㅗㅏ", "와"}, // compound vowel
		{"ㅇㅡㅣ", "의"},
		{"ㅗㅏ", "ㅘ"},    // a vowel alone
		{"ㄱㄱ", "ㄱㄱ"},   // consonants alone do not combine
		{"ㄱㅏㄸㅏ", "가따"}, // ㄸ cannot be a final
		{"ㄱㅏㄸ", "가ㄸ"},
		{"ㄱㅏㅆㅇㅓ", "갔어"},
		{"ㄱㅏㅏ", "가ㅏ"},
		{"ㄱㅏ ㄴㅏ", "가 나"}, // a space ends the syllable
		{"ㅎㅐ자", "해자"},    // a syllable passes through
		{"ㄱㅏㄺ", "가ㄺ"},    // so does a compound jamo
		{"", ""},
	}
	for _, tt := range tests {
		if got := Compose([]rune(tt.in)); got != tt.want {
			t.Errorf("Compose(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInitials(t *testing.T) {
	tests := []struct{ in, want string }{
		{"해자", "ㅎㅈ"},
		{"인공지능", "ㅇㄱㅈㄴ"},
		{"AI 해자", "AI ㅎㅈ"},
		{"오픈소스 전략", "ㅇㅍㅅㅅ ㅈㄹ"},
		{norm.NFD.String("해자"), "ㅎㅈ"},
		{"ㅎㅐ", "ㅎㅐ"},
	}
	for _, tt := range tests {
		if got := Initials(tt.in); got != tt.want {
			t.Errorf("Initials(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHasHangul(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"해자", true}, {"AI 해자", true}, {"ㅎ", true},
		{norm.NFD.String("해"), true}, {"\u3164", false}, {"moat", false}, {"", false}, {"日本", false},
	}
	for _, tt := range tests {
		if got := HasHangul(tt.in); got != tt.want {
			t.Errorf("HasHangul(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestJoinJamo(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ㅎㅐㅈㅏ", "해자"}, {"해ㅈㅏ", "해자"}, {"ㄷㅏㄹㄱㅇㅣ", "닭이"}, {"ㄱㅘ", "과"},
		{"ㅇㅗㅏ", "와"}, {"ㄱㅅ", "ㄳ"}, {"ㅎㅐ ㅈㅏ", "해 자"}, {"AI ㅎㅐㅈㅏ!", "AI 해자!"},
		{"해자", "해자"}, {"닭이 같이", "닭이 같이"}, {"moat", "moat"}, {"", ""},
	}
	for _, tt := range tests {
		if got := JoinJamo(tt.in); got != tt.want {
			t.Errorf("JoinJamo(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsParticle(t *testing.T) {
	for _, p := range []string{"이", "가", "으로", "에서는", "에게도", "까지"} {
		if !IsParticle(p) {
			t.Errorf("IsParticle(%q) = false", p)
		}
	}
	for _, p := range []string{"", "양이", "다", "는가", "해자"} {
		if IsParticle(p) {
			t.Errorf("IsParticle(%q) = true", p)
		}
	}
}

// The words that end like a particle are known, the word and particle
// they look like are not among them.
func TestIsWordEndingLikeParticle(t *testing.T) {
	for _, w := range []string{"고양이", "물가", "경기도", "강도", "정말로", "맛보다"} {
		if !IsWordEndingLikeParticle(w) {
			t.Errorf("IsWordEndingLikeParticle(%q) = false", w)
		}
	}
	for _, w := range []string{"고양", "물", "해자가", "사람이", "책을", ""} {
		if IsWordEndingLikeParticle(w) {
			t.Errorf("IsWordEndingLikeParticle(%q) = true", w)
		}
	}
}

// TestComposedTextsAreNFC: a text of characters composed accepts is in
// NFC, so NFC may return it as it is: each alone, and random
// pairs and runs of them.
func TestComposedTextsAreNFC(t *testing.T) {
	var set []rune
	for r := rune(0); r <= 0x10FFFF; r++ {
		if composed(r) && utf8.ValidRune(r) {
			set = append(set, r)
			if s := string(r); !norm.NFC.IsNormalString(s) {
				t.Fatalf("%U alone is not in NFC", r)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteRune(set[rng.IntN(len(set))])
		}
		if s := b.String(); !norm.NFC.IsNormalString(s) {
			t.Fatalf("%+q is not in NFC", s)
		}
	}
	for _, r := range []rune{0x300, 0x11A8, 0x1100, 0xF900, 0x2126} { // a mark, jamo, compatibility ideograph, ohm
		if composed(r) {
			t.Errorf("%U: want not composed", r)
		}
	}
}
