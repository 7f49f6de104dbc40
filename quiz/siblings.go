package quiz

import "strings"

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
// meanings are not in it. Keys compare exactly
// (the loader makes text NFC); a word key never equals a sentence key.
func (c *Card) SiblingKeys() (shows, tests []string) {
	add := func(list *[]string, kind, s string) {
		if s != "" {
			*list = append(*list, kind+s)
		}
	}
	add(&shows, "s:", c.SourceSentence)
	switch c.Kind {
	case KindVocab:
		add(&shows, "w:", c.Word)
		add(&tests, "w:", c.Word)
		add(&tests, "h:", c.Word)
		if c.Example != nil {
			add(&shows, "s:", c.Example.Ko)
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
				add(&shows, "w:", p.Text)
				add(&tests, "w:", p.Text)
				add(&shows, "h:", p.Hint)
				add(&tests, "w:", p.Hint)
			}
		}
		add(&tests, "s:", c.SourceSentence)
		if filled.String() != c.SourceSentence {
			add(&shows, "s:", filled.String())
			add(&tests, "s:", filled.String())
		}
	case KindFact:
		add(&tests, "s:", c.SourceSentence)
	}
	return shows, tests
}

// kin are the keys shown by the cards claimed today, for holding back the
// cards related to them. The zero kin (burying off) relates nothing.
type kin struct {
	shown map[string]bool // nil when siblings are not buried
}

// newKin returns the kin of a day: empty, or off when bury is false.
func newKin(bury bool) kin {
	if !bury {
		return kin{}
	}
	return kin{shown: map[string]bool{}}
}

// claim notes card c as studied today.
func (k kin) claim(c *Card) { k.claimIf(c, func(string) bool { return true }) }

// claimWords notes the words card c shows, not its sentences.
func (k kin) claimWords(c *Card) { k.claimIf(c, IsWordKey) }

// claimIf notes the keys card c shows that keep says.
func (k kin) claimIf(c *Card, keep func(string) bool) {
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

// IsWordKey reports whether a sibling key is a word's (not a sentence's).
func IsWordKey(key string) bool { return !strings.HasPrefix(key, "s:") }

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
