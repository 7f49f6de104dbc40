package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

// reviewLog is a review log as a learner might bring it: four reviews
// of a built-in item and one of a deck that is gone.
func jsonlLog() string {
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
	err := (&importReviewsCmd{File: file}).run(&Globals{DataDir: dir, Config: os.DevNull}, &out)
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
	a, b := t.TempDir(), t.TempDir()
	out, err := importReviews(t, a, writeFile(t, "log.jsonl", jsonlLog()))
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
	dir := t.TempDir()
	lines := strings.Split(strings.TrimSpace(jsonlLog()), "\n")
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
		"4 of the lines of ", "nothing was imported",
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
	many := writeFile(t, "many.jsonl", strings.Repeat("{}\n", 25))
	if _, err := importReviews(t, dir, many); err == nil || !strings.HasPrefix(err.Error(), "import reviews: 25 of the lines of ") ||
		strings.Count(err.Error(), "many.jsonl:") != 10 || !strings.HasSuffix(err.Error(), "(and 15 more)") {
		t.Errorf("a log of 25 bad lines: %v; want 25 counted, 10 listed, 15 more", err)
	}
}

// TestImportAnkiHistory imports an Anki package exported with scheduling:
// its answers become the log of the deck's items, manual entries are
// left out and counted, and each item's state is what go-fsrs gives for
// the same ratings at the same times, with the learner's scheduling
// (here: retention 0.85, no fuzz). Importing it again adds no review.
func TestImportAnkiHistory(t *testing.T) {
	g := &Globals{DataDir: t.TempDir(), Config: writeFile(t, "config.toml", "desired_retention = 0.85\nfuzz = false\n")}
	start := time.Date(2025, 9, 1, 23, 30, 0, 0, time.UTC)
	at := func(days float64) time.Time { return start.Add(time.Duration(days * 24 * float64(time.Hour))) }
	revlog := []ankiRevlog{
		{0, 3, at(0), 5000, 0}, {1, 1, at(0.01), 8000, 0}, {1, 3, at(0.02), 6000, 0},
		{0, 3, at(1.1), 4000, 1}, {1, 0, at(1.5), 0, 4}, {0, 1, at(4), 9000, 1},
		{1, 4, at(4.5), 2000, 1}, {0, 3, at(4.01), 3000, 2}, {0, 2, at(9.7), 7000, 1},
	}
	file := ankiPackageLog(t, "korean.apkg", [][3]string{{"k1", "해자", "moat"}, {"k2", "추론", "inference"}}, revlog)
	out, _, err := runImport(t, g, importCmd{File: file})
	if err != nil {
		t.Fatal(err)
	}
	if want := "imported 8 reviews of its review history"; !strings.Contains(out, want) || !strings.Contains(out, "1 entry that is no answer left out") {
		t.Errorf("import said %q; want %q and the manual entry counted", out, want)
	}
	p := fsrs.DefaultParam()
	p.RequestRetention = 0.85
	f := fsrs.NewFSRS(p)
	want := map[string]fsrs.Card{}
	for _, r := range sortedRevlog(revlog) {
		card := "k" + strconv.Itoa(r.note+1)
		if r.typ == 4 {
			continue
		}
		c, ok := want[card]
		if !ok {
			c = fsrs.NewCard(r.at)
		}
		info, err := f.Next(c, r.at, fsrs.Rating(r.ease))
		if err != nil {
			t.Fatal(err)
		}
		want[card] = info.Card
	}
	db, err := store.Open(g.DataDir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	states, err := db.States("korean")
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	for card, c := range want {
		got := states[quiz.ItemID{Deck: "korean", Card: card, Item: quiz.ItemKoEn}].Card
		if !got.Due.Equal(c.Due) || !got.LastReview.Equal(c.LastReview) || got.Stability != c.Stability ||
			got.Difficulty != c.Difficulty || got.Reps != c.Reps || got.Lapses != c.Lapses || got.State != c.State {
			t.Errorf("%s: replayed state %+v\nwant go-fsrs's %+v", card, got, c)
		}
	}
	log := exportReviews(t, g.DataDir)
	if out, _, err := runImport(t, g, importCmd{File: file}); err != nil || !strings.Contains(out, "imported 0 reviews of its review history: 8 you had already") {
		t.Errorf("importing again: %q, %v; want no review added", out, err)
	}
	if got := exportReviews(t, g.DataDir); got != log {
		t.Errorf("importing again changed the log:\n%s\nwas\n%s", got, log)
	}
}

// sortedRevlog is the log in time order, as Anki's ids order it.
func sortedRevlog(revlog []ankiRevlog) []ankiRevlog {
	out := slices.Clone(revlog)
	slices.SortFunc(out, func(a, b ankiRevlog) int { return a.at.Compare(b.at) })
	return out
}
