package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// inspectFile checks, through a read-only connection that cannot change
// the file, that path is an intact moatquiz database this moatquiz can
// open, and returns its schema version (0 for an empty file, one to
// initialise) and the parameters a reader connects with: those of
// readerParams, plus immutable=1 when the directory cannot hold the
// index SQLite keeps beside a WAL database (see needsImmutable).
func inspectFile(path string) (int, []string, error) {
	wal, shm := absent(path)
	params := readerParams()
	v, err := inspectWith(path, params)
	if needsImmutable(path, err) {
		removeCreated(path, wal, shm) // what the failed try made
		params = append(params, "immutable=1")
		v, err = inspectWith(path, params)
	}
	if err != nil {
		// Leave a file we refuse as we found it, without the side files
		// SQLite made for it.
		removeCreated(path, wal, shm)
	}
	return v, params, err
}

// readerParams are the URI parameters of a connection that only reads.
func readerParams() []string { return []string{"mode=ro", "_pragma=query_only(1)"} }

// needsImmutable reports whether err says that a reader could not open
// path because the directory cannot take the -shm index of a WAL
// database (a read-only file system, a full disk), while no -wal file
// holds changes that are not in path yet. Such a file is read as
// immutable, without the index: nothing can be writing it, since a
// writer needs that same index (and keeps a -wal open).
func needsImmutable(path string, err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch {
	case se.Code()&0xff == sqlite3.SQLITE_CANTOPEN, se.Code()&0xff == sqlite3.SQLITE_READONLY,
		se.Code() == sqlite3.SQLITE_IOERR_SHMSIZE:
	default:
		return false
	}
	st, err := os.Stat(path + "-wal")
	return errors.Is(err, fs.ErrNotExist) || err == nil && st.Size() == 0
}

// inspectWith is inspectFile's check through its own connection.
func inspectWith(path string, params []string) (int, error) {
	sdb, err := sql.Open("sqlite", dsn(path, params...))
	if err != nil {
		return 0, fmt.Errorf("open %s: %w", path, err)
	}
	defer sdb.Close()
	sdb.SetMaxOpenConns(1)
	v, err := inspect(sdb, path)
	if err != nil {
		return 0, classify(path, err)
	}
	return v, nil
}

// absent returns which of the database's side files (-wal, -shm) do not
// exist.
func absent(path string) (wal, shm bool) {
	_, err := os.Lstat(path + "-wal")
	wal = errors.Is(err, fs.ErrNotExist)
	_, err = os.Lstat(path + "-shm")
	return wal, errors.Is(err, fs.ErrNotExist)
}

// removeCreated removes the side files a check created: the -wal if it is
// empty, then the -shm (an index of the -wal) if no -wal is left.
func removeCreated(path string, wal, shm bool) {
	if st, err := os.Lstat(path + "-wal"); wal && err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		os.Remove(path + "-wal")
	}
	if _, err := os.Lstat(path + "-wal"); shm && errors.Is(err, fs.ErrNotExist) {
		os.Remove(path + "-shm")
	}
}

// inspect is inspectFile on an open connection.
func inspect(db *sql.DB, path string) (int, error) {
	var app, v int64
	if err := db.QueryRow("PRAGMA application_id").Scan(&app); err != nil {
		return 0, err
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return 0, err
	}
	if app != applicationID {
		return 0, foreign(db, path, app, v)
	}
	if v < 0 { // the header's user_version is a signed number; ours never is
		return 0, &FileError{Path: path, Err: ErrDamaged, Detail: fmt.Sprintf("schema version %d", v)}
	}
	if v > int64(schemaVersion) {
		return 0, &FileError{Path: path, Err: ErrTooNew,
			Detail: fmt.Sprintf("schema %d; this moatquiz knows up to %d", v, schemaVersion)}
	}
	if err := quickCheck(db, path); err != nil {
		return 0, err
	}
	if v == int64(schemaVersion) { // the tables must be the ones this version has
		var st statements
		if err := st.prepare(db); err != nil {
			return 0, schemaError(path, err)
		}
		st.close() //nolint:errcheck // closing statements that only were prepared
	}
	return int(v), nil
}

// foreign handles a file without our application id: an empty database
// is fine (version 0); anything else belongs to another program.
func foreign(db *sql.DB, path string, app, version int64) error {
	rows, err := db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name LIMIT 4")
	if err != nil {
		return err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return err
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if app == 0 && version == 0 && len(names) == 0 {
		// An empty database, to initialise: check all of it (there is
		// nothing to check but its first pages) before a writer changes it.
		return checkAll(db, path)
	}
	detail := "another program's SQLite database"
	if app != 0 {
		detail += fmt.Sprintf(", application id %#x", app)
	}
	if len(names) > 0 {
		if len(names) == 4 {
			names[3] = "..."
		}
		detail += ", with tables " + strings.Join(names, ", ")
	}
	return &FileError{Path: path, Err: ErrNotMoatquiz, Detail: detail}
}

// quickCheck runs SQLite's quick integrity check on the item states,
// what a session reads first. Not on the review log: it only grows, only
// export and stats read it, and checking a year of it would add a
// noticeable part of a second to every start (BenchmarkOpen). Truncation
// is caught before this, by any read.
func quickCheck(db *sql.DB, path string) error {
	return integrity(db, path, "PRAGMA quick_check(item_state)")
}

// checkAll runs SQLite's quick integrity check on the whole database.
func checkAll(db *sql.DB, path string) error {
	return integrity(db, path, "PRAGMA quick_check")
}

// integrity runs the integrity check pragma and turns anything but "ok"
// into a FileError saying the database is damaged.
func integrity(db *sql.DB, path, pragma string) error {
	var res string
	if err := db.QueryRow(pragma).Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return &FileError{Path: path, Err: ErrDamaged, Detail: "integrity check: " + res}
	}
	return nil
}

// classify turns SQLite's "not a database" and "corrupt" errors into a
// FileError; other errors (permissions, I/O) are wrapped as they are.
func classify(path string, err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return &FileError{Path: path, Err: ErrDamaged, Detail: se.Error()}
		}
	}
	return fmt.Errorf("open %s: %w", path, explain(err))
}
