package store

import (
	"context"
	"database/sql"
	"time"
)

// check is the integrity check of every table and index (SQLite's
// quick_check) that a writer runs in the background shortly after it has
// opened the database: reading all of a large file takes seconds (about
// 1.5 s at 1,000,000 reviews), which the first answer waits for only if it
// comes sooner.
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

// checkDelay is how long a writer waits after opening before it starts
// its check: the app's first frame and first card are drawn within it,
// and reading the whole file beside them slowed both on a busy machine
// (at 1,000,000 reviews, home 48 → 28 ms, first card 64–86 → 34 ms).
const checkDelay = 150 * time.Millisecond

// startCheck checks path in the background through a read-only
// connection with the given parameters (inspectFile's).
func startCheck(path string, params []string) *check {
	ctx, cancel := context.WithCancel(context.Background())
	c := &check{done: make(chan struct{}), cancel: cancel}
	go func() {
		defer close(c.done)
		wait := time.NewTimer(checkDelay)
		defer wait.Stop()
		select {
		case <-wait.C:
			c.err = checkFile(ctx, path, params)
		case <-ctx.Done():
			c.err = ctx.Err()
		}
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
