package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/adrg/xdg"

	"github.com/moatquiz/moatquiz/config"
	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// Globals are the flags every subcommand shares.
type Globals struct {
	DataDir string `name:"data-dir" env:"MOATQUIZ_DATA_DIR" type:"path" placeholder:"DIR" help:"Where progress and your decks live (default: $XDG_DATA_HOME/moatquiz)."`
	Config  string `name:"config" env:"MOATQUIZ_CONFIG" type:"path" placeholder:"FILE" help:"The config file (default: $XDG_CONFIG_HOME/moatquiz/config.toml)."`
}

// dataDir is the data directory: --data-dir, MOATQUIZ_DATA_DIR or the XDG
// data directory.
func (g *Globals) dataDir() string {
	if g.DataDir != "" {
		return g.DataDir
	}
	return filepath.Join(xdg.DataHome, "moatquiz")
}

// library is the decks of the data directory; the first reading of a
// large deck shows on stderr when it is a terminal.
func (g *Globals) library() *library.Library {
	lib := library.New(g.dataDir())
	showReadings(lib, os.Stderr)
	return lib
}

// loadConfig reads the config file. A missing file gives the defaults
// only at the default path: a file named by --config or MOATQUIZ_CONFIG
// must exist, since a typo there would quietly undo the learner's
// settings.
func (g *Globals) loadConfig() (config.Config, error) {
	cfg, err := config.Load(g.configPath())
	if err == nil && g.Config != "" && !cfg.Found {
		return cfg, fmt.Errorf("the config file %s does not exist: create it, or leave out --config and MOATQUIZ_CONFIG to use %s",
			termtext.QuoteIfUnsafe(g.Config), termtext.QuoteIfUnsafe(filepath.Join(xdg.ConfigHome, "moatquiz", "config.toml")))
	}
	return cfg, err
}

// configPath is the config file: --config, MOATQUIZ_CONFIG or the XDG
// config directory.
func (g *Globals) configPath() string {
	if g.Config != "" {
		return g.Config
	}
	return filepath.Join(xdg.ConfigHome, "moatquiz", "config.toml")
}

// clock is the app's clock: the system clock, or one that starts at
// MOATQUIZ_NOW (RFC 3339) and runs forward from there.
func clock() (quiz.Clock, error) {
	v := os.Getenv("MOATQUIZ_NOW")
	if v == "" {
		return quiz.SystemClock, nil
	}
	start, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return nil, fmt.Errorf("MOATQUIZ_NOW=%q is not an RFC 3339 time (like 2026-01-02T15:04:05+09:00): %w", v, err)
	}
	return quiz.ClockFrom(start), nil
}

// exitError carries a process exit code with an error already reported.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// exitCode is the process exit code for an error returned by a command:
// 2 for a usage error (a deck id that names no deck, a query that does
// not parse), else 1.
func exitCode(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if errors.As(err, new(*library.NoDeckError)) || errors.As(err, new(usageError)) || errors.As(err, new(*queryError)) {
		return 2
	}
	return 1
}

// usageError is a command line that parses but asks for what is not
// there (a tag no card of the deck has): exit status 2.
type usageError struct{ error }
