package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reviewLog is a review log as a learner might bring it: four reviews
// of a built-in item and one of a deck that is gone.
func reviewLog() string {
	var b strings.Builder
	for i, r := range []int{3, 1, 3, 4} {
		fmt.Fprintf(&b, `{"deck":"article","card":"v-haeja","item":"ko-en","rating":%d,"reviewed_at":"2026-03-%02dT09:00:00.000Z","duration_ms":2000,"mode":"review","question":"typed","typed":"해자"}`+"\n", r, 1+i*i)
	}
	b.WriteString(`{"deck":"gone","card":"c1","item":"fact","rating":3,"reviewed_at":"2026-03-02T10:00:00Z","duration_ms":0,"mode":"review","question":"flip"}` + "\n")
	return b.String()
}

// importReviews runs `moatquiz import reviews file` into dir.
func importReviews(t *testing.T, dir, file string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := (&importReviewsCmd{File: file}).run(&Globals{DataDir: dir}, &out)
	return out.String(), err
}

// exportReviews runs `moatquiz export reviews` on dir and returns the log.
func exportReviews(t *testing.T, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "reviews.jsonl")
	if err := (&exportReviewsCmd{Output: out}).Run(&Globals{DataDir: dir}); err != nil {
		t.Fatalf("export reviews: %v", err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestImportReviewsRoundTrip imports a log into one data directory,
// exports it, and imports the export into another: the two export the
// same log (ids, uids and replayed states), the review of a gone deck is
// kept and reported, and importing again adds nothing.
func TestImportReviewsRoundTrip(t *testing.T) {
	t.Setenv("MOATQUIZ_CONFIG", os.DevNull)
	a, b := t.TempDir(), t.TempDir()
	out, err := importReviews(t, a, writeFile(t, "log.jsonl", reviewLog()))
	if err != nil {
		t.Fatal(err)
	}
	want := "imported 5 reviews from "
	if !strings.HasPrefix(out, want) || !strings.Contains(out, "2 items rescheduled") || !strings.Contains(out, "1 review of items no deck has now") {
		t.Errorf("import said %q; want %q…, 2 items rescheduled, 1 review of a gone deck", out, want)
	}
	exported := exportReviews(t, a)
	if n := strings.Count(exported, `"uid":"`); n != 5 {
		t.Errorf("the export has %d uids, want 5:\n%s", n, exported)
	}
	file := writeFile(t, "a.jsonl", exported)
	if _, err := importReviews(t, b, file); err != nil {
		t.Fatal(err)
	}
	if got := exportReviews(t, b); got != exported {
		t.Errorf("the export after importing an export =\n%s\nwant\n%s", got, exported)
	}
	out, err = importReviews(t, b, file)
	if err != nil || !strings.HasPrefix(out, "imported 0 reviews") || !strings.Contains(out, "5 you had already") {
		t.Errorf("importing again: %q, %v; want 0 imported, 5 had already", out, err)
	}
	if got := exportReviews(t, b); got != exported {
		t.Errorf("importing again changed the log:\n%s", got)
	}
}

// TestImportReviewsBadLines: every bad line is named with what is wrong,
// foreign text escaped, and nothing is imported.
func TestImportReviewsBadLines(t *testing.T) {
	t.Setenv("MOATQUIZ_CONFIG", os.DevNull)
	dir := t.TempDir()
	lines := strings.Split(strings.TrimSpace(reviewLog()), "\n")
	lines[1] = strings.Replace(lines[1], `"rating":1`, `"rating":7`, 1)
	lines[2] = `{"deck":"d","card":"c","item":"fact","rating":3,"reviewed_at":"\u001b]52;c;eA==\u0007","mode":"review","question":"flip"}`
	lines = append(lines, "", `not json`, strings.Replace(lines[0], `"rating":3`, `"rating":3,"uid":"0123"`, 1))
	file := writeFile(t, "bad.jsonl", strings.Join(lines, "\n"))
	_, err := importReviews(t, dir, file)
	if err == nil {
		t.Fatal("a log with bad lines was imported")
	}
	msg := err.Error()
	for _, want := range []string{
		"4 lines of ", "nothing was imported",
		file + `:2: "rating" is 7: must be 1 (again) to 4 (easy)`,
		file + `:3: "reviewed_at" "\x1b]52;c;eA==\a" is not an RFC 3339 time`,
		file + ":7: not a JSON review",
		file + `:8: "uid" "0123" is not the id of this item, time and rating`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q\nlacks %q", msg, want)
		}
	}
	if strings.ContainsAny(msg, "\x1b\x07") {
		t.Errorf("the error carries raw control characters: %q", msg)
	}
	if _, err := os.Stat(filepath.Join(dir, "moatquiz.db")); !os.IsNotExist(err) {
		t.Errorf("a refused import made the database: %v", err)
	}
}
