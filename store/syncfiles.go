package store

import (
	"database/sql"
	"fmt"
)

// SyncFile is what a sync has read of one log file of its folder.
type SyncFile struct {
	Name  string
	Stamp string // what identified the file when read, without reading it; "": it must be looked at again
	Read  int64  // bytes read: up to the end of its last whole line
	Tail  []byte // a hash of the bytes before Read, which the file must still hold to be read on from there
	Lines int    // lines read
	Bad   bool   // it holds lines skipped: read whole at every sync
	// Keys, when saved, are the keys of the lines read this time: added
	// to those kept of the file, or in their place when Whole.
	Keys  []string
	Whole bool
}

// SyncRead is what a sync read of its folder's log files.
type SyncRead struct {
	Files []SyncFile // the files read, whole or in part
	Gone  []string   // files no longer in the folder
}

// The SQL of sync files.
var (
	sqlSyncFiles = "SELECT name, stamp, read, tail, lines, bad FROM sync_file WHERE folder = ?"
	sqlSyncKeys  = "SELECT f.name, k.key FROM sync_key AS k JOIN sync_file AS f ON f.id = k.file WHERE f.folder = ?"
	sqlDropFile  = "DELETE FROM sync_file WHERE folder = ? AND name = ?"
	sqlPutFile   = "INSERT INTO sync_file (folder, name, stamp, read, tail, lines, bad) VALUES (?, ?, ?, ?, ?, ?, ?) " +
		"ON CONFLICT (folder, name) DO UPDATE SET stamp = excluded.stamp, read = excluded.read, " +
		"tail = excluded.tail, lines = excluded.lines, bad = excluded.bad RETURNING id"
	sqlAddKey = "INSERT OR IGNORE INTO sync_key (file, key) VALUES (?, ?)"
)

// SyncFiles returns what the syncs with folder have read of its files, by name.
func (db *DB) SyncFiles(folder string) (map[string]SyncFile, error) {
	files := map[string]SyncFile{}
	err := eachRow(db, "sync files", sqlSyncFiles, func(rows *sql.Rows) (SyncFile, error) {
		var f SyncFile
		err := rows.Scan(&f.Name, &f.Stamp, &f.Read, &f.Tail, &f.Lines, &f.Bad)
		return f, err
	}, func(f SyncFile) error { files[f.Name] = f; return nil }, folder)
	return files, err
}

// SyncKeys calls fn with the keys of the lines read of each of folder's files.
func (db *DB) SyncKeys(folder string, fn func(file, key string) error) error {
	type row struct{ file, key string }
	return eachRow(db, "sync files", sqlSyncKeys, func(rows *sql.Rows) (row, error) {
		var r row
		var key []byte
		err := rows.Scan(&r.file, &key)
		r.key = string(key)
		return r, err
	}, func(r row) error { return fn(r.file, r.key) }, folder)
}

// SaveSyncRead keeps what a sync read of folder, in one transaction,
// and forgets the files of every other folder: a learner syncs with one.
// A sync that read nothing writes nothing.
func (db *DB) SaveSyncRead(folder string, read SyncRead) error {
	if len(read.Files) == 0 && len(read.Gone) == 0 {
		return nil
	}
	if err := db.writable(); err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	tx, err := db.sql.Begin()
	if err != nil {
		return fmt.Errorf("sync: %s: %w", db.path, explain(err))
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := saveSyncRead(tx, folder, read); err != nil {
		return fmt.Errorf("sync: keep what was read in %s: %w", db.path, explain(err))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sync: %s: %w", db.path, explain(err))
	}
	db.idle.committed()
	return nil
}

// saveSyncRead is SaveSyncRead's transaction.
func saveSyncRead(tx *sql.Tx, folder string, read SyncRead) error {
	if _, err := tx.Exec("DELETE FROM sync_file WHERE folder != ?", folder); err != nil {
		return err
	}
	for _, name := range read.Gone {
		if _, err := tx.Exec(sqlDropFile, folder, name); err != nil {
			return err
		}
	}
	for _, f := range read.Files {
		if f.Whole {
			if _, err := tx.Exec(sqlDropFile, folder, f.Name); err != nil {
				return err
			}
		}
		var id int64
		tail := append([]byte{}, f.Tail...) // never NULL
		if err := tx.QueryRow(sqlPutFile, folder, f.Name, f.Stamp, f.Read, tail, f.Lines, f.Bad).Scan(&id); err != nil {
			return err
		}
		if err := addKeys(tx, id, f.Keys); err != nil {
			return err
		}
	}
	return nil
}

// addKeys adds keys to those of file id.
func addKeys(tx *sql.Tx, id int64, keys []string) error {
	add, err := tx.Prepare(sqlAddKey)
	if err != nil {
		return err
	}
	defer add.Close()
	for _, k := range keys {
		if _, err := add.Exec(id, []byte(k)); err != nil {
			return err
		}
	}
	return nil
}
