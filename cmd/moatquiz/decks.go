package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/moatquiz/moatquiz/decks"
	"github.com/moatquiz/moatquiz/quiz"
)

// decksCmd is `moatquiz decks`.
type decksCmd struct {
	JSON bool `name:"json" help:"Print a JSON array, one object per deck file: id, title, title_en, origin (builtin or user), path, cards, fact, vocab, cloze, and errors (only for a deck that could not be loaded)."`
}

// Run lists the built-in decks and the learner's.
func (c *decksCmd) Run(g *Globals) error {
	return runDecks(g, os.Stdout, c.JSON)
}

// deckFile is one deck file found: its deck, or why it could not be loaded.
type deckFile struct {
	Path    string     // "builtin:article.json", or the file's path
	Builtin bool       // compiled into the binary
	Deck    *quiz.Deck // nil when Err is set
	Err     error
}

// loadDecks loads the built-in decks, then the learner's (the *.json files
// of the data directory's decks/ folder, by name). A deck that cannot be
// loaded, or whose id is already taken by a deck before it, is left out
// and its error returned; no error stops the others from loading.
func loadDecks(g *Globals) ([]*quiz.Deck, []error) {
	var (
		loaded []*quiz.Deck
		errs   []error
	)
	for _, f := range findDecks(g) {
		if f.Err != nil {
			errs = append(errs, f.Err)
			continue
		}
		loaded = append(loaded, f.Deck)
	}
	return loaded, errs
}

// userDecksDir is where the learner's own decks live.
func userDecksDir(g *Globals) string {
	return filepath.Join(g.dataDir(), "decks")
}

// findDecks loads every deck file, built-in first, and rejects a deck
// whose id an earlier one has.
func findDecks(g *Globals) []deckFile {
	files := append(builtinDecks(), userDecks(userDecksDir(g))...)
	owner := map[string]string{} // deck id → path of the deck that has it
	for i := range files {
		f := &files[i]
		if f.Err != nil {
			continue
		}
		if first, taken := owner[f.Deck.ID]; taken {
			f.Err = quiz.ErrorList{{Path: f.Path, Msg: fmt.Sprintf(
				"deck id %q is already used by %s: give this deck its own id", f.Deck.ID, first)}}
			f.Deck = nil
			continue
		}
		owner[f.Deck.ID] = f.Path
	}
	return files
}

// builtinDecks returns the decks compiled into the binary, by file name,
// loaded once per process.
func builtinDecks() []deckFile {
	return slices.Clone(builtinOnce()) // callers change their copies
}

// builtinOnce loads the built-in decks the first time it is called.
var builtinOnce = sync.OnceValue(loadBuiltin)

// loadBuiltin loads the decks compiled into the binary, by file name.
func loadBuiltin() []deckFile {
	entries, err := fs.ReadDir(decks.FS, ".")
	if err != nil {
		return []deckFile{{Path: "builtin:", Builtin: true, Err: fmt.Errorf("built-in decks: %w", err)}}
	}
	var files []deckFile
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		f := deckFile{Path: "builtin:" + e.Name(), Builtin: true}
		data, err := fs.ReadFile(decks.FS, e.Name())
		if err != nil {
			f.Err = fmt.Errorf("%s: %w", f.Path, err)
		} else {
			f.Deck, f.Err = quiz.Load(f.Path, data)
		}
		files = append(files, f)
	}
	return files
}

// userDecks loads the *.json files of dir, by name; a dir that does not
// exist holds no decks. Hidden files (editors' backups) and folders are
// skipped; a pipe or device is an error rather than something to wait on.
func userDecks(dir string) []deckFile {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return []deckFile{{Path: dir, Err: fmt.Errorf("your decks: %w", err)}}
	}
	removeStaleTemps(dir, entries, time.Now())
	var files []deckFile
	var paths []string
	defer func() { pruneCache(deckCacheDir(dir), paths) }()
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		f := deckFile{Path: filepath.Join(dir, e.Name())}
		paths = append(paths, f.Path)
		info, err := os.Stat(f.Path) // follows symbolic links
		switch {
		case err == nil && info.IsDir():
			continue
		case err == nil && !info.Mode().IsRegular():
			f.Err = quiz.ErrorList{{Path: f.Path, Msg: "is not a regular file: a deck is a JSON file"}}
		default:
			f.Deck, f.Err = loadFile(f.Path, info, deckCacheDir(dir))
		}
		files = append(files, f)
	}
	return files
}

// readDecks remembers the deck files read by this process, so that each
// is parsed and validated once however often the decks are listed (moatquiz
// study looks the deck up, then the app loads the decks; the home screen
// reloads them): at 100,000 cards that is over a second each time.
var readDecks = struct {
	sync.Mutex
	files map[string]readDeck
}{files: map[string]readDeck{}}

