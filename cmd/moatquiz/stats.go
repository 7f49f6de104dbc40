package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"

	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/stats"
	"github.com/moatquiz/moatquiz/store"
	"github.com/moatquiz/moatquiz/termtext"
	"github.com/moatquiz/moatquiz/tui"
)

// statsCmd is `moatquiz stats`.
type statsCmd struct {
	Deck      string   `name:"deck" placeholder:"ID" help:"Only this deck (default: all decks)."`
	JSON      bool     `name:"json" help:"Print every figure as one JSON object (docs/stats.md describes it)."`
	Unsuspend []string `name:"unsuspend" placeholder:"DECK/CARD/ITEM" help:"Schedule these suspended items (leeches) again, then exit; stats lists their ids."`
}

// defaultWidth is the width of the text when standard output is not a
// terminal.
const defaultWidth = 80

// Run prints the figures, or unsuspends items.
func (c *statsCmd) Run(g *Globals) error {
	if len(c.Unsuspend) > 0 {
		return unsuspend(g, os.Stdout, c.Unsuspend)
	}
	s, err := c.figures(g)
	if err != nil {
		return err
	}
	if c.JSON {
		return writeStatsJSON(os.Stdout, s)
	}
	width, styles, colour := terminalStyles(os.Stdout)
	text := statsText(s, styles, width)
	if colour {
		_, err = lipgloss.Fprint(os.Stdout, text)
	} else {
		_, err = io.WriteString(os.Stdout, text)
	}
	return err
}

// figures computes the figures of the deck asked for (all decks by
// default) from the store, opened read-only: this works while the app
// runs. With nothing saved yet they come from no rows: every item new.
func (c *statsCmd) figures(g *Globals) (*stats.Stats, error) {
	cfg, err := g.loadConfig()
	if err != nil {
		return nil, err
	}
	clk, err := clock()
	if err != nil {
		return nil, err
	}
	lib := g.library()
	if c.Deck != "" {
		if _, err := lib.Header(c.Deck); err != nil {
			return nil, err
		}
	}
	decks, errs := lib.StatsDecks()
	for _, e := range errs {
		fmt.Fprintf(os.Stderr, "moatquiz: skipped a deck: %v\n", e)
	}
	q := stats.Query{Deck: c.Deck, Decks: decks, Now: clk(), Scheduling: cfg.Scheduling}
	db, err := openStore(g, true)
	if errors.Is(err, store.ErrNoProgress) {
		return stats.Compute(q, stats.Rows{}), nil
	}
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return library.Stats(db, q)
}

// terminalStyles are the width and styles for w: a terminal's width and
// the app's colours, or 80 columns of plain text without escape codes
// when w is not a terminal or NO_COLOR is set; colour reports which.
func terminalStyles(w *os.File) (width int, st tui.Styles, colour bool) {
	if !term.IsTerminal(w.Fd()) {
		return defaultWidth, tui.Styles{}, false
	}
	width, _, err := term.GetSize(w.Fd())
	if err != nil || width < 1 {
		width = defaultWidth
	}
	if os.Getenv("NO_COLOR") != "" {
		return width, tui.Styles{}, false
	}
	return width, tui.NewStyles(lipgloss.HasDarkBackground(os.Stdin, w), false), true
}

// statsText is the figures as text: a line saying whose and when, then
// every figure and picture.
func statsText(s *stats.Stats, st tui.Styles, width int) string {
	scope := "All decks"
	if s.Deck != "" {
		scope = "Deck " + termtext.Strip(s.Deck)
	}
	head := fmt.Sprintf("%s · %s · days start at %d:00 (%s)", scope, s.Today, s.RolloverHour, termtext.Strip(s.Timezone))
	return st.Title.Render(head) + "\n\n" + tui.RenderStats(s, st, width) + "\n"
}

// writeStatsJSON writes s as indented JSON, with control and format
// characters escaped so that it is safe to print.
func writeStatsJSON(w io.Writer, s *stats.Stats) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	_, err := w.Write(termtext.EscapeJSON(buf.Bytes()))
	return err
}

// unsuspend schedules the items again; it opens the store for writing,
// so the app must not be running.
func unsuspend(g *Globals, w io.Writer, ids []string) error {
	items := make([]quiz.ItemID, len(ids))
	for i, s := range ids {
		id, err := quiz.ParseItemID(s)
		if err != nil {
			return err
		}
		items[i] = id
	}
	db, err := openStore(g, false)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, id := range items {
		was, err := db.Unsuspend(id)
		if err != nil {
			return err
		}
		if was {
			fmt.Fprintf(w, "unsuspended %s\n", termtext.Strip(id.String()))
		} else {
			fmt.Fprintf(w, "%s was not suspended\n", termtext.Strip(id.String()))
		}
	}
	return nil
}
