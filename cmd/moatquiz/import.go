package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/interop"
	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// importCmd is `moatquiz import FILE`: a CSV/TSV file or an Anki package
// becomes a deck file in the data directory's decks folder.
type importCmd struct {
	File    string   `arg:"" type:"path" help:"A CSV/TSV file or an Anki package (.apkg, .colpkg)."`
	Deck    string   `placeholder:"ID" help:"The deck's id (default: the deck holding the file's notes already, else from the file name). Importing again into the same id replaces the deck; cards keep their ids, so progress is kept."`
	Title   string   `placeholder:"TITLE" help:"The deck's title (default: the Anki deck's name, or the file name)."`
	Columns []string `sep:"," placeholder:"ROLE,..." help:"CSV/TSV: what each column holds, overriding a header row: front, back, front_en, back_en, tags, guid, notetype, pos, romanization, level, deck, or - to skip one."`
	DryRun  bool     `name:"dry-run" help:"Read and check the file and say what would be imported, without writing anything."`
	Force   bool     `help:"Import a CSV/TSV file even when most of its rows cannot become cards."`
}

// Validate refuses column roles that cannot work, as a usage error.
func (c *importCmd) Validate() error { return interop.CheckColumns(c.Columns) }

// Run imports the file.
func (c *importCmd) Run(g *Globals) error {
	limitImportMemory()
	return c.run(g, os.Stdout, os.Stderr)
}

// run imports the file, saying what it did on stdout and what it skipped
// on stderr.
func (c *importCmd) run(g *Globals, stdout, stderr io.Writer) error {
	opt := interop.Options{DeckID: c.Deck, Title: c.Title, Columns: c.Columns}
	if opt.DeckID == "" {
		opt.DeckID = interop.DeckIDFromName(c.File)
	}
	if err := interop.CheckDeckID(opt.DeckID); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	lib := g.library()
	to, res, err := c.read(lib, opt)
	if err != nil {
		return err
	}
	files := lib.Files()
	if c.Deck == "" && res.NoteIDs && errors.Is(to.oldErr, os.ErrNotExist) {
		if home := noteHome(lib, files, res, stderr); home != "" {
			opt.DeckID, res = home, nil // res: freed before the file is read again
			if to, res, err = c.read(lib, opt); err != nil {
				return err
			}
			to.byNotes = true
		}
	}
	report(stderr, res)
	if err := checkClash(files, res.Deck.ID, to.path); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if c.DryRun {
		fmt.Fprintln(stdout, importSummary(res, to, true)+" (dry run: nothing written)")
		if line := historyLine(res.History, nil); line != "" {
			fmt.Fprintln(stdout, line)
		}
		return nil
	}
	h, err := openHistory(g, res.History)
	if err != nil {
		return err
	}
	defer h.close()
	if err := library.WriteFileAtomic(to.path, res.WriteDeck); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	fmt.Fprintln(stdout, importSummary(res, to, false))
	return h.save(lib, res.History, stdout)
}

// target is the deck file an import writes, and the deck it replaces.
type target struct {
	path    string
	old     *oldDeck // as read with oldErr
	oldErr  error
	byNotes bool // chosen because the file's notes are in it
}

// read imports the file into the deck opt.DeckID, reading the deck file
// it replaces (a re-import keeps the deck's title), and refuses a file
// most of whose rows fail unless --force.
func (c *importCmd) read(lib *library.Library, opt interop.Options) (*target, *interop.Result, error) {
	to := &target{path: filepath.Join(lib.DecksDir(), opt.DeckID+".json")}
	to.old, to.oldErr = readOldDeck(to.path)
	if opt.Title == "" && to.oldErr == nil {
		opt.Title = to.old.title
	}
	res, err := interop.ImportFile(c.File, opt)
	if err == nil && !c.Force {
		err = mostRowsFail(res)
	}
	return to, res, err
}

// mostRowsFail refuses a CSV/TSV file most of whose rows cannot become
// cards: it is likely not the file meant (a README, a file in another
// encoding). The error says how many failed and where the first are.
func mostRowsFail(res *interop.Result) error {
	var rows []interop.Problem
	for _, p := range res.Skipped {
		if p.Line > 0 {
			rows = append(rows, p)
		}
	}
	if 2*len(rows) <= res.Read {
		return nil
	}
	return fmt.Errorf("import %s: %s of %s rows cannot become cards: is it the file you meant? Fix the rows, or import the %s that can be made with --force. The first:%s",
		rows[0].File, thousands(len(rows)), thousands(res.Read), count(len(res.Deck.Cards), "card"), interop.FirstProblems(rows, 3))
}

