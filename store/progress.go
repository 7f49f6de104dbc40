package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// DB implements what a study session needs.
var _ quiz.Progress = (*DB)(nil)

// reviewCols are the review log's columns as Reviews reads them.
const reviewCols = "id, deck, card, item, rating, reviewed_at, duration_ms, typed, mode, question, " +
	stateCols + ", " + beforeCols

// The SQL behind the statements.
var (
	sqlInsertReview = "INSERT INTO review (deck, card, item, rating, reviewed_at, duration_ms, " +
		"typed, mode, question, " + stateCols + ", " + beforeCols + ") VALUES (" + params(31) + ")"
	sqlUpsertState = "INSERT INTO item_state (deck, card, item, " + stateCols + ") VALUES (" +
		params(14) + ") ON CONFLICT (deck, card, item) DO UPDATE SET " + excluded(stateCols)
	sqlDeleteState = "DELETE FROM item_state WHERE deck = ? AND card = ? AND item = ?"
	sqlStates      = "SELECT card, item, " + stateCols + " FROM item_state WHERE deck = ?"
	sqlReviewUndo  = "SELECT deck, card, item, mode, reviewed_at, " + beforeCols + " FROM review WHERE id = ?"
	sqlLater       = "SELECT EXISTS (SELECT 1 FROM review WHERE deck = ? AND card = ? AND item = ? " +
		"AND id > ? AND mode != '" + string(quiz.ModePractice) + "')"
	sqlDeleteReview = "DELETE FROM review WHERE id = ?"
	sqlReviews      = "SELECT " + reviewCols + " FROM review ORDER BY reviewed_at, id"
)

// params is n comma-separated placeholders.
func params(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// excluded is "c = excluded.c, ..." for the columns cols.
func excluded(cols string) string {
	var b strings.Builder
	for i, c := range strings.Split(cols, ", ") {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s = excluded.%s", c, c)
	}
	return b.String()
}

// statements are the prepared statements of the hot paths.
type statements struct {
	insertReview, upsertState, deleteState, states *sql.Stmt
	reviewUndo, later, deleteReview                *sql.Stmt
}

// preparer prepares statements: a *sql.DB, or a *sql.Tx to check a
// migration's tables before it commits.
type preparer interface {
	Prepare(query string) (*sql.Stmt, error)
}

// prepare prepares every statement.
func (s *statements) prepare(db preparer) error {
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&s.insertReview, sqlInsertReview},
		{&s.upsertState, sqlUpsertState},
		{&s.deleteState, sqlDeleteState},
		{&s.states, sqlStates},
		{&s.reviewUndo, sqlReviewUndo},
		{&s.later, sqlLater},
		{&s.deleteReview, sqlDeleteReview},
	} {
		st, err := db.Prepare(p.sql)
		if err != nil {
			s.close()
			return fmt.Errorf("prepare %q: %w", p.sql, err)
		}
		*p.dst = st
	}
	return nil
}

