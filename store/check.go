package store

import (
	"context"
	"database/sql"
)

// check is the integrity check of every table and index (SQLite's
// quick_check) that a writer runs in the background once it has opened
// the database: reading all of a large file takes seconds (about 1.5 s at
// 1,000,000 reviews), which the first answer waits for only if it comes
// sooner.
type check struct {
	done   chan struct{}
	err    error
	cancel context.CancelFunc
}

// checked is a check already done (at open, or of a new file).
func checked() *check {
	c := &check{done: make(chan struct{}), cancel: func() {}}
	close(c.done)
	return c
}

// startCheck checks path in the background through a read-only
// connection with the given parameters (inspectFile's).
func startCheck(path string, params []string) *check {
	ctx, cancel := context.WithCancel(context.Background())
	c := &check{done: make(chan struct{}), cancel: cancel}
	go func() {
		defer close(c.done)
		c.err = checkFile(ctx, path, params)
	}()
	return c
}

// wait returns the check's result once it is done.
func (c *check) wait() error {
	<-c.done
	return c.err
}

// stop ends the check, if it still runs, and waits for it.
func (c *check) stop() {
	c.cancel()
	<-c.done
}

// checkFile is the check, through its own connection.
func checkFile(ctx context.Context, path string, params []string) error {
	return onConnection(path, params, func(db *sql.DB) error { return integrity(ctx, db, path) })
}
