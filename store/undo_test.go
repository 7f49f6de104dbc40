package store

import (
	"reflect"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestUndoKeepsLaterChanges: the undo of an answer takes back only the
// answer, not what the card browser did to the item after it: a
// suspension holds, a reset leaves the item new, a flag and a burial
// stay; the schedule is the one from before the answer. A sync's replay
// of the item then changes nothing: undo and sync agree.
func TestUndoKeepsLaterChanges(t *testing.T) {
	id := quiz.ItemID{Deck: "article", Card: "moat", Item: quiz.ItemFact}
	card := CardID{Deck: id.Deck, Card: id.Card}
	suspend := func(on bool) func(*testing.T, *DB, time.Time) {
		return func(t *testing.T, db *DB, now time.Time) {
			if _, err := db.SetSuspended([]quiz.ItemID{id}, on, now); err != nil {
				t.Fatal(err)
			}
		}
	}
	reset := func(t *testing.T, db *DB, now time.Time) {
		if _, err := db.Reset([]quiz.ItemID{id}, now); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name      string
		answers   int                                // the item's answers; the last is undone
		changes   []func(*testing.T, *DB, time.Time) // made after it, a minute apart
		isNew     bool                               // the item is new after the undo
		suspended bool
	}{
		{"suspend", 2, []func(*testing.T, *DB, time.Time){suspend(true)}, false, true},
		{"suspend a new item's first answer", 1, []func(*testing.T, *DB, time.Time){suspend(true)}, true, true},
		{"suspend, unsuspend", 2, []func(*testing.T, *DB, time.Time){suspend(true), suspend(false)}, false, false},
		{"reset", 2, []func(*testing.T, *DB, time.Time){reset}, true, false},
		{"reset, suspend", 2, []func(*testing.T, *DB, time.Time){reset, suspend(true)}, true, true},
		{"suspend, reset", 2, []func(*testing.T, *DB, time.Time){suspend(true), reset}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, answers := answered(t, id, tt.answers)
			last := answers[len(answers)-1]
			for i, change := range tt.changes {
				change(t, db, last.ReviewedAt.Add(time.Duration(i+1)*time.Minute))
			}
			if err := db.Unrecord(&last); err != nil {
				t.Fatal(err)
			}
			got, ok := states(t, db)[id]
			switch {
			case tt.isNew && ok && (got.Card.State != fsrs.New || got.Card.Reps != 0):
				t.Errorf("after the undo the item is %+v, want it new", got)
			case !tt.isNew && (!ok || !reflect.DeepEqual(got.Card, last.Before.Card)):
				t.Errorf("after the undo the item's schedule is %+v, want the one before the answer %+v", got.Card, last.Before.Card)
			case got.Suspended != tt.suspended:
				t.Errorf("after the undo the item is suspended %v, want %v", got.Suspended, tt.suspended)
			}
			replayed(t, db, id)
		})
	}
	t.Run("flag, bury", func(t *testing.T) {
		db, answers := answered(t, id, 2)
		last := answers[1]
		until := last.ReviewedAt.Add(12 * time.Hour)
		if _, err := db.SetFlags(map[CardID]int{card: 2}, last.ReviewedAt.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Bury([]CardID{card}, until, last.ReviewedAt.Add(2*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if err := db.Unrecord(&last); err != nil {
			t.Fatal(err)
		}
		flags, _ := db.Flags(id.Deck)
		buried, _ := db.Buried(id.Deck, last.ReviewedAt.Add(time.Hour))
		if flags[id.Card] != 2 || !buried[id.Card] {
			t.Errorf("after the undo the card's flag is %d and buried %v, want 2 and true", flags[id.Card], buried[id.Card])
		}
		if got := states(t, db)[id]; !reflect.DeepEqual(got, *last.Before) {
			t.Errorf("after the undo the item is %+v, want %+v", got, *last.Before)
		}
	})
}

// answered is a new store where item id has n answers, Good three days
// apart, scheduled by the real scheduler; it returns them as logged.
func answered(t *testing.T, id quiz.ItemID, n int) (*DB, []quiz.Review) {
	t.Helper()
	db := openW(t, t.TempDir())
	var in []quiz.Review
	for i := range n {
		in = append(in, quiz.Review{Item: id, Rating: fsrs.Good, ReviewedAt: base.AddDate(0, 0, 3*i),
			Mode: quiz.ModeReview, Question: quiz.QuestionFlip})
	}
	if _, err := db.ImportReviews(in, quiz.NewReplayer(quiz.DefaultScheduling()).Replay); err != nil {
		t.Fatal(err)
	}
	return db, allReviews(t, db)
}

// replayed checks that a sync's replay of item id leaves its state as it
// is.
func replayed(t *testing.T, db *DB, id quiz.ItemID) {
	t.Helper()
	was, had := states(t, db)[id]
	if _, err := db.Merge(Merge{Replay: []quiz.ItemID{id}}, quiz.NewReplayer(quiz.DefaultScheduling()).Replay); err != nil {
		t.Fatal(err)
	}
	if now, has := states(t, db)[id]; has != had || !reflect.DeepEqual(now, was) {
		t.Errorf("a sync's replay changes the item from %+v (stored %v) to %+v (stored %v)", was, had, now, has)
	}
}
