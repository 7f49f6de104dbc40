package main

import (
	"fmt"
	"strings"

	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/tui"
)

// studyCmd starts a study session straight away. The app quits when the
// session's summary is closed (or on q/esc), so it fits a shell alias
// such as `alias vocab='moatquiz study --deck article --kind typed'`.
type studyCmd struct {
	Deck      string `required:"" placeholder:"ID" help:"The deck to study (see moatquiz decks)."`
	Kind      string `default:"flip" enum:"flip,choice,typed,mixed" help:"How questions are asked: flip, choice, typed or mixed."`
	Direction string `default:"both" enum:"ko-en,en-ko,both" help:"Which way vocabulary is studied: ko-en, en-ko or both."`
	Lang      string `default:"ko" enum:"ko,en" help:"The language fact questions are asked in: ko or en."`
	Cards     string `default:"all" enum:"all,vocab,facts" help:"Which cards: all, vocab (vocabulary only) or facts (facts and cloze sentences)."`
	Tag       string `placeholder:"NAME" help:"Study only the cards with this tag."`
	MoreNew   int    `name:"more-new" placeholder:"N" default:"0" help:"First add N new cards to this deck's limit, for today only."`
	Limit     int    `default:"0" help:"Study at most this many items (0: today's limits; in practice 500)."`
	Practice  bool   `xor:"mode" help:"Practice any cards without changing their schedule."`
	Ahead     bool   `xor:"mode" help:"When nothing is due, study the cards due soonest."`
}

// Validate rejects flag values no session can start with, before the
// app opens.
func (c *studyCmd) Validate() error {
	if c.Limit < 0 {
		return fmt.Errorf("--limit=%d: give 0 (today's limits) or more", c.Limit)
	}
	if c.MoreNew < 0 || c.MoreNew > library.MaxMoreNew {
		return fmt.Errorf("--more-new=%d: give how many more new cards to study today, from 1 to %d", c.MoreNew, library.MaxMoreNew)
	}
	return nil
}

// Run opens the app on a session of the deck.
func (c *studyCmd) Run(g *Globals) error {
	lib := g.library()
	if _, err := lib.Header(c.Deck); err != nil {
		return err
	}
	if err := c.checkTag(lib); err != nil {
		return err
	}
	return runApp(g, lib, &tui.Start{
		Deck: c.Deck,
		Options: quiz.Options{
			Kind:      quiz.QuestionKind(c.Kind),
			Direction: quiz.Direction(c.Direction),
			Lang:      c.Lang,
			Cards:     quiz.CardFilter(c.Cards),
			Tag:       c.Tag,
			Limit:     c.Limit,
			Practice:  c.Practice,
			Ahead:     c.Ahead,
		},
		MoreNew:   c.MoreNew,
		QuitAfter: true,
	})
}

// shownTags is how many of a deck's tags an unknown --tag lists.
const shownTags = 12

// checkTag refuses a --tag that no card of the deck has, naming the
// deck's tags instead: the session would be empty for a typo.
func (c *studyCmd) checkTag(lib *library.Library) error {
	if c.Tag == "" {
		return nil
	}
	tags, err := lib.Tags(c.Deck)
	if err != nil {
		return err
	}
	if (quiz.Options{Tag: c.Tag}).Tagged(tags) {
		return nil
	}
	switch {
	case len(tags) == 0:
		return usageError{fmt.Errorf("--tag %s: the cards of deck %q have no tags", c.Tag, c.Deck)}
	case len(tags) > shownTags:
		tags = append(tags[:shownTags:shownTags], fmt.Sprintf("and %d more", len(tags)-shownTags))
	}
	return usageError{fmt.Errorf("--tag %s: no card of deck %q has it; its tags: %s", c.Tag, c.Deck, strings.Join(tags, ", "))}
}
