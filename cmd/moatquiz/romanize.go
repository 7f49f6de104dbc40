package main

import "errors"

// romanizeCmd is not built yet.
type romanizeCmd struct{}

// Run reports that the command is not built yet.
func (c *romanizeCmd) Run(g *Globals) error { return errors.New("romanize: not built yet") }