// close closes the prepared statements.
func (s *statements) close() error {
	var errs []error
	for _, st := range []*sql.Stmt{s.insertReview, s.upsertState, s.deleteState, s.states,
		s.reviewUndo, s.later, s.deleteReview} {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	*s = statements{}
	return errors.Join(errs...)
}

// States returns every stored item state of the deck.
func (db *DB) States(deck string) (map[quiz.ItemID]quiz.ItemState, error) {
	return db.readStates(deck)
}

// readStates reads every stored item state of the deck.
func (db *DB) readStates(deck string) (map[quiz.ItemID]quiz.ItemState, error) {
	rows, err := db.stmts.states.Query(deck)
	if err != nil {
		return nil, fmt.Errorf("read states of deck %q from %s: %w", deck, db.path, explain(err))
	}
	return db.scanStates(rows, deck)
}

// scanStates reads the rows of sqlStates (or a narrower query) and closes
// them.
func (db *DB) scanStates(rows *sql.Rows, deck string) (map[quiz.ItemID]quiz.ItemState, error) {
	out := make(map[quiz.ItemID]quiz.ItemState)
	err := db.scanRows(rows, deck, func(r Row) error {
		out[quiz.ItemID{Deck: deck, Card: r.Card, Item: r.Item}] = r.State
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Record saves a review durably before it returns, in one transaction:
// the log row and, unless r.Mode is practice, r.After as the item's
// state. It returns the review as saved: with its ID and UID, its ReviewedAt and
// After's times rounded down to whole milliseconds in UTC, and a negative
// duration as 0. It waits for the check of the file at open, and saves
// nothing into a damaged file (an error matching ErrDamaged).
func (db *DB) Record(r quiz.Review) (quiz.Review, error) {
	if err := db.writable(); err != nil {
		return quiz.Review{}, fmt.Errorf("save review of %s: %w", r.Item, err)
	}
	if err := checkReview(&r); err != nil {
		return quiz.Review{}, fmt.Errorf("save review of %s: %w", r.Item, err)
	}
	r.ReviewedAt = toMS(r.ReviewedAt)
	r.Duration = max(r.Duration, 0).Truncate(time.Millisecond)
	r.After.Card.Due = toMS(r.After.Card.Due)
	r.After.Card.LastReview = toMS(r.After.Card.LastReview)
	r.After.Introduced = toMS(r.After.Introduced)
	id, err := db.record(&r)
	if err != nil {
		return quiz.Review{}, fmt.Errorf("save review of %s: %w", r.Item, explain(err))
	}
	db.idle.committed()
	r.ID, r.UID = id, quiz.ReviewUID(r.Item, r.ReviewedAt, r.Rating)
	return r, nil
}

// checkReview rejects a review the log must not hold.
func checkReview(r *quiz.Review) error {
	switch {
	case r.Item.Deck == "" || r.Item.Card == "" || r.Item.Item == "":
		return errors.New("the item id is incomplete")
	case r.Rating < 1 || r.Rating > 4:
		return fmt.Errorf("rating %d is not 1 to 4", r.Rating)
	case r.Mode != quiz.ModeReview && r.Mode != quiz.ModePractice && r.Mode != quiz.ModeAhead:
		return fmt.Errorf("unknown mode %q", r.Mode)
	case r.ReviewedAt.UnixMilli() < minMS || r.ReviewedAt.UnixMilli() > maxMS:
		return fmt.Errorf("its time %s is out of range", r.ReviewedAt)
	}
	return nil
}

// record is Record's transaction; it returns the new row's id.
func (db *DB) record(r *quiz.Review) (int64, error) {
	tx, err := db.sql.Begin()
	if err != nil {
		return 0, err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := db.front.save(db, tx); err != nil {
		return 0, err
	}
	args := []any{r.Item.Deck, r.Item.Card, r.Item.Item, int64(r.Rating), r.ReviewedAt.UnixMilli(),
		r.Duration.Milliseconds(), r.Typed, string(r.Mode), string(r.Question)}
	args = append(append(args, stateArgs(r.After)...), beforeArgs(r.Before)...)
	res, err := tx.Stmt(db.stmts.insertReview).Exec(args...)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if r.Mode != quiz.ModePractice {
		if err := upsert(tx, db.stmts.upsertState, r.Item, r.After); err != nil {
			return 0, err
		}
	}
	return id, tx.Commit()
}

// upsert writes the item's state.
func upsert(tx *sql.Tx, st *sql.Stmt, id quiz.ItemID, s quiz.ItemState) error {
	_, err := tx.Stmt(st).Exec(append([]any{id.Deck, id.Card, id.Item}, stateArgs(s)...)...)
	return err
}

// Unrecord undoes review r.ID in one transaction: it deletes the log row
// and, unless the review was practice, gives the item the state it would
// have had without the review (restore), and keeps the review's uid as
// undone (Undone), so that no import or sync brings it back. It refuses
// (ErrNotLatest) when a later scheduled review of the item exists, and
// ErrNoReview when r.ID is not in the log.
func (db *DB) Unrecord(r *quiz.Review) error {
	if err := db.writable(); err != nil {
		return fmt.Errorf("undo review of %s: %w", r.Item, err)
	}
	if err := db.unrecord(r); err != nil {
		return fmt.Errorf("undo review %d of %s: %w", r.ID, r.Item, explain(err))
	}
	db.idle.committed()
	return nil
}

// unrecord is Unrecord's transaction.
func (db *DB) unrecord(r *quiz.Review) error {
	tx, err := db.sql.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	var id quiz.ItemID
	var mode string
	var at int64
	var before stateRow
	err = tx.Stmt(db.stmts.reviewUndo).QueryRow(r.ID).Scan(
		append([]any{&id.Deck, &id.Card, &id.Item, &mode, &at}, before.dest()...)...)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && id != r.Item) {
		return ErrNoReview
	}
	if err != nil {
		return err
	}
	if quiz.Mode(mode) != quiz.ModePractice {
		if err := restore(tx, &db.stmts, r.ID, id, fromMS(at), &before, db.path); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(sqlMarkUndone, r.ID); err != nil {
		return err
	}
	if _, err := tx.Stmt(db.stmts.deleteReview).Exec(r.ID); err != nil {
		return err
	}
	return tx.Commit()
}

// restore gives item id, whose review (given at at, with before the
// state it had then) is undone, the state it would have had without the
// review: it refuses (ErrNotLatest) when a later review scheduled the
// item, as then its state is not the review's to take back.
func restore(tx *sql.Tx, s *statements, review int64, id quiz.ItemID, at time.Time, before *stateRow, path string) error {
	var later bool
	if err := tx.Stmt(s.later).QueryRow(id.Deck, id.Card, id.Item, review).Scan(&later); err != nil {
		return err
	}
	if later {
		return ErrNotLatest
	}
	var st *quiz.ItemState
	if before.present() {
		b, err := before.itemState()
		if err != nil {
			return damagedRow(path, fmt.Sprintf("review %d of %s (the state before)", review, id), err)
		}
		st = &b
	}
	st, err := withoutReview(tx, id, at, st)
	if err != nil {
		return err
	}
	if st == nil {
		_, err = tx.Stmt(s.deleteState).Exec(id.Deck, id.Card, id.Item)
		return err
	}
	return upsert(tx, s.upsertState, id, *st)
}

// withoutReview is the state (nil: none, new) of item id without its
// latest review, given at at, from before (its state before the review):
// before's schedule, or none when a reset came after the review (it made
// the item new already); suspended as its suspend events say (settle),
// as sync's replay settles it. So an undo takes back only the answer,
// not a suspend or reset made since.
func withoutReview(tx *sql.Tx, id quiz.ItemID, at time.Time, before *quiz.ItemState) (*quiz.ItemState, error) {
	resets, err := itemResets(tx, id)
	if err != nil {
		return nil, err
	}
	var reset time.Time
	if len(resets) > 0 {
		reset = resets[len(resets)-1]
	}
	if reset.After(at) { // a review at a reset's moment comes after it (replaySpans)
		before = nil
	}
	st, _, err := settle(tx, id, before, reset)
	return st, err
}

// Reviews calls fn with every review in the log, oldest first, and stops
// at fn's first error, which it returns. fn must not call db's methods.
func (db *DB) Reviews(fn func(quiz.Review) error) error {
	rows, err := db.sql.Query(sqlReviews)
	if err != nil {
		return fmt.Errorf("read reviews from %s: %w", db.path, explain(err))
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanReview(rows, db.path)
		if fe := (*FileError)(nil); errors.As(err, &fe) {
			return err
		} else if err != nil {
			return fmt.Errorf("read reviews from %s: %w", db.path, explain(err))
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read reviews from %s: %w", db.path, explain(err))
	}
	return nil
}

// scanReview reads one row of sqlReviews, from the database at path.
func scanReview(rows *sql.Rows, path string) (quiz.Review, error) {
	var r quiz.Review
	var at, ms int64
	var mode, question string
	var after, before stateRow
	dest := []any{&r.ID, &r.Item.Deck, &r.Item.Card, &r.Item.Item, &r.Rating, &at, &ms,
		&r.Typed, &mode, &question}
	if err := rows.Scan(append(append(dest, after.dest()...), before.dest()...)...); err != nil {
		return r, err
	}
	if err := fill(&r, at, ms, &after, &before); err != nil {
		return r, damagedRow(path, fmt.Sprintf("review %d of %s", r.ID, r.Item), err)
	}
	r.Mode, r.Question = quiz.Mode(mode), quiz.QuestionKind(question)
	r.UID = quiz.ReviewUID(r.Item, r.ReviewedAt, r.Rating) // what the uid column holds
	return r, nil
}

// fill sets a scanned review's times and states from their columns, or
// says which value is out of range.
func fill(r *quiz.Review, at, ms int64, after, before *stateRow) error {
	switch {
	case r.Rating < fsrs.Again || r.Rating > fsrs.Easy:
		return fmt.Errorf("its rating %d is out of range", r.Rating)
	case at < minMS || at > maxMS:
		return fmt.Errorf("its time %d is out of range", at)
	case ms < 0:
		return fmt.Errorf("its duration %d ms is out of range", ms)
	}
	r.ReviewedAt, r.Duration = fromMS(at), msDuration(ms)
	var err error
	if r.After, err = after.itemState(); err != nil {
		return err
	}
	if before.present() {
		b, err := before.itemState()
		if err != nil {
			return fmt.Errorf("the state before: %w", err)
		}
		r.Before = &b
	}
	return nil
}
