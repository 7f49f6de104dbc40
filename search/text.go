package search

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moatquiz/moatquiz/hangul"
)

// The ranks of text matches, best first.
const (
	RankExact   = iota // the words as written (case and NFD/NFC aside)
	RankInitial        // 초성 (ㅎㅈ for 해자), or jamo typed so far (해ㅈ)
	RankRoman          // the romanization (haeja for 해자)
	RankNear           // one jamo in two syllables differs (헤자 for 해자)
)

// Text is a card's words prepared for matching: built once per card (it
// romanizes and decomposes), then matched against every keystroke's
// query without allocating.
type Text struct {
	plain    string // NFC, lower case
	initials string // 초성 of plain, spaces removed
	words    []int  // where each word starts in initials
	roman    string // romanization of plain, spaces removed
	jamo     string // plain as 2-set keys, spaces removed
}

// NewText prepares the words of a card: front, back and whatever else a
// query's plain words should find.
func NewText(parts ...string) *Text {
	plain := strings.ToLower(hangul.NFC(strings.Join(parts, "\n")))
	t := &Text{plain: plain}
	if !hangul.HasHangul(plain) {
		return t
	}
	// 초성, romanization and jamo come from the parts in Korean only:
	// English takes time to go through and finds nothing there.
	korean := make([]string, 0, len(parts))
	for _, p := range parts {
		if hangul.HasHangul(p) {
			korean = append(korean, p)
		}
	}
	ko := strings.ToLower(hangul.NFC(strings.Join(korean, "\n")))
	for _, w := range strings.Fields(hangul.Initials(ko)) {
		t.words = append(t.words, len(t.initials))
		t.initials += w
	}
	t.roman = dropSpaces(strings.ToLower(hangul.Romanize(ko)))
	t.jamo = dropSpaces(string(hangul.Decompose(ko)))
	return t
}

// dropSpaces removes white space, so that 오픈 소스 and 오픈소스 match alike.
func dropSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// textNode is a word or phrase to find, prepared as NewText prepares a
// card's words.
type textNode struct {
	plain    string
	squeezed string // plain without spaces
	initials bool   // only compatibility consonants: a 초성 query
	roman    bool   // only ASCII letters: may be a romanization
	jamo     []rune // the 2-set keys of a Hangul word, else nil
	keys     string // jamo as a string
	near     int    // jamo that may differ in a near match
	pieces   []nearPiece
}

// newText prepares a word or phrase of a query.
func newText(s string) node {
	plain := strings.ToLower(hangul.NFC(s))
	n := &textNode{plain: plain, squeezed: dropSpaces(plain)}
	n.initials = n.squeezed != "" && strings.IndexFunc(n.squeezed, func(r rune) bool {
		return !hangul.IsJamo(r) || r >= 'ㅏ'
	}) < 0
	n.roman = len(n.squeezed) >= 2 && strings.IndexFunc(n.squeezed, func(r rune) bool {
		return r > unicode.MaxASCII || !unicode.IsLetter(r)
	}) < 0
	if hangul.HasHangul(n.squeezed) {
		n.jamo = hangul.Decompose(n.squeezed)
		n.keys = string(n.jamo)
		syllables := 0
		for _, r := range n.squeezed {
			if hangul.IsSyllable(r) {
				syllables++
			}
		}
		n.near = syllables / 2
		n.pieces = nearPieces(n.jamo, n.near)
	}
	return n
}

func (n *textNode) match(c *Card) (int, bool) {
	t := c.Text
	if t == nil {
		return 0, false
	}
	switch {
	case strings.Contains(t.plain, n.plain):
		return RankExact, true
	case n.initials && t.startsWord(n.squeezed):
		return RankInitial, true
	case n.jamoKind() && strings.Contains(t.jamo, n.keys):
		return RankInitial, true
	case n.roman && strings.Contains(t.roman, n.squeezed):
		return RankRoman, true
	case n.near > 0 && containsNear(t.jamo, n.jamo, n.near, n.pieces):
		return RankNear, true
	}
	return 0, false
}

