package store

import (
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"
	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// base is when the test reviews happen.
var base = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)

// openWriter opens dir for writing and closes it at the end of the test.
func openW(t testing.TB, dir string) *DB {
	t.Helper()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// openR opens dir read-only and closes it at the end of the test.
func openR(t testing.TB, dir string) *DB {
	t.Helper()
	db, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open(%s, ReadOnly): %v", dir, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// state is an item state with every field set.
func state(n int64) quiz.ItemState {
	return quiz.ItemState{
		Card: fsrs.Card{
			Due:            base.Add(time.Duration(n) * 24 * time.Hour),
			Stability:      1.2345678901234567 * float64(n),
			Difficulty:     5.5 + 1/float64(n+3),
			ScheduledDays:  uint64(n),
			Reps:           uint64(n + 1),
			Lapses:         uint64(n % 3),
			State:          fsrs.State(n % 4),
			LastReview:     base.Add(time.Duration(n) * time.Minute),
			RemainingSteps: int(n % 2),
		},
		Suspended:  n%2 == 1,
		Introduced: base.Add(-time.Duration(n) * time.Hour),
	}
}

// review is a review of card/item with every field set.
func review(card, item string, n int64, mode quiz.Mode, before *quiz.ItemState) *quiz.Review {
	return &quiz.Review{
		Item:       quiz.ItemID{Deck: "article", Card: card, Item: item},
		Rating:     fsrs.Rating(n%4 + 1),
		ReviewedAt: base.Add(time.Duration(n) * time.Minute),
		Duration:   time.Duration(n*1000+7) * time.Millisecond,
		Typed:      "학교 " + strconv.FormatInt(n, 10),
		Mode:       mode,
		Question:   quiz.QuestionTyped,
		Before:     before,
		After:      state(n),
	}
}

// record records r, failing the test on error, and sets it to the
// review as saved.
func record(t testing.TB, db *DB, r *quiz.Review) {
	t.Helper()
	saved, err := db.Record(*r)
	if err != nil {
		t.Fatalf("Record: %v", err)
	}
	*r = saved
}

// allReviews returns the log.
func allReviews(t testing.TB, db *DB) []quiz.Review {
	t.Helper()
	var out []quiz.Review
	if err := db.Reviews(func(r quiz.Review) error { out = append(out, r); return nil }); err != nil {
		t.Fatalf("Reviews: %v", err)
	}
	return out
}

// states returns the states of deck "article".
func states(t testing.TB, db *DB) map[quiz.ItemID]quiz.ItemState {
	t.Helper()
	s, err := db.States("article")
	if err != nil {
		t.Fatalf("States: %v", err)
	}
	return s
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := openW(t, dir)
	first := review("moat", "fact", 1, quiz.ModeReview, nil)
	// A local time with nanoseconds: stored as UTC milliseconds.
	first.ReviewedAt = time.Date(2026, 3, 1, 18, 30, 0, 123456789, time.FixedZone("KST", 9*3600))
	first.After.Card.Due = first.After.Card.Due.Add(999 * time.Microsecond)
	record(t, db, first)
	if first.ID <= 0 {
		t.Fatalf("Record set ID %d", first.ID)
	}
	wantAt := time.Date(2026, 3, 1, 9, 30, 0, 123000000, time.UTC)
	if !first.ReviewedAt.Equal(wantAt) || first.ReviewedAt.Location() != time.UTC {
		t.Errorf("ReviewedAt = %v, want %v in UTC", first.ReviewedAt, wantAt)
	}
	after := first.After
	second := review("moat", "fact", 2, quiz.ModeAhead, &after)
	second.Typed = ""
	record(t, db, second)
	other := review("llama", "ko-en", 3, quiz.ModeReview, nil)
	other.Item.Deck = "other"
	record(t, db, other)

	want := []quiz.Review{*first, *second, *other}
	check := func(name string, db *DB) {
		t.Helper()
		if got := allReviews(t, db); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Reviews =\n%+v\nwant\n%+v", name, got, want)
		}
		wantStates := map[quiz.ItemID]quiz.ItemState{second.Item: second.After}
		if got := states(t, db); !reflect.DeepEqual(got, wantStates) {
			t.Errorf("%s: States =\n%+v\nwant\n%+v", name, got, wantStates)
		}
	}
	check("same store", db)
	check("reader alongside", openR(t, dir))
	db.Close()
	check("reopened", openW(t, dir))
}

func TestNewCardStateRoundTrip(t *testing.T) {
	db := openW(t, t.TempDir())
	r := review("moat", "fact", 0, quiz.ModeReview, nil)
	r.After = quiz.ItemState{Card: fsrs.NewCard(base)} // zero LastReview, Introduced
	record(t, db, r)
	got := states(t, db)[r.Item]
	if !reflect.DeepEqual(got, r.After) {
		t.Errorf("state = %+v, want %+v", got, r.After)
	}
}

func TestPracticeLeavesStates(t *testing.T) {
	db := openW(t, t.TempDir())
	r := review("moat", "fact", 1, quiz.ModeReview, nil)
	record(t, db, r)
	stored := r.After
	p := review("moat", "fact", 2, quiz.ModePractice, &stored)
	record(t, db, p)
	fresh := review("leak", "fact", 3, quiz.ModePractice, nil)
	record(t, db, fresh)
	want := map[quiz.ItemID]quiz.ItemState{r.Item: stored}
	if got := states(t, db); !reflect.DeepEqual(got, want) {
		t.Errorf("after practice, States = %+v, want %+v", got, want)
	}
	if got := len(allReviews(t, db)); got != 3 {
		t.Errorf("%d reviews logged, want 3 (practice is logged)", got)
	}
}

func TestUnrecord(t *testing.T) {
	tests := []struct {
		name string
		// setup records reviews and returns the one to undo and the
		// states and log length expected afterwards.
		setup   func(t *testing.T, db *DB) (undo *quiz.Review, want map[quiz.ItemID]quiz.ItemState, logLen int)
		wantErr error
	}{
		{"new item: state deleted", func(t *testing.T, db *DB) (*quiz.Review, map[quiz.ItemID]quiz.ItemState, int) {
			r := review("moat", "fact", 1, quiz.ModeReview, nil)
			record(t, db, r)
			return r, map[quiz.ItemID]quiz.ItemState{}, 0
		}, nil},
		{"existing item: previous state back", func(t *testing.T, db *DB) (*quiz.Review, map[quiz.ItemID]quiz.ItemState, int) {
			r1 := review("moat", "fact", 1, quiz.ModeReview, nil)
			record(t, db, r1)
			prev := r1.After
			r2 := review("moat", "fact", 2, quiz.ModeAhead, &prev)
			record(t, db, r2)
			return r2, map[quiz.ItemID]quiz.ItemState{r1.Item: r1.After}, 1
		}, nil},
		{"practice: only the row", func(t *testing.T, db *DB) (*quiz.Review, map[quiz.ItemID]quiz.ItemState, int) {
			r1 := review("moat", "fact", 1, quiz.ModeReview, nil)
			record(t, db, r1)
			prev := r1.After
			p := review("moat", "fact", 2, quiz.ModePractice, &prev)
			record(t, db, p)
			return p, map[quiz.ItemID]quiz.ItemState{r1.Item: r1.After}, 1
		}, nil},
		{"undo under a later practice row", func(t *testing.T, db *DB) (*quiz.Review, map[quiz.ItemID]quiz.ItemState, int) {
			r1 := review("moat", "fact", 1, quiz.ModeReview, nil)
			record(t, db, r1)
			prev := r1.After
			record(t, db, review("moat", "fact", 2, quiz.ModePractice, &prev))
			return r1, map[quiz.ItemID]quiz.ItemState{}, 1
		}, nil},
		{"not the latest: refused, nothing changed", func(t *testing.T, db *DB) (*quiz.Review, map[quiz.ItemID]quiz.ItemState, int) {
			r1 := review("moat", "fact", 1, quiz.ModeReview, nil)
			record(t, db, r1)
			prev := r1.After
			r2 := review("moat", "fact", 2, quiz.ModeReview, &prev)
			record(t, db, r2)
			return r1, map[quiz.ItemID]quiz.ItemState{r2.Item: r2.After}, 2
		}, ErrNotLatest},
		{"unknown review", func(t *testing.T, db *DB) (*quiz.Review, map[quiz.ItemID]quiz.ItemState, int) {
			r1 := review("moat", "fact", 1, quiz.ModeReview, nil)
			record(t, db, r1)
			ghost := *r1
			ghost.ID += 100
			return &ghost, map[quiz.ItemID]quiz.ItemState{r1.Item: r1.After}, 1
		}, ErrNoReview},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openW(t, t.TempDir())
			undo, want, logLen := tt.setup(t, db)
			err := db.Unrecord(undo)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Unrecord = %v, want %v", err, tt.wantErr)
			}
			if got := states(t, db); !reflect.DeepEqual(got, want) {
				t.Errorf("States = %+v, want %+v", got, want)
			}
			if got := len(allReviews(t, db)); got != logLen {
				t.Errorf("%d reviews left, want %d", got, logLen)
			}
		})
	}
}

