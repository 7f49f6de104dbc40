package e2e

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

// seeded is how many reviews seedProgress saves.
const seeded = 120

// seedProgress saves a learner's progress in dir through the store: the
// first 30 cards of the article deck reviewed on four days, the rest of
// the reviews practice.
func seedProgress(t *testing.T, dir string) {
	t.Helper()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := fsrs.NewFSRS(fsrs.DefaultParam())
	states := map[quiz.ItemID]quiz.ItemState{}
	start := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	for i := range seeded {
		at := start.Add(time.Duration(i) * 37 * time.Minute)
		id := quiz.ItemID{Deck: "article", Card: fmt.Sprintf("card-%d", i%30), Item: quiz.ItemFact}
		r := &quiz.Review{Item: id, Rating: fsrs.Rating(i%4 + 1), ReviewedAt: at, Duration: 3 * time.Second,
			Typed: fmt.Sprintf("answer %d", i), Mode: quiz.ModeReview, Question: quiz.QuestionTyped}
		card := fsrs.NewCard(at)
		if before, ok := states[id]; ok {
			r.Before, card = &before, before.Card
		}
		info, err := f.Next(card, at, r.Rating)
		if err != nil {
			t.Fatal(err)
		}
		r.After = quiz.ItemState{Card: info.Card, Introduced: at}
		if i >= 90 {
			r.Mode = quiz.ModePractice
		}
		if _, err := db.Record(*r); err != nil {
			t.Fatal(err)
		}
		if r.Mode != quiz.ModePractice {
			states[id] = r.After
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// A command run on damaged state, and what it must say.
type damagedRun struct {
	args  []string
	words []string // in its standard error; empty: it must succeed
}

// The commands that open the store: the app (home and study) and the
// commands that write (stats --unsuspend) or only read.
var (
	appRuns = []damagedRun{
		{args: nil}, // the app's home screen
		{args: []string{"study", "--deck", "article"}},
		{args: []string{"stats", "--unsuspend", "article/card-1/fact"}},
	}
	readRuns = []damagedRun{
		{args: []string{"export", "reviews"}},
		{args: []string{"stats"}},
		{args: []string{"stats", "--json"}},
	}
)

// with is runs, each expecting words.
func with(runs []damagedRun, words ...string) []damagedRun {
	out := make([]damagedRun, len(runs))
	for i, r := range runs {
		out[i] = damagedRun{args: r.args, words: words}
	}
	return out
}

// checkRun checks one run of moatquiz on damaged state: a non-zero exit
// with words on standard error, or (no words) success; never a panic.
func checkRun(t *testing.T, what string, run damagedRun, res result) {
	t.Helper()
	cmd := "moatquiz " + strings.Join(run.args, " ")
	if strings.Contains(res.stderr, "panic") || strings.Contains(res.stderr, "goroutine ") {
		t.Fatalf("%s: %s panicked:\n%s", what, cmd, res.stderr)
	}
	if len(run.words) == 0 {
		if res.code != 0 {
			t.Errorf("%s: %s exited %d: %s", what, cmd, res.code, res.stderr)
		}
		return
	}
	if res.code == 0 {
		t.Errorf("%s: %s exited 0; want an error saying %q (stderr %q)", what, cmd, run.words, res.stderr)
	}
	for _, w := range run.words {
		if !strings.Contains(res.stderr, w) {
			t.Errorf("%s: %s said %q; want %q in it", what, cmd, strings.TrimSpace(res.stderr), w)
		}
	}
}

// unchanged fails the test unless dir holds exactly the files of before,
// apart from the writer's lock file, which a writer takes (and writes
// its pid into) before it looks at the database.
func unchanged(t *testing.T, what, dir string, before map[string]string) {
	t.Helper()
	after := checksums(t, dir)
	delete(after, store.LockName)
	b := map[string]string{}
	for k, v := range before {
		if k != store.LockName {
			b[k] = v
		}
	}
	for name, sum := range b {
		if after[name] != sum {
			t.Errorf("%s: %s changed or went (sha256 %.12s → %.12q)", what, name, sum, after[name])
		}
	}
	for name := range after {
		if _, ok := b[name]; !ok {
			t.Errorf("%s: %s appeared in the data directory", what, name)
		}
	}
}

// TestDamagedDatabase: a truncated database, garbage, another program's
// database and one of a newer moatquiz. The app and every command that
// opens the store refuse with a message naming the problem and a
// non-zero exit, and leave every file as it was.
func TestDamagedDatabase(t *testing.T) {
	e2eTest(t)
	damage := []struct {
		name  string
		make  func(t *testing.T, path string)
		words []string
	}{
		{"truncated to half", func(t *testing.T, path string) { truncate(t, path, 0.5) }, []string{"damaged", "untouched"}},
		{"truncated to its first page", func(t *testing.T, path string) { truncateTo(t, path, 4096) }, []string{"damaged", "untouched"}},
		{"truncated mid-header", func(t *testing.T, path string) { truncateTo(t, path, 60) }, []string{"damaged", "untouched"}},
		{"garbage", func(t *testing.T, path string) {
			write(t, path, []byte(strings.Repeat("not a database\x00\xff", 600)))
		}, []string{"damaged", "untouched"}},
		{"another program's database", func(t *testing.T, path string) {
			foreign(t, path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT); INSERT INTO notes (flds) VALUES ('hello')")
		}, []string{"not a moatquiz database", "tables notes", "untouched"}},
		{"a newer moatquiz's", func(t *testing.T, path string) {
			foreign(t, path, "CREATE TABLE review (id INTEGER); PRAGMA application_id = 1297039700; PRAGMA user_version = 99")
		}, []string{"newer moatquiz", "untouched"}},
		{"a directory in its place", func(t *testing.T, path string) {
			if err := errors.Join(os.Remove(path), os.Mkdir(path, 0o700)); err != nil {
				t.Fatal(err)
			}
		}, []string{"moatquiz.db: not a moatquiz database (it is a directory)", "move it out of the way"}},
		{"another database's log beside it", foreignLog,
			[]string{"moatquiz.db-wal: another database's write-ahead log", "both files were left untouched", "move the log"}},
	}
	for _, d := range damage {
		t.Run(d.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			seedProgress(t, dir)
			path := filepath.Join(dir, store.FileName)
			d.make(t, path)
			before := checksums(t, dir)
			for _, run := range append(with(appRuns, d.words...), with(readRuns, d.words...)...) {
				checkRun(t, d.name, run, moatquiz(t, dir, "", run.args...))
				unchanged(t, d.name, dir, before)
			}
		})
	}
}

// TestDamageInTheLog zeroes the pages of the review log and of the
// answer counts kept beside it (the item states stay whole, so the app
// opens): reading the log or the figures says the database is damaged and
// what to do, and changes nothing.
func TestDamageInTheLog(t *testing.T) {
	e2eTest(t)
	dir := filepath.Join(t.TempDir(), "data")
	seedProgress(t, dir)
	path := filepath.Join(dir, store.FileName)
	db := openDB(t, dir)
	rows, err := db.Query("SELECT pageno FROM dbstat WHERE name NOT IN " +
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
	rows.Close()
	db.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 4 {
		t.Fatalf("the log and its counts have %d pages: too few to damage", len(pages))
	}
	for _, p := range pages { // page numbers start at 1
		clear(data[(p-1)*4096 : p*4096])
	}
	write(t, path, data)
	before := checksums(t, dir)
	for _, run := range with(readRuns, "damaged", "restore it from a backup") {
		checkRun(t, "a damaged log", run, moatquiz(t, dir, "", run.args...))
		unchanged(t, "a damaged log", dir, before)
	}
}

// TestBadConfig: config files with bad values, bad syntax, binary
// garbage, too large, or a directory. The app and the commands that read
// the config refuse with a message naming the file, and change neither
// it nor the data directory (which they do not even create).
func TestBadConfig(t *testing.T) {
	e2eTest(t)
	configs := []struct {
		name, text string
		words      []string
	}{
		{"retention out of range", "desired_retention = 2\n", []string{":1: desired_retention", "from 0.7 to 0.99"}},
		{"a bad step", "new_per_day = 10\nlearning_steps = [\"1m\", \"ten\"]\n", []string{":2: learning_steps", `"ten"`}},
		{"an unknown key", "fuzz = true\ncolour = \"red\"\n", []string{":2", "colour", "unknown key"}},
		{"bad syntax", "rollover_hour = \n", []string{"config.toml:1:", "at start of value"}},
		{"binary garbage", "\xff\xfe\x00\x01\x1b]0;x\x07", []string{"config.toml:1"}},
		{"negative limits", "new_per_day = -1\nreviews_per_day = -5\n", []string{"new_per_day", "reviews_per_day", "0 or more"}},
		{"too large", "# " + strings.Repeat("x", 1<<20) + "\n", []string{"larger than"}},
		{"a directory", "", []string{"is a directory"}},
	}
	runs := []damagedRun{{args: nil}, {args: []string{"study", "--deck", "article"}}, {args: []string{"stats"}}}
	for _, c := range configs {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			cfg, data := filepath.Join(root, "config", "config.toml"), filepath.Join(root, "data")
			if c.name == "a directory" {
				if err := os.MkdirAll(cfg, 0o755); err != nil {
					t.Fatal(err)
				}
			} else {
				write(t, cfg, []byte(c.text))
			}
			seedProgress(t, data)
			before := checksums(t, root)
			for _, run := range with(runs, append([]string{cfg}, c.words...)...) {
				checkRun(t, c.name, run, moatquiz(t, data, cfg, run.args...))
				unchanged(t, c.name, root, before)
			}
			// With no progress yet, nothing is created either.
			fresh := filepath.Join(root, "fresh")
			for _, run := range with(runs, c.words...) {
				checkRun(t, c.name, run, moatquiz(t, fresh, cfg, run.args...))
				if _, err := os.Stat(fresh); err == nil {
					t.Fatalf("moatquiz %s with a bad config created the data directory", strings.Join(run.args, " "))
				}
			}
		})
	}
}

// truncate cuts the file at path to part of its size.
func truncate(t *testing.T, path string, part float64) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	truncateTo(t, path, int64(float64(st.Size())*part))
}

