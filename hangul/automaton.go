package hangul

// block is the syllable being composed, held as the keys typed into it in
// order: an initial consonant, one or two vowel keys, one or two final
// consonant keys. A block never holds a second key without the first; a
// block may be a lone vowel, or two consonants typed with no vowel that
// make a double final (cho and jong: ㄱ then ㅅ shows ㄳ, as libhangul and
// the Windows IME join them).
type block struct {
	cho, jung, jung2, jong, jong2 rune
}

func (b block) empty() bool { return b == block{} }

// text returns the character the block shows, or 0 when it is empty.
func (b block) text() rune {
	v := b.jung
	if b.jung2 != 0 {
		v = join(b.jung, b.jung2)
	}
	switch {
	case v == 0 && b.jong != 0:
		return join(b.cho, b.jong)
	case v == 0:
		return b.cho
	case b.cho == 0:
		return v
	}
	t := b.jong
	if b.jong2 != 0 {
		t = join(b.jong, b.jong2)
	}
	return syllable(initialIndex[b.cho], medialIndex[v], finalIndex[t])
}

// pop removes the key typed last into the block.
func (b *block) pop() {
	switch {
	case b.jong2 != 0:
		b.jong2 = 0
	case b.jong != 0:
		b.jong = 0
	case b.jung2 != 0:
		b.jung2 = 0
	case b.jung != 0:
		b.jung = 0
	default:
		b.cho = 0
	}
}

// isKey reports whether r is a jamo with a key of its own on a 2-set
// keyboard (compound vowels and double finals have none).
func isKey(r rune) bool {
	_, compound := splits[r]
	return IsJamo(r) && !compound
}

// canEnd reports whether consonant c can close a syllable (ㄸ ㅃ ㅉ cannot).
func canEnd(c rune) bool {
	_, ok := finalIndex[c]
	return ok
}

// automaton is the 2-set composition automaton: committed text plus the
// block being composed.
type automaton struct {
	done []rune
	cur  block
}

// put feeds one rune: keys are composed, any other rune ends the block
// being composed and is appended as it is.
func (a *automaton) put(r rune) {
	switch {
	case !isKey(r):
		a.commit()
		a.done = append(a.done, r)
	case isConsonant(r):
		a.consonant(r)
	default:
		a.vowel(r)
	}
}

// commit moves the block being composed into the committed text.
func (a *automaton) commit() {
	if r := a.cur.text(); r != 0 {
		a.done = append(a.done, r)
	}
	a.cur = block{}
}

func (a *automaton) consonant(c rune) {
	b := &a.cur
	switch {
	case b.cho != 0 && b.jong == 0 && (b.jung != 0 && canEnd(c) || b.jung == 0 && join(b.cho, c) != 0):
		b.jong = c // a final, or the second consonant of a bare cluster
	case b.jung != 0 && b.jong != 0 && b.jong2 == 0 && join(b.jong, c) != 0:
		b.jong2 = c
	default:
		a.commit()
		a.cur.cho = c
	}
}

func (a *automaton) vowel(v rune) {
	b := &a.cur
	switch {
	case b.jung == 0 && b.jong == 0:
		b.jung = v
	case b.jong == 0 && b.jung2 == 0 && join(b.jung, v) != 0:
		b.jung2 = v
	case b.jong == 0:
		a.commit()
		a.cur.jung = v
	default:
		// A final consonant moves to the next syllable: 닭+ㅣ → 달기,
		// ㄳ+ㅏ → ㄱ사.
		moved := &b.jong
		if b.jong2 != 0 {
			moved = &b.jong2
		}
		c := *moved
		*moved = 0
		a.commit()
		a.cur = block{cho: c, jung: v}
	}
}

// String returns the committed text followed by the block being composed.
func (a *automaton) String() string {
	if r := a.cur.text(); r != 0 {
		return string(a.done) + string(r)
	}
	return string(a.done)
}
