// Package fsrsref runs fsrs-rs, the reference FSRS optimizer, through the
// npm package @open-spaced-repetition/binding (0.5.0, installed outside
// the repository) and node, for the comparison and benchmark scripts.
package fsrsref

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Fit is fsrs-rs's fit of a log.
type Fit struct {
	Weights []float64 `json:"weights"`
	MS      float64   `json:"ms"`     // time of computeParameters alone
	PeakKB  int64     `json:"peakKB"` // node's peak resident memory (VmHWM)
}

// Run fits items (fsrs-rs's FSRSItems: each a list of (rating, days since
// the previous review)) with the binding installed in ref
// (ref/node_modules/@open-spaced-repetition/binding); script is
// scripts/optimizer-compare.mjs.
func Run(ref, script string, items [][][2]int) (Fit, error) {
	dir, err := os.MkdirTemp("", "fsrsref")
	if err != nil {
		return Fit{}, err
	}
	defer os.RemoveAll(dir)
	data, err := json.Marshal(map[string]any{"items": items})
	if err != nil {
		return Fit{}, err
	}
	itemsPath := filepath.Join(dir, "items.json")
	if err := os.WriteFile(itemsPath, data, 0o600); err != nil {
		return Fit{}, err
	}
	// node resolves the package from the script's folder: copy it beside a link.
	src, err := os.ReadFile(script)
	if err != nil {
		return Fit{}, err
	}
	copied := filepath.Join(dir, "compare.mjs")
	if err := os.WriteFile(copied, src, 0o600); err != nil {
		return Fit{}, err
	}
	modules, err := filepath.Abs(filepath.Join(ref, "node_modules"))
	if err != nil {
		return Fit{}, err
	}
	if err := os.Symlink(modules, filepath.Join(dir, "node_modules")); err != nil {
		return Fit{}, err
	}
	cmd := exec.Command("node", copied, itemsPath)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return Fit{}, fmt.Errorf("node (fsrs-rs in %s): %w", ref, err)
	}
	var f Fit
	if err := json.Unmarshal(out, &f); err != nil {
		return Fit{}, fmt.Errorf("node printed %q: %w", out, err)
	}
	return f, nil
}

// PeakKB is the peak resident memory (VmHWM) of process pid so far, in
// KB, or 0 once it cannot be read. (wait4's maxrss would not do: a child
// of a Go program reports at least its parent's.)
func PeakKB(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}
