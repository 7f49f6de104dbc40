package main

import "errors"

// statsCmd is not built yet.
type statsCmd struct{}

// Run reports that the command is not built yet.
func (c *statsCmd) Run(g *Globals) error { return errors.New("stats: not built yet") }
