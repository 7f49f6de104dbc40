// Package store keeps a learner's progress in one SQLite file: the FSRS
// state of every study item and the log of every review.
//
// It implements quiz.Progress. Every answer is durable the moment Record
// returns (WAL, synchronous=FULL): killing the process at any point loses
// nothing that was recorded. The log is checkpointed when the store is
// idle, never inside a commit. One process at a time writes a data
// directory (an flock on the directory and on moatquiz.lock); readers
// such as `moatquiz export` need no lock and work while the app runs. A
// file that is not moatquiz's, is damaged, or comes from a newer
// moatquiz is reported and left exactly as it was: nothing is written to
// a file before all of it has been checked.
package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// Names of the files in the data directory.
const (
	FileName = "moatquiz.db"   // the database
	LockName = "moatquiz.lock" // the writer's lock; holds its pid
)

// busyTimeoutMS is how long a connection waits for another's lock.
const busyTimeoutMS = 5000

// Options say how to open a store.
type Options struct {
	// ReadOnly opens the database for reading only and takes no lock, so
	// it works while the app runs. The directory and file must exist.
	ReadOnly bool
	// Upgrading, when set, is told when a writer starts upgrading a
	// database written by an older moatquiz, and when it ends: seconds
	// at a million reviews.
	Upgrading func(Upgrade)
}

// Upgrade is the upgrade of a database to this moatquiz's schema.
type Upgrade struct {
	From, To int  // the schema versions
	Reviews  int  // how many reviews the log holds
	Done     bool // the upgrade ended: done, or failed and rolled back
}

// DB is an open store. Its methods may be called from several goroutines;
// they run one at a time.
type DB struct {
	sql      *sql.DB
	path     string
	lock     *dirLock // nil for readers
	readOnly bool
	stmts    statements
	check    *check // the writer's integrity check; writes wait for it
	idle     *checkpointer
	front    frontiers // writers only
}

// Open opens the store in dir (dir/moatquiz.db). A writer creates dir
// (0700) and the database as needed, takes the directory's lock
// (*LockedError when another process holds it) and upgrades the schema.
// A reader takes no lock and changes nothing; with nothing saved yet it
// returns an error matching ErrNoProgress and fs.ErrNotExist. A file that
// is not moatquiz's, or is damaged, or is newer, gives a *FileError and
// is left untouched; a read-only file refuses a writer (ErrReadOnlyFile).
//
// Open checks the file's header and schema. A writer then checks every
// page of it in the background (SQLite's quick_check), and its first
// write waits for that check: a damaged file is refused (a *FileError)
// before anything is written to it.
func Open(dir string, opt Options) (*DB, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("data directory %s: %w", dir, err)
	}
	if opt.ReadOnly {
		return openReader(abs)
	}
	return openWriter(abs, opt.Upgrading)
}

// Path is the database file.
func (db *DB) Path() string { return db.path }

// Close closes the database and releases the lock. A writer first moves
// what its write-ahead log holds into the database, and empties the log.
func (db *DB) Close() error {
	var errs []error
	if db.idle != nil { // a writer: nothing was written unless its check passed
		db.check.stop()
		errs = append(errs, db.idle.close(db.check.wait() == nil))
	}
	errs = append(errs, db.stmts.close())
	if e := db.sql.Close(); e != nil {
		errs = append(errs, fmt.Errorf("close %s: %w", db.path, e))
	}
	if db.lock != nil {
		errs = append(errs, db.lock.unlock())
	}
	return errors.Join(errs...)
}

// writable waits for the writer's integrity check and returns its error:
// every write calls it first.
func (db *DB) writable() error {
	if db.readOnly {
		return ErrReadOnly
	}
	return db.check.wait()
}

