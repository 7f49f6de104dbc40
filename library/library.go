// Package library is moatquiz's application layer, between the screens
// and the data: it finds the decks (built-in and the learner's), keeps
// their cache, and answers what the app and the command line ask of them.
// cmd/moatquiz and tui are drivers of it; store keeps the SQL and quiz the
// study domain.
package library

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/decks"
	"github.com/moatquiz/moatquiz/quiz"
)

// Library is one data directory's decks. Its methods are safe for
// concurrent use.
type Library struct {
	dataDir string
	builtin fs.FS
	cache   deckCache

	mu     sync.Mutex
	loaded map[string]loadedDeck // by path: the deck files this Library read
}

// loadedDeck is a deck file as it was read.
type loadedDeck struct {
	stat fileStat  // the file when it was read
	at   time.Time // when it was read
	file *deckFile
	err  error
}

// New returns the library of the data directory dataDir, whose decks/
// folder holds the learner's decks and cache/ their parsed copies.
func New(dataDir string) *Library {
	return &Library{
		dataDir: dataDir,
		builtin: decks.FS,
		cache:   deckCache{dir: filepath.Join(dataDir, "cache")},
		loaded:  map[string]loadedDeck{},
	}
}

// Reading is how far the first reading of a large deck file has got:
// one that is new or changed is parsed and indexed, which takes seconds
// at 100,000 cards; later runs read its index.
type Reading struct {
	Path string // the deck file
	Read int    // how many of its bytes are read
	Size int    // its size in bytes
	Done bool   // read and indexed: the file's last report
}

// bigFile is the size from which a deck file's first reading is reported
// (about 3,000 cards): a smaller one is read in a blink.
const bigFile = 1 << 20

// OnReading has fn called with the progress of each large deck file's
// first reading, in the goroutine that reads it, a hundred times at most
// per file. Call it while no other goroutine uses the Library.
func (l *Library) OnReading(fn func(Reading)) { l.cache.progress = fn }

// DecksDir is where the learner's own decks live.
func (l *Library) DecksDir() string { return filepath.Join(l.dataDir, "decks") }

// DeckFile is one deck file found: its deck, or why it could not be loaded.
type DeckFile struct {
	Path    string     // "builtin:article.json", or the file's path
	Builtin bool       // compiled into the binary
	Deck    *quiz.Deck // nil when Err is set
	Err     error
}

// Files loads every deck file, built-in first, then the learner's (the
// *.json files of DecksDir, by name), and rejects a deck whose id an
// earlier one has. A file that cannot be loaded has its error; no error
// stops the others from loading.
func (l *Library) Files() []DeckFile {
	found := l.found()
	files := make([]DeckFile, len(found))
	for i, f := range found {
		files[i] = DeckFile{Path: f.path, Builtin: f.builtin, Err: f.err}
		if f.err == nil {
			files[i].Deck, files[i].Err = f.file.deck()
		}
	}
	return files
}

// foundDeck is a deck file found: its index and cards, or why it could
// not be loaded.
type foundDeck struct {
	path    string
	builtin bool
	file    *deckFile // nil when err is set
	err     error
}

// found finds every deck file as Files does, without reading the cards
// of those whose cache entry has them.
func (l *Library) found() []foundDeck {
	files := shadow(l.builtinDecks(), l.userDecks())
	owner := map[string]string{} // deck id → path of the deck that has it
	for i := range files {
		f := &files[i]
		if f.err != nil {
			continue
		}
		id := f.file.header().ID
		if first, taken := owner[id]; taken {
			f.err = deckfile.ErrorList{{Path: f.path, Msg: fmt.Sprintf(
				"deck id %q is already used by %s: give this deck its own id", id, first)}}
			f.file = nil
			continue
		}
		owner[id] = f.path
	}
	return files
}

// shadow is the built-in decks then the learner's, less the built-in
// decks the learner copied (CopyDeck): a deck of theirs named ID.json
// whose id is ID. Another file with a built-in deck's id stays an error.
func shadow(builtin, user []foundDeck) []foundDeck {
	copied := map[string]bool{}
	for _, f := range user {
		if f.err == nil && filepath.Base(f.path) == f.file.header().ID+".json" {
			copied[f.file.header().ID] = true
		}
	}
	return append(slices.DeleteFunc(builtin, func(f foundDeck) bool {
		return f.err == nil && copied[f.file.header().ID]
	}), user...)
}

// Decks returns the decks that load, in the order of Files, and the
// errors of those that do not.
func (l *Library) Decks() ([]*quiz.Deck, []error) {
	var (
		loaded []*quiz.Deck
		errs   []error
	)
	for _, f := range l.Files() {
		if f.Err != nil {
			errs = append(errs, f.Err)
			continue
		}
		loaded = append(loaded, f.Deck)
	}
	return loaded, errs
}

// Deck returns the deck with the id, or a *NoDeckError.
func (l *Library) Deck(id string) (*quiz.Deck, error) {
	f, err := l.file(id)
	if err != nil {
		return nil, err
	}
	return f.deck()
}

// Header returns the deck with the id as Deck does, without its cards:
// it reads none of them.
func (l *Library) Header(id string) (*quiz.Deck, error) {
	f, err := l.file(id)
	if err != nil {
		return nil, err
	}
	return f.header(), nil
}

// Tags returns the tags of the cards of the deck with the id, sorted,
// each once: what a custom study of one tag may choose.
func (l *Library) Tags(id string) ([]string, error) {
	f, err := l.file(id)
	if err != nil {
		return nil, err
	}
	return f.index.allTags(), nil
}

