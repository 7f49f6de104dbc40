package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/store"
	"github.com/moatquiz/moatquiz/tui"
)

// Slow first opens (a new large deck, a database of an older moatquiz)
// say what they do on a terminal's line, rewritten in place and cleared
// when done, so that the wait is not a blank screen.

// terminal is w when it is a terminal, else nil: the lines are for a
// person watching, never for a log.
func terminal(w io.Writer) *os.File {
	if f, ok := w.(*os.File); ok && term.IsTerminal(f.Fd()) {
		return f
	}
	return nil
}

// showElapsed writes text on f's line with the seconds taken so far, ten
// times a second, until stop is called, which clears the line.
func showElapsed(f *os.File, text string) (stop func()) {
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		start, tick := time.Now(), time.NewTicker(100*time.Millisecond)
		defer tick.Stop()
		for {
			fmt.Fprintf(f, "\r%s %.1f s", text, time.Since(start).Seconds())
			select {
			case <-done:
				fmt.Fprint(f, "\r\x1b[K") // clear the line
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(done); <-stopped }
}

// showUpgrade shows on f, when it is a terminal, the upgrade of the
// progress database, with the time it takes; nil otherwise.
func showUpgrade(f *os.File) func(store.Upgrade) {
	if terminal(f) == nil {
		return nil
	}
	var stop func()
	return func(u store.Upgrade) {
		if u.Done {
			stop()
			return
		}
		stop = showElapsed(f, fmt.Sprintf("Upgrading your progress (%s reviews)…", thousands(u.Reviews)))
	}
}

// showReadings shows on f, when it is a terminal, how far the first
// reading of each large deck has got.
func showReadings(lib *library.Library, f *os.File) {
	if terminal(f) == nil {
		return
	}
	lib.OnReading(throttled(func(r library.Reading) {
		if r.Done {
			fmt.Fprint(f, "\r\x1b[K")
			return
		}
		fmt.Fprintf(f, "\r\x1b[K%s", reading(r))
	}))
}

// sendReadings sends the app the first readings of large decks: a report
// the app has not taken yet is replaced by the newer one, so the loading
// never waits for the screen.
func sendReadings(lib *library.Library) <-chan tui.Reading {
	readings := make(chan tui.Reading, 1)
	lib.OnReading(throttled(func(r library.Reading) {
		for {
			select {
			case readings <- reading(r):
				return
			default:
				select {
				case <-readings: // stale
				default:
				}
			}
		}
	}))
	return readings
}

// reading is r as the app and the command line show it.
func reading(r library.Reading) tui.Reading {
	return tui.Reading{Name: filepath.Base(r.Path), Percent: 100 * r.Read / max(r.Size, 1), Done: r.Done}
}

// throttled passes the readings on to fn ten times a second at most, and
// the last of each file always.
func throttled(fn func(library.Reading)) func(library.Reading) {
	var last time.Time
	return func(r library.Reading) {
		if !r.Done && time.Since(last) < time.Second/10 {
			return
		}
		last = time.Now()
		if r.Done {
			last = time.Time{}
		}
		fn(r)
	}
}
