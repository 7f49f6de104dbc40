package store

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestMigrationToResets: a database from before resets were kept (a copy
// made at the version before reset_event) is migrated in place with its
// log and states; a reset then keeps an event, after the item's latest
// review, and its undo puts the state back and the event among the undone,
// so that no sync brings it back; a flag keeps an event too.
func TestMigrationToResets(t *testing.T) {
	db, items := migratedStatsLog(t, "CREATE TABLE reset_event")
	log := allReviews(t, db)
	id := log[0].Item
	var last time.Time
	for _, r := range log {
		if r.Item == id {
			last = r.ReviewedAt
		}
	}
	r, err := db.Reset([]quiz.ItemID{id}, last.Add(-time.Hour)) // a clock behind the review
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := states(t, db)[id]; ok {
		t.Errorf("%s is not new after its reset", id)
	}
	var events []ResetEvent
	db.ResetEvents(func(e ResetEvent) error { events = append(events, e); return nil })
	if want := []ResetEvent{{Item: id, At: last.Add(time.Millisecond)}}; !reflect.DeepEqual(events, want) {
		t.Errorf("reset events = %+v, want %+v: after the item's last review", events, want)
	}
	notReplayed := func([]quiz.Review) (*quiz.ItemState, error) { // the state from before is put back
		return nil, errors.New("replayed, though nothing of the item changed since its reset")
	}
	if err := db.Restore(r, notReplayed); err != nil {
		t.Fatal(err)
	}
	if got := states(t, db)[id]; !reflect.DeepEqual(got, items[id]) {
		t.Errorf("after the undo %s is %+v, want %+v", id, got, items[id])
	}
	undone, _ := db.Undone()
	if !slices.Equal(undone, []string{events[0].UID()}) {
		t.Errorf("undone = %v, want the reset's uid %s", undone, events[0].UID())
	}
	replay := quiz.NewReplayer(quiz.DefaultScheduling()).Replay
	if _, err := db.Merge(Merge{Resets: events}, replay); err != nil {
		t.Fatal(err)
	}
	if got := states(t, db)[id]; !reflect.DeepEqual(got, items[id]) {
		t.Errorf("a merge brought the undone reset back: %s is %+v", id, got)
	}
	if _, err := db.Reset([]quiz.ItemID{id}, last.Add(-time.Hour)); err != nil { // made again, the clock still behind
		t.Fatal(err)
	}
	events = nil
	db.ResetEvents(func(e ResetEvent) error { events = append(events, e); return nil })
	if want := []ResetEvent{{Item: id, At: last.Add(2 * time.Millisecond)}}; !reflect.DeepEqual(events, want) {
		t.Errorf("reset events = %+v, want %+v: off the moment of the reset undone", events, want)
	}
	flagged := CardID{Deck: id.Deck, Card: id.Card}
	if _, err := db.SetFlags(map[CardID]int{flagged: 2}, last); err != nil {
		t.Fatal(err)
	}
	var marks []MarkEvent
	db.MarkEvents(func(e MarkEvent) error { marks = append(marks, e); return nil })
	if want := []MarkEvent{{Card: flagged, Kind: MarkFlag, At: last, Value: 2}}; !reflect.DeepEqual(marks, want) {
		t.Errorf("mark events = %+v, want %+v", marks, want)
	}
}
