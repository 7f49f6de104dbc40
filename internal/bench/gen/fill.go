package gen

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
)

// The store's columns (store/schema.go, migration 1), in the order the
// rows below give them.
const (
	stateCols  = "due, stability, difficulty, scheduled_days, reps, lapses, state, last_review, remaining_steps, suspended, introduced"
	beforeCols = "before_due, before_stability, before_difficulty, before_scheduled_days, before_reps, before_lapses, " +
		"before_state, before_last_review, before_remaining_steps, before_suspended, before_introduced"
)

// batch is how many rows one INSERT statement writes.
const batch = 64

// Fill simulates h over deck and writes the reviews and the final item
// states into db, an open moatquiz store at the current schema (open it
// once with store.Open to create it), in one transaction. It returns the
// time of the last review.
func Fill(db *sql.DB, deck *quiz.Deck, h History) (time.Time, error) {
	tx, err := db.Begin()
	if err != nil {
		return time.Time{}, fmt.Errorf("fill: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	reviews := newInserter(tx, "INSERT INTO review (deck, card, item, rating, reviewed_at, duration_ms, typed, mode, question, "+
		stateCols+", "+beforeCols+") VALUES ", 31)
	states, last, err := Simulate(deck, h, func(r *quiz.Review) error {
		return reviews.add(reviewRow(r)...)
	})
	if err == nil {
		err = reviews.flush()
	}
	if err != nil {
		return last, fmt.Errorf("fill: %w", err)
	}
	items := newInserter(tx, "INSERT INTO item_state (deck, card, item, "+stateCols+") VALUES ", 14)
	for _, it := range deck.Items() { // in deck order, as a learner's store grows
		st, ok := states[it.ID]
		if !ok {
			continue
		}
		if err := items.add(append([]any{it.ID.Deck, it.ID.Card, it.ID.Item}, stateRow(&st)...)...); err != nil {
			return last, fmt.Errorf("fill: %w", err)
		}
	}
	if err := items.flush(); err != nil {
		return last, fmt.Errorf("fill: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return last, fmt.Errorf("fill: %w", err)
	}
	return last, nil
}

// reviewRow is a review's values in the review table's column order.
func reviewRow(r *quiz.Review) []any {
	row := []any{r.Item.Deck, r.Item.Card, r.Item.Item, int64(r.Rating), r.ReviewedAt.UnixMilli(),
		r.Duration.Milliseconds(), r.Typed, string(r.Mode), string(r.Question)}
	row = append(row, stateRow(&r.After)...)
	if r.Before == nil {
		return append(row, make([]any, 11)...)
	}
	return append(row, stateRow(r.Before)...)
}

// stateRow is an item state's values in stateCols order.
func stateRow(s *quiz.ItemState) []any {
	c := s.Card
	suspended := 0
	if s.Suspended {
		suspended = 1
	}
	return []any{c.Due.UnixMilli(), c.Stability, c.Difficulty, int64(c.ScheduledDays), int64(c.Reps),
		int64(c.Lapses), int64(c.State), nullMS(c.LastReview), int64(c.RemainingSteps), suspended,
		nullMS(s.Introduced)}
}

// nullMS is t in Unix milliseconds, NULL for the zero time.
func nullMS(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMilli()
}

// inserter writes rows batch at a time with multi-row INSERTs.
type inserter struct {
	tx     *sql.Tx
	head   string
	cols   int
	full   *sql.Stmt // a statement of batch rows, prepared when first needed
	values []any
}

func newInserter(tx *sql.Tx, head string, cols int) *inserter {
	return &inserter{tx: tx, head: head, cols: cols}
}

// add queues one row, writing the batch when it is full.
func (in *inserter) add(row ...any) error {
	if len(row) != in.cols {
		return fmt.Errorf("a row of %d values for %d columns", len(row), in.cols)
	}
	in.values = append(in.values, row...)
	if len(in.values) < batch*in.cols {
		return nil
	}
	if in.full == nil {
		st, err := in.tx.Prepare(in.sql(batch))
		if err != nil {
			return err
		}
		in.full = st
	}
	_, err := in.full.Exec(in.values...)
	in.values = in.values[:0]
	return err
}

// flush writes the rows queued.
func (in *inserter) flush() error {
	if in.full != nil {
		defer in.full.Close()
	}
	if len(in.values) == 0 {
		return nil
	}
	_, err := in.tx.Exec(in.sql(len(in.values)/in.cols), in.values...)
	in.values = in.values[:0]
	return err
}

// sql is the INSERT statement for n rows.
func (in *inserter) sql(n int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", in.cols), ", ") + ")"
	return in.head + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}