// readDeck is a deck file as it was read.
type readDeck struct {
	info os.FileInfo // the file when it was read
	at   time.Time   // when it was read
	deck *quiz.Deck
	err  error
}

// racyWindow is how long before its reading a file must have last changed
// for the deck read to be reused: a file changed again within the file
// system's timestamp granularity could otherwise look unchanged.
const racyWindow = 2 * time.Second

// loadFile loads the deck at path, whose Stat is info: the deck read
// before by this process when the file is the same (same file, size and
// modification time, and last changed well before it was read), else the
// deck cache's entry in cacheDir, else the file, caching what it reads.
func loadFile(path string, info os.FileInfo, cacheDir string) (*quiz.Deck, error) {
	readDecks.Lock()
	defer readDecks.Unlock()
	r, ok := readDecks.files[path]
	if ok && os.SameFile(r.info, info) && r.info.Size() == info.Size() &&
		r.info.ModTime().Equal(info.ModTime()) && info.ModTime().Before(r.at.Add(-racyWindow)) {
		return r.deck, r.err
	}
	r = readDeck{info: info, at: time.Now()}
	r.deck, r.err = loadCached(path, info, cacheDir, r.at)
	readDecks.files[path] = r
	return r.deck, r.err
}

// loadCached loads the deck at path from its cache entry when it is up to
// date, else from the file, and then caches it if the file last changed
// well before now. A cache that cannot be written is no error.
func loadCached(path string, info os.FileInfo, cacheDir string, now time.Time) (*quiz.Deck, error) {
	key, ok := keyFor(path, info)
	if !ok {
		return quiz.LoadFile(path)
	}
	file := cacheFile(cacheDir, key.Deck.Path)
	if d, ok := readCached(file, key); ok {
		d.Path = path
		return d, nil
	}
	d, err := quiz.LoadFile(path)
	if err == nil && info.ModTime().Before(now.Add(-racyWindow)) {
		writeCached(file, key, d) //nolint:errcheck // the cache only saves time
	}
	return d, err
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

// runDecks prints the list of decks, as a table or as JSON.
func runDecks(g *Globals, w io.Writer, asJSON bool) error {
	files := findDecks(g)
	if asJSON {
		return writeDecksJSON(w, files)
	}
	return writeDecksTable(w, files, userDecksDir(g))
}

// writeDecksJSON prints files as a JSON array of deckJSON.
func writeDecksJSON(w io.Writer, files []deckFile) error {
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
	if _, err := w.Write(append(escapeInvisible(out), '\n')); err != nil {
		return fmt.Errorf("write the deck list: %w", err)
	}
	return nil
}

// writeDecksTable prints the loaded decks as a table, then the files that
// could not be loaded with their errors, then where the learner's decks go.
func writeDecksTable(w io.Writer, files []deckFile, dir string) error {
	rows := [][]string{{"ID", "CARDS", "FACT", "VOCAB", "CLOZE", "TITLE", "FROM"}}
	var broken []error
	for _, f := range files {
		if f.Err != nil {
			broken = append(broken, f.Err)
			continue
		}
		from := safePath(f.Path)
		if f.Builtin {
			from = "built-in"
		}
		n := kindCounts(f.Deck)
		rows = append(rows, []string{f.Deck.ID, strconv.Itoa(len(f.Deck.Cards)),
			strconv.Itoa(n[quiz.KindFact]), strconv.Itoa(n[quiz.KindVocab]), strconv.Itoa(n[quiz.KindCloze]),
			quiz.Sanitize(f.Deck.Title) + " — " + quiz.Sanitize(f.Deck.TitleEn), from})
	}
	var b strings.Builder
	writeTable(&b, rows)
	if len(broken) > 0 {
		b.WriteString("\nNot loaded:\n")
		for _, err := range broken {
			b.WriteString(firstError(err) + "\n")
		}
	}
	fmt.Fprintf(&b, "\nYour own decks go in %s (format: docs/deck-format.md).\n", safePath(dir))
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write the deck list: %w", err)
	}
	return nil
}

// firstError is the first line of a deck's errors, and how to see the rest.
func firstError(err error) string {
	var list quiz.ErrorList
	if !errors.As(err, &list) || len(list) < 2 {
		return err.Error()
	}
	return fmt.Sprintf("%v\n  (and %d more: moatquiz check %s)", list[0], len(list)-1, safePath(list[0].Path))
}

// writeTable writes rows in columns padded to their display width (Hangul
// takes two cells); the counts are right-aligned.
func writeTable(b *strings.Builder, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	for _, row := range rows {
		for i, cell := range row {
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

// safePath returns a path as it is, or quoted when it holds characters a
// terminal would act on or not show.
func safePath(p string) string {
	if quiz.Sanitize(p) != p {
		return strconv.Quote(p)
	}
	return p
}
