package e2e

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite" // the test's own read-only look at the database
)

// This file holds the harness the end-to-end suites share beyond
// e2e_test.go's basics: starting the app, second instances, checksums.

// appCommand is the shell command that runs moatquiz with args on tm's
// data directory and clock, as launch runs it.
func (tm *term) appCommand(args ...string) string {
	cmd := "exec env MOATQUIZ_DATA_DIR=" + shq(tm.data) + " MOATQUIZ_CONFIG=" + os.DevNull +
		" MOATQUIZ_NOW=" + tm.now + " TERM=xterm-256color " + shq(bin)
	for _, a := range args {
		cmd += " " + shq(a)
	}
	return cmd
}

// launchShell starts the test's tmux session (80x24) running the shell
// command cmd, which must exec the app, kept once the app exits; or
// restarts the pane with cmd once the app has exited.
func (tm *term) launchShell(cmd string) {
	tm.t.Helper()
	if tm.started {
		tm.tmux("respawn-pane", "-k", "-t", "app", cmd)
		return
	}
	tm.started = true
	tm.tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "app", cmd)
	tm.tmux("set-option", "-t", "app", "remain-on-exit", "on")
}

// second is a moatquiz started in a second window of the test's tmux
// session.
type second struct {
	tm     *term
	name   string // the window
	stderr string // the file that gets its standard error
	status string // the file that gets its exit status once it exits
}

// launchWindow runs moatquiz with args in a second window of the test's
// tmux session, named name; the first window stays the one keys go to.
// A shell waits for the app and writes its exit status to a file: tmux
// (3.3a) now and then leaves a pane whose process exits at once neither
// reaped nor dead. Standard error goes to a file too, as tmux may scroll
// a detached window's first line away.
func (tm *term) launchWindow(name string, args ...string) *second {
	tm.t.Helper()
	dir := tm.t.TempDir()
	w := &second{tm: tm, name: name, stderr: filepath.Join(dir, "stderr"), status: filepath.Join(dir, "status")}
	app := strings.TrimPrefix(tm.appCommand(args...), "exec ")
	tm.tmux("set-option", "-g", "remain-on-exit", "on")
	tm.tmux("new-window", "-d", "-t", "app", "-n", name,
		app+" 2>"+shq(w.stderr)+"; echo $? >"+shq(w.status)+".tmp && mv "+shq(w.status+".tmp")+" "+shq(w.status))
	return w
}

// screen is what the window shows.
func (w *second) screen() string { return w.tm.tmux("capture-pane", "-p", "-t", "app:"+w.name) }

// exited reports whether the app has exited, and its exit status.
func (w *second) exited() (bool, int) {
	b, err := os.ReadFile(w.status)
	if err != nil {
		return false, 0
	}
	code, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		w.tm.t.Fatalf("exit status %q: %v", b, err)
	}
	return true, code
}

