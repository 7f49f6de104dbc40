package store

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/quiz"
)

// FuzzOpen writes arbitrary bytes as a data directory's database and
// opens it for reading, then for writing: neither panics; a file either
// opens (and its states, log and figures can be read without panicking)
// or is refused and left byte for byte as it was, with no side files.
// Seeds: a real moatquiz database and parts of it, another program's
// database, an empty file, a lone header and text.
func FuzzOpen(f *testing.F) {
	for _, seed := range openSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, FileName)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, opt := range []Options{{ReadOnly: true}, {}} {
			before := sha256.Sum256(data)
			db, err := Open(dir, opt)
			if err != nil {
				got, _ := os.ReadFile(path)
				if sha256.Sum256(got) != before {
					t.Fatalf("Open(%+v) refused the file (%v) but changed it", opt, err)
				}
				for _, side := range []string{"-wal", "-shm"} {
					if st, serr := os.Stat(path + side); serr == nil {
						t.Fatalf("Open(%+v) refused the file (%v) but left a %s file of %d bytes", opt, err, side, st.Size())
					}
				}
				if strings.Contains(err.Error(), "\x1b") {
					t.Fatalf("Open(%+v): error %q holds an escape character", opt, err)
				}
				continue
			}
			db.States("article")                                 //nolint:errcheck // must only not panic
			db.Reviews(func(quiz.Review) error { return nil })   //nolint:errcheck
			db.StatsRows(StatsScope{Items: []string{"article"}}) //nolint:errcheck
			if err := db.Close(); err != nil && !bytes.Contains([]byte(err.Error()), []byte(path)) {
				t.Fatalf("Close: %v", err)
			}
			data, _ = os.ReadFile(path) // a writer may have initialised an empty file
		}
	})
}

// openSeeds are FuzzOpen's seeds: a real moatquiz database with three
// reviews and parts of it, another program's database, an empty file, a
// lone header and text.
func openSeeds(f *testing.F) [][]byte {
	dir, err := os.MkdirTemp("", "moatquiz-fuzz-seeds-")
	if err != nil {
		f.Fatal(err)
	}
	defer os.RemoveAll(dir)
	db, err := Open(dir, Options{})
	if err != nil {
		f.Fatal(err)
	}
	for i := range 3 {
		if _, err := db.Record(*review("card"+strconv.Itoa(i), "fact", int64(i), quiz.ModeReview, nil)); err != nil {
			f.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		f.Fatal(err)
	}
	real, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		f.Fatal(err)
	}
	other, err := sql.Open("sqlite", filepath.Join(dir, "other.db"))
	if err != nil {
		f.Fatal(err)
	}
	_, err = other.Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT); INSERT INTO notes (flds) VALUES ('hello')")
	other.Close()
	if err != nil {
		f.Fatal(err)
	}
	foreign, err := os.ReadFile(filepath.Join(dir, "other.db"))
	if err != nil {
		f.Fatal(err)
	}
	return [][]byte{real, real[:4096], real[:len(real)/2], real[:100], foreign, {},
		[]byte("SQLite format 3\x00"), []byte("not a database\n")}
}
