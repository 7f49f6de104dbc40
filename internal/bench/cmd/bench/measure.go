package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/moatquiz/moatquiz/internal/bench/term"
)

// The terminal's size.
const cols, rows = 80, 24

// timeout bounds every wait for the screen.
const timeout = 20 * time.Second

// What the screens show, to know when a frame is complete: the home
// screen's footer appears once the decks and their counts are loaded;
// the study screen shows "show answer" while a question is asked and the
// grades once it is answered.
var (
	homeReady = term.Contains("↑↓ choose", "quit")
	asking    = func(s string) bool { return term.Contains("show answer")(s) && !term.Contains("3 Good")(s) }
	answered  = term.Contains("3 Good")
)

// result is a collection's figures: each a list of samples.
type result struct {
	c                     collection
	profile               string // prefix of CPU profile files ("" for none)
	home, floor, first    []time.Duration
	reveal, grade, floorK []time.Duration
	rssHome, rssStudy     []int64
	rssFloor              []int64
	stats, check          []time.Duration
	browseOpen, browseKey []time.Duration // opening the browser, each keystroke's search
}

// measure takes every figure of a collection, opt.runs times each after
// one warm-up run.
func measure(b binaries, c collection, work string, opt options) (result, error) {
	r := result{c: c, profile: opt.profile}
	for i := 0; i <= opt.runs; i++ {
		warm := i == 0
		env := environ(c, work)
		steps := []func() error{
			func() error { return r.homeRun(b.moatquiz, env, warm) },
			func() error { return r.floorRun(b.floor, env, opt.keys, warm) },
			func() error { return r.studyRun(b.moatquiz, env, opt.keys, warm) },
			func() error { return r.commands(b.moatquiz, env, warm) },
			func() error { return r.browse(c, warm) },
		}
		for _, step := range steps {
			if err := step(); err != nil {
				return r, err
			}
		}
	}
	return r, nil
}

// environ is the programs' environment: a home of their own in work, the
// collection's data directory and clock, and an xterm.
func environ(c collection, work string) []string {
	home := filepath.Join(work, "home")
	return []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + home, "TERM=xterm-256color", "LANG=C.UTF-8",
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
		"MOATQUIZ_DATA_DIR=" + c.dir,
	}
}

// now is the MOATQUIZ_NOW setting for a program started now: the
// collection's clock runs with the real time since it was made, so that
// every answer a study run saves lies in the past of later runs, as it
// does for a learner.
func now(c collection) string {
	return "MOATQUIZ_NOW=" + c.now.Add(time.Since(c.made)).Format(time.RFC3339Nano)
}

// env is env with the clock and, with -cpuprofile, where moatquiz writes
// its profile (each run overwrites the one before).
func (r *result) env(env, args []string) []string {
	env = append(env, now(r.c))
	if r.profile == "" {
		return env
	}
	name := "home"
	if len(args) > 0 {
		name = args[0]
	}
	return append(env, "MOATQUIZ_CPUPROFILE="+fmt.Sprintf("%s-%s-%s.prof", r.profile, r.c.name, name))
}

// start runs a program in a pseudo-terminal.
func (r *result) start(env []string, path string, args ...string) (*term.Term, time.Time, error) {
	cmd := exec.Command(path, args...)
	cmd.Env = r.env(env, args)
	return term.Start(cmd, cols, rows)
}

// homeRun times the home screen's first complete frame and reads the
// peak memory, then quits.
func (r *result) homeRun(bin string, env []string, warm bool) error {
	t, at, err := r.start(env, bin)
	if err != nil {
		return err
	}
	frame, err := t.WaitFor(homeReady, timeout)
	if err != nil {
		t.Wait(0) //nolint:errcheck // reporting the first error
		return fmt.Errorf("home screen: %w", err)
	}
	rss, err := quit(t, "q")
	if err != nil {
		return fmt.Errorf("home screen: %w", err)
	}
	if !warm {
		r.home = append(r.home, frame.Sub(at))
		r.rssHome = append(r.rssHome, rss)
	}
	return nil
}

