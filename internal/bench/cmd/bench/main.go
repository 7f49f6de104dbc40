// Command bench measures moatquiz as a learner meets it: it builds the
// app and a minimal Bubble Tea program (the floor), generates collections
// of 1,000, 10,000 and 100,000 cards with ten reviews a card, and runs the
// real binaries in a pseudo-terminal, printing the median of several runs
// of each figure. scripts/bench runs it; docs/performance.md explains the
// figures.
//
//	go run ./internal/bench/cmd/bench [-runs 5] [-keys 5] [-sizes 1k,10k,100k]
//		[-data DIR] [-moatquiz BIN] [-cpuprofile PREFIX] [-fsrs-ref DIR] [-mine TEXT]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/moatquiz/moatquiz/internal/bench/gen"
)

// options are the command line.
type options struct {
	runs    int
	sizes   []gen.Size
	data    string // where collections are kept between runs ("" for a temporary folder)
	keys    int    // reveal/grade pairs per study run
	bin     string // a moatquiz binary to measure instead of building one
	profile string // prefix of CPU profiles
	fsrsRef string // where fsrs-rs's npm binding is installed ("" to leave it out)
	mine    string // a Korean text to time `moatquiz mine` on ("" for none)
}

func main() {
	opt, err := parseFlags()
	if err == nil {
		err = run(opt)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// parseFlags reads the command line.
func parseFlags() (options, error) {
	var opt options
	sizes := flag.String("sizes", "1k,10k,100k", "the collections to measure besides the built-in decks, from 1k, 10k, 100k")
	flag.IntVar(&opt.runs, "runs", 5, "runs of each measurement; the table shows their median")
	flag.IntVar(&opt.keys, "keys", 5, "reveal and grade keypresses timed in each study run")
	flag.StringVar(&opt.data, "data", "", "keep the generated collections in this folder and reuse them (default: a temporary folder, removed)")
	flag.StringVar(&opt.bin, "moatquiz", "", "measure this moatquiz binary instead of building ./cmd/moatquiz")
	flag.StringVar(&opt.profile, "cpuprofile", "", "have moatquiz write CPU profiles to PREFIX-COLLECTION-COMMAND.prof (MOATQUIZ_CPUPROFILE)")
	flag.StringVar(&opt.fsrsRef, "fsrs-ref", os.Getenv("FSRS_REF"), "folder with node_modules/@open-spaced-repetition/binding, to time fsrs-rs beside the optimizer (see scripts/optimizer-compare)")
	flag.StringVar(&opt.mine, "mine", "", "also time `moatquiz mine --dry-run` on this Korean text (UTF-8)")
	flag.Parse()
	if opt.runs < 1 || opt.keys < 1 {
		return opt, fmt.Errorf("-runs and -keys must be at least 1")
	}
	for _, name := range strings.Split(*sizes, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		s, ok := sizeNamed(name)
		if !ok {
			return opt, fmt.Errorf("-sizes: no size %q (use 1k, 10k, 100k)", name)
		}
		opt.sizes = append(opt.sizes, s)
	}
	return opt, nil
}

// sizeNamed finds a size by name.
func sizeNamed(name string) (gen.Size, bool) {
	for _, s := range gen.Sizes {
		if s.Name == name {
			return s, true
		}
	}
	return gen.Size{}, false
}

// run builds, generates and measures, then prints the tables.
func run(opt options) error {
	work, err := os.MkdirTemp("", "moatquiz-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	data := opt.data
	if data == "" {
		data = filepath.Join(work, "data")
	}
	cols, err := collections(data, opt.sizes)
	if err != nil {
		return err
	}
	bins, err := build(work, opt.bin)
	if err != nil {
		return err
	}
	fmt.Print(machine())
	fmt.Printf("load before: %s\n\n", loadAvg())
	var results []result
	var opts []optimizerResult
	for _, c := range cols {
		fmt.Fprintf(os.Stderr, "measuring %s ...\n", c.name)
		r, err := measure(bins, c, work, opt)
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		results = append(results, r)
		if c.reviews == optimizerReviews {
			o, err := measureOptimizer(bins.moatquiz, c, work, opt.fsrsRef)
			if err != nil {
				return fmt.Errorf("%s: %w", c.name, err)
			}
			opts = append(opts, o)
		}
	}
	var mined mineResult
	if opt.mine != "" {
		fmt.Fprintf(os.Stderr, "measuring mine ...\n")
		if mined, err = measureMine(bins.moatquiz, opt.mine, work, opt.runs); err != nil {
			return err
		}
	}
	fmt.Printf("load after: %s\n\n", loadAvg())
	printTables(os.Stdout, results, opt)
	for _, o := range opts {
		fmt.Println()
		printOptimizer(os.Stdout, o)
	}
	if opt.mine != "" {
		fmt.Println()
		printMine(os.Stdout, mined)
	}
	return nil
}

// binaries are the programs measured.
type binaries struct{ moatquiz, floor string }

// build compiles moatquiz (unless bin names a binary) and the floor
// program into dir.
func build(dir, bin string) (binaries, error) {
	b := binaries{moatquiz: filepath.Join(dir, "moatquiz"), floor: filepath.Join(dir, "floor")}
	pkgs := []struct{ out, pkg string }{{b.floor, "./internal/bench/cmd/floor"}}
	if bin != "" {
		b.moatquiz = bin
	} else {
		pkgs = append(pkgs, struct{ out, pkg string }{b.moatquiz, "./cmd/moatquiz"})
	}
	for _, p := range pkgs {
		cmd := exec.Command("go", "build", "-o", p.out, p.pkg)
		cmd.Dir = moduleRoot()
		if out, err := cmd.CombinedOutput(); err != nil {
			return b, fmt.Errorf("go build %s: %w\n%s", p.pkg, err, out)
		}
	}
	return b, nil
}

// moduleRoot is the folder of go.mod (the working directory under go run
// from the repository).
func moduleRoot() string {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil || strings.TrimSpace(string(out)) == "" || strings.TrimSpace(string(out)) == os.DevNull {
		return "."
	}
	return filepath.Dir(strings.TrimSpace(string(out)))
}

// machine describes the machine, Go and the date.
func machine() string {
	cpu := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "model name"); ok {
				cpu = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	goVersion := runtime.Version()
	if out, err := exec.Command("go", "env", "GOVERSION").Output(); err == nil {
		goVersion = strings.TrimSpace(string(out))
	}
	return fmt.Sprintf("machine: %d CPUs, %s; %s %s/%s; %s\n", runtime.NumCPU(), cpu, goVersion,
		runtime.GOOS, runtime.GOARCH, time.Now().Format("2006-01-02 15:04 MST"))
}

// loadAvg is the 1, 5 and 15 minute load averages.
func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
