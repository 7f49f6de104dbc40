package main

import "errors"

// checkCmd is not built yet.
type checkCmd struct{}

// Run reports that the command is not built yet.
func (c *checkCmd) Run(g *Globals) error { return errors.New("check: not built yet") }
