package main

import "errors"

// exportCmd is not built yet.
type exportCmd struct{}

// Run reports that the command is not built yet.
func (c *exportCmd) Run(g *Globals) error { return errors.New("export: not built yet") }
