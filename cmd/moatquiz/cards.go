package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/search"
	"github.com/moatquiz/moatquiz/store"
	"github.com/moatquiz/moatquiz/termtext"
)

// cardsCmd is `moatquiz cards`.
type cardsCmd struct {
	Query []string `arg:"" optional:"" help:"What to find (docs/browse.md): words, 초성 (ㅎㅈ), romanization, deck:ID, tag:T, kind:K, is:new|learning|review|due|suspended|leech|buried, flag:1, prop:due<3, lapses>3, or, -, ( ). Write -- before a query that starts with - (moatquiz cards -- -is:new)."`
	Sort  string   `name:"sort" enum:",due,added,lapses,difficulty" default:"" placeholder:"due|added|lapses|difficulty" help:"Order of the list (default: best matches first, in deck order)."`
	JSON  bool     `name:"json" help:"Print a JSON array, one object per card: deck, card, kind, front, back, state, due, lapses, difficulty, added, suspended, buried, flag."`
}

// Run lists the cards the query matches; it reads the store read-only.
func (c *cardsCmd) Run(g *Globals) error {
	return c.run(g, os.Stdout)
}

// run prints the list on w.
func (c *cardsCmd) run(g *Globals, w io.Writer) error {
	q, err := parseQuery(c.Query)
	if err != nil {
		return err
	}
	var states library.CardStore = noStates{}
	db, err := openStore(g, true)
	switch {
	case err == nil:
		defer db.Close()
		states = db
	case !errors.Is(err, store.ErrNoProgress):
		return err
	}
	rows, err := findCards(g, states, q, library.Sort(c.Sort))
	if err != nil {
		return err
	}
	if c.JSON {
		return writeCardsJSON(w, rows)
	}
	return writeCardsTable(w, rows)
}

// suspendCmd is `moatquiz suspend`, and `moatquiz unsuspend` with on false.
type suspendCmd struct {
	Query []string `arg:"" help:"The cards to change, as moatquiz cards finds them (docs/browse.md)."`
}

// unsuspendCmd is `moatquiz unsuspend`.
type unsuspendCmd struct{ suspendCmd }

// Run suspends every item of the cards the query matches.
func (c *suspendCmd) Run(g *Globals) error { return c.set(g, os.Stdout, true) }

// Run schedules again every item of the cards the query matches.
func (c *unsuspendCmd) Run(g *Globals) error { return c.set(g, os.Stdout, false) }

// set suspends (on) or unsuspends the matching cards and prints what changed.
func (c *suspendCmd) set(g *Globals, w io.Writer, on bool) error {
	q, err := parseQuery(c.Query)
	if err != nil {
		return err
	}
	db, err := openStore(g, false)
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := findCards(g, db, q, library.SortDeck)
	if err != nil {
		return err
	}
	// A near match (헤자 for 해자) is a guess: good to look at, not to act on.
	rows = slices.DeleteFunc(rows, func(r library.CardRow) bool { return r.Rank >= search.RankNear })
	changed, err := library.Suspend(db, rows, on, time.Now())
	if err != nil {
		return err
	}
	verb := map[bool]string{true: "suspended", false: "unsuspended"}[on]
	for _, id := range changed.Items {
		fmt.Fprintf(w, "%s %s\n", verb, termtext.StripLine(id.String()))
	}
	fmt.Fprintf(w, "%d of the %d cards found had items to change\n", cardsIn(changed.Items), len(rows))
	return nil
}

// cardsIn counts the cards the items belong to.
func cardsIn(ids []quiz.ItemID) int {
	seen := map[[2]string]bool{}
	for _, id := range ids {
		seen[[2]string{id.Deck, id.Card}] = true
	}
	return len(seen)
}

// parseQuery reads the words of a query; one that does not parse is a
// usage error (exit 2) that names the column.
func parseQuery(words []string) (*search.Query, error) {
	query := strings.Join(words, " ")
	q, err := search.Parse(query)
	var se *search.SyntaxError
	if errors.As(err, &se) {
		return nil, &queryError{se, query}
	}
	return q, err
}

