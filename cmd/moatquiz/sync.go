package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
	"github.com/moatquiz/moatquiz/termtext"
)

// syncCmd is `moatquiz sync [DIR]`.
type syncCmd struct {
	Dir string `arg:"" optional:"" type:"path" help:"The shared folder (default: sync_dir of config.toml)."`
}

// Run syncs the review log with the folder.
func (c *syncCmd) Run(g *Globals) error { return c.run(g, os.Stdout) }

// run syncs and says what it did on stdout.
func (c *syncCmd) run(g *Globals, stdout io.Writer) error {
	cfg, err := g.loadConfig()
	if err != nil {
		return err
	}
	dir := c.Dir
	if dir == "" {
		dir = cfg.SyncDir
	}
	if dir == "" {
		return errors.New("sync: which folder? Give one (moatquiz sync ~/Sync/moatquiz) or set sync_dir in config.toml (docs/sync.md)")
	}
	db, err := openStore(g, false)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = syncWith(g.library(), db, dir, cfg.Scheduling, stdout)
	return err
}

// syncWith syncs db with dir and reports on w; it returns the cards the
// sync changed, by deck (library.SyncResult.Cards).
func syncWith(lib *library.Library, db *store.DB, dir string, sch quiz.Scheduling, w io.Writer) (map[string][]string, error) {
	res, err := lib.Sync(db, dir, sch, time.Now())
	if err != nil {
		return nil, err
	}
	fmt.Fprintln(w, syncReport(dir, res))
	return res.Cards, nil
}

// syncReport says what a sync with dir did, one line, then a line per
// file left for later or bad line skipped.
func syncReport(dir string, res library.SyncResult) string {
	var parts []string
	if res.Added > 0 {
		parts = append(parts, fmt.Sprintf("%s from other machines (%s rescheduled)", count(res.Added, "review"), count(res.Items, "item")))
	}
	if res.Events > 0 {
		parts = append(parts, fmt.Sprintf("%s from other machines (suspends, resets, flags, burials)", count(res.Events, "card change")))
	}
	if res.Written > 0 {
		parts = append(parts, fmt.Sprintf("this machine's %s written to the folder", count(res.Written, "new change")))
	}
	if len(res.Decks) > 0 {
		parts = append(parts, fmt.Sprintf("%s updated here (%s)", count(len(res.Decks), "deck"), termtext.Strip(strings.Join(res.Decks, ", "))))
	}
	if len(res.Shared) > 0 {
		parts = append(parts, fmt.Sprintf("%s of this machine shared (%s)", count(len(res.Shared), "deck"), termtext.Strip(strings.Join(res.Shared, ", "))))
	}
	if len(parts) == 0 {
		parts = append(parts, "nothing new either way")
	}
	s := fmt.Sprintf("synced with %s: %s", termtext.QuoteIfUnsafe(dir), strings.Join(parts, "; "))
	for _, c := range res.Conflicts {
		s += "\n  " + conflictLine(c)
	}
	for _, p := range res.Partial {
		s += fmt.Sprintf("\n  %s is still being written: its last line is read at the next sync", termtext.QuoteIfUnsafe(p))
	}
	if len(res.Bad) > 0 {
		s += fmt.Sprintf("\n  %s skipped (not reviews; the rest of their files was read):\n    %s",
			count(len(res.Bad), "line"), strings.Join(res.Bad, "\n    "))
	}
	return s
}

// conflictLine says how a card changed on two machines was settled.
func conflictLine(c library.DeckConflict) string {
	card, deck, renamed := termtext.QuoteIfUnsafe(c.Card), termtext.QuoteIfUnsafe(c.Deck), termtext.QuoteIfUnsafe(c.Renamed)
	switch {
	case c.Removed && c.Renamed == "":
		return fmt.Sprintf("card %s of deck %s was removed on one machine and edited on another: the newer edit keeps it", card, deck)
	case c.Removed:
		return fmt.Sprintf("card %s of deck %s was edited on one machine and removed on another: the newer removal holds, the edit is card %s", card, deck, renamed)
	}
	return fmt.Sprintf("card %s of deck %s was edited on two machines: the newer edit keeps it, the other is card %s", card, deck, renamed)
}
