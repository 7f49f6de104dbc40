package mine

import "github.com/moatquiz/moatquiz/hangul"

// partOfSpeech maps the tags of the words kept to a vocab card's pos.
// Every other tag is dropped: particles (J*), endings (E*), the copula
// and auxiliaries (VCP, VCN, VX), bound nouns (NNB, NNBC), numbers (SN,
// NR), names (NNP), symbols and punctuation (S*), foreign letters (SL,
// SH), affixes on their own (XP*, XS*) and interjections (IC, a tag the
// dictionary gives many a misread word).
var partOfSpeech = map[string]string{
	"NNG": "noun", "NP": "noun",
	"VV": "verb", "VA": "adjective",
	"MAG": "adverb", "MAJ": "adverb",
	"MM": "determiner",
}

// wordsOf finds the words among a sentence's morphemes, each in its
// dictionary form: a noun as it is, or with 적 when the suffix follows it
// (기술적); a noun or root followed by the suffix 하, 되, 시키… as a verb
// or adjective with 다 (유출하다, 구분되다, 깨끗하다); a verb or adjective
// stem with 다 (먹다, 가다 of 갔다, 듣다 of 들었다). A verb's occurrence
// covers its endings, since they are what the learner must produce.
func wordsOf(ms []morph) []Occurrence {
	var out []Occurrence
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if !m.known || !allSyllables(m.first) {
			continue
		}
		occ := Occurrence{Word: m.first, POS: partOfSpeech[m.tag], Start: m.start, End: m.end}
		switch m.tag {
		case "NNG", "NP", "XR":
			var used int
			occ, used = nounWord(ms, i)
			i += used
		case "VV", "VA":
			occ.Word += "다"
			occ.End = endings(ms, i+1)
		}
		if occ.POS != "" {
			out = append(out, occ)
		}
	}
	return out
}

// nounWord is the word a noun (or root) at ms[i] starts, and how many
// morphemes after it the word takes: the suffix 적, or a verb- or
// adjective-making suffix and its endings. A root alone is no word (its
// POS is "").
func nounWord(ms []morph, i int) (Occurrence, int) {
	m := ms[i]
	occ := Occurrence{Word: m.first, POS: partOfSpeech[m.tag], Start: m.start, End: m.end}
	if i+1 >= len(ms) || ms[i+1].start != m.end {
		return occ, 0
	}
	next := ms[i+1]
	switch {
	case next.tag == "XSN" && next.surface == "적":
		occ.Word, occ.POS, occ.End = m.first+"적", "noun", next.end
		return occ, 1
	case (next.tag == "XSV" || next.tag == "XSA") && allSyllables(next.first):
		occ.Word, occ.POS = m.first+next.first+"다", "verb"
		if next.tag == "XSA" {
			occ.POS = "adjective"
		}
		occ.End = endings(ms, i+2)
		return occ, 1 + countEndings(ms, i+2)
	}
	return occ, 0
}

// endings returns the end of the word whose last stem morpheme is
// ms[k-1]: after the endings (E*) that follow it without a space.
func endings(ms []morph, k int) int {
	return ms[k-1+countEndings(ms, k)].end
}

// countEndings counts the endings from ms[k] on that follow without a
// space.
func countEndings(ms []morph, k int) int {
	n := 0
	for j := k; j < len(ms) && ms[j].tag != "" && ms[j].tag[0] == 'E' && ms[j].start == ms[j-1].end; j++ {
		n++
	}
	return n
}

// allSyllables reports whether s is one or more Hangul syllables.
func allSyllables(s string) bool {
	for _, r := range s {
		if !hangul.IsSyllable(r) {
			return false
		}
	}
	return s != ""
}
