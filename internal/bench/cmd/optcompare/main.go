// Command optcompare compares moatquiz's FSRS-6 optimizer with fsrs-rs
// (through the npm package @open-spaced-repetition/binding) on review logs
// generated from known weights, and prints log loss, RMSE (bins), weights,
// time and peak memory side by side. scripts/optimizer-compare runs it;
// docs/optimizer.md has the figures.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/moatquiz/moatquiz/internal/bench/fsrsref"
	"github.com/moatquiz/moatquiz/internal/revlog"
	"github.com/moatquiz/moatquiz/optimize"
)

func main() {
	fit := flag.String("fit", "", "internal: fit the reviews in this JSON file and print the result")
	sizes := flag.String("sizes", "1k,10k,100k", "log sizes in reviews")
	ref := flag.String("ref", os.Getenv("FSRS_REF"), "directory with node_modules/@open-spaced-repetition/binding (\"\": moatquiz only)")
	seed := flag.Uint64("seed", 1, "seed of the generated logs")
	flag.Parse()
	var err error
	if *fit != "" {
		err = fitFile(*fit)
	} else {
		err = compare(*sizes, *ref, *seed)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "optcompare:", err)
		os.Exit(1)
	}
}

// fitResult is what a fit prints.
type fitResult struct {
	Weights []float64 `json:"weights"`
	MS      float64   `json:"ms"`
	PeakKB  int64     `json:"peakKB"`
}

// fitFile fits the reviews in path (run in a child process, so that its
// peak memory is the optimizer's alone).
func fitFile(path string) error {
	var reviews []optimize.Review
	if err := readJSON(path, &reviews); err != nil {
		return err
	}
	start := time.Now()
	res, err := optimize.Optimize(context.Background(), optimize.NewDataset(reviews), optimize.Options{RelearningSteps: 1})
	if err != nil {
		return err
	}
	ms := float64(time.Since(start).Microseconds()) / 1000
	peak := fsrsref.PeakKB(os.Getpid())
	return json.NewEncoder(os.Stdout).Encode(fitResult{Weights: res.Weights[:], MS: ms, PeakKB: peak})
}

// run is one optimizer's fit of one log.
type run struct {
	name    string
	weights optimize.Weights
	ms      float64
	peakMB  float64
}

// compare fits a generated log of each size with both optimizers and
// prints the table.
func compare(sizes, ref string, seed uint64) error {
	dir, err := os.MkdirTemp("", "optcompare")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fmt.Printf("true weights: %s\n\n", fmtWeights(revlog.Learner))
	fmt.Printf("%-8s %-9s %9s %8s %9s %9s %10s\n", "reviews", "fit", "log loss", "RMSE", "time", "peak RSS", "max |Δw|")
	for _, s := range strings.Split(sizes, ",") {
		n, err := parseSize(s)
		if err != nil {
			return err
		}
		if err := compareOne(dir, ref, n, seed); err != nil {
			return err
		}
	}
	return nil
}

// compareOne fits and prints one log size.
func compareOne(dir, ref string, n int, seed uint64) error {
	reviews := revlog.Generate(revlog.Learner, n, seed)
	ds := optimize.NewDataset(reviews)
	logPath := filepath.Join(dir, "reviews.json")
	if err := writeJSON(logPath, reviews); err != nil {
		return err
	}
	runs := []run{{name: "defaults", weights: optimize.DefaultWeights()}, {name: "truth", weights: revlog.Learner}}
	var res fitResult
	if err := child(&res, os.Args[0], "-fit", logPath); err != nil {
		return err
	}
	runs = append(runs, run{"moatquiz", toWeights(res.Weights), res.MS, float64(res.PeakKB) / 1024})
	if ref != "" {
		f, err := fsrsref.Run(ref, "scripts/optimizer-compare.mjs", revlog.Items(reviews))
		if err != nil {
			return err
		}
		runs = append(runs, run{"fsrs-rs", toWeights(f.Weights), f.MS, float64(f.PeakKB) / 1024})
	}
	for i, r := range runs {
		label := ""
		if i == 0 {
			label = strconv.Itoa(n)
		}
		m := optimize.Evaluate(ds, r.weights)
		timing := ""
		if r.ms > 0 {
			timing = fmt.Sprintf("%7.0fms %7.1fMB", r.ms, r.peakMB)
		}
		fmt.Printf("%-8s %-9s %9.5f %8.5f %19s %10.3f\n", label, r.name, m.LogLoss, m.RMSE, timing, maxDiff(r.weights, revlog.Learner))
	}
	for _, r := range runs[2:] {
		fmt.Printf("         %-9s w = %s\n", r.name, fmtWeights(r.weights))
	}
	fmt.Println()
	return nil
}

// child runs a command that prints JSON into v.
func child(v any, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := json.Unmarshal(out, v); err != nil {
		return fmt.Errorf("%s printed %q: %w", name, out, err)
	}
	return nil
}

// parseSize reads 1k, 10k, 100k or a plain number.
func parseSize(s string) (int, error) {
	mult := 1
	if strings.HasSuffix(s, "k") {
		s, mult = strings.TrimSuffix(s, "k"), 1000
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("size %q: want a number of reviews like 1000 or 10k", s)
	}
	return n * mult, nil
}

func toWeights(v []float64) optimize.Weights {
	var w optimize.Weights
	copy(w[:], v)
	return w
}

func maxDiff(a, b optimize.Weights) float64 {
	m := 0.0
	for i := range a {
		m = max(m, abs(a[i]-b[i]))
	}
	return m
}

func abs(x float64) float64 { return max(x, -x) }

func fmtWeights(w optimize.Weights) string {
	parts := make([]string, len(w))
	for i, x := range w {
		parts[i] = strconv.FormatFloat(x, 'f', 3, 64)
	}
	return strings.Join(parts, " ")
}

func writeJSON(path string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}
