package store

import (
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// A study day's reads: each is a range of an index that stops at what the
// day needs, so that their cost follows the day, not the deck. Without
// ANALYZE statistics SQLite may prefer the primary key, which visits every
// state of the deck: INDEXED BY holds it to the day's index.
var (
	sqlAnswered = "SELECT card, item, " + stateCols + " FROM item_state INDEXED BY item_state_day " +
		"WHERE deck = ? AND last_review >= ? AND last_review < ?"
	sqlLearning = "SELECT card, item, " + stateCols + " FROM item_state INDEXED BY item_state_today " +
		"WHERE deck = ? AND state IN (" + itoa(fsrs.Learning) + ", " + itoa(fsrs.Relearning) + ") " +
		"AND suspended = 0 AND due < ?"
	sqlDueReviews = "SELECT card, item, " + stateCols + " FROM item_state INDEXED BY item_state_today " +
		"WHERE deck = ? AND state = " + itoa(fsrs.Review) + " AND suspended = 0 AND due < ? ORDER BY due"
	sqlReviewsFrom = "SELECT card, item, " + stateCols + " FROM item_state INDEXED BY item_state_today " +
		"WHERE deck = ? AND state = " + itoa(fsrs.Review) + " AND suspended = 0 AND due >= ? ORDER BY due"
	sqlCardStates = "SELECT card, item, " + stateCols + " FROM item_state WHERE deck = ? AND card IN "
	sqlFrontier   = "SELECT cards FROM new_frontier WHERE deck = ? AND content = ?"
	sqlSetFront   = "INSERT INTO new_frontier (deck, content, cards) VALUES (?, ?, ?) " +
		"ON CONFLICT (deck) DO UPDATE SET content = excluded.content, cards = excluded.cards"
	sqlNewToday    = "SELECT cards FROM new_today WHERE deck = ? AND day = ?"
	sqlAddNewToday = "INSERT INTO new_today (deck, day, cards) VALUES (?, ?, ?) " +
		"ON CONFLICT (deck) DO UPDATE SET cards = excluded.cards + " +
		"CASE WHEN day = excluded.day THEN new_today.cards ELSE 0 END, day = excluded.day"
)

// itoa is an fsrs.State as SQL.
func itoa(s fsrs.State) string { return fmt.Sprint(int(s)) }

// Row is one stored item state.
type Row struct {
	Card, Item string
	State      quiz.ItemState
}

// Answered returns the deck's states last reviewed from start to before
// end: the items answered that day.
func (db *DB) Answered(deck string, start, end time.Time) ([]Row, error) {
	return db.rows(deck, sqlAnswered, deck, start.UnixMilli(), end.UnixMilli())
}

// Learning returns the deck's items in (re)learning steps that are not
// suspended and are due before end.
func (db *DB) Learning(deck string, end time.Time) ([]Row, error) {
	return db.rows(deck, sqlLearning, deck, end.UnixMilli())
}

// DueReviews calls fn with the deck's reviews that are not suspended and
// are due before end, earliest due first, until fn returns false.
func (db *DB) DueReviews(deck string, end time.Time, fn func(Row) bool) error {
	return db.eachRow(deck, func(r Row) error {
		if !fn(r) {
			return errStop
		}
		return nil
	}, sqlDueReviews, deck, end.UnixMilli())
}

// ReviewsFrom calls fn with the deck's reviews that are not suspended and
// are due at start or later, earliest due first, until fn returns false:
// what studying ahead takes.
func (db *DB) ReviewsFrom(deck string, start time.Time, fn func(Row) bool) error {
	return db.eachRow(deck, func(r Row) error {
		if !fn(r) {
			return errStop
		}
		return nil
	}, sqlReviewsFrom, deck, start.UnixMilli())
}

// cardsPerQuery is how many cards CardStates asks for in one query.
const cardsPerQuery = 200

// CardStates returns every stored state of the deck's cards.
func (db *DB) CardStates(deck string, cards []string) ([]Row, error) {
	var out []Row
	for len(cards) > 0 {
		n := min(len(cards), cardsPerQuery)
		args := []any{deck}
		for _, c := range cards[:n] {
			args = append(args, c)
		}
		rows, err := db.rows(deck, sqlCardStates+"("+params(n)+")", args...)
		if err != nil {
			return nil, err
		}
		out, cards = append(out, rows...), cards[n:]
	}
	return out, nil
}

// Frontier returns how many of the deck's first cards, in the version of
// the deck whose content hash is content, have no item that is new and
// not suspended, as SetFrontier last said; 0 when nothing is known (a
// state became new again since, or the deck changed).
func (db *DB) Frontier(deck, content string) (int, error) {
	if n, ok := db.front.get(db, deck, content); ok {
		return n, nil
	}
	var n int
	err := db.sql.QueryRow(sqlFrontier, deck, content).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read deck %q from %s: %w", deck, db.path, explain(err))
	}
	return n, nil
}

