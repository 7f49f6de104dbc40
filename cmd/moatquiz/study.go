package main

import (
	"fmt"

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
	return nil
}

// Run opens the app on a session of the deck.
func (c *studyCmd) Run(g *Globals) error {
	lib := g.library()
	if _, err := lib.Header(c.Deck); err != nil {
		return err
	}
	return runApp(g, lib, &tui.Start{
		Deck: c.Deck,
		Options: quiz.Options{
			Kind:      quiz.QuestionKind(c.Kind),
			Direction: quiz.Direction(c.Direction),
			Lang:      c.Lang,
			Limit:     c.Limit,
			Practice:  c.Practice,
			Ahead:     c.Ahead,
		},
		QuitAfter: true,
	})
}
