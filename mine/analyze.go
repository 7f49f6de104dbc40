package mine

import (
	"runtime"
	"runtime/debug"
	"strings"
	_ "unsafe" // for go:linkname

	_ "github.com/ikawaha/kagome-dict-ko" // the dictionary's data, for loadDict
	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome/v2/tokenizer"

	"github.com/moatquiz/moatquiz/hangul"
)

// Analyzer splits Korean sentences into morphemes with mecab-ko-dic and
// finds the words in them. Its dictionary takes a second or two to load
// and about 300 MB, so only `moatquiz mine` makes one, and the memory
// goes back once the Analyzer is dropped.
type Analyzer struct {
	tk      *tokenizer.Tokenizer
	dropped map[string]lStem // 만드 → 만들: see droppedL
}

// loadDict decodes the dictionary compiled into kagome-dict-ko (full:
// with its entries' features). Its exported ko.Dict keeps what it loads in
// a package variable for good, so the app would hold 300 MB until it
// quits; this, the function behind it, keeps nothing. A change of its
// signature in kagome-dict-ko breaks the build or the package's tests.
//
//go:linkname loadDict github.com/ikawaha/kagome-dict-ko.loadDict
func loadDict(full bool) *dict.Dict

// Load loads the dictionary and returns an analyzer of it. Every call
// loads it anew and nothing else keeps it: drop the Analyzer when done.
func Load() *Analyzer {
	return newAnalyzer(loadDict(true))
}

// FreeMemory collects the analyzers dropped and gives their memory back
// to the system, for a program that goes on after mining (the app). It
// collects twice: kagome keeps its last lattice, which points to the
// dictionary, in a sync.Pool, which lets go of it only at the second
// collection.
func FreeMemory() {
	runtime.GC()
	debug.FreeOSMemory()
}

// newAnalyzer returns the analyzer of the dictionary d.
func newAnalyzer(d *dict.Dict) *Analyzer {
	tk, err := tokenizer.New(d, tokenizer.OmitBosEos())
	if err != nil {
		panic(err) // only for a nil dictionary, which loadDict never returns
	}
	return &Analyzer{tk: tk, dropped: droppedL(d)}
}

// Occurrence is one word found in a sentence: its dictionary form and
// part of speech (as a vocab card's pos), and where it stands in the
// sentence, by byte offsets, with the endings it carries (먹었다 for 먹다)
// but not its particles (메모 of 메모를).
type Occurrence struct {
	Word       string
	POS        string
	Start, End int
}

// morph is one morpheme of the analysis: its text, where it stands, its
// tag's first part (VV of VV+EP) and the morpheme its dictionary entry
// starts with (가 of 갔: 가/VV + 았/EP).
type morph struct {
	surface    string
	start, end int
	tag        string
	first      string
	known      bool
}

// Features of a mecab-ko-dic entry as kagome gives them: the tag, then
// the entry's columns.
const (
	featReading    = 3
	featType       = 4
	featExpression = 7
)

// morphs analyses a sentence.
func (a *Analyzer) morphs(s string) []morph {
	toks := a.tk.Tokenize(s)
	out := make([]morph, 0, len(toks))
	for _, t := range toks {
		f := t.Features()
		m := morph{surface: t.Surface, start: t.Position, end: t.Position + len(t.Surface), known: t.Class == tokenizer.KNOWN}
		if len(f) > 0 {
			m.tag, _, _ = strings.Cut(f[0], "+")
		}
		m.first = t.Surface
		if len(f) > featExpression && (f[featType] == "Inflect" || f[featType] == "Preanalysis") {
			first, _, _ := strings.Cut(f[featExpression], "+")
			if lemma, tag, ok := strings.Cut(first, "/"); ok && strings.HasPrefix(tag, m.tag) {
				m.first = strings.Clone(lemma) // not a piece of the dictionary, kept alive by it
			}
		}
		if l, ok := a.dropped[t.Surface]; ok && (m.tag == "VV" || m.tag == "VA") && (m.first == t.Surface || m.first == l.full) {
			m.first = l.full
			if l.own {
				m.first = t.Surface
			}
		}
		out = append(out, m)
	}
	return out
}

// lStem is a verb or adjective stem whose final ㄹ drops before ㄴ, ㅂ
// and ㅅ (만들 of 만드는), and whether the stem without it is a stem of
// its own too (사 of 샀, for 사다, beside 살다 of 사는).
type lStem struct {
	full string
	own  bool
}

// droppedL maps the stems mecab-ko-dic lists without their final ㄹ to
// the whole stem. The dictionary has two entries of one cost for such a
// form (만드: a plain one and one inflected from 만들), and either may be
// chosen; the plain one would give 만드다. The form is taken as a stem of
// its own only when the dictionary has it in the past tense (샀: 사 + 았),
// which always shows the whole stem (만들었).
func droppedL(d *dict.Dict) map[string]lStem {
	dropped, own := map[string]lStem{}, map[string]bool{}
	for _, c := range d.Contents {
		if len(c) <= featExpression-1 || c[featType-1] != "Inflect" {
			continue
		}
		first, more, _ := strings.Cut(c[featExpression-1], "+")
		lemma, tag, _ := strings.Cut(first, "/")
		reading := c[featReading-1]
		switch {
		case tag != "VV/*" && tag != "VA/*":
		case strings.Contains(more, "/EP/"):
			own[lemma] = true
		case more == "" && lemma != reading && hangul.Compose(dropFinal(lemma)) == reading:
			dropped[reading] = lStem{full: lemma}
		}
	}
	for s, l := range dropped {
		dropped[s] = lStem{full: l.full, own: own[s]}
	}
	return dropped
}

// dropFinal returns the jamo of s without its last final ㄹ.
func dropFinal(s string) []rune {
	j := hangul.Decompose(s)
	if n := len(j); n > 0 && j[n-1] == 'ㄹ' {
		return j[:n-1]
	}
	return j
}

// Words returns the words of one sentence, in order; see [wordsOf].
func (a *Analyzer) Words(sentence string) []Occurrence {
	return wordsOf(a.morphs(sentence))
}
