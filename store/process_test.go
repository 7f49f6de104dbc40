package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// The test binary doubles as the helper process of the crash and
// two-process tests: with helperEnv set it runs that helper instead of
// the tests.
const (
	helperEnv = "MOATQUIZ_STORE_TEST_HELPER" // "crash" or "hold"
	helperDir = "MOATQUIZ_STORE_TEST_DIR"    // the data directory
)

func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		os.Exit(runHelper(mode, os.Getenv(helperDir)))
	}
	os.Exit(m.Run())
}

// runHelper runs a helper process and returns its exit code.
func runHelper(mode, dir string) int {
	db, err := Open(dir, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer db.Close()
	switch mode {
	case "crash":
		err = studyForever(db)
	case "hold":
		err = studyThenHold(db)
	default:
		err = fmt.Errorf("unknown helper %q", mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// studier records FSRS reviews of five items the way a session does.
type studier struct {
	db     *DB
	fsrs   *fsrs.FSRS
	states map[quiz.ItemID]quiz.ItemState
	n      int
}

// newStudier starts from the stored states.
func newStudier(db *DB) (*studier, error) {
	st, err := db.States("article")
	if err != nil {
		return nil, err
	}
	return &studier{db: db, fsrs: fsrs.NewFSRS(fsrs.DefaultParam()), states: st}, nil
}

// next records one more review (every sixth is practice) and returns it.
func (s *studier) next() (*quiz.Review, error) {
	s.n++
	now := time.Now()
	id := quiz.ItemID{Deck: "article", Card: "c" + strconv.Itoa(s.n%5), Item: quiz.ItemFact}
	r := &quiz.Review{Item: id, Rating: fsrs.Rating(s.n%4 + 1), ReviewedAt: now,
		Duration: time.Duration(s.n) * time.Millisecond, Mode: quiz.ModeReview, Question: quiz.QuestionFlip}
	card := fsrs.NewCard(now)
	if before, ok := s.states[id]; ok {
		r.Before, card = &before, before.Card
	}
	info, err := s.fsrs.Next(card, now, r.Rating)
	if err != nil {
		return nil, err
	}
	r.After = quiz.ItemState{Card: info.Card}
	if s.n%6 == 0 {
		r.Mode = quiz.ModePractice
	}
	saved, err := s.db.Record(*r)
	if err != nil {
		return nil, err
	}
	*r = saved
	if r.Mode != quiz.ModePractice {
		s.states[id] = r.After
	}
	return r, nil
}

// studyForever records reviews until killed, printing each one's id once
// Record has returned.
func studyForever(db *DB) error {
	s, err := newStudier(db)
	if err != nil {
		return err
	}
	for {
		r, err := s.next()
		if err != nil {
			return err
		}
		if _, err := fmt.Printf("%d\n", r.ID); err != nil {
			return err
		}
	}
}

// studyThenHold records three reviews, says "ready" and holds the store
// open until its stdin closes.
func studyThenHold(db *DB) error {
	s, err := newStudier(db)
	if err != nil {
		return err
	}
	for range 3 {
		if _, err := s.next(); err != nil {
			return err
		}
	}
	fmt.Println("ready")
	_, err = io.Copy(io.Discard, os.Stdin)
	return err
}

// helper starts the test binary as a helper process on dir.
func helper(t *testing.T, mode, dir string) (*exec.Cmd, *bufio.Scanner, io.WriteCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, helperDir+"="+dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	return cmd, bufio.NewScanner(out), in
}

// TestCrash kills a process that records reviews, at whatever point of
// Record it has reached, and checks that every review it reported saved
// is there, with at most one more, and that the database is intact.
func TestCrash(t *testing.T) {
	dir := t.TempDir()
	printed := map[int64]bool{}
	for kill, after := range []int{1, 2, 5, 9, 14, 25, 40, 3} {
		cmd, out, _ := helper(t, "crash", dir)
		read := 0
		for read < after && out.Scan() {
			id, err := strconv.ParseInt(out.Text(), 10, 64)
			if err != nil {
				t.Fatalf("helper printed %q", out.Text())
			}
			printed[id] = true
			read++
		}
		if read < after {
			t.Fatalf("kill %d: the helper stopped after %d reviews: %v", kill, read, out.Err())
		}
		if err := cmd.Process.Kill(); err != nil { // SIGKILL
			t.Fatal(err)
		}
		for out.Scan() { // lines printed before the kill landed
			id, _ := strconv.ParseInt(out.Text(), 10, 64)
			printed[id] = true
		}
		cmd.Wait()
		checkAfterCrash(t, dir, printed, kill+1)
	}
	t.Logf("%d reviews reported saved over 8 kills, all found", len(printed))
}

// checkAfterCrash opens dir as the next app would and checks it against
// the ids the killed processes printed.
func checkAfterCrash(t *testing.T, dir string, printed map[int64]bool, kills int) {
	t.Helper()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("after kill %d: %v", kills, err)
	}
	defer db.Close()
	var res string
	if err := db.sql.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("after kill %d: integrity_check = %q, %v", kills, res, err)
	}
	reviews := allReviews(t, db)
	stored := map[int64]bool{}
	last := map[quiz.ItemID]quiz.ItemState{}
	for _, r := range reviews {
		stored[r.ID] = true
		if r.Mode != quiz.ModePractice {
			last[r.Item] = r.After
		}
	}
	for id := range printed {
		if !stored[id] {
			t.Errorf("after kill %d: review %d was reported saved but is missing", kills, id)
		}
	}
	if len(reviews) > len(printed)+kills {
		t.Errorf("after kill %d: %d reviews stored, %d reported: more than one unreported per kill",
			kills, len(reviews), len(printed))
	}
	if got := states(t, db); !reflect.DeepEqual(got, last) {
		t.Errorf("after kill %d: item states do not match the log's last reviews:\n%v\n%v", kills, got, last)
	}
}

// TestTwoProcesses runs a writer in another process: a second writer is
// told which process holds the store, a reader works beside it, and once
// it quits the store opens for writing again.
func TestTwoProcesses(t *testing.T) {
	dir := t.TempDir()
	cmd, out, in := helper(t, "hold", dir)
	if !out.Scan() || out.Text() != "ready" {
		t.Fatalf("helper said %q, %v", out.Text(), out.Err())
	}
	_, err := Open(dir, Options{})
	var le *LockedError
	if !errors.As(err, &le) || le.PID != cmd.Process.Pid {
		t.Fatalf("second writer: %v; want a LockedError naming pid %d", err, cmd.Process.Pid)
	}
	if got := len(allReviews(t, openR(t, dir))); got != 3 {
		t.Errorf("reader beside the writer: %d reviews, want 3", got)
	}
	in.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("helper: %v", err)
	}
	db := openW(t, dir)
	if got := len(allReviews(t, db)); got != 3 {
		t.Errorf("after the writer quit: %d reviews, want 3", got)
	}
}
