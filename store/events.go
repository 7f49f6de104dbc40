package store

import (
	"database/sql"
	"errors"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// SuspendEvent is a suspend (Suspended) or unsuspend of an item by hand,
// as sync exchanges them.
type SuspendEvent struct {
	Item      quiz.ItemID
	At        time.Time
	Suspended bool
}

// The SQL of suspend events.
var (
	sqlAddEvent = "INSERT OR IGNORE INTO suspend_event (deck, card, item, at, suspended) VALUES (?, ?, ?, ?, ?)"
	sqlLatest   = "SELECT at, suspended FROM suspend_event WHERE deck = ? AND card = ? AND item = ? " +
		"ORDER BY at DESC, suspended DESC LIMIT 1"
	sqlLastReview = "SELECT last_review FROM item_state WHERE deck = ? AND card = ? AND item = ?"
	sqlEvents     = "SELECT deck, card, item, at, suspended FROM suspend_event ORDER BY at, deck, card, item"
)

// addEvents saves the events the store lacks and returns their items.
func addEvents(tx *sql.Tx, events []SuspendEvent) ([]quiz.ItemID, error) {
	var items []quiz.ItemID
	for _, e := range events {
		res, err := tx.Exec(sqlAddEvent, e.Item.Deck, e.Item.Card, e.Item.Item, e.At.UnixMilli(), boolInt(e.Suspended))
		if err != nil {
			return nil, err
		}
		if n, err := res.RowsAffected(); err != nil || n > 0 {
			items = append(items, e.Item)
		}
	}
	return items, nil
}

// addLocalEvent saves a suspend (on) or unsuspend of item id done here
// at now, or just after the item's latest event and review (at its
// latest reset, which an event at its moment follows) if now is not
// (an undo at the same moment, a clock behind the session's): what is
// done here comes after what the item's history holds here.
func addLocalEvent(tx *sql.Tx, id quiz.ItemID, now time.Time, on bool) error {
	var at, was int64
	err := tx.QueryRow(sqlLatest, id.Deck, id.Card, id.Item).Scan(&at, &was)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	var last sql.NullInt64
	err = tx.QueryRow(sqlLastReview, id.Deck, id.Card, id.Item).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	var reset int64
	if err := tx.QueryRow(sqlLastReset, id.Deck, id.Card, id.Item).Scan(&reset); err != nil {
		return err
	}
	when := max(now.UnixMilli(), at+1, last.Int64+1, reset)
	_, err = addEvents(tx, []SuspendEvent{{Item: id, At: fromMS(when), Suspended: on}})
	return err
}

// settle sets whether item id, whose reviews leave it in state st (nil:
// none scheduled it), is suspended: as its latest suspend event says when
// that came at or after its last review and its latest reset (zero: none),
// else as the reviews leave it. It returns the state to keep, nil for
// none. ok is false when the item has no event (a store from before
// events were kept).
func settle(tx *sql.Tx, id quiz.ItemID, st *quiz.ItemState, reset time.Time) (out *quiz.ItemState, ok bool, err error) {
	var at, on int64
	err = tx.QueryRow(sqlLatest, id.Deck, id.Card, id.Item).Scan(&at, &on)
	if errors.Is(err, sql.ErrNoRows) {
		return st, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	switch when := fromMS(at); {
	case when.Before(reset): // the reset made it new and unsuspended
	case st == nil: // suspended before it was ever studied
		return &quiz.ItemState{Card: fsrs.NewCard(when), Suspended: on == 1}, true, nil
	case !when.Before(st.Card.LastReview):
		st.Suspended = on == 1
	}
	return st, true, nil
}

// SuspendEvents calls fn with every suspend event, oldest first.
func (db *DB) SuspendEvents(fn func(SuspendEvent) error) error {
	return eachRow(db, "suspend events", sqlEvents, func(rows *sql.Rows) (SuspendEvent, error) {
		var e SuspendEvent
		var at, on int64
		err := rows.Scan(&e.Item.Deck, &e.Item.Card, &e.Item.Item, &at, &on)
		e.At, e.Suspended = fromMS(at), on == 1
		return e, err
	}, fn)
}
