package e2e

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// killRounds is how many times TestKillAnywhereLosesNothing kills the
// app: MOATQUIZ_E2E_KILLS, else 30.
func killRounds(t *testing.T) int {
	if v := os.Getenv("MOATQUIZ_E2E_KILLS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("MOATQUIZ_E2E_KILLS=%q is not a positive number", v)
		}
		return n
	}
	return 30
}

// testSeed is the random seed of a test's random choices (kill points,
// resize storms): MOATQUIZ_E2E_SEED (to make a failing run's choices
// again; its timing may differ), else the time.
func testSeed(t *testing.T) uint64 {
	if v := os.Getenv("MOATQUIZ_E2E_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("MOATQUIZ_E2E_SEED=%q: %v", v, err)
		}
		return n
	}
	return uint64(time.Now().UnixNano())
}

// ledger is what the crash test knows of the answers it gave, by the
// unique text typed for each.
type ledger struct {
	saved  map[string]bool // confirmed on screen, or found saved: must be there exactly once, forever
	maybe  map[string]bool // in flight when the app was killed: there at most once
	undone map[string]bool // confirmed undone, or found lost: must never be there
}

// check compares the saved reviews' typed answers with the ledger, then
// settles the answers in flight: found ones must stay, lost ones must not
// come back.
func (l *ledger) check(t *testing.T, round int, rows []review) {
	t.Helper()
	seen := map[string]int{}
	for _, r := range rows {
		seen[r.Typed]++
	}
	for typed, n := range seen {
		switch {
		case n > 1:
			t.Fatalf("round %d: the answer %q is saved %d times", round, typed, n)
		case !l.saved[typed] && !l.maybe[typed]:
			t.Fatalf("round %d: the answer %q is saved but was never given, or was undone", round, typed)
		}
	}
	for typed := range l.saved {
		if seen[typed] != 1 {
			t.Fatalf("round %d: the answer %q was confirmed but is not saved (%d reviews in all)", round, typed, len(rows))
		}
	}
	for typed := range l.maybe {
		if seen[typed] == 1 {
			l.saved[typed] = true
		} else {
			l.undone[typed] = true
		}
		delete(l.maybe, typed)
	}
}

// progressRE finds the session's progress, "done/total", on the screen.
var progressRE = regexp.MustCompile(`(\d+)/(\d+)\n`)