// noteHome is the id of the learner's deck that the imported cards' note
// ids (Anki guids) already live in, as Anki matches notes by guid: the
// deck in the decks folder sharing the most card ids with res, when most
// of its cards are among them (so replacing it keeps most). A deck
// sharing fewer is named on w, with how to update it instead; "" then.
func noteHome(lib *library.Library, files []library.DeckFile, res *interop.Result, w io.Writer) string {
	ids := make(map[string]bool, len(res.Deck.Cards))
	for i := range res.Deck.Cards {
		ids[res.Deck.Cards[i].ID] = true
	}
	var best *quiz.Deck
	shared := 0
	for _, f := range files {
		if f.Deck == nil || f.Builtin || !sameFile(f.Path, filepath.Join(lib.DecksDir(), f.Deck.ID+".json")) {
			continue
		}
		n := 0
		for i := range f.Deck.Cards {
			if ids[f.Deck.Cards[i].ID] {
				n++
			}
		}
		if n > shared {
			best, shared = f.Deck, n
		}
	}
	switch {
	case best == nil:
		return ""
	case 2*shared > len(best.Cards):
		return best.ID
	}
	fmt.Fprintf(w, "note: the deck %q holds %s of this file's %s already (and %s); to update that deck with this file instead, import it with --deck %s\n",
		best.ID, thousands(shared), count(len(res.Deck.Cards), "card"), count(len(best.Cards)-shared, "other"), best.ID)
	return ""
}

// report lists the warnings and the rows or notes skipped, one a line.
func report(w io.Writer, res *interop.Result) {
	for _, p := range res.Warnings {
		fmt.Fprintln(w, termtext.Strip("warning: "+p.String()))
	}
	for _, p := range res.Skipped {
		fmt.Fprintln(w, termtext.Strip(p.String()))
	}
}

// checkClash refuses a deck id another deck file has already (a built-in
// deck, or a user deck in another file): two decks with one id would
// share progress, and the later one would not load.
func checkClash(files []library.DeckFile, id, path string) error {
	for _, f := range files {
		if f.Deck != nil && f.Deck.ID == id && !sameFile(f.Path, path) {
			return fmt.Errorf("the deck id %q is taken by %s: choose another with --deck", id, termtext.QuoteIfUnsafe(f.Path))
		}
	}
	return nil
}

// sameFile reports whether two paths name the same file.
func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// importSummary says what the import did (or would do): a new deck, or what
// changes in the deck it replaces.
func importSummary(res *interop.Result, to *target, dryRun bool) string {
	d := res.Deck
	verb := map[bool]string{false: "imported", true: "would import"}[dryRun]
	s := fmt.Sprintf("%s %s into %q (%s)", verb, count(len(d.Cards), "card"), d.ID, termtext.QuoteIfUnsafe(to.path))
	switch {
	case to.oldErr == nil:
		verb = map[bool]string{false: "updated", true: "would update"}[dryRun]
		where := ""
		if to.byNotes {
			where = ", the deck this file's notes are in"
		}
		added, changed, removed := diffCards(to.old.cards, d.Cards)
		s = fmt.Sprintf("%s %q (%s)%s: %s added, %s changed, %s removed, %s unchanged; progress is kept",
			verb, d.ID, termtext.QuoteIfUnsafe(to.path), where, thousands(added), thousands(changed), thousands(removed), thousands(len(d.Cards)-added-changed))
	case !errors.Is(to.oldErr, os.ErrNotExist):
		s += "; it replaces a deck file that did not load"
	}
	if n := len(res.Skipped); n > 0 {
		unit := "row"
		if res.Skipped[0].Line == 0 {
			unit = "note"
		}
		s += fmt.Sprintf(" (%s skipped: see above)", count(n, unit))
	}
	if res.Media > 0 {
		s += fmt.Sprintf(" (%s not imported)", count(res.Media, "media file"))
	}
	return s
}

// oldDeck is the deck file an import replaces, as much of it as the
// summary needs: not its cards, which a large deck would hold twice.
type oldDeck struct {
	title string
	cards map[string]uint64 // card id → digest
}

// readOldDeck reads the deck file at path, keeping a digest of each card.
func readOldDeck(path string) (*oldDeck, error) {
	old := &oldDeck{cards: map[string]uint64{}}
	d, err := deckfile.ScanFile(path, func(c *quiz.Card) { old.cards[c.ID] = digest(c) })
	if err != nil {
		return nil, err
	}
	old.title = d.Title
	return old, nil
}

// digest is a hash of a card's content: of its JSON, in which a card has
// one form.
func digest(c *quiz.Card) uint64 {
	h := fnv.New64a()
	json.NewEncoder(h).Encode(c) //nolint:errcheck // a Card always encodes
	return h.Sum64()
}

// diffCards counts the cards of next that are new or changed from prev
// (digests by card id), and the cards of prev gone from next.
func diffCards(prev map[string]uint64, next []quiz.Card) (added, changed, removed int) {
	seen := 0
	for i := range next {
		d, ok := prev[next[i].ID]
		switch {
		case !ok:
			added++
		case d != digest(&next[i]):
			changed++
		}
		if ok {
			seen++
		}
	}
	return added, changed, len(prev) - seen
}

// count says "1 card", "5,667 cards".
func count(n int, unit string) string {
	if n != 1 {
		unit += "s"
	}
	return thousands(n) + " " + unit
}

// thousands formats n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	start := len(s) % 3
	if n < 0 || start == 0 && len(s) <= 3 {
		return s
	}
	out := s[:start]
	for i := start; i < len(s); i += 3 {
		if out != "" {
			out += ","
		}
		out += s[i : i+3]
	}
	return out
}
