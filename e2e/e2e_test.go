// Package e2e runs the real moatquiz binary in tmux, as a learner would:
// it types into the app, reads the screen, and checks what was saved.
package e2e

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bin is the moatquiz binary TestMain builds (or $MOATQUIZ_E2E_BIN); ""
// when tmux is missing.
var bin string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	flag.Parse()
	if testing.Short() {
		return m.Run() // every test skips (e2eTest): no binary to build
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		fmt.Println("e2e: tmux is not installed; skipping the end-to-end tests (.ci/run installs it)")
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "moatquiz-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if prebuilt := os.Getenv("MOATQUIZ_E2E_BIN"); prebuilt != "" {
		bin = prebuilt // a binary built elsewhere, e.g. with other flags
		return m.Run()
	}
	bin = filepath.Join(dir, "moatquiz")
	build := exec.Command("go", "build", "-o", bin, "github.com/moatquiz/moatquiz/cmd/moatquiz")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: build moatquiz:", err)
		return 1
	}
	return m.Run()
}

// now is the app's clock in these tests (MOATQUIZ_NOW), so the same cards
// are new every time.
const (
	now   = "2026-03-02T10:00:00+09:00"
	later = "2026-03-02T10:05:00+09:00"
)

// term is one moatquiz running in its own tmux server.
type term struct {
	t       *testing.T
	socket  string
	data    string
	started bool   // the tmux session exists
	now     string // MOATQUIZ_NOW for the next launch
}

// e2eTest skips the test under -short (these suites take tens of
// seconds) and without tmux, else runs it in parallel with the others:
// each has its own tmux server, data directory and temporary files.
func e2eTest(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("an end-to-end test: skipped under -short")
	}
	if bin == "" {
		t.Skip("tmux is not installed")
	}
	t.Parallel()
}

// start runs moatquiz with args in a new tmux server of its own (its
// socket in the test's temporary directory) in an 80x24 window, with a
// fresh data directory.
func start(t *testing.T, args ...string) *term {
	t.Helper()
	tm := newTerm(t)
	tm.launch(args...)
	return tm
}

// newTerm is a terminal for the app, not started yet.
func newTerm(t *testing.T) *term {
	t.Helper()
	dir := t.TempDir()
	tm := &term{t: t, socket: filepath.Join(dir, "tmux.sock"), data: filepath.Join(dir, "data"), now: now}
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", tm.socket, "kill-server").Run() })
	return tm
}

// launch starts the app in the test's tmux session, or restarts it in
// the same pane once it has exited. exec makes the pane's process the app
// itself, so that killing the pane's pid kills the app; the pane is kept
// after the app exits, to read its last screen.
func (tm *term) launch(args ...string) {
	tm.t.Helper()
	tm.launchShell(tm.appCommand(args...))
}

