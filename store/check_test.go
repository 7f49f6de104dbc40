package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
)

// damagedLog writes a store of 300 reviews to dir and zeroes the first
// leaf page of table or index name: a page no later write of a new
// card's review goes through, and no check of the item states reads.
func damagedLog(t *testing.T, dir, name string) {
	t.Helper()
	db := openW(t, dir)
	for i := range 300 {
		r := review("card"+strconv.Itoa(i), "fact", int64(i), quiz.ModeReview, nil)
		r.Typed = strings.Repeat("x", 200)
		record(t, db, r)
	}
	var page int64
	q := "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno LIMIT 1"
	if err := db.sql.QueryRow(q, name).Scan(&page); err != nil {
		t.Fatalf("a leaf page of %s: %v", name, err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	zeroPages(t, filepath.Join(dir, FileName), page, page+1)
}

// pageSize is the size of the pages of a new database.
const pageSize = 4096

// zeroPages zeroes the pages of the database file at path from page
// first (counted from 1) to before page end (0: to the end of the file).
func zeroPages(t *testing.T, path string, first, end int64) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	stop := int64(len(data))
	if end > 0 {
		stop = (end - 1) * pageSize
	}
	clear(data[(first-1)*pageSize : stop])
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedLogRefusedBeforeAnyWrite damages a page of the review log,
// or of one of its indexes: the writer opens (the check of every page
// runs in the background), but saving, undoing, unsuspending or saving a
// deck's frontier is refused, saying the database is damaged and what to
// do, and the file stays byte for byte as it was.
func TestDamagedLogRefusedBeforeAnyWrite(t *testing.T) {
	for _, name := range []string{"review", "review_item", "review_reviewed_at"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			damagedLog(t, dir, name)
			path := filepath.Join(dir, FileName)
			before := sum(t, path)
			db, err := Open(dir, Options{})
			if err != nil {
				t.Fatalf("Open: %v (only the header and schema are checked at open)", err)
			}
			_, errRecord := db.Record(*review("zzz", "fact", 1000, quiz.ModeReview, nil))
			errs := map[string]error{
				"Record":   errRecord,
				"Unrecord": db.Unrecord(&quiz.Review{ID: 1, Item: quiz.ItemID{Deck: "article", Card: "card0", Item: "fact"}}),
			}
			_, errs["Unsuspend"] = db.Unsuspend(quiz.ItemID{Deck: "article", Card: "card1", Item: "fact"})
			errs["SetFrontier now"] = db.SetFrontier("article", "v1", 1, true)
			for what, err := range errs {
				if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "restore it from a backup") {
					t.Errorf("%s on a damaged %s = %v; want ErrDamaged and what to do", what, name, err)
				}
			}
			if err := db.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
			if sum(t, path) != before {
				t.Errorf("the damaged file changed")
			}
		})
	}
}

// TestDamagedOlderSchemaRefusedAtOpen: a database that needs a migration
// is checked whole before it is migrated, at open, and left as it was,
// reported upgrade or not.
func TestDamagedOlderSchemaRefusedAtOpen(t *testing.T) {
	dir := t.TempDir()
	damagedLog(t, dir, "review")
	path := filepath.Join(dir, FileName)
	before := sum(t, path)
	withMigration(t, "CREATE TABLE extra (x INTEGER)")
	if _, err := Open(dir, Options{Upgrading: func(Upgrade) {}}); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "untouched") {
		t.Errorf("Open of a damaged database to migrate = %v; want ErrDamaged, left untouched", err)
	}
	if sum(t, path) != before {
		t.Errorf("the damaged file changed")
	}
}

