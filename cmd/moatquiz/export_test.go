package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

// TestExportReviews records a replay of FSRS reviews, exports them while
// the writer is still open, and checks each line against go-fsrs run
// again from the exported ratings and times alone.
func TestExportReviews(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	f := fsrs.NewFSRS(fsrs.DefaultParam())
	id := quiz.ItemID{Deck: "article", Card: "moat", Item: quiz.ItemKoEn}
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	card := fsrs.NewCard(now)
	var before *quiz.ItemState
	typed := []string{"해자", "", "evil\x1b]52;c;cGF5bG9hZA==\x07\u202e", "해자"}
	for i, rating := range []fsrs.Rating{fsrs.Good, fsrs.Again, fsrs.Good, fsrs.Easy} {
		info, err := f.Next(card, now, rating)
		if err != nil {
			t.Fatal(err)
		}
		r := &quiz.Review{Item: id, Rating: rating, ReviewedAt: now, Duration: 1500 * time.Millisecond,
			Typed: typed[i], Mode: quiz.ModeReview, Question: quiz.QuestionTyped, Before: before,
			After: quiz.ItemState{Card: info.Card}}
		if _, err := db.Record(*r); err != nil {
			t.Fatal(err)
		}
		after := r.After
		before, card = &after, info.Card
		now = info.Card.Due.Add(time.Hour).Truncate(time.Millisecond)
	}

	out := filepath.Join(t.TempDir(), "reviews.jsonl")
	cmd := exportReviewsCmd{Output: out}
	if err := cmd.Run(&Globals{DataDir: dir}); err != nil {
		t.Fatalf("export reviews: %v", err)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(string(raw), "\x1b\x07\u202e") {
		t.Errorf("export holds raw control or bidi characters: %q", raw)
	}
	replay := fsrs.NewCard(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	sc := bufio.NewScanner(strings.NewReader(string(raw)))
	n := 0
	for ; sc.Scan(); n++ {
		var got map[string]any
		if err := json.Unmarshal(sc.Bytes(), &got); err != nil {
			t.Fatalf("line %d: %v: %s", n+1, err, sc.Text())
		}
		at, err := time.Parse(time.RFC3339, got["reviewed_at"].(string))
		if err != nil {
			t.Fatalf("line %d: reviewed_at: %v", n+1, err)
		}
		info, err := f.Next(replay, at, fsrs.Rating(got["rating"].(float64)))
		if err != nil {
			t.Fatal(err)
		}
		replay = info.Card
		want := map[string]any{
			"id": float64(n + 1), "deck": "article", "card": "moat", "item": "ko-en",
			"uid":    quiz.ReviewUID(quiz.ItemID{Deck: "article", Card: "moat", Item: "ko-en"}, at, fsrs.Rating(got["rating"].(float64))),
			"rating": got["rating"], "reviewed_at": got["reviewed_at"], "duration_ms": 1500.0,
			"mode": "review", "question": "typed",
			"state":          strings.ToLower(replay.State.String()),
			"due":            replay.Due.UTC().Format("2006-01-02T15:04:05.000Z"),
			"stability":      replay.Stability,
			"difficulty":     replay.Difficulty,
			"scheduled_days": float64(replay.ScheduledDays),
			"reps":           float64(replay.Reps),
			"lapses":         float64(replay.Lapses),
		}
		if typed[n] != "" {
			want["typed"] = typed[n]
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("line %d:\n got %v\nwant %v", n+1, got, want)
		}
	}
	if n != 4 {
		t.Errorf("%d lines exported, want 4", n)
	}
}

func TestExportReviewsNothingSaved(t *testing.T) {
	out := filepath.Join(t.TempDir(), "reviews.jsonl")
	cmd := exportReviewsCmd{Output: out}
	if err := cmd.Run(&Globals{DataDir: filepath.Join(t.TempDir(), "none")}); err != nil {
		t.Fatalf("export with nothing saved: %v", err)
	}
	if b, err := os.ReadFile(out); err != nil || len(b) != 0 {
		t.Errorf("export with nothing saved wrote %q, %v; want an empty file", b, err)
	}
}

// TestExportOutputPath: -o naming a directory, a file in a folder that
// does not exist, or a file inside a file says so, for a deck and for the
// review log, without naming a hidden temporary file.
func TestExportOutputPath(t *testing.T) {
	g := &Globals{DataDir: t.TempDir()}
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		dir:                                   dir + " is a directory",
		filepath.Join(dir, "nosuch", "a.csv"): "the folder " + filepath.Join(dir, "nosuch") + " does not exist",
		filepath.Join(file, "a.csv"):          file + " is a file, not a folder",
	} {
		for what, cmd := range map[string]interface{ Run(*Globals) error }{
			"deck":    &exportDeckCmd{ID: "article", Format: "csv", Output: path},
			"reviews": &exportReviewsCmd{Output: path},
		} {
			err := cmd.Run(g)
			if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "/.") {
				t.Errorf("export %s -o %s: %v, want %q", what, path, err, want)
			}
		}
	}
}
