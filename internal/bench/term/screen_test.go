package term

import (
	"os/exec"
	"strings"
	"testing"
	"time"
)

func TestScreen(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"text and newline", "ab\r\ncd", "ab\ncd"},
		{"cursor position", "\x1b[2;3Hx", "\n  x"},
		{"wide characters take two cells", "해자\x1b[1;3Hx", "해x"},
		{"erase line right", "abcdef\x1b[1;3H\x1b[K", "ab"},
		{"erase screen", "abc\r\ndef\x1b[2J", ""},
		{"erase characters", "abcdef\x1b[1;2H\x1b[2X", "a  def"},
		{"repeat the last character", "a\x1b[3b", "aaaa"},
		{"cursor forward", "a\x1b[2Cb", "a  b"},
		{"colours are ignored", "\x1b[1;31mred\x1b[0m", "red"},
		{"wrap at the right margin", "abcdefghij", "abcdefgh\nij"},
		{"alternate screen starts blank and goes away", "main\x1b[?1049halt\x1b[?1049l", "main"},
		{"delete line", "1\r\n2\r\n3\x1b[2;1H\x1b[M", "1\n3"},
		{"insert line", "1\r\n2\x1b[1;1H\x1b[L", "\n1\n2"},
		{"scroll at the bottom", "1\r\n2\r\n3\r\n4\r\n5", "2\n3\n4\n5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewScreen(8, 4, nil)
			s.Write([]byte(tc.in))
			if got := strings.TrimRight(s.Text(), "\n"); got != tc.want {
				t.Errorf("screen %q, want %q", got, tc.want)
			}
		})
	}
}

// TestReplies: the screen answers the queries Bubble Tea sends like an
// xterm without synchronized output.
func TestReplies(t *testing.T) {
	var got []string
	s := NewScreen(80, 24, func(r string) { got = append(got, r) })
	s.Write([]byte("\x1b[3;5H\x1b[6n\x1b[?2026$p\x1b]11;?\x07"))
	want := []string{"\x1b[3;5R", "\x1b[?2026;0$y", "\x1b]11;rgb:0000/0000/0000\x1b\\"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("replies %q, want %q", got, want)
	}
}

// TestTerm runs a program in a pseudo-terminal and sees its output.
func TestTerm(t *testing.T) {
	cmd := exec.Command("sh", "-c", `stty -echo; printf 'ready\n'; read line; printf 'got %s\n' "$line"`)
	term, _, err := Start(cmd, 40, 5)
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	if _, err := term.WaitFor(Contains("ready"), 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := term.Send("hello\r"); err != nil {
		t.Fatal(err)
	}
	if _, err := term.WaitFor(Contains("got hello"), 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := term.Wait(5 * time.Second); err != nil {
		t.Error(err)
	}
}
