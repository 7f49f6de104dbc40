package e2e

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Window sizes the app is driven at: the home screen goes through all
// of oddSizes, the other screens through extremeSizes. Below 32x10 the
// app asks for a larger terminal ("make the terminal larger").
var (
	extremeSizes = [][2]int{{1, 1}, {20, 5}, {40, 12}, {300, 100}}
	oddSizes     = append([][2]int{{2, 1}, {31, 10}, {32, 9}, {200, 3}, {3, 80}}, extremeSizes...)
)

// tooSmall reports whether the app asks for a larger terminal at w x h.
func tooSmall(w, h int) bool { return w < 32 || h < 10 }

// resize sets the window's size.
func (tm *term) resize(w, h int) {
	tm.t.Helper()
	tm.tmux("resize-window", "-t", "app", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h))
}

// extremes drives the app through every extreme size and a storm of
// random ones, checking at each that it draws what fits (marker, or
// the request for a larger terminal), then back at 80x24 that the screen
// is exactly what it was.
func (tm *term) extremes(rng *rand.Rand, marker string, sizes [][2]int) {
	t := tm.t
	t.Helper()
	ref := tm.screen()
	for _, s := range sizes {
		tm.resize(s[0], s[1])
		want := marker
		if tooSmall(s[0], s[1]) {
			want = "make the terminal larger"[:min(s[0]*s[1], s[0], 9)]
		}
		tm.waitFor(want)
		tm.mustLive(fmt.Sprintf("at %dx%d", s[0], s[1]))
	}
	tm.settle(ref, "after the extreme sizes")
	for range 50 { // a resize storm: no waiting between sizes
		tm.resize(1+rng.IntN(300), 1+rng.IntN(100))
	}
	tm.settle(ref, "after 50 resizes")
}

// settle resizes the window back to 80x24 and waits for the screen to be
// ref again.
func (tm *term) settle(ref, when string) {
	t := tm.t
	t.Helper()
	tm.resize(80, 24)
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := tm.screen()
		if s == ref {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s, back at 80x24 the screen is\n%s\nnot as before:\n%s", when, s, ref)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// mustLive fails the test when the app has died or said "panic".
func (tm *term) mustLive(when string) {
	tm.t.Helper()
	if !tm.alive() {
		tm.t.Fatalf("%s the app died; its stderr:\n%s", when, readFile(tm.stderr()))
	}
	tm.noPanic(when)
}

// noPanic fails the test when the app's screen or stderr says "panic".
func (tm *term) noPanic(when string) {
	tm.t.Helper()
	if s := tm.screen() + readFile(tm.stderr()); strings.Contains(s, "panic") || strings.Contains(s, "goroutine ") {
		tm.t.Fatalf("%s the app panicked:\n%s", when, s)
	}
}

// stderr is the file the extremes tests send the app's standard error to.
func (tm *term) stderr() string { return filepath.Join(tm.data + "-stderr") }

// launchLogged starts the app with args, its standard error in tm.stderr().
func (tm *term) launchLogged(args ...string) {
	tm.t.Helper()
	tm.launchShell(tm.appCommand(args...) + " 2>>" + shq(tm.stderr()))
}

// TestTerminalExtremes drives the app at 1x1, 20x5, 40x12, 300x100 and
// other odd sizes, and through storms of random resizes, on the home
// screen, the help, the stats, a typed question half answered, the answer
// side and the summary: it never panics or dies, and each time the size
// is back at 80x24 the screen is exactly what it was. Then the answers
// given between the storms are saved, once each, and the database is
// intact.
func TestTerminalExtremes(t *testing.T) {
	e2eTest(t)
	tm := newTerm(t)
	seed := testSeed(t)
	t.Logf("seed %d (MOATQUIZ_E2E_SEED repeats it)", seed)
	rng := rand.New(rand.NewPCG(seed, 1))

	tm.launchLogged()
	tm.waitFor("enter study")
	tm.extremes(rng, "Decks", oddSizes)
	tm.keys("?")
	tm.waitFor("any key closes")
	tm.extremes(rng, "any key closes", extremeSizes) // the help's header shows at every size
	tm.keys("Escape")
	tm.waitFor("Decks") // home's title: the help lists "enter study" too
	tm.keys("s")
	tm.waitFor("No answers yet")
	tm.extremes(rng, "Stats", extremeSizes)
	tm.keys("Escape")
	tm.waitFor("enter study")
	tm.keys("q")
	tm.exited()

	tm.launchLogged("study", "--deck", "article", "--kind", "typed", "--direction", "en-ko", "--limit", "2", "--practice")
	tm.waitFor("enter check")
	tm.text("zq")
	tm.waitFor("› zq")
	tm.extremes(rng, "› zq", extremeSizes) // half typed: the text survives
	tm.text("1")
	tm.keys("Enter")
	tm.waitFor("3 Good")
	tm.extremes(rng, "3 Good", extremeSizes)
	tm.keys("3")
	tm.waitFor(" 1/")
	tm.waitFor("enter check")
	tm.answerTyped("zq2")
	tm.waitFor("Session done")
	tm.extremes(rng, "Session done", extremeSizes)
	tm.keys("Enter")
	tm.exited()
	tm.noPanic("at the end")

	rows := tm.reviews()
	if len(rows) != 2 || rows[0].Typed != "zq1" || rows[1].Typed != "zq2" {
		t.Errorf("saved %+v; want the answers zq1 and zq2", rows)
	}
	checkIntegrity(t, tm.data)
}

// bigPaste is 100 KB of text (ASCII, Hangul and a line break or two),
// ending in a marker.
func bigPaste() string {
	var b strings.Builder
	for b.Len() < 100_000 {
		b.WriteString("the moat 해자 오픈소스 Llama\n")
	}
	return b.String() + "끝END"
}

// TestHugePaste pastes 100 KB where nothing is typed (the home screen,
// the answer side), then into the answer field: the app takes it without
// dying or freezing, the question can be answered and graded, and the
// answer is saved.
func TestHugePaste(t *testing.T) {
	e2eTest(t)
	tm := newTerm(t)
	tm.launchLogged("study", "--deck", "article", "--kind", "typed", "--direction", "en-ko", "--limit", "2")
	tm.waitFor("enter check")
	tm.answerTyped("first") // then the answer side of the next question:
	tm.waitFor(" 1/")
	tm.waitFor("enter check")
	tm.text("x")
	tm.keys("Enter")
	tm.waitFor("3 Good")
	ref := tm.screen()
	tm.paste(bigPaste()) // not typing: ignored
	tm.settle(ref, "after a paste on the answer side")
	tm.mustLive("after a paste on the answer side")
	tm.keys("u") // undo the first answer: its question comes back to be typed
	tm.waitFor("Undone.")
	tm.waitFor("enter check")

	tm.paste(bigPaste())
	tm.waitFor("END")
	tm.mustLive("after pasting 100 KB into the answer")
	tm.keys("Enter")
	tm.waitFor("3 Good")
	tm.keys("3")
	tm.waitFor(" 1/")
	tm.keys("Escape")
	tm.exited()
	rows := tm.reviews()
	if len(rows) != 1 || !strings.HasPrefix(rows[0].Typed, "the moat") {
		t.Errorf("saved %d reviews; want one, the pasted answer", len(rows))
	}
	checkIntegrity(t, tm.data)
}
