package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

// TestLeechAtSmallSize (B4): at 40x12, the 8th lapse of 해자 ends the
// session on a summary that names the leech and offers l; l schedules it
// again in the database, where it stays tagged a leech for the stats and
// the review log.
func TestLeechAtSmallSize(t *testing.T) {
	e2eTest(t)
	tm := newTerm(t)
	seedLapsedSeven(t, tm.data)
	tm.launch("study", "--deck", "article", "--kind", "flip", "--direction", "ko-en", "--limit", "1")
	tm.resize(40, 12)
	tm.waitFor("해자")
	tm.keys("Space")
	tm.waitFor("Again")
	tm.keys("1")
	s := tm.waitFor("Leeches (1)")
	for _, want := range []string{"해자 — moat", "l unsuspend"} {
		if !strings.Contains(s, want) {
			t.Errorf("the summary at 40x12 lacks %q:\n%s", want, s)
		}
	}
	tm.keys("l")
	tm.waitFor("is scheduled again")
	tm.keys("Enter")
	tm.exited()
	var st struct {
		Leeches []struct {
			Item      string `json:"item"`
			Leech     bool   `json:"leech"`
			Suspended bool   `json:"suspended"`
		} `json:"leeches"`
	}
	cmd := exec.Command(bin, "stats", "--json", "--deck", "article")
	cmd.Env = append(os.Environ(), "MOATQUIZ_DATA_DIR="+tm.data, "MOATQUIZ_CONFIG="+os.DevNull, "MOATQUIZ_NOW="+now)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("moatquiz stats --json: %v", err)
	}
	if err := json.Unmarshal(out, &st); err != nil {
		t.Fatal(err)
	}
	if len(st.Leeches) != 1 || st.Leeches[0].Item != "article/v-haeja/ko-en" || !st.Leeches[0].Leech || st.Leeches[0].Suspended {
		t.Errorf("stats --json leeches = %+v, want 해자 ko-en, a leech, no longer suspended", st.Leeches)
	}
}

// seedLapsedSeven saves, in dir, 해자 (ko-en) as a review due now that
// has lapsed 7 times.
func seedLapsedSeven(t *testing.T, dir string) {
	t.Helper()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	at, err := time.Parse(time.RFC3339, now)
	if err != nil {
		t.Fatal(err)
	}
	last := at.Add(-72 * time.Hour).UTC()
	st := quiz.ItemState{Card: fsrs.Card{Due: at.Add(-time.Hour), Stability: 3, Difficulty: 8, State: fsrs.Review,
		ScheduledDays: 3, LastReview: last, Reps: 20, Lapses: 7}, Introduced: last.Add(-30 * 24 * time.Hour)}
	id := quiz.ItemID{Deck: "article", Card: "v-haeja", Item: quiz.ItemKoEn}
	if _, err := db.Record(quiz.Review{Item: id, Rating: fsrs.Good, ReviewedAt: last, Duration: time.Second,
		Mode: quiz.ModeReview, Question: quiz.QuestionFlip, After: st}); err != nil {
		t.Fatal(err)
	}
}
