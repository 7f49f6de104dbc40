package library

import (
	"github.com/open-spaced-repetition/go-fsrs/v4"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/internal/decktest"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/search"
)

// browseLib is a data directory with the test deck "mine" beside the
// built-in decks, and its store.
func browseLib(t *testing.T) (*Library, *Study) {
	t.Helper()
	dir := t.TempDir()
	lib := New(dir)
	if err := os.MkdirAll(lib.DecksDir(), 0o700); err != nil {
		t.Fatal(err)
	}
	decktest.Write(t, lib.DecksDir(), "mine.json", "mine", "내 덱")
	return lib, lib.Study(openStore(t, dir), quiz.DefaultScheduling(), quiz.SystemClock)
}

// find returns the cards of deck "mine" q finds, as deck/card ids.
func find(t *testing.T, lib *Library, s *Study, q string, now time.Time) []CardRow {
	t.Helper()
	b, err := lib.OpenBrowser(s.progress.(CardStore), s.scheduling, now)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := search.Parse("deck:mine " + q)
	if err != nil {
		t.Fatal(err)
	}
	return b.Search(parsed, SortDeck).Rows()
}

func TestBrowseKorean(t *testing.T) {
	lib, s := browseLib(t)
	now := time.Now()
	for q, want := range map[string]string{"ㅎㅈ": "haeja", "haeja": "haeja", "헤자": "haeja", "moat": "haeja",
		"inference": "train", "ㅊㄹ": "train", "kind:cloze": "train"} {
		rows := find(t, lib, s, q, now)
		if len(rows) != 1 || rows[0].Card != want {
			t.Errorf("%q finds %v, want only %s", q, rows, want)
		}
	}
	rows := find(t, lib, s, "ㅎㅈ", now)
	if r := rows[0]; r.Front != "해자" || r.Back != "moat" || r.State != "new" || !r.Due.IsZero() {
		t.Errorf("해자's row is %+v", r)
	}
}

func TestSuspendLeavesTheDay(t *testing.T) {
	lib, s := browseLib(t)
	now := time.Now()
	newToday := func() int { return newOn(t, s, now) }
	if n := newToday(); n != 2 {
		t.Fatalf("%d new cards today before suspending, want 2", n)
	}
	db := s.progress.(CardEditor)
	changed, err := Suspend(db, find(t, lib, s, "해자", now), true, now)
	if err != nil || len(changed.Items) != 2 {
		t.Fatalf("Suspend: %v, %v", changed.Items, err)
	}
	if n := newToday(); n != 1 {
		t.Errorf("%d new cards today after suspending 해자, want 1", n)
	}
	if rows := find(t, lib, s, "is:suspended", now); len(rows) != 1 || rows[0].Card != "haeja" || !rows[0].Suspended {
		t.Errorf("is:suspended finds %v", rows)
	}
	refreshed(t, lib, s, now)
	again, err := Suspend(db, find(t, lib, s, "해자", now), true, now)
	if err != nil || len(again.Items) != 0 {
		t.Errorf("suspending again changed %v, %v", again.Items, err)
	}
	if err := changed.Undo(); err != nil {
		t.Fatal(err)
	}
	if n := newToday(); n != 2 {
		t.Errorf("%d new cards today after the undo, want 2", n)
	}
}

// refreshed checks that a browser opened before a suspension and
// refreshed for 해자 finds it suspended, as one opened after it does.
func refreshed(t *testing.T, lib *Library, s *Study, now time.Time) {
	t.Helper()
	db, ed := s.progress.(RefreshStore), s.progress.(CardEditor)
	if _, err := ed.SetSuspended(find(t, lib, s, "해자", now)[0].Items, false, now); err != nil {
		t.Fatal(err)
	}
	b, err := lib.OpenBrowser(db, s.scheduling, now)
	if err != nil {
		t.Fatal(err)
	}
	rows := b.Search(nil, SortDeck).Rows()
	q, _ := search.Parse("deck:mine is:suspended")
	if n := b.Search(q, SortDeck).Len(); n != 0 {
		t.Fatalf("%d suspended before", n)
	}
	if _, err := ed.SetSuspended(rows[len(rows)-2].Items, true, now); err != nil {
		t.Fatal(err)
	}
	if err := b.Refresh(db, rows, s.scheduling, now); err != nil {
		t.Fatal(err)
	}
	// Typed on after the refresh: searched among every card again, not
	// among the no card the last search found.
	typedOn, _ := search.Parse("deck:mine is:suspended ㅎㅈ")
	if found := b.Search(typedOn, SortDeck).Rows(); len(found) != 1 || found[0].Card != "haeja" {
		t.Errorf("after Refresh, is:suspended ㅎㅈ finds %v", found)
	}
	if found := b.Search(q, SortDeck).Rows(); len(found) != 1 || found[0].Card != "haeja" {
		t.Errorf("after Refresh, is:suspended finds %v", found)
	}
}