// truncateTo cuts the file at path to size bytes.
func truncateTo(t *testing.T, path string, size int64) {
	t.Helper()
	if err := os.Truncate(path, size); err != nil {
		t.Fatal(err)
	}
}

// write writes data to path, creating its directory.
func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// foreign replaces the database at path with one built by stmts (in the
// rollback journal mode other programs use).
func foreign(t *testing.T, path, stmts string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmts); err != nil {
		t.Fatal(err)
	}
}

// foreignLog writes beside path the write-ahead log of another
// program's database, its changes not yet in that database.
func foreignLog(t *testing.T, path string) {
	t.Helper()
	other := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", other+"?_pragma=journal_mode(WAL)&_pragma=wal_autocheckpoint(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT); INSERT INTO notes (flds) VALUES ('hello')"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(other + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	write(t, path+"-wal", data)
}

// mounts reports whether this machine lets the tests mount file systems
// in a private mount namespace (unshare -m, as root), and why not.
var mounts = sync.OnceValues(func() (bool, string) {
	dir, err := os.MkdirTemp("", "moatquiz-mount-")
	if err != nil {
		return false, err.Error()
	}
	defer os.RemoveAll(dir)
	out, err := exec.Command("unshare", "-m", "--propagation", "private", "sh", "-c",
		"mount -t tmpfs -o size=64k tmpfs "+shq(dir)+" && mount -o remount,ro "+shq(dir)).CombinedOutput()
	if err != nil {
		return false, fmt.Sprintf("unshare -m / mount: %v: %s", err, strings.TrimSpace(string(out)))
	}
	return true, ""
})

