package main

import (
	"errors"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"

	"github.com/moatquiz/moatquiz/config"
	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/store"
	"github.com/moatquiz/moatquiz/tui"
)

// homeCmd opens the app on its home screen: what moatquiz does with no
// subcommand.
type homeCmd struct{}

// Run opens the app.
func (c *homeCmd) Run(g *Globals) error { return runApp(g, g.library(), nil) }

// runApp runs the terminal app on the decks of lib until the learner
// quits, saving every answer as it is given; start, when set, starts a
// session at once.
func runApp(g *Globals, lib *library.Library, start *tui.Start) error {
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
	study := lib.Study(db, cfg.Scheduling, clk)
	model := tui.New(tui.Config{
		Progress:   db,
		Scheduling: cfg.Scheduling,
		Clock:      clk,
		Start:      start,
		Stats: func(q store.StatsQuery) (*store.Stats, error) {
			decks, errs := lib.Decks() // the home rows hold only the decks' headers
			if len(errs) > 0 && len(decks) == 0 {
				return nil, errors.Join(errs...)
			}
			q.Decks = decks
			return db.Stats(q)
		},
		Mono:    os.Getenv("NO_COLOR") != "",
		Home:    study.Decks,
		Session: study.StartSession,
	})
	final, err := tea.NewProgram(model).Run()
	if err != nil {
		return fmt.Errorf("terminal: %w", err)
	}
	if m, ok := final.(tui.Model); ok && m.Err() != nil {
		return m.Err()
	}
	lib.SaveBuiltin()
	return nil
}
