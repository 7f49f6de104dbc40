package store

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestMigrationToUndone: a database from before undos were kept is
// migrated in place, keeps its log, and then keeps what is undone, which
// no import brings back, and suspend events in order.
func TestMigrationToUndone(t *testing.T) {
	db, _ := migratedStatsLog(t, "CREATE TABLE undone_review")
	var log []quiz.Review
	if err := db.Reviews(func(r quiz.Review) error { log = append(log, r); return nil }); err != nil {
		t.Fatal(err)
	}
	last := log[len(log)-1]
	if err := db.Unrecord(&last); err != nil {
		t.Fatal(err)
	}
	if u, err := db.Undone(); err != nil || !slices.Equal(u, []string{last.UID}) {
		t.Errorf("Undone = %v, %v; want the review undone, %s", u, err, last.UID)
	}
	replay := quiz.NewReplayer(quiz.DefaultScheduling()).Replay
	added, err := db.ImportReviews([]quiz.Review{last}, replay)
	if err != nil || len(added) != 0 {
		t.Errorf("import of the undone review added %v, %v; want nothing", added, err)
	}
	now := last.ReviewedAt.Add(time.Hour)
	if _, err := db.SetSuspended([]quiz.ItemID{log[0].Item}, true, now); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetSuspended([]quiz.ItemID{log[0].Item}, false, now); err != nil { // the browser's undo
		t.Fatal(err)
	}
	var events []SuspendEvent
	db.SuspendEvents(func(e SuspendEvent) error { events = append(events, e); return nil })
	want := []SuspendEvent{{Item: log[0].Item, At: now, Suspended: true}, {Item: log[0].Item, At: now.Add(time.Millisecond)}}
	if !reflect.DeepEqual(events, want) {
		t.Errorf("suspend events = %+v, want %+v: an undo at the same moment comes after", events, want)
	}
}

// TestSuspendAfterReviewWithClockBehind: a suspend done here comes after
// the item's reviews here even when the clock is behind them, so a later
// replay (a sync bringing an older review) keeps the item suspended.
func TestSuspendAfterReviewWithClockBehind(t *testing.T) {
	db := openW(t, t.TempDir())
	replay := quiz.NewReplayer(quiz.DefaultScheduling()).Replay
	id := quiz.ItemID{Deck: "article", Card: "moat", Item: quiz.ItemFact}
	review := func(at time.Time) quiz.Review {
		return quiz.Review{Item: id, Rating: 3, ReviewedAt: at, Mode: quiz.ModeReview, Question: quiz.QuestionFlip}
	}
	ahead := time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC)
	if _, err := db.ImportReviews([]quiz.Review{review(ahead)}, replay); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetSuspended([]quiz.ItemID{id}, true, ahead.AddDate(-3, 0, 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportReviews([]quiz.Review{review(ahead.AddDate(0, 0, -9))}, replay); err != nil {
		t.Fatal(err)
	}
	if !states(t, db)[id].Suspended {
		t.Error("the item suspended after its review is unsuspended by the replay of an older review")
	}
}
