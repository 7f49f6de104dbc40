package store

import (
	"cmp"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
	"modernc.org/sqlite"

	"github.com/moatquiz/moatquiz/quiz"
)

// uidFunc is the SQL function computing quiz.ReviewUID of a review row:
// uidFunc(deck, card, item, reviewed_at, rating).
const uidFunc = "moatquiz_review_uid"

// The SQL function is registered for every connection opened after this
// package is loaded.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction(uidFunc, 5, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		var id quiz.ItemID
		for i, dst := range []*string{&id.Deck, &id.Card, &id.Item} {
			if err := text(args[i], dst); err != nil {
				return nil, err
			}
		}
		at, ok1 := args[3].(int64)
		rating, ok2 := args[4].(int64)
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("%w: a review's time or rating is not an integer", ErrDamaged)
		}
		return quiz.ReviewUID(id, fromMS(at), fsrs.Rating(rating)), nil
	})
}

// The SQL of ImportReviews.
var (
	sqlHasUID = "SELECT EXISTS (SELECT 1 FROM review WHERE uid = ?1) OR " +
		"EXISTS (SELECT 1 FROM undone_review WHERE uid = ?1)"
	sqlMarkUndone  = "INSERT OR IGNORE INTO undone_review (uid) SELECT uid FROM review WHERE id = ?"
	sqlAddUndone   = "INSERT OR IGNORE INTO undone_review (uid) VALUES (?)"
	sqlUndoneItems = "SELECT DISTINCT deck, card, item FROM review WHERE uid = ?"
	sqlDropUndone  = "DELETE FROM review WHERE uid = ?"
	sqlUndone      = "SELECT uid FROM undone_review ORDER BY uid"
	sqlItemReviews = "SELECT " + reviewCols + " FROM review WHERE deck = ? AND card = ? AND item = ?"
	sqlItemState   = "SELECT " + stateCols + " FROM item_state WHERE deck = ? AND card = ? AND item = ?"
	sqlPutReview   = "INSERT INTO review (id, deck, card, item, rating, reviewed_at, duration_ms, " +
		"typed, mode, question, " + stateCols + ", " + beforeCols + ") VALUES (" + params(32) + ")"
)

// Replay recomputes one item's history: it sorts the reviews into the
// order it replays them, sets each one's Before and After, and returns
// the item's state after them (nil when none scheduled it).
// quiz.Replayer.Replay is one.
type Replay func(history []quiz.Review) (*quiz.ItemState, error)

// ImportReviews adds to the log, in one transaction, the reviews it does
// not hold yet (by quiz.ReviewUID; a review given twice is added once,
// an undone one never), and replays the whole history of every item that
// got one: each of its reviews is saved with the states the replay gives
// it, and the item with its state after the last. Whether it is
// suspended follows its latest suspend event when that came after its
// last review; an item with no event whose last review was in the log
// already keeps whether it is suspended. It returns the reviews added,
// with their UIDs and IDs, in the order given (their replayed states are
// in the log, not in the values returned).
func (db *DB) ImportReviews(reviews []quiz.Review, replay Replay) ([]quiz.Review, error) {
	return db.Merge(Merge{Reviews: reviews}, replay)
}

// Merge is what a sync brings into the log.
type Merge struct {
	Reviews []quiz.Review  // reviews to add: those the log lacks are added
	Undone  []string       // uids of reviews undone: dropped from the log, never added again
	Suspend []SuspendEvent // suspends and unsuspends by hand: the latest of an item holds
	Resets  []ResetEvent   // resets to new: an item's reviews before its latest one do not count
	Marks   []MarkEvent    // flags and burials of cards: the latest of a card holds
	Replay  []quiz.ItemID  // items to replay even when nothing of theirs changes
}

// Merge applies m in one transaction, as ImportReviews does: it adds the
// reviews the log lacks, drops the undone ones (and resets undone), keeps
// the suspend, reset, flag and bury events, and replays every item whose
// history changed, and those of m.Replay.
// It returns the reviews added.
func (db *DB) Merge(m Merge, replay Replay) ([]quiz.Review, error) {
	if err := db.writable(); err != nil {
		return nil, fmt.Errorf("import reviews: %w", err)
	}
	for i := range m.Reviews {
		if err := checkReview(&m.Reviews[i]); err != nil {
			return nil, fmt.Errorf("import review of %s at %s: %w", m.Reviews[i].Item, m.Reviews[i].ReviewedAt.Format(time.RFC3339), err)
		}
	}
	added, err := db.merge(m, replay)
	if err != nil {
		return nil, fmt.Errorf("import reviews into %s: %w", db.path, explain(err))
	}
	db.idle.committed()
	return added, nil
}

