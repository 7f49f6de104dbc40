package mine

import (
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestSentences checks sentence splitting on plain text and Markdown.
func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"가격은 3.5% 올랐다. 정말?  네!\n다음 줄", []string{"가격은 3.5% 올랐다.", "정말?", "네!", "다음 줄"}},
		{"그는 \"좋다.\" 라고 했다.\n\n새 문단", []string{"그는 \"좋다.\"", "라고 했다.", "새 문단"}},
		{"## 제목\n본문은 [링크](http://x.kr)와 **강조**가 있다.\n```\n코드 줄.\n```\n> 인용이다.", []string{"제목", "본문은 링크와 강조가 있다.", "인용이다."}},
		{"줄이\n이어지는\t문장.\r\n", []string{"줄이 이어지는 문장."}},
		{"윈도의\r\n줄바꿈도\r이어진다.\r\n\r\n1. 목록\n2023. 5. 20. 날짜", []string{"윈도의 줄바꿈도 이어진다.", "목록 2023.", "5.", "20.", "날짜"}},
		{norm.NFD.String("한글 문장."), []string{"한글 문장."}},
		{"보이지\u200b 않는\x1b[31m 글자.", []string{"보이지 않는 글자."}},
	}
	for _, tt := range tests {
		if got := Sentences(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
