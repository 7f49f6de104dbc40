package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestTwoMachinesSyncThroughAFolder: two apps on two data directories
// share a folder through sync_dir. A studies two cards and quits (its
// quit sync writes them); B starts (its start sync reads them while the
// first question is already up), studies one, and quits; a last sync on
// A leaves both with the same log.
func TestTwoMachinesSyncThroughAFolder(t *testing.T) {
	e2eTest(t)
	folder := t.TempDir()
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, []byte("sync_dir = "+`"`+folder+`"`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	a, b := newTerm(t), newTerm(t)
	b.now = "2026-03-02T12:00:00+09:00"
	studyFlip(a, cfg, 2)
	if s := unwrapped(a); !strings.Contains(s, "at quit: synced with") || !strings.Contains(s, "2 new changes written") {
		t.Errorf("A's quit does not say it synced:\n%s", s)
	}
	studyFlip(b, cfg, 1)
	s := unwrapped(b)
	for _, want := range []string{"at start: synced with", "2 reviews from other machines", "at quit:", "1 new change written"} {
		if !strings.Contains(s, want) {
			t.Errorf("B's messages lack %q:\n%s", want, s)
		}
	}
	sync := exec.Command(bin, "sync")
	sync.Env = append(os.Environ(), "MOATQUIZ_DATA_DIR="+a.data, "MOATQUIZ_CONFIG="+cfg)
	if out, err := sync.CombinedOutput(); err != nil || !strings.Contains(string(out), "1 review from other machines") {
		t.Errorf("moatquiz sync on A: %v\n%s", err, out)
	}
	ea, eb := exported(t, a), exported(t, b)
	if ea != eb || strings.Count(ea, "\n") != 3 {
		t.Errorf("A and B export different logs, or not 3 reviews:\n%s\n%s", ea, eb)
	}
}

// unwrapped is what tm's pane shows and has scrolled away, its lines
// joined: the messages that the app leaves wrap at 80 columns.
func unwrapped(tm *term) string {
	return strings.ReplaceAll(tm.tmux("capture-pane", "-p", "-S", "-", "-t", "app"), "\n", "")
}

// studyFlip runs a study session of n flip cards on tm with config cfg,
// grades each Good, and waits for the app to exit.
func studyFlip(tm *term, cfg string, n int) {
	tm.t.Helper()
	cmd := tm.appCommand("study", "--deck", "article", "--kind", "flip", "--direction", "ko-en", "--limit", "10")
	tm.launchShell(strings.Replace(cmd, "MOATQUIZ_CONFIG="+os.DevNull, "MOATQUIZ_CONFIG="+shq(cfg), 1))
	for range n {
		tm.waitFor("space show")
		tm.keys("Space")
		tm.waitFor("Good")
		tm.keys("3")
	}
	tm.keys("q")
	tm.exited()
}

// exported is tm's `moatquiz export reviews` without the log ids, each
// machine's own.
func exported(t *testing.T, tm *term) string {
	t.Helper()
	cmd := exec.Command(bin, "export", "reviews")
	cmd.Env = append(os.Environ(), "MOATQUIZ_DATA_DIR="+tm.data, "MOATQUIZ_CONFIG="+os.DevNull)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	return regexp.MustCompile(`"id":\d+,`).ReplaceAllString(string(out), "")
}
