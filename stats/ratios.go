package stats

import (
	"slices"
	"sort"

	"github.com/moatquiz/moatquiz/termtext"
)

// ratios fills Decks and Tags from the answers per card: added up per
// deck, and per tag of the card's deck file (cards no longer in their
// deck have no tags).
func (c *counter) ratios(s *Stats, cards []CardAnswers) {
	decks, tags, raw := newTally(), newTally(), newTally()
	for _, ca := range cards {
		if c.q.Deck != "" && ca.Deck != c.q.Deck {
			continue
		}
		decks.add(ca.Deck, ca.Answers, ca.Correct)
		if d, pos, ok := c.find(ca.Deck, ca.Card); ok {
			cardTags := d.Tags(pos)
			for i, tag := range cardTags {
				if !slices.Contains(cardTags[:i], tag) {
					raw.add(tag, ca.Answers, ca.Correct)
				}
			}
		}
	}
	for _, tag := range raw.keys() { // tags that differ only in spacing or hidden characters are one
		tags.add(termtext.OneLine(tag), raw.answers[tag], raw.correct[tag])
	}
	titles := make(map[string]string)
	for _, d := range c.q.Decks {
		if d != nil {
			titles[d.Header().ID] = termtext.OneLine(d.Header().Title)
		}
	}
	s.Decks, s.Tags = []DeckRatio{}, []TagRatio{}
	for _, deck := range decks.keys() {
		s.Decks = append(s.Decks, DeckRatio{Deck: deck, Title: titles[deck], Ratio: decks.ratio(deck)})
	}
	for _, tag := range tags.keys() {
		s.Tags = append(s.Tags, TagRatio{Tag: tag, Ratio: tags.ratio(tag)})
	}
}

// tally adds up answers by key.
type tally struct{ answers, correct map[string]int }

func newTally() tally { return tally{map[string]int{}, map[string]int{}} }

// add counts answers under key.
func (t tally) add(key string, answers, correct int) {
	t.answers[key] += answers
	t.correct[key] += correct
}

// keys are the keys counted, sorted.
func (t tally) keys() []string {
	keys := make([]string, 0, len(t.answers))
	for k := range t.answers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ratio is key's count.
func (t tally) ratio(key string) Ratio { return newRatio(t.answers[key], t.correct[key]) }