func TestRecordRejectsBadReviews(t *testing.T) {
	db := openW(t, t.TempDir())
	for name, spoil := range map[string]func(r *quiz.Review){
		"rating 0":  func(r *quiz.Review) { r.Rating = 0 },
		"rating 5":  func(r *quiz.Review) { r.Rating = 5 },
		"rating -1": func(r *quiz.Review) { r.Rating = -1 },
		"no mode":   func(r *quiz.Review) { r.Mode = "" },
		"odd mode":  func(r *quiz.Review) { r.Mode = "cram" },
		"no deck":   func(r *quiz.Review) { r.Item.Deck = "" },
		"no card":   func(r *quiz.Review) { r.Item.Card = "" },
		"no item":   func(r *quiz.Review) { r.Item.Item = "" },
	} {
		r := review("moat", "fact", 1, quiz.ModeReview, nil)
		spoil(r)
		if saved, err := db.Record(*r); err == nil || saved.ID != 0 {
			t.Errorf("Record(%s) = %v, ID %d; want an error", name, err, saved.ID)
		}
	}
	if n := len(allReviews(t, db)); n != 0 {
		t.Errorf("%d reviews logged after rejected records", n)
	}
}

func TestMigrations(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "data")
	db := openW(t, dir)
	st, err := os.Stat(dir)
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("data dir: %v, mode %v; want 0700", err, st.Mode().Perm())
	}
	r := review("moat", "fact", 1, quiz.ModeReview, nil)
	record(t, db, r)
	if v, app := versions(t, db); v != schemaVersion || app != applicationID {
		t.Errorf("user_version %d, application_id %#x; want %d, %#x", v, app, schemaVersion, applicationID)
	}
	db.Close()
	for i := range 2 { // reopening changes nothing
		db := openW(t, dir)
		if v, _ := versions(t, db); v != schemaVersion {
			t.Errorf("reopen %d: user_version %d", i, v)
		}
		if got := allReviews(t, db); len(got) != 1 || got[0].ID != r.ID {
			t.Errorf("reopen %d: reviews %+v", i, got)
		}
		db.Close()
	}
}