// openWriter opens dir for writing: lock, check, open, migrate, prepare.
func openWriter(dir string, upgrading func(Upgrade)) (*DB, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	if err := regularFile(filepath.Join(dir, FileName)); err != nil {
		return nil, err // before the lock file is made: nothing changed
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	db, err := openLocked(dir, upgrading)
	if err != nil {
		lock.unlock() //nolint:errcheck // reporting the first error
		return nil, err
	}
	db.lock = lock
	return db, nil
}

// openLocked is openWriter once the lock is held. Nothing is written to
// the file before it has been accepted: by inspectFile on a connection of
// its own, or, for a file a writer closed (closedWAL), by the same
// inspection on the writer's connection, which then only reads.
func openLocked(dir string, upgrading func(Upgrade)) (*DB, error) {
	path := filepath.Join(dir, FileName)
	wal, shm := absent(path)
	found := inspection{checked: true} // a new file
	inspectHere := false
	if _, err := os.Stat(path); err == nil {
		if err := writableFile(path); err != nil {
			return nil, err
		}
		if inspectHere = closedWAL(path); inspectHere {
			found = inspection{writer: true, ownConn: true, params: readerParams()}
			err = truncated(path)
		} else {
			found, err = inspectFile(path, true)
		}
		if err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	sdb, err := sql.Open("sqlite", dsn(path, writerParams()...))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// One connection: writes are serialised in the process, and every
	// prepared statement lives on it.
	sdb.SetMaxOpenConns(1)
	db := &DB{sql: sdb, path: path, check: checked()}
	if inspectHere {
		if err := inspect(sdb, path, &found); err != nil {
			return nil, closeFailed(sdb, path, wal, shm, classify(path, err))
		}
	}
	if err := migrate(sdb, upgrading); err != nil {
		if m := (*mismatch)(nil); errors.As(err, &m) {
			return nil, closeFailed(sdb, path, wal, shm, schemaError(path, m.err))
		}
		err = fmt.Errorf("%s: %w", path, explain(err))
		return nil, closeFailed(sdb, path, wal, shm, err)
	}
	if err := db.stmts.prepare(sdb); err != nil {
		return nil, closeFailed(sdb, path, wal, shm, schemaError(path, err))
	}
	if !found.checked {
		db.check = startCheck(path, found.params)
	}
	db.idle = newCheckpointer(sdb, path)
	return db, nil
}

// regularFile refuses a database path that is a directory or another
// non-file (SQLite would report a disk I/O error). A missing file passes.
func regularFile(path string) error {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return nil // reported where the file is opened
	case st.IsDir():
		return &FileError{Path: path, Err: ErrNotMoatquiz, Detail: "it is a directory"}
	case !st.Mode().IsRegular():
		return &FileError{Path: path, Err: ErrNotMoatquiz, Detail: "it is not a regular file"}
	}
	return nil
}

// writableFile refuses a database file the writer cannot write (a
// read-only file in a writable directory), which would otherwise be
// found only at the first answer.
func writableFile(path string) error {
	err := openForWrite(path)
	switch {
	case err == nil:
		return nil
	case readOnlyErr(err):
		return &FileError{Path: path, Err: ErrReadOnlyFile, Detail: err.Error()}
	}
	return fmt.Errorf("open %s: %w", path, err)
}

// openForWrite opens path for writing and closes it, which changes
// nothing, to learn whether it can be written.
func openForWrite(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	return f.Close()
}

// writerParams are the URI parameters of the writer's connection: a WAL
// database, each commit synced (FULL), and SQLite's automatic checkpoint
// moved out of the commits (see checkpointer).
func writerParams() []string {
	return []string{
		"_txlock=immediate",
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(FULL)",
		"_pragma=foreign_keys(1)",
		"_pragma=wal_autocheckpoint(" + strconv.Itoa(walCapPages) + ")",
		"_pragma=journal_size_limit(" + strconv.Itoa(walKeepBytes) + ")",
	}
}

// openReader opens dir's database read-only, after checking it.
func openReader(dir string) (*DB, error) {
	path := filepath.Join(dir, FileName)
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, noProgress(path)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := regularFile(path); err != nil {
		return nil, err
	}
	wal, shm := absent(path)
	found, err := inspectFile(path, false)
	if err != nil {
		return nil, err
	}
	switch v := found.version; {
	case v == 0:
		removeCreated(path, wal, shm) // what the check made: nothing to read
		return nil, noProgress(path)
	case v < schemaVersion:
		removeCreated(path, wal, shm)
		return nil, &FileError{Path: path, Err: ErrTooOld,
			Detail: fmt.Sprintf("schema %d; this moatquiz reads %d", v, schemaVersion)}
	}
	sdb, err := sql.Open("sqlite", dsn(path, found.params...))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db := &DB{sql: sdb, path: path, readOnly: true}
	if err := db.stmts.prepare(sdb); err != nil {
		return nil, closeFailed(sdb, path, wal, shm, schemaError(path, err))
	}
	return db, nil
}

// closeFailed closes a connection that could not be made ready and
// returns err. The database is left as it was, without the side files
// SQLite started for it (wal and shm: which were absent before).
func closeFailed(sdb *sql.DB, path string, wal, shm bool, err error) error {
	sdb.Close()
	removeCreated(path, wal, shm)
	return err
}

// noProgress is the reader's error when nothing has been saved yet.
func noProgress(path string) error {
	return fmt.Errorf("%s: %w: %w", path, ErrNoProgress, fs.ErrNotExist)
}

// dsn is the modernc.org/sqlite data source name for path with the given
// URI parameters (and a busy timeout).
func dsn(path string, params ...string) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
	params = append([]string{"_pragma=busy_timeout(" + strconv.Itoa(busyTimeoutMS) + ")"}, params...)
	return "file:" + esc + "?" + strings.Join(params, "&")
}
