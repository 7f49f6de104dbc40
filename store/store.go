// Package store keeps a learner's progress in one SQLite file: the FSRS
// state of every study item and the log of every review.
//
// It implements quiz.Progress. Every answer is durable the moment Record
// returns (WAL, synchronous=FULL): killing the process at any point loses
// nothing that was recorded. One process at a time writes a data
// directory (an flock on moatquiz.lock); readers such as `moatquiz export`
// need no lock and work while the app runs. A file that is not moatquiz's,
// is damaged, or comes from a newer moatquiz is reported and left exactly
// as it was.
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
	"time"

	"github.com/gofrs/flock"
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
}

// DB is an open store. Its methods may be called from several goroutines;
// they run one at a time.
type DB struct {
	sql      *sql.DB
	path     string
	lock     *flock.Flock // nil for readers
	readOnly bool
	stmts    statements
	cache    statesCache // writers only
	front    frontiers   // writers only
}

// Open opens the store in dir (dir/moatquiz.db). A writer creates dir
// (0700) and the database as needed, takes the directory's lock
// (*LockedError when another process holds it) and upgrades the schema.
// A reader takes no lock and changes nothing; with nothing saved yet it
// returns an error matching ErrNoProgress and fs.ErrNotExist. A file that
// is not moatquiz's, or is damaged, or is newer, gives a *FileError and
// is left untouched.
func Open(dir string, opt Options) (*DB, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("data directory %s: %w", dir, err)
	}
	if opt.ReadOnly {
		return openReader(abs)
	}
	return openWriter(abs)
}

// Path is the database file.
func (db *DB) Path() string { return db.path }

// Close closes the database and releases the lock.
func (db *DB) Close() error {
	err := db.stmts.close()
	if e := db.sql.Close(); e != nil && err == nil {
		err = fmt.Errorf("close %s: %w", db.path, e)
	}
	if db.lock != nil {
		if e := db.lock.Unlock(); e != nil && err == nil {
			err = fmt.Errorf("unlock %s: %w", db.lock.Path(), e)
		}
	}
	return err
}

// openWriter opens dir for writing: lock, check, open, migrate, prepare.
func openWriter(dir string) (*DB, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	db, err := openLocked(dir)
	if err != nil {
		lock.Unlock() //nolint:errcheck // reporting the first error
		return nil, err
	}
	db.lock = lock
	return db, nil
}

// openLocked is openWriter once the lock is held.
func openLocked(dir string) (*DB, error) {
	path := filepath.Join(dir, FileName)
	wal, shm := absent(path)
	if _, err := os.Stat(path); err == nil {
		if _, _, err := inspectFile(path); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	sdb, err := sql.Open("sqlite", dsn(path,
		"_txlock=immediate",
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(FULL)",
		"_pragma=foreign_keys(1)"))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// One connection: writes are serialised in the process, and every
	// prepared statement lives on it.
	sdb.SetMaxOpenConns(1)
	db := &DB{sql: sdb, path: path}
	if err := migrate(sdb); err != nil {
		if m := (*mismatch)(nil); errors.As(err, &m) {
			return nil, closeFailed(sdb, path, wal, shm, schemaError(path, m.err))
		}
		err = fmt.Errorf("%s: %w", path, explain(err))
		return nil, closeFailed(sdb, path, wal, shm, err)
	}
	if err := db.stmts.prepare(sdb); err != nil {
		return nil, closeFailed(sdb, path, wal, shm, schemaError(path, err))
	}
	return db, nil
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
	wal, shm := absent(path)
	v, params, err := inspectFile(path)
	if err != nil {
		return nil, err
	}
	switch {
	case v == 0:
		removeCreated(path, wal, shm) // what the check made: nothing to read
		return nil, noProgress(path)
	case v < schemaVersion:
		removeCreated(path, wal, shm)
		return nil, &FileError{Path: path, Err: ErrTooOld,
			Detail: fmt.Sprintf("schema %d; this moatquiz reads %d", v, schemaVersion)}
	}
	sdb, err := sql.Open("sqlite", dsn(path, params...))
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

// lockTries is how many times lockDir tries a lock held by a process
// that does not run (any more, or yet: see lockDir), 10 ms apart.
const lockTries = 20

// lockDir takes the writer's lock on dir and writes our pid into the lock
// file, or reports who holds it. A lock held with no running process's
// pid in the file is tried again for a moment: its holder is exiting
// (the lock goes with it), or has only just taken it and not written its
// pid yet (the file is empty, or holds the pid of the holder before it).
func lockDir(dir string) (*flock.Flock, error) {
	path := filepath.Join(dir, LockName)
	lock := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR))
	for try := 0; ; try++ {
		ok, err := lock.TryLock()
		if err != nil {
			return nil, fmt.Errorf("lock %s (is the data directory writable?): %w", path, err)
		}
		if ok {
			break
		}
		if pid := readPID(path); pid > 0 && running(pid) {
			return nil, &LockedError{PID: pid, Dir: dir}
		}
		if try == lockTries {
			return nil, &LockedError{Dir: dir}
		}
		time.Sleep(10 * time.Millisecond)
	}
	// Truncate and rewrite in place: the lock is on this very file.
	if err := os.WriteFile(path, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600); err != nil {
		lock.Unlock() //nolint:errcheck // reporting the first error
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return lock, nil
}

// readPID is the pid in a lock file, 0 when it cannot be read (the
// holder may not have written it yet).
func readPID(path string) int {
	b, err := os.ReadFile(path)
	if err != nil || len(b) > 32 {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid < 0 {
		return 0
	}
	return pid
}
