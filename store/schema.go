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

	// 2: answer counts, kept by triggers as the log changes, so that the
	// statistics read thousands of rows instead of the whole log. Per
	// deck and quarter hour (UTC milliseconds / 900000: every time zone
	// is a whole number of quarter hours from UTC, so none straddles a
	// study day's start), and per card. young and mature count the
	// answers on items in review, practice left out, by the interval
	// they were reviewed at (mature: 21 days or more); correct means not
	// Again. The log's rows are only ever inserted and deleted.
	`CREATE TABLE answer_slot (
		deck           TEXT    NOT NULL,
		slot           INTEGER NOT NULL,
		answers        INTEGER NOT NULL,
		time_ms        INTEGER NOT NULL,
		young          INTEGER NOT NULL,
		young_correct  INTEGER NOT NULL,
		mature         INTEGER NOT NULL,
		mature_correct INTEGER NOT NULL,
		PRIMARY KEY (deck, slot)
	) STRICT, WITHOUT ROWID;

	CREATE TABLE answer_card (
		deck    TEXT    NOT NULL,
		card    TEXT    NOT NULL,
		answers INTEGER NOT NULL,
		correct INTEGER NOT NULL,
		PRIMARY KEY (deck, card)
	) STRICT, WITHOUT ROWID;

	-- A review's counts; the triggers add them to a review inserted
	-- and take them back from one deleted.
	CREATE VIEW answer_count AS SELECT id, deck, card, reviewed_at / 900000 AS slot, duration_ms,
		rating > 1 AS correct,
		before_state IS 2 AND mode != 'practice' AND before_scheduled_days < 21 AS young,
		before_state IS 2 AND mode != 'practice' AND before_scheduled_days >= 21 AS mature
		FROM review;

	-- Inserting a review's counts into the view adds them up; the log so
	-- far is counted this way too, a review at a time in the log's order
	-- (about time order): half the time of grouping, which sorts the log
	-- twice.
	CREATE TRIGGER count_answer INSTEAD OF INSERT ON answer_count BEGIN
		INSERT INTO answer_slot VALUES (NEW.deck, NEW.slot, 1, NEW.duration_ms, NEW.young,
			NEW.young AND NEW.correct, NEW.mature, NEW.mature AND NEW.correct)
		ON CONFLICT (deck, slot) DO UPDATE SET answers = answer_slot.answers + 1,
			time_ms = answer_slot.time_ms + excluded.time_ms,
			young = answer_slot.young + excluded.young,
			young_correct = answer_slot.young_correct + excluded.young_correct,
			mature = answer_slot.mature + excluded.mature,
			mature_correct = answer_slot.mature_correct + excluded.mature_correct;
		INSERT INTO answer_card VALUES (NEW.deck, NEW.card, 1, NEW.correct)
		ON CONFLICT (deck, card) DO UPDATE SET answers = answer_card.answers + 1,
			correct = answer_card.correct + excluded.correct;
	END;
	INSERT INTO answer_count SELECT * FROM answer_count;

	CREATE TRIGGER review_counted AFTER INSERT ON review BEGIN
		INSERT INTO answer_count SELECT * FROM answer_count WHERE id = NEW.id;
	END;

	CREATE TRIGGER review_uncounted BEFORE DELETE ON review BEGIN
		UPDATE answer_slot SET answers = answer_slot.answers - 1,
			time_ms = answer_slot.time_ms - c.duration_ms,
			young = answer_slot.young - c.young,
			young_correct = answer_slot.young_correct - (c.young AND c.correct),
			mature = answer_slot.mature - c.mature,
			mature_correct = answer_slot.mature_correct - (c.mature AND c.correct)
		FROM (SELECT * FROM answer_count WHERE id = OLD.id) AS c
		WHERE answer_slot.deck = c.deck AND answer_slot.slot = c.slot;
		UPDATE answer_card SET answers = answer_card.answers - 1,
			correct = answer_card.correct - c.correct
		FROM (SELECT * FROM answer_count WHERE id = OLD.id) AS c
		WHERE answer_card.deck = c.deck AND answer_card.card = c.card;
		DELETE FROM answer_slot WHERE deck = OLD.deck AND slot = OLD.reviewed_at / 900000 AND answers = 0;
		DELETE FROM answer_card WHERE deck = OLD.deck AND card = OLD.card AND answers = 0;
	END;`,

	// 3: what a study day needs, read without visiting the whole deck.
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

	// 4: the learner's remembered choices (quiz.Choice): per deck, the
	// app's settings last chosen for it. chosen numbers the saves: the
	// last deck chosen has the highest.
	`CREATE TABLE deck_choice (
		deck      TEXT    NOT NULL PRIMARY KEY,
		kind      TEXT    NOT NULL,
		direction TEXT    NOT NULL,
		lang      TEXT    NOT NULL,
		mode      TEXT    NOT NULL,
		chosen    INTEGER NOT NULL
	) STRICT, WITHOUT ROWID;`,

	// 5: new items the learner added to a deck's daily limit for one
	// study day (custom study's "N more new cards today"): day is the
	// study day's start, UTC ms. A row of a past day counts for nothing
	// and is replaced by the next day's.
	`CREATE TABLE new_today (
		deck  TEXT    NOT NULL PRIMARY KEY,
		day   INTEGER NOT NULL,
		cards INTEGER NOT NULL CHECK (cards > 0)
	) STRICT, WITHOUT ROWID;`,

	// 6: each review's stable id.
	uidMigration,

	// 7: the browser's marks on cards. A buried card sits out every
	// session until its until (UTC milliseconds: the end of the study
	// day it was buried on); its rows are few, and read per deck and day.
	// A flag is a colour number 1 to 4 (Anki's red, orange, green, blue).
	`CREATE TABLE buried_card (
		deck  TEXT    NOT NULL,
		card  TEXT    NOT NULL,
		until INTEGER NOT NULL,
		PRIMARY KEY (deck, card)
	) STRICT, WITHOUT ROWID;
	CREATE TABLE card_flag (
		deck TEXT    NOT NULL,
		card TEXT    NOT NULL,
		flag INTEGER NOT NULL CHECK (flag BETWEEN 1 AND 4),
		PRIMARY KEY (deck, card)
	) STRICT, WITHOUT ROWID;`,

	// 8: what sync merges besides reviews. undone_review: the reviews
	// undone after they were given, by uid, so that no import or sync
	// brings them back. suspend_event: each suspend and unsuspend of an
	// item by hand (at: UTC ms), so that every machine settles on the
	// latest.
	`CREATE TABLE undone_review (
		uid TEXT NOT NULL PRIMARY KEY
	) STRICT, WITHOUT ROWID;
	CREATE TABLE suspend_event (
		deck      TEXT    NOT NULL,
		card      TEXT    NOT NULL,
		item      TEXT    NOT NULL,
		at        INTEGER NOT NULL,
		suspended INTEGER NOT NULL CHECK (suspended IN (0, 1)),
		PRIMARY KEY (deck, card, item, at, suspended)
	) STRICT, WITHOUT ROWID;`,

	// 9: the Cards setting (all, vocab or facts) and the tag studied
	// join the remembered choices; a choice saved before studied all.
	`ALTER TABLE deck_choice ADD COLUMN cards TEXT NOT NULL DEFAULT 'all';
	ALTER TABLE deck_choice ADD COLUMN tag TEXT NOT NULL DEFAULT '';`,

	// 10: reset_event: each reset of an item to new (at: UTC ms), by
	// which every machine replays only the reviews after it; uid is its
	// stable id (ResetEvent.UID), which an undo of it puts in
	// undone_review beside the undone reviews. card_mark_event: each
	// change of a card's flag (value: the flag, 0 none) or burial (value:
	// its end, UTC ms, 0 none), so that every machine settles on the latest.
	`CREATE TABLE reset_event (
		deck TEXT    NOT NULL,
		card TEXT    NOT NULL,
		item TEXT    NOT NULL,
		at   INTEGER NOT NULL,
		uid  TEXT    NOT NULL,
		PRIMARY KEY (deck, card, item, at)
	) STRICT, WITHOUT ROWID;
	CREATE INDEX reset_event_uid ON reset_event (uid);
	CREATE TABLE card_mark_event (
		deck  TEXT    NOT NULL,
		card  TEXT    NOT NULL,
		kind  TEXT    NOT NULL CHECK (kind IN ('flag', 'bury')),
		at    INTEGER NOT NULL,
		value INTEGER NOT NULL,
		PRIMARY KEY (deck, card, kind, at, value)
	) STRICT, WITHOUT ROWID;`,

	// 11: what a sync has read of each log file of its folder, so that
	// the next reads only what was added. sync_file: a file by folder
	// and name, with what identified it when read (stamp: its size,
	// modification time and inode; '' when those do not tell), the bytes
	// read (up to the end of its last whole line), a hash of the bytes
	// before that a growing file must still hold, the lines read, and
	// whether it holds lines skipped (then it is read whole every time).
	// sync_key: the keys of the lines read (review uids, undos, events),
	// which tell what the folder holds without reading it.
	`CREATE TABLE sync_file (
		id     INTEGER PRIMARY KEY,
		folder TEXT    NOT NULL,
		name   TEXT    NOT NULL,
		stamp  TEXT    NOT NULL,
		read   INTEGER NOT NULL CHECK (read >= 0),
		tail   BLOB    NOT NULL,
		lines  INTEGER NOT NULL CHECK (lines >= 0),
		bad    INTEGER NOT NULL CHECK (bad IN (0, 1)),
		UNIQUE (folder, name)
	) STRICT;
	CREATE TABLE sync_key (
		file INTEGER NOT NULL REFERENCES sync_file (id) ON DELETE CASCADE,
		key  BLOB    NOT NULL,
		PRIMARY KEY (file, key)
	) STRICT, WITHOUT ROWID;`,
}

