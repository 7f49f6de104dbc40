package main

import "errors"

// importCmd is not built yet.
type importCmd struct{}

// Run reports that the command is not built yet.
func (c *importCmd) Run(g *Globals) error { return errors.New("import: not built yet") }
