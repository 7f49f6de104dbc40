package quiz

// Placeholders that deck tools such as `moatquiz mine` write where a text
// is required but not known yet, for the learner to replace. The deck
// format accepts them as ordinary text; the study domain treats them as
// missing.
const (
	// NoMeaning is a vocab card's only meaning while the learner has not
	// given one: such a card yields no study items, and its placeholder
	// is never offered as a choice.
	NoMeaning = "(no meaning yet)"
	// NoTranslation is a cloze card's translation while the learner has
	// not given one; it is shown as it is after the answer.
	NoTranslation = "(no translation yet)"
)

// AwaitsMeaning reports whether c is a vocab card whose meaning is still
// the [NoMeaning] placeholder.
func (c *Card) AwaitsMeaning() bool {
	return c.Kind == KindVocab && len(c.Meanings) == 1 && c.Meanings[0] == NoMeaning
}
