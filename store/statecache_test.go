package store

import (
	"reflect"
	"testing"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestStatesCache: a writer's States stays exactly what the database
// holds, whatever wrote to it, and what a caller does to the map it got
// changes nothing.
func TestStatesCache(t *testing.T) {
	dir := t.TempDir()
	db := openW(t, dir)
	first := review("moat", "fact", 1, quiz.ModeReview, nil)
	record(t, db, first)
	id := first.Item
	want := map[quiz.ItemID]quiz.ItemState{id: first.After}
	check := func(when string) {
		t.Helper()
		if got := states(t, db); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: States = %+v, want %+v", when, got, want)
		}
	}
	check("after a review")
	got := states(t, db)
	delete(got, id)
	check("after the caller changed its map")

	prev := first.After
	second := review("moat", "fact", 2, quiz.ModeReview, &prev)
	record(t, db, second)
	want[id] = second.After
	check("after another review")

	if err := db.Unrecord(second); err != nil {
		t.Fatal(err)
	}
	want[id] = first.After
	check("after an undo")

	if _, err := db.sql.Exec("UPDATE item_state SET reps = reps + 5"); err != nil {
		t.Fatal(err)
	}
	st := want[id]
	st.Card.Reps += 5
	want[id] = st
	check("after a change made by SQL")

	other := openR(t, dir)
	if got, err := other.States("article"); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("a reader's States = %+v, %v; want %+v", got, err, want)
	}
}