// uidMigration gives each review its stable id (quiz.ReviewUID), the same
// on every machine and in every export, by which imports skip the reviews
// the log has. A trigger sets it from the row (uidFunc), so every way a
// row is inserted gets it. Not UNIQUE: a log written before may hold a
// review twice.
const uidMigration = `ALTER TABLE review ADD COLUMN uid TEXT;
	UPDATE review SET uid = ` + uidFunc + `(deck, card, item, reviewed_at, rating);
	CREATE INDEX review_uid ON review (uid);
	CREATE TRIGGER review_uid_set AFTER INSERT ON review WHEN NEW.uid IS NULL BEGIN
		UPDATE review SET uid = ` + uidFunc + `(NEW.deck, NEW.card, NEW.item, NEW.reviewed_at, NEW.rating)
		WHERE id = NEW.id;
	END;`

// schemaVersion is the version this moatquiz writes and reads.
var schemaVersion = len(migrations)

// migrate brings the database up to schemaVersion, one transaction per
// migration, so that a crash leaves it at some whole version. The upgrade
// of a database of an older version goes to upgrading, when set.
func migrate(db *sql.DB, upgrading func(Upgrade)) error {
	if upgrading != nil {
		if u, ok := upgradeOf(db); ok {
			upgrading(u)
			u.Done = true
			defer upgrading(u)
		}
	}
	for {
		done, err := migrateOne(db)
		if err != nil || done {
			return err
		}
	}
}