// TestRecordReturnsWhatItSaved: Record leaves the caller's review alone
// and returns the review as saved: its ID, its times to the millisecond.
func TestRecordReturnsWhatItSaved(t *testing.T) {
	db := openW(t, t.TempDir())
	r := review("moat", "fact", 1, quiz.ModeReview, nil)
	r.ReviewedAt = r.ReviewedAt.Add(123456 * time.Nanosecond)
	r.Duration = -time.Second
	mine := *r
	saved, err := db.Record(*r)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*r, mine) {
		t.Errorf("Record changed the caller's review: %+v", *r)
	}
	got := allReviews(t, db)
	if len(got) != 1 || saved.ID != got[0].ID || !reflect.DeepEqual(saved, got[0]) {
		t.Errorf("Record returned %+v; the log holds %+v", saved, got)
	}
}

// TestLockFileDeleted: deleting the lock file while a writer has the
// directory open does not let a second writer in.
func TestLockFileDeleted(t *testing.T) {
	dir := t.TempDir()
	db := openW(t, dir)
	if err := os.Remove(filepath.Join(dir, LockName)); err != nil {
		t.Fatal(err)
	}
	var le *LockedError
	if second, err := Open(dir, Options{}); !errors.As(err, &le) {
		if err == nil {
			second.Close()
		}
		t.Fatalf("a second writer after the lock file was deleted: %v; want a LockedError", err)
	}
	db.Close()
	second := openW(t, dir) // once the first has gone, a writer gets in
	record(t, second, review("moat", "fact", 1, quiz.ModeReview, nil))
}

// TestReadOnlyFile: a read-only database in a writable directory is
// refused by a writer at open, saying so and what still works; a reader
// reads it, and neither changes it or leaves side files.
func TestReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores file permissions (e2e/damaged_test.go mounts the file read-only instead)")
	}
	dir := t.TempDir()
	moatquizDB(t, dir, 3)
	path := filepath.Join(dir, FileName)
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	before := sum(t, path)
	if _, err := Open(dir, Options{}); !errors.Is(err, ErrReadOnlyFile) || !strings.Contains(err.Error(), "make it writable") {
		t.Errorf("a writer on a read-only file: %v; want ErrReadOnlyFile saying what to do", err)
	}
	reader := openR(t, dir)
	if got := allReviews(t, reader); len(got) != 3 {
		t.Errorf("read %d reviews from a read-only file, want 3", len(got))
	}
	reader.Close()
	if sum(t, path) != before {
		t.Errorf("the read-only file changed")
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + side); err == nil {
			t.Errorf("a %s file was left beside the read-only file", side)
		}
	}
}

// TestLogBoundedInALongSession: commits never checkpoint (an answer does
// not wait for one), yet the write-ahead log does not grow without bound:
// the checkpoint of an idle moment lets the next commit start it afresh,
// cut back to walKeepBytes, and Close empties it into the database. The
// 1,000 answers stay under the automatic checkpoint's 64 MiB cap.
func TestLogBoundedInALongSession(t *testing.T) {
	dir := t.TempDir()
	db := openW(t, dir)
	wal := filepath.Join(dir, FileName+"-wal")
	size := func() int64 {
		st, err := os.Stat(wal)
		if errors.Is(err, os.ErrNotExist) {
			return 0
		}
		if err != nil {
			t.Fatal(err)
		}
		return st.Size()
	}
	var prev *quiz.ItemState
	answer := func(n int64) {
		r := review("moat", "fact", n, quiz.ModeReview, prev)
		r.Typed = strings.Repeat("x", 2000)
		record(t, db, r)
		prev = &r.After
	}
	for n := range int64(1000) {
		answer(n)
	}
	if grown := size(); grown <= 2*walKeepBytes {
		t.Fatalf("after 1,000 answers the log holds %d bytes: did a commit checkpoint?", grown)
	}
	db.idle.idle() // what the timer runs once the learner pauses
	answer(1000)
	if got := size(); got > walKeepBytes {
		t.Errorf("after an idle checkpoint and an answer, the log holds %d bytes; want at most %d", got, walKeepBytes)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if got := size(); got != 0 {
		t.Errorf("after Close the log holds %d bytes; want none", got)
	}
	if got := len(allReviews(t, openR(t, dir))); got != 1001 {
		t.Errorf("%d reviews after Close, want 1001", got)
	}
}
