package hangul

import "testing"

func TestQwertyToJamo(t *testing.T) {
	tests := []struct {
		key  rune
		want rune
		ok   bool
	}{
		{'g', 'ㅎ', true}, {'o', 'ㅐ', true}, {'w', 'ㅈ', true}, {'k', 'ㅏ', true},
		{'q', 'ㅂ', true}, {'u', 'ㅕ', true}, {'m', 'ㅡ', true}, {'z', 'ㅋ', true},
		{'Q', 'ㅃ', true}, {'W', 'ㅉ', true}, {'E', 'ㄸ', true}, {'R', 'ㄲ', true},
		{'T', 'ㅆ', true}, {'O', 'ㅒ', true}, {'P', 'ㅖ', true},
		{'G', 'ㅎ', true}, {'K', 'ㅏ', true}, // no shifted jamo: like lower case
		{'1', 0, false}, {' ', 0, false}, {'ㅎ', 0, false}, {'é', 0, false},
	}
	for _, tt := range tests {
		got, ok := QwertyToJamo(tt.key)
		if got != tt.want || ok != tt.ok {
			t.Errorf("QwertyToJamo(%q) = %q, %v; want %q, %v", tt.key, got, ok, tt.want, tt.ok)
		}
	}
}

func TestJamoToQwerty(t *testing.T) {
	tests := []struct {
		jamo rune
		want rune
		ok   bool
	}{
		{'ㅂ', 'q', true}, {'ㅕ', 'u', true}, {'ㅎ', 'g', true}, {'ㅃ', 'Q', true},
		{'ㅖ', 'P', true}, {'ㅘ', 0, false}, {'ㄺ', 0, false}, {'a', 0, false}, {'해', 0, false},
	}
	for _, tt := range tests {
		got, ok := JamoToQwerty(tt.jamo)
		if got != tt.want || ok != tt.ok {
			t.Errorf("JamoToQwerty(%q) = %q, %v; want %q, %v", tt.jamo, got, ok, tt.want, tt.ok)
		}
	}
}

// Every letter key types a jamo whose key is the letter itself, or its
// lower case for the upper-case letters without a shifted jamo.
func TestKeyboardRoundTrip(t *testing.T) {
	for r := 'A'; r <= 'z'; r++ {
		j, ok := QwertyToJamo(r)
		if (r > 'Z' && r < 'a') != !ok {
			t.Fatalf("QwertyToJamo(%q) ok = %v", r, ok)
		}
		if !ok {
			continue
		}
		k, ok := JamoToQwerty(j)
		if !ok || (k != r && k != r-'A'+'a') {
			t.Errorf("JamoToQwerty(QwertyToJamo(%q) = %q) = %q, %v", r, j, k, ok)
		}
	}
}
