package store

import (
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/moatquiz/moatquiz/termtext"
)

// Errors about the database file. Open returns them inside a *FileError,
// which names the file and says what to do; test with errors.Is. In every
// case the file was left exactly as it was.
var (
	// ErrNotMoatquiz: the file is a SQLite database of another program.
	ErrNotMoatquiz = errors.New("not a moatquiz database")
	// ErrDamaged: the file is not a database at all, is truncated, or
	// fails SQLite's integrity check.
	ErrDamaged = errors.New("the database is damaged")
	// ErrTooNew: the file was written by a newer moatquiz, with a schema
	// this one does not know.
	ErrTooNew = errors.New("the database was written by a newer moatquiz")
	// ErrTooOld: a reader found a schema older than this moatquiz's; the
	// app (a writer) upgrades it when it next opens the database.
	ErrTooOld = errors.New("the database was written by an older moatquiz")
	// ErrReadOnlyFile: a writer found the file read-only (its
	// permissions, or a read-only mount of it): it could not save answers.
	ErrReadOnlyFile = errors.New("the database file is read-only")
	// ErrForeignLog: the write-ahead log (-wal) beside a good database
	// belongs to another database; the FileError's Path is the log.
	ErrForeignLog = errors.New("another database's write-ahead log")
)

// ErrNoProgress is returned by a read-only Open when nothing has been
// saved yet (no database file, or an empty one). errors.Is(err,
// fs.ErrNotExist) is also true of it.
var ErrNoProgress = errors.New("nothing saved yet")

// ErrReadOnly is returned by Record and Unrecord on a store opened with
// Options.ReadOnly.
var ErrReadOnly = errors.New("the store was opened read-only")

// ErrNotLatest is returned by Unrecord for a review that is no longer the
// item's latest scheduled review: undoing it would lose the later one.
var ErrNotLatest = errors.New("not the item's latest review")

// ErrNoReview is returned by Unrecord when the review is not in the log.
var ErrNoReview = errors.New("no such review")

// FileError is a problem with the database file itself: another
// program's database, a damaged one, or one from a newer moatquiz.
type FileError struct {
	Path   string // the database file
	Err    error  // ErrNotMoatquiz, ErrDamaged, ErrTooNew, ErrTooOld, ErrReadOnlyFile or ErrForeignLog
	Detail string // what was found, for the curious
}

// Error says what is wrong with the file and what to do about it. The
// detail quotes the file (table names, SQLite's complaint about its
// schema), so its control and invisible characters are escaped.
func (e *FileError) Error() string {
	return fmt.Sprintf("%s: %v (%s); %s", e.Path, e.Err, termtext.Escape(e.Detail), advice(e.Err))
}

// sqliteError is an error from SQLite, whose message can quote a damaged
// or foreign file's own text: it shows it with control and invisible
// characters escaped.
type sqliteError struct{ err error }

func (e sqliteError) Error() string { return termtext.Escape(e.err.Error()) }
func (e sqliteError) Unwrap() error { return e.err }

// Unwrap returns the sentinel error, for errors.Is.
func (e *FileError) Unwrap() error { return e.Err }

// advice is what the learner can do about a file error.
func advice(err error) string {
	switch err {
	case ErrNotMoatquiz:
		return "it was left untouched: move it out of the way or use another --data-dir"
	case ErrDamaged:
		return "it was left untouched: restore it from a backup, or move it out of the way to start afresh"
	case ErrTooNew:
		return "it was left untouched: use a newer moatquiz"
	case ErrTooOld:
		return "open the moatquiz app once to upgrade it"
	case ErrForeignLog:
		return "both files were left untouched: move the log out of the way (or use another --data-dir) and open moatquiz again"
	case ErrReadOnlyFile:
		return "it was left untouched: stats and export can read it; make it writable to study"
	}
	return "it was left untouched"
}

// LockedError is returned by a writer's Open while another process has
// the data directory open for writing.
type LockedError struct {
	PID int    // the other process, 0 when unknown
	Dir string // the data directory
}

// Error names the process holding the lock.
func (e *LockedError) Error() string {
	who := "another moatquiz"
	if e.PID > 0 {
		who = fmt.Sprintf("another moatquiz (pid %d)", e.PID)
	}
	return fmt.Sprintf("%s is using %s: quit it first", who, e.Dir)
}

// damagedRow is the error for a row of the database at path holding a
// value moatquiz never writes: row names it (deck/card/item), err says
// which value.
func damagedRow(path, row string, err error) error {
	return &FileError{Path: path, Err: ErrDamaged, Detail: row + ": " + err.Error()}
}

// schemaError is the error for statements that do not prepare on a
// database that passed the check at open: its tables are not the ones
// its schema version says (a damaged or hand-edited file).
func schemaError(path string, err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_ERROR {
		return &FileError{Path: path, Err: ErrDamaged, Detail: "its tables are not what its schema version says: " + se.Error()}
	}
	return fmt.Errorf("%s: %w", path, explain(err))
}

// explain adds what to do to the SQLite errors a learner can fix: a full
// disk, a read-only or missing directory, failing hardware, and damage
// found when it is read (before the writer's check of every page has
// finished, or by a reader, which does not check every page): that error
// matches ErrDamaged.
func explain(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	err = sqliteError{err}
	if se.Code() == sqlite3.SQLITE_IOERR_SHMSIZE { // no room for the -shm index beside the database
		return fmt.Errorf("%w: the disk is probably full; free some space", err)
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return fmt.Errorf("%w (%w): restore it from a backup, or move it out of the way to start afresh", ErrDamaged, err)
	case sqlite3.SQLITE_FULL:
		return fmt.Errorf("%w: the disk is full; free some space", err)
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
		return fmt.Errorf("%w: check that the data directory and its files are writable", err)
	case sqlite3.SQLITE_CANTOPEN:
		return fmt.Errorf("%w: check that the data directory exists and is writable", err)
	case sqlite3.SQLITE_IOERR:
		return fmt.Errorf("%w: the disk could not be read or written", err)
	}
	return err
}