// startsWord reports whether initials (a 초성 query) occur at the start
// of a word of t: ㅎㅈ finds 해자가, not the middle of 않지.
func (t *Text) startsWord(initials string) bool {
	for _, at := range t.words {
		if strings.HasPrefix(t.initials[at:], initials) {
			return true
		}
	}
	return false
}

// nearPieces cuts sub into k+1 pieces for containsNear: with k
// differences one of them occurs as it is.
func nearPieces(sub []rune, k int) []nearPiece {
	var pieces []nearPiece
	n := len(sub)
	for p := 0; p <= k; p++ {
		lo, hi := p*n/(k+1), (p+1)*n/(k+1)
		if lo < hi {
			pieces = append(pieces, nearPiece{keys: string(sub[lo:hi]), before: len(string(sub[:lo]))})
		}
	}
	return pieces
}

// nearPiece is a piece of a near query's keys, and how many bytes of
// keys come before it.
type nearPiece struct {
	keys   string
	before int
}

// containsNear reports whether some run of s (2-set keys) differs from
// sub in at most k places, each a vowel for a vowel (헤자 for 해자, 거 for
// 고); pieces are nearPieces(sub, k). Each place a piece occurs is checked
// whole.
func containsNear(s string, sub []rune, k int, pieces []nearPiece) bool {
	for _, p := range pieces {
		for off := 0; ; {
			i := strings.Index(s[off:], p.keys)
			if i < 0 {
				break
			}
			// Vowels for vowels keep byte lengths: the run starts before bytes back.
			if at := off + i - p.before; at >= 0 && near(s[at:], sub, k) {
				return true
			}
			off += i + 1
		}
	}
	return false
}

// near reports whether s starts with sub, but for at most k vowels.
func near(s string, sub []rune, k int) bool {
	miss := 0
	for _, r := range sub {
		c, size := utf8.DecodeRuneInString(s)
		if size == 0 {
			return false
		}
		s = s[size:]
		if c != r {
			if miss++; miss > k || !isVowel(r) || !isVowel(c) {
				return false
			}
		}
	}
	return true
}

// isVowel reports whether r is a compatibility jamo vowel.
func isVowel(r rune) bool { return r >= 'ㅏ' && r <= 'ㅣ' }

// AppendBinary appends t to b in the form Decode reads, so that a cache
// can keep what NewText prepared rather than prepare it again.
func (t *Text) AppendBinary(b []byte) []byte {
	for _, s := range [...]string{t.plain, t.initials, t.roman, t.jamo} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(t.words)))
	for _, at := range t.words {
		b = binary.AppendUvarint(b, uint64(at))
	}
	return b
}

// Decode sets t to the Text AppendBinary wrote at the start of s, and
// returns the rest of s; false when s does not start with one. t keeps
// substrings of s rather than copies.
func (t *Text) Decode(s string) (rest string, ok bool) {
	var parts [4]string
	for i := range parts {
		n, s2, ok := uvarint(s)
		if !ok || n > uint64(len(s2)) {
			return s, false
		}
		parts[i], s = s2[:n], s2[n:]
	}
	*t = Text{plain: parts[0], initials: parts[1], roman: parts[2], jamo: parts[3]}
	n, s, ok := uvarint(s)
	if !ok || n > uint64(len(s)) {
		return s, false
	}
	if n > 0 {
		t.words = make([]int, n)
	}
	for i := range t.words {
		var at uint64
		// startsWord slices initials at each: they must stay in it.
		if at, s, ok = uvarint(s); !ok || at > uint64(len(t.initials)) {
			return s, false
		}
		t.words[i] = int(at)
	}
	return s, true
}

// uvarint reads the unsigned varint at the start of s, and returns the rest.
func uvarint(s string) (uint64, string, bool) {
	var n uint64
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		n |= uint64(s[i]&0x7f) << (7 * i)
		if s[i] < 0x80 {
			return n, s[i+1:], true
		}
	}
	return 0, s, false
}
