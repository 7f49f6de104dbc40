package store

import (
	"database/sql"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// The writer's checkpoints. A checkpoint copies the pages the write-ahead
// log holds into the database and syncs it: 10 to 16 ms, which SQLite's
// automatic checkpoint would spend inside every ~100th commit. The
// writer's connection leaves that to the checkpointer instead, which
// runs one when the store has been idle for a moment after a commit (a
// learner reading the next question) once the log holds checkpointAfter
// commits, and an emptying one on Close.
const (
	// idleCheckpoint is how long after the last commit the store checkpoints.
	idleCheckpoint = 500 * time.Millisecond
	// checkpointAfter is how many commits the log collects before an
	// idle moment checkpoints it: about SQLite's own 1,000 pages. Not
	// after every answer: the commit after a checkpoint starts the log
	// afresh, which costs it a second sync.
	checkpointAfter = 128
	// walCapPages bounds the log of a session that never pauses that
	// long: SQLite checkpoints itself at this many pages (64 MiB).
	walCapPages = 16384
	// walKeepBytes is how much of the log file is kept after a
	// checkpoint empties it, to be written over: more than
	// checkpointAfter commits fill (a sync that grows a file costs more
	// than one that writes over it).
	walKeepBytes = 8 << 20
	// closeBusyMS is how long Close waits for readers (another process's
	// stats or export) before it leaves the log as it is.
	closeBusyMS = 200
)

// checkpointer runs the writer's checkpoints on its one connection, so
// that they take turns with its writes.
type checkpointer struct {
	mu      sync.Mutex // held while checkpointing
	sql     *sql.DB
	path    string
	timer   *time.Timer
	closed  bool
	pending atomic.Int64 // commits since the last checkpoint
}

// newCheckpointer makes the checkpointer of the writer's connection.
func newCheckpointer(sdb *sql.DB, path string) *checkpointer {
	c := &checkpointer{sql: sdb, path: path}
	c.timer = time.AfterFunc(time.Hour, c.idle)
	c.timer.Stop()
	return c
}

// committed is called after each commit: once the log holds enough, it
// restarts the wait for an idle moment. It never waits for a checkpoint.
func (c *checkpointer) committed() {
	if c.pending.Add(1) >= checkpointAfter {
		c.timer.Reset(idleCheckpoint)
	}
}

// idle runs a PASSIVE checkpoint: it copies what no reader still needs
// and waits for no one. An error is left for the next one, or Close, to
// meet again.
func (c *checkpointer) idle() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.closed {
		c.pending.Store(0)
		c.sql.Exec("PRAGMA wal_checkpoint(PASSIVE)") //nolint:errcheck // see above
	}
}

// close stops the idle checkpoints and, when flush is set, copies the
// whole log into the database and empties it (TRUNCATE), unless a reader
// still holds part of it after a moment.
func (c *checkpointer) close(flush bool) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	c.timer.Stop()
	if !flush {
		return nil
	}
	_, err := c.sql.Exec("PRAGMA busy_timeout = " + strconv.Itoa(closeBusyMS) + "; PRAGMA wal_checkpoint(TRUNCATE)")
	if err != nil {
		return fmt.Errorf("checkpoint %s: %w", c.path, explain(err))
	}
	return nil
}