// merge is Merge's transaction.
func (db *DB) merge(m Merge, replay Replay) ([]quiz.Review, error) {
	tx, err := db.sql.Begin()
	if err != nil {
		return nil, err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := db.front.save(db, tx); err != nil {
		return nil, err
	}
	undone, err := dropUndone(tx, m.Undone)
	if err != nil {
		return nil, err
	}
	added, byItem, err := newReviews(tx, m.Reviews)
	if err != nil {
		return nil, err
	}
	suspended, err := addEvents(tx, m.Suspend)
	if err != nil {
		return nil, err
	}
	reset, err := addResets(tx, m.Resets)
	if err != nil {
		return nil, err
	}
	if err := addMarks(tx, m.Marks); err != nil {
		return nil, err
	}
	for _, id := range slices.Concat(undone, suspended, reset, m.Replay) {
		if _, ok := byItem[id]; !ok {
			byItem[id] = nil // replayed with the reviews it has
		}
	}
	items := make([]quiz.ItemID, 0, len(byItem))
	for id := range byItem {
		items = append(items, id)
	}
	slices.SortFunc(items, func(a, b quiz.ItemID) int { return cmp.Compare(a.String(), b.String()) })
	ids := map[string]int64{}
	for _, id := range items {
		if err := db.replayItem(tx, id, byItem[id], replay, ids); err != nil {
			return nil, err
		}
	}
	for i := range added {
		added[i].ID = ids[added[i].UID]
	}
	return added, tx.Commit()
}

// dropUndone marks the uids undone and deletes their reviews and resets;
// it returns the items that had one.
func dropUndone(tx *sql.Tx, uids []string) ([]quiz.ItemID, error) {
	var items []quiz.ItemID
	for _, uid := range uids {
		if _, err := tx.Exec(sqlAddUndone, uid); err != nil {
			return nil, err
		}
		for _, q := range [][2]string{{sqlUndoneItems, sqlDropUndone}, {sqlResetItems, sqlDropReset}} {
			ids, err := itemsOf(tx, q[0], uid)
			if err != nil {
				return nil, err
			}
			items = append(items, ids...)
			if _, err := tx.Exec(q[1], uid); err != nil {
				return nil, err
			}
		}
	}
	return items, nil
}

// itemsOf is the items query gives (deck, card, item rows) for uid.
func itemsOf(tx *sql.Tx, query, uid string) ([]quiz.ItemID, error) {
	rows, err := tx.Query(query, uid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []quiz.ItemID
	for rows.Next() {
		var id quiz.ItemID
		if err := rows.Scan(&id.Deck, &id.Card, &id.Item); err != nil {
			return nil, err
		}
		items = append(items, id)
	}
	return items, rows.Err()
}

// Undone returns the uids of the reviews undone, sorted.
func (db *DB) Undone() ([]string, error) {
	rows, err := db.sql.Query(sqlUndone)
	if err != nil {
		return nil, fmt.Errorf("read undone reviews from %s: %w", db.path, explain(err))
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var uid string
		if err := rows.Scan(&uid); err != nil {
			return nil, fmt.Errorf("read undone reviews from %s: %w", db.path, explain(err))
		}
		out = append(out, uid)
	}
	return out, rows.Err()
}

// newReviews returns the reviews the log does not hold, with their times
// as stored and their UIDs, in order and by item.
func newReviews(tx *sql.Tx, reviews []quiz.Review) ([]quiz.Review, map[quiz.ItemID][]quiz.Review, error) {
	has, err := tx.Prepare(sqlHasUID)
	if err != nil {
		return nil, nil, err
	}
	defer has.Close()
	var added []quiz.Review
	byItem := map[quiz.ItemID][]quiz.Review{}
	seen := map[string]bool{}
	for _, r := range reviews {
		r.ReviewedAt = toMS(r.ReviewedAt)
		r.Duration = max(r.Duration, 0).Truncate(time.Millisecond)
		r.UID = quiz.ReviewUID(r.Item, r.ReviewedAt, r.Rating)
		if seen[r.UID] {
			continue
		}
		seen[r.UID] = true
		var in bool
		if err := has.QueryRow(r.UID).Scan(&in); err != nil {
			return nil, nil, err
		}
		if !in {
			added = append(added, r)
			byItem[r.Item] = append(byItem[r.Item], r)
		}
	}
	return added, byItem, nil
}

// replayItem replays the history of item id, the log's and the reviews
// added, and saves it; ids gets the log ids of the reviews added.
func (db *DB) replayItem(tx *sql.Tx, id quiz.ItemID, added []quiz.Review, replay Replay, ids map[string]int64) error {
	old, err := db.itemReviews(tx, id)
	if err != nil {
		return err
	}
	stored, err := db.itemState(tx, id)
	if err != nil {
		return err
	}
	was := make(map[string]quiz.Review, len(old))
	for _, r := range old {
		was[r.UID] = r
	}
	resets, err := itemResets(tx, id)
	if err != nil {
		return err
	}
	history, st, err := replaySpans(replay, append(old, added...), resets)
	if err != nil {
		return err
	}
	for _, r := range history {
		if err := db.saveReplayed(tx, &r, was, ids); err != nil {
			return err
		}
	}
	var reset time.Time
	if len(resets) > 0 {
		reset = resets[len(resets)-1]
	}
	st, evented, err := settle(tx, id, st, reset)
	if err != nil {
		return err
	}
	if st == nil {
		return dropState(tx, &db.stmts, id, stored, len(resets) > 0)
	}
	if !evented && len(resets) == 0 && len(history) > 0 && stored != nil { // suspended by hand before events were kept
		if _, last := was[history[len(history)-1].UID]; last {
			st.Suspended = stored.Suspended
		}
	}
	return upsert(tx, db.stmts.upsertState, id, *st)
}

// saveReplayed saves replayed review r: inserted when it is new (its id
// into ids), rewritten when its states changed. A rewrite deletes the row
// and inserts it again, with its id, so that the answer counts follow.
func (db *DB) saveReplayed(tx *sql.Tx, r *quiz.Review, was map[string]quiz.Review, ids map[string]int64) error {
	prev, ok := was[r.UID]
	if ok && sameState(prev.Before, r.Before) && sameState(&prev.After, &r.After) {
		return nil
	}
	args := []any{r.Item.Deck, r.Item.Card, r.Item.Item, int64(r.Rating), r.ReviewedAt.UnixMilli(),
		r.Duration.Milliseconds(), r.Typed, string(r.Mode), string(r.Question)}
	args = append(append(args, stateArgs(r.After)...), beforeArgs(r.Before)...)
	if !ok {
		res, err := tx.Stmt(db.stmts.insertReview).Exec(args...)
		if err != nil {
			return err
		}
		ids[r.UID], err = res.LastInsertId()
		return err
	}
	if _, err := tx.Stmt(db.stmts.deleteReview).Exec(prev.ID); err != nil {
		return err
	}
	_, err := tx.Exec(sqlPutReview, append([]any{prev.ID}, args...)...)
	return err
}

// dropState deletes the state of an item that no review schedules any
// more (its reviews undone, or reset), unless it is suspended and was
// not reset: a suspended new item keeps its state, as SetSuspended gives
// it.
func dropState(tx *sql.Tx, s *statements, id quiz.ItemID, stored *quiz.ItemState, reset bool) error {
	if stored == nil || stored.Suspended && !reset {
		return nil
	}
	_, err := tx.Stmt(s.deleteState).Exec(id.Deck, id.Card, id.Item)
	return err
}

// sameState reports whether two states (nil: none) are stored alike.
func sameState(a, b *quiz.ItemState) bool {
	if a == nil || b == nil {
		return a == b
	}
	return reflect.DeepEqual(stateArgs(*a), stateArgs(*b))
}

// itemReviews reads the log of one item.
func (db *DB) itemReviews(tx *sql.Tx, id quiz.ItemID) ([]quiz.Review, error) {
	rows, err := tx.Query(sqlItemReviews, id.Deck, id.Card, id.Item)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []quiz.Review
	for rows.Next() {
		r, err := scanReview(rows, db.path)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// itemState reads one item's stored state; nil when it has none.
func (db *DB) itemState(tx *sql.Tx, id quiz.ItemID) (*quiz.ItemState, error) {
	var row stateRow
	err := tx.QueryRow(sqlItemState, id.Deck, id.Card, id.Item).Scan(row.dest()...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	st, err := row.itemState()
	if err != nil {
		return nil, damagedRow(db.path, "the state of "+id.String(), err)
	}
	return &st, nil
}

// ReviewUIDs calls fn with the uid of every review in the log: what a
// sync compares with the folder, without reading whole reviews.
func (db *DB) ReviewUIDs(fn func(uid string) error) error {
	rows, err := db.sql.Query("SELECT uid FROM review")
	if err != nil {
		return fmt.Errorf("read reviews from %s: %w", db.path, explain(err))
	}
	defer rows.Close()
	var uids []string
	for rows.Next() {
		var uid sql.NullString
		if err := rows.Scan(&uid); err != nil {
			return fmt.Errorf("read reviews from %s: %w", db.path, explain(err))
		}
		uids = append(uids, uid.String)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read reviews from %s: %w", db.path, explain(err))
	}
	for _, uid := range uids {
		if err := fn(uid); err != nil {
			return err
		}
	}
	return nil
}
