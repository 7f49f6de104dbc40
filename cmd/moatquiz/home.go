package main

import "errors"

// homeCmd is not built yet.
type homeCmd struct{}

// Run reports that the command is not built yet.
func (c *homeCmd) Run(g *Globals) error { return errors.New("home: not built yet") }