func TestEmptyFileIsInitialised(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, Options{ReadOnly: true}); !errors.Is(err, ErrNoProgress) {
		t.Errorf("reader on an empty file: %v, want ErrNoProgress", err)
	}
	db := openW(t, dir)
	record(t, db, review("moat", "fact", 1, quiz.ModeReview, nil))
}

// versions reads the schema version and application id.
func versions(t testing.TB, db *DB) (version, app int) {
	t.Helper()
	if err := db.sql.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if err := db.sql.QueryRow("PRAGMA application_id").Scan(&app); err != nil {
		t.Fatal(err)
	}
	return version, app
}

func TestReaderWithNothingSaved(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "absent")
	_, err := Open(dir, Options{ReadOnly: true})
	if !errors.Is(err, ErrNoProgress) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(ReadOnly) of a missing dir = %v, want ErrNoProgress and fs.ErrNotExist", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a reader created the data directory: %v", err)
	}
}

func TestReaderCannotWrite(t *testing.T) {
	dir := t.TempDir()
	w := openW(t, dir)
	r := review("moat", "fact", 1, quiz.ModeReview, nil)
	record(t, w, r)
	rd := openR(t, dir)
	if _, err := rd.Record(*review("moat", "fact", 2, quiz.ModeReview, nil)); !errors.Is(err, ErrReadOnly) {
		t.Errorf("reader Record = %v, want ErrReadOnly", err)
	}
	if err := rd.Unrecord(r); !errors.Is(err, ErrReadOnly) {
		t.Errorf("reader Unrecord = %v, want ErrReadOnly", err)
	}
}

