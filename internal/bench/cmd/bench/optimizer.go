package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/moatquiz/moatquiz/internal/bench/fsrsref"
	"github.com/moatquiz/moatquiz/internal/revlog"
	"github.com/moatquiz/moatquiz/optimize"
)

// optimizerReviews is the log size the optimizer is measured at.
const optimizerReviews = 100_000

// optimizerResult is `moatquiz optimize` on the collection with
// optimizerReviews reviews, and fsrs-rs on the same log.
type optimizerResult struct {
	c      collection
	wall   time.Duration // the whole command: reading the log, fitting, evaluating
	peakKB int64
	ref    *fsrsref.Fit // nil without -fsrs-ref
}

// measureOptimizer runs `moatquiz optimize` once on c, and fsrs-rs on
// c's review log when ref names its install.
func measureOptimizer(bin string, c collection, work, ref string) (optimizerResult, error) {
	r := optimizerResult{c: c}
	env := append(environ(c, work), now(c))
	cmd := exec.Command(bin, "optimize", "--json")
	cmd.Env = env
	cmd.Stdout = io.Discard
	var stderr limited
	cmd.Stderr = &stderr
	at := time.Now()
	if err := cmd.Start(); err != nil {
		return r, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for waiting := true; waiting; {
		r.peakKB = max(r.peakKB, fsrsref.PeakKB(cmd.Process.Pid))
		select {
		case err := <-done:
			r.wall = time.Since(at)
			if err != nil {
				return r, fmt.Errorf("moatquiz optimize: %w: %s", err, stderr.b)
			}
			waiting = false
		case <-time.After(5 * time.Millisecond):
		}
	}
	if ref == "" {
		return r, nil
	}
	items, err := exportedItems(bin, env)
	if err != nil {
		return r, err
	}
	fit, err := fsrsref.Run(ref, filepath.Join(moduleRoot(), "scripts", "optimizer-compare.mjs"), items)
	r.ref = &fit
	return r, err
}

// exportedItems is c's review log, from `moatquiz export reviews`, as
// fsrs-rs's items: days counted in UTC from the 4 am rollover, as the
// benchmark's environment has moatquiz count them.
func exportedItems(bin string, env []string) ([][][2]int, error) {
	cmd := exec.Command(bin, "export", "reviews")
	cmd.Env = env
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	var reviews []optimize.Review
	sc := bufio.NewScanner(out)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var line struct {
			Deck, Card, Item, Mode string
			Rating                 int
			ReviewedAt             time.Time `json:"reviewed_at"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			return nil, fmt.Errorf("export reviews: %w", err)
		}
		if line.Mode == "practice" {
			continue
		}
		day := int(line.ReviewedAt.Add(-4*time.Hour).Unix() / 86400)
		reviews = append(reviews, optimize.Review{Item: line.Deck + "/" + line.Card + "/" + line.Item, Day: day, Rating: line.Rating})
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("export reviews: %w", err)
	}
	return revlog.Items(reviews), sc.Err()
}

// printOptimizer prints the optimizer's figures beside fsrs-rs's.
func printOptimizer(w io.Writer, r optimizerResult) {
	fmt.Fprintf(w, "optimizer, %d reviews (%s): moatquiz optimize %s (whole command), peak RSS %s\n",
		r.c.reviews, r.c.name, ms(r.wall), mb(r.peakKB<<10))
	if r.ref == nil {
		fmt.Fprintln(w, "  (fsrs-rs not run: give -fsrs-ref DIR, see scripts/optimizer-compare)")
		return
	}
	refTime := time.Duration(r.ref.MS * float64(time.Millisecond))
	fmt.Fprintf(w, "  fsrs-rs (binding 0.5.0, computeParameters alone) %s, peak RSS %s (node)\n", ms(refTime), mb(r.ref.PeakKB<<10))
	fmt.Fprintf(w, "  %s\n", verdict("optimize ≤ 2x fsrs-rs", r.wall <= 2*refTime))
}
