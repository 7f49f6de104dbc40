// Package interop brings decks in from other tools and takes them out
// again: CSV/TSV word lists and text exports, Anki packages (.apkg and
// .colpkg in all three layouts Anki has written), and export of a deck as
// JSON (the deck format, lossless) or CSV (Anki's text-export headers, so
// it round-trips through import with its card ids).
//
// Import never trusts its input: sizes are bounded before anything is
// read, archive member names are only compared, never used as paths, the
// SQLite collection is opened in memory, all text is sanitised with
// [termtext.Strip], the deck is checked with [deckfile.Encode] as [deckfile.Load]
// would read its file (Result.WriteDeck writes that file), and error
// messages are sanitised too. docs/import.md says how each kind of file
// and note maps to cards.
package interop

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// Options say how to import a file. The zero value is ready to use.
type Options struct {
	// DeckID is the id of the deck made; "" derives one from the file name.
	DeckID string
	// Title is the deck's title; "" takes the Anki deck's name or the
	// file name.
	Title string
	// Columns names the roles of a CSV file's columns, overriding its
	// header: front, back, front_en, back_en, tags, guid, notetype, pos,
	// romanization, level, deck, or "" / "-" / "skip" for a column to
	// ignore (or a header name meaning one of them, like "korean"). A file
	// given columns has no header row. CheckColumns says what is wrong.
	Columns []string
	// Limits bounds what an import reads; zero fields take the defaults.
	Limits Limits
}

// check reports options that cannot work, before anything is read.
func (o Options) check(file string) error {
	if err := CheckColumns(o.Columns); err != nil {
		return fmt.Errorf("import %s: %w", file, err)
	}
	if o.DeckID == "" {
		return nil
	}
	if err := CheckDeckID(o.DeckID); err != nil {
		return fmt.Errorf("import %s: %w", file, err)
	}
	return nil
}

// CheckDeckID returns an error saying what is wrong with id as a deck id,
// or nil when it is a valid one.
func CheckDeckID(id string) error {
	if !deckfile.ValidID(id) {
		return fmt.Errorf("deck id %q is not valid: use 1 to 64 lower-case letters (a-z), digits, - and _, starting with a letter or digit", id)
	}
	return nil
}

// Limits bound the sizes an import accepts, so a hostile file gets a clear
// error instead of exhausting memory.
type Limits struct {
	MaxText       int64 // a CSV/TSV file (default 64 MiB)
	MaxCollection int64 // an Anki collection database, unpacked (default 256 MiB)
	MaxSmall      int64 // an Anki package's meta and media map (default 16 MiB)
	MaxCards      int   // cards in one deck (default 200,000; the deck file's 32 MiB may come first)
}

// DefaultLimits are the limits an import uses when Options leave them zero.
var DefaultLimits = Limits{
	MaxText:       64 << 20,
	MaxCollection: 256 << 20,
	MaxSmall:      16 << 20,
	MaxCards:      200_000,
}

// withDefaults fills the zero fields of l from DefaultLimits.
func (l Limits) withDefaults() Limits {
	if l.MaxText <= 0 {
		l.MaxText = DefaultLimits.MaxText
	}
	if l.MaxCollection <= 0 {
		l.MaxCollection = DefaultLimits.MaxCollection
	}
	if l.MaxSmall <= 0 {
		l.MaxSmall = DefaultLimits.MaxSmall
	}
	if l.MaxCards <= 0 {
		l.MaxCards = DefaultLimits.MaxCards
	}
	return l
}

// Result is what an import made.
type Result struct {
	// Deck is the imported deck, accepted by deckfile.Load.
	Deck *quiz.Deck
	// Format describes what was read, like "TSV" or
	// "Anki package (collection.anki21b, schema 18)".
	Format string
	// Read is how many rows or notes were read.
	Read int
	// Skipped lists the rows or notes that were not imported, and why.
	Skipped []Problem
	// Warnings lists what was imported but not quite as written.
	Warnings []Problem
	// Media is how many media files the package holds; they are not imported.
	Media int
	// NoteIDs is true when the cards' ids come from the file's own note
	// ids (an Anki package's guids, a CSV guid column), which stay the
	// same in an updated copy of the file, as Anki relies on.
	NoteIDs bool
	// History is an Anki package's review log, matched to Deck's items.
	History History

	items map[string]map[int64]string // card id → Anki template ord → item
}

