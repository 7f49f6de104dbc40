package mine

import (
	"strings"
	"sync"

	ko "github.com/ikawaha/kagome-dict-ko"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// Analyzer splits Korean sentences into morphemes with mecab-ko-dic and
// finds the words in them. Loading its dictionary takes a second or two
// and about 300 MB, so only `moatquiz mine` makes one.
type Analyzer struct {
	tk *tokenizer.Tokenizer
}

var (
	loadOnce sync.Once
	loaded   *Analyzer
)

// Load returns the analyzer, loading the dictionary on the first call.
func Load() *Analyzer {
	loadOnce.Do(func() {
		tk, err := tokenizer.New(ko.Dict(), tokenizer.OmitBosEos())
		if err != nil {
			panic(err) // only for a nil dictionary, which ko.Dict never returns
		}
		loaded = &Analyzer{tk: tk}
	})
	return loaded
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
				m.first = lemma
			}
		}
		out = append(out, m)
	}
	return out
}

// Words returns the words of one sentence, in order; see [wordsOf].
func (a *Analyzer) Words(sentence string) []Occurrence {
	return wordsOf(a.morphs(sentence))
}
