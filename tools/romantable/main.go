// Command romantable writes hangul/romantable.go, the table of words whose
// pronunciation, and so whose Revised Romanization, depends on how the word
// is built rather than on its spelling alone. Its source is mecab-ko-dic
// (the Korean dictionary of the MeCab morphological analyser, as packaged
// by github.com/ikawaha/kagome-dict-ko), which marks compound nouns with
// their parts and gives each entry its part of speech. It takes a few
// seconds and about 300 MB to load, so only this generator reads it:
//
//	cd tools/romantable && go run . > ../../hangul/romantable.go
//
// For each junction between two syllables of a word the table may hold a
// mark (see hangul/romanize.go):
//
//   - 'n': ㄴ is inserted (표준 발음법 제29항) between the parts of a compound
//     whose second part starts with 이 야 여 요 유 after a consonant (꽃잎
//     [꼰닙], 서울역 [서울력]);
//   - 'h': ㅎ after ㄱ ㄷ ㅂ in a noun is written (로마자 표기법 제3장 제1항
//     4 다만: 북한 Bukhan, 입학 iphak);
//   - 'b': a final before a vowel-initial full morpheme is neutralised
//     before it moves (제15항: 값어치 [가버치], 맛없다 [마덥따]);
//   - 'N': ㄴ before ㄹ makes ㄴㄴ after a Sino-Korean word of two syllables
//     or more (제20항 다만: 생산력 [생산녁], 자본력 [자본녁]).
package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"

	ko "github.com/ikawaha/kagome-dict-ko"
)

// Feature columns of a kagome-dict-ko entry (the part of speech is apart).
const (
	colMeaning    = 0
	colReading    = 2
	colType       = 3
	colExpression = 6
)

func main() {
	d := ko.Dict()
	marks, places := map[string]string{}, map[string]bool{}
	for i, c := range d.Contents {
		if len(c) <= colExpression {
			continue
		}
		pos := d.POSTable.NameList[d.POSTable.POSs[i][0]]
		if m := entryMarks(pos, c); m != "" && strings.Trim(m, ".") != "" {
			marks[c[colReading]] = merge(marks[c[colReading]], m)
		}
		if c[colMeaning] == "지명" {
			places[c[colReading]] = true
		}
	}
	for w, m := range missing {
		marks[w] = m
	}
	write(os.Stdout, withoutPlaceN(marks, places))
}

// missing are examples of the standard (로마자 표기법 제3장 제1항) and of
// 표준 발음법 that mecab-ko-dic lacks or does not show as built (일일이 is
// an adverb of 일일 + 이).
var missing = map[string]string{
	"학여울": "n.", "신문로": ".N", "일일이": "n.", "의견란": ".N", "입원료": ".N",
}

// withoutPlaceN drops the 'N' marks of place names, which keep ㄹㄹ
// (대관령 [대괄령], a mountain pass, beside 동원령 [동원녕], an order), and
// the words left with no mark.
func withoutPlaceN(marks map[string]string, places map[string]bool) map[string]string {
	for w, m := range marks {
		if !places[w] {
			continue
		}
		if m = strings.ReplaceAll(m, "N", "."); strings.Trim(m, ".") == "" {
			delete(marks, w)
		} else {
			marks[w] = m
		}
	}
	return marks
}

// entryMarks returns the marks of one dictionary entry ("" for none).
func entryMarks(pos string, c []string) string {
	word := c[colReading]
	n := len([]rune(word))
	if n < 2 || !allSyllables(word) || c[colMeaning] == "인명" {
		return ""
	}
	m := []byte(strings.Repeat(".", n-1))
	noun := pos == "NNG" || pos == "NNP" || pos == "NNB" || pos == "NR" || pos == "NP"
	if noun {
		markH(word, m)
	}
	if c[colType] == "Compound" && noun {
		markParts(word, c[colExpression], m)
	}
	if pos == "VA" && strings.HasSuffix(word, "없") {
		markBefore(word, n-1, m) // 맛없다 [마덥따]
	}
	return string(m)
}

// markH marks each ㅎ after a final ㄱ, ㄷ or ㅂ.
func markH(word string, m []byte) {
	rs := []rune(word)
	for i := 0; i+1 < len(rs); i++ {
		t := final(rs[i])
		if (t == 'ㄱ' || t == 'ㄷ' || t == 'ㅂ') && initial(rs[i+1]) == 'ㅎ' {
			m[i] = 'h'
		}
	}
}