// file returns the deck file of the deck with the id, or Deck's error.
func (l *Library) file(id string) (*deckFile, error) {
	var errs []error
	for _, f := range l.found() {
		switch {
		case f.err != nil:
			errs = append(errs, f.err)
		case f.file.header().ID == id:
			return f.file, nil
		}
	}
	return nil, &NoDeckError{ID: id, LoadErrs: errs}
}

// NoDeckError says that no deck has an id, with the errors of the deck
// files that could not be loaded, since the deck may be one of them.
type NoDeckError struct {
	ID       string
	LoadErrs []error
}

func (e *NoDeckError) Error() string {
	if len(e.LoadErrs) == 0 {
		return fmt.Sprintf("there is no deck %q: moatquiz decks lists them", e.ID)
	}
	return fmt.Sprintf("there is no deck %q; these deck files could not be loaded (moatquiz check FILE says why in full):\n%v",
		e.ID, errors.Join(e.LoadErrs...))
}

// Unwrap returns the load errors.
func (e *NoDeckError) Unwrap() []error { return e.LoadErrs }

// Builtin loads the decks compiled into the binary, by file name, once
// per Library.
func (l *Library) Builtin() []DeckFile {
	var files []DeckFile
	for _, f := range l.builtinDecks() {
		d := DeckFile{Path: f.path, Builtin: true, Err: f.err}
		if f.err == nil {
			d.Deck, d.Err = f.file.deck()
		}
		files = append(files, d)
	}
	return files
}

// builtinDecks loads the decks compiled into the binary, by file name,
// once per Library.
func (l *Library) builtinDecks() []foundDeck {
	entries, err := fs.ReadDir(l.builtin, ".")
	if err != nil {
		return []foundDeck{{path: "builtin:", builtin: true, err: fmt.Errorf("built-in decks: %w", err)}}
	}
	var files []foundDeck
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		f := foundDeck{path: "builtin:" + e.Name(), builtin: true}
		f.file, f.err = l.remember(f.path, fileStat{}, func() (*deckFile, error) {
			data, err := fs.ReadFile(l.builtin, e.Name())
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f.path, err)
			}
			return l.cache.builtin(f.path, data)
		})
		files = append(files, f)
	}
	return files
}

// userDecks loads the *.json files of DecksDir, by name; a folder that
// does not exist holds no decks. Hidden files (editors' backups) and
// folders are skipped; a pipe or device is an error rather than something
// to wait on, and so is a file that cannot be looked at (a dangling
// symbolic link).
func (l *Library) userDecks() []foundDeck {
	dir := l.DecksDir()
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return []foundDeck{{path: dir, err: fmt.Errorf("your decks: %w", err)}}
	}
	removeStaleTemps(dir, entries, time.Now())
	var files []foundDeck
	var paths []string
	defer func() { l.cache.prune(paths) }()
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		f := foundDeck{path: filepath.Join(dir, e.Name())}
		paths = append(paths, f.path)
		info, err := os.Stat(f.path) // follows symbolic links
		switch {
		case err != nil:
			_, f.err = deckfile.LoadFile(f.path) // says why in the loader's words
		case info.IsDir():
			continue
		case !info.Mode().IsRegular():
			f.err = deckfile.ErrorList{{Path: f.path, Msg: "is not a regular file: a deck is a JSON file"}}
		default:
			f.file, f.err = l.remember(f.path, statOf(info), func() (*deckFile, error) {
				return l.cache.load(f.path, info, time.Now())
			})
		}
		files = append(files, f)
	}
	return files
}

// remember returns the deck this Library read before from path when the
// file is as it was then (same stat, and last changed well before it was
// read), else what load returns, remembered. A built-in deck (zero stat)
// is read once.
func (l *Library) remember(path string, stat fileStat, load func() (*deckFile, error)) (*deckFile, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	r, ok := l.loaded[path]
	if ok && r.stat == stat && time.Unix(0, stat.ModNanos).Before(r.at.Add(-racyWindow)) {
		return r.file, r.err
	}
	r = loadedDeck{stat: stat, at: time.Now()}
	r.file, r.err = load()
	l.loaded[path] = r
	return r.file, r.err
}

// SaveBuiltin writes the cache entries of the built-in decks this Library
// parsed, so that later runs read their index instead: the app calls it
// once it ran well, so that a command that fails leaves the data
// directory as it found it.
func (l *Library) SaveBuiltin() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, r := range l.loaded {
		if f := r.file; f != nil && f.unsaved != "" {
			_, err := os.Stat(l.cache.dir)
			made := errors.Is(err, fs.ErrNotExist)
			key := cacheHead{Format: cacheFormat, Sum: f.content}
			if writeEntry(f.unsaved, key, f.whole) != nil && made {
				os.Remove(l.cache.dir) // only if empty: what the write made
			}
			f.unsaved = ""
		}
	}
}

// TempSuffix ends the names of the temporary files a deck is written to
// before it is renamed into the decks folder (.ID.json.*.tmp).
const TempSuffix = ".tmp"

// staleTemp is how long a temporary deck file may go unwritten before it
// counts as left by a killed import: writing one takes seconds.
const staleTemp = 10 * time.Minute

// removeStaleTemps removes from dir, whose entries are given, the
// temporary deck files (.ID.json.*.tmp) of imports that were killed
// before renaming them.
func removeStaleTemps(dir string, entries []fs.DirEntry, now time.Time) {
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, TempSuffix) || !strings.Contains(name, ".json.") {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleTemp {
			os.Remove(filepath.Join(dir, name)) //nolint:errcheck // garbage: try again next time
		}
	}
}
