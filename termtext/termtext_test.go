package termtext

import (
	"testing"
	"unicode/utf8"
)

// TestSanitize: every kind of payload a hostile deck or import could carry
// is neutralised, visible text is kept, and a second pass changes nothing.
func TestSanitize(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain Korean and emoji kept", "해자가 없다 🙂 café", "해자가 없다 🙂 café"},
		{"line breaks kept", "첫째 줄\n둘째 줄", "첫째 줄\n둘째 줄"},
		{"tab becomes a space", "a\tb", "a b"},
		{"OSC 52 clipboard write, BEL", "a\x1b]52;c;cm0gLXJmIH4=\x07b", "ab"},
		{"OSC 52 clipboard write, ST", "a\x1b]52;c;cm0gLXJmIH4=\x1b\\b", "ab"},
		{"OSC 8 link keeps its text", "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"window title", "\x1b]0;pwned\x07title", "title"},
		{"window title, C1 OSC and ST", "\u009d2;pwned\u009ctitle", "title"},
		{"unterminated OSC swallows the rest", "ok\x1b]0;pwned forever", "ok"},
		{"OSC ended by another escape", "a\x1b]0;x\x1b[31mb", "ab"},
		{"OSC cancelled by CAN", "a\x1b]0;x\x18b", "ab"},
		{"screen clear and cursor home", "\x1b[2J\x1b[Hhello", "hello"},
		{"cursor moves", "a\x1b[10;20Hb\x1b[5Ac\x1b[?25l", "abc"},
		{"colours", "\x1b[1;31mred\x1b[0m", "red"},
		{"bracketed paste terminator", "x\x1b[201~rm -rf ~\x1b[200~", "xrm -rf ~"},
		{"bracketed paste terminator, C1 CSI", "x\u009b201~y", "xy"},
		{"bracketed paste turned off", "a\x1b[?2004lb", "ab"},
		{"OSC 52 ended by C1 ST", "a\x1b]52;c;cHduZWQ=\u009cb", "ab"},
		{"iTerm2 file transfer (OSC 1337)", "a\x1b]1337;File=name=eA==;inline=1:QUFB\x07b", "ab"},
		{"two sequences back to back", "\x1b]0;t\x07\x1b]52;c;eA==\x07\x1b[2J해", "해"},
		{"C1 CSI", "a\u009b2Jb", "ab"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"C1 DCS, APC, PM, SOS", "a\u0090x\u009cb\u009fy\u009cc\u009ez\u009cd\u0098w\u009ce", "abcde"},
		{"APC", "a\x1b_Gf=100;payload\x1b\\b", "ab"},
		{"reset", "a\x1bcb", "ab"},
		{"charset designation", "a\x1b(0b", "ab"},
		{"save cursor", "a\x1b7b", "ab"},
		{"lone ESC at the end", "abc\x1b", "abc"},
		{"ESC before a non-ASCII letter", "a\x1b한", "a한"},
		{"C0 controls", "a\x00b\x07c\x08d\x0be\x0cf\rg\x7fh", "abcdefgh"},
		{"C1 controls", "a\u0085b\u0080c", "abc"},
		{"8-bit CSI byte (invalid UTF-8)", "a\x9b2Jb", "a\ufffd2Jb"},
		{"invalid UTF-8", "a\xff\xfeb", "a\ufffd\ufffdb"},
		{"bidi override", "abc\u202edcba\u202c", "abcdcba"},
		{"bidi isolates and marks", "\u2066a\u2069\u2067b\u2069\u2068c\u2069\u200e\u200f\u061c", "abc"},
		{"zero-width characters", "해\u200b자\u200c\u200d\u2060\ufeff", "해자"},
		{"soft hyphen and tags", "a\u00adb\U000e0041", "ab"},
		{"line and paragraph separators", "a\u2028b\u2029c", "abc"},
		{"Hangul fillers", "\u3164\u115f\u1160\uffa0해", "해"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Strip(tc.in)
			if got != tc.want {
				t.Errorf("Strip(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again := Strip(got); again != got {
				t.Errorf("not idempotent: Strip(%q) = %q", got, again)
			}
		})
	}
}

// FuzzSanitize: whatever the input, the output holds nothing a terminal
// would act on, is valid UTF-8, and is its own sanitised form.
func FuzzStrip(f *testing.F) {
	for _, s := range []string{"해자", "a\x1b]52;c;x\x07b", "\x1b[2J", "\u202e", "\x9b\xff", "a\tb\nc", "\x1b]8;;u\x1b\\t\x1b]8;;\x1b\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Strip(in)
		if !utf8.ValidString(out) {
			t.Fatalf("Strip(%q) = %q: invalid UTF-8", in, out)
		}
		for _, r := range out {
			if r != '\n' && IsControl(r) || IsInvisible(r) {
				t.Fatalf("Strip(%q) = %q: keeps %U", in, out, r)
			}
		}
		if again := Strip(out); again != out {
			t.Fatalf("Strip(%q) = %q, then %q", in, out, again)
		}
		if isSafe(in, false) && out != in {
			t.Fatalf("Strip changed safe text %q to %q", in, out)
		}
		if len(out) > 3*len(in) {
			t.Fatalf("Strip(%q) = %q: longer than three bytes per input byte", in, out)
		}
	})
}

// TestEscape: controls, invisible characters and invalid UTF-8 are
// written as Go escapes; newlines and visible text are kept as they are.
func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"ok 해자\n\xff\x9b":          `ok 해자` + "\n" + `\xff\x9b`,
		"a\x1b]0;pwned\x07\u202eb": `a\x1b]0;pwned\x07\u202eb`,
		"plain":                    "plain",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestStripLine: typed or pasted text keeps its spaces but loses line
// breaks, tabs and everything Strip removes.
func TestStripLine(t *testing.T) {
	for in, want := range map[string]string{
		"해자  moat":                "해자  moat",
		"two\nlines\r\tand tab":   "twolinesand tab",
		"red \x1b[31mword\x1b[0m": "red word",
		"\u202eevil\u200b":        "evil",
	} {
		if got := StripLine(in); got != want {
			t.Errorf("StripLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOneLine: a label loses what Strip removes and its runs of white
// space, line breaks included.
func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"  해자\n\t(moat)  ":          "해자 (moat)",
		"a\x1b]0;pwned\x07 \u202eb": "a b",
	} {
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestQuote: quoted text escapes controls, invalid UTF-8 and invisible
// characters, the Hangul filler too; QuoteShort cuts long text and says
// so; QuoteIfUnsafe quotes only what needs it.
func TestQuote(t *testing.T) {
	for _, tc := range []struct{ name, got, want string }{
		{"plain", Quote("해자"), `"해자"`},
		{"controls", Quote("a\x1b[2J\xff\u202e"), `"a\x1b[2J\xff\u202e"`},
		{"Hangul filler", Quote("a\u3164b"), `"a\u3164b"`},
		{"short kept", QuoteShort("해자", 3), `"해자"`},
		{"long cut", QuoteShort("해자가 없다", 3), `"해자가"…`},
		{"safe path bare", QuoteIfUnsafe("/tmp/해자 deck.json"), "/tmp/해자 deck.json"},
		{"newline in a path", QuoteIfUnsafe("/tmp/a\nb"), `"/tmp/a\nb"`},
		{"invisible in a path", QuoteIfUnsafe("/tmp/a\u200bb"), `"/tmp/a\u200bb"`},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, tc.got, tc.want)
		}
	}
}
