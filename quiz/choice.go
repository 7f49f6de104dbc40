package quiz

// Choice is what the learner last chose to study in a deck: the app's
// settings for it, remembered with the progress across runs.
type Choice struct {
	Deck      string
	Kind      QuestionKind // flip, choice, typed or mixed
	Direction Direction
	Lang      string     // the language of fact questions: "ko" or "en"
	Mode      Mode       // review, practice, or ahead (review that studies ahead)
	Cards     CardFilter // the Cards setting: all, vocab or facts
	Tag       string     // only cards with this tag; "" for every card
}

// ChoiceOf is the choice of studying deck with opts.
func ChoiceOf(deck string, opts Options) Choice {
	c := Choice{Deck: deck, Kind: opts.Kind, Direction: opts.Direction, Lang: opts.Lang, Mode: ModeReview,
		Cards: opts.Cards, Tag: opts.Tag}
	switch {
	case opts.Practice:
		c.Mode = ModePractice
	case opts.Ahead:
		c.Mode = ModeAhead
	}
	return c
}

// Options are the session options of the choice.
func (c Choice) Options() Options {
	return Options{Kind: c.Kind, Direction: c.Direction, Lang: c.Lang,
		Practice: c.Mode == ModePractice, Ahead: c.Mode == ModeAhead, Cards: c.Cards, Tag: c.Tag}
}