// markParts marks the junctions between the parts of a compound, given as
// its dictionary expression ("꽃/NNG/*+잎/NNG/*": surface, tag, meaning).
func markParts(word, expr string, m []byte) {
	at := 0
	parts := strings.Split(expr, "+")
	for k := 0; k+1 < len(parts); k++ {
		prev, next := strings.Split(parts[k], "/"), strings.Split(parts[k+1], "/")
		if len(prev) < 3 || len(next) < 3 {
			return
		}
		at += len([]rune(prev[0]))
		if at >= len([]rune(word)) {
			return
		}
		markJunction(word, at, prev, next, m)
	}
}

// markJunction marks the junction before rune at of word, between the
// parts prev and next (surface, tag, meaning).
func markJunction(word string, at int, prev, next []string, m []byte) {
	rs := []rune(word)
	t, l, v := final(rs[at-1]), initial(rs[at]), medial(rs[at])
	switch {
	case t == 0 || slices.Contains(noInsertionWords, word):
	case l == 'ㅇ' && strings.ContainsRune("ㅣㅑㅕㅛㅠ", v):
		if !slices.Contains(noInsertion, next[0]) && (next[0] != "일" || prev[2] == "*") {
			m[at-1] = 'n'
		}
	case l == 'ㅇ' && isFull(next[1]) && v != 'ㅡ': // not 웃음 [우슴], tagged 웃+음
		markBefore(word, at, m)
	case l == 'ㄹ' && t == 'ㄴ' && len([]rune(prev[0])) >= 2:
		m[at-1] = 'N'
	}
}

// isFull reports whether a part tagged tag ("NNG") is a full morpheme,
// not an ending, a particle or an affix.
func isFull(tag string) bool { return !strings.ContainsAny(tag[:1], "EJX") }

// noInsertion are second parts that take no ㄴ in compounds (목요일
// [모교일]: mecab-ko-dic splits it 목+요일; 서양인 [서양인]).
// Before 일, a day (기념일 [기녀밀]) is told from work (집안일 [지반닐]) by
// the first part: Sino-Korean nouns carry a meaning class (기념/NNG/행위).
var noInsertion = []string{"요일", "이", "인"}

// noInsertionWords take no ㄴ though built as above: the examples of
// 표준 발음법 제29항 다만, and 출입국 [추립꾹] (출 + 입국).
var noInsertionWords = []string{"송별연", "등용문", "출입국"}

// markBefore marks a morpheme boundary before rune at when the final
// before it would move differently once neutralised.
func markBefore(word string, at int, m []byte) {
	t := final([]rune(word)[at-1])
	if t != 0 && t != 'ㅇ' && t != 'ㄴ' && t != 'ㄹ' && t != 'ㅁ' && t != 'ㄱ' && t != 'ㄷ' && t != 'ㅂ' {
		m[at-1] = 'b'
	}
}

// merge combines the marks of two entries with the same reading, keeping
// the marks of both.
func merge(a, b string) string {
	if a == "" || len(a) != len(b) {
		return b
	}
	out := []byte(a)
	for i := range out {
		if out[i] == '.' {
			out[i] = b[i]
		}
	}
	return string(out)
}

const sBase, sCount = 0xAC00, 11172

var (
	initials = []rune("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")
	medials  = []rune("ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ")
	finals   = append([]rune{0}, []rune("ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")...)
)

func allSyllables(s string) bool {
	for _, r := range s {
		if r < sBase || r >= sBase+sCount {
			return false
		}
	}
	return true
}

func initial(r rune) rune { return initials[(r-sBase)/(21*28)] }
func medial(r rune) rune  { return medials[(r-sBase)%(21*28)/28] }
func final(r rune) rune   { return finals[(r-sBase)%28] }

// write prints the table as Go source, one word a line, sorted.
func write(f *os.File, marks map[string]string) {
	w := bufio.NewWriter(f)
	defer w.Flush()
	words := make([]string, 0, len(marks))
	for k := range marks {
		words = append(words, k)
	}
	slices.Sort(words)
	fmt.Fprintln(w, "// Code generated by tools/romantable from mecab-ko-dic (github.com/ikawaha/kagome-dict-ko); DO NOT EDIT.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "package hangul")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "// wordMarkList holds, a word a line, each word whose romanization depends")
	fmt.Fprintln(w, "// on how it is built and the mark of each junction between its syllables")
	fmt.Fprintln(w, "// ('.' for none; see junctionMark).")
	fmt.Fprint(w, "const wordMarkList = `")
	for _, k := range words {
		fmt.Fprintf(w, "%s %s\n", k, marks[k])
	}
	fmt.Fprintln(w, "`")
}
