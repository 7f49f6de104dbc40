package store

import (
	"fmt"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// sqlSuspend suspends or unsuspends an item; an item never studied gets
// a new state, suspended, so that no session takes it.
var sqlSuspend = "INSERT INTO item_state (deck, card, item, " + stateCols + ") " +
	"VALUES (?, ?, ?, " + params(11) + ") " +
	"ON CONFLICT (deck, card, item) DO UPDATE SET suspended = excluded.suspended " +
	"WHERE item_state.suspended != excluded.suspended"

// SetSuspended suspends (on) or unsuspends the items, in one transaction,
// and returns those it changed: setting them back undoes it. Each change
// is kept as a suspend event at now, for sync. An item with no stored
// state is suspended as a new item; unsuspending it changes nothing.
func (db *DB) SetSuspended(ids []quiz.ItemID, on bool, now time.Time) ([]quiz.ItemID, error) {
	verb := map[bool]string{true: "suspend", false: "unsuspend"}[on]
	if err := db.writable(); err != nil {
		return nil, fmt.Errorf("%s: %w", verb, err)
	}
	tx, err := db.sql.Begin()
	if err != nil {
		return nil, fmt.Errorf("%s in %s: %w", verb, db.path, explain(err))
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	var changed []quiz.ItemID
	fresh := quiz.ItemState{Card: fsrs.NewCard(now), Suspended: on}
	for _, id := range ids {
		query := sqlSuspend
		if !on { // an item never studied stays without a state
			query = "UPDATE item_state SET suspended = 0 WHERE deck = ? AND card = ? AND item = ? AND suspended = 1"
		}
		args := []any{id.Deck, id.Card, id.Item}
		if on {
			args = append(args, stateArgs(fresh)...)
		}
		res, err := tx.Exec(query, args...)
		if err != nil {
			return nil, fmt.Errorf("%s %s in %s: %w", verb, id, db.path, explain(err))
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			continue
		}
		changed = append(changed, id)
		if err := addLocalEvent(tx, id, now, on); err != nil {
			return nil, fmt.Errorf("%s %s in %s: %w", verb, id, db.path, explain(err))
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("%s in %s: %w", verb, db.path, explain(err))
	}
	return changed, nil
}
