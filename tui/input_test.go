package tui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestInputCursorColumn(t *testing.T) {
	plain := lipgloss.NewStyle()
	tests := []struct {
		name  string
		typed []string
		moves func(*Input)
		width int
		value string
		col   int
	}{
		{"empty", nil, nil, 20, "", 0},
		{"latin", []string{"moat"}, nil, 20, "moat", 4},
		{"hangul is two cells a syllable", []string{"해", "자"}, nil, 20, "해자", 4},
		{"mixed", []string{"AI 해자"}, nil, 20, "AI 해자", 7},
		{"cursor moved left over a syllable", []string{"해자"}, (*Input).Left, 20, "해자", 2},
		{"home", []string{"해자"}, (*Input).Home, 20, "해자", 0},
		{"NFD jamo arriving one by one compose", []string{"\u1112", "\u1162", "\u110c", "\u1161"}, nil, 20, "해자", 4},
		{"control characters and escape sequences never enter", []string{"a\x1b[31mb\nc\t\u202e"}, nil, 20, "abc", 3},
		{"scrolls to keep the cursor visible", []string{"가나다라마바사"}, nil, 8, "가나다라마바사", 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var in Input
			for _, s := range tc.typed {
				in.Insert(s)
			}
			if tc.moves != nil {
				tc.moves(&in)
			}
			if got := in.Value(); got != tc.value {
				t.Errorf("value = %q, want %q", got, tc.value)
			}
			line, col := in.Render(tc.width, plain, plain)
			if col != tc.col {
				t.Errorf("cursor column = %d, want %d (line %q)", col, tc.col, line)
			}
			if w := ansi.StringWidth(line); w > tc.width {
				t.Errorf("line %q is %d cells, wider than %d", line, w, tc.width)
			}
		})
	}
}

func TestInputEditing(t *testing.T) {
	var in Input
	in.Insert("해자")
	in.Left()
	in.Insert("저")
	if got := in.Value(); got != "해저자" {
		t.Fatalf("insert in the middle: %q", got)
	}
	in.Backspace()
	if got := in.Value(); got != "해자" {
		t.Fatalf("backspace: %q", got)
	}
	in.Delete()
	if got := in.Value(); got != "해" {
		t.Fatalf("delete: %q", got)
	}
	in.Home()
	in.Backspace() // nothing before the cursor
	in.End()
	in.Right() // nothing after it
	in.Insert("x")
	if got := in.Value(); got != "해x" {
		t.Fatalf("after moves at the ends: %q", got)
	}
}

func TestInputPreedit(t *testing.T) {
	plain := lipgloss.NewStyle()
	var in Input
	in.Insert("a")
	in.SetPreedit("해ㅈ", "ㅈ")
	if got := in.Value(); got != "a해ㅈ" {
		t.Fatalf("value with preedit: %q", got)
	}
	if _, col := in.Render(20, plain, plain); col != 5 {
		t.Fatalf("cursor after preedit at %d, want 5", col)
	}
}

func TestInputTinyWidths(t *testing.T) {
	plain := lipgloss.NewStyle()
	var in Input
	in.Insert("해자 moat")
	for w := -1; w < 4; w++ {
		line, col := in.Render(w, plain, plain)
		if ansi.StringWidth(line) > max(w, 0) || col < 0 || (w > 0 && col >= w) {
			t.Errorf("width %d: line %q, col %d", w, line, col)
		}
	}
}

// TestInputLongPaste pastes 100 KB and checks that the line shows the end
// of the text, fits the width, and keeps the cursor after it.
func TestInputLongPaste(t *testing.T) {
	var in Input
	unit := "해자 moat "
	in.Insert(strings.Repeat(unit, 100*1024/len(unit)+1))
	line, col := in.Render(40, lipgloss.NewStyle(), lipgloss.NewStyle())
	if w := ansi.StringWidth(line); w > 40 {
		t.Errorf("the line is %d cells wide, want at most 40", w)
	}
	if col != ansi.StringWidth(line) || col > 39 {
		t.Errorf("cursor at column %d of a %d-cell line: want it just after the text, within 40 cells", col, ansi.StringWidth(line))
	}
	if want := "해자 moat"; !strings.HasSuffix(strings.TrimRight(ansi.Strip(line), " "), want) {
		t.Errorf("the line %q does not end with the end of the paste (%q)", ansi.Strip(line), want)
	}
}
