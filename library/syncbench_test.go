package library

import (
	"fmt"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

// BenchmarkSyncNothingNew is a sync at the app's start with a log of
// 50,000 reviews that the folder holds already: the sync's cost when
// there is nothing to do.
func BenchmarkSyncNothingNew(b *testing.B) {
	dir, folder := b.TempDir(), b.TempDir()
	lib := New(dir)
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	at := time.Date(2020, 1, 1, 9, 0, 0, 0, time.UTC)
	var reviews []quiz.Review
	for i := range 50000 {
		reviews = append(reviews, quiz.Review{Item: quiz.ItemID{Deck: "d", Card: fmt.Sprintf("c%d", i%2000), Item: quiz.ItemFact},
			Rating: fsrs.Good, ReviewedAt: at.Add(time.Duration(i) * time.Hour), Mode: quiz.ModeReview, Question: quiz.QuestionFlip})
	}
	if _, err := lib.ImportReviews(db, reviews, quiz.DefaultScheduling()); err != nil {
		b.Fatal(err)
	}
	if _, err := lib.Sync(db, folder, quiz.DefaultScheduling(), at); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if res, err := lib.Sync(db, folder, quiz.DefaultScheduling(), at); err != nil || res.Written != 0 {
			b.Fatal(res, err)
		}
	}
}