// needMounts skips the test where it cannot mount.
func needMounts(t *testing.T) {
	t.Helper()
	if ok, why := mounts(); !ok {
		t.Skipf("cannot make a read-only or full file system here (%s); as root, permissions do not stop moatquiz, so there is no other way to test this", why)
	}
}

// nsRun runs moatquiz with args in a private mount namespace after the
// shell commands setup (which mount things), and returns how it ended
// and a copy of dir (the data directory) as it was when it exited.
func nsRun(t *testing.T, setup, dir string, args ...string) (result, string) {
	t.Helper()
	out := t.TempDir()
	app := "env MOATQUIZ_DATA_DIR=" + shq(dir) + " MOATQUIZ_CONFIG=" + os.DevNull +
		" MOATQUIZ_NOW=" + now + " NO_COLOR=1 " + shellWords(bin, args...)
	stderr := " 2>" + shq(filepath.Join(out, "stderr"))
	if opensApp(args) {
		app, stderr = inTerminal(app, filepath.Join(out, "stderr")), ""
	}
	script := "set -e\n" + setup + "\nset +e\n" + app + " >" + shq(filepath.Join(out, "stdout")) + stderr +
		"\necho $? >" + shq(filepath.Join(out, "status")) +
		"\nif [ -d " + shq(dir) + " ]; then cp -a " + shq(dir) + " " + shq(filepath.Join(out, "after")) + "; fi\n"
	cmd := exec.Command("unshare", "-m", "--propagation", "private", "sh", "-c", script)
	cmd.Stdin = nil
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("in a mount namespace: %v\n%s", err, b)
	}
	var code int
	if _, err := fmt.Sscan(readFile(filepath.Join(out, "status")), &code); err != nil {
		t.Fatalf("exit status: %v", err)
	}
	return result{stdout: readFile(filepath.Join(out, "stdout")), stderr: readFile(filepath.Join(out, "stderr")), code: code},
		filepath.Join(out, "after")
}

