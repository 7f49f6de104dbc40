package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHomeNamesTheNewCardLimit: once the day's new cards are studied the
// home screen says the new-card limit, not an empty deck, is why nothing
// is due, and how to raise it; + raises it for today, and a restart the
// same day keeps the cards it added.
func TestHomeNamesTheNewCardLimit(t *testing.T) {
	e2eTest(t)
	tm := newTerm(t)
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, []byte("new_per_day = 2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	launch := func() {
		tm.launchShell(strings.Replace(tm.appCommand(), "MOATQUIZ_CONFIG="+os.DevNull, "MOATQUIZ_CONFIG="+shq(cfg), 1))
	}
	launch()
	tm.waitFor("enter study")
	tm.keys("Enter")
	for range 2 { // Easy: the two new cards are done for today
		tm.waitFor("show answer")
		tm.keys("Space")
		tm.waitFor("4 Easy")
		tm.keys("4")
	}
	tm.waitFor("Session done")
	tm.keys("Enter")
	home := tm.waitFor("New-card limit reached: + adds 10 more.")
	if strings.Contains(home, "Nothing is due now") || !strings.Contains(home, "new_per_day in config.toml") {
		t.Errorf("the home screen does not name the limit and how to raise it:\n%s", home)
	}
	tm.keys("+")
	tm.waitFor("10 more new cards today")
	tm.waitFor("  10     ·     ·") // the counts, read again after the message

	tm.keys("q")
	tm.exited()
	tm.now = later
	launch()
	if home := tm.waitFor("enter study"); !strings.Contains(home, "  10     ·     ·") || strings.Contains(home, "limit reached") {
		t.Errorf("after a restart the same day the 10 more new cards are gone:\n%s", home)
	}
}
