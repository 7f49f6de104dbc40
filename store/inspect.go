package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// inspection is what inspectFile found.
type inspection struct {
	writer  bool     // inspected for a writer
	ownConn bool     // on the writer's connection, which prepares the statements that check the tables
	version int      // the schema version; 0 for an empty file, one to initialise
	checked bool     // every page was checked (else a writer checks them in the background)
	params  []string // the URI parameters a reader connects with
}

// inspectFile checks, through a read-only connection that cannot change
// the file, that path is an intact moatquiz database this moatquiz can
// open: its header, size and schema. Every page is checked too when a
// writer will change the file at once (an empty file, an older schema
// to upgrade, a file not in WAL mode yet). A reader connects with the
// parameters of readerParams, plus immutable=1 when the directory cannot
// hold the index SQLite keeps beside a WAL database (see needsImmutable).
func inspectFile(path string, writer bool) (inspection, error) {
	wal, shm := absent(path)
	found := inspection{writer: writer, params: readerParams()}
	if openForWrite(path) != nil && noLog(path) {
		// A read-only file: nothing writes it, and SQLite could not
		// remove the side files it would make beside it.
		found.params = append(found.params, "immutable=1")
	}
	err := inspectWith(path, &found)
	if needsImmutable(path, err) {
		removeCreated(path, wal, shm) // what the failed try made
		found.params = append(found.params, "immutable=1")
		err = inspectWith(path, &found)
	}
	if err == nil && wal {
		err = truncated(path)
	}
	if err != nil && !wal {
		err = foreignLog(path, shm, err)
	}
	if err != nil {
		// Leave a file we refuse as we found it, without the side files
		// SQLite made for it.
		removeCreated(path, wal, shm)
	}
	return found, err
}

// foreignLog blames the -wal beside path for err, a refusal of what
// path and its log hold together, when path's own header is a moatquiz
// database's (so the log is another database's, copied or left beside
// it). It removes the -shm index the check made of that log (shmAbsent).
func foreignLog(path string, shmAbsent bool, err error) error {
	var fe *FileError
	if !errors.As(err, &fe) || fe.Path != path || noLog(path) || !ownHeader(path) {
		return err
	}
	if shmAbsent {
		os.Remove(path + "-shm")
	}
	return &FileError{Path: path + "-wal", Err: ErrForeignLog,
		Detail: "the database alone is moatquiz's; with this log it is " + fe.Err.Error() + ": " + fe.Detail}
}

// ownHeader reports whether path's header, read without its log, is a
// moatquiz database's of a schema this moatquiz knows.
func ownHeader(path string) bool {
	h, ok := readHeader(path)
	return ok && ours(h)
}

// readHeader reads the 100-byte header of the database file at path.
func readHeader(path string) (h [100]byte, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return h, false
	}
	defer f.Close()
	n, _ := f.ReadAt(h[:], 0)
	return h, n == len(h)
}

// ours reports whether h is the header of a moatquiz database of a
// schema this moatquiz knows.
func ours(h [100]byte) bool {
	v := int32(binary.BigEndian.Uint32(h[60:64]))
	return binary.BigEndian.Uint32(h[68:72]) == applicationID && v > 0 && int(v) <= schemaVersion
}

// closedWAL reports whether the writer's connection may inspect path
// itself, saving a connection: when opening it read-write changes nothing.
// That is so for a file in WAL mode (the journal_mode the writer's
// connection sets is already the file's) with no log holding changes and
// no rollback journal (either would be applied to the file, or moved into
// it at close, before the file was accepted). Its header must be a
// moatquiz database's; the inspection then checks the rest as
// inspectFile's does, and every page before a migration.
func closedWAL(path string) bool {
	h, ok := readHeader(path)
	if !ok || h[18] != 2 || h[19] != 2 || !ours(h) || !noLog(path) { // 2, 2: WAL mode
		return false
	}
	_, err := os.Lstat(path + "-journal")
	return errors.Is(err, fs.ErrNotExist)
}

// readerParams are the URI parameters of a connection that only reads.
func readerParams() []string { return []string{"mode=ro", "_pragma=query_only(1)"} }

// needsImmutable reports whether err says that a reader could not open
// path because the directory cannot take the -shm index of a WAL
// database (a read-only file system, a full disk), while no -wal file
// holds changes that are not in path yet. Such a file is read as
// immutable, without the index: nothing can be writing it, since a
// writer needs that same index (and keeps a -wal open). A read-only file
// is read so too, for the same reason.
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
	return noLog(path)
}