// upgradeOf is the upgrade that migrate would make of db: ok when db
// is of an older version and its log can be counted. A file that fails
// here fails in migrateOne, with the error it always had.
func upgradeOf(db *sql.DB) (u Upgrade, ok bool) {
	u.To = schemaVersion
	if db.QueryRow("PRAGMA user_version").Scan(&u.From) != nil || u.From < 1 || u.From >= u.To {
		return u, false
	}
	return u, db.QueryRow("SELECT count(*) FROM review").Scan(&u.Reviews) == nil
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
	last := v + 1
	if v == 0 { // a new database is made whole, so a kill never leaves it half made
		last = schemaVersion
	}
	for ; v < last; v++ {
		if _, err := tx.Exec(migrations[v]); err != nil {
			return false, fmt.Errorf("migrate to version %d: %w", v+1, err)
		}
	}
	// PRAGMA arguments cannot be bound parameters; both are our integers.
	set := fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, last)
	if _, err := tx.Exec(set); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", last, err)
	}
	if last == schemaVersion { // the tables must now be the ones this version has
		var st statements
		if err := st.prepare(tx); err != nil {
			return false, &mismatch{err}
		}
		st.close() //nolint:errcheck // closing statements that only were prepared
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

// mismatch is a database whose tables are not what its version says:
// found before a migration (probe), or after it, before its commit (a
// file of an older version with other tables, damaged before).
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
