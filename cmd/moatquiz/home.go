package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
	"github.com/moatquiz/moatquiz/termtext"
	"github.com/moatquiz/moatquiz/tui"
)

// homeCmd opens the app on its home screen: what moatquiz does with no
// subcommand.
type homeCmd struct{}

// Run opens the app.
func (c *homeCmd) Run(g *Globals) error { return runApp(g, g.library(), nil) }

// runApp runs the terminal app on the decks of lib until the learner
// quits, saving every answer as it is given; start, when set, starts a
// session at once.
func runApp(g *Globals, lib *library.Library, start *tui.Start) error {
	out, closeOut, err := terminalOutput()
	if err != nil {
		return err
	}
	defer closeOut()
	cfg, err := g.loadConfig()
	if err != nil {
		return err
	}
	clk, err := clock()
	if err != nil {
		return err
	}
	db, err := openStore(g, false)
	if err != nil {
		return err
	}
	defer db.Close()
	study := lib.Study(db, cfg.Scheduling, clk)
	model := tui.New(tui.Config{
		Backend:    appBackend{study, g},
		Scheduling: cfg.Scheduling,
		Clock:      clk,
		Start:      start,
		Readings:   sendReadings(lib),
	}) // NO_COLOR: Bubble Tea reports an ASCII colour profile, and the app draws in monochrome
	p := tea.NewProgram(model, tea.WithOutput(out))
	started := startSync(lib, db, cfg.SyncDir, cfg.Scheduling, func(cards map[string][]string) { p.Send(tui.StoreChangedMsg{Cards: cards}) })
	defer func() { <-started }() // the store stays open until the sync at start is done
	final, err := p.Run()
	if err != nil {
		return fmt.Errorf("terminal: %w", err)
	}
	if m, ok := final.(tui.Model); ok && m.Err() != nil {
		return m.Err()
	}
	lib.SaveBuiltin()
	return finishSync(lib, db, cfg.SyncDir, cfg.Scheduling, started)
}

// startSync syncs with dir, when set, in the background while the app
// runs; the channel gets its report, then is closed, then synced is
// called with the cards it changed (the app counts again what the sync
// brought in, and a session running follows them).
func startSync(lib *library.Library, db *store.DB, dir string, sch quiz.Scheduling, synced func(cards map[string][]string)) <-chan string {
	done := make(chan string, 1)
	if dir == "" {
		close(done)
		return done
	}
	go func() {
		msg, cards := syncMessage(lib, db, dir, sch)
		done <- msg
		close(done)
		synced(cards)
	}()
	return done
}

// finishSync waits for the sync at start, syncs again with what was
// studied, and reports both on stderr: the app's screen is gone by then.
// A sync that fails is reported, not fatal: every answer is saved here,
// and goes out at the next sync.
func finishSync(lib *library.Library, db *store.DB, dir string, sch quiz.Scheduling, started <-chan string) error {
	if dir == "" {
		return nil
	}
	start := <-started
	quit, _ := syncMessage(lib, db, dir, sch)
	if start == quit { // a folder away all along
		fmt.Fprintf(os.Stderr, "moatquiz: at start and at quit: %s\n", quit)
		return nil
	}
	fmt.Fprintf(os.Stderr, "moatquiz: at start: %s\nmoatquiz: at quit: %s\n", start, quit)
	return nil
}

// syncMessage syncs db with dir and says what it did, or what failed,
// with whatever would steer the terminal escaped, and returns the cards
// it changed.
func syncMessage(lib *library.Library, db *store.DB, dir string, sch quiz.Scheduling) (string, map[string][]string) {
	var w strings.Builder
	cards, err := syncWith(lib, db, dir, sch, &w)
	if err != nil {
		w.WriteString(err.Error())
	}
	return termtext.Escape(strings.TrimSpace(w.String())), cards
}

// terminalOutput is where the app draws: standard output when it is a
// terminal, else the terminal it was started from (/dev/tty), so that
// `moatquiz > log` still shows what it asks. With no terminal to draw on
// the app refuses before it opens anything, rather than take answers
// blind.
func terminalOutput() (out *os.File, closeOut func(), err error) {
	if term.IsTerminal(os.Stdout.Fd()) {
		return os.Stdout, func() {}, nil
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		if term.IsTerminal(tty.Fd()) {
			return tty, func() { tty.Close() }, nil
		}
		tty.Close()
	}
	return nil, nil, errors.New("the app needs a terminal to draw on; for text output use the commands " +
		"(moatquiz decks, stats, export …; moatquiz --help lists them)")
}
