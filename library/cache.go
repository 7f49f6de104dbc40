package library

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
)

// The deck cache keeps each of the learner's decks, once parsed and
// validated, in the data directory's cache/ folder in quiz's binary form:
// reading that back is many times faster than parsing and validating the
// JSON (at 100,000 cards ~60 ms against over a second: BenchmarkLoadDeck,
// BenchmarkUnmarshalBinary). An entry is keyed by the SHA-256 of the deck
// file's content and by cacheFormat, never by the moatquiz binary, so a
// rebuilt or upgraded moatquiz reads an unchanged deck from its entry. The
// file's size, modification time and inode are kept beside the hash so that
// an untouched file is not even hashed. `moatquiz check` never uses it.

// cacheFormat is the version of what an entry holds: bump it whenever
// quiz's binary form or what the loader accepts or produces changes, so
// that entries written by another version are not used.
const cacheFormat = 3

// cacheHead says what an entry was made from.
type cacheHead struct {
	Format int
	Sum    string   // hex SHA-256 of the deck file's content
	Stat   fileStat // the file when the entry was written
}

// fileStat identifies a version of a file without reading it.
type fileStat struct {
	Size     int64
	ModNanos int64
	Dev, Ino uint64
}

// racyWindow is how long before its reading a file must have last changed
// for its stat to stand for its content: a file changed again within the
// file system's timestamp granularity could otherwise look unchanged.
const racyWindow = 2 * time.Second

// deckCache is the cache folder of one data directory.
type deckCache struct{ dir string }

// entry is the entry file of the deck file at path.
func (c deckCache) entry(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	sum := sha256.Sum256([]byte(path))
	return filepath.Join(c.dir, "deck-"+hex.EncodeToString(sum[:16]))
}

// load loads the deck file at path, whose Stat is info: from its entry
// when the file's content is the one the entry was made from, else from
// the file, writing a new entry. A cache that cannot be read or written
// only costs time.
func (c deckCache) load(path string, info os.FileInfo, now time.Time) (*quiz.Deck, error) {
	entry := c.entry(path)
	stat := statOf(info)
	head, body, ok := readEntry(entry)
	if ok && head.Stat == stat {
		if d, ok := decode(body, path); ok {
			return d, nil
		}
	}
	data, err := os.ReadFile(path)
	if err != nil || info.Size() > quiz.MaxFileSize {
		return quiz.LoadFile(path) // says why in the loader's words
	}
	sum := sha256.Sum256(data)
	key := cacheHead{Format: cacheFormat, Sum: hex.EncodeToString(sum[:]), Stat: stat}
	stable := info.ModTime().Before(now.Add(-racyWindow))
	if ok && head.Sum == key.Sum {
		if d, ok := decode(body, path); ok {
			if stable {
				writeEntry(entry, key, body) //nolint:errcheck // the cache only saves time
			}
			return d, nil
		}
	}
	d, err := quiz.Load(path, data)
	if err == nil && stable {
		if body, err := d.MarshalBinary(); err == nil {
			writeEntry(entry, key, string(body)) //nolint:errcheck // the cache only saves time
		}
	}
	return d, err
}

// decode is the deck in an entry's body, read from path.
func decode(body, path string) (*quiz.Deck, bool) {
	var d quiz.Deck
	if err := d.DecodeBinary(body); err != nil || len(d.Cards) == 0 {
		return nil, false
	}
	d.Path = path
	return &d, true
}

// cacheMagic starts an entry: then its head as JSON on one line, then the
// deck in quiz's binary form.
const cacheMagic = "moatquiz deck cache\n"

// readEntry reads the entry at file: its head and its body, when it is an
// entry of this cacheFormat.
func readEntry(file string) (cacheHead, string, bool) {
	data, err := readString(file)
	if err != nil {
		return cacheHead{}, "", false
	}
	rest, ok := strings.CutPrefix(data, cacheMagic)
	line, body, found := strings.Cut(rest, "\n")
	var head cacheHead
	if !ok || !found || json.Unmarshal([]byte(line), &head) != nil || head.Format != cacheFormat {
		return cacheHead{}, "", false
	}
	return head, body, true
}

// readString reads a file into a string without a second copy: the
// deck's texts are cut from it.
func readString(file string) (string, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(int(info.Size()))
	if _, err := io.Copy(&b, f); err != nil {
		return "", err
	}
	return b.String(), nil
}

// writeEntry writes an entry to file, whole or not at all (a temporary
// file renamed), so that another moatquiz reading it meanwhile sees the
// old entry or the new one.
func writeEntry(file string, head cacheHead, body string) (err error) {
	line, err := json.Marshal(head)
	if err != nil {
		return fmt.Errorf("deck cache: %w", err)
	}
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("deck cache: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".deck-*.tmp")
	if err != nil {
		return fmt.Errorf("deck cache: %w", err)
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	_, err = tmp.Write(slices.Concat([]byte(cacheMagic), line, []byte("\n"), []byte(body)))
	if err = errors.Join(err, tmp.Close()); err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		return fmt.Errorf("deck cache: %w", err)
	}
	return nil
}

// prune removes the entries of deck files other than paths (decks deleted
// or renamed), and temporary files left by a moatquiz that was killed
// while writing one.
func (c deckCache) prune(paths []string) {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	keep := map[string]bool{}
	for _, p := range paths {
		keep[filepath.Base(c.entry(p))] = true
	}
	for _, e := range entries {
		name := e.Name()
		stale := strings.HasPrefix(name, "deck-") && !keep[name]
		if info, err := e.Info(); err == nil && strings.HasPrefix(name, ".deck-") &&
			time.Since(info.ModTime()) > time.Hour {
			stale = true
		}
		if stale {
			os.Remove(filepath.Join(c.dir, name))
		}
	}
}