// noLog reports whether no -wal file beside path holds changes.
func noLog(path string) bool {
	st, err := os.Stat(path + "-wal")
	return errors.Is(err, fs.ErrNotExist) || err == nil && st.Size() == 0
}

// inspectWith is inspectFile's check through its own connection.
func inspectWith(path string, found *inspection) error {
	return onConnection(path, found.params, func(db *sql.DB) error { return inspect(db, path, found) })
}

// onConnection runs fn on a connection of its own to path, with the URI
// parameters params, and classifies its error.
func onConnection(path string, params []string, fn func(*sql.DB) error) error {
	sdb, err := sql.Open("sqlite", dsn(path, params...))
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer sdb.Close()
	sdb.SetMaxOpenConns(1)
	if err := fn(sdb); err != nil {
		return classify(path, err)
	}
	return nil
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
func inspect(db *sql.DB, path string, found *inspection) error {
	var app, v int64
	if err := db.QueryRow("PRAGMA application_id").Scan(&app); err != nil {
		return err
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	switch {
	case app != applicationID || v == 0:
		found.checked = true
		return notOurs(db, path, app, v)
	case v < 0: // the header's user_version is a signed number; ours never is
		return &FileError{Path: path, Err: ErrDamaged, Detail: fmt.Sprintf("schema version %d", v)}
	case v > int64(schemaVersion):
		return &FileError{Path: path, Err: ErrTooNew,
			Detail: fmt.Sprintf("schema %d; this moatquiz knows up to %d", v, schemaVersion)}
	}
	found.version = int(v)
	if found.writer {
		if err := checkBeforeChange(db, path, found); err != nil || v < int64(schemaVersion) {
			return err
		}
	} else if v < int64(schemaVersion) {
		return nil // a reader refuses it as older, without reading more
	}
	if found.ownConn {
		return nil
	}
	// The tables must be the ones this version has.
	var st statements
	if err := st.prepare(db); err != nil {
		return schemaError(path, err)
	}
	return st.close()
}

// checkBeforeChange checks every page of a file that a writer changes as
// soon as it opens it: to upgrade its schema, or to put it in WAL mode.
func checkBeforeChange(db *sql.DB, path string, found *inspection) error {
	var mode string
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		return err
	}
	if found.version == schemaVersion && mode == "wal" {
		return nil
	}
	found.checked = true
	return checkAll(db, path)
}

// notOurs handles a file without our application id, or with it and
// schema version 0: an empty database is fine (version 0); anything else
// belongs to another program, or is damaged.
func notOurs(db *sql.DB, path string, app, version int64) error {
	names, err := tables(db)
	if err != nil {
		return err
	}
	switch {
	case len(names) == 0 && version == 0 && (app == 0 || app == applicationID):
		// An empty database, to initialise: check all of it (there is
		// nothing to check but its first pages) before a writer changes it.
		return checkAll(db, path)
	case app == applicationID:
		return &FileError{Path: path, Err: ErrDamaged,
			Detail: "schema version 0, with tables " + strings.Join(names, ", ")}
	}
	detail := "another program's SQLite database"
	if app != 0 {
		detail += fmt.Sprintf(", application id %#x", app)
	}
	if len(names) > 0 {
		detail += ", with tables " + strings.Join(names, ", ")
	}
	return &FileError{Path: path, Err: ErrNotMoatquiz, Detail: detail}
}

// tables names the first tables of the database, "..." after three.
func tables(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name LIMIT 4")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	if len(names) == 4 {
		names[3] = "..."
	}
	return names, rows.Err()
}

// truncated reports a database file shorter than its header says, with
// no write-ahead log that could hold the missing pages: the cheap check
// at open that finds a file cut short, which the check of every page
// would find only in the background.
func truncated(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	var h [100]byte
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if n, _ := f.ReadAt(h[:], 0); n < len(h) { // an empty file, to initialise
		return nil
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	valid := binary.BigEndian.Uint32(h[24:28]) == binary.BigEndian.Uint32(h[92:96])
	if valid && st.Size() < pages*pageSize {
		return &FileError{Path: path, Err: ErrDamaged,
			Detail: fmt.Sprintf("%d bytes, its header says %d", st.Size(), pages*pageSize)}
	}
	return nil
}

// checkAll runs SQLite's quick integrity check on the whole database:
// every page of every table and index.
func checkAll(db *sql.DB, path string) error {
	return integrity(context.Background(), db, path)
}

// integrity runs SQLite's quick_check and turns anything but "ok" into a
// FileError saying the database is damaged.
func integrity(ctx context.Context, db *sql.DB, path string) error {
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&res); err != nil {
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
