package e2e

import "testing"

// TestKeysBehindTooSmall: in a window too small to draw the card, space
// and the grades act on nothing; back at 80x24 the same question is
// asked, unanswered, and q quits even while the window is too small.
func TestKeysBehindTooSmall(t *testing.T) {
	e2eTest(t)
	tm := start(t, "study", "--deck", "article", "--kind", "flip")
	tm.waitFor("show answer")
	ref := tm.screen()
	tm.resize(20, 8)
	tm.waitFor("make the")
	tm.keys("Space", "1", "Space", "3", "Enter", "u")
	tm.settle(ref, "after keys behind the request for a larger terminal")
	tm.resize(20, 8)
	tm.waitFor("make the")
	tm.keys("q")
	tm.exited()
	if rows := tm.reviews(); len(rows) != 0 {
		t.Errorf("keys pressed while the window was too small saved %d answers: %+v", len(rows), rows)
	}
}
