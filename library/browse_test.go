package library

import (
	"os"
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
	b, err := lib.OpenBrowser(s.progress.(States), s.scheduling, now)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := search.Parse("deck:mine " + q)
	if err != nil {
		t.Fatal(err)
	}
	return b.Search(parsed, SortDeck)
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
	newToday := func() int {
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
	if n := newToday(); n != 2 {
		t.Fatalf("%d new cards today before suspending, want 2", n)
	}
	db := s.progress.(Suspender)
	changed, err := Suspend(db, find(t, lib, s, "해자", now), true, now)
	if err != nil || len(changed) == 0 {
		t.Fatalf("Suspend: %v, %v", changed, err)
	}
	if n := newToday(); n != 1 {
		t.Errorf("%d new cards today after suspending 해자, want 1", n)
	}
	if rows := find(t, lib, s, "is:suspended", now); len(rows) != 1 || rows[0].Card != "haeja" || !rows[0].Suspended {
		t.Errorf("is:suspended finds %v", rows)
	}
	again, err := Suspend(db, find(t, lib, s, "해자", now), true, now)
	if err != nil || len(again) != 0 {
		t.Errorf("suspending again changed %v, %v", again, err)
	}
	if _, err := db.SetSuspended(changed, false, now); err != nil { // the undo
		t.Fatal(err)
	}
	if n := newToday(); n != 2 {
		t.Errorf("%d new cards today after the undo, want 2", n)
	}
}

func TestParseSort(t *testing.T) {
	for _, s := range []string{"", "due", "added", "lapses", "difficulty"} {
		if _, err := ParseSort(s); err != nil {
			t.Errorf("ParseSort(%q): %v", s, err)
		}
	}
	if _, err := ParseSort("random"); err == nil {
		t.Error("ParseSort accepts random")
	}
}