// findCards lists the cards q matches, with their states from st, as of
// the clock and the configured study day.
func findCards(g *Globals, st library.CardStore, q *search.Query, by library.Sort) ([]library.CardRow, error) {
	cfg, err := g.loadConfig()
	if err != nil {
		return nil, err
	}
	clk, err := clock()
	if err != nil {
		return nil, err
	}
	b, err := g.library().OpenBrowser(st, cfg.Scheduling, clk())
	if err != nil {
		return nil, err
	}
	return b.Search(q, by).Rows(), nil
}

// queryError is a query that does not parse: a usage error (exit 2) that
// shows the query with a caret under the place.
type queryError struct {
	*search.SyntaxError
	query string
}

func (e *queryError) Error() string {
	q := termtext.StripLine(e.query)
	at := ansi.StringWidth(termtext.StripLine(e.query[:e.Offset]))
	return fmt.Sprintf("%s\n  %s\n  %s^", e.SyntaxError.Error(), q, strings.Repeat(" ", at))
}

// noStates is the progress of a data directory with nothing saved yet.
type noStates struct{}

func (noStates) States(string) (map[quiz.ItemID]quiz.ItemState, error) { return nil, nil }
func (noStates) Buried(string, time.Time) (map[string]bool, error)     { return nil, nil }
func (noStates) Flags(string) (map[string]int, error)                  { return nil, nil }

// cardJSON is one element of the array `moatquiz cards --json` prints.
type cardJSON struct {
	Deck       string     `json:"deck"`
	Card       string     `json:"card"`
	Kind       quiz.Kind  `json:"kind"`
	Front      string     `json:"front"`
	Back       string     `json:"back"`
	State      string     `json:"state"`           // new, learning or review
	Due        *time.Time `json:"due,omitempty"`   // absent while new
	Lapses     int        `json:"lapses"`          // the most of any item
	Difficulty float64    `json:"difficulty"`      // FSRS difficulty, 0 while new
	Added      *time.Time `json:"added,omitempty"` // first studied
	Suspended  bool       `json:"suspended"`
	Buried     bool       `json:"buried"`
	Flag       int        `json:"flag"` // 0 (none) to 4
}

// writeCardsJSON prints rows as a JSON array of cardJSON.
func writeCardsJSON(w io.Writer, rows []library.CardRow) error {
	list := make([]cardJSON, 0, len(rows))
	for _, r := range rows {
		list = append(list, cardJSON{Deck: r.Deck, Card: r.Card, Kind: r.Kind, Front: r.Front, Back: r.Back,
			State: r.State, Due: timeOrNil(r.Due), Lapses: r.Lapses, Difficulty: r.Difficulty,
			Added: timeOrNil(r.Added), Suspended: r.Suspended, Buried: r.Buried, Flag: r.Flag})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(list); err != nil {
		return err
	}
	_, err := w.Write(termtext.EscapeJSON(buf.Bytes()))
	return err
}

// timeOrNil is t, or nil for the zero time.
func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// writeCardsTable prints rows one a line: deck/card, kind, state, due,
// lapses, front and back (last: tabwriter counts runes, Hangul takes two
// cells).
func writeCardsTable(w io.Writer, rows []library.CardRow) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CARD\tKIND\tSTATE\tDUE\tLAPSES\tFRONT → BACK")
	for _, r := range rows {
		state, due := r.State, "-"
		if r.Furthest != "" && r.Furthest != r.State { // studied in part: furthest, then least
			state = r.Furthest + "·" + r.State
		}
		if r.Suspended {
			state += " (suspended)"
		}
		if r.Buried {
			state += " (buried)"
		}
		if !r.Due.IsZero() {
			due = r.Due.Local().Format(time.DateOnly)
		}
		fmt.Fprintf(tw, "%s/%s\t%s\t%s\t%s\t%d\t%s → %s\n", termtext.OneLine(r.Deck), termtext.OneLine(r.Card), r.Kind,
			state, due, r.Lapses, cell(r.Front), cell(r.Back))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, count(len(rows), "card"))
	return err
}

// cell is a text on one line, shortened to 30 cells.
func cell(s string) string { return ansi.Truncate(termtext.OneLine(s), 30, "…") }
