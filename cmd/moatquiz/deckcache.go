package main

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
// BenchmarkUnmarshalBinary), and the app reads every deck at each start. An entry is used only while the deck file
// and the moatquiz binary are exactly as they were when it was written,
// so an edited deck, or a moatquiz that validates differently, reads the
// JSON again. `moatquiz check` never uses it.

// cacheFormat changes when the entries' layout does.
const cacheFormat = 2

// cacheKey says what an entry was made from.
type cacheKey struct {
	Format int
	Exe    fileID // the moatquiz that wrote it
	Deck   fileID // the deck file
}

// fileID identifies a file's version: where it is, its size and
// modification time, and its device and inode.
type fileID struct {
	Path     string
	Size     int64
	ModNanos int64
	Dev, Ino uint64
}

// deckCacheDir is the cache folder beside the decks folder dir.
func deckCacheDir(decksDir string) string {
	return filepath.Join(filepath.Dir(decksDir), "cache")
}

// cacheFile is the entry of deck file path in cacheDir.
func cacheFile(cacheDir, path string) string {
	sum := sha256.Sum256([]byte(path))
	return filepath.Join(cacheDir, "deck-"+hex.EncodeToString(sum[:16]))
}

// pruneCache removes the entries in cacheDir of deck files other than
// paths (decks deleted or renamed), and temporary files left by a
// moatquiz that was killed while writing one.
func pruneCache(cacheDir string, paths []string) {
	entries, err := os.ReadDir(cacheDir)
	if err != nil {
		return
	}
	keep := map[string]bool{}
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			keep[filepath.Base(cacheFile(cacheDir, abs))] = true
		}
	}
	for _, e := range entries {
		name := e.Name()
		stale := strings.HasPrefix(name, "deck-") && !keep[name]
		if info, err := e.Info(); err == nil && strings.HasPrefix(name, ".deck-") &&
			time.Since(info.ModTime()) > time.Hour {
			stale = true
		}
		if stale {
			os.Remove(filepath.Join(cacheDir, name))
		}
	}
}

// keyFor is the key of deck file path, whose Stat is info; false when the
// files cannot be identified (then nothing is cached).
func keyFor(path string, info os.FileInfo) (cacheKey, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return cacheKey{}, false
	}
	deck, ok := identify(abs, info)
	if !ok {
		return cacheKey{}, false
	}
	exePath, err := os.Executable()
	if err != nil {
		return cacheKey{}, false
	}
	exeInfo, err := os.Stat(exePath)
	if err != nil {
		return cacheKey{}, false
	}
	exe, ok := identify(exePath, exeInfo)
	return cacheKey{Format: cacheFormat, Exe: exe, Deck: deck}, ok
}

// cacheMagic starts an entry: then the key as JSON on one line, then the
// deck in quiz's binary form.
const cacheMagic = "moatquiz deck cache\n"

// readCached returns the deck of the entry at file when its key is key.
func readCached(file string, key cacheKey) (*quiz.Deck, bool) {
	data, err := readString(file)
	if err != nil {
		return nil, false
	}
	rest, ok := strings.CutPrefix(data, cacheMagic)
	head, body, found := strings.Cut(rest, "\n")
	var got cacheKey
	if !ok || !found || json.Unmarshal([]byte(head), &got) != nil || got != key {
		return nil, false
	}
	var d quiz.Deck
	if err := d.DecodeBinary(body); err != nil || len(d.Cards) == 0 {
		return nil, false
	}
	return &d, true
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

// writeCached writes the entry of deck d under key to file, whole or not
// at all (a temporary file renamed), so that another moatquiz reading it
// meanwhile sees the old entry or the new one.
func writeCached(file string, key cacheKey, d *quiz.Deck) (err error) {
	head, err := json.Marshal(key)
	if err != nil {
		return fmt.Errorf("deck cache: %w", err)
	}
	body, err := d.MarshalBinary()
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
	_, err = tmp.Write(slices.Concat([]byte(cacheMagic), head, []byte("\n"), body))
	if err = errors.Join(err, tmp.Close()); err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		return fmt.Errorf("deck cache: %w", err)
	}
	return nil
}
