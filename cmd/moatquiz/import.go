package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/moatquiz/moatquiz/interop"
	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// importCmd is `moatquiz import FILE`: a CSV/TSV file or an Anki package
// becomes a deck file in the data directory's decks folder.
type importCmd struct {
	File    string   `arg:"" type:"path" help:"A CSV/TSV file or an Anki package (.apkg, .colpkg)."`
	Deck    string   `placeholder:"ID" help:"The deck's id (default: from the file name). Importing again into the same id replaces the deck; cards keep their ids, so progress is kept."`
	Title   string   `placeholder:"TITLE" help:"The deck's title (default: the Anki deck's name, or the file name)."`
	Columns []string `sep:"," placeholder:"ROLE,..." help:"CSV/TSV: what each column holds, overriding a header row: front, back, front_en, back_en, tags, guid, notetype, pos, romanization, level, or - to skip one."`
	DryRun  bool     `name:"dry-run" help:"Read and check the file and say what would be imported, without writing anything."`
}

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
	path := filepath.Join(lib.DecksDir(), opt.DeckID+".json")
	old, oldErr := readOldDeck(path)
	if opt.Title == "" && oldErr == nil {
		opt.Title = old.title // a re-import keeps the deck's title
	}
	res, err := interop.ImportFile(c.File, opt)
	if err != nil {
		return err
	}
	report(stderr, res)
	if err := checkClash(lib, res.Deck.ID, path); err != nil {
		return err
	}
	if c.DryRun {
		fmt.Fprintln(stdout, importSummary(res, path, old, oldErr, true)+" (dry run: nothing written)")
		return nil
	}
	if err := writeFileAtomic(path, res.WriteDeck); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	fmt.Fprintln(stdout, importSummary(res, path, old, oldErr, false))
	return nil
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
func checkClash(lib *library.Library, id, path string) error {
	for _, f := range lib.Files() {
		if f.Deck != nil && f.Deck.ID == id && !sameFile(f.Path, path) {
			return fmt.Errorf("import: the deck id %q is taken by %s: choose another with --deck", id, safePath(f.Path))
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
// changes in the deck it replaces (old, as read with oldErr).
func importSummary(res *interop.Result, path string, old *oldDeck, oldErr error, dryRun bool) string {
	d := res.Deck
	verb := map[bool]string{false: "imported", true: "would import"}[dryRun]
	s := fmt.Sprintf("%s %s into %q (%s)", verb, count(len(d.Cards), "card"), d.ID, safePath(path))
	switch {
	case oldErr == nil:
		verb = map[bool]string{false: "updated", true: "would update"}[dryRun]
		added, changed, removed := diffCards(old.cards, d.Cards)
		s = fmt.Sprintf("%s %q (%s): %s added, %s changed, %s removed, %s unchanged; progress is kept",
			verb, d.ID, safePath(path), thousands(added), thousands(changed), thousands(removed), thousands(len(d.Cards)-added-changed))
	case !errors.Is(oldErr, os.ErrNotExist):
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
	d, err := quiz.ScanFile(path, func(c *quiz.Card) { old.cards[c.ID] = digest(c) })
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

// writeFileAtomic writes to path what write writes, through a temporary
// file in the same directory, synced and then renamed over path, so that
// path holds the old deck or the new one whole, never part of one. The
// folders it makes for path (private, as the store makes the data folder)
// are removed again when it fails.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	made, err := mkdirs(dir)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			removeMade(dir, made)
		}
	}()
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*"+library.TempSuffix)
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // a no-op after the rename
	buf := bufio.NewWriterSize(f, 64<<10)
	if err = write(buf); err == nil {
		err = buf.Flush()
	}
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if e := f.Close(); err == nil {
		err = e
	}
	if err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil { // make the rename durable
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// mkdirs makes dir and its missing parents, private to the user, and
// returns the topmost folder it made ("" if dir was there).
func mkdirs(dir string) (made string, err error) {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); !errors.Is(err, fs.ErrNotExist) || filepath.Dir(d) == d {
			break
		}
		made = d
	}
	return made, os.MkdirAll(dir, 0o700)
}

// removeMade removes the empty folders from dir up to made, the folders
// mkdirs made.
func removeMade(dir, made string) {
	for d := dir; made != ""; d = filepath.Dir(d) {
		if os.Remove(d) != nil || d == made {
			return
		}
	}
}
