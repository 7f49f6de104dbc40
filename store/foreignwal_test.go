package store

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// foreignWAL writes, beside path, the write-ahead log of another
// program's database, with its changes not yet checkpointed.
func foreignWAL(t *testing.T, path string) {
	t.Helper()
	other := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", other+"?_pragma=journal_mode(WAL)&_pragma=wal_autocheckpoint(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT); " +
		"INSERT INTO notes (flds) VALUES ('hello')"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(other + "-wal")
	if err != nil || len(b) == 0 {
		t.Fatalf("no log to copy: %d bytes, %v", len(b), err)
	}
	if err := os.WriteFile(path+"-wal", b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestForeignLogIsBlamed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	moatquizDB(t, dir, 3)
	foreignWAL(t, path)
	db0, wal0 := sum(t, path), sum(t, path+"-wal")
	for _, opt := range []Options{{}, {ReadOnly: true}} {
		db, err := Open(dir, opt)
		if err == nil {
			db.Close()
			t.Fatalf("Open(%+v) succeeded", opt)
		}
		var fe *FileError
		if !errors.Is(err, ErrForeignLog) || !errors.As(err, &fe) || fe.Path != path+"-wal" ||
			!strings.Contains(err.Error(), "move the log") {
			t.Errorf("Open(%+v) = %v; want the -wal named as another database's, and what to do", opt, err)
		}
		if sum(t, path) != db0 || sum(t, path+"-wal") != wal0 {
			t.Fatalf("Open(%+v) changed the files", opt)
		}
		if _, err := os.Stat(path + "-shm"); err == nil {
			t.Errorf("Open(%+v) left a -shm file", opt)
		}
		t.Logf("Open(%+v): %v", opt, err)
	}
}
