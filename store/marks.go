package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// The kinds of a card's marks that sync exchanges.
const (
	MarkFlag = "flag" // Value: the flag, 0 (none) to MaxFlag
	MarkBury = "bury" // Value: when the burial ends, UTC ms; 0: not buried
)

// MarkEvent is a change of a card's flag or burial, as sync exchanges
// them: a card's latest event of a kind holds.
type MarkEvent struct {
	Card  CardID
	Kind  string
	At    time.Time
	Value int64
}

// markSQL is, by kind, the SQL that clears a card's mark and that sets it.
var markSQL = map[string][2]string{
	MarkFlag: {"DELETE FROM card_flag WHERE deck = ? AND card = ?",
		"INSERT INTO card_flag VALUES (?, ?, ?) ON CONFLICT (deck, card) DO UPDATE SET flag = excluded.flag"},
	MarkBury: {"DELETE FROM buried_card WHERE deck = ? AND card = ?",
		"INSERT INTO buried_card VALUES (?, ?, ?) ON CONFLICT (deck, card) DO UPDATE SET until = excluded.until"},
}

// The SQL of mark events.
var (
	sqlAddMark    = "INSERT OR IGNORE INTO card_mark_event (deck, card, kind, at, value) VALUES (?, ?, ?, ?, ?)"
	sqlLatestMark = "SELECT at, value FROM card_mark_event WHERE deck = ? AND card = ? AND kind = ? " +
		"ORDER BY at DESC, value DESC LIMIT 1"
	sqlMarks = "SELECT deck, card, kind, at, value FROM card_mark_event ORDER BY at, deck, card, kind"
)

// setMarks sets each card's mark of kind to its value (0: none), keeping
// an event at now, or just after the card's latest one if now is not.
func (db *DB) setMarks(kind string, values map[CardID]int64, now time.Time) error {
	return db.write(kind, len(values), func(tx *sql.Tx) error {
		for c, v := range values {
			at, _, err := latestMark(tx, c, kind)
			if err != nil {
				return err
			}
			when := fromMS(max(now.UnixMilli(), at.UnixMilli()+1))
			if err := addMarks(tx, []MarkEvent{{Card: c, Kind: kind, At: when, Value: v}}); err != nil {
				return fmt.Errorf("%s/%s: %w", c.Deck, c.Card, err)
			}
		}
		return nil
	})
}

// latestMark is card c's latest event of kind: its time and value (zero
// when it has none).
func latestMark(tx *sql.Tx, c CardID, kind string) (time.Time, int64, error) {
	var at, v int64
	err := tx.QueryRow(sqlLatestMark, c.Deck, c.Card, kind).Scan(&at, &v)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, 0, nil
	}
	return fromMS(at), v, err
}

// addMarks saves the mark events the store lacks and sets each card's
// mark as its latest event says.
func addMarks(tx *sql.Tx, events []MarkEvent) error {
	for _, e := range events {
		q, ok := markSQL[e.Kind]
		if !ok {
			return fmt.Errorf("%s/%s: %q is not a kind of mark", e.Card.Deck, e.Card.Card, e.Kind)
		}
		res, err := tx.Exec(sqlAddMark, e.Card.Deck, e.Card.Card, e.Kind, e.At.UnixMilli(), e.Value)
		if err != nil {
			return err
		}
		if added, err := res.RowsAffected(); err != nil || added == 0 {
			continue
		}
		_, v, err := latestMark(tx, e.Card, e.Kind)
		if err == nil && v == 0 {
			_, err = tx.Exec(q[0], e.Card.Deck, e.Card.Card)
		} else if err == nil {
			_, err = tx.Exec(q[1], e.Card.Deck, e.Card.Card, v)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// MarkEvents calls fn with every flag and bury event, oldest first.
func (db *DB) MarkEvents(fn func(MarkEvent) error) error {
	return eachRow(db, "mark events", sqlMarks, func(rows *sql.Rows) (MarkEvent, error) {
		var e MarkEvent
		var at int64
		err := rows.Scan(&e.Card.Deck, &e.Card.Card, &e.Kind, &at, &e.Value)
		e.At = fromMS(at)
		return e, err
	}, fn)
}

// eachRow reads every row of query with args (what names it in errors)
// with scan, then calls fn with each, the rows closed.
func eachRow[T any](db *DB, what, query string, scan func(*sql.Rows) (T, error), fn func(T) error, args ...any) error {
	rows, err := db.sql.Query(query, args...)
	if err != nil {
		return fmt.Errorf("read %s from %s: %w", what, db.path, explain(err))
	}
	defer rows.Close()
	var all []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return fmt.Errorf("read %s from %s: %w", what, db.path, explain(err))
		}
		all = append(all, v)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read %s from %s: %w", what, db.path, explain(err))
	}
	rows.Close()
	for _, v := range all {
		if err := fn(v); err != nil {
			return err
		}
	}
	return nil
}