// importRun is an import of a small CSV file (outside the data
// directory).
func importRun(t *testing.T) damagedRun {
	csv := filepath.Join(t.TempDir(), "words.csv")
	write(t, csv, []byte("front,back\n해자,moat\n"))
	return damagedRun{args: []string{"import", csv}}
}

// TestReadOnlyDataDirectory mounts the data directory read-only: the app,
// stats --unsuspend and import refuse, saying so; export and
// stats, which only read, still work (a backup on read-only media); no
// file changes.
func TestReadOnlyDataDirectory(t *testing.T) {
	e2eTest(t)
	needMounts(t)
	for _, withProgress := range []bool{true, false} {
		dir := filepath.Join(t.TempDir(), "data")
		if withProgress {
			seedProgress(t, dir)
		} else if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		what := fmt.Sprintf("a read-only data directory (progress saved: %v)", withProgress)
		before := checksums(t, dir)
		readOnly := "mount --bind " + shq(dir) + " " + shq(dir) + " && mount -o remount,bind,ro " + shq(dir)
		runs := append(with(append(appRuns, importRun(t)), "read-only file system"), readRuns...)
		for _, run := range runs {
			res, _ := nsRun(t, readOnly, dir, run.args...)
			checkRun(t, what, run, res)
			if withProgress && len(run.args) == 2 && run.args[0] == "export" {
				if n := strings.Count(res.stdout, "\n"); n != seeded {
					t.Errorf("%s: export reviews wrote %d reviews, want %d", what, n, seeded)
				}
			}
			unchanged(t, what, dir, before)
		}
	}
}

// TestReadOnlyDatabaseFile mounts the database file alone read-only, in
// a writable data directory: the app and stats --unsuspend refuse at
// once, saying the file is read-only and what still works; export and
// stats read it; no file changes and none appears.
func TestReadOnlyDatabaseFile(t *testing.T) {
	e2eTest(t)
	needMounts(t)
	dir := filepath.Join(t.TempDir(), "data")
	seedProgress(t, dir)
	db := shq(filepath.Join(dir, store.FileName))
	before := checksums(t, dir)
	readOnly := "mount --bind " + db + " " + db + " && mount -o remount,bind,ro " + db
	what := "a read-only database file"
	for _, run := range append(with(appRuns, "read-only", "make it writable to study"), readRuns...) {
		res, after := nsRun(t, readOnly, dir, run.args...)
		checkRun(t, what, run, res)
		if len(run.args) == 2 && run.args[0] == "export" {
			if n := strings.Count(res.stdout, "\n"); n != seeded {
				t.Errorf("%s: export reviews wrote %d reviews, want %d", what, n, seeded)
			}
		}
		unchanged(t, what, after, before)
	}
}

// TestDamageInTheLogRefusedBeforeAnyWrite damages a page of the review
// log, then one of its index (pages no check at open reads): stats
// --unsuspend, which writes at once, refuses, saying the database is
// damaged and what to do, and leaves every file as it was.
func TestDamageInTheLogRefusedBeforeAnyWrite(t *testing.T) {
	e2eTest(t)
	for _, name := range []string{"review", "review_item"} {
		dir := filepath.Join(t.TempDir(), "data")
		seedProgress(t, dir)
		db := openDB(t, dir)
		var page int
		q := "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno LIMIT 1"
		if err := db.QueryRow(q, name).Scan(&page); err != nil {
			t.Fatalf("a leaf page of %s: %v", name, err)
		}
		db.Close()
		path := filepath.Join(dir, store.FileName)
		os.Remove(path + "-wal") // what the query left: empty
		os.Remove(path + "-shm")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		clear(data[(page-1)*4096 : page*4096])
		write(t, path, data)
		before := checksums(t, dir)
		run := damagedRun{args: []string{"stats", "--unsuspend", "article/card-1/fact"},
			words: []string{"damaged", "restore it from a backup"}}
		checkRun(t, "a damaged "+name, run, moatquiz(t, dir, "", run.args...))
		unchanged(t, "a damaged "+name, dir, before)
	}
}

