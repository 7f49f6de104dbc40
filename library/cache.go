package library

import (
	"bufio"
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

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/quiz"
)

// The deck cache keeps each of the learner's decks, once parsed and
// validated, in the data directory's cache/ folder in deckfile's binary form:
// reading that back is many times faster than parsing and validating the
// JSON (at 100,000 cards ~60 ms against over a second: BenchmarkLoadDeck,
// BenchmarkDecodeBinary). An entry is keyed by the SHA-256 of the deck
// file's content and by cacheFormat, never by the moatquiz binary, so a
// rebuilt or upgraded moatquiz reads an unchanged deck from its entry. The
// file's size, modification time and inode are kept beside the hash so that
// an untouched file is not even hashed. `moatquiz check` never uses it.

// cacheFormat is the version of what an entry holds: bump it whenever
// quiz's binary form, the index, or what the loader accepts or produces
// changes, so that entries written by another version are not used.
const cacheFormat = 9

// cacheHead says what an entry was made from, and holds the head of the
// deck's index.
type cacheHead struct {
	Format int
	Sum    string   // hex SHA-256 of the deck file's content
	Stat   fileStat // the file when the entry was written
	Index  indexHead
	Words  wordsHead // the words section, after the deck's binary form
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
type deckCache struct {
	dir      string
	progress func(Reading) // nil: nobody watches (Library.OnReading)
}

// entry is the entry file of the deck file at path.
func (c deckCache) entry(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	sum := sha256.Sum256([]byte(path))
	return filepath.Join(c.dir, "deck-"+hex.EncodeToString(sum[:16]))
}

// load loads the deck file at path, whose Stat is info: its index from its
// entry when the file's content is the one the entry was made from, else
// the deck from the file, writing a new entry. A cache that cannot be read
// or written only costs time.
func (c deckCache) load(path string, info os.FileInfo, now time.Time) (*deckFile, error) {
	entry := c.entry(path)
	stat := statOf(info)
	head, index, body, ok := readHead(entry)
	if ok && head.Stat == stat {
		return cachedFile(path, entry, head, index, body), nil
	}
	data, err := os.ReadFile(path)
	if err != nil || info.Size() > deckfile.MaxFileSize {
		_, err := deckfile.LoadFile(path) // says why in the loader's words
		return nil, err
	}
	sum := sha256.Sum256(data)
	key := cacheHead{Format: cacheFormat, Sum: hex.EncodeToString(sum[:]), Stat: stat}
	stable := info.ModTime().Before(now.Add(-racyWindow))
	if ok && head.Sum == key.Sum {
		if f := cachedFile(path, entry, head, index, body); !stable {
			return f, nil
		} else if d, err := f.deck(); err == nil {
			writeEntry(entry, key, d) //nolint:errcheck // the cache only saves time
			return f, nil
		}
	}
	report := c.reporter(path, len(data))
	d, err := deckfile.LoadProgress(path, data, report.read)
	if err != nil {
		return nil, err
	}
	if stable {
		writeEntry(entry, key, d) //nolint:errcheck // the cache only saves time
	}
	report.done()
	return wholeFile(d, key.Sum), nil
}

// reporter reports to progress the first reading of one large deck file,
// at most once per percent of its bytes; a nil reporter reports nothing.
type reporter struct {
	progress func(Reading)
	p        Reading
	next     int // the bytes read at which the next report is due
}

// reporter returns the reporter of the reading of the deck file at path,
// size bytes long: nil when nobody watches or the file is small.
func (c deckCache) reporter(path string, size int) *reporter {
	if c.progress == nil || size < bigFile {
		return nil
	}
	return &reporter{progress: c.progress, p: Reading{Path: path, Size: size}}
}

// read reports n bytes read, when a percent more than last time.
func (r *reporter) read(n int) {
	if r == nil || n < r.next {
		return
	}
	r.p.Read, r.next = n, n+r.p.Size/100
	r.progress(r.p)
}

// done reports the file read and indexed.
func (r *reporter) done() {
	if r != nil {
		r.p.Read, r.p.Done = r.p.Size, true
		r.progress(r.p)
	}
}

// builtin loads the built-in deck named path from data: from its entry
// when it was made from data, else parsed; such a deck's entry is written
// only by Library.SaveBuiltin.
func (c deckCache) builtin(path string, data []byte) (*deckFile, error) {
	name := sha256.Sum256([]byte(path))
	entry := filepath.Join(c.dir, "builtin-"+hex.EncodeToString(name[:16]))
	sum := sha256.Sum256(data)
	key := hex.EncodeToString(sum[:])
	if head, index, body, ok := readHead(entry); ok && head.Sum == key {
		return cachedFile(path, entry, head, index, body), nil
	}
	d, err := deckfile.Load(path, data)
	if err != nil {
		return nil, err
	}
	f := wholeFile(d, key)
	f.unsaved = entry
	return f, nil
}

// cacheMagic starts an entry: then its head as JSON on one line, then the
// deck's index (deckIndex.raw), then the deck in quiz's binary form, then
// its words section (deckWords).
const cacheMagic = "moatquiz deck cache\n"

// maxHead is the longest head line readHead reads.
const maxHead = 1 << 20

// readHead reads the head and index of the entry at file, and says where
// its body starts, when it is an entry of this cacheFormat.
func readHead(file string) (head cacheHead, index string, body int64, ok bool) {
	f, err := os.Open(file)
	if err != nil {
		return cacheHead{}, "", 0, false
	}
	defer f.Close()
	head, at, ok := headOf(f)
	if !ok {
		return cacheHead{}, "", 0, false
	}
	info, err := f.Stat()
	if err != nil || at+int64(head.Index.Size) > info.Size() {
		return cacheHead{}, "", 0, false
	}
	var raw strings.Builder // one copy of the index, in the string it is used as
	raw.Grow(head.Index.Size)
	if n, err := io.Copy(&raw, io.NewSectionReader(f, at, int64(head.Index.Size))); err != nil || n != int64(head.Index.Size) {
		return cacheHead{}, "", 0, false
	}
	x := deckIndex{indexHead: head.Index, raw: raw.String()}
	body = at + int64(head.Index.Size)
	if !x.valid() || body+int64(x.size())+int64(head.Words.Size) != info.Size() {
		return cacheHead{}, "", 0, false
	}
	return head, x.raw, body, true
}

// headOf reads the head of the entry open in f, and says where the index
// starts, when it is an entry of this cacheFormat.
func headOf(f *os.File) (head cacheHead, index int64, ok bool) {
	r := bufio.NewReader(io.NewSectionReader(f, 0, maxHead))
	magic, _ := r.ReadString('\n')
	line, err := r.ReadBytes('\n')
	if magic != cacheMagic || err != nil || json.Unmarshal(line, &head) != nil ||
		head.Format != cacheFormat || head.Index.Size < 0 || head.Index.Size > maxIndex ||
		head.Words.Size < 0 || head.Words.Count < 0 {
		return cacheHead{}, 0, false
	}
	return head, int64(len(magic) + len(line)), true
}

// maxIndex bounds the index an entry may claim: a card takes 22 bytes of
// it besides its id, sibling keys and tags, and a deck file is at most
// deckfile.MaxFileSize.
const maxIndex = 16 * deckfile.MaxFileSize

// writeEntry writes the entry of deck d to file, whole or not at all (a
// temporary file renamed), so that another moatquiz reading it meanwhile
// sees the old entry or the new one.
func writeEntry(file string, head cacheHead, d *quiz.Deck) error {
	body, starts := deckfile.EncodeBinary(d)
	index, ok := buildIndex(d, starts, len(body))
	if !ok {
		return errors.New("deck cache: the deck is too large to index")
	}
	head.Index = index.indexHead
	words, wordsHead := encodeWords(quiz.DeckWords(d.Cards))
	head.Words = wordsHead
	line, err := json.Marshal(head)
	if err != nil {
		return fmt.Errorf("deck cache: %w", err)
	}
	if err := writeAtomic(file, slices.Concat([]byte(cacheMagic), line, []byte("\n"), []byte(index.raw), body, []byte(words))); err != nil {
		return fmt.Errorf("deck cache: %w", err)
	}
	return nil
}

// writeAtomic writes data to file, whole or not at all (a temporary file
// renamed), so that another moatquiz reading it meanwhile sees the old
// file or the new one.
func writeAtomic(file string, data []byte) (err error) {
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".deck-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	_, err = tmp.Write(data)
	if err = errors.Join(err, tmp.Close()); err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	return err
}

// prune removes the entries (and text files) of deck files other than
// paths (decks deleted or renamed), and temporary files left by a moatquiz that was killed
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
		stale := strings.HasPrefix(name, "deck-") && !keep[name] ||
			strings.HasPrefix(name, "text-") && !keep["deck-"+strings.TrimPrefix(name, "text-")]
		if info, err := e.Info(); err == nil && strings.HasPrefix(name, ".deck-") &&
			time.Since(info.ModTime()) > time.Hour {
			stale = true
		}
		if stale {
			os.Remove(filepath.Join(c.dir, name))
		}
	}
}
