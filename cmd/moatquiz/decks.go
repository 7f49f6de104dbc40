package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// decksCmd is `moatquiz decks`.
type decksCmd struct {
	JSON bool `name:"json" help:"Print a JSON array, one object per deck file: id, title, title_en, origin (builtin or user), path, cards, fact, vocab, cloze, and errors (only for a deck that could not be loaded)."`
}

// Run lists the built-in decks and the learner's.
func (c *decksCmd) Run(g *Globals) error {
	width := 0 // no limit when the list goes to a file or a program
	if term.IsTerminal(os.Stdout.Fd()) {
		if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil {
			width = w
		}
	}
	return runDecks(g, os.Stdout, c.JSON, width)
}

// kindCounts counts a deck's cards of each kind.
func kindCounts(d *quiz.Deck) map[quiz.Kind]int {
	n := map[quiz.Kind]int{}
	for _, c := range d.Cards {
		n[c.Kind]++
	}
	return n
}

// deckJSON is one element of the array `moatquiz decks --json` prints.
type deckJSON struct {
	ID      string   `json:"id,omitempty"`       // the deck id ("" when not loaded)
	Title   string   `json:"title,omitempty"`    // the title in the deck's language
	TitleEn string   `json:"title_en,omitempty"` // the title in English
	Origin  string   `json:"origin"`             // "builtin" or "user"
	Path    string   `json:"path"`               // "builtin:article.json", or the file's path
	Cards   int      `json:"cards"`              // all cards
	Fact    int      `json:"fact"`               // fact cards
	Vocab   int      `json:"vocab"`              // vocab cards
	Cloze   int      `json:"cloze"`              // cloze cards
	Errors  []string `json:"errors,omitempty"`   // why the deck was not loaded, one line each
}

// runDecks prints the list of decks, as JSON or as a table fitted to
// width columns (0: as wide as it takes).
func runDecks(g *Globals, w io.Writer, asJSON bool, width int) error {
	lib := g.library()
	files := lib.Files()
	if asJSON {
		return writeDecksJSON(w, files)
	}
	return writeDecksTable(w, files, lib.DecksDir(), width)
}

// writeDecksJSON prints files as a JSON array of deckJSON.
func writeDecksJSON(w io.Writer, files []library.DeckFile) error {
	list := make([]deckJSON, 0, len(files))
	for _, f := range files {
		j := deckJSON{Origin: "user", Path: f.Path}
		if f.Builtin {
			j.Origin = "builtin"
		}
		if f.Err != nil {
			j.Errors = strings.Split(f.Err.Error(), "\n")
		} else {
			n := kindCounts(f.Deck)
			j.ID, j.Title, j.TitleEn = f.Deck.ID, f.Deck.Title, f.Deck.TitleEn
			j.Cards, j.Fact, j.Vocab, j.Cloze = len(f.Deck.Cards), n[quiz.KindFact], n[quiz.KindVocab], n[quiz.KindCloze]
		}
		list = append(list, j)
	}
	out, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return fmt.Errorf("write the deck list: %w", err)
	}
	// A file name can hold any character: escape those that would steer
	// or hide text in a terminal, as export does.
	if _, err := w.Write(append(termtext.EscapeJSON(out), '\n')); err != nil {
		return fmt.Errorf("write the deck list: %w", err)
	}
	return nil
}

// writeDecksTable prints the loaded decks as a table fitted to width (0:
// no limit), then the files that could not be loaded with their errors,
// then where the learner's decks go.
func writeDecksTable(w io.Writer, files []library.DeckFile, dir string, width int) error {
	rows := [][]string{{"ID", "CARDS", "FACT", "VOCAB", "CLOZE", "TITLE", "FROM"}}
	var broken []error
	for _, f := range files {
		if f.Err != nil {
			broken = append(broken, f.Err)
			continue
		}
		from := termtext.QuoteIfUnsafe(filepath.Base(f.Path)) // the folder is named below the table
		if f.Builtin {
			from = "built-in"
		}
		title := termtext.Strip(f.Deck.Title)
		if en := termtext.Strip(f.Deck.TitleEn); en != title {
			title += " — " + en
		}
		n := kindCounts(f.Deck)
		rows = append(rows, []string{f.Deck.ID, strconv.Itoa(len(f.Deck.Cards)),
			strconv.Itoa(n[quiz.KindFact]), strconv.Itoa(n[quiz.KindVocab]), strconv.Itoa(n[quiz.KindCloze]),
			title, from})
	}
	var b strings.Builder
	writeTable(&b, rows, width)
	if len(broken) > 0 {
		b.WriteString("\nNot loaded:\n")
		for _, err := range broken {
			b.WriteString(firstError(err) + "\n")
		}
	}
	fmt.Fprintf(&b, "\nYour own decks go in %s (format: docs/deck-format.md).\n", homePath(termtext.QuoteIfUnsafe(dir)))
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write the deck list: %w", err)
	}
	return nil
}

// firstError is the first line of a deck's errors, and how to see the rest.
func firstError(err error) string {
	var list deckfile.ErrorList
	if !errors.As(err, &list) || len(list) < 2 {
		return err.Error()
	}
	return fmt.Sprintf("%v\n  (and %d more: moatquiz check %s)", list[0], len(list)-1, termtext.QuoteIfUnsafe(list[0].Path))
}

// titleColumn is the column of writeTable's rows that gives way to fit a
// width, and the fewest cells it keeps.
const titleColumn, titleMin = 5, 12

// writeTable writes rows in columns padded to their display width (Hangul
// takes two cells); the counts are right-aligned. When the rows are wider
// than width (0: no limit), the title column is cut to fit.
func writeTable(b *strings.Builder, rows [][]string, width int) {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	total := 2 * (len(widths) - 1)
	for _, w := range widths {
		total += w
	}
	if width > 0 && total > width {
		widths[titleColumn] = max(titleMin, widths[titleColumn]-(total-width))
	}
	for _, row := range rows {
		for i, cell := range row {
			if i == titleColumn {
				cell = ansi.Truncate(cell, widths[i], "…")
			}
			pad := strings.Repeat(" ", widths[i]-ansi.StringWidth(cell))
			switch {
			case i == len(row)-1:
				b.WriteString(cell)
			case i >= 1 && i <= 4:
				b.WriteString(pad + cell + "  ")
			default:
				b.WriteString(cell + pad + "  ")
			}
		}
		b.WriteString("\n")
	}
}

// homePath writes a path under the learner's home directory as ~/….
func homePath(p string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" || home == "/" {
		return p
	}
	if rest, ok := strings.CutPrefix(p, home+string(filepath.Separator)); ok {
		return "~" + string(filepath.Separator) + rest
	}
	return p
}
