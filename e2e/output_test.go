package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOutputRedirected: with standard output redirected the app draws on
// the terminal it was started from, and answers are taken as usual.
func TestOutputRedirected(t *testing.T) {
	e2eTest(t)
	tm := newTerm(t)
	log := filepath.Join(t.TempDir(), "out.log")
	tm.launchShell(tm.appCommand() + " > " + shq(log))
	tm.waitFor("왜 구글은")
	tm.keys("Enter")
	tm.waitFor("show answer")
	tm.keys("Space")
	tm.waitFor("3 Good")
	tm.keys("3")
	tm.waitFor(" 1/")
	tm.keys("q")
	tm.waitFor("왜 구글은")
	tm.keys("C-c")
	tm.exited()
	if got := tm.reviews(); len(got) != 1 || got[0].Rating != 3 {
		t.Errorf("saved reviews %+v, want the one Good answer", got)
	}
}

// TestNoTerminal: with no terminal at all (no tty on standard output and
// no controlling terminal) the app refuses at once with a message that
// names the commands for text output, and opens nothing in the data
// directory.
func TestNoTerminal(t *testing.T) {
	e2eTest(t)
	dir := t.TempDir()
	for _, args := range [][]string{nil, {"study", "--deck", "article"}} {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "MOATQUIZ_DATA_DIR="+dir, "MOATQUIZ_CONFIG="+os.DevNull)
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true} // no controlling terminal
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if err == nil || !strings.Contains(errb.String(), "the app needs a terminal") || !strings.Contains(errb.String(), "moatquiz decks") {
			t.Errorf("moatquiz %v without a terminal: %v\nstderr: %s", args, err, errb.String())
		}
		if out.Len() > 0 {
			t.Errorf("moatquiz %v wrote %q to its standard output", args, out.String())
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("the data directory holds %d files after the app refused", len(entries))
	}
}
