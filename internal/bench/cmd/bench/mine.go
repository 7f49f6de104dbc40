package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// mineResult is the figures of `moatquiz mine` on one text.
type mineResult struct {
	file  string
	words int
	wall  []time.Duration
	cpu   []time.Duration // user + system
	rss   []int64
}

// measureMine times `moatquiz mine --dry-run FILE` in a data folder of its
// own (the built-in decks only), runs times after a warm-up, with the
// process's peak RSS.
func measureMine(bin, file, work string, runs int) (mineResult, error) {
	text, err := os.ReadFile(file)
	if err != nil {
		return mineResult{}, err
	}
	r := mineResult{file: file, words: len(strings.Fields(string(text)))}
	env := append(os.Environ(), "MOATQUIZ_DATA_DIR="+filepath.Join(work, "mine-data"))
	for i := 0; i <= runs; i++ {
		cmd := exec.Command(bin, "mine", "--dry-run", file)
		cmd.Env, cmd.Stdout = env, io.Discard
		var stderr limited
		cmd.Stderr = &stderr
		at := time.Now()
		if err := cmd.Run(); err != nil {
			return r, fmt.Errorf("moatquiz mine: %w: %s", err, stderr.b)
		}
		if i == 0 {
			continue // the warm-up: the binary into the page cache
		}
		r.wall = append(r.wall, time.Since(at))
		r.cpu = append(r.cpu, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			r.rss = append(r.rss, ru.Maxrss<<10) // KiB on Linux
		}
	}
	return r, nil
}

// printMine prints the figures of `moatquiz mine` and issue 20's targets.
func printMine(w io.Writer, r mineResult) {
	wall, rss := median(r.wall), median(r.rss)
	fmt.Fprintf(w, "mine --dry-run %s (%d words): %s wall, %s CPU, peak RSS %s   %s  %s\n",
		filepath.Base(r.file), r.words, ms(wall), ms(median(r.cpu)), mb(rss),
		verdict("≤ 5 s", wall <= 5*time.Second), verdict("≤ 400 MB", rss <= 400<<20))
}
