package store

import (
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestOutOfRangeValues plants values moatquiz never writes (as a hand
// edit past the schema's CHECKs would): reading them is an error naming
// the file, the row, the value and what to do, not a wrong schedule.
func TestOutOfRangeValues(t *testing.T) {
	tests := []struct {
		set   string // SQL run on the file
		words string // in the message
	}{
		{"UPDATE item_state SET stability = -1", "the state of article/moat/fact: its stability -1 is out of range"},
		{"UPDATE item_state SET difficulty = 1e300", "its difficulty 1e+300 is out of range"},
		{"UPDATE item_state SET state = 7", "article/moat/fact: its state 7 is out of range"},
		{"UPDATE item_state SET due = 9000000000000000000", "its due 9000000000000000000 is out of range"},
		{"UPDATE item_state SET remaining_steps = -5", "its remaining steps -5 is out of range"},
		{"UPDATE review SET rating = 9", "review 1 of article/moat/fact: its rating 9 is out of range"},
		{"UPDATE review SET stability = -0.5", "review 1 of article/moat/fact: its stability -0.5 is out of range"},
		{"UPDATE review SET reviewed_at = -9000000000000000000", "its time -9000000000000000000 is out of range"},
		{"UPDATE item_state SET lapses = -3", "the state of article/moat/fact: its lapses -3 is out of range"},
		{"UPDATE answer_card SET correct = 5", "the answers on article/moat: its correct 5 is out of range"},
		{"UPDATE answer_slot SET answers = -1", "answer_slot: its answers -1 is out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.set, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			db := openW(t, dir)
			record(t, db, review("moat", "fact", 2, quiz.ModeReview, nil))
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			plant(t, path, tt.set)
			for _, opt := range []Options{{}, {ReadOnly: true}} {
				db, err := Open(dir, opt)
				if err != nil {
					t.Fatalf("Open(%+v): %v", opt, err)
				}
				err = readAll(db)
				db.Close()
				if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), path+": ") ||
					!strings.Contains(err.Error(), tt.words) || !strings.Contains(err.Error(), "restore it from a backup") {
					t.Errorf("reading (%+v) = %v; want ErrDamaged naming %s, %q and what to do", opt, err, path, tt.words)
				}
			}
		})
	}
}

// readAll reads what the app, export and stats read, and returns the
// first error.
func readAll(db *DB) error {
	_, statsErr := db.StatsRows(StatsScope{Items: []string{"article"}})
	_, statesErr := db.States("article")
	return errors.Join(db.Reviews(func(quiz.Review) error { return nil }), statesErr, statsErr)
}

// plant runs a statement on the database at path past its CHECKs.
func plant(t *testing.T, path, stmt string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("PRAGMA ignore_check_constraints = 1; " + stmt); err != nil {
		t.Fatal(err)
	}
}
