package hangul

// The tables of romantable.go and particlewords.go come from mecab-ko-dic;
// regenerating them loads the dictionary (seconds, about 300 MB).
//go:generate sh -c "cd ../tools/romantable && go run . -dir ../../hangul"

import (
	"strings"
	"sync"
)

// markTable is wordMarkList parsed: each word with the marks of its
// junctions, and the length in syllables of the longest word.
type markTable struct {
	marks   map[string]string
	longest int
}

// wordMarks parses the generated table on first use.
var wordMarks = sync.OnceValue(func() markTable {
	t := markTable{marks: make(map[string]string, strings.Count(wordMarkList, "\n"))}
	for line := range strings.Lines(wordMarkList) {
		word, marks, ok := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		if ok {
			t.marks[word] = marks
			t.longest = max(t.longest, len(marks)+1)
		}
	}
	return t
})

// madeVerb lists the first syllables of 하다 and 되다, which make a verb
// of a noun: 입학 is iphak, but 입학하다 is ipakada (a verb aspirates).
const madeVerb = "하해했합할한함되돼됐됩될된됨"

// particleStart lists the first syllables of the particles that may
// follow a noun.
const particleStart = "이가은는을를의에와과로으도만나랑처보부까께마"

// marksFor returns the junction marks of a run of syllables (marks[i] is
// between syllables i and i+1) after lead syllables that stand for a lone
// final: those of the longest word of the table that starts the run, and
// none elsewhere.
func marksFor(word []rune, lead int) []byte {
	marks := make([]byte, lead+len(word))
	t := wordMarks()
	for k := min(len(word), t.longest); k >= 2; k-- {
		m, ok := t.marks[string(word[:k])]
		if !ok {
			continue
		}
		for i := range k - 1 {
			if m[i] != 'h' || keepH(word[i+1], word[k:]) {
				marks[lead+i] = m[i]
			}
		}
		break
	}
	return marks
}

// keepH reports whether the ㅎ of syllable h in a noun of the table is
// written when rest follows the noun: not before 하다 or 되다, which make
// a verb (입학하다 ipakada), nor when h is itself a form of 하다 and
// something other than a particle follows, as the noun may be the stem
// of a verb (착하 in 착하다 chakada, 약해 in 약해지다 yakaejida).
func keepH(h rune, rest []rune) bool {
	switch {
	case len(rest) == 0:
		return true
	case strings.ContainsRune(madeVerb, rest[0]):
		return false
	}
	return !strings.ContainsRune(madeVerb, h) || strings.ContainsRune(particleStart, rest[0])
}
