package main

import "errors"

// exportDeckCmd writes a deck to a file (`moatquiz export deck`). The
// interop work fills it in; this file is theirs.
type exportDeckCmd struct{}

// Run reports that the command is not built yet.
func (c *exportDeckCmd) Run(g *Globals) error { return errors.New("export deck: not built yet") }
