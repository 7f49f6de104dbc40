package store

import (
	"database/sql"
	"fmt"
)

// applicationID marks a SQLite file as moatquiz's (PRAGMA application_id):
// "MOAT" in ASCII.
const applicationID = 0x4D4F4154

// migrations are the schema changes, forward only: migrations[i] takes the
// database from version i (PRAGMA user_version) to i+1, in one
// transaction. Never edit one that has shipped; append a new one.
var migrations = []string{
	// 1: item states and the review log. Times are UTC milliseconds since
	// the Unix epoch. A card removed from its deck keeps its rows.
	`CREATE TABLE item_state (
		deck            TEXT    NOT NULL,
		card            TEXT    NOT NULL,
		item            TEXT    NOT NULL,
		due             INTEGER NOT NULL,
		stability       REAL    NOT NULL,
		difficulty      REAL    NOT NULL,
		scheduled_days  INTEGER NOT NULL CHECK (scheduled_days >= 0),
		reps            INTEGER NOT NULL CHECK (reps >= 0),
		lapses          INTEGER NOT NULL CHECK (lapses >= 0),
		state           INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
		last_review     INTEGER,
		remaining_steps INTEGER NOT NULL,
		suspended       INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
		introduced      INTEGER,
		PRIMARY KEY (deck, card, item)
	) STRICT, WITHOUT ROWID;
	CREATE INDEX item_state_due ON item_state (deck, due);

	CREATE TABLE review (
		id              INTEGER PRIMARY KEY AUTOINCREMENT,
		deck            TEXT    NOT NULL,
		card            TEXT    NOT NULL,
		item            TEXT    NOT NULL,
		rating          INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
		reviewed_at     INTEGER NOT NULL,
		duration_ms     INTEGER NOT NULL CHECK (duration_ms >= 0),
		typed           TEXT    NOT NULL,
		mode            TEXT    NOT NULL,
		question        TEXT    NOT NULL,
		-- the item's state after the review
		due             INTEGER NOT NULL,
		stability       REAL    NOT NULL,
		difficulty      REAL    NOT NULL,
		scheduled_days  INTEGER NOT NULL CHECK (scheduled_days >= 0),
		reps            INTEGER NOT NULL CHECK (reps >= 0),
		lapses          INTEGER NOT NULL CHECK (lapses >= 0),
		state           INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
		last_review     INTEGER,
		remaining_steps INTEGER NOT NULL,
		suspended       INTEGER NOT NULL CHECK (suspended IN (0, 1)),
		introduced      INTEGER,
		-- the state before, for an exact undo; all NULL when the item was new
		before_due             INTEGER,
		before_stability       REAL,
		before_difficulty      REAL,
		before_scheduled_days  INTEGER,
		before_reps            INTEGER,
		before_lapses          INTEGER,
		before_state           INTEGER,
		before_last_review     INTEGER,
		before_remaining_steps INTEGER,
		before_suspended       INTEGER,
		before_introduced      INTEGER
	) STRICT;
	CREATE INDEX review_reviewed_at ON review (reviewed_at);
	CREATE INDEX review_item ON review (deck, card, item, id);`,

	// 2: what a study day needs, read without visiting the whole deck.
	// item_state_today serves learning items and reviews due today, by
	// state, in due order; item_state_day the items answered today.
	// new_frontier keeps, per deck, how many of its cards (in the deck's
	// order, in the version whose content hash is content) have no item
	// left that is new and not suspended: the search for today's new
	// items starts there. Triggers drop it whenever an item may become
	// new again (its state deleted, or set back to New and unsuspended).
	`DROP INDEX item_state_due;
	CREATE INDEX item_state_today ON item_state (deck, state, suspended, due);
	CREATE INDEX item_state_day ON item_state (deck, last_review);
	CREATE TABLE new_frontier (
		deck    TEXT    NOT NULL PRIMARY KEY,
		content TEXT    NOT NULL,
		cards   INTEGER NOT NULL CHECK (cards >= 0)
	) STRICT, WITHOUT ROWID;
	CREATE TRIGGER new_frontier_delete AFTER DELETE ON item_state BEGIN
		DELETE FROM new_frontier WHERE deck = old.deck;
	END;
	CREATE TRIGGER new_frontier_update AFTER UPDATE OF state, suspended ON item_state
	WHEN new.state = 0 AND new.suspended = 0 BEGIN
		DELETE FROM new_frontier WHERE deck = new.deck;
	END;`,
}

// schemaVersion is the version this moatquiz writes and reads.
var schemaVersion = len(migrations)

// migrate brings the database up to schemaVersion, one transaction per
// migration, so that a crash leaves it at some whole version.
func migrate(db *sql.DB) error {
	for {
		done, err := migrateOne(db)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next migration, if any; done reports that none
// was left.
func migrateOne(db *sql.DB) (done bool, err error) {
	tx, err := db.Begin()
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	var v int
	if err := tx.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("migrate: read version: %w", err)
	}
	if v >= schemaVersion {
		return true, nil
	}
	if v >= 1 {
		if err := probe(tx); err != nil {
			return false, err
		}
	}
	if _, err := tx.Exec(migrations[v]); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", v+1, err)
	}
	// PRAGMA arguments cannot be bound parameters; both are our integers.
	set := fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, v+1)
	if _, err := tx.Exec(set); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", v+1, err)
	}
	return false, nil
}

// probes read the columns that every schema version since 1 has.
var probes = []string{
	"SELECT card, item, " + stateCols + " FROM item_state LIMIT 0",
	"SELECT " + reviewCols + " FROM review LIMIT 0",
}

// mismatch is a database whose tables are not what its version says.
type mismatch struct{ err error }

func (m *mismatch) Error() string { return m.err.Error() }
func (m *mismatch) Unwrap() error { return m.err }

// probe checks, before a migration, that the tables have the columns of
// their version: a file whose tables lack them is refused unchanged,
// rather than migrated and then refused.
func probe(tx *sql.Tx) error {
	for _, q := range probes {
		rows, err := tx.Query(q)
		if err != nil {
			return &mismatch{err}
		}
		rows.Close()
	}
	return nil
}