// SetFrontier says that the first cards of the deck (in the version whose
// content hash is content) have no item that is new and not suspended.
// With now it is saved at once; else with the next review Record saves,
// at no cost of its own, if nothing else is written before, and Frontier
// returns it meanwhile. Like every write, saving at once waits for the
// check of the file at open, and writes nothing into a damaged file.
func (db *DB) SetFrontier(deck, content string, cards int, now bool) error {
	if db.readOnly {
		return fmt.Errorf("save deck %q: %w", deck, ErrReadOnly)
	}
	if now {
		if err := db.writable(); err != nil {
			return fmt.Errorf("save deck %q: %w", deck, err)
		}
		if _, err := db.sql.Exec(sqlSetFront, deck, content, cards); err != nil {
			return fmt.Errorf("save deck %q in %s: %w", deck, db.path, explain(err))
		}
		return nil
	}
	changes, err := db.changes(db.sql)
	if err != nil {
		return fmt.Errorf("save deck %q in %s: %w", deck, db.path, explain(err))
	}
	db.front.mu.Lock()
	defer db.front.mu.Unlock()
	db.front.next = &frontier{deck: deck, content: content, cards: cards, changes: changes}
	return nil
}

// NewToday returns how many new items AddNewToday added to the deck's
// limit for the study day starting at day; 0 when none.
func (db *DB) NewToday(deck string, day time.Time) (int, error) {
	var n int
	err := db.sql.QueryRow(sqlNewToday, deck, day.UnixMilli()).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read deck %q from %s: %w", deck, db.path, explain(err))
	}
	return n, nil
}

// AddNewToday adds n (above 0) new items to the deck's limit for the
// study day starting at day, saved at once: a restart the same day keeps
// them, the next day forgets them.
func (db *DB) AddNewToday(deck string, day time.Time, n int) error {
	if db.readOnly {
		return fmt.Errorf("save deck %q: %w", deck, ErrReadOnly)
	}
	if _, err := db.sql.Exec(sqlAddNewToday, deck, day.UnixMilli(), n); err != nil {
		return fmt.Errorf("save deck %q in %s: %w", deck, db.path, explain(err))
	}
	return nil
}

// frontiers holds the frontier SetFrontier gave until a Record saves it.
type frontiers struct {
	mu   sync.Mutex
	next *frontier
}

// frontier is a deck's new-item frontier, valid while the connection's
// count of changes is what it was.
type frontier struct {
	deck, content string
	cards         int
	changes       int64
}

// get returns the waiting frontier of the deck while it holds.
func (f *frontiers) get(db *DB, deck, content string) (int, bool) {
	f.mu.Lock()
	next := f.next
	f.mu.Unlock()
	if next == nil || next.deck != deck || next.content != content {
		return 0, false
	}
	changes, err := db.changes(db.sql)
	return next.cards, err == nil && changes == next.changes
}

// save writes the waiting frontier in tx, before tx changes anything, if
// nothing was written since it was given.
func (f *frontiers) save(db *DB, tx *sql.Tx) error {
	f.mu.Lock()
	next := f.next
	f.next = nil
	f.mu.Unlock()
	if next == nil {
		return nil
	}
	if changes, err := db.changes(tx); err != nil || changes != next.changes {
		return err
	}
	_, err := tx.Exec(sqlSetFront, next.deck, next.content, next.cards)
	return err
}

// changes is the count of rows the writer's connection has changed.
func (db *DB) changes(q interface {
	QueryRow(string, ...any) *sql.Row
}) (int64, error) {
	var n int64
	err := q.QueryRow("SELECT total_changes()").Scan(&n)
	return n, err
}

// errStop ends eachRow early without an error.
var errStop = errors.New("stop")

// rows returns the states a query of "card, item, stateCols" selects.
func (db *DB) rows(deck, query string, args ...any) ([]Row, error) {
	var out []Row
	err := db.eachRow(deck, func(r Row) error {
		out = append(out, r)
		return nil
	}, query, args...)
	return out, err
}

// eachRow calls fn with each state a query of "card, item, stateCols"
// selects, until fn returns an error: errStop ends it quietly.
func (db *DB) eachRow(deck string, fn func(Row) error, query string, args ...any) error {
	rows, err := db.sql.Query(query, args...)
	if err != nil {
		return fmt.Errorf("read states of deck %q from %s: %w", deck, db.path, explain(err))
	}
	if err := db.scanRows(rows, deck, fn); !errors.Is(err, errStop) {
		return err
	}
	return nil
}

// scanRows calls fn with each row of a query of "card, item, stateCols"
// until fn returns an error, which it returns, and closes the rows.
func (db *DB) scanRows(rows *sql.Rows, deck string, fn func(Row) error) error {
	defer rows.Close()
	// Scanning into any takes the driver's values as they are: scanning
	// into sql.Null* goes through reflection, column by column, and a deck
	// can have 100,000 states.
	var raw [13]any
	dest := make([]any, len(raw))
	for i := range raw {
		dest[i] = &raw[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("read states of deck %q from %s: %w", deck, db.path, explain(err))
		}
		var r Row
		var st stateRow
		if err := errors.Join(text(raw[0], &r.Card), text(raw[1], &r.Item), st.set(raw[2:])); err != nil {
			return fmt.Errorf("read states of deck %q from %s: %w", deck, db.path, err)
		}
		var err error
		if r.State, err = st.itemState(); err != nil {
			return damagedRow(db.path, "the state of "+deck+"/"+r.Card+"/"+r.Item, err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read states of deck %q from %s: %w", deck, db.path, explain(err))
	}
	return nil
}