// wait waits until the app has exited and returns its exit status and
// what it wrote to standard error.
func (w *second) wait() (int, string) {
	w.tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if done, code := w.exited(); done {
			return code, readFile(w.stderr)
		}
		if time.Now().After(deadline) {
			w.tm.t.Fatalf("the app in window %s did not exit; it shows:\n%s", w.name, w.screen())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// close removes the window.
func (w *second) close() { w.tm.tmux("kill-window", "-t", "app:"+w.name) }

// readFile is the contents of path, "" when it cannot be read.
func readFile(path string) string {
	b, _ := os.ReadFile(path)
	return string(b)
}

// alive reports whether the app in the first window still runs.
func (tm *term) alive() bool {
	return strings.TrimSpace(tm.tmux("display-message", "-p", "-t", "app", "#{pane_dead}")) != "1"
}

// result is how a command-line run of moatquiz ended.
type result struct {
	stdout, stderr string
	code           int
}

// moatquiz runs the binary with args on data directory dir with config
// file cfg ("" for none), with stdin empty: the CLI commands outside a
// terminal, the app (no args, or study) in a pseudo-terminal of its own,
// where the tests expect it to refuse to start (it is stopped after 30 s).
func moatquiz(t *testing.T, dir, cfg string, args ...string) result {
	t.Helper()
	if cfg == "" {
		cfg = os.DevNull
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	var errFile string
	if opensApp(args) {
		errFile = filepath.Join(t.TempDir(), "stderr")
		cmd = exec.CommandContext(ctx, "sh", "-c", inTerminal(shellWords(bin, args...), errFile))
	}
	cmd.Env = append(os.Environ(), "MOATQUIZ_DATA_DIR="+dir, "MOATQUIZ_CONFIG="+cfg, "MOATQUIZ_NOW="+now, "NO_COLOR=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if errFile != "" {
		errb.WriteString(readFile(errFile))
	}
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("run moatquiz %s: %v", strings.Join(args, " "), err)
	}
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}

// opensApp reports whether moatquiz with args opens the terminal app.
func opensApp(args []string) bool { return len(args) == 0 || args[0] == "study" }

// inTerminal is a shell command that runs the shell command cmd in a
// pseudo-terminal of its own (script(1)) with its standard error going
// to the file errFile, and exits with its status.
func inTerminal(cmd, errFile string) string {
	return "script -q -e -c " + shq(cmd+" 2>"+shq(errFile)) + " /dev/null </dev/null"
}

// shellWords is a shell command running name with args.
func shellWords(name string, args ...string) string {
	cmd := shq(name)
	for _, a := range args {
		cmd += " " + shq(a)
	}
	return cmd
}

// checksums are the SHA-256 of every file under dir, by path relative to
// dir (directories map to "dir"), to show that a refused run left them
// exactly as they were.
func checksums(t *testing.T, dir string) map[string]string {
	t.Helper()
	sums := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			sums[rel] = "dir"
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		sums[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatalf("checksums of %s: %v", dir, err)
	}
	return sums
}

// openDB opens the data directory's database read-only with the SQLite
// driver, for the test's own checks.
func openDB(t *testing.T, dir string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "moatquiz.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// checkIntegrity fails the test unless the database (if there is one)
// passes SQLite's full integrity check and every item's state is the one its latest scheduled
// review left (Record and Unrecord write both in one transaction).
func checkIntegrity(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, "moatquiz.db")); errors.Is(err, fs.ErrNotExist) {
		return
	}
	db := openDB(t, dir)
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		t.Fatalf("integrity check: %v", err)
	}
	if res != "ok" {
		t.Fatalf("PRAGMA integrity_check: %s", res)
	}
	var n int
	if err := db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name IN ('item_state', 'review')").Scan(&n); err != nil {
		t.Fatalf("list tables: %v", err)
	}
	switch n {
	case 0:
		return // killed before the first migration was committed: nothing saved yet
	case 1:
		t.Fatalf("the database has half the schema")
	}
	// States without a matching latest scheduled review, and scheduled
	// reviews whose item has no state.
	const mismatched = `
		SELECT count(*) FROM item_state s
		LEFT JOIN (SELECT deck, card, item, max(id) AS id FROM review WHERE mode != 'practice'
		           GROUP BY deck, card, item) l USING (deck, card, item)
		LEFT JOIN review r ON r.id = l.id
		WHERE r.id IS NULL OR r.due != s.due OR r.reps != s.reps OR r.state != s.state
		   OR r.stability != s.stability OR r.last_review IS NOT s.last_review`
	if err := db.QueryRow(mismatched).Scan(&n); err != nil {
		t.Fatalf("compare states and reviews: %v", err)
	}
	if n != 0 {
		t.Fatalf("%d item states differ from their latest review", n)
	}
	const stateless = `
		SELECT count(*) FROM (SELECT DISTINCT deck, card, item FROM review WHERE mode != 'practice'
		                      EXCEPT SELECT deck, card, item FROM item_state)`
	if err := db.QueryRow(stateless).Scan(&n); err != nil {
		t.Fatalf("find reviews without a state: %v", err)
	}
	if n != 0 {
		t.Fatalf("%d reviewed items have no state", n)
	}
}