// done is how many answers the session shows as saved.
func done(t *testing.T, screen string) int {
	t.Helper()
	m := progressRE.FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no progress on the screen:\n%s", screen)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestKillAnywhereLosesNothing answers typed questions in the real app
// and SIGKILLs it at random points: while it starts (opening, migrating
// the database), while an answer is typed, just after a grade is sent
// (the save in flight), just after an undo is sent, and while idle.
// After each kill every answer the screen confirmed is saved exactly
// once, an answer in flight is saved at most once and stays as it was
// found, an undone answer never comes back, and the database passes
// SQLite's integrity check with every item's state matching its latest
// review. Every fourth round starts a second moatquiz on the same data
// directory while the first runs (it must refuse, naming the first's pid,
// and exit non-zero); every fifth starts one just before the kill (it
// must refuse or work).
func TestKillAnywhereLosesNothing(t *testing.T) {
	e2eTest(t)
	seed := testSeed(t)
	t.Logf("seed %d (MOATQUIZ_E2E_SEED repeats it)", seed)
	base, err := time.Parse(time.RFC3339, now)
	if err != nil {
		t.Fatal(err)
	}
	c := &crasher{tm: newTerm(t), rng: rand.New(rand.NewPCG(seed, 0)),
		ledger: ledger{saved: map[string]bool{}, maybe: map[string]bool{}, undone: map[string]bool{}}}
	tm := c.tm
	rounds := killRounds(t)
	for c.round = 1; c.round <= rounds; c.round++ {
		// Each round a day later: reviews stay in time order, and each
		// day has new cards.
		tm.now = base.AddDate(0, 0, c.round).Format(time.RFC3339)
		tm.launch("study", "--deck", "article", "--kind", "typed", "--limit", "200")
		c.race = nil
		killed := c.play()
		if c.race != nil {
			c.settleRace()
		}
		if !killed { // the app had gone: the second one started first
			continue
		}
		tm.exited()
		c.ledger.check(t, c.round, tm.reviews())
		checkIntegrity(t, tm.data)
	}
	t.Logf("%d kills survived (%d during start-up, %d with a save or undo in flight); %d answers kept, %d undone or lost in flight; "+
		"%d second instances refused while the first ran; %d started as it was killed: %d refused, %d opened",
		c.kills, c.startup, c.inFlight, len(c.ledger.saved), len(c.ledger.undone), c.refused, c.raced, c.raced-c.opened, c.opened)
}

// crasher plays the rounds of TestKillAnywhereLosesNothing.
type crasher struct {
	tm     *term
	rng    *rand.Rand
	ledger ledger
	round  int
	race   *second // a second moatquiz started just before this round's kill

	kills, startup, inFlight, refused, raced, opened int // what happened, for the log
}

// play answers up to five questions, then kills the app at a random
// point. It reports whether the app was killed (always, unless the kill
// point came after the app had already gone).
func (c *crasher) play() bool {
	tm, l := c.tm, &c.ledger
	if c.rng.IntN(6) == 0 {
		c.startup++
		return c.killSoon(150)
	}
	base := done(tm.t, tm.waitFor("enter check"))
	if c.round%4 == 0 {
		c.refuseSecond()
	}
	var last string
	for j := range c.rng.IntN(5) {
		typed := fmt.Sprintf("r%dq%d", c.round, j)
		switch point := c.rng.IntN(8); {
		case point == 0: // mid-typing
			tm.text(typed[:2])
			return c.kill()
		case point <= 2: // the grade sent, its save in flight
			give(tm, typed)
			tm.keys("3")
			l.maybe[typed] = true
			c.inFlight++
			return c.killSoon(20)
		case point == 3 && last != "": // the undo sent, in flight
			tm.keys("C-z")
			delete(l.saved, last)
			l.maybe[last] = true
			c.inFlight++
			return c.killSoon(20)
		}
		give(tm, typed)
		tm.keys("3")
		// The next question shows only once the answer is committed.
		tm.waitFor(fmt.Sprintf(" %d/", base+j+1))
		tm.waitFor("enter check")
		l.saved[typed] = true
		last = typed
	}
	if last != "" && c.rng.IntN(4) == 0 { // a confirmed undo
		tm.keys("C-z")
		tm.waitFor("Undone.")
		delete(l.saved, last)
		l.undone[last] = true
	}
	return c.killSoon(30)
}

// killSoon kills the app within ms milliseconds; every fifth round it
// first starts a second moatquiz, so that it starts before the kill, or
// during it, or after.
func (c *crasher) killSoon(ms int) bool {
	if c.round%5 == 0 {
		c.race = c.tm.launchWindow(fmt.Sprintf("race%d", c.round), "study", "--deck", "article", "--kind", "typed", "--limit", "200")
	}
	time.Sleep(time.Duration(c.rng.IntN(ms)) * time.Millisecond)
	return c.kill()
}

// kill SIGKILLs the app, and reports whether it was still running.
func (c *crasher) kill() bool {
	tm := c.tm
	tm.t.Helper()
	if !tm.alive() {
		return false
	}
	switch err := syscall.Kill(tm.pid(), syscall.SIGKILL); {
	case errors.Is(err, syscall.ESRCH): // it exited on its own just now
		return false
	case err != nil:
		tm.t.Fatalf("kill: %v", err)
	}
	c.kills++
	return true
}

// refuseSecond starts a second moatquiz on the data directory while the
// first runs: it must say which process has it and exit non-zero, and
// the first must go on working.
func (c *crasher) refuseSecond() {
	tm := c.tm
	t := tm.t
	t.Helper()
	w := tm.launchWindow(fmt.Sprintf("two%d", c.round))
	code, said := w.wait()
	want := fmt.Sprintf("another moatquiz (pid %d)", tm.pid())
	if code == 0 || !strings.Contains(said, want) {
		t.Fatalf("a second moatquiz while the first runs exited %d and said:\n%s\nwant a non-zero exit and %q", code, said, want)
	}
	w.close()
	if !tm.alive() {
		t.Fatalf("the first moatquiz died when a second one started")
	}
	c.refused++
}

// settleRace waits for the second moatquiz started around the kill: it
// must either refuse (non-zero, naming a pid) or open the app, which is
// then closed.
func (c *crasher) settleRace() {
	w, t := c.race, c.tm.t
	t.Helper()
	defer w.close()
	c.raced++
	deadline := time.Now().Add(10 * time.Second)
	for {
		if strings.Contains(w.screen(), "enter check") { // it got the lock: it works
			c.tm.tmux("send-keys", "-t", "app:"+w.name, "Escape")
			if code, said := w.wait(); code != 0 {
				t.Fatalf("the second moatquiz, working, exited %d:\n%s", code, said)
			}
			c.opened++
			return
		}
		if done, _ := w.exited(); done {
			if code, said := w.wait(); code == 0 || !strings.Contains(said, "another moatquiz (pid ") {
				t.Fatalf("the second moatquiz exited %d and said:\n%s", code, said)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the second moatquiz neither refused nor opened:\n%s", w.screen())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// give types an answer and checks it, waiting for the grades.
func give(tm *term, typed string) {
	tm.t.Helper()
	tm.text(typed)
	tm.waitFor("› " + typed)
	tm.keys("Enter")
	tm.waitFor("3 Good")
}