// newOn is how many new cards of deck "mine" the day of now offers.
func newOn(t *testing.T, s *Study, now time.Time) int {
	t.Helper()
	list, err := s.Decks(now)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range list {
		if st.Deck.ID == "mine" {
			return st.Counts.New
		}
	}
	t.Fatal("no deck mine")
	return 0
}

// TestBuryUntilTomorrow: a buried card sits out today's sessions, is
// back the next study day, and the undo brings it back today.
func TestBuryUntilTomorrow(t *testing.T) {
	lib, s := browseLib(t)
	now := time.Date(2027, 3, 1, 12, 0, 0, 0, time.Local)
	ch, err := Bury(s.progress.(CardEditor), find(t, lib, s, "ㅎㅈ", now), s.scheduling, now)
	if err != nil {
		t.Fatal(err)
	}
	if n := newOn(t, s, now); n != 1 {
		t.Errorf("%d new cards today after burying 해자, want 1", n)
	}
	if rows := find(t, lib, s, "is:buried", now); len(rows) != 1 || rows[0].Card != "haeja" {
		t.Errorf("is:buried finds %v", rows)
	}
	if n := newOn(t, s, now.Add(24*time.Hour)); n != 2 {
		t.Errorf("%d new cards tomorrow, want 2", n)
	}
	if err := ch.Undo(); err != nil {
		t.Fatal(err)
	}
	if n := newOn(t, s, now); n != 2 {
		t.Errorf("%d new cards today after the undo, want 2", n)
	}
}

func TestFlag(t *testing.T) {
	lib, s := browseLib(t)
	now := time.Now()
	ch, err := Flag(s.progress.(CardEditor), find(t, lib, s, "moat", now), 2, now)
	if err != nil {
		t.Fatal(err)
	}
	if rows := find(t, lib, s, "flag:2", now); len(rows) != 1 || rows[0].Flag != 2 {
		t.Errorf("flag:2 finds %v", rows)
	}
	if err := ch.Undo(); err != nil {
		t.Fatal(err)
	}
	if rows := find(t, lib, s, "flag:0", now); len(rows) != 2 {
		t.Errorf("flag:0 after the undo finds %v", rows)
	}
	if _, err := Flag(s.progress.(CardEditor), find(t, lib, s, "moat", now), 5, now); err == nil {
		t.Error("flag 5 is accepted")
	}
}

