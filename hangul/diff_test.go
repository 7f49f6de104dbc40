package hangul

import (
	"reflect"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"해저", "해자", 1}, // one vowel, not one syllable
		{"해자", "해자", 0},
		{"해자", "", 4},
		{"닥", "닭", 1},   // ㄷㅏㄱ vs ㄷㅏㄹㄱ
		{"오", "와", 1},   // ㅗ vs ㅘ
		{"웬지", "왠지", 1}, // a compound vowel is one letter: ㅞ vs ㅙ
		{"웨국", "외국", 1},
		{"돼다", "되다", 1},
		{"의사", "이사", 1},
		{"학눅", "한국", 1}, // ㄱㄴ typed for ㄴㄱ: one transposition
		{"해자", "해저가", 2},
		{"moat", "mota", 1},
		{"moat", "Moat", 1}, // case is the caller's business
		{norm.NFD.String("해저"), "해자", 1},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}

// mistakes returns the non-Equal edits.
func mistakes(edits []Edit) []Edit {
	var out []Edit
	for _, e := range edits {
		if e.Op != Equal {
			out = append(out, e)
		}
	}
	return out
}

func TestDiffErrors(t *testing.T) {
	tests := []struct {
		typed, expected string
		want            []Edit
	}{
		{"해저", "해자", []Edit{{Substitute, 'ㅓ', 'ㅏ', 1, 1}}},
		{"해자", "해자", nil},
		{"해", "해자", []Edit{{Insert, 0, 'ㅈ', -1, 1}, {Insert, 0, 'ㅏ', -1, 1}}},
		{"해자가", "해자", []Edit{{Delete, 'ㄱ', 0, 2, -1}, {Delete, 'ㅏ', 0, 2, -1}}},
		{"학눅", "한국", []Edit{{Transpose, 'ㄱ', 'ㄴ', 0, 0}}},
		{"돼다", "되다", []Edit{{Substitute, 'ㅙ', 'ㅚ', 0, 0}}},
		{"웬지", "왠지", []Edit{{Substitute, 'ㅞ', 'ㅙ', 0, 0}}},
		{"오픈 소스", "오픈소스", []Edit{{Delete, ' ', 0, 2, -1}}},
		{"AI 해자", "AI 헤자", []Edit{{Substitute, 'ㅐ', 'ㅔ', 3, 3}}},
		{norm.NFD.String("해저"), "해자", []Edit{{Substitute, 'ㅓ', 'ㅏ', 1, 1}}},
	}
	for _, tt := range tests {
		if got := mistakes(Diff(tt.typed, tt.expected)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Diff(%q, %q) errors = %+v, want %+v", tt.typed, tt.expected, got, tt.want)
		}
	}
}

// The typed and expected letters can be read back from a diff, and its
// errors are as many as Distance counts.
func TestDiffCoversBothTexts(t *testing.T) {
	pairs := [][2]string{
		{"해저", "해자"}, {"인공지능", "인공지는"}, {"오픈소스", "오픈 소스가"},
		{"샌프란시스코", "센프란시스코"}, {"", "해자"}, {"moat", "a moat"}, {"닭이", "달기"},
		{"훈련과 추론", "추론과 훈련"},
	}
	for _, p := range pairs {
		checkDiff(t, p[0], p[1])
	}
}

func checkDiff(t *testing.T, typed, expected string) {
	t.Helper()
	edits := Diff(typed, expected)
	var x, y []rune
	for _, e := range edits {
		switch e.Op {
		case Equal, Substitute:
			x, y = append(x, e.Typed), append(y, e.Expected)
		case Delete:
			x = append(x, e.Typed)
		case Insert:
			y = append(y, e.Expected)
		case Transpose:
			x, y = append(x, e.Typed, e.Expected), append(y, e.Expected, e.Typed)
		}
	}
	if string(x) != string(letters(typed)) || string(y) != string(letters(expected)) {
		t.Errorf("Diff(%q, %q) reads back as %q, %q", typed, expected, string(x), string(y))
	}
	if n, d := len(mistakes(edits)), Distance(typed, expected); n != d {
		t.Errorf("Diff(%q, %q) has %d errors, Distance is %d", typed, expected, n, d)
	}
}

func TestEditString(t *testing.T) {
	tests := []struct {
		e    Edit
		want string
	}{
		{Edit{Op: Substitute, Typed: 'ㅓ', Expected: 'ㅏ'}, "ㅓ should be ㅏ"},
		{Edit{Op: Insert, Expected: 'ㄴ'}, "missing ㄴ"},
		{Edit{Op: Delete, Typed: 'ㄴ'}, "extra ㄴ"},
		{Edit{Op: Delete, Typed: ' '}, "extra a space"},
		{Edit{Op: Transpose, Typed: 'ㄱ', Expected: 'ㄴ'}, "ㄱㄴ should be ㄴㄱ"},
		{Edit{Op: Insert, Expected: '\x1b'}, "missing U+001B"},
		{Edit{Op: Equal, Typed: 'ㅎ', Expected: 'ㅎ'}, ""},
	}
	for _, tt := range tests {
		if got := tt.e.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.e, got, tt.want)
		}
	}
}

// Texts too long for the full table still get an alignment of both.
func TestDiffLongTexts(t *testing.T) {
	long := make([]rune, 0, 3000)
	for i := 0; i < 1500; i++ {
		long = append(long, '가'+rune(i%100))
	}
	other := []rune(string(long))
	other[0], other[len(other)-1] = '해', '자'
	edits := Diff(string(long), string(other))
	if len(edits) < len(Decompose(string(long))) {
		t.Fatalf("got %d edits for %d jamo", len(edits), len(Decompose(string(long))))
	}
}
