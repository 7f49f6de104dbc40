package store

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// answer is a review of deck/card/fact at base+min minutes, from an item
// in state before (nil: new) with an interval of days.
func answer(deck, card string, min int, rating fsrs.Rating, ms int64, mode quiz.Mode, before fsrs.State, days uint64) *quiz.Review {
	r := review(card, quiz.ItemFact, int64(min), mode, nil)
	r.Item.Deck, r.Rating = deck, rating
	r.ReviewedAt, r.Duration = base.Add(time.Duration(min)*time.Minute), time.Duration(ms)*time.Millisecond
	if before != fsrs.New {
		r.Before = &quiz.ItemState{Card: fsrs.Card{Due: base, State: before, ScheduledDays: days}}
	}
	r.After = quiz.ItemState{Card: fsrs.Card{Due: base.Add(time.Duration(min) * time.Hour), State: fsrs.Review, Lapses: uint64(min)}}
	return r
}

// statsLog is the log TestStatsRows and TestMigrationCountsAnswers
// record: base is 09:30 UTC, so minutes 0-14 are one quarter hour and
// 15-29 the next.
func statsLog() []*quiz.Review {
	return []*quiz.Review{
		answer("article", "c1", 0, fsrs.Good, 1000, quiz.ModeReview, fsrs.New, 0),
		answer("article", "c1", 5, fsrs.Again, 2000, quiz.ModeReview, fsrs.Review, 20),   // young
		answer("article", "c1", 20, fsrs.Good, 3000, quiz.ModeReview, fsrs.Review, 21),   // mature
		answer("article", "c2", 21, fsrs.Hard, 4000, quiz.ModePractice, fsrs.Review, 30), // practice: neither
		answer("other", "c3", 1, fsrs.Easy, 500, quiz.ModeReview, fsrs.Learning, 0),
	}
}

// slotAt is the quarter hour starting min minutes after base.
func slotAt(min int) time.Time { return base.Add(time.Duration(min) * time.Minute) }

// itemAt is the state answer(deck, card, min, ...) leaves.
func itemAt(deck, card string, min int) ItemProgress {
	return ItemProgress{ID: quiz.ItemID{Deck: deck, Card: card, Item: quiz.ItemFact}, State: fsrs.Review,
		Due: base.Add(time.Duration(min) * time.Hour), Lapses: min}
}

// statsRows reads the rows of deck ("" for all: article and other) or
// fails the test; the answers on items in review are those from base.
func statsRows(t *testing.T, db *DB, deck string) *StatsRows {
	t.Helper()
	scope := StatsScope{Deck: deck, Items: []string{deck}, Since: []time.Time{base}, Until: base.Add(time.Hour)}
	if deck == "" {
		scope.Items = []string{"article", "other"}
	}
	r, err := db.StatsRows(scope)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestStatsRows(t *testing.T) {
	db := openW(t, t.TempDir())
	log := statsLog()
	for _, r := range log {
		record(t, db, r)
	}
	want := &StatsRows{
		Slots:     []AnswerSlot{{Start: slotAt(0), Answers: 2, TimeMS: 3000}, {Start: slotAt(15), Answers: 2, TimeMS: 7000}},
		Retention: []ReviewAnswers{{Young: 1, Mature: 1, MatureCorrect: 1}},
		Cards:     []CardAnswers{{"article", "c1", 3, 2}, {"article", "c2", 1, 1}},
		Items:     []ItemProgress{itemAt("article", "c1", 20)},
	}
	if got := statsRows(t, db, "article"); !reflect.DeepEqual(got, want) {
		t.Errorf("article's rows =\n%+v\nwant\n%+v", got, want)
	}
	all := statsRows(t, db, "")
	if len(all.Slots) != 3 || len(all.Cards) != 3 || len(all.Items) != 2 { // other's counted apart
		t.Errorf("every deck's rows = %+v, want other's too", all)
	}

	// Undoing takes the counts back; a quarter hour or a card left with
	// no answer is gone.
	for _, r := range []*quiz.Review{log[3], log[2]} {
		if err := db.Unrecord(r); err != nil {
			t.Fatal(err)
		}
	}
	want.Slots, want.Cards = want.Slots[:1], []CardAnswers{{"article", "c1", 2, 1}}
	want.Retention = []ReviewAnswers{{Young: 1}}
	want.Items = []ItemProgress{{ID: log[2].Item, State: fsrs.Review, Due: base}} // as before log[2]
	if got := statsRows(t, db, "article"); !reflect.DeepEqual(got, want) {
		t.Errorf("after undoing: article's rows =\n%+v\nwant\n%+v", got, want)
	}
}

// TestMigrationCountsAnswers opens a database written with schema 1 (the
// answer counts did not exist): it is migrated, keeps every row, and
// counts its answers as if they had been recorded since.
func TestMigrationCountsAnswers(t *testing.T) {
	old, fresh := t.TempDir(), t.TempDir()
	db := openAtVersionBefore(t, old, "CREATE TABLE answer_slot")
	for _, r := range statsLog() {
		record(t, db, r)
	}
	before := kept{reviews: allReviews(t, db), items: states(t, db)}
	db.Close()

	db = openW(t, old)
	checkMigrated(t, db, before)
	want := openW(t, fresh)
	for _, r := range statsLog() {
		record(t, want, r)
	}
	if got, want := statsRows(t, db, ""), statsRows(t, want, ""); !reflect.DeepEqual(got, want) {
		t.Errorf("migrated rows =\n%+v\nwant, as recorded\n%+v", got, want)
	}
}

func TestUnsuspend(t *testing.T) {
	dir := t.TempDir()
	db := openW(t, dir)
	leech := answer("article", "c1", 0, fsrs.Again, 1000, quiz.ModeReview, fsrs.Review, 3)
	leech.After.Suspended = true
	record(t, db, leech)
	db.Close()
	ro := openR(t, dir)
	if _, err := ro.Unsuspend(leech.Item); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only Unsuspend: %v, want ErrReadOnly", err)
	}
	ro.Close()
	db = openW(t, dir)
	for i, want := range []bool{true, false} { // suspended, then no longer
		if was, err := db.Unsuspend(leech.Item); err != nil || was != want {
			t.Errorf("Unsuspend #%d = %v, %v; want %v", i+1, was, err, want)
		}
	}
	if _, err := db.Unsuspend(quiz.ItemID{Deck: "article", Card: "c1", Item: "ko-en"}); !errors.Is(err, ErrNoItem) {
		t.Errorf("Unsuspend of an item never studied: %v, want ErrNoItem", err)
	}
	if items := statsRows(t, db, "").Items; len(items) != 1 || items[0].Suspended {
		t.Errorf("after Unsuspend: %+v, want the item not suspended", items)
	}
}
