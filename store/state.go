package store

import (
	"database/sql"
	"fmt"
	"math"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// stateCols are the columns of an item state, in the order of stateArgs
// and stateRow; the review log has them twice, plain (after the review)
// and with a before_ prefix.
const stateCols = "due, stability, difficulty, scheduled_days, reps, lapses, state, " +
	"last_review, remaining_steps, suspended, introduced"

// beforeCols are stateCols with the before_ prefix.
const beforeCols = "before_due, before_stability, before_difficulty, before_scheduled_days, " +
	"before_reps, before_lapses, before_state, before_last_review, before_remaining_steps, " +
	"before_suspended, before_introduced"

// stateArgs are the values of stateCols for s.
func stateArgs(s quiz.ItemState) []any {
	c := s.Card
	return []any{
		c.Due.UnixMilli(), c.Stability, c.Difficulty, c.ScheduledDays, c.Reps, c.Lapses,
		int64(c.State), nullMS(c.LastReview), int64(c.RemainingSteps), boolInt(s.Suspended),
		nullMS(s.Introduced),
	}
}

// beforeArgs are the values of beforeCols: NULLs for a new item.
func beforeArgs(s *quiz.ItemState) []any {
	if s == nil {
		return make([]any, 11)
	}
	return stateArgs(*s)
}

// stateRow scans the columns of stateCols; every field is NULL for a
// missing before state.
type stateRow struct {
	due, scheduled, reps, lapses, state, lastReview, steps, suspended, introduced sql.NullInt64
	stability, difficulty                                                         sql.NullFloat64
}

// dest are the scan destinations, in stateCols order.
func (r *stateRow) dest() []any {
	return []any{&r.due, &r.stability, &r.difficulty, &r.scheduled, &r.reps, &r.lapses,
		&r.state, &r.lastReview, &r.steps, &r.suspended, &r.introduced}
}

// set fills the row from the driver's values of stateCols, in order: the
// fast way to scan (see DB.States).
func (r *stateRow) set(vals []any) error {
	ints := []*sql.NullInt64{&r.due, nil, nil, &r.scheduled, &r.reps, &r.lapses, &r.state,
		&r.lastReview, &r.steps, &r.suspended, &r.introduced}
	if len(vals) != len(ints) {
		return fmt.Errorf("%d values for %d state columns", len(vals), len(ints))
	}
	for i, v := range vals {
		var err error
		switch i {
		case 1:
			err = realValue(v, &r.stability)
		case 2:
			err = realValue(v, &r.difficulty)
		default:
			err = intValue(v, ints[i])
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// intValue converts a driver value of an INTEGER column.
func intValue(v any, dst *sql.NullInt64) error {
	switch v := v.(type) {
	case nil:
		*dst = sql.NullInt64{}
	case int64:
		*dst = sql.NullInt64{Int64: v, Valid: true}
	default:
		return fmt.Errorf("%w: an integer column holds %T", ErrDamaged, v)
	}
	return nil
}

// realValue converts a driver value of a REAL column.
func realValue(v any, dst *sql.NullFloat64) error {
	switch v := v.(type) {
	case nil:
		*dst = sql.NullFloat64{}
	case float64:
		*dst = sql.NullFloat64{Float64: v, Valid: true}
	case int64:
		*dst = sql.NullFloat64{Float64: float64(v), Valid: true}
	default:
		return fmt.Errorf("%w: a real column holds %T", ErrDamaged, v)
	}
	return nil
}

// text converts a driver value of a TEXT column.
func text(v any, dst *string) error {
	switch v := v.(type) {
	case string:
		*dst = v
	case []byte:
		*dst = string(v)
	default:
		return fmt.Errorf("%w: a text column holds %T", ErrDamaged, v)
	}
	return nil
}

// present reports whether the row holds a state (not all NULL).
func (r *stateRow) present() bool { return r.due.Valid }

// itemState converts a scanned row. The schema's CHECKs keep the values
// in range, but a row edited by hand is reported (the caller names the
// row: see damagedRow), not trusted.
func (r *stateRow) itemState() (quiz.ItemState, error) {
	if err := r.check(); err != nil {
		return quiz.ItemState{}, err
	}
	return quiz.ItemState{
		Card: fsrs.Card{
			Due:            fromMS(r.due.Int64),
			Stability:      r.stability.Float64,
			Difficulty:     r.difficulty.Float64,
			ScheduledDays:  uint64(r.scheduled.Int64),
			Reps:           uint64(r.reps.Int64),
			Lapses:         uint64(r.lapses.Int64),
			State:          fsrs.State(r.state.Int64),
			LastReview:     fromNullMS(r.lastReview),
			RemainingSteps: int(r.steps.Int64),
		},
		Suspended:  r.suspended.Int64 != 0,
		Introduced: fromNullMS(r.introduced),
	}, nil
}

// The range of stored times: what time.Time, JSON and the screens show
// (years 1 to 9999; the zero time is year 1).
const (
	minMS = -62135596800000
	maxMS = 253402300799999
)

// check returns an error naming the first value out of the range
// moatquiz writes: a cheap test of each column, done as rows are read.
func (r *stateRow) check() error {
	ints := [...]struct {
		name   string
		v      sql.NullInt64
		lo, hi int64
	}{
		{"due", r.due, minMS, maxMS}, {"last review", r.lastReview, minMS, maxMS},
		{"introduced", r.introduced, minMS, maxMS}, {"scheduled days", r.scheduled, 0, math.MaxInt64},
		{"reps", r.reps, 0, math.MaxInt64}, {"lapses", r.lapses, 0, math.MaxInt64},
		{"state", r.state, int64(fsrs.New), int64(fsrs.Relearning)},
		{"remaining steps", r.steps, 0, math.MaxInt32}, {"suspended", r.suspended, 0, 1},
	}
	for _, c := range ints {
		if c.v.Valid && (c.v.Int64 < c.lo || c.v.Int64 > c.hi) {
			return fmt.Errorf("its %s %d is out of range", c.name, c.v.Int64)
		}
	}
	// go-fsrs keeps stability at most 36,500 days and difficulty at most
	// 10; a new item has 0 of both. NaN fails the test too.
	if s := r.stability.Float64; !(s >= 0 && s <= 1e5) {
		return fmt.Errorf("its stability %g is out of range", s)
	}
	if d := r.difficulty.Float64; !(d >= 0 && d <= 10) {
		return fmt.Errorf("its difficulty %g is out of range", d)
	}
	return nil
}

// fromMS is the UTC time of Unix milliseconds.
func fromMS(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// nullMS is t in Unix milliseconds, NULL for the zero time.
func nullMS(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMilli(), Valid: true}
}

// fromNullMS is the inverse of nullMS.
func fromNullMS(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return fromMS(v.Int64)
}

// toMS rounds t down to a whole millisecond in UTC, as it is stored; the
// zero time stays zero.
func toMS(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return fromMS(t.UnixMilli())
}

// boolInt is 1 for true, 0 for false.
func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// msDuration is a duration of ms milliseconds.
func msDuration(ms int64) time.Duration { return time.Duration(ms) * time.Millisecond }