func TestLock(t *testing.T) {
	dir := t.TempDir()
	a := openW(t, dir)
	record(t, a, review("moat", "fact", 1, quiz.ModeReview, nil))

	_, err := Open(dir, Options{})
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second writer: %v, want *LockedError", err)
	}
	if le.PID != os.Getpid() || !strings.Contains(err.Error(), "pid "+strconv.Itoa(os.Getpid())) ||
		!strings.Contains(err.Error(), dir) {
		t.Errorf("LockedError = %+v (%q), want our pid %d and the dir", le, err, os.Getpid())
	}
	if got := allReviews(t, openR(t, dir)); len(got) != 1 {
		t.Errorf("reader beside the writer read %d reviews, want 1", len(got))
	}
	a.Close()
	openW(t, dir) // the lock is released
}

func TestLockedErrorMessage(t *testing.T) {
	tests := []struct {
		err  LockedError
		want string
	}{
		{LockedError{PID: 1234, Dir: "/d"}, "another moatquiz (pid 1234) is using /d: quit it first"},
		{LockedError{Dir: "/d"}, "another moatquiz is using /d: quit it first"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

// sum is the sha256 of a file.
func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// foreignDB writes another program's SQLite database to path.
func foreignDB(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT); " +
		"INSERT INTO notes (flds) VALUES ('hello')"); err != nil {
		t.Fatal(err)
	}
}

// moatquizDB writes a moatquiz database with n reviews to dir and
// closes it (checkpointing its WAL into the file).
func moatquizDB(t *testing.T, dir string, n int) {
	t.Helper()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		r := review("card"+strconv.Itoa(i), "fact", int64(i), quiz.ModeReview, nil)
		r.Typed = strings.Repeat("x", 200)
		record(t, db, r)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestRejectsOtherFiles(t *testing.T) {
	tests := []struct {
		name  string
		make  func(t *testing.T, dir, path string)
		want  error
		words string // in the message
	}{
		{"another program's database", func(t *testing.T, _, path string) { foreignDB(t, path) },
			ErrNotMoatquiz, "tables notes"},
		{"garbage", func(t *testing.T, _, path string) {
			b := make([]byte, 8192)
			for i := range b {
				b[i] = byte(i*7 + i/13)
			}
			os.WriteFile(path, b, 0o600)
		}, ErrDamaged, "damaged"},
		{"a text file", func(t *testing.T, _, path string) {
			os.WriteFile(path, []byte("not a database\n"), 0o600)
		}, ErrDamaged, "damaged"},
		{"truncated", func(t *testing.T, dir, path string) {
			moatquizDB(t, dir, 200)
			st, err := os.Stat(path)
			if err != nil || st.Size() < 3*4096 {
				t.Fatalf("database too small to truncate: %v %v", st, err)
			}
			if err := os.Truncate(path, st.Size()/2); err != nil {
				t.Fatal(err)
			}
		}, ErrDamaged, "damaged"},
		{"newer schema", func(t *testing.T, dir, path string) {
			moatquizDB(t, dir, 1)
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99"); err != nil {
				t.Fatal(err)
			}
		}, ErrTooNew, "schema 99"},
		{"negative schema version", func(t *testing.T, dir, path string) {
			moatquizDB(t, dir, 1)
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			// A damaged header: the writer once indexed its migrations with it.
			if _, err := db.Exec("PRAGMA journal_mode = DELETE; PRAGMA user_version = -16777215"); err != nil {
				t.Fatal(err)
			}
		}, ErrDamaged, "schema version -16777215"},
		{"moatquiz's id, schema version 0 and tables", func(t *testing.T, _, path string) {
			foreignDB(t, path)
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec("PRAGMA application_id = " + strconv.Itoa(applicationID)); err != nil {
				t.Fatal(err)
			}
		}, ErrDamaged, "schema version 0, with tables notes"},
		{"tables unlike its schema version", func(t *testing.T, dir, path string) {
			moatquizDB(t, dir, 1)
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec("ALTER TABLE review RENAME COLUMN before_suspended TO x; PRAGMA journal_mode = DELETE"); err != nil {
				t.Fatal(err)
			}
		}, ErrDamaged, "no column named before_suspended"},
		// Closed in WAL mode, as a writer leaves it: the writer inspects it
		// on its own connection (closedWAL).
		{"tables unlike its schema version, in WAL mode", func(t *testing.T, dir, path string) {
			moatquizDB(t, dir, 1)
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec("ALTER TABLE review RENAME COLUMN before_suspended TO x"); err != nil {
				t.Fatal(err)
			}
			db.Close()
			mustClosedWAL(t, path)
		}, ErrDamaged, "no column named before_suspended"},
		{"a damaged schema, in WAL mode", func(t *testing.T, dir, path string) {
			moatquizDB(t, dir, 1)
			zeroBytes(t, path, 100, pageSize) // the schema table's page, after the file's header
			mustClosedWAL(t, path)
		}, ErrDamaged, "damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			tt.make(t, dir, path)
			before := sum(t, path)
			for _, opt := range []Options{{}, {ReadOnly: true}} {
				db, err := Open(dir, opt)
				if err == nil {
					db.Close()
					t.Fatalf("Open(%+v) succeeded", opt)
				}
				var fe *FileError
				if !errors.Is(err, tt.want) || !errors.As(err, &fe) || fe.Path != path ||
					!strings.Contains(err.Error(), tt.words) || !strings.Contains(err.Error(), "untouched") {
					t.Errorf("Open(%+v) = %v; want %v naming %s, %q and untouched", opt, err, tt.want, path, tt.words)
				}
				if sum(t, path) != before {
					t.Fatalf("Open(%+v) changed the file", opt)
				}
				for _, side := range []string{"-wal", "-shm"} {
					if _, err := os.Stat(path + side); err == nil {
						t.Errorf("Open(%+v) left a %s file", opt, side)
					}
				}
				t.Logf("Open(%+v): %v", opt, err)
			}
		})
	}
}