// TestFullDisk puts the data directory on a full file system (a small
// tmpfs, filled): with nothing saved yet the app cannot start and says
// the disk is full; with progress saved, the app, stats --unsuspend and
// import say so too, while export and stats still read it; no file
// changes.
func TestFullDisk(t *testing.T) {
	e2eTest(t)
	needMounts(t)
	for _, withProgress := range []bool{true, false} {
		root := t.TempDir()
		seed, mnt := filepath.Join(root, "seed"), filepath.Join(root, "mnt")
		if err := os.MkdirAll(mnt, 0o755); err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(mnt, "data")
		if withProgress {
			seedProgress(t, seed) // with its lock file, as a data directory in use has
		}
		// The filler is bounded: it fills the 1 MB tmpfs, never more.
		full := "mount -t tmpfs -o size=1m tmpfs " + shq(mnt) + "\n"
		if withProgress {
			full += "cp -a " + shq(seed) + " " + shq(dir) + "\n"
		}
		full += "dd if=/dev/zero of=" + shq(filepath.Join(mnt, "filler")) + " bs=4k count=1024 2>/dev/null || true"
		what := fmt.Sprintf("a full disk (progress saved: %v)", withProgress)
		words := []string{"no space left on device"}
		if withProgress {
			words = []string{"disk is probably full", "free some space"}
		}
		runs := append(with(appRuns, words...), with([]damagedRun{importRun(t)}, "no space left on device")...)
		for _, run := range append(runs, readRuns...) {
			if !withProgress && len(run.args) > 0 && run.args[0] == "stats" && len(run.args) == 3 {
				continue // stats --unsuspend of nothing saved: covered by the app's runs
			}
			res, after := nsRun(t, full, dir, run.args...)
			checkRun(t, what, run, res)
			if withProgress {
				unchanged(t, what, after, checksums(t, seed))
				if len(run.args) == 2 && run.args[0] == "export" {
					if n := strings.Count(res.stdout, "\n"); n != seeded {
						t.Errorf("%s: export reviews wrote %d reviews, want %d", what, n, seeded)
					}
				}
			}
		}
	}
}

// TestDiskFillsWhileStudying runs the app in tmux on a small tmpfs and
// fills it before an answer is graded: the app says the answer was not
// saved because the disk is full, keeps the answer on screen, and saves
// it once there is room again and it is graded again; nothing else is
// saved, and the database stays intact.
func TestDiskFillsWhileStudying(t *testing.T) {
	e2eTest(t)
	needMounts(t)
	tm := newTerm(t)
	mnt := filepath.Join(t.TempDir(), "mnt")
	if err := os.MkdirAll(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	tm.data = filepath.Join(mnt, "data")
	tm.launchShell("unshare -m --propagation private sh -c " + shq("mount -t tmpfs -o size=2m tmpfs "+shq(mnt)+" && "+
		tm.appCommand("study", "--deck", "article", "--kind", "typed", "--limit", "3")))
	tm.waitFor("enter check")
	pid := tm.pid()
	inNS := func(args ...string) ([]byte, error) {
		return exec.Command("nsenter", append([]string{"--mount=/proc/" + fmt.Sprint(pid) + "/ns/mnt", "--"}, args...)...).CombinedOutput()
	}
	filler := filepath.Join(mnt, "filler")
	give(tm, "first")
	tm.keys("3")
	tm.waitFor(" 1/")
	give(tm, "second")
	// Bounded: at most 4 MB, into the 2 MB tmpfs.
	inNS("dd", "if=/dev/zero", "of="+filler, "bs=4k", "count=1024") //nolint:errcheck // fails once full, as meant
	tm.keys("3")
	s := tm.waitFor("Not saved")
	if !strings.Contains(strings.Join(strings.Fields(s), " "), "the disk is full; free some space") {
		t.Errorf("the failed save does not say the disk is full:\n%s", s)
	}
	if strings.Count(s, "save review of") > 1 {
		t.Errorf("the failed save repeats itself:\n%s", s)
	}
	if b, err := inNS("rm", filler); err != nil {
		t.Fatalf("free the disk: %v %s", err, b)
	}
	tm.keys("3")
	tm.waitFor(" 2/")
	tm.waitFor("enter check")
	out, err := inNS("env", "MOATQUIZ_DATA_DIR="+tm.data, "MOATQUIZ_CONFIG=/nonexistent.toml", bin, "export", "reviews")
	if err != nil {
		t.Fatalf("export reviews: %v\n%s", err, out)
	}
	var typed []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var r review
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("export line %q: %v", l, err)
		}
		typed = append(typed, r.Typed)
	}
	if strings.Join(typed, ",") != "first,second" {
		t.Errorf("saved answers %q, want first and second, once each", typed)
	}
	tm.keys("Escape")
	tm.exited()
}
