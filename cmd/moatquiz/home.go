package main

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/moatquiz/moatquiz/config"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/tui"
)

// homeCmd opens the app on its home screen: what moatquiz does with no
// subcommand.
type homeCmd struct{}

// Run opens the app.
func (c *homeCmd) Run(g *Globals) error { return runApp(g, nil) }

// runApp runs the terminal app until the learner quits, saving every
// answer as it is given; start, when set, starts a session at once.
func runApp(g *Globals, start *tui.Start) error {
	cfg, err := config.Load(g.configPath())
	if err != nil {
		return err
	}
	clk, err := clock()
	if err != nil {
		return err
	}
	db, err := openStore(g, false)
	if err != nil {
		return err
	}
	defer db.Close()
	model := tui.New(tui.Config{
		Decks: func() ([]*quiz.Deck, error) {
			decks, errs := loadDecks(g)
			return decks, errors.Join(errs...)
		},
		Progress:   db,
		Scheduling: cfg.Scheduling,
		Clock:      clk,
		Start:      start,
		Stats:      db.Stats,
	}) // NO_COLOR: Bubble Tea reports an ASCII colour profile, and the app draws in monochrome
	final, err := tea.NewProgram(model).Run()
	if err != nil {
		return fmt.Errorf("terminal: %w", err)
	}
	if m, ok := final.(tui.Model); ok && m.Err() != nil {
		return m.Err()
	}
	return nil
}
