package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// StatsRows are the rows the statistics are computed from (package
// stats), read in one transaction.
type StatsRows struct {
	Slots []AnswerSlot   // the answers per quarter hour, in time order
	Cards []CardAnswers  // the answers per card
	Items []ItemProgress // the stored item states
}

// AnswerSlot counts the answers of one deck in a quarter hour of UTC
// time: one never straddles a study day's start, in any time zone.
type AnswerSlot struct {
	Start   time.Time
	Answers int
	TimeMS  int64 // time spent answering
	// The answers on items in review, practice left out, by the interval
	// reviewed at (mature: 21 days or more), and how many of them were
	// correct (not Again).
	Young, YoungCorrect   int
	Mature, MatureCorrect int
}

// CardAnswers counts the answers on one card's items, and the correct
// ones (not Again).
type CardAnswers struct {
	Deck, Card       string
	Answers, Correct int
}

// ItemProgress is what the statistics need of a stored item state.
type ItemProgress struct {
	ID        quiz.ItemID
	State     fsrs.State
	Suspended bool
	Due       time.Time
	Lapses    int
}

// The statistics' queries; %s is the deck filter.
const (
	sqlAnswerSlots = "SELECT slot, answers, time_ms, young, young_correct, mature, mature_correct " +
		"FROM answer_slot WHERE %s ORDER BY slot"
	sqlCardAnswers  = "SELECT deck, card, answers, correct FROM answer_card WHERE %s"
	sqlItemProgress = "SELECT deck, card, item, state, suspended, due, lapses FROM item_state WHERE %s"
)

// slotMS is the width of answer_slot's slots (migration 2).
const slotMS = 15 * 60 * 1000

// StatsRows reads the rows of one deck, or of every deck when deck is
// "". It only reads, so it works on a store opened read-only.
func (db *DB) StatsRows(deck string) (*StatsRows, error) {
	where, args := "1", []any{}
	if deck != "" {
		where, args = "deck = ?", []any{deck}
	}
	tx, err := db.sql.Begin()
	if err != nil {
		return nil, fmt.Errorf("stats from %s: %w", db.path, explain(err))
	}
	defer tx.Rollback() //nolint:errcheck // a read-only transaction
	var r StatsRows
	for _, q := range []struct {
		sql  string
		scan func(*sql.Rows) error
	}{
		{sqlAnswerSlots, r.scanSlot}, {sqlCardAnswers, r.scanCard}, {sqlItemProgress, r.scanItem},
	} {
		if err := scanAll(tx, fmt.Sprintf(q.sql, where), args, q.scan); err != nil {
			return nil, fmt.Errorf("stats from %s: %w", db.path, explain(err))
		}
	}
	return &r, nil
}

// scanAll runs a query and scans each row it returns.
func scanAll(tx *sql.Tx, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := tx.Query(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// scanSlot reads a row of sqlAnswerSlots.
func (r *StatsRows) scanSlot(rows *sql.Rows) error {
	var s AnswerSlot
	var slot int64
	err := rows.Scan(&slot, &s.Answers, &s.TimeMS, &s.Young, &s.YoungCorrect, &s.Mature, &s.MatureCorrect)
	s.Start = fromMS(slot * slotMS)
	r.Slots = append(r.Slots, s)
	return err
}

// scanCard reads a row of sqlCardAnswers.
func (r *StatsRows) scanCard(rows *sql.Rows) error {
	var c CardAnswers
	err := rows.Scan(&c.Deck, &c.Card, &c.Answers, &c.Correct)
	r.Cards = append(r.Cards, c)
	return err
}

// scanItem reads a row of sqlItemProgress.
func (r *StatsRows) scanItem(rows *sql.Rows) error {
	var it ItemProgress
	var due int64
	err := rows.Scan(&it.ID.Deck, &it.ID.Card, &it.ID.Item, &it.State, &it.Suspended, &due, &it.Lapses)
	it.Due = fromMS(due)
	r.Items = append(r.Items, it)
	return err
}

// ErrNoItem is returned by Unsuspend for an item with no stored state.
var ErrNoItem = errors.New("no such item in the progress")

// Unsuspend schedules a suspended item (a leech) again. It reports
// whether the item was suspended, and ErrNoItem when it has no stored
// state.
func (db *DB) Unsuspend(id quiz.ItemID) (bool, error) {
	if db.readOnly {
		return false, fmt.Errorf("unsuspend %s: %w", id, ErrReadOnly)
	}
	res, err := db.sql.Exec("UPDATE item_state SET suspended = 0 WHERE deck = ? AND card = ? AND item = ? AND suspended = 1",
		id.Deck, id.Card, id.Item)
	if err != nil {
		return false, fmt.Errorf("unsuspend %s: %w", id, explain(err))
	}
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return n > 0, err
	}
	var exists bool
	err = db.sql.QueryRow("SELECT EXISTS (SELECT 1 FROM item_state WHERE deck = ? AND card = ? AND item = ?)",
		id.Deck, id.Card, id.Item).Scan(&exists)
	switch {
	case err != nil:
		return false, fmt.Errorf("unsuspend %s: %w", id, explain(err))
	case !exists:
		return false, fmt.Errorf("unsuspend %s: %w", id, ErrNoItem)
	}
	return false, nil
}
