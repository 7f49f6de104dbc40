package main

import (
	"os"

	"github.com/moatquiz/moatquiz/store"
)

// openStore opens the progress store in the data directory: for writing
// (the app, import: takes the directory's lock, creating what is missing)
// or read-only (export, stats: no lock, works while the app runs; with
// nothing saved yet the error matches store.ErrNoProgress). A writer's
// upgrade of an older database shows on stderr when it is a terminal.
func openStore(g *Globals, readOnly bool) (*store.DB, error) {
	return store.Open(g.dataDir(), store.Options{ReadOnly: readOnly, Upgrading: showUpgrade(os.Stderr)})
}
