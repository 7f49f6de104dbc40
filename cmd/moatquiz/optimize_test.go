package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/internal/bench/gen"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

// learnerConfig is a config file of the learner's own.
const learnerConfig = "# my settings\ndesired_retention = 0.85\n"

// historyEnd is when the generated histories end.
var historyEnd = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// optimizeLog makes a data directory whose store holds n reviews of a
// generated deck of 300 cards over 200 days, and a config file of the
// learner's.
func optimizeLog(t *testing.T, n int) *Globals {
	t.Helper()
	g := &Globals{DataDir: t.TempDir(), Config: filepath.Join(t.TempDir(), "config.toml")}
	if err := os.WriteFile(g.Config, []byte(learnerConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := gen.Deck(300, 1)
	if err == nil {
		err = gen.WriteDeck(filepath.Join(g.DataDir, "decks", gen.DeckID+".json"), d)
	}
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(g.DataDir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", filepath.Join(g.DataDir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := gen.Fill(raw, d, gen.History{Reviews: n, End: historyEnd, Days: 200, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	return g
}

// TestOptimizeTooFew checks that with too few reviews optimize says how
// many it needs and leaves the config file as it was.
func TestOptimizeTooFew(t *testing.T) {
	for _, n := range []int{0, 5} {
		g := optimizeLog(t, n)
		var out bytes.Buffer
		err := (&optimizeCmd{}).run(g, &out)
		if err == nil || !strings.Contains(err.Error(), "needs at least 8") || !strings.Contains(err.Error(), "Nothing was changed") {
			t.Errorf("%d reviews: error %v, want one saying 8 are needed and nothing changed", n, err)
		}
		if data, _ := os.ReadFile(g.Config); string(data) != learnerConfig {
			t.Errorf("%d reviews: the config file changed:\n%s", n, data)
		}
	}
}

// TestOptimizeThenStudy fits the weights to a generated log, checks that
// they are saved in the config file (desired retention kept) and that
// evaluate and a session that starts afterwards use them.
func TestOptimizeThenStudy(t *testing.T) {
	g := optimizeLog(t, 4000)
	var out bytes.Buffer
	if err := (&optimizeCmd{JSON: true}).run(g, &out); err != nil {
		t.Fatal(err)
	}
	var res optimizeJSON
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("%v in %s", err, out.String())
	}
	if !res.Saved || res.Optimized.LogLoss >= res.Current.LogLoss || res.Reviews < 3800 { // practice answers (2%) left out
		t.Fatalf("result %+v: want better weights fitted to the non-practice reviews, saved", res)
	}
	cfg, err := g.loadConfig()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Scheduling.Params.W != res.Optimized.Weights || cfg.Scheduling.Params.RequestRetention != 0.85 {
		t.Fatalf("config after optimize: weights %v, retention %v; want %v and 0.85",
			cfg.Scheduling.Params.W, cfg.Scheduling.Params.RequestRetention, res.Optimized.Weights)
	}

	out.Reset()
	if err := (&evaluateCmd{JSON: true}).run(g, &out); err != nil {
		t.Fatal(err)
	}
	var eval evaluateJSON
	if err := json.Unmarshal(out.Bytes(), &eval); err != nil {
		t.Fatal(err)
	}
	if eval.LogLoss != res.Optimized.LogLoss || eval.RMSE != res.Optimized.RMSE {
		t.Errorf("evaluate after optimize: %+v, want the optimized fit %+v", eval.fitJSON, res.Optimized)
	}

	got := firstIntervals(t, g, cfg.Scheduling)
	p := cfg.Scheduling.Params
	p.W = fsrs.DefaultWeights()
	withDefaults := cfg.Scheduling
	withDefaults.Params = fsrs.NewFSRS(p).Parameters
	if old := firstIntervals(t, g, withDefaults); got == old {
		t.Errorf("the session's intervals %v are those of the default weights", got)
	}
}

// firstIntervals starts a review session of the generated deck the day
// after the log ends, with sched, reveals the first card and returns the
// intervals its grades would give.
func firstIntervals(t *testing.T, g *Globals, sched quiz.Scheduling) [4]time.Duration {
	t.Helper()
	db, err := openStore(g, false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lib := g.library()
	d, err := lib.Deck(gen.DeckID)
	if err != nil {
		t.Fatal(err)
	}
	now := sched.DayEnd(historyEnd).Add(4 * time.Hour)
	s, err := lib.Study(db, sched, quiz.ClockFrom(now)).StartSession(d, quiz.Options{Kind: quiz.QuestionFlip, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	s.Reveal()
	iv := s.Intervals()
	return [4]time.Duration{iv[fsrs.Again], iv[fsrs.Hard], iv[fsrs.Good], iv[fsrs.Easy]}
}
