package store

import (
	"database/sql"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// StatsScope says which rows StatsRows reads.
type StatsScope struct {
	Deck  string   // whose answers: one deck's, or every deck's when ""
	Items []string // the decks whose item states to read
	// Since are the starts of periods whose answers on items in review
	// are summed, each up to Until.
	Since []time.Time
	Until time.Time
}

// StatsRows are the rows the statistics are computed from (package
// stats), read in one transaction.
type StatsRows struct {
	Slots     []AnswerSlot    // the answers per deck and quarter hour, in no order
	Retention []ReviewAnswers // the answers on items in review, one per StatsScope.Since
	Cards     []CardAnswers   // the answers per card
	Items     []ItemProgress  // the stored item states of StatsScope.Items
}

// AnswerSlot counts the answers of one deck in a quarter hour of UTC
// time: one never straddles a study day's start, in any time zone.
type AnswerSlot struct {
	Start   time.Time
	Answers int
	TimeMS  int64 // time spent answering
}

// ReviewAnswers count the answers on items in review, practice left
// out, by the interval they were reviewed at (mature: 21 days or more),
// and how many of them were correct (not Again).
type ReviewAnswers struct {
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
	sqlAnswerSlots = "SELECT slot, answers, time_ms FROM answer_slot WHERE %s"
	sqlRetention   = "SELECT coalesce(sum(young), 0), coalesce(sum(young_correct), 0), " +
		"coalesce(sum(mature), 0), coalesce(sum(mature_correct), 0) " +
		"FROM answer_slot WHERE slot >= ? AND slot < ? AND %s"
	sqlCardAnswers  = "SELECT deck, card, answers, correct FROM answer_card WHERE %s"
	sqlItemProgress = "SELECT card, item, state, suspended, due, lapses FROM item_state WHERE deck = ?"
)

// slotMS is the width of answer_slot's slots (migration 2).
const slotMS = 15 * 60 * 1000

// StatsRows reads the rows of scope. It only reads, so it works on a
// store opened read-only.
func (db *DB) StatsRows(scope StatsScope) (*StatsRows, error) {
	r, err := db.statsRows(scope)
	if errors.Is(err, errOutOfRange) {
		return nil, &FileError{Path: db.path, Err: ErrDamaged, Detail: err.Error()}
	}
	if err != nil {
		return nil, fmt.Errorf("stats from %s: %w", db.path, explain(err))
	}
	return r, nil
}

// statsRows is StatsRows' transaction.
func (db *DB) statsRows(scope StatsScope) (*StatsRows, error) {
	where, args := "1", []any{}
	if scope.Deck != "" {
		where, args = "deck = ?", []any{scope.Deck}
	}
	tx, err := db.sql.Begin()
	if err != nil {
		return nil, err
	}
	defer tx.Rollback() //nolint:errcheck // a read-only transaction
	r := &StatsRows{Retention: make([]ReviewAnswers, len(scope.Since))}
	for i, since := range scope.Since {
		a := &r.Retention[i]
		q := fmt.Sprintf(sqlRetention, where)
		period := []any{since.UnixMilli() / slotMS, scope.Until.UnixMilli() / slotMS}
		if err := tx.QueryRow(q, append(period, args...)...).Scan(&a.Young, &a.YoungCorrect, &a.Mature, &a.MatureCorrect); err != nil {
			return nil, err
		}
	}
	if err := scanAll(tx, fmt.Sprintf(sqlAnswerSlots, where), args, r.addSlot); err != nil {
		return nil, err
	}
	if err := scanAll(tx, fmt.Sprintf(sqlCardAnswers, where), args, r.addCard); err != nil {
		return nil, err
	}
	for _, deck := range scope.Items {
		if err := scanAll(tx, sqlItemProgress, []any{deck}, r.itemAdder(deck)); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// scanAll runs a query and hands each row's driver values to add:
// scanning into any is the fast way (see DB.States).
func scanAll(tx *sql.Tx, query string, args []any, add func([]any) error) error {
	rows, err := tx.Query(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals, dest := make([]any, len(cols)), make([]any, len(cols))
	for i := range vals {
		dest[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if err := add(vals); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ints converts the driver values of INTEGER columns, from the first.
func ints(vals []any, dst ...*int64) error {
	for i, d := range dst {
		v, ok := vals[i].(int64)
		if !ok {
			return fmt.Errorf("%w: an integer column holds %T", ErrDamaged, vals[i])
		}
		*d = v
	}
	return nil
}

// addSlot adds a row of sqlAnswerSlots.
func (r *StatsRows) addSlot(vals []any) error {
	var slot, answers, ms int64
	if err := ints(vals, &slot, &answers, &ms); err != nil {
		return err
	}
	if err := inRange("answer_slot", []bound{{"slot", slot, minMS / slotMS, maxMS / slotMS},
		{"answers", answers, 0, math.MaxInt32}, {"time", ms, 0, math.MaxInt64}}); err != nil {
		return err
	}
	r.Slots = append(r.Slots, AnswerSlot{Start: fromMS(slot * slotMS), Answers: int(answers), TimeMS: ms})
	return nil
}

// addCard adds a row of sqlCardAnswers.
func (r *StatsRows) addCard(vals []any) error {
	var c CardAnswers
	var answers, correct int64
	if err := errors.Join(text(vals[0], &c.Deck), text(vals[1], &c.Card),
		ints(vals[2:], &answers, &correct)); err != nil {
		return err
	}
	if err := inRange("the answers on "+c.Deck+"/"+c.Card, []bound{{"answers", answers, 0, math.MaxInt32},
		{"correct", correct, 0, answers}}); err != nil {
		return err
	}
	c.Answers, c.Correct = int(answers), int(correct)
	r.Cards = append(r.Cards, c)
	return nil
}

// itemAdder adds the rows of sqlItemProgress of deck.
func (r *StatsRows) itemAdder(deck string) func([]any) error {
	return func(vals []any) error {
		it := ItemProgress{ID: quiz.ItemID{Deck: deck}}
		var state, suspended, due, lapses int64
		if err := errors.Join(text(vals[0], &it.ID.Card), text(vals[1], &it.ID.Item),
			ints(vals[2:], &state, &suspended, &due, &lapses)); err != nil {
			return err
		}
		if err := inRange("the state of "+it.ID.String(), []bound{{"state", state, int64(fsrs.New), int64(fsrs.Relearning)},
			{"suspended", suspended, 0, 1}, {"due", due, minMS, maxMS}, {"lapses", lapses, 0, math.MaxInt32}}); err != nil {
			return err
		}
		it.State, it.Suspended, it.Due, it.Lapses = fsrs.State(state), suspended != 0, fromMS(due), int(lapses)
		r.Items = append(r.Items, it)
		return nil
	}
}

// bound is the range moatquiz writes an integer column in.
type bound struct {
	name      string
	v, lo, hi int64
}

// errOutOfRange marks a value moatquiz never writes, read by StatsRows.
var errOutOfRange = errors.New("out of range")

// inRange says which value of row is out of its bound: the statistics
// refuse what the schedule would (see stateRow.check).
func inRange(row string, bounds []bound) error {
	for _, b := range bounds {
		if b.v < b.lo || b.v > b.hi {
			return fmt.Errorf("%s: its %s %d is %w", row, b.name, b.v, errOutOfRange)
		}
	}
	return nil
}

// ErrNoItem is returned by Unsuspend for an item with no stored state.
var ErrNoItem = errors.New("no such item in the progress")

// Unsuspend schedules a suspended item (a leech) again, as SetSuspended
// does, now. It reports
// whether the item was suspended, and ErrNoItem when it has no stored
// state.
func (db *DB) Unsuspend(id quiz.ItemID) (bool, error) {
	if err := db.writable(); err != nil {
		return false, fmt.Errorf("unsuspend %s: %w", id, err)
	}
	changed, err := db.SetSuspended([]quiz.ItemID{id}, false, time.Now())
	if err != nil || len(changed) > 0 {
		return len(changed) > 0, err
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
