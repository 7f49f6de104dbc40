package library

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
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

// writeFolderLog writes n reviews, from the nth, to a new log of machine
// m in folder's logs, as a sync writes them, a day old.
func writeFolderLog(b *testing.B, folder string, m, n, from int) {
	b.Helper()
	at := time.Date(2020, 1, 1, 9, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	for i := from; i < from+n; i++ {
		r := quiz.Review{Item: quiz.ItemID{Deck: "d", Card: fmt.Sprintf("c%d", i%2000), Item: quiz.ItemFact},
			Rating: fsrs.Good, ReviewedAt: at.Add(time.Duration(i) * time.Minute), Mode: quiz.ModeReview,
			Question: quiz.QuestionFlip, Duration: 4 * time.Second, Typed: "답"}
		if err := writeLine(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
	logs := filepath.Join(folder, SyncFolder)
	name := fmt.Sprintf("machine%d-%s", m, at.Add(time.Duration(from)*time.Minute).Format("20060102T150405.000Z"))
	path, err := publish(logs, name, ".jsonl.gz", gzipped(buf.Bytes()))
	if err != nil {
		b.Fatal(err)
	}
	day := time.Now().Add(-24 * time.Hour)
	if err := os.Chtimes(path, day, day); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSyncFolder is a sync with a folder of 3 machines' 50 logs of
// 1,000 reviews each (150,000), all of which this machine holds: with
// nothing new, and with one new log of 1,000 reviews.
func BenchmarkSyncFolder(b *testing.B) {
	dir, folder := b.TempDir(), b.TempDir()
	lib := New(dir)
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := os.MkdirAll(filepath.Join(folder, SyncFolder), 0o755); err != nil {
		b.Fatal(err)
	}
	next := 0
	for m := range 3 {
		for range 50 {
			writeFolderLog(b, folder, m, 1000, next)
			next += 1000
		}
	}
	now := time.Now()
	first, err := lib.Sync(db, folder, quiz.DefaultScheduling(), now)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("the first sync read %d bytes of %d files", first.Read, first.Files)
	sync := func(b *testing.B, want int) {
		res, err := lib.Sync(db, folder, quiz.DefaultScheduling(), now)
		if err != nil || res.Added != want || res.Written != 0 {
			b.Fatal(res, err)
		}
		b.ReportMetric(float64(res.Read), "bytes-read")
		b.ReportMetric(float64(res.Files), "files-read")
	}
	b.Run("nothing new", func(b *testing.B) {
		for range b.N {
			sync(b, 0)
		}
	})
	b.Run("one new log", func(b *testing.B) {
		for range b.N {
			b.StopTimer()
			writeFolderLog(b, folder, 3, 1000, next)
			next += 1000
			b.StartTimer()
			sync(b, 1000)
		}
	})
}
