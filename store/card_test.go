package store

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// marksVersion is the schema version that added buried_card and
// card_flag, found by content so that it holds when migrations are
// renumbered.
func marksVersion(t *testing.T) int {
	i := slices.IndexFunc(migrations, func(m string) bool { return strings.Contains(m, "CREATE TABLE buried_card") })
	if i < 0 {
		t.Fatal("no migration adds buried_card")
	}
	return i + 1
}

// TestMigrationToMarks: a database from before bury and flag is migrated
// in place, keeps its states, and then buries and flags.
func TestMigrationToMarks(t *testing.T) {
	dir := t.TempDir()
	saved := migrations
	t.Cleanup(func() { migrations, schemaVersion = saved, len(saved) })
	v := marksVersion(t)
	migrations, schemaVersion = saved[:v-1], v-1
	db := openW(t, dir)
	for _, r := range statsLog() {
		record(t, db, r)
	}
	items := states(t, db)
	db.Close()
	migrations, schemaVersion = saved, len(saved)

	db = openW(t, dir)
	if got, _ := versions(t, db); got != schemaVersion {
		t.Errorf("user_version %d after migrating, want %d", got, schemaVersion)
	}
	if got := states(t, db); !reflect.DeepEqual(got, items) {
		t.Errorf("states after migrating =\n%+v\nwant\n%+v", got, items)
	}
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
