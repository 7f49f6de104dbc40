package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestStatsAfterASession studies three cards in the real app, then checks
// that `moatquiz stats` counts them today, in the heatmap and in the
// items by state.
func TestStatsAfterASession(t *testing.T) {
	e2eTest(t)
	tm := start(t, "study", "--deck", "article", "--kind", "flip", "--limit", "3")
	tm.waitFor(" 0/3")
	for i := 1; i <= 3; i++ {
		tm.keys("Space")
		tm.waitFor("3 Good")
		tm.keys("3") // new cards graded Good go to their 10m learning step
		tm.waitFor(fmt.Sprintf(" %d/", i))
	}
	// The three come back in this session for their next step: stop here.
	tm.keys("Escape")
	tm.exited()

	res := moatquiz(t, tm.data, "", "stats", "--json")
	if res.code != 0 {
		t.Fatalf("stats --json exited %d: %s", res.code, res.stderr)
	}
	var s struct {
		Today   string `json:"today"`
		Reviews struct{ Today, Total int }
		Days    []struct {
			Date    string
			Reviews int
		}
		Items struct{ Total, New, Learning, Review int }
	}
	if err := json.Unmarshal([]byte(res.stdout), &s); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, res.stdout)
	}
	if s.Reviews.Today != 3 || s.Reviews.Total != 3 {
		t.Errorf("reviews today %d, total %d; want 3 and 3", s.Reviews.Today, s.Reviews.Total)
	}
	if len(s.Days) != 1 || s.Days[0].Date != s.Today || s.Days[0].Reviews != 3 {
		t.Errorf("days = %+v, want one day, today (%s), with 3 answers", s.Days, s.Today)
	}
	if s.Items.Learning != 3 || s.Items.New != s.Items.Total-3 {
		t.Errorf("items = %+v, want 3 learning and the rest new", s.Items)
	}

	text := moatquiz(t, tm.data, "", "stats")
	if text.code != 0 || strings.Contains(text.stdout, "\x1b") {
		t.Fatalf("stats exited %d, escape codes in plain output: %v\n%s", text.code, strings.Contains(text.stdout, "\x1b"), text.stdout)
	}
	if !strings.Contains(text.stdout, "Today    3 answers") {
		t.Errorf("stats does not say today's 3 answers:\n%s", text.stdout)
	}
	if !heatmapHasToday(text.stdout) {
		t.Errorf("the heatmap has no shaded cell for today:\n%s", text.stdout)
	}
}

// heatmapHasToday reports whether a weekday row of the heatmap ends with
// a shaded cell: today is the last cell drawn.
func heatmapHasToday(out string) bool {
	for _, line := range strings.Split(out, "\n") {
		for _, day := range []string{"Mon ", "Tue ", "Wed ", "Thu ", "Fri ", "Sat ", "Sun "} {
			if strings.HasPrefix(line, day) && strings.ContainsAny(line[len(line)-3:], "░▒▓█") {
				return true
			}
		}
	}
	return false
}
