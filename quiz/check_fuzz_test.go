package quiz

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/moatquiz/moatquiz/hangul"
	"golang.org/x/text/unicode/norm"
)

// FuzzCheckAnswer checks typed against one accepted answer and holds
// CheckAnswer to what the Session and the TUI rely on.
func FuzzCheckAnswer(f *testing.F) {
	seeds := [][2]string{
		{"해자", "해자"}, {"해저", "해자"}, {"해자가", "해자"}, {"해자는", "해자가"},
		{"오픈 소스", "오픈소스"}, {"인공지느", "인공지능"}, {"샌프란시스코", "샌프란시스코"},
		{"gowk", "해자"}, {"구글, 오픈AI", "구글, 오픈AI 등"}, {"훈련과 추론", "훈련"},
		{"infrence", "inference"}, {"the moat", "moat (castle ditch)"}, {"ㅡㅐㅁㅅ", "moat"},
		{"", "해자"}, {"\x1b[2J해자", "해자"}, {"해자", ""},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], int64(3*time.Second))
	}
	f.Fuzz(func(t *testing.T, typed, answer string, elapsed int64) {
		c := CheckAnswer(typed, []string{answer}, time.Duration(elapsed))
		if c.Verdict < Wrong || c.Verdict > Right || c.Suggested < 1 || c.Suggested > 4 {
			t.Fatalf("verdict %v, suggested %v", c.Verdict, c.Suggested)
		}
		if c.Verdict == Right && c.Diff != nil {
			t.Fatalf("a right answer has a diff")
		}
		if !utf8.ValidString(typed) || !utf8.ValidString(answer) {
			return
		}
		if strings.ContainsFunc(c.Typed+c.Expected+c.Note, isHiddenRune) {
			t.Fatalf("hidden characters in %q / %q / %q", c.Typed, c.Expected, c.Note)
		}
		if nfd := CheckAnswer(norm.NFD.String(typed), []string{answer}, time.Duration(elapsed)); nfd.Verdict != c.Verdict || nfd.Note != c.Note {
			t.Fatalf("NFD typed gives %v %q, NFC %v %q", nfd.Verdict, nfd.Note, c.Verdict, c.Note)
		}
		if cleanAnswer(answer) != "" {
			if self := CheckAnswer(answer, []string{answer}, 0); self.Verdict != Right {
				t.Fatalf("the answer %q checked against itself is %v", answer, self.Verdict)
			}
		}
		if c.Diff != nil && !hangul.HasHangul(c.Expected) {
			t.Fatalf("a diff for a non-Korean answer %q", c.Expected)
		}
	})
}

// FuzzCheckAnswerWords holds the checker to never calling one word of
// the word lists Almost for another (usability B3): the answer is word i
// of a list, and typed is the fuzzed text and the word k places on in
// the list (neighbours often differ by one letter: 강점, 강정). A plural
// is the same word and may be Almost.
func FuzzCheckAnswerWords(f *testing.F) {
	for _, s := range [][2]string{{"장점", "강점"}, {"해지", "해자"}, {"해저", "해자"}, {"사다", "가다"}, {"강도", "강"}, {"고양", "고양이"}, {"house", "horse"}, {"strenght", "strength"}} {
		list := koreanWords()
		if !hangul.HasHangul(s[1]) {
			list = englishWords()
		}
		f.Add(s[0], uint32(list.index(s[1])), uint8(1), !hangul.HasHangul(s[1]))
	}
	f.Fuzz(func(t *testing.T, typed string, i uint32, k uint8, english bool) {
		list := koreanWords()
		if english {
			list = englishWords()
		}
		n := uint32(len(list.ends))
		answer := list.at(int(i % n))
		for _, w := range []string{typed, list.at(int((i + uint32(k%16)) % n))} {
			key := glossKey(w)
			if key == "" || strings.Contains(key, " ") || key == answer || !isDictionaryWord(key) {
				continue
			}
			c := CheckAnswer(w, []string{answer}, 0)
			if c.Verdict == Almost && !strings.HasPrefix(c.Note, "singular or plural") {
				t.Fatalf("%q typed for %q, both words, is Almost: %s", w, answer, c.Note)
			}
		}
	})
}
