package store

import (
	"testing"
	"time"
)

// TestMigrationToMarks: a database from before bury and flag is migrated
// in place, keeps its states, and then buries and flags.
func TestMigrationToMarks(t *testing.T) {
	db, _ := migratedStatsLog(t, "CREATE TABLE buried_card")
	now := time.Date(2027, 1, 2, 12, 0, 0, 0, time.UTC)
	card := CardID{Deck: "article", Card: "moat"}
	before, err := db.Bury([]CardID{card}, now.Add(16*time.Hour), now)
	if err != nil || !before[card].IsZero() {
		t.Fatalf("Bury: %v, %v", before, err)
	}
	if b, err := db.Buried("article", now); err != nil || !b["moat"] {
		t.Errorf("Buried at now: %v, %v", b, err)
	}
	if b, err := db.Buried("article", now.Add(16*time.Hour)); err != nil || len(b) != 0 {
		t.Errorf("Buried when the day is over: %v, %v", b, err)
	}
	if _, err := db.SetFlags(map[CardID]int{card: 3}, now); err != nil {
		t.Fatal(err)
	}
	if f, err := db.Flags("article"); err != nil || f["moat"] != 3 {
		t.Errorf("Flags: %v, %v", f, err)
	}
}