// mustClosedWAL fails the test unless a writer would inspect path on its
// own connection.
func mustClosedWAL(t *testing.T, path string) {
	t.Helper()
	if !closedWAL(path) {
		t.Fatalf("%s is not a closed WAL-mode moatquiz database: the case misses the writer's one-connection open", path)
	}
}

// zeroBytes zeroes the bytes of the file at path from offset from to
// before offset to.
func zeroBytes(t *testing.T, path string, from, to int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	clear(data[from:to])
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestClosedWAL: a writer inspects on its own connection only a file that
// opening read-write leaves as it is: a moatquiz database a writer closed
// (WAL mode, an empty log), not one whose log or rollback journal holds
// changes, nor one in another journal mode.
func TestClosedWAL(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db := openW(t, dir)
	record(t, db, review("moat", "fact", 1, quiz.ModeReview, nil))
	if closedWAL(path) {
		t.Errorf("closedWAL with a log holding a review = true")
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if !closedWAL(path) {
		t.Errorf("closedWAL of a database its writer closed = false")
	}
	if err := os.WriteFile(path+"-journal", []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if closedWAL(path) {
		t.Errorf("closedWAL beside a rollback journal = true")
	}
	os.Remove(path + "-journal")
	sdb, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sdb.Exec("PRAGMA journal_mode = DELETE"); err != nil {
		t.Fatal(err)
	}
	sdb.Close()
	if closedWAL(path) {
		t.Errorf("closedWAL of a database in rollback mode = true")
	}
	foreign := filepath.Join(t.TempDir(), "other.db")
	foreignDB(t, foreign)
	if closedWAL(foreign) {
		t.Errorf("closedWAL of another program's database = true")
	}
}

func BenchmarkRecord(b *testing.B) {
	db := openW(b, b.TempDir())
	var prev *quiz.ItemState
	n := int64(0)
	for b.Loop() {
		n++
		r := review("moat", "fact", n, quiz.ModeReview, prev)
		if _, err := db.Record(*r); err != nil {
			b.Fatal(err)
		}
		after := r.After
		prev = &after
	}
}

func TestDurabilitySettings(t *testing.T) {
	db := openW(t, t.TempDir())
	var mode string
	var sync, busy int
	if err := db.sql.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if err := db.sql.QueryRow("PRAGMA synchronous").Scan(&sync); err != nil {
		t.Fatal(err)
	}
	if err := db.sql.QueryRow("PRAGMA busy_timeout").Scan(&busy); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" || sync != 2 || busy != busyTimeoutMS {
		t.Errorf("journal_mode %s, synchronous %d, busy_timeout %d; want wal, 2 (FULL), %d", mode, sync, busy, busyTimeoutMS)
	}
}

// TestFullDisk fills the database (PRAGMA max_page_count stands in for a
// full disk): the failed save says so, changes nothing, and the same
// review saves once there is room.
func TestFullDisk(t *testing.T) {
	db := openW(t, t.TempDir())
	first := review("moat", "fact", 1, quiz.ModeReview, nil)
	record(t, db, first)
	var pages int
	if err := db.sql.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := db.sql.Exec("PRAGMA max_page_count = " + strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	prev := first.After
	big := review("moat", "fact", 2, quiz.ModeReview, &prev)
	big.Typed = strings.Repeat("가", 20000)
	saved, err := db.Record(*big)
	if err == nil || !strings.Contains(err.Error(), "disk is full") || saved.ID != 0 {
		t.Fatalf("Record on a full disk = %v (ID %d), want a disk-full error and no ID", err, saved.ID)
	}
	if got := allReviews(t, db); len(got) != 1 {
		t.Errorf("after the failed save: %d reviews, want 1", len(got))
	}
	if got := states(t, db); !reflect.DeepEqual(got, map[quiz.ItemID]quiz.ItemState{first.Item: first.After}) {
		t.Errorf("after the failed save: states %+v", got)
	}
	if _, err := db.sql.Exec("PRAGMA max_page_count = 1000000"); err != nil {
		t.Fatal(err)
	}
	record(t, db, big)
	if got := states(t, db)[big.Item]; !reflect.DeepEqual(got, big.After) {
		t.Errorf("after retrying: state %+v, want %+v", got, big.After)
	}
}

// BenchmarkOpen opens, as the app does at start, a store holding 50,000
// reviews and 10,000 item states (the check of the file included).
func BenchmarkOpen(b *testing.B) {
	dir := b.TempDir()
	db := openW(b, dir)
	record(b, db, review("moat", "fact", 1, quiz.ModeReview, nil))
	cols := strings.TrimPrefix(reviewCols, "id, ")
	rest := strings.TrimPrefix(cols, "deck, card, ")
	fill := "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) " +
		"INSERT INTO review (" + cols + ") SELECT deck, card || (i % 10000), " + rest + " FROM review, n WHERE review.id = 1; " +
		"INSERT OR IGNORE INTO item_state (deck, card, item, " + stateCols + ") SELECT deck, card, item, " + stateCols +
		" FROM review WHERE id > 1"
	if _, err := db.sql.Exec(fill); err != nil {
		b.Fatal(err)
	}
	db.Close()
	for b.Loop() {
		db, err := Open(dir, Options{})
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

func TestOddDirectoryNames(t *testing.T) {
	for _, name := range []string{"a b", "q?x=1", "h#frag", "p%20c", "한글 자료", "semi;colon&amp"} {
		dir := filepath.Join(t.TempDir(), name)
		db := openW(t, dir)
		record(t, db, review("moat", "fact", 1, quiz.ModeReview, nil))
		db.Close()
		if _, err := os.Stat(filepath.Join(dir, FileName)); err != nil {
			t.Errorf("%q: the database is not where it belongs: %v", name, err)
		}
		if got := allReviews(t, openR(t, dir)); len(got) != 1 {
			t.Errorf("%q: %d reviews read back, want 1", name, len(got))
		}
	}
}

// withMigration adds a migration for the rest of the test.
func withMigration(t *testing.T, sql string) {
	saved := migrations
	migrations = append(migrations[:len(migrations):len(migrations)], sql)
	schemaVersion = len(migrations)
	t.Cleanup(func() { migrations, schemaVersion = saved, len(saved) })
}

func TestMigrateForward(t *testing.T) {
	dir := t.TempDir()
	moatquizDB(t, dir, 2)
	withMigration(t, "CREATE TABLE extra (x INTEGER); INSERT INTO extra VALUES (42)")
	if _, err := Open(dir, Options{ReadOnly: true}); !errors.Is(err, ErrTooOld) {
		t.Errorf("reader of an older schema: %v, want ErrTooOld", err)
	}
	db := openW(t, dir)
	var x int
	if v, _ := versions(t, db); v != schemaVersion {
		t.Errorf("user_version %d after migrating, want %d", v, schemaVersion)
	}
	if err := db.sql.QueryRow("SELECT x FROM extra").Scan(&x); err != nil || x != 42 {
		t.Errorf("migration %d not applied: %v", schemaVersion, err)
	}
	if got := len(allReviews(t, db)); got != 2 {
		t.Errorf("%d reviews after migrating, want 2", got)
	}
}

func TestFailedMigrationChangesNothing(t *testing.T) {
	dir := t.TempDir()
	moatquizDB(t, dir, 1)
	last := schemaVersion
	withMigration(t, "CREATE TABLE extra (x INTEGER); INSERT INTO no_such_table VALUES (1)")
	if _, err := Open(dir, Options{}); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("version %d", last+1)) {
		t.Fatalf("Open with a failing migration = %v, want an error about version %d", err, last+1)
	}
	migrations, schemaVersion = migrations[:last], last
	db := openW(t, dir)
	var n int
	if err := db.sql.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'").Scan(&n); err != nil || n != 0 {
		t.Errorf("the failed migration left table extra behind (%d, %v)", n, err)
	}
	if v, _ := versions(t, db); v != last {
		t.Errorf("user_version %d after a failed migration, want %d", v, last)
	}
}

// TestDamageFoundWhenRead damages the review log's pages, which the check
// at open does not read: reading the log, the states and the figures
// then says the database is damaged and what to do, as the check would.
func TestDamageFoundWhenRead(t *testing.T) {
	dir := t.TempDir()
	db := openW(t, dir)
	for i := range 300 {
		r := review("card"+strconv.Itoa(i%7), "fact", int64(i), quiz.ModePractice, nil)
		r.Typed = strings.Repeat("x", 200)
		record(t, db, r)
	}
	record(t, db, review("moat", "fact", 301, quiz.ModeReview, nil))
	// The pages of the log, its indexes and its counts: all but the
	// schema's and the item states' (which the check at open reads).
	rows, err := db.sql.Query("SELECT pageno FROM dbstat WHERE name NOT IN " +
		"('sqlite_schema', 'item_state', 'item_state_today', 'item_state_day', 'new_frontier', 'sqlite_sequence')")
	if err != nil {
		t.Fatal(err)
	}
	var pages []int
	for rows.Next() {
		var p int
		if err := rows.Scan(&p); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	if err := errors.Join(rows.Err(), rows.Close(), db.Close()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, FileName)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 20 {
		t.Fatalf("the log has %d pages: too few to damage", len(pages))
	}
	for _, p := range pages { // page numbers start at 1
		clear(data[(p-1)*pageSize : p*pageSize])
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}

	for _, opt := range []Options{{}, {ReadOnly: true}} {
		db, err := Open(dir, opt)
		if err != nil {
			t.Fatalf("Open(%+v): %v (the damage is past what it checks)", opt, err)
		}
		errs := map[string]error{"Reviews": db.Reviews(func(quiz.Review) error { return nil })}
		_, errs["StatsRows"] = db.StatsRows(StatsScope{Items: []string{"article"}})
		for what, err := range errs {
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "restore it from a backup") {
				t.Errorf("%s on a damaged log (%+v) = %v; want ErrDamaged naming the file and what to do", what, opt, err)
			}
		}
		db.Close()
	}
}

// TestReaderOnReadOnlyDirectory reads a database in a directory where
// SQLite cannot create the -shm index of a WAL database (a backup on
// read-only media): a reader opens it as immutable. Root ignores the
// permissions, so there it is skipped; e2e/damaged_test.go checks the
// same with a read-only mount.
func TestReaderOnReadOnlyDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores directory permissions (e2e/damaged_test.go uses a read-only mount instead)")
	}
	dir := t.TempDir()
	moatquizDB(t, dir, 3)
	os.Remove(filepath.Join(dir, LockName))
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	db := openR(t, dir)
	if got := allReviews(t, db); len(got) != 3 {
		t.Errorf("read %d reviews from a read-only directory, want 3", len(got))
	}
	if _, err := Open(dir, Options{}); err == nil || !strings.Contains(err.Error(), "writable") {
		t.Errorf("a writer on a read-only directory: %v, want an error saying it must be writable", err)
	}
}

// TestMessagesQuotingTheFileAreEscaped: a foreign database's table names
// and a damaged schema's text reach the error message, which escapes
// their control and invisible characters.
func TestMessagesQuotingTheFileAreEscaped(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE \"a\x1b]0;pwned\x07\u202eb\" (x)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(dir, Options{ReadOnly: true})
	if err == nil || strings.ContainsAny(err.Error(), "\x1b\x07\u202e") || !strings.Contains(err.Error(), `a\x1b]0;pwned\x07\u202eb`) {
		t.Errorf("Open = %q; want the table's name with its escape, bell and bidi override escaped", err)
	}
}

// TestReaderOfAnEmptyWALDatabase: a database in WAL mode with nothing in
// it (a writer killed before its first migration committed) is nothing
// saved yet for a reader, which leaves no side files behind.
func TestReaderOfAnEmptyWALDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA journal_mode = WAL; CREATE TABLE x (a); DROP TABLE x"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := sum(t, path)
	if _, err := Open(dir, Options{ReadOnly: true}); !errors.Is(err, ErrNoProgress) {
		t.Errorf("Open(ReadOnly) of an empty WAL database = %v, want ErrNoProgress", err)
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + side); err == nil {
			t.Errorf("the reader left a %s file", side)
		}
	}
	if sum(t, path) != before {
		t.Error("the reader changed the file")
	}
}

