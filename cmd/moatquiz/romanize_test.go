package main

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestRunRomanize(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  string
	}{
		{"arguments", []string{"해자", "신라", "같이"}, "", "haeja\nsilla\ngachi\n"},
		{"stdin lines", nil, "국민\n독립문\n", "gungmin\ndongnimmun\n"},
		{"NFD input", []string{norm.NFD.String("종로")}, "", "jongno\n"},
		{"escape sequences removed", []string{"해자\x1b]52;c;aGVsbG8=\x07"}, "", "haeja\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := runRomanize(tc.args, strings.NewReader(tc.stdin), &out); err != nil {
				t.Fatal(err)
			}
			if out.String() != tc.want {
				t.Errorf("got %q, want %q", out.String(), tc.want)
			}
		})
	}
}