// shq quotes s for sh.
func shq(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// tmux runs a tmux command on the test's server.
func (tm *term) tmux(args ...string) string {
	tm.t.Helper()
	// -f /dev/null: the machine's tmux.conf must not change the test.
	out, err := exec.Command("tmux", append([]string{"-f", "/dev/null", "-S", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// screen is what the window shows now.
func (tm *term) screen() string { return tm.tmux("capture-pane", "-p", "-t", "app") }

// waitFor waits until the screen shows text, and returns the screen.
func (tm *term) waitFor(text string) string {
	tm.t.Helper()
	return tm.waitWithin(text, 10*time.Second)
}

// waitWithin is waitFor for what may take longer (loading the Korean
// dictionary on a busy machine).
func (tm *term) waitWithin(text string, d time.Duration) string {
	tm.t.Helper()
	deadline := time.Now().Add(d)
	for {
		s := tm.screen()
		if strings.Contains(s, text) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the screen never showed %q; it shows:\n%s", text, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// keys sends key names (Enter, Escape, ...) to the app.
func (tm *term) keys(keys ...string) { tm.tmux(append([]string{"send-keys", "-t", "app"}, keys...)...) }

// text types text literally.
func (tm *term) text(s string) { tm.tmux("send-keys", "-t", "app", "-l", s) }

// pid is the app's process id.
func (tm *term) pid() int {
	out := strings.TrimSpace(tm.tmux("display-message", "-p", "-t", "app", "#{pane_pid}"))
	pid, err := strconv.Atoi(out)
	if err != nil {
		tm.t.Fatalf("pane pid %q: %v", out, err)
	}
	return pid
}

// exited waits until the app has exited.
func (tm *term) exited() {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.TrimSpace(tm.tmux("display-message", "-p", "-t", "app", "#{pane_dead}")) != "1" {
		if time.Now().After(deadline) {
			tm.t.Fatalf("the app did not exit; the screen shows:\n%s", tm.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// review is the part of a line of `moatquiz export reviews` the tests
// look at.
type review struct {
	Deck   string `json:"deck"`
	Card   string `json:"card"`
	Item   string `json:"item"`
	Rating int    `json:"rating"`
	Mode   string `json:"mode"`
	Typed  string `json:"typed"`
}

// reviews are the saved reviews, from `moatquiz export reviews` (JSON
// Lines, oldest first).
func (tm *term) reviews() []review {
	tm.t.Helper()
	cmd := exec.Command(bin, "export", "reviews")
	cmd.Env = append(os.Environ(), "MOATQUIZ_DATA_DIR="+tm.data, "MOATQUIZ_CONFIG="+os.DevNull)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		tm.t.Fatalf("moatquiz export reviews: %v\n%s", err, errb.String())
	}
	var rows []review
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		var r review
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			tm.t.Fatalf("export line %q: %v", l, err)
		}
		rows = append(rows, r)
	}
	return rows
}

// answerTyped answers the shown typed question with text and grades it
// Good, waiting for the answer side in between.
func (tm *term) answerTyped(text string) {
	tm.t.Helper()
	tm.text(text)
	tm.waitFor("› " + text)
	tm.keys("Enter")
	tm.waitFor("3 Good")
	tm.keys("3")
}

func TestStudyTypedHangulAndExport(t *testing.T) {
	e2eTest(t)
	// Practice, graded Good: no card comes back, so three answers end it.
	tm := start(t, "study", "--deck", "article", "--kind", "typed", "--direction", "en-ko", "--limit", "3", "--practice")
	tm.waitFor("enter check")
	tm.answerTyped("해자")
	tm.waitFor(" 1/3")
	tm.answerTyped("유출")
	tm.waitFor(" 2/3")
	tm.answerTyped("모름")
	tm.waitFor("Session done")
	tm.keys("Enter")
	tm.exited()

	rows := tm.reviews()
	if len(rows) != 3 {
		t.Fatalf("export has %d reviews, want 3: %+v", len(rows), rows)
	}
	for i, typed := range []string{"해자", "유출", "모름"} {
		r := rows[i]
		if r.Deck != "article" || r.Typed != typed || r.Rating != 3 || r.Mode != "practice" {
			t.Errorf("review %d is %+v, want deck article, typed %q, rating 3, practice", i+1, r, typed)
		}
	}
}

func TestKilledMidSessionKeepsEveryAnswer(t *testing.T) {
	e2eTest(t)
	tm := start(t, "study", "--deck", "article", "--kind", "flip", "--limit", "10")
	tm.waitFor(" 0/10")
	for i := 1; i <= 4; i++ {
		tm.keys("Space")
		tm.waitFor("3 Good")
		tm.keys("3")
		// The next card shows only once the answer is committed.
		tm.waitFor(fmt.Sprintf(" %d/", i))
	}
	if err := syscall.Kill(tm.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	tm.exited()
	if rows := tm.reviews(); len(rows) != 4 {
		t.Fatalf("after SIGKILL the export has %d reviews, want 4: %+v", len(rows), rows)
	}

	// Starting again, a little later, goes on where it stopped.
	tm.now = later
	tm.launch("study", "--deck", "article", "--kind", "flip", "--limit", "1")
	tm.waitFor(" 0/1")
	tm.keys("Space")
	tm.waitFor("3 Good")
	tm.keys("3")
	tm.waitFor("Session done")
	tm.keys("q")
	tm.exited()
	if rows := tm.reviews(); len(rows) != 5 {
		t.Fatalf("after restarting the export has %d reviews, want 5", len(rows))
	}
}

// moatDeck is a learner's deck of one word.
const moatDeck = `{
  "format": 1, "id": "mine", "title": "내 단어", "title_en": "My words", "lang": "ko",
  "source": {"publisher": "아시아경제"},
  "cards": [{"id": "haeja", "kind": "vocab", "word": "해자", "meanings": ["moat"], "pos": "noun"}]
}`

func TestComposerAndAlmost(t *testing.T) {
	e2eTest(t)
	tm := newTerm(t)
	if err := os.MkdirAll(filepath.Join(tm.data, "decks"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tm.data, "decks", "mine.json"), []byte(moatDeck), 0o644); err != nil {
		t.Fatal(err)
	}
	tm.launch("study", "--deck", "mine", "--kind", "typed", "--direction", "en-ko")
	tm.waitFor("English → Korean")
	// The built-in 2-set composer: QWERTY keys type Hangul.
	tm.keys("C-k")
	tm.waitFor("2-set 한글 on")
	// Two consonants with no vowel join as libhangul joins them, and
	// backspace takes them apart: rt is ㄳ; rt, backspace, k is 가.
	tm.text("rt")
	tm.waitFor("› ㄳ")
	tm.keys("BSpace")
	tm.text("k")
	tm.waitFor("› 가")
	tm.keys("BSpace", "BSpace")
	tm.text("gowk")
	tm.waitFor("› 해자")
	// One jamo off: backspace takes the ㅏ, i types ㅑ (해저, with ㅓ,
	// is another word: seabed).
	tm.keys("BSpace")
	tm.text("i")
	tm.waitFor("› 해쟈")
	tm.keys("Enter")
	s := tm.waitFor("≈ Almost")
	for _, want := range []string{"ㅑ should be ㅏ", "answer   해자  haeja", "typed    해쟈"} {
		if !strings.Contains(s, want) {
			t.Errorf("the answer side lacks %q:\n%s", want, s)
		}
	}
	tm.keys("Escape")
	tm.exited()
}
