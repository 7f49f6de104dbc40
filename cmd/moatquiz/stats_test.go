package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
	"github.com/moatquiz/moatquiz/tui"
)

// statsLog records, into a store in a new data directory, answers on the
// first tagged card of the first built-in deck: one yesterday and two
// today (at 03:30 Seoul time, counted for yesterday, and at 10:00), the
// last one the item's 8th lapse. It returns the directory and that deck.
func statsLog(t *testing.T) (*Globals, *quiz.Deck) {
	t.Helper()
	g := &Globals{DataDir: t.TempDir(), Config: os.DevNull}
	decks, errs := g.library().Decks()
	if len(errs) > 0 || len(decks) == 0 {
		t.Fatalf("built-in decks: %v", errs)
	}
	deck := decks[0]
	var item quiz.Item
	for _, it := range deck.Items() {
		if len(it.Card.Tags) > 0 {
			item = it
			break
		}
	}
	db, err := store.Open(g.DataDir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	seoul := time.FixedZone("KST", 9*3600)
	state := func(s fsrs.State, lapses uint64, due time.Time) quiz.ItemState {
		return quiz.ItemState{Card: fsrs.Card{Due: due, Stability: 2, Difficulty: 5, ScheduledDays: 3, Lapses: lapses, State: s}}
	}
	before := state(fsrs.Review, 7, time.Date(2026, 3, 9, 9, 0, 0, 0, seoul))
	leech := state(fsrs.Relearning, 8, time.Date(2026, 3, 10, 10, 10, 0, 0, seoul))
	leech.Suspended = true // the 8th lapse: the session suspends a leech
	for _, r := range []*quiz.Review{
		{Rating: fsrs.Good, ReviewedAt: time.Date(2026, 3, 9, 9, 0, 0, 0, seoul), After: before},
		{Rating: fsrs.Good, ReviewedAt: time.Date(2026, 3, 10, 3, 30, 0, 0, seoul), Before: &before, After: before},
		{Rating: fsrs.Again, ReviewedAt: time.Date(2026, 3, 10, 10, 0, 0, 0, seoul), Before: &before,
			After: leech},
	} {
		r.Item, r.Mode, r.Question, r.Duration = item.ID, quiz.ModeReview, quiz.QuestionFlip, 2*time.Second
		if _, err := db.Record(*r); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("MOATQUIZ_NOW", "2026-03-10T15:00:00+09:00")
	return g, deck
}

func TestStatsCommandText(t *testing.T) {
	g, deck := statsLog(t)
	for _, scope := range []string{"", deck.ID} {
		s, err := (&statsCmd{Deck: scope}).figures(g)
		if err != nil {
			t.Fatal(err)
		}
		text := statsText(s, tui.Styles{}, defaultWidth)
		if strings.Contains(text, "\x1b") {
			t.Error("plain text has escape codes")
		}
		for i, l := range strings.Split(text, "\n") {
			if w := lipgloss.Width(l); w > defaultWidth {
				t.Errorf("line %d is %d cells: %q", i, w, l)
			}
		}
		for _, want := range []string{
			"2026-03-10 · days start at 4:00",
			"Today    1 answer in 2s",
			"Streak   2 days",
			"In all   3 answers in 6s on 2 days",
			"Leeches (1)",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("deck %q: no %q in\n%s", scope, want, text)
			}
		}
	}
	if _, err := (&statsCmd{Deck: "nope"}).figures(g); err == nil {
		t.Error("stats of an unknown deck: no error")
	}
}

// TestStatsCommandNothingSaved: before any study, the figures are zeros
// and every item is new.
func TestStatsCommandNothingSaved(t *testing.T) {
	g := &Globals{DataDir: filepath.Join(t.TempDir(), "data"), Config: os.DevNull}
	s, err := (&statsCmd{}).figures(g)
	if err != nil {
		t.Fatal(err)
	}
	if s.Reviews.Total != 0 || s.Items.New == 0 || s.Items.New != s.Items.Total {
		t.Errorf("nothing saved: reviews %+v, items %+v", s.Reviews, s.Items)
	}
	if _, err := os.Stat(g.DataDir); !os.IsNotExist(err) {
		t.Errorf("stats created the data directory: %v", err)
	}
}

// TestStatsJSONShape checks the --json output against the example in
// docs/stats.md: the same keys, nested the same way, with the same types.
func TestStatsJSONShape(t *testing.T) {
	g, _ := statsLog(t)
	s, err := (&statsCmd{}).figures(g)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := writeStatsJSON(&buf, s); err != nil {
		t.Fatal(err)
	}
	var got any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("--json is not JSON: %v\n%s", err, buf.String())
	}
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "stats.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```json\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/stats.md has no ```json example")
	}
	var want any
	if err := json.Unmarshal(m[1], &want); err != nil {
		t.Fatalf("the example in docs/stats.md is not JSON: %v", err)
	}
	if gs, ws := shape(got), shape(want); !reflect.DeepEqual(gs, ws) {
		a, _ := json.MarshalIndent(gs, "", " ")
		b, _ := json.MarshalIndent(ws, "", " ")
		t.Errorf("--json shape differs from docs/stats.md:\n%s\nwant\n%s", a, b)
	}
	obj := got.(map[string]any)
	if obj["today"] != "2026-03-10" || obj["reviews"].(map[string]any)["today"] != 1.0 {
		t.Errorf("today = %v, reviews = %v", obj["today"], obj["reviews"])
	}
	if l := obj["leeches"].([]any); len(l) != 1 || !l[0].(map[string]any)["suspended"].(bool) {
		t.Errorf("leeches = %v, want the item suspended at its 8th lapse", l)
	}
}

// shape is the structure of a JSON value: objects keep their keys with
// the shapes of their values, an array becomes the shape of its first
// element, and scalars become their type; null counts as a number (rates
// are null when nothing was answered).
func shape(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = shape(x)
		}
		return out
	case []any:
		if len(v) == 0 {
			return []any{}
		}
		return []any{shape(v[0])}
	case string:
		return "string"
	case bool:
		return "bool"
	}
	return "number"
}

func TestStatsUnsuspend(t *testing.T) {
	g, _ := statsLog(t)
	s, err := (&statsCmd{}).figures(g)
	if err != nil {
		t.Fatal(err)
	}
	leech := s.Leeches[0].Item
	var out bytes.Buffer
	if err := unsuspend(g, &out, []string{leech, leech}); err != nil {
		t.Fatal(err)
	}
	if want := "unsuspended " + leech + "\n" + leech + " was not suspended\n"; out.String() != want {
		t.Errorf("output %q, want %q", out.String(), want)
	}
	if s, err = (&statsCmd{}).figures(g); err != nil || s.Items.Suspended != 0 || s.Items.Relearning != 1 {
		t.Errorf("after --unsuspend: items %+v, %v", s.Items, err)
	}
	for _, bad := range []string{"article/f1", "article/none/fact"} {
		if err := unsuspend(g, &out, []string{bad}); err == nil {
			t.Errorf("--unsuspend %s: no error", bad)
		}
	}
}
