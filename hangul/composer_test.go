package hangul

import "testing"

// typeKeys types keys into c; '<' stands for Backspace.
func typeKeys(c *Composer, keys string) {
	for _, r := range keys {
		if r == '<' {
			c.Backspace()
			continue
		}
		c.Type(r)
	}
}

func TestComposer(t *testing.T) {
	tests := []struct {
		keys, want, composing string
	}{
		{"gowk", "해자", "자"},
		{"g", "ㅎ", "ㅎ"},
		{"go", "해", "해"},
		{"gow", "햊", "햊"},
		{"rkqt", "값", "값"},
		{"rkqtdl", "값이", "이"},
		{"ekfrdl", "닭이", "이"},
		{"ekfrl", "달기", "기"},
		{"ekfrdmf", "닭을", "을"},
		{"rksk", "가나", "나"},
		{"dhk", "와", "와"},
		{"dho", "왜", "왜"},
		{"dml", "의", "의"},
		{"vP", "폐", "폐"},
		{"Rkr", "깍", "깍"},
		{"EkEk", "따따", "따"}, // ㄸ never ends a syllable
		{"rt", "ㄳ", "ㄳ"},
		{"rt<k", "가", "가"},
		{"hk", "ㅘ", "ㅘ"},
		{"dkssudgktpdy", "안녕하세요", "요"},
		{"gowk tjdrhd", "해자 성공", "공"},
		{"dhvmsthtm", "오픈소스", "스"},
		{"dlsrhdwlsmd", "인공지능", "능"},
		{"gowk.", "해자.", ""},
		{"rk1", "가1", ""},
		{"gowk\x1b[31m", "해자[31ㅡ", "ㅡ"}, // ESC is dropped, the rest typed
		// Backspace removes one jamo of the syllable being composed, then
		// whole characters.
		{"ekfr<", "달", "달"},
		{"ekfr<<", "다", "다"},
		{"ekfr<<<", "ㄷ", "ㄷ"},
		{"ekfr<<<<", "", ""},
		{"gowk<", "해ㅈ", "ㅈ"},
		{"gowk<<", "해", ""},
		{"gowk<<<", "", ""},
		{"dhk<", "오", "오"},
		{"ekfrl<", "달ㄱ", "ㄱ"},
		{"ekfrl<<d", "달ㅇ", "ㅇ"},
		{"gowk <", "해자", ""},
		{"<<<", "", ""},
	}
	for _, tt := range tests {
		var c Composer
		typeKeys(&c, tt.keys)
		if got := c.String(); got != tt.want {
			t.Errorf("typing %q: String() = %q, want %q", tt.keys, got, tt.want)
		}
		if got := c.Composing(); got != tt.composing {
			t.Errorf("typing %q: Composing() = %q, want %q", tt.keys, got, tt.composing)
		}
	}
}

func TestComposerResetAndSetText(t *testing.T) {
	var c Composer
	typeKeys(&c, "gowk")
	c.Reset()
	if c.String() != "" || c.Composing() != "" {
		t.Fatalf("after Reset: %q, composing %q", c.String(), c.Composing())
	}
	c.SetText("AI \x07")
	typeKeys(&c, "gowk")
	if got := c.String(); got != "AI 해자" {
		t.Errorf("SetText then typing: %q, want %q", got, "AI 해자")
	}
	typeKeys(&c, "<<<")
	if got := c.String(); got != "AI " {
		t.Errorf("backspacing into the set text: %q, want %q", got, "AI ")
	}
}

// The composer gives what libhangul gives for every key sequence of
// scripts/libhangul/sequences.txt (the table is generated from libhangul).
func TestComposerMatchesLibhangul(t *testing.T) {
	for _, tt := range libhangulTests {
		var c Composer
		typeKeys(&c, tt.keys)
		if got, composing := c.String(), c.Composing(); got != tt.text || composing != tt.composing {
			t.Errorf("typing %q: %q composing %q, libhangul gives %q composing %q", tt.keys, got, composing, tt.text, tt.composing)
		}
	}
}
