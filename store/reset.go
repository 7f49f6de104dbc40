package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"slices"
	"strconv"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
)

// ResetEvent is a reset of an item to new, as sync exchanges them: the
// item's reviews before At no longer count for its schedule, and it is
// no longer suspended by what came before.
type ResetEvent struct {
	Item quiz.ItemID
	At   time.Time
}

// UID is the stable id of the reset, like a review's: an undo of the
// reset names it, among the undos of reviews (undone_review).
func (e ResetEvent) UID() string {
	h := sha256.New()
	for _, s := range []string{"moatquiz reset 1", e.Item.Deck, e.Item.Card, e.Item.Item, strconv.FormatInt(e.At.UnixMilli(), 10)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Resetting is what Reset did, which Restore takes to undo it: the
// states the items had and the reset events kept.
type Resetting struct {
	Before  map[quiz.ItemID]quiz.ItemState
	Events  []ResetEvent
	history map[quiz.ItemID]string // each item's historyOf before the reset
}

// The SQL of reset events.
var (
	sqlAddReset = "INSERT OR IGNORE INTO reset_event (deck, card, item, at, uid) SELECT ?, ?, ?, ?, ?5 " +
		"WHERE NOT EXISTS (SELECT 1 FROM undone_review WHERE uid = ?5)"
	sqlItemResets = "SELECT at FROM reset_event WHERE deck = ? AND card = ? AND item = ? ORDER BY at"
	sqlResets     = "SELECT deck, card, item, at FROM reset_event ORDER BY at, deck, card, item"
	sqlResetItems = "SELECT deck, card, item FROM reset_event WHERE uid = ?"
	sqlIsUndone   = "SELECT EXISTS (SELECT 1 FROM undone_review WHERE uid = ?)"
	sqlDropReset  = "DELETE FROM reset_event WHERE uid = ?"
	sqlLastReset  = "SELECT coalesce(max(at), 0) FROM reset_event WHERE deck = ? AND card = ? AND item = ?"
	// sqlHistoryOf tells whether an item's history changed: review ids only
	// grow (AUTOINCREMENT), suspend events are only added, resets also dropped.
	sqlHistoryOf = "SELECT (SELECT count(*) || ' ' || coalesce(max(id), 0) FROM review WHERE deck = ?1 AND card = ?2 AND item = ?3) || ' ' || " +
		"(SELECT count(*) FROM suspend_event WHERE deck = ?1 AND card = ?2 AND item = ?3) || ' ' || " +
		"(SELECT coalesce(group_concat(at, ' ' ORDER BY at), '') FROM reset_event WHERE deck = ?1 AND card = ?2 AND item = ?3)"
	// sqlLatestOfItem is the time of an item's latest review, suspend or reset.
	sqlLatestOfItem = "SELECT coalesce(max(at), 0) FROM (" +
		"SELECT reviewed_at AS at FROM review WHERE deck = ?1 AND card = ?2 AND item = ?3 UNION ALL " +
		"SELECT at FROM suspend_event WHERE deck = ?1 AND card = ?2 AND item = ?3 UNION ALL " +
		"SELECT at FROM reset_event WHERE deck = ?1 AND card = ?2 AND item = ?3)"
)

// Reset makes the items new again, in one transaction: their stored
// states are deleted, their review log kept, and a reset event kept for
// each, for sync, at now or just after the item's latest review and
// suspend event (what is done here comes after what its history holds).
func (db *DB) Reset(ids []quiz.ItemID, now time.Time) (Resetting, error) {
	r := Resetting{Before: map[quiz.ItemID]quiz.ItemState{}, history: map[quiz.ItemID]string{}}
	err := db.write("reset", len(ids), func(tx *sql.Tx) error {
		for _, id := range ids {
			st, err := db.itemState(tx, id)
			if err != nil {
				return err
			}
			if r.history[id], err = historyOf(tx, id); err != nil {
				return err
			}
			if st != nil {
				r.Before[id] = *st
			}
			e, err := localReset(tx, id, now)
			if err != nil {
				return err
			}
			r.Events = append(r.Events, e)
			if _, err := tx.Exec(sqlDeleteState, id.Deck, id.Card, id.Item); err != nil {
				return err
			}
		}
		return nil
	})
	return r, err
}

// localReset keeps the reset of item id done here at now, moved after
// the item's latest review, suspend and reset, and off the moments of
// its resets undone.
func localReset(tx *sql.Tx, id quiz.ItemID, now time.Time) (ResetEvent, error) {
	var last int64
	if err := tx.QueryRow(sqlLatestOfItem, id.Deck, id.Card, id.Item).Scan(&last); err != nil {
		return ResetEvent{}, err
	}
	e := ResetEvent{Item: id, At: fromMS(max(now.UnixMilli(), last+1))}
	for { // not at the moment of a reset undone (a reset, undone, made again with the clock behind)
		var undone bool
		if err := tx.QueryRow(sqlIsUndone, e.UID()).Scan(&undone); err != nil || !undone {
			if err == nil {
				_, err = addResets(tx, []ResetEvent{e})
			}
			return e, err
		}
		e.At = e.At.Add(time.Millisecond)
	}
}

// Restore undoes Reset in one transaction: its events are undone
// (dropped, and kept as undone so that no sync brings them back) and the
// states put back; an item whose history a sync changed since the reset
// is replayed with replay instead, as sync does, so that machines agree.
func (db *DB) Restore(r Resetting, replay Replay) error {
	return db.write("restore", len(r.Events), func(tx *sql.Tx) error {
		var uids []string
		for _, e := range r.Events {
			uids = append(uids, e.UID())
		}
		if _, err := dropUndone(tx, uids); err != nil {
			return err
		}
		for _, e := range r.Events {
			if err := db.restoreItem(tx, r, e.Item, replay); err != nil {
				return err
			}
		}
		return nil
	})
}

// restoreItem puts back item id's state from before reset r, or, when
// its history changed since, the state a replay of it gives.
func (db *DB) restoreItem(tx *sql.Tx, r Resetting, id quiz.ItemID, replay Replay) error {
	h, err := historyOf(tx, id)
	if err != nil {
		return err
	}
	if h != r.history[id] {
		return db.replayItem(tx, id, nil, replay, map[string]int64{})
	}
	if s, ok := r.Before[id]; ok {
		_, err = tx.Exec(sqlUpsertState, append([]any{id.Deck, id.Card, id.Item}, stateArgs(s)...)...)
	}
	return err
}

// historyOf sums up item id's reviews, suspends and resets, to tell
// whether they changed.
func historyOf(tx *sql.Tx, id quiz.ItemID) (string, error) {
	var h string
	err := tx.QueryRow(sqlHistoryOf, id.Deck, id.Card, id.Item).Scan(&h)
	return h, err
}

// addResets saves the reset events the store lacks, but those undone,
// and returns their items.
func addResets(tx *sql.Tx, events []ResetEvent) ([]quiz.ItemID, error) {
	var items []quiz.ItemID
	for _, e := range events {
		res, err := tx.Exec(sqlAddReset, e.Item.Deck, e.Item.Card, e.Item.Item, e.At.UnixMilli(), e.UID())
		if err != nil {
			return nil, err
		}
		if n, err := res.RowsAffected(); err != nil || n > 0 {
			items = append(items, e.Item)
		}
	}
	return items, nil
}

// itemResets reads the times of item id's resets, oldest first.
func itemResets(tx *sql.Tx, id quiz.ItemID) ([]time.Time, error) {
	rows, err := tx.Query(sqlItemResets, id.Deck, id.Card, id.Item)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []time.Time
	for rows.Next() {
		var at int64
		if err := rows.Scan(&at); err != nil {
			return nil, err
		}
		out = append(out, fromMS(at))
	}
	return out, rows.Err()
}

// replaySpans replays history in the spans its resets cut it into, each
// from an item never studied (a review at a reset's moment comes after
// it). It returns the history in the order replayed and the state after
// the last span: nil when a reset came after every review.
func replaySpans(replay Replay, history []quiz.Review, resets []time.Time) ([]quiz.Review, *quiz.ItemState, error) {
	if len(resets) == 0 {
		st, err := replay(history)
		return history, st, err
	}
	spans := make([][]quiz.Review, len(resets)+1)
	for _, r := range history {
		n, at := slices.BinarySearchFunc(resets, r.ReviewedAt, time.Time.Compare)
		if at {
			n++
		}
		spans[n] = append(spans[n], r)
	}
	var st *quiz.ItemState
	var out []quiz.Review
	for _, span := range spans {
		var err error
		if st, err = replay(span); err != nil {
			return nil, nil, err
		}
		out = append(out, span...)
	}
	return out, st, nil
}

// ResetEvents calls fn with every reset event, oldest first.
func (db *DB) ResetEvents(fn func(ResetEvent) error) error {
	return eachRow(db, "reset events", sqlResets, func(rows *sql.Rows) (ResetEvent, error) {
		var e ResetEvent
		var at int64
		err := rows.Scan(&e.Item.Deck, &e.Item.Card, &e.Item.Item, &at)
		e.At = fromMS(at)
		return e, err
	}, fn)
}