// TestLockOfAGoneHolder: a lock whose file names no running process (an
// empty file, a gone process's pid, a new holder's before it writes its
// own) is tried again for a moment, then refused naming nobody; one that
// names a running process is refused at once, naming it.
func TestLockOfAGoneHolder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, LockName)
	held := flock.New(path)
	if ok, err := held.TryLock(); !ok || err != nil {
		t.Fatalf("take the lock: %v %v", ok, err)
	}
	defer held.Unlock()
	for _, tt := range []struct {
		content string
		pid     int
	}{
		{strconv.Itoa(os.Getpid()) + "\n", os.Getpid()},
		{"2147483647\n", 0}, // no such process
		{"", 0},
		{"not a pid", 0},
	} {
		if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Open(dir, Options{})
		var le *LockedError
		if !errors.As(err, &le) || le.PID != tt.pid {
			t.Errorf("Open with %q in the held lock's file = %v, want a LockedError naming pid %d", tt.content, err, tt.pid)
		}
	}
}

func TestDirectoryNamedLikeTheDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, opt := range []Options{{}, {ReadOnly: true}} {
		db, err := Open(dir, opt)
		if err == nil {
			db.Close()
			t.Fatalf("Open(%+v) succeeded", opt)
		}
		if !errors.Is(err, ErrNotMoatquiz) || !strings.Contains(err.Error(), path+": not a moatquiz database (it is a directory)") ||
			!strings.Contains(err.Error(), "move it out of the way") {
			t.Errorf("Open(%+v) = %v; want it to name %s as a directory and say to move it", opt, err, path)
		}
		if got, err := os.ReadDir(dir); err != nil || len(got) != 1 {
			t.Errorf("Open(%+v) left %v (%v) in the data directory, want only the directory", opt, got, err)
		}
		if got, err := os.ReadDir(path); err != nil || len(got) != 0 {
			t.Errorf("Open(%+v) put %v (%v) in the directory", opt, got, err)
		}
	}
}

