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
