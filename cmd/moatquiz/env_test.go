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
