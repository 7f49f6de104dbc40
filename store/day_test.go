package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestDayQueriesUseTheirIndexes: the study day's queries read a range of
// an index, never the whole table by its primary key, so that their cost
// follows the day and not the deck.
func TestDayQueriesUseTheirIndexes(t *testing.T) {
	db := openW(t, t.TempDir())
	for _, tc := range []struct {
		query, index string
		args         []any
	}{
		{sqlAnswered, "item_state_day", []any{"d", 1, 2}},
		{sqlLearning, "item_state_today", []any{"d", 1}},
		{sqlDueReviews, "item_state_today", []any{"d", 1}},
		{sqlReviewsFrom, "item_state_today", []any{"d", 1}},
	} {
		rows, err := db.sql.Query("EXPLAIN QUERY PLAN "+tc.query, tc.args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		got := strings.Join(plan, "; ")
		if !strings.Contains(got, "USING INDEX "+tc.index+" (deck=?") || strings.Contains(got, "TEMP B-TREE") {
			t.Errorf("%s\nplan: %s; want a range of %s, in its order", tc.query, got, tc.index)
		}
	}
}

// TestDayQueries: each query returns the states of its part of the day,
// DueReviews stops when asked, and ReviewsFrom reads on from a moment.
func TestDayQueries(t *testing.T) {
	db := openW(t, t.TempDir())
	start := base.Truncate(24 * time.Hour)
	end := start.Add(24 * time.Hour)
	put := func(card string, s fsrs.State, due, last time.Time, suspended bool) {
		r := review(card, "fact", 1, quiz.ModeReview, nil)
		r.After = quiz.ItemState{Card: fsrs.Card{State: s, Due: due, LastReview: last}, Suspended: suspended}
		record(t, db, r)
	}
	put("answered", fsrs.Review, end.Add(48*time.Hour), start, false)
	put("before", fsrs.Review, end.Add(-time.Millisecond), start.Add(-time.Millisecond), false)
	put("learning", fsrs.Learning, end.Add(-time.Hour), end, false)
	put("relearning", fsrs.Relearning, start.Add(-time.Hour), end, false)
	put("later", fsrs.Learning, end, end, false)
	put("asleep", fsrs.Review, start, end, true)
	put("first", fsrs.Review, start.Add(-time.Hour), end, false)
	cards := func(rows []Row, err error) string {
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range rows {
			ids = append(ids, r.Card)
		}
		return strings.Join(ids, " ")
	}
	if got := cards(db.Answered("article", start, end)); got != "answered" {
		t.Errorf("answered today: %s", got)
	}
	if got := cards(db.Learning("article", end)); got != "learning relearning" && got != "relearning learning" {
		t.Errorf("learning due today: %s", got)
	}
	var due []Row
	if err := db.DueReviews("article", end, func(r Row) bool { due = append(due, r); return true }); err != nil {
		t.Fatal(err)
	}
	if got := cards(due, nil); got != "first before" {
		t.Errorf("reviews due today: %s, want first before", got)
	}
	due = nil
	if err := db.DueReviews("article", end, func(r Row) bool { due = append(due, r); return false }); err != nil || len(due) != 1 {
		t.Errorf("stopped reviews: %d read, %v", len(due), err)
	}
	due = nil
	if err := db.ReviewsFrom("article", end.Add(-time.Millisecond), func(r Row) bool { due = append(due, r); return true }); err != nil {
		t.Fatal(err)
	}
	if got := cards(due, nil); got != "before answered" {
		t.Errorf("reviews due from the day's last moment: %s, want before answered", got)
	}
	if got := cards(db.CardStates("article", []string{"asleep", "later", "none"})); got != "asleep later" {
		t.Errorf("states of asleep, later and none: %s", got)
	}
}

// TestFrontierDropped: the new-item frontier of a deck is kept while its
// items only move on, and dropped as soon as one may be new again: its
// first review undone, or its state set back to new. A frontier waiting
// to be saved with the next review is dropped by any other write.
func TestFrontierDropped(t *testing.T) {
	db := openW(t, t.TempDir())
	front := func() int {
		n, err := db.Frontier("article", "v1")
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	set := func() {
		if err := db.SetFrontier("article", "v1", 9, false); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SetFrontier("other", "v1", 5, true); err != nil {
		t.Fatal(err)
	}
	if n, err := db.Frontier("other", "v1"); err != nil || n != 5 {
		t.Errorf("frontier saved at once: %d, %v", n, err)
	}
	set()
	if front() != 9 {
		t.Fatalf("frontier %d after setting 9", front())
	}
	if n, err := db.Frontier("article", "v2"); err != nil || n != 0 {
		t.Errorf("frontier of another version of the deck: %d, %v", n, err)
	}
	first := review("moat", "fact", 2, quiz.ModeReview, nil) // state 2: a review
	record(t, db, first)
	again := review("moat", "fact", 3, quiz.ModeReview, &first.After) // relearning
	record(t, db, again)
	if front() != 9 {
		t.Error("reviews dropped the frontier")
	}
	if err := db.Unrecord(again); err != nil {
		t.Fatal(err)
	}
	if front() != 9 {
		t.Error("undoing a review that leaves a state dropped the frontier")
	}
	if err := db.Unrecord(first); err != nil {
		t.Fatal(err)
	}
	if front() != 0 {
		t.Error("undoing an item's first review kept the frontier")
	}
	set()
	renewed := review("moat", "fact", 4, quiz.ModeReview, nil) // state 0: new, not suspended
	record(t, db, renewed)
	if front() != 9 {
		t.Error("a first state dropped the frontier")
	}
	record(t, db, review("moat", "fact", 4, quiz.ModeReview, &renewed.After))
	if front() != 0 {
		t.Error("a state set back to new kept the frontier")
	}
	later := review("school", "fact", 2, quiz.ModeReview, nil)
	record(t, db, later)
	set() // waits for the next review to be saved with it
	if err := db.Unrecord(later); err != nil {
		t.Fatal(err)
	}
	record(t, db, review("school", "fact", 2, quiz.ModeReview, nil))
	if front() != 0 {
		t.Error("a frontier given before an undo was saved with the next review")
	}
}

// TestNewToday: the new items added to a deck's limit add up for their
// study day, survive closing the store, count for nothing on another day
// or deck, and a reader cannot add any.
func TestNewToday(t *testing.T) {
	dir := t.TempDir()
	db := openW(t, dir)
	day := base.Truncate(24 * time.Hour)
	for _, n := range []int{10, 5} {
		if err := db.AddNewToday("d", day, n); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	db = openW(t, dir)
	for _, tc := range []struct {
		deck string
		day  time.Time
		want int
	}{{"d", day, 15}, {"d", day.Add(24 * time.Hour), 0}, {"other", day, 0}} {
		if n, err := db.NewToday(tc.deck, tc.day); err != nil || n != tc.want {
			t.Errorf("NewToday(%s, %v) = %d, %v; want %d", tc.deck, tc.day, n, err, tc.want)
		}
	}
	next := day.Add(24 * time.Hour)
	if err := db.AddNewToday("d", next, 3); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.NewToday("d", next); n != 3 {
		t.Errorf("the next day has %d more, want 3: yesterday's are not today's", n)
	}
	db.Close()
	r := openR(t, dir)
	if err := r.AddNewToday("d", next, 1); !errors.Is(err, ErrReadOnly) {
		t.Errorf("a reader added new items: %v", err)
	}
}
