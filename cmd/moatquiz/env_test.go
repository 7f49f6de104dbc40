package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExplicitConfigMustExist: a config file named with --config or
// MOATQUIZ_CONFIG that does not exist is an error that names it (a typo
// would otherwise quietly bring back the defaults); an empty one is the
// defaults.
func TestExplicitConfigMustExist(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "conifg.toml")
	_, err := (&Globals{Config: missing}).loadConfig()
	if err == nil || !strings.Contains(err.Error(), missing+" does not exist") {
		t.Errorf("loadConfig(%s) = %v, want an error naming it", missing, err)
	}
	cfg, err := (&Globals{Config: os.DevNull}).loadConfig()
	if err != nil || cfg.Scheduling.NewPerDay != 20 {
		t.Errorf("loadConfig(%s) = %+v, %v, want the defaults", os.DevNull, cfg.Scheduling, err)
	}
}

// TestUnknownDeckIsUsageError: every command that takes a deck id says
// the same of one that names no deck, and exits 2 as for any usage error.
func TestUnknownDeckIsUsageError(t *testing.T) {
	g := &Globals{DataDir: t.TempDir(), Config: os.DevNull}
	for name, run := range map[string]func() error{
		"study":       func() error { return (&studyCmd{Deck: "nosuch"}).Run(g) },
		"export deck": func() error { return (&exportDeckCmd{ID: "nosuch"}).Run(g) },
		"stats":       func() error { _, err := (&statsCmd{Deck: "nosuch"}).figures(g); return err },
	} {
		err := run()
		if err == nil || err.Error() != `there is no deck "nosuch": moatquiz decks lists them` || exitCode(err) != 2 {
			t.Errorf("%s --deck nosuch: %v (exit %d), want the usage error", name, err, exitCode(err))
		}
	}
}
