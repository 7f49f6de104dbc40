package quiz

import "strings"

// SiblingKey is what relates cards (Card.SiblingKeys): a word, a hint or
// a sentence.
type SiblingKey struct {
	Kind byte // KeyWord, KeyHint or KeySentence
	Text string
}

// The kinds of sibling keys.
const (
	KeyWord     = 'w' // a word tested
	KeyHint     = 'h' // a cloze's hint shown: a dictionary form, or a meaning
	KeySentence = 's' // a sentence quoted
)

// Word reports whether the key is a word's (or a hint's), not a sentence's.
func (k SiblingKey) Word() bool { return k.Kind != KeySentence }

// SiblingKeys returns what relates card c to other cards of its deck, as
// keys: what its answer shows (shows), and what would give it away
// (tests). Once a card is studied, a card whose tests meet its shows would
// be answered from memory of a minute ago, so it waits
// (Scheduling.BurySiblings). A word relates both ways: a vocab card's
// word, a cloze deletion's answer and its hint (mine sets it to the
// dictionary form, or else to a meaning, which must not relate two clozes
// of one meaning: a hint is shown as a key of its own kind). A sentence
// is shown by every card that quotes it (its source sentence, a vocab
// card's example, a cloze's text filled in) and gives away the clozes and
// facts made from it, but not the vocab cards of its other words: their
// meanings are not in it. Keys compare exactly (the loader makes text NFC).
func (c *Card) SiblingKeys() (shows, tests []SiblingKey) {
	shows, tests = make([]SiblingKey, 0, 3), make([]SiblingKey, 0, 4)
	add := func(list *[]SiblingKey, kind byte, s string) {
		if s != "" {
			*list = append(*list, SiblingKey{kind, s})
		}
	}
	add(&shows, KeySentence, c.SourceSentence)
	switch c.Kind {
	case KindVocab:
		add(&shows, KeyWord, c.Word)
		add(&tests, KeyWord, c.Word)
		add(&tests, KeyHint, c.Word)
		if c.Example != nil {
			add(&shows, KeySentence, c.Example.Ko)
		}
	case KindCloze:
		parts, err := ParseCloze(c.Text)
		if err != nil {
			break
		}
		var filled strings.Builder
		for _, p := range parts {
			filled.WriteString(p.Text)
			if p.Num > 0 {
				add(&shows, KeyWord, p.Text)
				add(&tests, KeyWord, p.Text)
				add(&shows, KeyHint, p.Hint)
				add(&tests, KeyWord, p.Hint)
			}
		}
		add(&tests, KeySentence, c.SourceSentence)
		if filled.String() != c.SourceSentence {
			add(&shows, KeySentence, filled.String())
			add(&tests, KeySentence, filled.String())
		}
	case KindFact:
		add(&tests, KeySentence, c.SourceSentence)
	}
	return shows, tests
}

// kin are the keys shown by the cards claimed today, for holding back the
// cards related to them. The zero kin (burying off) relates nothing.
type kin struct {
	shown map[SiblingKey]bool // nil when siblings are not buried
}

// newKin returns the kin of a day: empty, or off when bury is false.
func newKin(bury bool) kin {
	if !bury {
		return kin{}
	}
	return kin{shown: map[SiblingKey]bool{}}
}

// claim notes card c as studied today.
func (k kin) claim(c *Card) { k.claimIf(c, func(SiblingKey) bool { return true }) }

// claimWords notes the words card c shows, not its sentences.
func (k kin) claimWords(c *Card) { k.claimIf(c, SiblingKey.Word) }

// claimIf notes the keys card c shows that keep says.
func (k kin) claimIf(c *Card, keep func(SiblingKey) bool) {
	if k.shown == nil {
		return
	}
	shows, _ := c.SiblingKeys()
	for _, key := range shows {
		if keep(key) {
			k.shown[key] = true
		}
	}
}

// related reports whether a card claimed gives card c away.
func (k kin) related(c *Card) bool {
	if len(k.shown) == 0 {
		return false
	}
	_, tests := c.SiblingKeys()
	for _, key := range tests {
		if k.shown[key] {
			return true
		}
	}
	return false
}