// TestUpgradeReported: opening a database of an older version for writing
// says so as the upgrade starts, with the size of the log, and as it
// ends; a new database, an up-to-date one and a reader say nothing.
func TestUpgradeReported(t *testing.T) {
	dir := t.TempDir()
	var got []Upgrade
	report := func(u Upgrade) { got = append(got, u) }
	db, err := Open(dir, Options{Upgrading: report})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	moatquizDB(t, dir, 3)
	last := schemaVersion
	withMigration(t, "CREATE TABLE extra (x INTEGER)")
	if db, err := Open(dir, Options{ReadOnly: true, Upgrading: report}); err == nil {
		db.Close()
	}
	if len(got) != 0 {
		t.Fatalf("before the upgrade: reports %+v", got)
	}
	db, err = Open(dir, Options{Upgrading: report})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	want := []Upgrade{{From: last, To: last + 1, Reviews: 3}, {From: last, To: last + 1, Reviews: 3, Done: true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reports %+v, want %+v", got, want)
	}
	got = nil
	db = openW(t, dir)
	db.Close()
	if db, err = Open(dir, Options{Upgrading: report}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if len(got) != 0 {
		t.Errorf("an up-to-date database reported %+v", got)
	}
}

// TestNewDatabaseMadeWhole: a new database gets every table in one
// transaction, so a moatquiz killed (here: failing) while making it
// leaves no file of an older schema that stats and export would refuse.
func TestNewDatabaseMadeWhole(t *testing.T) {
	saved := migrations
	t.Cleanup(func() { migrations, schemaVersion = saved, len(saved) })
	migrations = append(slices.Clone(saved), "CREATE TABLE broken (")
	schemaVersion = len(migrations)
	dir := t.TempDir()
	if _, err := Open(dir, Options{}); err == nil {
		t.Fatal("Open with a broken last migration succeeded")
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v, tables int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow("SELECT count(*) FROM sqlite_master WHERE type = 'table'").Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if v != 0 || tables != 0 {
		t.Errorf("after a failed creation: version %d with %d tables, want 0 and none", v, tables)
	}
}