// quit reads the peak memory, sends the quit key and waits for the exit.
func quit(t *term.Term, key string) (int64, error) {
	rss, err := t.PeakRSS()
	if err == nil {
		_, err = t.Send(key)
	}
	if werr := t.Wait(5 * time.Second); err == nil {
		err = werr
	}
	return rss, err
}

// floorRun times the floor program's first frame and its keypresses.
func (r *result) floorRun(bin string, env []string, keys int, warm bool) error {
	t, at, err := r.start(env, bin)
	if err != nil {
		return err
	}
	frame, err := t.WaitFor(term.Contains("floor: 0 keys"), timeout)
	var lat []time.Duration
	for i := 1; i <= keys && err == nil; i++ {
		var d time.Duration
		d, err = keypress(t, "x", term.Contains("floor: "+strconv.Itoa(i)+" keys"))
		lat = append(lat, d)
	}
	if err != nil {
		t.Wait(0) //nolint:errcheck // reporting the first error
		return fmt.Errorf("floor: %w", err)
	}
	rss, err := quit(t, "q")
	if err != nil {
		return fmt.Errorf("floor: %w", err)
	}
	if !warm {
		r.floor = append(r.floor, frame.Sub(at))
		r.floorK = append(r.floorK, lat...)
		r.rssFloor = append(r.rssFloor, rss)
	}
	return nil
}

// keypress sends key and times the frame that shows ok.
func keypress(t *term.Term, key string, ok func(string) bool) (time.Duration, error) {
	at, err := t.Send(key)
	if err != nil {
		return 0, err
	}
	frame, err := t.WaitFor(ok, timeout)
	return frame.Sub(at), err
}

// studyRun times `moatquiz study --deck ID` to its first card, then
// reveal (space) and grade (3, Good: the answer is saved and the next
// card shown) keys times.
func (r *result) studyRun(bin string, env []string, keys int, warm bool) error {
	t, at, err := r.start(env, bin, "study", "--deck", r.c.deck)
	if err != nil {
		return err
	}
	frame, err := t.WaitFor(asking, timeout)
	var reveal, grade []time.Duration
	for i := 0; i < keys && err == nil; i++ {
		var d time.Duration
		if d, err = keypress(t, " ", answered); err != nil {
			break
		}
		reveal = append(reveal, d)
		if d, err = keypress(t, "3", asking); err == nil {
			grade = append(grade, d)
		}
	}
	if err != nil {
		t.Wait(0) //nolint:errcheck // reporting the first error
		return fmt.Errorf("study: %w", err)
	}
	rss, err := quit(t, "q")
	if err != nil {
		return fmt.Errorf("study: %w", err)
	}
	if !warm {
		r.first = append(r.first, frame.Sub(at))
		r.reveal = append(r.reveal, reveal...)
		r.grade = append(r.grade, grade...)
		r.rssStudy = append(r.rssStudy, rss)
	}
	return nil
}

// commands times `moatquiz stats` and `moatquiz check`, exec to exit,
// with their output to a pipe.
func (r *result) commands(bin string, env []string, warm bool) error {
	stats, err := r.wall(env, bin, "stats")
	if err != nil {
		return err
	}
	args := []string{"check"}
	if r.c.file != "" {
		args = append(args, r.c.file)
	}
	check, err := r.wall(env, bin, args...)
	if err != nil {
		return err
	}
	if !warm {
		r.stats = append(r.stats, stats)
		r.check = append(r.check, check)
	}
	return nil
}

// wall runs a command to its end and returns how long it took.
func (r *result) wall(env []string, bin string, args ...string) (time.Duration, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = r.env(env, args)
	cmd.Stdout = io.Discard
	var stderr limited
	cmd.Stderr = &stderr
	at := time.Now()
	err := cmd.Run()
	d := time.Since(at)
	if err != nil {
		return d, fmt.Errorf("moatquiz %v: %w: %s", args, err, stderr.b)
	}
	return d, nil
}

// limited keeps the first 4 KiB written to it.
type limited struct{ b []byte }

func (l *limited) Write(p []byte) (int, error) {
	l.b = append(l.b, p[:min(len(p), max(4096-len(l.b), 0))]...)
	return len(p), nil
}

// median is the middle sample (the mean of the two middle ones).
func median[T time.Duration | int64](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
