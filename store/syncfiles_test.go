package store

import (
	"maps"
	"reflect"
	"slices"
	"testing"
)

// syncKeys is db's keys of folder, by file, sorted.
func syncKeys(t *testing.T, db *DB, folder string) map[string][]string {
	t.Helper()
	keys := map[string][]string{}
	err := db.SyncKeys(folder, func(file, key string) error { keys[file] = append(keys[file], key); return nil })
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		slices.Sort(k)
	}
	return keys
}

// TestSyncFilesMigrated: a database from before sync files were kept
// keeps its progress when migrated, and then keeps what a sync read:
// keys added to a file read on, replaced for one read whole, dropped for
// a file gone and for the files of another folder.
func TestSyncFilesMigrated(t *testing.T) {
	db, _ := migratedStatsLog(t, "CREATE TABLE sync_file")
	defer db.Close()
	if files, err := db.SyncFiles("/f"); err != nil || len(files) != 0 {
		t.Fatalf("a migrated database has sync files %v (%v), want none", files, err)
	}
	save := func(folder string, r SyncRead) {
		t.Helper()
		if err := db.SaveSyncRead(folder, r); err != nil {
			t.Fatal(err)
		}
	}
	save("/old", SyncRead{Files: []SyncFile{{Name: "x.jsonl", Keys: []string{"k"}}}})
	save("/f", SyncRead{Files: []SyncFile{
		{Name: "a.jsonl", Stamp: "1 2 3 4", Read: 10, Tail: []byte{1}, Lines: 2, Keys: []string{"r1", "undo r0"}},
		{Name: "b.jsonl", Keys: []string{"r2"}},
		{Name: "c.jsonl", Keys: []string{"r3", "suspend true\x00d\x00c\x00i"}},
	}})
	if got := syncKeys(t, db, "/old"); len(got) != 0 {
		t.Errorf("the files of another folder are kept: %v", got)
	}
	save("/f", SyncRead{Gone: []string{"b.jsonl"}, Files: []SyncFile{
		{Name: "a.jsonl", Stamp: "1 2 3 5", Read: 20, Tail: []byte{2}, Lines: 4, Keys: []string{"r4"}},
		{Name: "c.jsonl", Whole: true, Keys: []string{"r5"}, Bad: true},
	}})
	want := map[string][]string{"a.jsonl": {"r1", "r4", "undo r0"}, "c.jsonl": {"r5"}}
	if got := syncKeys(t, db, "/f"); !reflect.DeepEqual(got, want) {
		t.Errorf("keys = %q, want %q", got, want)
	}
	files, err := db.SyncFiles("/f")
	if err != nil {
		t.Fatal(err)
	}
	a := SyncFile{Name: "a.jsonl", Stamp: "1 2 3 5", Read: 20, Tail: []byte{2}, Lines: 4}
	if got := slices.Sorted(maps.Keys(files)); !reflect.DeepEqual(got, []string{"a.jsonl", "c.jsonl"}) || !reflect.DeepEqual(files["a.jsonl"], a) || !files["c.jsonl"].Bad {
		t.Errorf("files = %+v, want a.jsonl as %+v and c.jsonl bad", files, a)
	}
}
