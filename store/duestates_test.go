package store

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestDueStates: DueStates holds every state due before the day's end or
// reviewed since its start, each as States has it, and counts every state
// of the deck; the states of other decks are neither read nor counted.
func TestDueStates(t *testing.T) {
	dir := t.TempDir()
	db := openW(t, dir)
	start := time.Date(2026, 3, 2, 4, 0, 0, 0, time.UTC)
	end := start.Add(24 * time.Hour)
	ms := time.Millisecond
	times := []time.Time{start.Add(-48 * time.Hour), start.Add(-ms), start, start.Add(ms),
		start.Add(9 * time.Hour), end.Add(-ms), end, end.Add(ms), end.Add(72 * time.Hour)}
	n := 0
	for _, due := range times {
		for _, last := range append(times[:5:5], time.Time{}) {
			r := review(fmt.Sprintf("c%d", n), quiz.ItemFact, int64(n), quiz.ModeReview, nil)
			r.After.Card.Due, r.After.Card.LastReview = due, last
			record(t, db, r)
			n++
		}
	}
	other := review("moat", quiz.ItemFact, 1, quiz.ModeReview, nil)
	other.Item.Deck = "other"
	record(t, db, other)

	for _, tc := range []struct {
		name string
		db   *DB
	}{{"writer", db}, {"reader", openR(t, dir)}} {
		t.Run(tc.name, func(t *testing.T) {
			all, err := tc.db.States("article")
			if err != nil {
				t.Fatal(err)
			}
			due, stored, err := tc.db.DueStates("article", start, end)
			if err != nil {
				t.Fatal(err)
			}
			if stored != len(all) || stored != n {
				t.Errorf("stored = %d, want %d (States has %d)", stored, n, len(all))
			}
			for id, st := range all {
				lr := st.Card.LastReview
				wanted := st.Card.Due.Before(end) || (!lr.IsZero() && !lr.Before(start))
				got, ok := due[id]
				if wanted && !ok {
					t.Errorf("%s (due %v, last review %v) is missing", id, st.Card.Due, lr)
				}
				if ok && !reflect.DeepEqual(got, st) {
					t.Errorf("%s = %+v, States has %+v", id, got, st)
				}
			}
			for id := range due {
				if _, ok := all[id]; !ok {
					t.Errorf("DueStates holds %s, States does not", id)
				}
			}
			if len(due) >= len(all) {
				t.Errorf("DueStates read all %d states", len(all))
			}
		})
	}
}
