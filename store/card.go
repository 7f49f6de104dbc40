package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
)

// CardID names a card of a deck: what bury and flag mark.
type CardID struct{ Deck, Card string }

// MaxFlag is the highest flag colour (Anki's 1 red, 2 orange, 3 green,
// 4 blue); 0 is no flag.
const MaxFlag = 4

// Bury keeps the cards out of every session until until (the end of the
// study day), in one transaction, as done at now. It returns when each
// card was buried until before (zero: it was not), which BuryUntil takes
// to undo it.
func (db *DB) Bury(cards []CardID, until, now time.Time) (map[CardID]time.Time, error) {
	before, err := db.buried(cards)
	if err != nil {
		return nil, err
	}
	set := map[CardID]time.Time{}
	for _, c := range cards {
		set[c] = until
	}
	return before, db.BuryUntil(set, now)
}

// BuryUntil sets when each card's burial ends, as done at now; the zero
// time unburies it. Each change is kept as an event, for sync.
func (db *DB) BuryUntil(cards map[CardID]time.Time, now time.Time) error {
	values := map[CardID]int64{}
	for c, until := range cards {
		values[c] = 0
		if !until.IsZero() {
			values[c] = until.UnixMilli()
		}
	}
	return db.setMarks(MarkBury, values, now)
}

// buried returns when each card's burial ends (zero: not buried).
func (db *DB) buried(cards []CardID) (map[CardID]time.Time, error) {
	out := map[CardID]time.Time{}
	for _, c := range cards {
		var ms int64
		err := db.sql.QueryRow("SELECT until FROM buried_card WHERE deck = ? AND card = ?", c.Deck, c.Card).Scan(&ms)
		switch {
		case err == nil:
			out[c] = fromMS(ms)
		case errors.Is(err, sql.ErrNoRows):
			out[c] = time.Time{}
		default:
			return nil, fmt.Errorf("read buried cards from %s: %w", db.path, explain(err))
		}
	}
	return out, nil
}

// Buried returns the deck's cards buried at now: a few rows, those the
// learner buried today.
func (db *DB) Buried(deck string, now time.Time) (map[string]bool, error) {
	rows, err := db.sql.Query("SELECT card FROM buried_card WHERE deck = ? AND until > ?", deck, now.UnixMilli())
	if err != nil {
		return nil, fmt.Errorf("read buried cards of deck %q from %s: %w", deck, db.path, explain(err))
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var card string
		if err := rows.Scan(&card); err != nil {
			return nil, fmt.Errorf("read buried cards of deck %q from %s: %w", deck, db.path, explain(err))
		}
		out[card] = true
	}
	return out, rows.Err()
}

// SetFlags sets each card's flag (0 removes it) in one transaction, as
// done at now, and returns the flags they had, which SetFlags takes to
// undo it. Each change is kept as an event, for sync.
func (db *DB) SetFlags(flags map[CardID]int, now time.Time) (map[CardID]int, error) {
	before := map[CardID]int{}
	decks := map[string]map[string]int{}
	for c, f := range flags {
		if f < 0 || f > MaxFlag {
			return nil, fmt.Errorf("flag %s/%s: %d is not a flag: give 0 (none) to %d", c.Deck, c.Card, f, MaxFlag)
		}
		if decks[c.Deck] == nil {
			old, err := db.flags(c.Deck)
			if err != nil {
				return nil, err
			}
			decks[c.Deck] = old
		}
		before[c] = decks[c.Deck][c.Card]
	}
	values := map[CardID]int64{}
	for c, f := range flags {
		values[c] = int64(f)
	}
	return before, db.setMarks(MarkFlag, values, now)
}

// Flags returns the flags of the deck's cards that have one.
func (db *DB) Flags(deck string) (map[string]int, error) { return db.flags(deck) }

func (db *DB) flags(deck string) (map[string]int, error) {
	rows, err := db.sql.Query("SELECT card, flag FROM card_flag WHERE deck = ?", deck)
	if err != nil {
		return nil, fmt.Errorf("read flags of deck %q from %s: %w", deck, db.path, explain(err))
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var card string
		var f int
		if err := rows.Scan(&card, &f); err != nil {
			return nil, fmt.Errorf("read flags of deck %q from %s: %w", deck, db.path, explain(err))
		}
		out[card] = f
	}
	return out, rows.Err()
}

// write runs fn in one write transaction; verb and n name the work in
// errors.
func (db *DB) write(verb string, n int, fn func(tx *sql.Tx) error) error {
	if err := db.writable(); err != nil {
		return fmt.Errorf("%s: %w", verb, err)
	}
	tx, err := db.sql.Begin()
	if err != nil {
		return fmt.Errorf("%s in %s: %w", verb, db.path, explain(err))
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := fn(tx); err != nil {
		return fmt.Errorf("%s %d cards in %s: %w", verb, n, db.path, explain(err))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s in %s: %w", verb, db.path, explain(err))
	}
	return nil
}

// CardReviews returns the review log of the deck's card, oldest first.
func (db *DB) CardReviews(deck, card string) ([]quiz.Review, error) {
	rows, err := db.sql.Query("SELECT "+reviewCols+" FROM review WHERE deck = ? AND card = ? ORDER BY id", deck, card)
	if err != nil {
		return nil, fmt.Errorf("read reviews of %s/%s from %s: %w", deck, card, db.path, explain(err))
	}
	defer rows.Close()
	var out []quiz.Review
	for rows.Next() {
		r, err := scanReview(rows, db.path)
		if err != nil {
			return nil, fmt.Errorf("read reviews of %s/%s from %s: %w", deck, card, db.path, explain(err))
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