// WriteDeck writes the deck to w in the deck format, as it should be
// written to a file: the bytes the import checked.
func (r *Result) WriteDeck(w io.Writer) error { return deckfile.Write(w, r.Deck) }

// Problem is something wrong with one row or note of an imported file.
type Problem struct {
	File string // the file's name as given
	Line int    // the row's first line, 1-based; 0 for an Anki note
	Note string // the Anki note's guid, if any
	Msg  string
}

// String is the problem as file:line: message (or with the note guid).
func (p Problem) String() string {
	switch {
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	case p.Note != "":
		return fmt.Sprintf("%s: note %q: %s", p.File, p.Note, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// NoCardsError is the error for a file none of whose rows or notes can
// become a card: Skipped says why, for each.
type NoCardsError struct {
	File    string
	Read    int
	Skipped []Problem
}

func (e *NoCardsError) Error() string {
	s := fmt.Sprintf("import %s: no cards to import (%d read, %d skipped)", e.File, e.Read, len(e.Skipped))
	if len(e.Skipped) > 0 {
		s += "; the first:" + FirstProblems(e.Skipped, 3)
	}
	return s
}

// FirstProblems lists the first n problems, each on a line of its own
// after "\n  ", for messages that point to where a file goes wrong.
func FirstProblems(ps []Problem, n int) string {
	var b strings.Builder
	for _, p := range ps[:min(n, len(ps))] {
		b.WriteString("\n  " + p.String())
	}
	return b.String()
}

// ErrUnknownFormat is returned for a file that is neither text nor a zip archive.
var ErrUnknownFormat = errors.New("not a CSV/TSV file or an Anki package")

// ImportFile imports the file at path: an Anki package when it is a zip
// archive or named .apkg or .colpkg, else a CSV/TSV text.
func ImportFile(path string, opt Options) (_ *Result, err error) {
	defer func() { err = safe(err) }()
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("import %s: not a regular file", path)
	}
	head := make([]byte, 4)
	n, _ := f.ReadAt(head, 0)
	if ext := strings.ToLower(filepath.Ext(path)); isZip(head[:n]) || ext == ".apkg" || ext == ".colpkg" {
		return ImportAPKG(path, f, info.Size(), opt)
	}
	lim := opt.Limits.withDefaults()
	if info.Size() > lim.MaxText {
		return nil, fmt.Errorf("import %s: the file is %s; a CSV/TSV file may be at most %s", path, size(info.Size()), size(lim.MaxText))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	return ImportCSV(path, data, opt)
}

// safeError is an import error made safe to print. Its text can quote
// foreign text: SQLite's messages quote a collection's schema, the zip
// reader's and the OS's name files, and file names are the user's; all
// of it goes through termtext.Strip.
type safeError struct{ err error }

func (e *safeError) Error() string { return termtext.Strip(e.err.Error()) }
func (e *safeError) Unwrap() error { return e.err }

// safe wraps err, if any, in a safeError.
func safe(err error) error {
	if err == nil {
		return nil
	}
	return &safeError{err}
}

// isZip reports whether head starts a zip archive.
func isZip(head []byte) bool {
	s := string(head)
	return strings.HasPrefix(s, "PK\x03\x04") || strings.HasPrefix(s, "PK\x05\x06")
}

// size formats a byte count for messages.
func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// DeckIDFromName derives a deck id from a file name: its base name without
// the extension, made an id by slug; "imported" when nothing is left.
func DeckIDFromName(name string) string {
	base := filepath.Base(name)
	if id := slug(strings.TrimSuffix(base, filepath.Ext(base))); id != "" {
		return id
	}
	return "imported"
}

// slug makes s an id: lower-cased, runs of characters other than a-z, 0-9
// and "_" turned into "-", at most 64 characters; "" when nothing is left.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if b.Len() >= 64 {
			break
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	id := strings.Trim(b.String()[:min(b.Len(), 64)], "-_")
	if !deckfile.ValidID(id) {
		return ""
	}
	return id
}
