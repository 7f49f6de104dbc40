package hangul

import (
	"slices"
	"strings"
	"sync"
)

// particles are the particles (조사) that may end a Korean answer or
// phrase; particleEnds may follow another particle (에서는, 에게도).
var (
	particles = []string{
		"이", "가", "은", "는", "을", "를", "와", "과", "의", "에", "께", "로", "도", "만",
		"나", "랑", "으로", "에서", "에게", "한테", "께서", "까지", "부터", "처럼", "보다",
		"마다", "로서", "로써", "이나", "이랑", "하고", "으로서", "으로써", "에게서",
	}
	particleEnds = []string{"은", "는", "도", "만", "의"}
)

// IsParticle reports whether s is a particle or two that end a noun
// phrase: 가, 으로, 에서는, 에게도.
func IsParticle(s string) bool {
	if slices.Contains(particles, s) {
		return true
	}
	for _, end := range particleEnds {
		if first, ok := strings.CutSuffix(s, end); ok && slices.Contains(particles, first) {
			return true
		}
	}
	return false
}

// IsWordEndingLikeParticle reports whether w is a word that ends in what
// could be a particle after another word (고양이 is not 고양 + 이, 물가 is
// not 물 + 가, 경기도 is not 경기 + 도, 정말로 is not 정말 + 로). It knows
// the common nouns, adverbs, determiners, interjections, verbs and
// adjectives (맛보다) of mecab-ko-dic (see tools/romantable), not every
// word; a word can also be a noun and a particle (물이).
func IsWordEndingLikeParticle(w string) bool {
	_, ok := particleWords()[w]
	return ok
}

// particleWords parses the generated list on first use.
var particleWords = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, strings.Count(particleWordList, "\n"))
	for w := range strings.FieldsSeq(particleWordList) {
		m[w] = struct{}{}
	}
	return m
})