// TestInfoAndReset: a card answered twice (the real scheduler) shows both
// answers and its memory; its row is new (en-ko is) at the furthest in
// review (ko-en), due when ko-en is; reset makes it new, its undo puts it
// back.
func TestInfoAndReset(t *testing.T) {
	lib, s := browseLib(t)
	db := s.progress.(CardEditor)
	rec := s.progress.(quiz.Progress)
	f := fsrs.NewFSRS(s.scheduling.Params)
	id := quiz.ItemID{Deck: "mine", Card: "haeja", Item: "ko-en"}
	t0 := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	c, before := fsrs.NewCard(t0), (*quiz.ItemState)(nil)
	for i, at := range []time.Time{t0, t0.Add(10 * time.Minute)} {
		info, err := f.Next(c, at, fsrs.Good)
		if err != nil {
			t.Fatal(err)
		}
		next := info.Card
		after := quiz.ItemState{Card: next, Introduced: t0}
		if _, err := rec.Record(quiz.Review{Item: id, Rating: fsrs.Good, ReviewedAt: at, Duration: time.Duration(i+3) * time.Second,
			Mode: quiz.ModeReview, Question: quiz.QuestionFlip, Before: before, After: after}); err != nil {
			t.Fatal(err)
		}
		c, before = next, &after
	}
	now := t0.Add(48 * time.Hour)
	row := find(t, lib, s, "haeja", now)[0]
	if row.State != "new" || row.Furthest != "review" || !row.Due.Equal(c.Due) {
		t.Errorf("the row of a card reviewed one way: %s, at the furthest %s, due %v; want new, review, %v", row.State, row.Furthest, row.Due, c.Due)
	}
	info, err := Info(db, s.progress.(CardStore), row, s.scheduling, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(info.Reviews) != 2 || info.Reviews[1].Duration != 4*time.Second || info.Reviews[1].Interval != c.ScheduledDays {
		t.Errorf("reviews %+v, want two, the second 4s with interval %d", info.Reviews, c.ScheduledDays)
	}
	it := info.Items[0]
	if it.State != "review" || !it.Due.Equal(c.Due) || it.Retrievability <= 0 || it.Retrievability >= 1 || info.Items[1].State != "new" {
		t.Errorf("items %+v", info.Items)
	}
	ch, err := Reset(db, []CardRow{row}, s.scheduling, now)
	if err != nil || len(ch.Items) != 1 {
		t.Fatalf("Reset: %v %v", ch.Items, err)
	}
	if st := firstItemState(t, s, row, now); st != "new" {
		t.Errorf("after reset, ko-en is %s", st)
	}
	if err := ch.Undo(); err != nil {
		t.Fatal(err)
	}
	if st := firstItemState(t, s, row, now); st != "review" {
		t.Errorf("after the undo, ko-en is %s", st)
	}
}

// firstItemState is the state Info gives the first item of row's card.
func firstItemState(t *testing.T, s *Study, row CardRow, now time.Time) string {
	t.Helper()
	info, err := Info(s.progress.(CardEditor), s.progress.(CardStore), row, s.scheduling, now)
	if err != nil {
		t.Fatal(err)
	}
	return info.Items[0].State
}

// TestBuriedReviewSitsOut: a review due today of a buried card leaves the
// day's count and is back once the burial ends.
func TestBuriedReviewSitsOut(t *testing.T) {
	lib, s := browseLib(t)
	now := time.Date(2027, 3, 10, 12, 0, 0, 0, time.Local)
	last := now.AddDate(0, 0, -10)
	for _, item := range []string{"ko-en", "en-ko"} {
		after := quiz.ItemState{Card: fsrs.Card{Due: now.Add(-time.Hour), Stability: 9, Difficulty: 5, ScheduledDays: 9,
			Reps: 3, State: fsrs.Review, LastReview: last}, Introduced: last}
		if _, err := s.progress.Record(quiz.Review{Item: quiz.ItemID{Deck: "mine", Card: "haeja", Item: item}, Rating: fsrs.Good,
			ReviewedAt: last, Mode: quiz.ModeReview, Question: quiz.QuestionFlip, After: after}); err != nil {
			t.Fatal(err)
		}
	}
	reviews := func(at time.Time) int {
		list, err := s.Decks(at)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range list {
			if st.Deck.ID == "mine" {
				return st.Counts.Review
			}
		}
		return -1
	}
	if n := reviews(now); n != 1 {
		t.Fatalf("%d reviews today before burying, want 1", n)
	}
	if _, err := Bury(s.progress.(CardEditor), find(t, lib, s, "해자", now), s.scheduling, now); err != nil {
		t.Fatal(err)
	}
	if n := reviews(now); n != 0 {
		t.Errorf("%d reviews today after burying 해자, want 0", n)
	}
	if n := reviews(s.scheduling.DayEnd(now).Add(time.Minute)); n != 1 {
		t.Errorf("%d reviews the next study day, want 1", n)
	}
}

// TestTypedOn: a query typed on, searched among the last results, finds
// what it finds in a browser just opened, in the same order.
func TestTypedOn(t *testing.T) {
	lib, s := browseLib(t)
	now := time.Now()
	b, err := lib.OpenBrowser(s.progress.(CardStore), s.scheduling, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"ㅎ", "ㅎㅈ", "h", "ha", "hae", "haeja", "해", "햊", "해자", "헤", "헤자", "t", "tr", "tra", "is:new", "is:new -kind:cloze"} {
		parsed, err := search.Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		fresh, err := lib.OpenBrowser(s.progress.(CardStore), s.scheduling, now)
		if err != nil {
			t.Fatal(err)
		}
		got, want := b.Search(parsed, SortDeck).Rows(), fresh.Search(parsed, SortDeck).Rows()
		if !slices.EqualFunc(got, want, func(x, y CardRow) bool { return x.Deck == y.Deck && x.Card == y.Card && x.Rank == y.Rank }) {
			t.Errorf("%q typed on finds %d cards, %d in a new browser", q, len(got), len(want))
		}
	}
}
