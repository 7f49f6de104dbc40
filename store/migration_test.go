package store

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/quiz"
)

// openAtVersionBefore opens a writer on dir, a database from before the
// migration whose text holds marker: found by text, so that it holds when
// migrations are renumbered. The whole schema is back once it is open, so
// the next open migrates it.
func openAtVersionBefore(t *testing.T, dir, marker string) *DB {
	t.Helper()
	saved := migrations
	v := slices.IndexFunc(saved, func(m string) bool { return strings.Contains(m, marker) })
	if v < 0 {
		t.Fatalf("no migration holds %q", marker)
	}
	defer func() { migrations, schemaVersion = saved, len(saved) }()
	migrations, schemaVersion = saved[:v], v
	return openW(t, dir)
}

// migratedStatsLog records statsLog in a database from before the
// migration whose text holds marker, reopens it, migrated, and checks that
// it kept its states, which it returns with it.
func migratedStatsLog(t *testing.T, marker string) (*DB, map[quiz.ItemID]quiz.ItemState) {
	t.Helper()
	dir := t.TempDir()
	db := openAtVersionBefore(t, dir, marker)
	for _, r := range statsLog() {
		record(t, db, r)
	}
	items := states(t, db)
	db.Close()
	db = openW(t, dir)
	checkMigrated(t, db, kept{items: items})
	return db, items
}

// kept is what a migration keeps of a database, read before it; a field
// left nil is not checked.
type kept struct {
	reviews []quiz.Review
	items   map[quiz.ItemID]quiz.ItemState
	rows    *StatsRows
}

// checkMigrated checks that db is at the latest schema version and still
// holds what was kept.
func checkMigrated(t *testing.T, db *DB, before kept) {
	t.Helper()
	if got, _ := versions(t, db); got != schemaVersion {
		t.Errorf("user_version %d after migrating, want %d", got, schemaVersion)
	}
	if before.reviews != nil {
		if got := allReviews(t, db); !reflect.DeepEqual(got, before.reviews) {
			t.Errorf("log after migrating =\n%+v\nwant\n%+v", got, before.reviews)
		}
	}
	if before.items != nil {
		if got := states(t, db); !reflect.DeepEqual(got, before.items) {
			t.Errorf("states after migrating =\n%+v\nwant\n%+v", got, before.items)
		}
	}
	if before.rows != nil {
		if got := statsRows(t, db, ""); !reflect.DeepEqual(got, before.rows) {
			t.Errorf("counts after migrating =\n%+v\nwant\n%+v", got, before.rows)
		}
	}
}
