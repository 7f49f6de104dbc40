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

// IsNounEndingLikeParticle reports whether w is a noun that ends in what
// could be a particle after another noun (고양이 is not 고양 + 이, 물가 is
// not 물 + 가, 경기도 is not 경기 + 도). It knows the nouns of mecab-ko-dic
// (see tools/romantable), not every noun.
func IsNounEndingLikeParticle(w string) bool {
	_, ok := particleNouns()[w]
	return ok
}

// particleNouns parses the generated list on first use.
var particleNouns = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, strings.Count(particleNounList, "\n"))
	for w := range strings.FieldsSeq(particleNounList) {
		m[w] = struct{}{}
	}
	return m
})
